using ELearning.Web.Assessments;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Analysis;

/// <summary>Cohorts and attempts written straight into the test's database (the cohort pages are another feature's).</summary>
internal static class Cohorts
{
    public static async Task<int> AddAsync(TestApp app, string name, string[] trainers, string[] learners)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cohort = new Cohort
        {
            Name = name, CourseSlug = "thb", StartsOn = new DateOnly(2026, 11, 1), EndsOn = new DateOnly(2026, 12, 1),
            Place = "Poiana Brașov", Country = "RO", CreatedAt = DateTime.UtcNow,
        };
        foreach (var email in trainers)
        {
            cohort.Trainers.Add(new CohortTrainer { UserId = await IdOfAsync(db, email) });
        }
        foreach (var email in learners)
        {
            cohort.Members.Add(new CohortMember { UserId = await IdOfAsync(db, email), JoinedAt = DateTime.UtcNow });
        }
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        return cohort.Id;
    }

    public static async Task<string> IdOfAsync(AppDbContext db, string email) =>
        await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    /// <summary>A submitted attempt of the given kind with per-question scores (responses as stored: real option ids).</summary>
    public static async Task AddAttemptAsync(
        TestApp app, string email, AttemptKind kind, int number, decimal percent, DateTime at, params (string Question, decimal Score, string? Option)[] questions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AssessmentAttempts.Add(new AssessmentAttempt
        {
            UserId = await IdOfAsync(db, email), CourseSlug = "thb", ModuleSlug = "hearing", Number = number, ContentVersion = "seed",
            Status = AttemptStatus.Submitted, StartedAt = at, SubmittedAt = at, PassMark = 60, Review = "Everything",
            QuestionsPerPage = 4, MaxScore = questions.Length, Score = percent * questions.Length / 100, Percent = percent,
            Passed = percent >= 60, Kind = kind,
            Questions = [.. questions.Select((q, i) => new AttemptQuestion
            {
                Position = i, QuestionId = q.Question, Definition = "{}", Score = q.Score,
                Response = q.Option is null ? null : $$"""{"option":["{{q.Option}}"]}""",
            })],
        });
        await db.SaveChangesAsync();
    }
}
