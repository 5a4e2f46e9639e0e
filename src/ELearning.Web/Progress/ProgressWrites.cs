using ELearning.Content.Catalog;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Progress;

internal static class ProgressWrites
{
    /// <summary>
    /// Records the first opening of a lesson: one INSERT that does nothing when the row exists, so parallel first views
    /// are safe. Later openings go through <see cref="LessonVisits"/> (write-behind), never a commit on a GET.
    /// </summary>
    public static Task RecordOpenedAsync(this AppDbContext db, string userId, Lesson lesson, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LessonProgress" ("UserId", "CourseSlug", "ModuleSlug", "LessonSlug", "ContentVersion", "FirstOpenedAt", "LastOpenedAt", "CompletedAt")
            VALUES ({userId}, {lesson.CourseSlug}, {lesson.ModuleSlug}, {lesson.Slug}, {lesson.ContentVersion}, {now}, {now}, NULL)
            ON CONFLICT DO NOTHING
            """, cancellationToken);

    /// <summary>Records that the learner completed a lesson (opening it too if needed); idempotent, safe under concurrency.</summary>
    public static async Task RecordCompletedAsync(this AppDbContext db, string userId, Lesson lesson, DateTime now, CancellationToken cancellationToken)
    {
        await db.RecordOpenedAsync(userId, lesson, now, cancellationToken);
        await db.LessonProgress
            .Where(p => p.UserId == userId && p.CourseSlug == lesson.CourseSlug && p.ModuleSlug == lesson.ModuleSlug && p.LessonSlug == lesson.Slug)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastOpenedAt, now)
                .SetProperty(p => p.ContentVersion, lesson.ContentVersion)
                .SetProperty(p => p.CompletedAt, p => p.CompletedAt ?? now), cancellationToken);
    }
}
