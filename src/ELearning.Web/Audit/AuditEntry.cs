using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Audit;

/// <summary>One trainer or admin action: who, what, on what, why, when and from where. Rows are only ever added.</summary>
internal sealed class AuditEntry
{
    public const int ActionLength = 64;
    public const int TextLength = 1000;

    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The acting account (no foreign key: the log outlives deleted accounts); empty for the CLI run by the operator.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>The actor's name and email as they were at the time.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>A stable dotted name, e.g. <c>certificate.revoke</c>, <c>attempt.extra</c>, <c>cohort.create</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What was acted on, e.g. <c>certificate</c> and its code, <c>user</c> and its id.</summary>
    public string TargetType { get; set; } = "";
    public string TargetId { get; set; } = "";

    /// <summary>The learner concerned, when there is one (for the learner's own history and for erasure).</summary>
    public string? LearnerId { get; set; }
    public string Details { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>The client address, or <c>cli</c>.</summary>
    public string Address { get; set; } = "";

    public static void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.ActorId).HasMaxLength(64);
        entry.Property(e => e.ActorName).HasMaxLength(300);
        entry.Property(e => e.Action).HasMaxLength(ActionLength);
        entry.Property(e => e.TargetType).HasMaxLength(ActionLength);
        entry.Property(e => e.TargetId).HasMaxLength(200);
        entry.Property(e => e.LearnerId).HasMaxLength(64);
        entry.Property(e => e.Details).HasMaxLength(TextLength);
        entry.Property(e => e.Reason).HasMaxLength(TextLength);
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => e.LearnerId);
    }
}
