using System.Globalization;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Cohorts;

/// <summary>
/// Every route under <c>/trainer/cohorts/{Id}</c> answers 404 for a cohort the user may not open (and for a day that is
/// not that cohort's), before its handler runs. The pages check it too, but a form posted to such a page would reach
/// Blazor's form dispatch first, which answers 400 for a form it did not render: the answer must not depend on the method.
/// </summary>
internal static class CohortRouteGuard
{
    public static IApplicationBuilder UseCohortRouteGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Runs after authorization: only trainers and admins get here on these routes.
            if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
                && pattern.TrimStart('/').StartsWith("trainer/cohorts/{Id", StringComparison.OrdinalIgnoreCase)
                && Number(context, "Id") is { } cohortId)
            {
                var db = context.RequestServices.GetRequiredService<AppDbContext>();
                var dayId = Number(context, "DayId");
                var found = await CohortAccess.CanSeeCohortAsync(db, context.User, cohortId, context.RequestAborted)
                    && (dayId is null || await db.CohortDays.AnyAsync(d => d.Id == dayId && d.CohortId == cohortId, context.RequestAborted));
                if (!found)
                {
                    // The status page is rendered by the status code pages, as for any other 404.
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }
            await next(context);
        });

    private static int? Number(HttpContext context, string name) =>
        int.TryParse(context.GetRouteValue(name)?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
