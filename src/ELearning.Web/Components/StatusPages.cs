using ELearning.Theming;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Components;

/// <summary>The wording of error pages, shared by the status page and pages that answer 404 themselves.</summary>
internal static class StatusPages
{
    /// <summary>
    /// A rejected POST (429, 400, 500) is re-executed as a POST; the status page is a plain page, so it is rendered as
    /// a GET instead of being treated as a form submission (which would fail antiforgery and turn a 429 into a 400).
    /// </summary>
    public static IApplicationBuilder UseStatusPagesAsGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }
            return next(context);
        });

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
