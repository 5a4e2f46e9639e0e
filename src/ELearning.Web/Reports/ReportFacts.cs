using System.Linq.Expressions;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Cohorts;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Reports;

/// <summary>A period of whole days (UTC), both ends included; either end may be open.</summary>
internal sealed record ReportPeriod(DateOnly? From, DateOnly? To)
{
    public static ReportPeriod All { get; } = new(null, null);

    public DateTime Start => From is { } from ? from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.MinValue;

    public DateTime End => To is { } to ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.MaxValue;

    public bool Contains(DateTime at) => at >= Start && at < End;

    public bool Contains(DateOnly day) => (From is not { } from || day >= from) && (To is not { } to || day <= to);

    /// <summary>True when a cohort running from <paramref name="starts"/> to <paramref name="ends"/> overlaps the period.</summary>
    public bool Overlaps(DateOnly starts, DateOnly ends) => (From is not { } from || ends >= from) && (To is not { } to || starts <= to);
}

/// <summary>A learner's profile as reports group it.</summary>
internal sealed record ReportLearner(string Id, string Country, Profession Profession, string Institution);

/// <summary>A cohort as reports show it.</summary>
internal sealed record ReportCohort(
    int Id, string Name, string CourseSlug, IReadOnlyList<string> Modules, DateOnly StartsOn, DateOnly EndsOn, string Place, bool Online,
    string Country, int InPersonDays)
{
    public bool Covers(string course, string module) =>
        CourseSlug == course && (Modules.Count == 0 || Modules.Contains(module));
}

/// <summary>What one learner did in the period, as every report counts it.</summary>
internal sealed class LearnerFacts(ReportLearner learner)
{
    public ReportLearner Learner { get; } = learner;

    /// <summary>(course, module) of every lesson the learner first opened in the period.</summary>
    public HashSet<(string Course, string Module)> StartedModules { get; } = [];

    /// <summary>Cohorts on one of whose in-person days (in the period) the learner was marked present.</summary>
    public HashSet<int> AttendedCohorts { get; } = [];

    public HashSet<(string Course, string Module)> CompletedModules { get; } = [];
    public HashSet<string> CompletedCourses { get; } = new(StringComparer.Ordinal);

    /// <summary>(course, module) of every certificate issued in the period and not revoked; module empty for a course certificate.</summary>
    public HashSet<(string Course, string Module)> Certificates { get; } = [];

    public List<int> Cohorts { get; } = [];
}

/// <summary>
/// Loads what reports count, with a handful of aggregate queries whatever the number of learners: per learner and module
/// the number of the catalog's lessons completed (and when the last was), the learner's graded submitted attempts
/// (narrow rows), attendance and certificates. Completion is then decided by <see cref="LearnerRecord"/> itself, fed
/// with the aggregate in place of the lesson rows, so reports never re-implement the rules.
/// </summary>
internal static class ReportFacts
{
    /// <param name="scope">Learner ids the viewer may see (a trainer's cohorts), or null for everyone (an admin).</param>
    /// <param name="cohorts">Cohorts the viewer may see.</param>
    public static async Task<(IReadOnlyList<LearnerFacts> Learners, IReadOnlyList<ReportCohort> Cohorts)> LoadAsync(
        AppDbContext db, CourseCatalog catalog, IQueryable<string>? scope, IQueryable<Cohort> cohorts, ReportPeriod period, CancellationToken cancel)
    {
        var start = period.Start;
        var end = period.End;

        var users = db.Users.AsNoTracking();
        var lessons = db.LessonProgress.AsNoTracking();
        var attempts = db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.Kind == AttemptKind.Graded && a.Status == AttemptStatus.Submitted && a.Percent != null);
        var certificates = db.Certificates.AsNoTracking().Where(c => c.RevokedAt == null && c.IssuedAt >= start && c.IssuedAt < end);
        if (scope is not null)
        {
            users = users.Where(u => scope.Contains(u.Id));
            lessons = lessons.Where(p => scope.Contains(p.UserId));
            attempts = attempts.Where(a => scope.Contains(a.UserId));
            certificates = certificates.Where(c => scope.Contains(c.UserId));
        }

        var cohortRows = await cohorts.AsNoTracking()
            .OrderBy(c => c.StartsOn).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.CourseSlug, c.ModuleSlugs, c.StartsOn, c.EndsOn, c.Place, c.Online, c.Country, Days = c.Days.Count })
            .ToListAsync(cancel);
        var reportCohorts = cohortRows.Select(c => new ReportCohort(
            c.Id, c.Name, c.CourseSlug, c.ModuleSlugs.Length == 0 ? [] : c.ModuleSlugs.Split(','), c.StartsOn, c.EndsOn, c.Place, c.Online,
            c.Country, c.Days)).ToList();
        var cohortIds = cohorts.Select(c => c.Id);

        var facts = (await users.Select(u => new ReportLearner(u.Id, u.Country, u.Profession, u.Institution)).ToListAsync(cancel))
            .ToDictionary(u => u.Id, u => new LearnerFacts(u), StringComparer.Ordinal);

        // Lessons count only when the catalog still has them: a removed lesson's row neither completes nor blocks a module.
        // The catalog's lessons are inlined as constants (slugs are [a-z0-9-]): a per-row lookup in a parameter list
        // (json_each) cost more than the grouping itself at 10,000 learners.
        var lessonRows = await lessons
            .Where(InCatalog(catalog))
            .GroupBy(p => new { p.UserId, p.CourseSlug, p.ModuleSlug })
            .Select(g => new
            {
                g.Key.UserId,
                g.Key.CourseSlug,
                g.Key.ModuleSlug,
                StartedInPeriod = g.Count(p => p.FirstOpenedAt >= start && p.FirstOpenedAt < end),
                Completed = g.Count(p => p.CompletedAt != null),
                LastCompleted = g.Max(p => p.CompletedAt),
            })
            .ToListAsync(cancel);

        var attemptRows = await attempts
            .Select(a => new { a.UserId, a.CourseSlug, a.ModuleSlug, a.Number, a.StartedAt, a.SubmittedAt, a.PassMark, a.Percent, a.Passed })
            .ToListAsync(cancel);

        var (from, to) = (period.From ?? DateOnly.MinValue, period.To ?? DateOnly.MaxValue);
        var attended = await db.Attendance.AsNoTracking()
            .Where(a => a.Status == AttendanceStatus.Present)
            .Join(db.CohortDays.Where(d => d.Date >= from && d.Date <= to && cohortIds.Contains(d.CohortId)), a => a.CohortDayId, d => d.Id,
                (a, d) => new { a.UserId, d.CohortId })
            .Distinct()
            .ToListAsync(cancel);

        var certificateRows = await certificates.Select(c => new { c.UserId, c.CourseSlug, c.ModuleSlug }).ToListAsync(cancel);

        var members = await db.CohortMembers.AsNoTracking().Where(m => cohortIds.Contains(m.CohortId)).Select(m => new { m.UserId, m.CohortId }).ToListAsync(cancel);

        foreach (var member in members)
        {
            facts.GetValueOrDefault(member.UserId)?.Cohorts.Add(member.CohortId);
        }
        foreach (var day in attended)
        {
            facts.GetValueOrDefault(day.UserId)?.AttendedCohorts.Add(day.CohortId);
        }
        foreach (var certificate in certificateRows)
        {
            facts.GetValueOrDefault(certificate.UserId)?.Certificates.Add((certificate.CourseSlug, certificate.ModuleSlug));
        }

        // Per learner and course: the lesson aggregate stands in for the lesson marks (all of a module's lessons complete,
        // at the time the last one was), the attempts are the learner's own; the record decides.
        var lessonMarks = new Dictionary<(string User, string Course), List<LessonMark>>();
        var active = new HashSet<(string User, string Course)>();
        foreach (var row in lessonRows)
        {
            if (!facts.TryGetValue(row.UserId, out var learner))
            {
                continue;
            }
            if (row.StartedInPeriod > 0)
            {
                learner.StartedModules.Add((row.CourseSlug, row.ModuleSlug));
            }
            active.Add((row.UserId, row.CourseSlug));
            var module = catalog.FindCourse(row.CourseSlug)?.FindModule(row.ModuleSlug);
            if (module is null || row.Completed < module.Lessons.Count || row.LastCompleted is not { } last)
            {
                continue;
            }
            var at = DateTime.SpecifyKind(last, DateTimeKind.Utc);
            if (!lessonMarks.TryGetValue((row.UserId, row.CourseSlug), out var marks))
            {
                lessonMarks[(row.UserId, row.CourseSlug)] = marks = [];
            }
            marks.AddRange(module.Lessons.Select(l => new LessonMark(l.CourseSlug, l.ModuleSlug, l.Slug, at, at, at)));
        }
        var attemptMarks = attemptRows
            .Select(a => (a.UserId, Mark: new AttemptMark(
                a.CourseSlug, a.ModuleSlug, a.Number, AttemptState.Submitted, Utc(a.StartedAt), null, Utc(a.SubmittedAt), a.PassMark, a.Percent, a.Passed)))
            .ToLookup(a => (a.UserId, a.Mark.Course), a => a.Mark);
        foreach (var key in attemptRows.Select(a => (a.UserId, a.CourseSlug)))
        {
            active.Add(key);
        }

        foreach (var (userId, courseSlug) in active)
        {
            if (!facts.TryGetValue(userId, out var learner) || catalog.FindCourse(courseSlug) is not { } course)
            {
                continue;
            }
            var marks = lessonMarks.GetValueOrDefault((userId, courseSlug));
            var record = new LearnerRecord(marks ?? [], attemptMarks[(userId, courseSlug)]);
            var anyComplete = false;
            foreach (var module in course.Modules)
            {
                // Only a module whose lessons are all complete (or that has none) can be complete: skip asking for the rest.
                if (module.Lessons.Count > 0 && (marks is null || !marks.Exists(m => m.Module == module.Slug)))
                {
                    continue;
                }
                if (record.CompletedAt(module) is { } completed)
                {
                    anyComplete = true;
                    if (period.Contains(completed))
                    {
                        learner.CompletedModules.Add((course.Slug, module.Slug));
                    }
                }
            }
            if (anyComplete && record.CompletedAt(course) is { } courseCompleted && period.Contains(courseCompleted))
            {
                learner.CompletedCourses.Add(course.Slug);
            }
        }
        return ([.. facts.Values], reportCohorts);
    }

    /// <summary><c>p =&gt; (course = c AND module = m AND lesson IN (…)) OR …</c> over the catalog's lessons, as constants.</summary>
    private static Expression<Func<LessonProgress, bool>> InCatalog(CourseCatalog catalog)
    {
        var p = Expression.Parameter(typeof(LessonProgress), "p");
        Expression Is(string property, string value) => Expression.Equal(Expression.Property(p, property), Expression.Constant(value));
        Expression? any = null;
        foreach (var module in catalog.Courses.SelectMany(c => c.Modules).Where(m => m.Lessons.Count > 0))
        {
            var lessonsOf = module.Lessons.Select(l => Is(nameof(LessonProgress.LessonSlug), l.Slug)).Aggregate(Expression.OrElse);
            var clause = Expression.AndAlso(
                Expression.AndAlso(Is(nameof(LessonProgress.CourseSlug), module.CourseSlug), Is(nameof(LessonProgress.ModuleSlug), module.Slug)),
                lessonsOf);
            any = any is null ? clause : Expression.OrElse(any, clause);
        }
        return Expression.Lambda<Func<LessonProgress, bool>>(any ?? Expression.Constant(false), p);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
