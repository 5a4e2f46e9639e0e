using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class AttemptResultPageTests
{
    private static AttemptResultView Result(bool showScore = true, bool expired = false, string? retake = null, string? blocked = null, params ReviewItem[] items) =>
        new("Module 1 assessment", new Link("Module 1 assessment", "/courses/c/m1/assessment"), 2, new DateTime(2026, 3, 2, 10, 5, 0, DateTimeKind.Utc),
            showScore, showScore ? 7 : null, showScore ? 10 : null, showScore ? 70 : null, 70, showScore ? true : null, expired, items, retake, blocked);

    [Fact]
    public async Task TheScoreShowsPointsPercentPassMarkAndWhetherPassed()
    {
        var page = await ThemeRendering.RenderAsync(Result());

        var result = page.QuerySelector(".result")!;
        Assert.Equal("Passed", result.QuerySelector(".result__verdict").Text());
        Assert.Equal(["7 of 10 points", "70%", "70%"], result.QuerySelectorAll("dd").Select(d => d.Text()));
        Assert.Equal(["Score", "Percentage", "Pass mark"], result.QuerySelectorAll("dt").Select(d => d.Text()));
        Assert.Null(page.QuerySelector(".notice--expired"));
        Assert.Equal("2026-03-02T10:05:00Z", page.QuerySelector(".lead time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task AHiddenScoreShowsNoFigures()
    {
        var page = await ThemeRendering.RenderAsync(Result(showScore: false));

        Assert.Null(page.QuerySelector(".result"));
        Assert.DoesNotContain("points", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Passed", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not show scores", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredAttemptSaysItWasGradedWithTheSavedAnswers()
    {
        var page = await ThemeRendering.RenderAsync(Result(expired: true));
        Assert.Contains("Time ran out", page.QuerySelector(".notice--expired").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewedQuestionsAreNumberedDisabledAndCarryTheirFeedback()
    {
        var answered = new ReviewItem(1, Choice("m1-a", "q.m1-a.", FullAnswer(false, new FeedbackView("a", Html("Not this one."))), "a"), true);
        var skipped = new ReviewItem(2, new QuestionView("m1-b", InputKind.ShortText, Html("<p>Which agency?</p>"), "q.m1-b.", [], Values(), null), false);
        var page = await ThemeRendering.RenderAsync(Result(items: [answered, skipped]));

        Assert.Equal(["Question 1", "Question 2"], page.QuerySelectorAll(".review legend .question__kind").Select(e => e.Text()));
        Assert.All(page.QuerySelectorAll(".review input, .review select, .review button"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.True(page.QuerySelector("input[name='q.m1-a.option'][value=a]")!.HasAttribute("checked"));
        Assert.Equal("Not this one.", page.QuerySelector(".review .option__feedback").Text());
        Assert.Equal("Correct answer: Beta", page.QuerySelector(".review .answer__correct").Text());
        Assert.Equal("Not answered", page.QuerySelector(".review .is-unanswered .review__unanswered").Text());
        Assert.Empty(page.QuerySelectorAll("form"));
    }

    [Fact]
    public async Task ARetakeIsAPostedFormAndABlockIsAMessage()
    {
        var retake = await ThemeRendering.RenderAsync(Result(retake: "/courses/c/m1/assessment/start"));
        var form = Assert.Single(retake.QuerySelectorAll("form"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/courses/c/m1/assessment/start", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("/courses/c/m1/assessment", retake.QuerySelector(".result__actions a")!.GetAttribute("href"));

        var blocked = await ThemeRendering.RenderAsync(Result(blocked: "You have used all 3 attempts."));
        Assert.Empty(blocked.QuerySelectorAll("form"));
        Assert.Equal("You have used all 3 attempts.", blocked.QuerySelector(".notice--blocked").Text());
    }
}
