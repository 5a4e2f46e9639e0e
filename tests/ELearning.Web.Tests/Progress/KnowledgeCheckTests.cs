using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Progress;

public sealed class KnowledgeCheckTests
{
    private const string AnswerUrl = FixtureContent.FirstLesson + "/questions/peace-first";

    [Fact]
    public async Task TheLessonPageCarriesNoAnswerKeyBeforeTheLearnerAnswers()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var html = await browser.GetHtmlAsync(FixtureContent.FirstLesson);
        Assert.DoesNotContain(FixtureContent.WrongFeedback, html, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureContent.RightFeedback, html, StringComparison.Ordinal);
        Assert.DoesNotContain("[x]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("correct", html.Replace("Correct.", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        // Options are plain radio buttons whose values are opaque aliases: not the source positions (a, b, c), stable
        // for this learner, different for another.
        var (_, page) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        var values = page.QuerySelectorAll("#q-peace-first input[type=radio]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(3, values.Distinct().Count());
        Assert.DoesNotContain(values, v => v is "a" or "b" or "c");
        var (_, again) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Equal(values, again.QuerySelectorAll("#q-peace-first input[type=radio]").Select(i => i.GetAttribute("value")!));
        using var other = app.CreateBrowser();
        await other.SignUpAndInAsync("piotr@example.pl");
        var (_, theirs) = await other.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Empty(values.Intersect(theirs.QuerySelectorAll("#q-peace-first input[type=radio]").Select(i => i.GetAttribute("value")!)));
    }

    [Fact]
    public async Task ASourcePositionIdPostedInsteadOfTheAliasIsRefused()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using var forged = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", "b"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task AWrongAnswerShowsItsFeedbackAndTheRightOneIsGradedCorrect()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var account = await browser.OptionValueAsync(FixtureContent.FirstLesson, "peace-first", "Account, clarification and challenge");
        var planning = await browser.OptionValueAsync(FixtureContent.FirstLesson, "peace-first", "Planning and preparation");
        using var wrong = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", account));
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal(FixtureContent.FirstLesson + "#q-peace-first", wrong.Headers.Location!.OriginalString);
        var (_, afterWrong) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        var question = afterWrong.QuerySelector("#q-peace-first")!;
        Assert.Contains(FixtureContent.WrongFeedback, question.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureContent.RightFeedback, afterWrong.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Not quite", question.QuerySelector(".verdict")!.TextContent, StringComparison.Ordinal);
        Assert.True(question.QuerySelector($"input[value={account}]")!.HasAttribute("checked"));

        using var right = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", planning));
        var (_, afterRight) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Equal("Correct.", afterRight.QuerySelector("#q-peace-first .verdict")!.TextContent.Trim());
        Assert.Contains(FixtureContent.RightFeedback, afterRight.QuerySelector("#q-peace-first")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("z")]
    [InlineData("")]
    [InlineData("../a")]
    public async Task AForgedOptionIsRefusedAndNothingIsStored(string option)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        using var forged = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", option));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var first = await browser.OptionValueAsync(FixtureContent.FirstLesson, "peace-first", "Closure");
        var second = await browser.OptionValueAsync(FixtureContent.FirstLesson, "peace-first", "Planning and preparation");
        using var twoForSingle = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", first), ("option", second));
        Assert.Equal(HttpStatusCode.BadRequest, twoForSingle.StatusCode);

        var (_, page) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Null(page.QuerySelector("#q-peace-first .verdict"));
    }
}
