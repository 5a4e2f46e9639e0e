using ELearning.Theming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Components;

/// <summary>
/// Friendly pages for empty error responses (re-executed by the status code and exception middleware). Mapped for
/// every method, because a rejected POST is re-executed as a POST.
/// </summary>
internal static class StatusPages
{
    public static IEndpointRouteBuilder MapStatusPages(this IEndpointRouteBuilder app)
    {
        app.Map("/status/{code:int}", ([FromRoute] int code, HttpContext context, IStringLocalizer<Strings> l) =>
        {
            // Only re-executed requests keep their status; a visitor opening /status/500 directly gets a 404 page.
            var status = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
                    ? code
                    : StatusCodes.Status404NotFound;
            return new RazorComponentResult<App>(new { Status = For(status, l) }) { StatusCode = status };
        }).DisableAntiforgery().AllowAnonymous();
        return app;
    }

    public static StatusView For(int code, IStringLocalizer<Strings> l)
    {
        var (title, message) = code switch
        {
            404 => ("NotFoundTitle", "NotFoundMessage"),
            403 => ("AccessDeniedTitle", "AccessDeniedMessage"),
            429 => ("TooManyRequestsTitle", "TooManyRequestsMessage"),
            >= 400 and < 500 => ("BadRequestTitle", "BadRequestMessage"),
            _ => ("ErrorTitle", "ErrorMessage"),
        };
        return new StatusView(code, l[title], l[message], new Link(l["BackHome"], "/"));
    }
}
