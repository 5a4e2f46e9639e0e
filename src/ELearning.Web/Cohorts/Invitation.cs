using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Cohorts;

/// <summary>
/// A code (and the link <c>/join/{code}</c>) that lets learners join a cohort: it expires, and it can be used a limited
/// number of times. Sent to one address (<see cref="Email"/>) or handed out in a room.
/// </summary>
internal sealed class Invitation
{
    public const int CodeLength = 32;

    public int Id { get; set; }
    public int CohortId { get; set; }
    public string Code { get; set; } = "";

    /// <summary>The address it was mailed to, or null for a code handed out to a group.</summary>
    public string? Email { get; set; }
    public int MaxUses { get; set; }
    public int Uses { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>The trainer or admin who made it (no foreign key: empty for the command line).</summary>
    public string CreatedById { get; set; } = "";

    public static void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("Invitations");
        invitation.Property(i => i.Code).HasMaxLength(CodeLength);
        invitation.Property(i => i.Email).HasMaxLength(256);
        invitation.Property(i => i.CreatedById).HasMaxLength(64);
        invitation.HasIndex(i => i.Code).IsUnique();
        invitation.HasIndex(i => i.CohortId);
        invitation.HasOne<Cohort>().WithMany().HasForeignKey(i => i.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
