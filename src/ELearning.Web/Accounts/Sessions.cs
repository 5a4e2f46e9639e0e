using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Accounts;

/// <summary>
/// Which sessions are still open, checked on every authenticated request from memory. A user's open session ids are
/// read once (at sign-in, or on the first request after a restart) and replaced whenever this instance ends a session,
/// so a request costs no database read. The table stays the source of truth: with several instances, or when the CLI
/// ends sessions, each instance re-reads a user's set after <c>Accounts:SessionRecheckSeconds</c> (default 60), which
/// bounds how long an ended session can survive elsewhere; a change notification (PostgreSQL LISTEN/NOTIFY) can later
/// drop the entry at once instead.
/// </summary>
internal sealed class Sessions(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Where the session id lives: in the ticket's properties, which survive Identity's periodic principal refresh.</summary>
    public const string PropertyKey = ".elearning.session";

    private readonly TimeSpan _recheck = TimeSpan.FromSeconds(configuration.GetValue("Accounts:SessionRecheckSeconds", 60));
    private readonly ConcurrentDictionary<string, OpenSessions> _byUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _lastSeen = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record OpenSessions(FrozenSet<string> Ids, DateTimeOffset LoadedAt);

    public async Task<string> StartAsync(string userId, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UserSession.IdLength / 2)),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = (userAgent ?? "").Length > UserSession.UserAgentLength ? userAgent![..UserSession.UserAgentLength] : userAgent ?? "",
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        Interlocked.Increment(ref _generation);
        await LoadAsync(db, userId, cancellationToken);
        return session.Id;
    }

    /// <summary>Whether the session is open; from memory unless this user's set is missing or due for a recheck.</summary>
    public async ValueTask<bool> IsOpenAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        if (!_byUser.TryGetValue(userId, out var open) || (_recheck > TimeSpan.Zero && clock.GetUtcNow() - open.LoadedAt > _recheck))
        {
            await using var scope = scopes.CreateAsyncScope();
            open = await LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), userId, cancellationToken);
        }
        if (!open.Ids.Contains(sessionId))
        {
            return false;
        }
        _lastSeen[sessionId] = clock.GetUtcNow().UtcDateTime;
        return true;
    }

    public async Task EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        _lastSeen.TryRemove(sessionId, out _);
        Forget(userId);
    }

    public async Task EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await EndAllAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), userId, cancellationToken);
    }

    /// <summary>Ends every session of the user in the given context's database (also usable where this service is absent).</summary>
    public async Task EndAllAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        await DeleteAllAsync(db, userId, cancellationToken);
        Forget(userId);
    }

    public static Task<int> DeleteAllAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The user's open sessions, newest first, with last-seen times from memory where they are newer.</summary>
    public async Task<IReadOnlyList<UserSession>> ListAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            if (_lastSeen.TryGetValue(session.Id, out var seen) && seen > session.LastSeenAt)
            {
                session.LastSeenAt = seen;
            }
        }
        return [.. sessions.OrderByDescending(s => s.CreatedAt)];
    }

    /// <summary>Writes the remembered last-seen times (write-behind), at most one update per active session.</summary>
    public async Task FlushLastSeenAsync(CancellationToken cancellationToken = default)
    {
        if (_lastSeen.IsEmpty)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var sessionId in _lastSeen.Keys)
        {
            if (_lastSeen.TryRemove(sessionId, out var seen))
            {
                await db.UserSessions.Where(s => s.Id == sessionId && s.LastSeenAt < seen)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, seen), cancellationToken);
            }
        }
    }

    private void Forget(string userId)
    {
        Interlocked.Increment(ref _generation);
        _byUser.TryRemove(userId, out _);
    }

    private async Task<OpenSessions> LoadAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var ids = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(cancellationToken);
        var open = new OpenSessions(ids.ToFrozenSet(StringComparer.Ordinal), clock.GetUtcNow());
        // A session ended while this read ran must not come back from a stale result: cache only when nothing changed.
        if (Interlocked.Read(ref _generation) == generation)
        {
            _byUser[userId] = open;
        }
        return open;
    }
}

/// <summary>Writes last-seen times behind, every few minutes and at shutdown.</summary>
internal sealed class SessionLastSeenWriter(Sessions sessions, TimeProvider clock, ILogger<SessionLastSeenWriter> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sessions.FlushLastSeenAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or OperationCanceledException)
        {
            // Last-seen times are approximate; losing one round must not stop the app.
            logger.LogWarning(e, "Session last-seen times were not written.");
        }
    }
}
