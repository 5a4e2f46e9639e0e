using System.Net;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Analysis;

public sealed class PretestTests
{
    private const string Offer = "/courses/thb/hearing/pretest";

    private static TestApp WithPretest() => new(prepare: root =>
    {
        FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText());
        FixtureContent.Write(root, "thb/01-hearing/module.yml", "title: Hearing victims\nsummary: How to hear victims.\npretest: true\n");
    });

    private static async Task<TestClient> SignInAsync(TestApp app, string email)
    {
        var browser = app.CreateBrowser();
        using var response = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task APretestIsOfferedBeforeTheFirstLessonNeverCountsAndShowsAsGainForTheCohort()
    {
        using var app = WithPretest();
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        await app.CreateUserAsync("trainer-a@example.eu", TestData.Password, "Learner", "Trainer");
        await app.CreateUserAsync("trainer-b@example.eu", TestData.Password, "Learner", "Trainer");
        var cohort = await Cohorts.AddAsync(app, "Bucharest prosecutors", ["trainer-a@example.eu"], ["ana@example.eu"]);
        await Cohorts.AddAsync(app, "Brussels police", ["trainer-b@example.eu"], []);
        using var ana = await SignInAsync(app, "ana@example.eu");

        using var first = await ana.Http.GetAsync(FixtureContent.FirstLesson);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(Offer, first.Headers.Location!.OriginalString);

        using var started = await ana.SubmitAsync(Offer, Offer + "/start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var pretestUrl = started.Headers.Location!.OriginalString.Split('?')[0];
        Assert.EndsWith("/assessment/attempts/-1", pretestUrl, StringComparison.Ordinal);
        var driver = new AttemptDriver(ana);
        using var submitted = await driver.TakeAsync(pretestUrl, AttemptDriver.Wrong, AttemptDriver.WrongPath);
        // The pre-test shows its score only: the graded assessment is still to come.
        var result = await ana.GetHtmlAsync(pretestUrl);
        Assert.DoesNotContain("SECRET-RATIONALE", result, StringComparison.Ordinal);
        Assert.Contains("Pre-test (not graded)", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Attempt -1", result, StringComparison.Ordinal);

        // Taken once: the lessons open now, and the graded assessment starts at attempt 1 with every attempt left.
        var (lessonStatus, _) = await ana.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Equal(HttpStatusCode.OK, lessonStatus);
        var (_, overview) = await ana.GetPageAsync(FixtureContent.Assessment);
        Assert.DoesNotContain("attempts/-1", overview.Body!.InnerHtml, StringComparison.Ordinal);
        var graded = await driver.StartAsync();
        Assert.EndsWith("/assessment/attempts/1", graded, StringComparison.Ordinal);
        using var passed = await driver.TakeAsync(graded, AttemptDriver.Right, AttemptDriver.RightPath);

        using var trainer = await SignInAsync(app, "trainer-a@example.eu");
        var (status, gain) = await trainer.GetPageAsync($"/trainer/cohorts/{cohort}/gain");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("0%", gain.QuerySelector(".gain-pre-mean")!.TextContent.Trim());
        Assert.Equal("100%", gain.QuerySelector(".gain-post-mean")!.TextContent.Trim());
        var row = gain.QuerySelector(".gain-learners tbody tr")!.TextContent;
        Assert.Contains("ana", row, StringComparison.Ordinal);
        Assert.Contains("+100", row, StringComparison.Ordinal);
        Assert.NotNull(gain.QuerySelector("svg title"));

        using var other = await SignInAsync(app, "trainer-b@example.eu");
        var (otherStatus, _) = await other.GetPageAsync($"/trainer/cohorts/{cohort}/gain");
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
    }

    [Fact]
    public async Task ALearnerCanSkipThePretestAndIsNotAskedAgain()
    {
        using var app = WithPretest();
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        using var ana = await SignInAsync(app, "ana@example.eu");

        using var skipped = await ana.SubmitAsync(Offer, Offer + "/skip");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal(FixtureContent.FirstLesson, skipped.Headers.Location!.OriginalString);

        var (status, _) = await ana.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Equal(HttpStatusCode.OK, status);
        // The offer now only says it was answered: nothing left to take or skip.
        var (_, offer) = await ana.GetPageAsync(Offer);
        Assert.Empty(offer.QuerySelectorAll("form[action^='/courses/thb/hearing/pretest']"));
    }
}
