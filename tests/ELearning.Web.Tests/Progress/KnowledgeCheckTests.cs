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
        // Options are plain radio buttons whose values are opaque ids.
        var (_, page) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Equal(["a", "b", "c"], page.QuerySelectorAll("#q-peace-first input[type=radio]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task AWrongAnswerShowsItsFeedbackAndTheRightOneIsGradedCorrect()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        using var wrong = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", "a"));
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal(FixtureContent.FirstLesson + "#q-peace-first", wrong.Headers.Location!.OriginalString);
        var (_, afterWrong) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        var question = afterWrong.QuerySelector("#q-peace-first")!;
        Assert.Contains(FixtureContent.WrongFeedback, question.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureContent.RightFeedback, afterWrong.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Not quite", question.QuerySelector(".verdict")!.TextContent, StringComparison.Ordinal);
        Assert.True(question.QuerySelector("input[value=a]")!.HasAttribute("checked"));

        using var right = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", "b"));
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
        using var twoForSingle = await browser.SubmitAsync(FixtureContent.FirstLesson, AnswerUrl, ("option", "a"), ("option", "b"));
        Assert.Equal(HttpStatusCode.BadRequest, twoForSingle.StatusCode);

        var (_, page) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Null(page.QuerySelector("#q-peace-first .verdict"));
    }
}
