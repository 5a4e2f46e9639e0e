using ELearning.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Certificates;

/// <summary>
/// One issued certificate. The texts are copied from the <c>certificate:</c> rule and the learner's profile when it is
/// issued, so later edits of the content or of the account never change a certificate that was handed out (a name
/// correction is a reissue: a new row whose <see cref="ReplacesId"/> points at the old, revoked one).
/// </summary>
internal sealed class Certificate
{
    public const int CodeLength = 32;
    public const int TextLength = 300;

    public int Id { get; set; }

    /// <summary>The verification code, normalised (upper case, no separators); shown grouped, e.g. <c>7KQM-…</c>.</summary>
    public string Code { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>The rule that issued it: a course (<see cref="ModuleSlug"/> empty) or one of its modules.</summary>
    public string CourseSlug { get; set; } = "";
    public string ModuleSlug { get; set; } = "";

    /// <summary>1 for the first certificate of this learner and rule, 2 after an expiry or reissue, …; unique with the rule, so two parallel completions insert one row.</summary>
    public int Round { get; set; }

    public string HolderName { get; set; } = "";
    public string Title { get; set; } = "";
    public decimal? Hours { get; set; }

    /// <summary>The module grade in percent when the rule prints the score, else null.</summary>
    public decimal? ScorePercent { get; set; }
    public string IssuerName { get; set; } = "";
    public string? IssuerAddress { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryRole { get; set; }

    /// <summary>Path of the signature image relative to the content root, as the rule named it when issued.</summary>
    public string? SignatureImage { get; set; }

    public DateTime CompletedAt { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? RevokedById { get; set; }

    /// <summary>The certificate this one replaced (reissue after a name correction), or null.</summary>
    public int? ReplacesId { get; set; }

    /// <summary>This certificate's bit in the published Bitstring Status List (unique, assigned at issue).</summary>
    public int StatusIndex { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTime now) => ExpiresAt is { } expires && expires <= now;

    public static void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.ToTable("Certificates");
        certificate.Property(c => c.Code).HasMaxLength(CodeLength);
        certificate.HasIndex(c => c.Code).IsUnique();
        certificate.HasIndex(c => c.StatusIndex).IsUnique();
        certificate.Property(c => c.CourseSlug).HasMaxLength(Storage.AppDbContext.SlugLength);
        certificate.Property(c => c.ModuleSlug).HasMaxLength(Storage.AppDbContext.SlugLength);
        certificate.HasIndex(c => new { c.UserId, c.CourseSlug, c.ModuleSlug, c.Round }).IsUnique();
        certificate.Property(c => c.HolderName).HasMaxLength(TextLength);
        certificate.Property(c => c.Title).HasMaxLength(TextLength);
        certificate.Property(c => c.IssuerName).HasMaxLength(TextLength);
        certificate.Property(c => c.IssuerAddress).HasMaxLength(TextLength);
        certificate.Property(c => c.SignatoryName).HasMaxLength(TextLength);
        certificate.Property(c => c.SignatoryRole).HasMaxLength(TextLength);
        certificate.Property(c => c.SignatureImage).HasMaxLength(TextLength);
        certificate.Property(c => c.RevokedReason).HasMaxLength(TextLength);
        certificate.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
