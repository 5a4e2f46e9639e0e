using ELearning.Web.Audit;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Certificates;

internal enum CertificateActionOutcome
{
    Done,
    NotFound,
    AlreadyRevoked,
    ReasonMissing,
}

/// <summary>
/// Revoking and reissuing, shared by the admin page and <c>elearn certificates</c>. Each change commits with its audit
/// entry (made by <c>audit</c>: <see cref="AuditLog.Add"/> on the web, <see cref="AuditLog.AddFromCli"/> on the command
/// line) in one <c>SaveChanges</c>. The caller invalidates <see cref="CertificateChecks"/> after a committed change.
/// </summary>
internal static class CertificateActions
{
    public const string RevokeAction = "certificate.revoke";
    public const string ReissueAction = "certificate.reissue";
    public const string TargetType = "certificate";

    /// <summary>The reason a certificate replaced by a reissue is revoked with, as the public page shows it.</summary>
    public const string ReissuedReason = "reissued";

    public static async Task<CertificateActionOutcome> RevokeAsync(
        AppDbContext db, string code, string? reason, string? actorId, DateTime now, Action<Certificate, string> audit, CancellationToken cancel)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return CertificateActionOutcome.ReasonMissing;
        }
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Code == code, cancel);
        if (certificate is null)
        {
            return CertificateActionOutcome.NotFound;
        }
        if (certificate.IsRevoked)
        {
            return CertificateActionOutcome.AlreadyRevoked;
        }
        Revoke(certificate, reason, actorId, now);
        audit(certificate, certificate.RevokedReason!);
        await db.SaveChangesAsync(cancel);
        return CertificateActionOutcome.Done;
    }

    /// <summary>
    /// Issues a new certificate for the same rule with the holder's current name (after a name correction): a new code
    /// and round, the same completion, score and expiry; the old one is revoked with the reason "reissued".
    /// </summary>
    public static async Task<(CertificateActionOutcome Outcome, Certificate? Replacement)> ReissueAsync(
        AppDbContext db, string code, string? actorId, DateTime now, Action<Certificate, Certificate> audit, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var old = await db.Certificates.FirstOrDefaultAsync(c => c.Code == code, cancel);
        if (old is null)
        {
            return (CertificateActionOutcome.NotFound, null);
        }
        if (old.IsRevoked)
        {
            return (CertificateActionOutcome.AlreadyRevoked, null);
        }
        var holder = await db.Users.Where(u => u.Id == old.UserId).Select(u => u.DisplayName).FirstAsync(cancel);
        var round = await db.Certificates
            .Where(c => c.UserId == old.UserId && c.CourseSlug == old.CourseSlug && c.ModuleSlug == old.ModuleSlug)
            .MaxAsync(c => c.Round, cancel);
        var replacement = new Certificate
        {
            UserId = old.UserId, CourseSlug = old.CourseSlug, ModuleSlug = old.ModuleSlug, Round = round + 1,
            HolderName = holder.Length <= Certificate.TextLength ? holder : holder[..Certificate.TextLength],
            Title = old.Title, Hours = old.Hours, ScorePercent = old.ScorePercent, IssuerName = old.IssuerName,
            IssuerAddress = old.IssuerAddress, SignatoryName = old.SignatoryName, SignatoryRole = old.SignatoryRole,
            SignatureImage = old.SignatureImage, CompletedAt = old.CompletedAt, IssuedAt = now, ExpiresAt = old.ExpiresAt,
            ReplacesId = old.Id,
        };
        Revoke(old, ReissuedReason, actorId, now);
        audit(old, replacement);
        // Saves the revocation, the audit entry and the new row together.
        if (!await CertificateIssuing.TryInsertAsync(db, replacement, cancel))
        {
            return (CertificateActionOutcome.AlreadyRevoked, null);
        }
        await transaction.CommitAsync(cancel);
        return (CertificateActionOutcome.Done, replacement);
    }

    private static void Revoke(Certificate certificate, string reason, string? actorId, DateTime now)
    {
        certificate.RevokedAt = now;
        certificate.RevokedReason = reason.Length <= Certificate.TextLength ? reason : reason[..Certificate.TextLength];
        certificate.RevokedById = string.IsNullOrEmpty(actorId) ? null : actorId;
    }
}
