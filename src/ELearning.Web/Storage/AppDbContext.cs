using ELearning.Web.Accounts;
using ELearning.Web.Analysis;
using ELearning.Web.Assessments;
using ELearning.Web.Audit;
using ELearning.Web.Certificates;
using ELearning.Web.Cohorts;
using ELearning.Web.Progress;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Storage;

internal sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public const int SlugLength = 100;
    public const int VersionLength = 64;
    public const int ResponseLength = 4000;

    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();
    public DbSet<KnowledgeCheckAnswer> KnowledgeCheckAnswers => Set<KnowledgeCheckAnswer>();
    public DbSet<AssessmentAttempt> AssessmentAttempts => Set<AssessmentAttempt>();
    public DbSet<AttemptQuestion> AttemptQuestions => Set<AttemptQuestion>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortTrainer> CohortTrainers => Set<CohortTrainer>();
    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();
    public DbSet<CohortDay> CohortDays => Set<CohortDay>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Trainers.AllowanceGrant> AllowanceGrants => Set<Trainers.AllowanceGrant>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SurveyParticipant> SurveyParticipants => Set<SurveyParticipant>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
            user.Property(u => u.Country).HasMaxLength(2).IsRequired();
            // Stored by name: reports stay readable and reordering the enum cannot corrupt data.
            user.Property(u => u.Profession).HasConversion<string>().HasMaxLength(32).IsRequired();
            user.Property(u => u.Institution).HasMaxLength(200).IsRequired();
        });

        builder.Entity<IdentityUserPasskey<string>>(PasskeyStorage.Configure);
        builder.Entity<UserSession>(UserSession.Configure);
        builder.Entity<Certificate>(Certificate.Configure);
        Cohort.Configure(builder);
        builder.Entity<AuditEntry>(AuditEntry.Configure);
        builder.Entity<Trainers.AllowanceGrant>(Trainers.AllowanceGrant.Configure);
        builder.Entity<Invitation>(Invitation.Configure);
        SurveyAnswer.Configure(builder);

        builder.Entity<LessonProgress>(progress =>
        {
            progress.ToTable("LessonProgress");
            progress.Property(p => p.CourseSlug).HasMaxLength(SlugLength);
            progress.Property(p => p.ModuleSlug).HasMaxLength(SlugLength);
            progress.Property(p => p.LessonSlug).HasMaxLength(SlugLength);
            progress.Property(p => p.ContentVersion).HasMaxLength(VersionLength);
            progress.HasIndex(p => new { p.UserId, p.CourseSlug, p.ModuleSlug, p.LessonSlug }).IsUnique();
            progress.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<KnowledgeCheckAnswer>(answer =>
        {
            answer.ToTable("KnowledgeCheckAnswers");
            answer.Property(a => a.CourseSlug).HasMaxLength(SlugLength);
            answer.Property(a => a.ModuleSlug).HasMaxLength(SlugLength);
            answer.Property(a => a.LessonSlug).HasMaxLength(SlugLength);
            answer.Property(a => a.QuestionId).HasMaxLength(SlugLength);
            answer.Property(a => a.ContentVersion).HasMaxLength(VersionLength);
            answer.Property(a => a.Response).HasMaxLength(ResponseLength);
            answer.HasIndex(a => new { a.UserId, a.CourseSlug, a.ModuleSlug, a.LessonSlug });
            answer.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AssessmentAttempt>(attempt =>
        {
            attempt.ToTable("AssessmentAttempts");
            attempt.Property(a => a.CourseSlug).HasMaxLength(SlugLength);
            attempt.Property(a => a.ModuleSlug).HasMaxLength(SlugLength);
            attempt.Property(a => a.ContentVersion).HasMaxLength(VersionLength);
            attempt.Property(a => a.Review).HasMaxLength(32);
            attempt.HasIndex(a => new { a.UserId, a.CourseSlug, a.ModuleSlug, a.Number }).IsUnique();
            // At most one attempt in progress per learner and module, whatever the number of parallel "start" requests.
            attempt.HasIndex(a => new { a.UserId, a.CourseSlug, a.ModuleSlug })
                .IsUnique()
                .HasFilter("\"Status\" = 0")
                .HasDatabaseName("IX_AssessmentAttempts_OneInProgress");
            attempt.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            attempt.HasMany(a => a.Questions).WithOne().HasForeignKey(q => q.AttemptId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AttemptQuestion>(question =>
        {
            question.ToTable("AttemptQuestions");
            question.Property(q => q.QuestionId).HasMaxLength(SlugLength);
            question.Property(q => q.Response).HasMaxLength(ResponseLength);
            question.HasIndex(q => new { q.AttemptId, q.Position }).IsUnique();
            question.HasIndex(q => new { q.AttemptId, q.QuestionId }).IsUnique();
            // Covers item analysis (Analysis/ItemAnalysisQuery): id, score and response without the rows' large definitions.
            question.HasIndex(q => new { q.AttemptId, q.QuestionId, q.Score, q.Response });
        });
    }
}
