using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Theming;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Trainers;

/// <summary>Where a trainer goes from a cohort: one list, shown on /trainer and on the cohort's own page.</summary>
internal static class CohortLinks
{
    public static IReadOnlyList<Link> For(int cohortId, Course? course, string moduleSlugs, IStringLocalizer<Strings> l)
    {
        var id = cohortId.ToString(CultureInfo.InvariantCulture);
        var links = new List<Link>
        {
            new(l["CohortLinkPage"], "/trainer/cohorts/" + id),
            new(l["CohortLinkProgress"], TrainerUrls.Progress(cohortId)),
            new(l["CohortLinkGain"], $"/trainer/cohorts/{id}/gain"),
            new(l["CohortLinkSurvey"], $"/trainer/cohorts/{id}/survey"),
        };
        var covered = moduleSlugs.Length == 0 ? null : moduleSlugs.Split(',').ToHashSet(StringComparer.Ordinal);
        foreach (var module in course?.Modules.Where(m => m.Assessment is not null && (covered is null || covered.Contains(m.Slug))) ?? [])
        {
            links.Add(new(l["ItemAnalysisTitle", module.Title],
                $"/trainer/analysis/{Uri.EscapeDataString(course!.Slug)}/{Uri.EscapeDataString(module.Slug)}?cohort={id}"));
        }
        links.Add(new(l["CohortLinkReport"], "/trainer/reports/project/" + id));
        return links;
    }

    /// <summary>The trainer tools every trainer has, beyond content status.</summary>
    public static IReadOnlyList<Link> Tools(IStringLocalizer<Strings> l) =>
    [
        new(l["CohortsTitle"], "/trainer/cohorts"),
        new(l["ReportsTitle"], "/trainer/reports"),
        new(l["ProjectReportTitle"], "/trainer/reports/project"),
    ];

    /// <summary>The administration pages, listed on /trainer for an admin.</summary>
    public static IReadOnlyList<Link> Administration(IStringLocalizer<Strings> l) =>
    [
        new(l["AdminUsersTitle"], "/admin/users"),
        new(l["ReportsTitle"], "/admin/reports"),
        new(l["ProjectReportTitle"], "/admin/reports/project"),
        new(l["AuditTitle"], "/admin/audit"),
        new(l["CertificatesAdminTitle"], "/admin/certificates"),
    ];
}
