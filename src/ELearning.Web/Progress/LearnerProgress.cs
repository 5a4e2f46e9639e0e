using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Courses;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Progress;

/// <summary>One learner's lesson records, read once per page and matched against the current catalog.</summary>
internal sealed class LearnerProgress
{
    private readonly Dictionary<(string Course, string Module, string Lesson), LessonProgress> _rows;

    private LearnerProgress(IEnumerable<LessonProgress> rows) =>
        _rows = rows.ToDictionary(r => (r.CourseSlug, r.ModuleSlug, r.LessonSlug));

    public static LearnerProgress None { get; } = new([]);

    public static async Task<LearnerProgress> LoadAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        new(await db.LessonProgress.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken));

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
