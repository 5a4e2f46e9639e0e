using ELearning.Web.Accounts;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Analysis;

/// <summary>
/// That a learner has answered a survey, and nothing of what they answered: it only stops a second submission.
/// Ids are random, not sequential, so neither table's order links a learner to their answers.
/// </summary>
internal sealed class SurveyParticipant
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string CourseSlug { get; set; } = "";
    public string SurveyId { get; set; } = "";
}

/// <summary>
/// One anonymous answer to one survey item: no user id, no time, no response id tying a learner's answers together.
/// Stored once per cohort of the course the learner belongs to (<see cref="CohortId"/> null when in none), so results
/// are counted per cohort.
/// </summary>
internal sealed class SurveyAnswer
{
    public const int ItemIdLength = 8;

    public long Id { get; set; }
    public string CourseSlug { get; set; } = "";
    public string SurveyId { get; set; } = "";
    public int? CohortId { get; set; }
    public string ItemId { get; set; } = "";

    /// <summary>1–5 on the agreement scale, for a Likert item.</summary>
    public int? Value { get; set; }

    /// <summary>The answer to a free-text item.</summary>
    public string? Text { get; set; }

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SurveyParticipant>(participant =>
        {
            participant.ToTable("SurveyParticipants");
            participant.Property(p => p.Id).ValueGeneratedNever();
            participant.Property(p => p.CourseSlug).HasMaxLength(AppDbContext.SlugLength);
            participant.Property(p => p.SurveyId).HasMaxLength(AppDbContext.SlugLength);
            participant.HasIndex(p => new { p.UserId, p.CourseSlug, p.SurveyId }).IsUnique();
            participant.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SurveyAnswer>(answer =>
        {
            answer.ToTable("SurveyAnswers");
            answer.Property(a => a.Id).ValueGeneratedNever();
            answer.Property(a => a.CourseSlug).HasMaxLength(AppDbContext.SlugLength);
            answer.Property(a => a.SurveyId).HasMaxLength(AppDbContext.SlugLength);
            answer.Property(a => a.ItemId).HasMaxLength(ItemIdLength);
            answer.Property(a => a.Text).HasMaxLength(Content.Surveys.Survey.MaxTextLength);
            answer.HasIndex(a => new { a.CohortId, a.CourseSlug, a.SurveyId });
            answer.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
