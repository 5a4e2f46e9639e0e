using System.Threading.Channels;
using ELearning.Content.Catalog;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Progress;

/// <summary>
/// Last-opened times, written behind: a lesson page view only queues the time, and a background loop writes the
/// queued times every few seconds in one transaction, and once more at shutdown. A kill -9 can lose the last few
/// seconds of last-opened times (the resume point may then be a lesson opened a moment earlier); it never loses a first
/// opening, a completion, an answer or a submission, which are committed before their request is answered.
/// </summary>
internal sealed class LessonVisits(IServiceScopeFactory scopes, ILogger<LessonVisits> log) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(3);

    private readonly Channel<Visit> _queue = Channel.CreateBounded<Visit>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(string userId, Lesson lesson, DateTime at) =>
        _queue.Writer.TryWrite(new Visit(userId, lesson.CourseSlug, lesson.ModuleSlug, lesson.Slug, lesson.ContentVersion, at));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes every queued visit (the latest per learner and lesson); public for tests.</summary>
    public async Task FlushAsync(CancellationToken cancel)
    {
        var latest = new Dictionary<(string, string, string, string), Visit>();
        while (_queue.Reader.TryRead(out var visit))
        {
            var key = (visit.UserId, visit.Course, visit.Module, visit.Lesson);
            if (!latest.TryGetValue(key, out var known) || known.At < visit.At)
            {
                latest[key] = visit;
            }
        }
        if (latest.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            foreach (var v in latest.Values)
            {
                // Never moves the time back: a flush can carry a visit older than a first opening written since.
                await db.LessonProgress
                    .Where(p => p.UserId == v.UserId && p.CourseSlug == v.Course && p.ModuleSlug == v.Module && p.LessonSlug == v.Lesson && p.LastOpenedAt < v.At)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastOpenedAt, v.At).SetProperty(p => p.ContentVersion, v.Version), cancel);
            }
            await transaction.CommitAsync(cancel);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Last-opened times are a convenience: log and drop rather than retry forever.
            log.LogWarning(e, "Could not write {Count} last-opened times", latest.Count);
        }
    }

    private sealed record Visit(string UserId, string Course, string Module, string Lesson, string Version, DateTime At);
}
