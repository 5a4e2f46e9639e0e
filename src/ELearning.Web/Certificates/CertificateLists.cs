using ELearning.Theming;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Certificates;

/// <summary>The learner's own certificates for <c>/me</c>: only rows of that learner are ever read.</summary>
internal static class CertificateLists
{
    public static async Task<CertificateListView> ForLearnerAsync(
        AppDbContext db, string userId, DateTime now, string? issued, string? from, CancellationToken cancel)
    {
        var rows = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancel);
        var summaries = rows
            .Select(CertificateFacts.From)
            .OrderByDescending(f => f.IssuedAt)
            .Select(f => Summary(f, now))
            .ToList();
        var justIssued = (issued ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(20)
            .Select(CertificateCodes.Normalise)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return new CertificateListView(summaries)
        {
            JustIssued = [.. summaries.Where(s => justIssued.Contains(s.Code.Replace("-", "", StringComparison.Ordinal)))],
            BackUrl = CertificateUrls.LocalPath(from),
        };
    }

    private static CertificateSummary Summary(CertificateFacts facts, DateTime now) =>
        new(facts.Title, CertificateCodes.Display(facts.Code), facts.IssuedAt, facts.ExpiresAt, facts.StateAt(now), facts.RevokedAt,
            CertificateUrls.Own(facts.Code), CertificateUrls.Pdf(facts.Code), CertificateUrls.Credential(facts.Code), CertificateUrls.Public(facts.Code));
}
