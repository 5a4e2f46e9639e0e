using ELearning.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ELearning.Browser.Tests.Assessments;

/// <summary>Every module assessment of the shipped course, taken in Chromium with the real curriculum.</summary>
public sealed class AssessmentAttemptTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Course = "countering-thb";

    [BrowserTheory]
    [InlineData("victim-hearing")]
    [InlineData("cross-border-cases")]
    [InlineData("financial-investigation")]
    public async Task ALearnerCanFailRetakeAndPassEveryModuleAssessment(string module)
    {
        var assessment = app.Catalog.FindCourse(Course)?.FindModule(module)?.Assessment;
        Assert.NotNull(assessment);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail(module));

        await page.GotoAsync(AttemptDriver.Url(assessment));
        var attempt = new AttemptDriver(page, assessment);
        await attempt.StartAsync("Start the assessment");
        await attempt.AnswerEveryPageAsync(right: false);
        await attempt.SubmitAttemptAsync();
        await Expect(attempt.ResultRegion.GetByText("Not passed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(attempt.ResultPercent).ToHaveTextAsync("0%");

        await attempt.StartAsync("Start a new attempt");
        await attempt.AnswerEveryPageAsync(right: true);
        await attempt.SubmitAttemptAsync();
        await Expect(attempt.ResultRegion.GetByText("Passed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(attempt.ResultPercent).ToHaveTextAsync("100%");

        await page.GotoAsync(AttemptDriver.Url(assessment));
        await Expect(page.GetByText("You passed this assessment.")).ToBeVisibleAsync();
    }
}
