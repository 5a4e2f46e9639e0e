using System.Security.Claims;
using ELearning.Content.Catalog;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Cohorts;

/// <summary>
/// Who may open content marked <c>access: cohort</c>: members of a cohort that covers it (the whole course, or a list of
/// modules that includes it), and every trainer and admin. Open content is open to every signed-in learner, as before.
/// </summary>
internal sealed record CohortCoverage(bool Everything, IReadOnlyList<(string Course, IReadOnlyList<string> Modules)> Cohorts)
{
    public static readonly CohortCoverage Nothing = new(false, []);
    public static readonly CohortCoverage All = new(true, []);

    public bool MayOpen(Course course) =>
        course.Access == ContentAccess.Open || Everything || Cohorts.Any(c => c.Course == course.Slug);

    /// <summary>In the catalog: a course the user may open with at least one module they may open (or none yet).</summary>
    public bool Lists(Course course) =>
        MayOpen(course) && (course.Modules.Count == 0 || course.Modules.Any(m => MayOpen(course, m)));

    public bool MayOpen(Course course, Module module) =>
        (module.Access == ContentAccess.Open && course.Access == ContentAccess.Open) || Everything
        || Cohorts.Any(c => c.Course == course.Slug && (c.Modules.Count == 0 || c.Modules.Contains(module.Slug, StringComparer.Ordinal)));
}

/// <summary>The request user's <see cref="CohortCoverage"/>, read at most once per request and only when some content is restricted.</summary>
internal sealed class CohortContent(IHttpContextAccessor http, AppDbContext db)
{
    private CohortCoverage? _coverage;

    public async Task<CohortCoverage> CoverageAsync(CourseCatalog catalog)
    {
        if (_coverage is not null)
        {
            return _coverage;
        }
        var user = http.HttpContext?.User ?? new ClaimsPrincipal();
        if (!catalog.Courses.Any(c => c.Access == ContentAccess.Cohort || c.Modules.Any(m => m.Access == ContentAccess.Cohort)))
        {
            // Nothing is restricted: no database read.
            return _coverage = CohortCoverage.Nothing;
        }
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Trainer))
        {
            return _coverage = CohortCoverage.All;
        }
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return _coverage = CohortCoverage.Nothing;
        }
        var rows = await db.CohortMembers.Where(m => m.UserId == userId)
            .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { c.CourseSlug, c.ModuleSlugs })
            .ToListAsync(http.HttpContext?.RequestAborted ?? default);
        return _coverage = new CohortCoverage(false,
            [.. rows.Select(r => (r.CourseSlug, (IReadOnlyList<string>)(r.ModuleSlugs.Length == 0 ? [] : r.ModuleSlugs.Split(','))))]);
    }
}

/// <summary>The check <see cref="Progress.ModuleLocks"/> runs for every route under a course or module.</summary>
internal static class CohortAccessRules
{
    public static async Task<bool> MayOpenAsync(HttpContext context, Course course, string? moduleSlug)
    {
        var module = moduleSlug is null ? null : course.FindModule(moduleSlug);
        if (course.Access == ContentAccess.Open && (module is null || module.Access == ContentAccess.Open))
        {
            return true;
        }
        var catalog = context.RequestServices.GetRequiredService<Progress.LearnerContext>().Catalog;
        var coverage = await context.RequestServices.GetRequiredService<CohortContent>().CoverageAsync(catalog);
        return module is null ? coverage.MayOpen(course) : coverage.MayOpen(course, module);
    }
}
