using System.Net;
using ELearning.Web.Assessments;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Analysis;

public sealed class ItemAnalysisTests
{
    private const string Page = "/trainer/analysis/thb/hearing";

    private static async Task<(TestApp App, int CohortA)> TwoCohortsAsync()
    {
        var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        await app.CreateUserAsync("trainer-a@example.eu", TestData.Password, "Learner", "Trainer");
        await app.CreateUserAsync("trainer-b@example.eu", TestData.Password, "Learner", "Trainer");
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        await app.CreateUserAsync("ben@example.eu", TestData.Password, "Learner");
        await app.CreateUserAsync("eve@example.eu", TestData.Password, "Learner");
        var a = await Cohorts.AddAsync(app, "Bucharest prosecutors", ["trainer-a@example.eu"], ["ana@example.eu", "ben@example.eu"]);
        await Cohorts.AddAsync(app, "Brussels police", ["trainer-b@example.eu"], ["eve@example.eu"]);
        return (app, a);
    }

    private static async Task<TestClient> SignInAsync(TestApp app, string email)
    {
        var browser = app.CreateBrowser();
        using var response = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task ATrainerSeesTheStatisticsAndOptionCountsOfTheirCohortsFirstAttempts()
    {
        var (app, cohortA) = await TwoCohortsAsync();
        using var _ = app;
        // Ana answers everything right, Ben everything wrong, through the real attempt pages.
        foreach (var (email, answers, path) in new[] { ("ana@example.eu", AttemptDriver.Right, AttemptDriver.RightPath), ("ben@example.eu", AttemptDriver.Wrong, AttemptDriver.WrongPath) })
        {
            using var learner = await SignInAsync(app, email);
            var driver = new AttemptDriver(learner);
            using var submitted = await driver.TakeAsync(await driver.StartAsync(), answers, path);
        }
        // A later attempt and a pre-test are not first graded attempts: left out by default.
        var now = DateTime.UtcNow;
        await Cohorts.AddAttemptAsync(app, "ben@example.eu", AttemptKind.Graded, 2, 100, now, ("a-single", 1, "b"));
        await Cohorts.AddAttemptAsync(app, "ana@example.eu", AttemptKind.Pretest, -1, 0, now, ("a-single", 0, "a"));

        using var trainer = await SignInAsync(app, "trainer-a@example.eu");
        var (status, page) = await trainer.GetPageAsync($"{Page}?cohort={cohortA}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2", page.QuerySelector(".stat-attempts")!.TextContent.Trim());
        Assert.Equal("50%", page.QuerySelector("#item-a-single .item-facility")!.TextContent.Trim());
        // One right, one wrong: the item separates the two learners perfectly.
        Assert.Equal("100%", page.QuerySelector("#item-a-single .item-discrimination")!.TextContent.Trim());
        var counts = page.QuerySelectorAll("#item-a-single + .item-options li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, counts.Count);
        Assert.StartsWith("Closure : 1", counts[0].Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("(key): 1", counts[1], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg title"));

        var (_, all) = await trainer.GetPageAsync($"{Page}?cohort={cohortA}&attempts=all");
        Assert.Equal("3", all.QuerySelector(".stat-attempts")!.TextContent.Trim());
    }

    [Fact]
    public async Task ATrainerOfAnotherCohortGetsNotFoundAndSeesNoneOfItsLearners()
    {
        var (app, cohortA) = await TwoCohortsAsync();
        using var _ = app;
        await Cohorts.AddAttemptAsync(app, "ana@example.eu", AttemptKind.Graded, 1, 100, DateTime.UtcNow, ("a-single", 1, "b"));

        using var trainerB = await SignInAsync(app, "trainer-b@example.eu");
        var (status, _) = await trainerB.GetPageAsync($"{Page}?cohort={cohortA}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var (own, page) = await trainerB.GetPageAsync(Page);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal("0", page.QuerySelector(".stat-attempts")!.TextContent.Trim());

        using var admin = app.CreateBrowser();
        await app.CreateUserAsync("admin@example.eu", TestData.Password, "Admin");
        using var adminLogin = await admin.LoginAsync("admin@example.eu", TestData.Password);
        var (_, adminPage) = await admin.GetPageAsync(Page);
        Assert.Equal("1", adminPage.QuerySelector(".stat-attempts")!.TextContent.Trim());

        foreach (var bad in new[] { $"{Page}?cohort=999", $"{Page}?cohort=abc", $"{Page}?attempts=best", "/trainer/analysis/thb/money", "/trainer/analysis/nope/hearing" })
        {
            var (badStatus, _) = await trainerB.GetPageAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, badStatus);
        }
    }

    [Fact]
    public async Task ALearnerCannotOpenItemAnalysis()
    {
        var (app, cohortA) = await TwoCohortsAsync();
        using var _ = app;
        using var learner = await SignInAsync(app, "ana@example.eu");

        using var response = await learner.Http.GetAsync($"{Page}?cohort={cohortA}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
