using Microsoft.AspNetCore.Antiforgery;

namespace ELearning.Web.Security;

internal static class AntiforgeryFilter
{
    /// <summary>
    /// Validates the antiforgery token on every request of the endpoint. Minimal APIs validate it only when they bind
    /// form parameters; these endpoints read the form themselves or have none, so they ask explicitly.
    /// </summary>
    public static TBuilder RequireAntiforgery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                return TypedResults.BadRequest();
            }
            return await next(context);
        });
}
