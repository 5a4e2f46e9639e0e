using ELearning.Content.Learners;
using ELearning.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Trainers;

internal enum AllowanceKind
{
    ExtraAttempt,
    ExtendedTime,
    GradeOverride,
}

/// <summary>
/// One accommodation or override a trainer granted a learner on one module, with its reason. Rows are only added:
/// extra attempts add up; the latest extended time and the latest grade override are in force (a grade override
/// without a percent withdraws the one before). <see cref="Fold"/> turns them into what the rules read.
/// </summary>
internal sealed class AllowanceGrant
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string CourseSlug { get; set; } = "";
    public string ModuleSlug { get; set; } = "";
    public AllowanceKind Kind { get; set; }
    public int ExtraAttempts { get; set; }
    public decimal TimeFactor { get; set; } = 1;
    public int ExtraMinutes { get; set; }
    public decimal? GradePercent { get; set; }
    public bool? GradePassed { get; set; }
    public string Reason { get; set; } = "";
    public string GrantedById { get; set; } = "";
    public DateTime GrantedAt { get; set; }

    /// <summary>One module's grants, in the order they were made, as the rules see them.</summary>
    public static ModuleAllowance Fold(string course, string module, IEnumerable<AllowanceGrant> grants)
    {
        var allowance = new ModuleAllowance(course, module);
        foreach (var grant in grants.OrderBy(g => g.Id))
        {
            allowance = grant.Kind switch
            {
                AllowanceKind.ExtraAttempt => allowance with { ExtraAttempts = allowance.ExtraAttempts + grant.ExtraAttempts },
                AllowanceKind.ExtendedTime => allowance with { TimeFactor = grant.TimeFactor, ExtraMinutes = grant.ExtraMinutes },
                _ => allowance with
                {
                    Grade = grant.GradePercent is { } percent ? new GradeOverride(percent, grant.GradePassed == true, grant.GrantedAt) : null,
                },
            };
        }
        return allowance;
    }

    /// <summary>All of one learner's grants, folded per module.</summary>
    public static List<ModuleAllowance> FoldAll(IEnumerable<AllowanceGrant> grants) =>
        [.. grants.GroupBy(g => (g.CourseSlug, g.ModuleSlug)).Select(g => Fold(g.Key.CourseSlug, g.Key.ModuleSlug, g))];

    public static void Configure(EntityTypeBuilder<AllowanceGrant> grant)
    {
        grant.ToTable("AllowanceGrants");
        grant.Property(g => g.CourseSlug).HasMaxLength(Storage.AppDbContext.SlugLength);
        grant.Property(g => g.ModuleSlug).HasMaxLength(Storage.AppDbContext.SlugLength);
        // Stored by name, like professions: the audit and exports stay readable.
        grant.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        grant.Property(g => g.Reason).HasMaxLength(Audit.AuditEntry.TextLength);
        grant.Property(g => g.GrantedById).HasMaxLength(64);
        grant.HasIndex(g => new { g.UserId, g.CourseSlug, g.ModuleSlug });
        grant.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
