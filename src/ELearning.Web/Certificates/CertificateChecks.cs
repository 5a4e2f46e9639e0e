using System.Collections.Concurrent;
using ELearning.Theming;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ELearning.Web.Certificates;

/// <summary>What the public verification page shows of one certificate, as read from its row.</summary>
internal sealed record CertificateFacts(
    string Code, string HolderName, string Title, decimal? Hours, string IssuerName, string? IssuerAddress,
    DateTime IssuedAt, DateTime? ExpiresAt, DateTime? RevokedAt, string? RevokedReason)
{
    public CertificateState StateAt(DateTime now) =>
        RevokedAt is not null ? CertificateState.Revoked
        : ExpiresAt is { } expires && expires <= now ? CertificateState.Expired
        : CertificateState.Valid;

    public CertificateVerificationView View(DateTime now) =>
        new(CertificateCodes.Display(Code), StateAt(now), HolderName, Title, Hours, IssuerName, IssuerAddress, IssuedAt, ExpiresAt, RevokedAt, RevokedReason);

    public static CertificateFacts From(Certificate c) =>
        new(c.Code, c.HolderName, c.Title, c.Hours, c.IssuerName, c.IssuerAddress, Utc(c.IssuedAt), Utc(c.ExpiresAt), Utc(c.RevokedAt), c.RevokedReason);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

/// <summary>
/// The public page's certificates in memory, by code: a scan answers from here without a database read. The state
/// (valid, expired) is worked out per request from the clock, so expiry needs no invalidation; revocation and reissue
/// through this app invalidate the code at once. Entries also live at most <see cref="Lifetime"/>, which bounds how long
/// a revocation made elsewhere (the CLI, another instance) takes to show. Unknown codes are not kept: they are
/// rate limited instead, and must not push real certificates out.
/// </summary>
internal sealed class CertificateChecks : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 50_000 });
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async Task<CertificateFacts?> FindAsync(AppDbContext db, string code, CancellationToken cancel)
    {
        var generation = _generations.GetValueOrDefault(code);
        if (_cache.TryGetValue(code, out Entry? entry) && entry!.Generation == generation)
        {
            return entry.Facts;
        }
        var row = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancel);
        if (row is null)
        {
            return null;
        }
        var facts = CertificateFacts.From(row);
        _cache.Set(code, new Entry(generation, facts), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        // A revocation committed while we read bumped the generation: do not keep what we just read.
        if (_generations.GetValueOrDefault(code) != generation)
        {
            _cache.Remove(code);
        }
        return facts;
    }

    /// <summary>Call after a committed change of the certificate (revocation, reissue).</summary>
    public void Invalidate(string code)
    {
        _generations.AddOrUpdate(code, 1, (_, g) => g + 1);
        _cache.Remove(code);
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(long Generation, CertificateFacts Facts);
}
