using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Accounts;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Reports;

/// <summary>The project report: sentences a coordinator pastes into a report to a funder, and the table behind them.</summary>
internal sealed record ProjectReportView(IReadOnlyList<string> Sentences, ReportTable Table);

/// <summary>
/// Writes "56 prosecutors, judges and police officers trained in … during two 3-day training sessions organised in
/// Poiana Brașov, Romania (…)" per group of cohorts (same course or modules, same place), then the total with the
/// countries, from the same facts as the training report.
/// </summary>
internal static class ProjectReport
{
    public static ProjectReportView Build(
        IReadOnlyList<LearnerFacts> learners, IReadOnlyList<ReportCohort> cohorts, CourseCatalog catalog, IStringLocalizer<Strings> l,
        bool includeTotal = true)
    {
        var sentences = new List<string>();
        var rows = new List<IReadOnlyList<string>>();
        var trainedBy = cohorts.ToDictionary(c => c.Id, c => learners.Where(f => f.Cohorts.Contains(c.Id) && TrainingReport.TrainedIn(f, c)).ToList());

        foreach (var cohort in cohorts)
        {
            var trained = trainedBy[cohort.Id];
            var members = learners.Where(f => f.Cohorts.Contains(cohort.Id)).ToList();
            rows.Add([
                cohort.Name, Subject(cohort, catalog, l), cohort.Online ? l["ReportOnline"] : Place(cohort),
                Iso(cohort.StartsOn), Iso(cohort.EndsOn), Number(cohort.InPersonDays), Number(trained.Count),
                Number(members.Count(f => TrainingReport.CompletedIn(f, cohort))),
                Number(members.Count(f => f.Certificates.Any(c => c.Course == cohort.CourseSlug && (c.Module.Length == 0 || cohort.Covers(c.Course, c.Module))))),
                string.Join("; ", ByProfession(trained).Select(p => $"{l["Profession_" + p.Profession]}: {p.Count}")),
                string.Join("; ", ByCountry(trained).Select(c => $"{Countries.DisplayName(c.Country)}: {c.Count}")),
            ]);
        }

        var groups = cohorts
            .Where(c => trainedBy[c.Id].Count > 0)
            .GroupBy(c => (c.CourseSlug, Modules: string.Join(',', c.Modules), c.Online, Place: c.Online ? "" : Place(c)));
        foreach (var group in groups)
        {
            var groupCohorts = group.OrderBy(c => c.StartsOn).ToList();
            var trained = groupCohorts.SelectMany(c => trainedBy[c.Id]).DistinctBy(f => f.Learner.Id).ToList();
            var who = ListJoin(ByProfession(trained).Select(p => ProfessionName(p.Profession, trained.Count, l)), l);
            var subject = Subject(groupCohorts[0], catalog, l);
            var sessions = Sessions(groupCohorts, l);
            var dates = ListJoin(groupCohorts.Select(c => Dates(c.StartsOn, c.EndsOn)), l);
            sentences.Add(group.Key.Online
                ? l["ProjectSentenceOnline", Number(trained.Count), who, subject, sessions, dates]
                : l["ProjectSentence", Number(trained.Count), who, subject, sessions, group.Key.Place, dates]);
        }

        if (includeTotal)
        {
            var all = learners.Where(f => f.StartedModules.Count > 0 || f.AttendedCohorts.Count > 0).ToList();
            var countries = ListJoin(ByCountry(all).Where(c => c.Country.Length > 0).Select(c => Countries.DisplayName(c.Country)), l);
            var form = all.Count == 1 ? "one" : "other";
            sentences.Add(countries.Length == 0
                ? l["ProjectTotalNoCountry_" + form, Number(all.Count)]
                : l["ProjectTotal_" + form, Number(all.Count), countries]);
        }

        var table = new ReportTable(
            [l["ReportCohort"], l["ReportSubject"], l["ReportPlace"], l["ReportStarts"], l["ReportEnds"], l["ReportInPersonDays"],
             l["ReportTrained"], l["ReportCompleted"], l["ReportCertified"], l["ReportProfessions"], l["ReportCountries"]],
            rows);
        return new ProjectReportView(sentences, table);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string ListJoin(IEnumerable<string> items, IStringLocalizer<Strings> l)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + l["ListAnd"] + list[^1],
        };
    }

    /// <summary>"12–14 May 2026", "30 May – 2 June 2026", "30 December 2026 – 2 January 2027", or one day.</summary>
    public static string Dates(DateOnly starts, DateOnly ends)
    {
        var culture = CultureInfo.CurrentCulture;
        if (ends <= starts)
        {
            return starts.ToString("d MMMM yyyy", culture);
        }
        if (starts.Year != ends.Year)
        {
            return starts.ToString("d MMMM yyyy", culture) + " – " + ends.ToString("d MMMM yyyy", culture);
        }
        return starts.Month == ends.Month
            ? starts.Day.ToString(culture) + "–" + ends.ToString("d MMMM yyyy", culture)
            : starts.ToString("d MMMM", culture) + " – " + ends.ToString("d MMMM yyyy", culture);
    }

    private static string Sessions(List<ReportCohort> cohorts, IStringLocalizer<Strings> l)
    {
        var count = NumberWord(cohorts.Count, l);
        var form = cohorts.Count == 1 ? "one" : "other";
        if (cohorts.All(c => c.Online))
        {
            return l["ProjectSessionsOnline_" + form, count];
        }
        var days = cohorts.Select(c => c.InPersonDays > 0 ? c.InPersonDays : c.EndsOn.DayNumber - c.StartsOn.DayNumber + 1).Distinct().ToList();
        return days.Count == 1
            ? l["ProjectSessionsDays_" + form, count, Number(days[0])]
            : l["ProjectSessions_" + form, count];
    }

    private static string NumberWord(int n, IStringLocalizer<Strings> l)
    {
        var words = l["NumberWords"].Value.Split(',');
        return n >= 0 && n < words.Length ? words[n] : Number(n);
    }

    private static string ProfessionName(Profession profession, int count, IStringLocalizer<Strings> l) =>
        l[(count == 1 ? "ProfessionOne_" : "ProfessionPlural_") + profession];

    private static string Subject(ReportCohort cohort, CourseCatalog catalog, IStringLocalizer<Strings> l)
    {
        var course = catalog.FindCourse(cohort.CourseSlug);
        if (cohort.Modules.Count == 0)
        {
            return course?.Title ?? cohort.CourseSlug;
        }
        return ListJoin(cohort.Modules.Select(m => course?.FindModule(m)?.Title ?? m), l);
    }

    private static string Place(ReportCohort cohort) =>
        cohort.Country.Length == 0 ? cohort.Place
            : cohort.Place.Length == 0 ? Countries.DisplayName(cohort.Country)
            : cohort.Place + ", " + Countries.DisplayName(cohort.Country);

    // Largest group first; "other" last whatever its size, so the sentence reads "…, judges and other practitioners".
    private static IEnumerable<(Profession Profession, int Count)> ByProfession(IEnumerable<LearnerFacts> learners) =>
        learners.GroupBy(f => f.Learner.Profession)
            .OrderBy(g => g.Key == Profession.Other ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => (g.Key, g.Count()));

    private static IEnumerable<(string Country, int Count)> ByCountry(IEnumerable<LearnerFacts> learners) =>
        learners.GroupBy(f => f.Learner.Country, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => Countries.DisplayName(g.Key), StringComparer.InvariantCulture)
            .Select(g => (g.Key, g.Count()));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
