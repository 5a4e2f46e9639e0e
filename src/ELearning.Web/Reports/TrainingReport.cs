using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Accounts;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Reports;

internal enum ReportDimension
{
    Country,
    Profession,
    Institution,
    Cohort,
    Module,
}

/// <summary>One row: a group and how many learners in it were trained, completed and were certified in the period.</summary>
internal sealed record TrainingRow(string Group, int Trained, int Completed, int Certified);

/// <summary>
/// Trained / completed / certified learners grouped by one dimension (definitions in docs/decisions.md):
/// trained = first opened a lesson in the period, or was present on an in-person day in it;
/// completed = completed a course in the period (by module: that module), as <c>LearnerRecord</c> decides;
/// certified = holds a certificate issued in the period and not revoked.
/// </summary>
internal static class TrainingReport
{
    public static (IReadOnlyList<TrainingRow> Rows, TrainingRow Total) Build(
        IReadOnlyList<LearnerFacts> learners, IReadOnlyList<ReportCohort> cohorts, CourseCatalog catalog, ReportDimension by, IStringLocalizer<Strings> l)
    {
        var cohortById = cohorts.ToDictionary(c => c.Id);
        bool Trained(LearnerFacts f) => f.StartedModules.Count > 0 || f.AttendedCohorts.Count > 0;
        var total = new TrainingRow(
            l["ReportTotal"], learners.Count(Trained), learners.Count(f => f.CompletedCourses.Count > 0), learners.Count(f => f.Certificates.Count > 0));

        IEnumerable<TrainingRow> rows = by switch
        {
            ReportDimension.Country => Group(learners, f => f.Learner.Country, Trained)
                .Select(r => r with { Group = r.Group.Length == 0 ? l["ReportNotGiven"] : Countries.DisplayName(r.Group) })
                .OrderBy(r => r.Group, StringComparer.InvariantCulture),
            ReportDimension.Profession => Group(learners, f => f.Learner.Profession.ToString(), Trained)
                .OrderBy(r => Enum.Parse<Profession>(r.Group) == Profession.Other ? 1 : 0).ThenBy(r => Enum.Parse<Profession>(r.Group))
                .Select(r => r with { Group = l["Profession_" + r.Group] }),
            ReportDimension.Institution => Group(learners, f => f.Learner.Institution.Trim(), Trained)
                .Select(r => r with { Group = r.Group.Length == 0 ? l["ReportNotGiven"] : r.Group })
                .OrderByDescending(r => r.Trained).ThenBy(r => r.Group, StringComparer.InvariantCulture),
            ReportDimension.Cohort => ByCohort(learners, cohorts, Trained, l),
            _ => ByModule(learners, catalog, cohortById, l),
        };
        return ([.. rows.Where(r => r.Trained + r.Completed + r.Certified > 0 || by is ReportDimension.Module or ReportDimension.Cohort)], total);
    }

    public static ReportTable ToTable(IReadOnlyList<TrainingRow> rows, TrainingRow total, ReportDimension by, IStringLocalizer<Strings> l) =>
        new(
            [l["ReportBy_" + by], l["ReportTrained"], l["ReportCompleted"], l["ReportCertified"]],
            [.. rows.Append(total).Select(r => (IReadOnlyList<string>)[r.Group, Number(r.Trained), Number(r.Completed), Number(r.Certified)])]);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<TrainingRow> Group(IReadOnlyList<LearnerFacts> learners, Func<LearnerFacts, string> key, Func<LearnerFacts, bool> trained) =>
        learners.GroupBy(key, StringComparer.OrdinalIgnoreCase).Select(g => new TrainingRow(
            g.Key, g.Count(trained), g.Count(f => f.CompletedCourses.Count > 0), g.Count(f => f.Certificates.Count > 0)));

    // A cohort counts its members for its own course (or modules): trained there, completed it, certified for it.
    private static IEnumerable<TrainingRow> ByCohort(
        IReadOnlyList<LearnerFacts> learners, IReadOnlyList<ReportCohort> cohorts, Func<LearnerFacts, bool> trained, IStringLocalizer<Strings> l)
    {
        foreach (var cohort in cohorts)
        {
            var members = learners.Where(f => f.Cohorts.Contains(cohort.Id)).ToList();
            yield return new TrainingRow(
                cohort.Name,
                members.Count(f => TrainedIn(f, cohort)),
                members.Count(f => CompletedIn(f, cohort)),
                members.Count(f => f.Certificates.Any(c => c.Course == cohort.CourseSlug && (c.Module.Length == 0 || cohort.Covers(c.Course, c.Module)))));
        }
        var outside = learners.Where(f => f.Cohorts.Count == 0).ToList();
        var row = new TrainingRow(
            l["ReportNoCohort"], outside.Count(trained), outside.Count(f => f.CompletedCourses.Count > 0), outside.Count(f => f.Certificates.Count > 0));
        if (row.Trained + row.Completed + row.Certified > 0)
        {
            yield return row;
        }
    }

    public static bool TrainedIn(LearnerFacts f, ReportCohort cohort) =>
        f.AttendedCohorts.Contains(cohort.Id) || f.StartedModules.Any(m => cohort.Covers(m.Course, m.Module));

    /// <summary>The cohort's whole course, or every module it covers.</summary>
    public static bool CompletedIn(LearnerFacts f, ReportCohort cohort) =>
        cohort.Modules.Count == 0
            ? f.CompletedCourses.Contains(cohort.CourseSlug)
            : cohort.Modules.All(m => f.CompletedModules.Contains((cohort.CourseSlug, m)));

    private static IEnumerable<TrainingRow> ByModule(
        IReadOnlyList<LearnerFacts> learners, CourseCatalog catalog, Dictionary<int, ReportCohort> cohortById, IStringLocalizer<Strings> l)
    {
        bool AttendedFor(LearnerFacts f, string course, string? module) =>
            f.AttendedCohorts.Any(id => cohortById.TryGetValue(id, out var c) && c.CourseSlug == course && (module is null || c.Covers(course, module)));

        foreach (var course in catalog.Courses)
        {
            yield return new TrainingRow(
                l["ReportWholeCourse", course.Title],
                learners.Count(f => f.StartedModules.Any(m => m.Course == course.Slug) || AttendedFor(f, course.Slug, null)),
                learners.Count(f => f.CompletedCourses.Contains(course.Slug)),
                learners.Count(f => f.Certificates.Contains((course.Slug, ""))));
            foreach (var module in course.Modules)
            {
                var key = (course.Slug, module.Slug);
                yield return new TrainingRow(
                    course.Title + " / " + module.Title,
                    learners.Count(f => f.StartedModules.Contains(key) || AttendedFor(f, course.Slug, module.Slug)),
                    learners.Count(f => f.CompletedModules.Contains(key)),
                    learners.Count(f => f.Certificates.Contains(key)));
            }
        }
    }
}
