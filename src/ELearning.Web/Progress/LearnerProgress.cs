using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Assessments;
using ELearning.Web.Courses;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Progress;

/// <summary>
/// One learner's lesson records and submitted assessment attempts, read once per page and matched against the current
/// catalog: progress bars, completion and module locks all come from here.
/// </summary>
internal sealed class LearnerProgress
{
    private readonly Dictionary<(string Course, string Module, string Lesson), LessonProgress> _rows;
    private readonly ILookup<(string Course, string Module), AssessmentAttempt> _attempts;

    private LearnerProgress(IEnumerable<LessonProgress> rows, IEnumerable<AssessmentAttempt> attempts)
    {
        _rows = rows.ToDictionary(r => (r.CourseSlug, r.ModuleSlug, r.LessonSlug));
        _attempts = attempts.ToLookup(a => (a.CourseSlug, a.ModuleSlug));
    }

    public static LearnerProgress None { get; } = new([], []);

    public static async Task<LearnerProgress> LoadAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        new(await db.LessonProgress.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken),
            await db.AssessmentAttempts.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken));

    /// <summary>All attempts (in progress too) at a module's assessment, by number.</summary>
    public IReadOnlyList<AssessmentAttempt> AttemptsAt(Module module) =>
        [.. _attempts[(module.CourseSlug, module.Slug)].OrderBy(a => a.Number)];

    public IEnumerable<AssessmentAttempt> AllAttempts => _attempts.SelectMany(g => g);

    /// <summary>
    /// The module's assessment grade under its grading method, from submitted attempts. Each attempt keeps the pass
    /// mark it was taken under, so raising the pass mark later never revokes a pass: highest, last and first use the
    /// chosen attempt's own verdict; average compares with the newest attempt's pass mark.
    /// </summary>
    public (decimal? Percent, bool Passed) GradeOf(Module module)
    {
        var submitted = AttemptsAt(module).Where(a => a.Status == AttemptStatus.Submitted && a.Percent is not null).ToList();
        if (module.Assessment is null || submitted.Count == 0)
        {
            return (null, false);
        }
        var chosen = module.Assessment.Grading switch
        {
            GradingMethod.Last => submitted[^1],
            GradingMethod.First => submitted[0],
            GradingMethod.Average => null,
            _ => submitted.MaxBy(a => a.Percent)!,
        };
        if (chosen is not null)
        {
            return (chosen.Percent, chosen.Passed == true);
        }
        var average = Math.Round(submitted.Average(a => a.Percent!.Value), 2);
        return (average, average >= submitted[^1].PassMark);
    }

    /// <summary>All lessons complete and, when the module has an assessment, the assessment passed.</summary>
    public bool IsComplete(Module module) =>
        module.Lessons.All(IsCompleted) && (module.Assessment is null || GradeOf(module).Passed);

    /// <summary>Every module that is not optional is complete.</summary>
    public bool IsComplete(Course course) => course.Modules.Where(m => !m.Optional).All(IsComplete);

    /// <summary>The prerequisite modules still to complete before <paramref name="module"/> opens.</summary>
    public IReadOnlyList<Module> LockedBy(Course course, Module module) =>
        [.. module.Prerequisites.Select(course.FindModule).OfType<Module>().Where(m => !IsComplete(m))];

    public bool IsCompleted(Lesson lesson) =>
        _rows.TryGetValue((lesson.CourseSlug, lesson.ModuleSlug, lesson.Slug), out var row) && row.CompletedAt is not null;

    public bool HasStarted(Course course) => _rows.Keys.Any(k => k.Course == course.Slug);

    public ProgressSummary Of(Module module) => new(module.Lessons.Count(IsCompleted), module.Lessons.Count);

    public ProgressSummary Of(Course course) => new(course.AllLessons.Count(IsCompleted), course.AllLessons.Count());

    /// <summary>
    /// Where to pick up: the most recently opened lesson not yet completed; otherwise the first incomplete lesson of
    /// the most recently used course. Null when there is nothing left to do (or nothing started).
    /// </summary>
    public ContinueLink? ContinueIn(IEnumerable<Course> courses)
    {
        var byCourse = courses.ToDictionary(c => c.Slug);
        Lesson? Resolve(LessonProgress row) =>
            byCourse.GetValueOrDefault(row.CourseSlug)?.FindModule(row.ModuleSlug)?.FindLesson(row.LessonSlug);

        var recent = _rows.Values.OrderByDescending(r => r.LastOpenedAt).ToList();
        var lesson = recent.Where(r => r.CompletedAt is null).Select(Resolve).FirstOrDefault(l => l is not null)
            ?? recent.Select(r => byCourse.GetValueOrDefault(r.CourseSlug)).Where(c => c is not null)
                .Select(c => c!.AllLessons.FirstOrDefault(l => !IsCompleted(l)))
                .FirstOrDefault(l => l is not null);
        if (lesson is null)
        {
            return null;
        }
        var course = byCourse[lesson.CourseSlug];
        var module = course.FindModule(lesson.ModuleSlug)!;
        return new ContinueLink(lesson.Title, module.Title, course.Title, CourseUrls.Lesson(lesson));
    }
}
