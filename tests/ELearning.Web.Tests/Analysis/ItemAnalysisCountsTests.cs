using System.Security.Claims;
using System.Text.Json;
using ELearning.Content.Analysis;
using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Questions;
using ELearning.Web.Accounts;
using ELearning.Web.Analysis;
using ELearning.Web.Assessments;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Analysis;

/// <summary>
/// The item-analysis page counts in SQL (GROUP BY) what <see cref="ItemStatistics"/> used to compute from every question
/// row: both must give the same figures on the same database, for first, last and all attempts.
/// </summary>
public sealed class ItemAnalysisCountsTests
{
    [Theory]
    [InlineData("first")]
    [InlineData("last")]
    [InlineData("all")]
    public async Task TheCountsInSqlGiveTheSameAnalysisAsEveryQuestionRowLoadedAndComputed(string attempts)
    {
        var selection = Enum.Parse<AttemptSelection>(attempts, ignoreCase: true);
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        var assessment = app.Services.GetRequiredService<CourseCatalogLoader>().GetCatalog().FindCourse("thb")!.FindModule("hearing")!.Assessment!;
        await SeedAsync(app, assessment);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fast = await ItemAnalysisQuery.LoadAsync(db, admin, assessment, null, selection, CancellationToken.None);
        var (expected, percents) = await EveryRowAsync(db, admin, assessment, selection);

        Assert.True(expected.Test.Attempts > 10);
        Assert.Equal(expected.Test.Attempts, fast.Analysis.Test.Attempts);
        Same(expected.Test.Mean, fast.Analysis.Test.Mean);
        Same(expected.Test.Median, fast.Analysis.Test.Median);
        Same(expected.Test.StandardDeviation, fast.Analysis.Test.StandardDeviation);
        Same(expected.Test.Alpha, fast.Analysis.Test.Alpha);
        foreach (var (e, a) in expected.Items.Zip(fast.Analysis.Items, (e, a) => (e, a)))
        {
            Assert.Equal((e.Id, e.Attempts), (a.Id, a.Attempts));
            Same(e.Facility, a.Facility);
            Same(e.StandardDeviation, a.StandardDeviation);
            Same(e.Discrimination, a.Discrimination);
            Same(e.DiscriminativeEfficiency, a.DiscriminativeEfficiency);
            Assert.Equal(e.Options, a.Options);
            Assert.Equal(e.Warnings, a.Warnings);
        }
        Assert.Equal(percents.Order(), fast.Percents.Order());
        // The fixture really exercises the formulas: some items are spread and discriminate.
        Assert.Contains(expected.Items, i => i.Discrimination is not null && i.Options.Any(o => o.Chosen > 0));
    }

    private static void Same(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 1e-9);
        }
    }

    /// <summary>The former computation: every selected attempt and question row loaded, then analysed row by row.</summary>
    private static async Task<(ItemAnalysis, List<decimal>)> EveryRowAsync(AppDbContext db, ClaimsPrincipal user, Assessment assessment, AttemptSelection selection)
    {
        var attempts = ItemAnalysisQuery.Attempts(db, user, assessment, null, selection);
        var heads = await attempts.Select(a => new { a.Id, a.MaxScore, a.Percent }).ToListAsync();
        var rows = await db.AttemptQuestions.Where(q => attempts.Select(a => a.Id).Contains(q.AttemptId))
            .Select(q => new { q.AttemptId, q.QuestionId, q.Score, q.Response }).ToListAsync();
        var choices = assessment.Questions.OfType<ChoiceQuestion>().Select(q => q.Id).ToHashSet();
        var scored = heads.Select(h => new ScoredAttempt(h.MaxScore, [.. rows.Where(r => r.AttemptId == h.Id).Select(r => new ItemScore(r.QuestionId, r.Score ?? 0,
            r.Response is null || !choices.Contains(r.QuestionId) ? [] : JsonSerializer.Deserialize<Dictionary<string, string[]>>(r.Response)!["option"]))])).ToList();
        var items = assessment.Questions.Select(q => new AnalysedItem(q.Id, q.Points,
            q is ChoiceQuestion c ? [.. c.Options.Select(o => new AnalysedOption(o.Id, o.IsCorrect))] : [])).ToList();
        return (ItemStatistics.Analyse(items, scored), [.. heads.Select(h => h.Percent ?? 0)]);
    }

    /// <summary>
    /// 14 learners with 1–3 graded attempts each, each drawing a random subset of the questions (a pool), with partial
    /// scores, unanswered questions, several picks on multiple choice, and a question no longer in the assessment; plus
    /// a pre-test, a trial and an attempt in progress, which analysis leaves out.
    /// </summary>
    private static async Task SeedAsync(TestApp app, Assessment assessment)
    {
        var random = new Random(42);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var l = 0; l < 14; l++)
        {
            var email = $"learner{l}@example.eu";
            await app.CreateUserAsync(email, TestData.Password, "Learner");
            var userId = await Cohorts.IdOfAsync(db, email);
            var ability = random.NextDouble();
            var count = random.Next(1, 4);
            for (var n = 1; n <= count + 2; n++)
            {
                var (kind, status) = n <= count ? (AttemptKind.Graded, AttemptStatus.Submitted)
                    : n == count + 1 ? (l % 2 == 0 ? AttemptKind.Pretest : AttemptKind.Trial, AttemptStatus.Submitted)
                    : (AttemptKind.Graded, AttemptStatus.InProgress);
                var drawn = assessment.Questions.Where(_ => random.Next(4) > 0).ToList();
                var questions = drawn.Select((q, i) => Answer(q, i, ability, random)).ToList();
                if (random.Next(4) == 0)
                {
                    questions.Add(new AttemptQuestion { Position = questions.Count, QuestionId = "retired", Definition = "{}", Score = 1, Response = """{"option":["a"]}""" });
                }
                var max = drawn.Sum(q => q.Points);
                var score = questions.Sum(q => q.Score ?? 0);
                db.AssessmentAttempts.Add(new AssessmentAttempt
                {
                    UserId = userId, CourseSlug = "thb", ModuleSlug = "hearing", Number = kind == AttemptKind.Pretest ? -1 : n, ContentVersion = "seed",
                    Status = status, StartedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow, PassMark = 60, Review = "Everything",
                    QuestionsPerPage = 4, MaxScore = max, Score = score, Percent = max == 0 ? 0 : Math.Round(100 * score / max, 2),
                    Passed = max > 0 && score / max >= 0.6m, Kind = kind, Questions = questions,
                });
            }
        }
        await db.SaveChangesAsync();
    }

    private static AttemptQuestion Answer(Question question, int position, double ability, Random random)
    {
        var row = new AttemptQuestion { Position = position, QuestionId = question.Id, Definition = "{}" };
        if (random.Next(8) == 0)
        {
            return row;
        }
        var right = random.NextDouble() < ability;
        if (question is ChoiceQuestion choice)
        {
            var picked = right ? choice.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToList()
                : choice.AllowsSeveral ? [.. choice.Options.Where(_ => random.Next(2) == 0).Select(o => o.Id).DefaultIfEmpty("a")]
                : [choice.Options[random.Next(choice.Options.Count)].Id];
            var response = Response.Of(ResponseFields.Option, [.. picked]);
            row.Response = JsonSerializer.Serialize(response.Fields);
            row.Score = choice.Grade(response)?.Score ?? 0;
        }
        else
        {
            row.Response = """{"text":["x"]}""";
            row.Score = right ? question.Points : Math.Round(question.Points * (decimal)random.NextDouble() / 2, 2);
        }
        return row;
    }
}
