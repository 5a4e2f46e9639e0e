using Bunit;
using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class QuestionBlockTests : ThemeTestContext
{
    private static LessonView Lesson(QuestionView question) =>
        new("Planning", "Plan first.", 20, new Link("Course", "/courses/c"), new Link("Module", "/courses/c#module-m"),
            null, "/courses/c/m/l?warning=accepted", [new QuestionPart(question)], false, "/courses/c/m/l/complete", null, null, new ProgressSummary(0, 3));

    private static QuestionView Scenario(string? restartUrl) =>
        new QuestionView("m1-case", InputKind.Scenario, Html("<p>A raid.</p>"), "", [], Values(), null)
        {
            ActionUrl = "/courses/c/m/l/questions/m1-case",
            RestartUrl = restartUrl,
            Scenario = new ScenarioView([], Html("At the apartment"), Html("<p>What do you do?</p>"), [Option("wait", "Wait"), Option("act", "Act")]),
        };

    [Fact]
    public void AScenarioStepIsSubmittedByItsChoiceButtonsAlone()
    {
        var page = RenderPage(Lesson(Scenario(null)));

        var form = page.Find("#q-m1-case form");
        Assert.Equal("/courses/c/m/l/questions/m1-case", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(["wait", "act"], form.QuerySelectorAll("button").Select(b => b.GetAttribute("value")));
        Assert.All(form.QuerySelectorAll("button"), b => Assert.Equal("choice", b.GetAttribute("name")));
        Assert.DoesNotContain(page.FindAll("button"), b => b.Text() is "Check answer" or "Try again");
        Assert.Single(page.FindAll("#q-m1-case form"));
    }

    [Fact]
    public void AScenarioUnderWayOffersARestartInItsOwnForm()
    {
        var page = RenderPage(Lesson(Scenario("/courses/c/m/l/questions/m1-case/restart")));

        var restart = page.Find("#q-m1-case form.question__restart");
        Assert.Equal("post", restart.GetAttribute("method"));
        Assert.Equal("/courses/c/m/l/questions/m1-case/restart", restart.GetAttribute("action"));
        Assert.NotNull(restart.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Restart the case", restart.QuerySelector("button").Text());
        Assert.Empty(restart.QuerySelectorAll("[name=choice]"));
    }

    [Fact]
    public void ATextKnowledgeCheckHasOneCheckButtonAndNoFeedbackBeforeAnswering()
    {
        var question = new QuestionView("m2-agency", InputKind.ShortText, Html("<p>Which agency?</p>"), "", [], Values(), null)
        {
            ActionUrl = "/courses/c/m/l/questions/m2-agency",
        };
        var page = RenderPage(Lesson(question));

        Assert.Equal("text", page.Find("#q-m2-agency input[type=text]").GetAttribute("name"));
        Assert.Equal(["Check answer"], page.FindAll("#q-m2-agency button").Select(b => b.Text()));
        Assert.Empty(page.FindAll(AnswerElements));
    }

    [Fact]
    public void AnAnsweredTextKnowledgeCheckShowsTheHintAndOffersATryAgain()
    {
        var question = new QuestionView("m2-agency", InputKind.ShortText, Html("<p>Which agency?</p>"), "", [], Values(("text", ["Europol"])),
            new AnswerView(false, null, null, [new FeedbackView(null, Html("<p>Europol is police.</p>"))], Html("<p>Judicial.</p>"), null, null))
        {
            ActionUrl = "/courses/c/m/l/questions/m2-agency",
        };
        var page = RenderPage(Lesson(question));

        Assert.Equal("Europol", page.Find("#q-m2-agency input[name=text]").GetAttribute("value"));
        Assert.Equal("Europol is police.", page.Find("#q-m2-agency .answer__feedback").Text());
        Assert.Equal("Hint Judicial.", page.Find("#q-m2-agency .answer__hint").Text());
        Assert.Equal("status", page.Find("#q-m2-agency .verdict").GetAttribute("role"));
        Assert.Equal("Try again", page.Find("#q-m2-agency button").Text());
    }
}
