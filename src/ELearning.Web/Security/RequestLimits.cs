using Microsoft.AspNetCore.Diagnostics;

namespace ELearning.Web.Security;

/// <summary>
/// Request bodies: at most <see cref="MaxBodyBytes"/> (413), and a form that cannot be read (a NUL, bad encoding, too
/// many fields) is a 400. The form is read here, once, before antiforgery or a handler reads it: their own failures
/// would surface as a 500, or as an antiforgery 400 for a body that was merely too large.
/// </summary>
internal static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                if (request.ContentLength > MaxBodyBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                if (request.HasFormContentType)
                {
                    try
                    {
                        await request.ReadFormAsync(context.RequestAborted);
                    }
                    catch (BadHttpRequestException e)
                    {
                        // Kestrel's own limit on a body without a length (chunked): 413 as well.
                        context.Response.StatusCode = e.StatusCode;
                        return;
                    }
                    catch (InvalidDataException)
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        return;
                    }
                }
            }
            await next(context);
        });
}
