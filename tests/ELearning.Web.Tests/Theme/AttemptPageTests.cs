using AngleSharp.Html.Dom;
using Bunit;
using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class AttemptPageTests : ThemeTestContext
{
    private static AttemptPageView Attempt(int page, DateTime? deadline = null, string? message = null)
    {
        QuestionView[] questions = page > 3 ? [] :
        [
            Choice("m1-a", "q.m1-a.", null, "b") with { Points = 2 },
            new("m1-b", InputKind.ShortText, Html("<p>Which agency?</p>"), "q.m1-b.", [], Values(("text", ["Eurojust"])), null) { Points = 1 },
        ];
        return new AttemptPageView("Module 1 assessment", new Link("Module 1 assessment", "/courses/c/m1/assessment"), 2, page, 3,
            FirstQuestionNumber: 2 * (Math.Min(page, 3) - 1) + 1, QuestionCount: 6, questions, [true, false, true],
            "/courses/c/m1/assessment/attempts/7", "/courses/c/m1/assessment/attempts/7/autosave", 41, deadline, message);
    }

    private static IHtmlButtonElement[] Go(IRenderedComponent<Themed<AttemptPageView>> page) =>
        [.. page.FindAll("form.attempt-form button[name=go]").Cast<IHtmlButtonElement>()];

    [Fact]
    public void EveryQuestionOfThePageSitsInOneFormWithTheSequenceAndPage()
    {
        var page = RenderPage(Attempt(2));

        var form = Assert.Single(page.FindAll("form"));
        Assert.Equal("attempt-form", form.ClassName);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/courses/c/m1/assessment/attempts/7", form.GetAttribute("action"));
        Assert.Equal("/courses/c/m1/assessment/attempts/7/autosave", form.GetAttribute("data-autosave"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("41", form.QuerySelector("input[type=hidden][name=seq]")!.GetAttribute("value"));
        Assert.Equal("2", form.QuerySelector("input[type=hidden][name=page]")!.GetAttribute("value"));
        Assert.Equal(2, form.QuerySelectorAll("fieldset").Length);
        Assert.Equal("b", form.QuerySelector("input[name='q.m1-a.option'][checked]")!.GetAttribute("value"));
        Assert.Equal("Eurojust", form.QuerySelector("input[name='q.m1-b.text']")!.GetAttribute("value"));
    }

    [Fact]
    public void QuestionsAreNumberedFromTheFirstNumberAndShowTheirPoints()
    {
        var page = RenderPage(Attempt(2));

        Assert.Equal(["Question 3 of 6", "Question 4 of 6"], page.FindAll("legend .question__kind").Select(e => e.Text()));
        Assert.Equal(["Points: 2", "Points: 1"], page.FindAll("legend .question__points").Select(e => e.Text()));
        Assert.Empty(page.FindAll(AnswerElements));
    }

    [Fact]
    public void AMiddlePageOffersPreviousSaveNextAndAJumpToEveryPage()
    {
        var page = RenderPage(Attempt(2));

        var values = Go(page).Select(b => b.Value).ToList();
        Assert.Equal("save", values[0]); // the default button, pressed by Enter in a text field
        Assert.Equal(["page-1", "page-2", "page-3"], values.Where(v => v.StartsWith("page-", StringComparison.Ordinal)));
        Assert.Contains("prev", values);
        Assert.Contains("next", values);
        Assert.DoesNotContain("submit", values);
        Assert.Equal("Next", Go(page).Single(b => b.Value == "next").Text());
        var current = Assert.Single(page.FindAll(".attempt-pages [aria-current]"));
        Assert.Equal("page-2", current.GetAttribute("value"));
        Assert.Equal(["page-1", "page-3"], page.FindAll(".attempt-pages button.is-answered").Select(b => b.GetAttribute("value")));
        Assert.Contains("Page 2", current.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstPageHasNoPreviousAndTheLastLeadsToReview()
    {
        var first = RenderPage(Attempt(1));
        Assert.DoesNotContain(Go(first), b => b.Value == "prev");

        var last = RenderPage(Attempt(3));
        Assert.Equal("Review and submit", Go(last).Single(b => b.Value == "next").Text());
    }

    [Fact]
    public void ThePageAfterTheLastIsASummaryWithTheFinalSubmit()
    {
        var page = RenderPage(Attempt(4));

        Assert.Empty(page.FindAll("fieldset"));
        var submit = Assert.Single(Go(page), b => b.Value == "submit");
        Assert.Equal("Submit attempt", submit.Text());
        Assert.Contains("final", page.Find(".attempt-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(["is-answered", "is-unanswered", "is-answered"], page.FindAll(".attempt-summary__pages li").Select(li => li.ClassName));
        Assert.DoesNotContain(Go(page), b => b.Value is "save" or "next");
        Assert.Contains(Go(page), b => b.Value == "prev");
        Assert.Empty(page.FindAll(".attempt-pages [aria-current]"));
    }

    [Fact]
    public void ADeadlineShowsTheTimeLeftAndItsEndForTheScript()
    {
        var deadline = Now.UtcDateTime.AddMinutes(25);
        var page = RenderPage(Attempt(1, deadline));

        var countdown = page.Find(".countdown");
        Assert.Equal("2026-03-02T09:25:00Z", countdown.GetAttribute("data-deadline"));
        Assert.Equal("Time left: 25 min (ends at 09:25 UTC)", countdown.Text());
        Assert.Equal("Time is up.", countdown.GetAttribute("data-expired"));
    }

    [Fact]
    public void WithoutADeadlineThereIsNoCountdownAndAMessageIsAStatus()
    {
        var page = RenderPage(Attempt(1, message: "Your answers are saved."));

        Assert.Empty(page.FindAll(".countdown"));
        Assert.Equal("status", page.Find(".attempt__message").GetAttribute("role"));
        Assert.Equal("Your answers are saved.", page.Find(".attempt__message").Text());
    }

    [Fact]
    public void EveryIdOnTheAttemptPageIsUnique()
    {
        var page = RenderPage(Attempt(2, Now.UtcDateTime.AddHours(1)));

        var ids = page.FindAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(page.FindAll("[aria-describedby]"), e => Assert.Contains(e.GetAttribute("aria-describedby")!, ids));
    }
}
