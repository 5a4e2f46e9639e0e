using ELearning.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ELearning.Web.Cohorts;

/// <summary>
/// A training session (cohort): a group of learners taking a course, or some of its modules, with its trainers, dates,
/// place and in-person days. Trainers see the learners of their own cohorts only; admins see every cohort.
/// </summary>
internal sealed class Cohort
{
    public const int NameLength = 200;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string CourseSlug { get; set; } = "";

    /// <summary>Module slugs the cohort covers, comma-separated; empty for the whole course.</summary>
    public string ModuleSlugs { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>Where it takes place, e.g. <c>Poiana Brașov</c>; empty when <see cref="Online"/>.</summary>
    public string Place { get; set; } = "";
    public bool Online { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country it is organised for, or empty.</summary>
    public string Country { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public List<CohortTrainer> Trainers { get; set; } = [];
    public List<CohortMember> Members { get; set; } = [];
    public List<CohortDay> Days { get; set; } = [];

    public IReadOnlyList<string> Modules => ModuleSlugs.Length == 0 ? [] : ModuleSlugs.Split(',');

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Cohort>(cohort =>
        {
            cohort.ToTable("Cohorts");
            cohort.Property(c => c.Name).HasMaxLength(NameLength);
            cohort.Property(c => c.CourseSlug).HasMaxLength(Storage.AppDbContext.SlugLength);
            cohort.Property(c => c.ModuleSlugs).HasMaxLength(1000);
            cohort.Property(c => c.Place).HasMaxLength(NameLength);
            cohort.Property(c => c.Country).HasMaxLength(2);
            cohort.HasMany(c => c.Trainers).WithOne().HasForeignKey(t => t.CohortId).OnDelete(DeleteBehavior.Cascade);
            cohort.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
            cohort.HasMany(c => c.Days).WithOne().HasForeignKey(d => d.CohortId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CohortTrainer>(trainer =>
        {
            trainer.ToTable("CohortTrainers");
            trainer.HasKey(t => new { t.CohortId, t.UserId });
            trainer.HasIndex(t => t.UserId);
            trainer.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CohortMember>(member =>
        {
            member.ToTable("CohortMembers");
            member.HasKey(m => new { m.CohortId, m.UserId });
            member.HasIndex(m => m.UserId);
            member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CohortDay>(day =>
        {
            day.ToTable("CohortDays");
            day.HasIndex(d => new { d.CohortId, d.Date }).IsUnique();
            day.HasMany(d => d.Attendance).WithOne().HasForeignKey(a => a.CohortDayId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Attendance>(attendance =>
        {
            attendance.ToTable("Attendance");
            attendance.HasKey(a => new { a.CohortDayId, a.UserId });
            // Stored by name, like professions: exports stay readable.
            attendance.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            attendance.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>A trainer of a cohort.</summary>
internal sealed class CohortTrainer
{
    public int CohortId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A learner in a cohort.</summary>
internal sealed class CohortMember
{
    public int CohortId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime JoinedAt { get; set; }
}

/// <summary>An in-person day of a cohort, on which trainers take attendance.</summary>
internal sealed class CohortDay
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public DateOnly Date { get; set; }
    public List<Attendance> Attendance { get; set; } = [];
}

internal enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

/// <summary>A learner's attendance on one in-person day, as a trainer marked it.</summary>
internal sealed class Attendance
{
    public int CohortDayId { get; set; }
    public string UserId { get; set; } = "";
    public AttendanceStatus Status { get; set; }
    public string MarkedById { get; set; } = "";
    public DateTime MarkedAt { get; set; }
}
