using ELearning.Theming;
using ELearning.Web.Progress;

namespace ELearning.Web.Certificates;

/// <summary>
/// The learner's own certificates for <c>/me</c>, from their snapshot (read in the same command as their record, kept
/// in memory until they write; revoke and reissue drop it too): only that learner's rows, and no extra database command.
/// </summary>
internal static class CertificateLists
{
    public static CertificateListView ForLearner(LearnerSnapshot snapshot, DateTime now, string? issued, string? from)
    {
        var summaries = snapshot.Certificates.Select(c => Summary(c, now)).ToList();
        var justIssued = (issued ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(20)
            .Select(CertificateCodes.Normalise)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return new CertificateListView(summaries)
        {
            JustIssued = [.. snapshot.Certificates.Where(c => justIssued.Contains(c.Code)).Select(c => Summary(c, now))],
            BackUrl = CertificateUrls.LocalPath(from),
        };
    }

    private static CertificateSummary Summary(CertificateMark c, DateTime now)
    {
        var state = c.RevokedAt is not null ? CertificateState.Revoked
            : c.ExpiresAt is { } expires && expires <= now ? CertificateState.Expired
            : CertificateState.Valid;
        return new(c.Title, CertificateCodes.Display(c.Code), c.IssuedAt, c.ExpiresAt, state, c.RevokedAt,
            CertificateUrls.Own(c.Code), CertificateUrls.Pdf(c.Code), CertificateUrls.Credential(c.Code), CertificateUrls.Public(c.Code));
    }
}
