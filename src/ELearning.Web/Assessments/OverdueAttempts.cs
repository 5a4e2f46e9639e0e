using ELearning.Content.Catalog;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Assessments;

/// <summary>
/// Closes attempts whose time ran out while the learner was away, graded with what they had saved, soon after their
/// deadline. Pages never write: until this loop (or the learner's next start) closes an overdue attempt, pages show the
/// result it will get (<see cref="Attempts.AsClosed"/>).
/// </summary>
internal sealed class OverdueAttempts(
    IServiceScopeFactory scopes, TimeProvider clock, LearnerRecords records, CourseCatalogLoader loader, ILogger<OverdueAttempts> log)
    : BackgroundService
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await CloseDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Closing overdue attempts failed; trying again shortly");
                wait = Longest;
            }
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Closes every overdue attempt; returns how long to sleep until the next deadline (at most 30 s).</summary>
    public async Task<TimeSpan> CloseDueAsync(CancellationToken cancel)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.InProgress && a.Deadline != null && a.Deadline <= now)
            .Select(a => new { a.Id, a.UserId })
            .ToListAsync(cancel);
        foreach (var attempt in due)
        {
            await Attempts.SubmitAsync(db, attempt.Id, now, loader.GetCatalog(), cancel);
            records.Invalidate(attempt.UserId);
        }
        var next = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.InProgress && a.Deadline != null)
            .MinAsync(a => a.Deadline, cancel);
        var untilNext = next is { } deadline ? deadline - now + TimeSpan.FromMilliseconds(100) : Longest;
        return untilNext < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : untilNext > Longest ? Longest : untilNext;
    }
}
