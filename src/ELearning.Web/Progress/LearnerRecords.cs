using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using ELearning.Content.Catalog;
using ELearning.Web.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ELearning.Web.Progress;

internal sealed class LearnerOptions
{
    public const string Section = "Learners";

    /// <summary>
    /// Keep each learner's snapshot in memory until they write. Correct for one app instance (the embedded default);
    /// a deployment with several instances over one database sets this to false until a shared invalidation exists.
    /// </summary>
    public bool CacheRecords { get; set; } = true;

    /// <summary>How many learners' snapshots stay in memory at most.</summary>
    [Range(1, 10_000_000)]
    public int CachedLearners { get; set; } = 20_000;
}

/// <summary>
/// Learners' snapshots in memory, each dropped when that learner writes. A generation per learner makes the
/// invalidation safe against a read that started before the write: such a read may answer its own request, but it can
/// never put the old snapshot back into the cache.
/// </summary>
internal sealed class LearnerRecords(IOptions<LearnerOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CachedLearners });
    private readonly bool _enabled = options.Value.CacheRecords;

    public async Task<LearnerSnapshot> GetAsync(AppDbContext db, string userId, CancellationToken cancel)
    {
        var generation = _generations.GetValueOrDefault(userId);
        if (_enabled && _cache.TryGetValue(userId, out Entry? entry) && entry!.Generation == generation)
        {
            return entry.Snapshot;
        }
        var snapshot = await LearnerSnapshot.LoadAsync(db, userId, cancel);
        Store(userId, generation, snapshot);
        return snapshot;
    }

    /// <summary>Call after every committed write of that learner's progress, answers or attempts.</summary>
    public void Invalidate(string userId)
    {
        _generations.AddOrUpdate(userId, 1, (_, g) => g + 1);
        _cache.Remove(userId);
    }

    /// <summary>Moves a lesson's last-opened time on in the cached snapshot, if there is one.</summary>
    public void Visited(string userId, Lesson lesson, DateTime at) => Update(userId, s => s.WithVisit(lesson, at));

    /// <summary>Adds a first opening, just committed, to the cached snapshot, if there is one.</summary>
    public void Opened(string userId, Lesson lesson, DateTime at) => Update(userId, s => s.WithOpened(lesson, at));

    private void Update(string userId, Func<LearnerSnapshot, LearnerSnapshot> change)
    {
        var generation = _generations.GetValueOrDefault(userId);
        if (_enabled && _cache.TryGetValue(userId, out Entry? entry) && entry!.Generation == generation)
        {
            Store(userId, generation, change(entry.Snapshot));
        }
    }

    private void Store(string userId, long generation, LearnerSnapshot snapshot)
    {
        if (!_enabled)
        {
            return;
        }
        _cache.Set(userId, new Entry(generation, snapshot), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        // A write that landed while we were reading bumped the generation: drop what we just stored.
        if (_generations.GetValueOrDefault(userId) != generation)
        {
            _cache.Remove(userId);
        }
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(long Generation, LearnerSnapshot Snapshot);
}
