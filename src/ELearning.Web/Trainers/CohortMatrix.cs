using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Theming;
using ELearning.Web.Assessments;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Trainers;

/// <summary>
/// A cohort's learners × modules: a handful of set-based queries, each limited to the cohort's members and course and
/// projected to the columns the rules need (no entity is tracked or loaded whole), then the learner-record rules per
/// learner. Attendance is counted by the database.
/// </summary>
internal static class CohortMatrix
{
    internal sealed record Learner(string Id, string Name, string Email, string Institution);

    internal sealed record Result(IReadOnlyList<Module> Modules, IReadOnlyList<(Learner Learner, MatrixRow Row)> Rows, int Days);

    /// <summary>The modules a cohort covers, in course order: the ones it names, or all of the course's.</summary>
    public static List<Module> ModulesOf(Cohort cohort, Course course)
    {
        var named = cohort.Modules;
        return [.. course.Modules.Where(m => named.Count == 0 || named.Contains(m.Slug, StringComparer.Ordinal))];
    }

    public static async Task<Result> LoadAsync(AppDbContext db, Cohort cohort, Course course, Func<string, string> learnerUrl, DateTime now, CancellationToken cancel)
    {
        var id = cohort.Id;
        var courseSlug = course.Slug;
        var members = db.CohortMembers.Where(m => m.CohortId == id).Select(m => m.UserId);
        var learners = await db.Users.AsNoTracking().Where(u => members.Contains(u.Id))
            .Select(u => new Learner(u.Id, u.DisplayName, u.Email ?? "", u.Institution)).ToListAsync(cancel);
        var lessons = (await db.LessonProgress.AsNoTracking().Where(p => members.Contains(p.UserId) && p.CourseSlug == courseSlug)
            .Select(p => new { p.UserId, p.ModuleSlug, p.LessonSlug, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt }).ToListAsync(cancel))
            .ToLookup(p => p.UserId, p => new LessonMark(courseSlug, p.ModuleSlug, p.LessonSlug, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt));
        // Only graded attempts count; pre-tests and trials stay out.
        var attempts = (await db.AssessmentAttempts.AsNoTracking()
            .Where(a => members.Contains(a.UserId) && a.CourseSlug == courseSlug && a.Kind == AttemptKind.Graded)
            .Select(a => new { a.UserId, a.ModuleSlug, a.Number, a.Status, a.StartedAt, a.Deadline, a.SubmittedAt, a.PassMark, a.Percent, a.Passed, a.Expired })
            .ToListAsync(cancel))
            .ToLookup(a => a.UserId, a => new AttemptMark(courseSlug, a.ModuleSlug, a.Number,
                a.Status == AttemptStatus.InProgress ? AttemptState.InProgress : AttemptState.Submitted,
                a.StartedAt, a.Deadline, a.SubmittedAt, a.PassMark, a.Percent, a.Passed, a.Expired));
        var grants = (await db.AllowanceGrants.AsNoTracking().Where(g => members.Contains(g.UserId) && g.CourseSlug == courseSlug).ToListAsync(cancel))
            .ToLookup(g => g.UserId);
        var certificates = (await db.Certificates.AsNoTracking()
            .Where(c => members.Contains(c.UserId) && c.CourseSlug == courseSlug && c.RevokedAt == null)
            .Select(c => new { c.UserId, c.ModuleSlug, c.ExpiresAt }).ToListAsync(cancel))
            .ToLookup(c => c.UserId);
        var present = await db.Attendance.AsNoTracking()
            .Where(a => a.Status == AttendanceStatus.Present && db.CohortDays.Any(d => d.Id == a.CohortDayId && d.CohortId == id))
            .GroupBy(a => a.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancel);
        var days = await db.CohortDays.CountAsync(d => d.CohortId == id, cancel);

        var modules = ModulesOf(cohort, course);
        var rows = new List<(Learner, MatrixRow)>(learners.Count);
        foreach (var learner in learners)
        {
            var record = new LearnerRecord(lessons[learner.Id], attempts[learner.Id], AllowanceGrant.FoldAll(grants[learner.Id]));
            var certified = certificates[learner.Id].Where(c => c.ExpiresAt is null || c.ExpiresAt > now).Select(c => c.ModuleSlug).ToHashSet(StringComparer.Ordinal);
            var cells = modules.Select(m => Cell(record, m, certified.Contains(m.Slug))).ToList();
            var done = modules.Sum(m => record.Count(m).Completed);
            var total = modules.Sum(m => record.Count(m).Total);
            rows.Add((learner, new MatrixRow(
                learner.Name, learner.Email, learnerUrl(learner.Id), cells,
                total == 0 ? 0 : (int)Math.Round(100.0 * done / total),
                present.GetValueOrDefault(learner.Id),
                certified.Contains(""))));
        }
        return new Result(modules, rows, days);
    }

    /// <summary>
    /// What a trainer reads in one cell, from the learner-record rules: certified (a valid module certificate), passed
    /// (the module grade passes; for a module without assessment, complete), failed (graded and not passing), in progress
    /// (anything opened or attempted), or not started.
    /// </summary>
    public static MatrixCell Cell(LearnerRecord record, Module module, bool certified)
    {
        var count = record.Count(module);
        var percent = count.Total == 0 ? 0 : (int)Math.Round(100.0 * count.Completed / count.Total);
        var grade = module.Assessment is null ? null : record.GradeOf(module);
        var graded = grade is { } g && (g.SubmittedAttempts > 0 || g.Overridden);
        var status = certified ? MatrixStatus.Certified
            : module.Assessment is null ? (record.IsComplete(module) ? MatrixStatus.Passed : null)
            : graded && grade!.Passed ? MatrixStatus.Passed
            : graded ? MatrixStatus.Failed
            : (MatrixStatus?)null;
        status ??= module.Lessons.Any(record.HasOpened) || record.AttemptsAt(module).Count > 0 ? MatrixStatus.InProgress : MatrixStatus.NotStarted;
        return new MatrixCell(status.Value, percent, graded ? grade!.Percent : null, grade?.Overridden == true);
    }
}
