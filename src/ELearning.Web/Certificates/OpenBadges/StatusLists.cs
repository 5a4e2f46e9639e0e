using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Certificates.OpenBadges;

/// <summary>
/// The revocation list, built from the database on every request with two cheap queries (the revoked certificates'
/// indexes and the highest index issued, both answered from the unique index on <c>StatusIndex</c> plus the revoked
/// rows). The compressed bits and the signed list are kept while that answer stays the same, so a revocation — by
/// any instance or the CLI — shows in the very next response without any invalidation step, and an unchanged list is
/// not compressed or signed again.
/// </summary>
internal sealed class StatusLists(AppDbContext db, StatusListCache cache, OpenBadgeIssuer issuer)
{
    public async Task<StatusListBits> CurrentAsync(CancellationToken cancellationToken)
    {
        var revoked = await db.Certificates.AsNoTracking().Where(c => c.RevokedAt != null)
            .OrderBy(c => c.StatusIndex).Select(c => c.StatusIndex).ToArrayAsync(cancellationToken);
        var highest = await db.Certificates.AsNoTracking().MaxAsync(c => (int?)c.StatusIndex, cancellationToken) ?? 0;
        var length = Bitstring.LengthFor(highest);
        var last = cache.Last;
        if (last is not null && last.Length == length && last.Revoked.AsSpan().SequenceEqual(revoked))
        {
            return last;
        }
        var bits = Bitstring.Create(length, revoked);
        var current = new StatusListBits(length, revoked, bits, Bitstring.Encode(bits));
        cache.Last = current;
        return current;
    }

    /// <summary>The signed <c>BitstringStatusListCredential</c> (a VC-JWT) for the current bits.</summary>
    public async Task<string> SignedAsync(CredentialUrls urls, CancellationToken cancellationToken)
    {
        var bits = await CurrentAsync(cancellationToken);
        if (bits.Signed is { } signed && signed.Url == urls.StatusList)
        {
            return signed.Jwt;
        }
        var jwt = issuer.SignStatusList(bits.EncodedList, urls);
        bits.Signed = new SignedStatusList(urls.StatusList, jwt);
        return jwt;
    }
}

internal sealed class StatusListBits(int length, int[] revoked, byte[] bits, string encodedList)
{
    public int Length { get; } = length;
    public int[] Revoked { get; } = revoked;
    public byte[] Bits { get; } = bits;
    public string EncodedList { get; } = encodedList;

    /// <summary>The last signed list for these bits and the address it was signed for (a race signs twice, harmlessly).</summary>
    public SignedStatusList? Signed { get; set; }

    public bool IsRevoked(int index) => Bitstring.IsSet(Bits, index);
}

internal sealed record SignedStatusList(string Url, string Jwt);

/// <summary>The last status list built, shared by requests; replaced whole, never changed in place.</summary>
internal sealed class StatusListCache
{
    private volatile StatusListBits? _last;

    public StatusListBits? Last
    {
        get => _last;
        set => _last = value;
    }
}
