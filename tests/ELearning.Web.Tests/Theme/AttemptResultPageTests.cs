using Bunit;
using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class AttemptResultPageTests : ThemeTestContext
{
    private static AttemptResultView Result(bool showScore = true, bool expired = false, string? retake = null, string? blocked = null, params ReviewItem[] items) =>
        new("Module 1 assessment", new Link("Module 1 assessment", "/courses/c/m1/assessment"), 2, new DateTime(2026, 3, 2, 10, 5, 0, DateTimeKind.Utc),
            showScore, showScore ? 7 : null, showScore ? 10 : null, showScore ? 70 : null, 70, showScore ? true : null, expired, items, retake, blocked);

    [Fact]
    public void TheScoreShowsPointsPercentPassMarkAndWhetherPassed()
    {
        var page = RenderPage(Result());

        var result = page.Find(".result");
        Assert.Equal("Passed", result.QuerySelector(".result__verdict").Text());
        Assert.Equal(["7 of 10 points", "70%", "70%"], result.QuerySelectorAll("dd").Select(d => d.Text()));
        Assert.Equal(["Score", "Percentage", "Pass mark"], result.QuerySelectorAll("dt").Select(d => d.Text()));
        Assert.Empty(page.FindAll(".notice--expired"));
        Assert.Equal("2026-03-02T10:05:00Z", page.Find(".lead time").GetAttribute("datetime"));
    }

    [Fact]
    public void AHiddenScoreShowsNoFigures()
    {
        var page = RenderPage(Result(showScore: false));

        Assert.Empty(page.FindAll(".result"));
        var text = TextOf(page);
        Assert.DoesNotContain("points", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Passed", text, StringComparison.Ordinal);
        Assert.Contains("does not show scores", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpiredAttemptSaysItWasGradedWithTheSavedAnswers()
    {
        var page = RenderPage(Result(expired: true));
        Assert.Contains("Time ran out", page.Find(".notice--expired").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewedQuestionsAreNumberedDisabledAndCarryTheirFeedback()
    {
        var answered = new ReviewItem(1, Choice("m1-a", "q.m1-a.", FullAnswer(false, new FeedbackView("a", Html("Not this one."))), "a"), true);
        var skipped = new ReviewItem(2, new QuestionView("m1-b", InputKind.ShortText, Html("<p>Which agency?</p>"), "q.m1-b.", [], Values(), null), false);
        var page = RenderPage(Result(items: [answered, skipped]));

        Assert.Equal(["Question 1", "Question 2"], page.FindAll(".review legend .question__kind").Select(e => e.Text()));
        Assert.All(page.FindAll(".review input, .review select, .review button"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.True(page.Find("input[name='q.m1-a.option'][value=a]").HasAttribute("checked"));
        Assert.Equal("Not this one.", page.Find(".review .option__feedback").Text());
        Assert.Equal("Correct answer: Beta", page.Find(".review .answer__correct").Text());
        Assert.Equal("Not answered", page.Find(".review .is-unanswered .review__unanswered").Text());
        Assert.Empty(page.FindAll("form"));
    }

    [Fact]
    public void ARetakeIsAPostedFormAndABlockIsAMessage()
    {
        var retake = RenderPage(Result(retake: "/courses/c/m1/assessment/start"));
        var form = Assert.Single(retake.FindAll("form"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/courses/c/m1/assessment/start", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("/courses/c/m1/assessment", retake.Find(".result__actions a").GetAttribute("href"));

        var blocked = RenderPage(Result(blocked: "You have used all 3 attempts."));
        Assert.Empty(blocked.FindAll("form"));
        Assert.Equal("You have used all 3 attempts.", blocked.Find(".notice--blocked").Text());
    }
}
