using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Assessments;

public sealed class AssessmentRulesTests
{
    [Fact]
    public async Task AScoreOnlyReviewShowsTheScoreButNoQuestionsOrFeedback()
    {
        using var app = new TestApp(prepare: root =>
            FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText().Replace("review: everything", "review: score", StringComparison.Ordinal)));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        using (await driver.TakeAsync(attempt, AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }
        var html = await browser.GetHtmlAsync(attempt);
        Assert.Contains("Not passed", html, StringComparison.Ordinal);
        foreach (var hidden in new[] { "SECRET", FixtureContent.WrongFeedback, "Planning and preparation", "name=\"q." })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALockedModuleSaysWhichModulesOpenItAndOpensOnceTheyAreComplete()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, "thb/02-money/module.yml", """
            title: Following the money
            summary: Financial investigation.
            prerequisites: [hearing]
            """));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var (status, locked) = await browser.GetPageAsync(FixtureContent.MoneyLesson);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Complete these modules first: Hearing victims.", locked.Body!.TextContent, StringComparison.Ordinal);
        var (_, course) = await browser.GetPageAsync(FixtureContent.Course);
        Assert.Contains("Hearing victims", course.QuerySelector("#module-money")!.TextContent, StringComparison.Ordinal);

        using (await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
        {
        }
        using (await browser.SubmitAsync(FixtureContent.SecondLesson + "?warning=accepted", FixtureContent.SecondLesson + "/complete"))
        {
        }
        var (open, _) = await browser.GetPageAsync(FixtureContent.MoneyLesson);
        Assert.Equal(HttpStatusCode.OK, open);
    }

    [Fact]
    public async Task AnUnknownAssessmentOrAttemptIsA404()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        foreach (var url in new[] { "/courses/thb/hearing/assessment", "/courses/thb/nope/assessment", "/courses/thb/hearing/assessment/attempts/1" })
        {
            var (status, _) = await browser.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, status);
        }
    }
}
