using AngleSharp.Html.Dom;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Assessments;

// review_correct_answers: after_pass_or_last_attempt (the fixture allows two attempts).
public sealed class CorrectAnswerReleaseTests
{
    private static TestApp AppWithheld() => new(prepare: root =>
        FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText("review_correct_answers: after_pass_or_last_attempt")));

    private static bool ShowsCorrectAnswers(IHtmlDocument review) =>
        review.QuerySelectorAll(".answer__correct").Length > 0 || review.Body!.TextContent.Contains("SECRET-RATIONALE", StringComparison.Ordinal);

    [Fact]
    public async Task AFailedFirstAttemptsReviewShowsNoCorrectAnswerUntilTheLearnerPasses()
    {
        using var app = AppWithheld();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);

        var first = await driver.StartAsync();
        using (await driver.TakeAsync(first, AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }
        var (_, failed) = await browser.GetPageAsync(first);
        Assert.Contains("Not passed", failed.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(ShowsCorrectAnswers(failed), "the failed attempt's review shows a correct answer or a rationale");
        Assert.NotNull(failed.QuerySelector(".notice--withheld"));
        // The learner still sees their own answers and the total, but no per-question verdict, points or feedback: on the
        // true/false item "incorrect" (or 0 points, or the total minus the others' points) would name the answer.
        Assert.NotEmpty(failed.QuerySelectorAll(".question--review"));
        Assert.NotEmpty(failed.QuerySelectorAll(".question--review input:checked"));
        Assert.Empty(failed.QuerySelectorAll(".verdict, .answer__score, .answer__feedback, .option__feedback"));
        Assert.DoesNotContain(FixtureContent.WrongFeedback, failed.Body.TextContent, StringComparison.Ordinal);

        var second = await driver.StartAsync();
        using (await driver.TakeAsync(second, AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }
        var (_, passed) = await browser.GetPageAsync(second);
        Assert.True(ShowsCorrectAnswers(passed), "the passed attempt's review withholds the correct answers");
        Assert.NotEmpty(passed.QuerySelectorAll(".verdict"));
        Assert.Null(passed.QuerySelector(".notice--withheld"));
        var (_, firstAgain) = await browser.GetPageAsync(first);
        Assert.True(ShowsCorrectAnswers(firstAgain), "after a pass, the earlier attempt's review still withholds the correct answers");
    }

    [Fact]
    public async Task AfterTheLastAttemptTheReviewShowsTheCorrectAnswersEvenWithoutAPass()
    {
        using var app = AppWithheld();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);

        var first = await driver.StartAsync();
        using (await driver.TakeAsync(first, AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }
        var second = await driver.StartAsync();
        using (await driver.TakeAsync(second, AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }

        var (_, last) = await browser.GetPageAsync(second);
        Assert.Contains("Not passed", last.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(ShowsCorrectAnswers(last), "the last attempt's review withholds the correct answers");
    }

    [Fact]
    public async Task ByDefaultEveryReviewShowsTheCorrectAnswers()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);

        var first = await driver.StartAsync();
        using (await driver.TakeAsync(first, AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
        }

        var (_, failed) = await browser.GetPageAsync(first);
        Assert.True(ShowsCorrectAnswers(failed));
        Assert.Null(failed.QuerySelector(".notice--withheld"));
    }
}
