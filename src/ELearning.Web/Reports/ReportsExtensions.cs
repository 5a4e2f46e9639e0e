using System.Globalization;
using System.Security.Claims;
using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Reports;

/// <summary>The report pages' query (<c>from</c>, <c>to</c>, <c>by</c>) and their CSV twins (the same path + <c>.csv</c>).</summary>
internal static class ReportsExtensions
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/reports.csv", TrainingCsvAsync).RequireAuthorization(p => p.RequireRole(Accounts.Roles.Admin)).AllowCookieRedirect();
        app.MapGet("/trainer/reports.csv", TrainingCsvAsync).RequireAuthorization(p => p.RequireRole(Accounts.Roles.Trainer, Accounts.Roles.Admin)).AllowCookieRedirect();
        app.MapGet("/admin/reports/project.csv", ProjectCsvAsync).RequireAuthorization(p => p.RequireRole(Accounts.Roles.Admin)).AllowCookieRedirect();
        app.MapGet("/admin/reports/project/{cohortId:int}.csv", ProjectCsvAsync).RequireAuthorization(p => p.RequireRole(Accounts.Roles.Admin)).AllowCookieRedirect();
        app.MapGet("/trainer/reports/project.csv", ProjectCsvAsync).RequireAuthorization(p => p.RequireRole(Accounts.Roles.Trainer, Accounts.Roles.Admin)).AllowCookieRedirect();
        app.MapGet("/trainer/reports/project/{cohortId:int}.csv", ProjectCsvAsync).RequireAuthorization(p => p.RequireRole(Accounts.Roles.Trainer, Accounts.Roles.Admin)).AllowCookieRedirect();
        return app;
    }

    /// <summary>Parses <c>from</c>/<c>to</c> (yyyy-mm-dd, both optional); null when malformed or reversed.</summary>
    public static ReportPeriod? ParsePeriod(string? from, string? to)
    {
        DateOnly? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return null;
            }
            start = parsed;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return null;
            }
            end = parsed;
        }
        return start > end ? null : new ReportPeriod(start, end);
    }

    public static ReportDimension? ParseDimension(string? by) =>
        string.IsNullOrEmpty(by) ? ReportDimension.Country
            : Enum.TryParse<ReportDimension>(by, ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : null;

    /// <summary>
    /// The facts the viewer may see: everything for an admin; a trainer's own cohorts and their members, also on
    /// <c>/admin</c>'s twin under <c>/trainer</c>. <paramref name="cohortId"/> narrows to one cohort (null when not visible).
    /// </summary>
    public static async Task<(IReadOnlyList<LearnerFacts> Learners, IReadOnlyList<ReportCohort> Cohorts)?> LoadForAsync(
        AppDbContext db, CourseCatalog catalog, ClaimsPrincipal user, ReportPeriod period, int? cohortId, CancellationToken cancel)
    {
        var cohorts = CohortAccess.VisibleCohorts(db, user);
        IQueryable<string>? scope = CohortAccess.IsAdmin(user) ? null : CohortAccess.VisibleLearnerIds(db, user);
        if (cohortId is { } id)
        {
            if (!await CohortAccess.CanSeeCohortAsync(db, user, id, cancel))
            {
                return null;
            }
            cohorts = cohorts.Where(c => c.Id == id);
            scope = db.CohortMembers.Where(m => m.CohortId == id).Select(m => m.UserId);
        }
        return await ReportFacts.LoadAsync(db, catalog, scope, cohorts, period, cancel);
    }

    private static async Task<IResult> TrainingCsvAsync(
        HttpContext http, AppDbContext db, CourseCatalogLoader loader, IStringLocalizer<Strings> l, string? from, string? to, string? by)
    {
        if (ParsePeriod(from, to) is not { } period || ParseDimension(by) is not { } dimension)
        {
            return TypedResults.BadRequest(l["ReportBadDate"].Value);
        }
        var catalog = loader.GetCatalog();
        var (learners, cohorts) = (await LoadForAsync(db, catalog, http.User, period, null, http.RequestAborted))!.Value;
        var (rows, total) = TrainingReport.Build(learners, cohorts, catalog, dimension, l);
        return TrainingReport.ToTable(rows, total, dimension, l).CsvResult($"training-report-{dimension.ToString().ToLowerInvariant()}.csv");
    }

    private static async Task<IResult> ProjectCsvAsync(
        HttpContext http, AppDbContext db, CourseCatalogLoader loader, IStringLocalizer<Strings> l, string? from, string? to, int? cohortId)
    {
        if (ParsePeriod(from, to) is not { } period)
        {
            return TypedResults.BadRequest(l["ReportBadDate"].Value);
        }
        var catalog = loader.GetCatalog();
        if (await LoadForAsync(db, catalog, http.User, period, cohortId, http.RequestAborted) is not var (learners, cohorts))
        {
            return TypedResults.NotFound();
        }
        var visible = cohorts.Where(c => period.Overlaps(c.StartsOn, c.EndsOn)).ToList();
        return ProjectReport.Build(learners, visible, catalog, l).Table.CsvResult(cohortId is null ? "project-report.csv" : $"project-report-{cohortId}.csv");
    }
}
