using ELearning.Content.Catalog;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Progress;

internal static class ProgressWrites
{
    /// <summary>Records that the learner opened (or completed) a lesson; idempotent and safe under concurrent requests.</summary>
    public static async Task RecordAsync(this AppDbContext db, string userId, Lesson lesson, DateTime now, bool completed, CancellationToken cancellationToken)
    {
        var rows = db.LessonProgress.Where(p => p.UserId == userId && p.CourseSlug == lesson.CourseSlug
            && p.ModuleSlug == lesson.ModuleSlug && p.LessonSlug == lesson.Slug);
        var updated = completed
            ? await rows.ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastOpenedAt, now)
                .SetProperty(p => p.ContentVersion, lesson.ContentVersion)
                .SetProperty(p => p.CompletedAt, p => p.CompletedAt ?? now), cancellationToken)
            : await rows.ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastOpenedAt, now)
                .SetProperty(p => p.ContentVersion, lesson.ContentVersion), cancellationToken);
        if (updated > 0)
        {
            return;
        }
        db.LessonProgress.Add(new LessonProgress
        {
            UserId = userId,
            CourseSlug = lesson.CourseSlug,
            ModuleSlug = lesson.ModuleSlug,
            LessonSlug = lesson.Slug,
            ContentVersion = lesson.ContentVersion,
            FirstOpenedAt = now,
            LastOpenedAt = now,
            CompletedAt = completed ? now : null,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel request inserted the row first (unique index); apply our change to it instead.
            db.ChangeTracker.Clear();
            await db.RecordAsync(userId, lesson, now, completed, cancellationToken);
        }
    }
}
