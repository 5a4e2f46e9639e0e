using Bunit;
using ELearning.Theming;
using Microsoft.AspNetCore.Components;

namespace ELearning.Web.Tests.Theme;

public sealed class DefaultThemeTests : ThemeTestContext
{
    private static QuestionView Question(AnswerView? answer = null, bool multiple = false, params string[] selected) =>
        new("peace-first", multiple ? InputKind.MultipleChoice : InputKind.SingleChoice, new MarkupString("<p>Which phase comes first?</p>"), "",
            [new("a", new MarkupString("Account")), new("b", new MarkupString("Planning")), new("c", new MarkupString("Closure"))],
            ThemeSamples.Values(("option", selected)), answer)
        {
            ActionUrl = "/courses/c/m/l/questions/peace-first",
        };

    private static LessonView Lesson(QuestionView question, string? warning = null, bool completed = false) =>
        new("Planning", "Plan first.", 20, new Link("Course", "/courses/c"), new Link("Module", "/courses/c#module-m"),
            warning, "/courses/c/m/l?warning=accepted",
            [new HtmlPart(new MarkupString("<h1 id=\"planning\">Planning</h1><p>Body text.</p>")), new QuestionPart(question)],
            completed, "/courses/c/m/l/complete",
            new LessonLink("Intro", "/courses/c/m/intro", 10, true), null, new ProgressSummary(1, 3));

    [Fact]
    public void AnUnansweredQuestionIsAFieldsetOfRadioButtonsWithoutAnyVerdict()
    {
        var page = RenderPage(Lesson(Question()));

        var fieldset = page.Find("#q-peace-first fieldset");
        Assert.Contains("Which phase comes first?", fieldset.QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        var inputs = fieldset.QuerySelectorAll("input");
        Assert.All(inputs, i => Assert.Equal("radio", i.GetAttribute("type")));
        Assert.All(inputs, i => Assert.Equal("option", i.GetAttribute("name")));
        Assert.All(inputs, i => Assert.NotEmpty(page.FindAll($"label[for='{i.Id}']")));
        Assert.Empty(page.FindAll(".verdict, .option__feedback, [checked]"));
        var form = page.Find("#q-peace-first form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/courses/c/m/l/questions/peace-first", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public void AMultipleAnswerQuestionUsesCheckBoxesAndSaysSo()
    {
        var page = RenderPage(Lesson(Question(multiple: true)));
        Assert.All(page.FindAll("#q-peace-first input[name=option]"), i => Assert.Equal("checkbox", i.GetAttribute("type")));
        Assert.Contains("Choose all answers that apply.", page.Find("legend").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnsweredQuestionShowsTheChoiceItsFeedbackAndTheVerdict()
    {
        var answer = new AnswerView(false, null, null, [new FeedbackView("a", new MarkupString("<p>Rapport comes first.</p>"))], null, null, null);
        var page = RenderPage(Lesson(Question(answer, false, "a")));

        Assert.True(page.Find("#q-peace-first-a").HasAttribute("checked"));
        Assert.False(page.Find("#q-peace-first-b").HasAttribute("checked"));
        Assert.Equal("Rapport comes first.", page.Find(".option__feedback").TextContent.Trim());
        Assert.Equal("status", page.Find(".verdict").GetAttribute("role"));
        Assert.Equal("Try again", page.Find("#q-peace-first button").TextContent.Trim());
    }

    [Fact]
    public void TheLessonShowsModuleProgressAsAnAccessibleProgressBarAndNavigation()
    {
        var page = RenderPage(Lesson(Question()));

        var progress = page.Find("progress");
        Assert.Equal("1", progress.GetAttribute("value"));
        Assert.Equal("3", progress.GetAttribute("max"));
        Assert.Equal("1", progress.GetAttribute("aria-valuenow"));
        Assert.Equal("3", progress.GetAttribute("aria-valuemax"));
        Assert.Equal("Progress in Module", progress.GetAttribute("aria-label"));
        Assert.Equal("/courses/c/m/l/complete", page.Find(".lesson-status form").GetAttribute("action"));
        Assert.Equal("/courses/c/m/intro", page.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Empty(page.FindAll("a[rel=next]"));
        Assert.Equal("page", page.Find(".breadcrumb [aria-current]").GetAttribute("aria-current"));
    }

    [Fact]
    public void AContentWarningReplacesTheBodyUntilTheLearnerContinues()
    {
        var page = RenderPage(Lesson(Question(), warning: "Describes violence."));

        Assert.Contains("Describes violence.", page.Find(".content-warning").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".lesson"));
        Assert.Empty(page.FindAll("form"));
        Assert.Equal("/courses/c/m/l?warning=accepted", page.Find(".content-warning a").GetAttribute("href"));
    }

    [Fact]
    public void ACompletedLessonOffersNoCompleteButton()
    {
        var page = RenderPage(Lesson(Question(), completed: true));
        Assert.Empty(page.FindAll(".lesson-status form"));
        Assert.Equal("You completed this lesson.", page.Find(".lesson-status .done").TextContent.Trim());
    }

    [Fact]
    public void TheCatalogShowsProgressBarsOnlyForSignedInLearners()
    {
        var modules = new List<ModuleCard> { new("Hearing", "How to hear.", "/courses/c/m/l", 45, 3, null) };
        var visitor = RenderPage(new CatalogView([new CourseCard("Course", "Sum.", "/courses/c", 45, null, modules, null)], null, false));
        Assert.Empty(visitor.FindAll("progress"));
        Assert.Contains("45 min", visitor.Find(".course-card .meta").TextContent, StringComparison.Ordinal);

        var learnerModules = new List<ModuleCard> { new("Hearing", "How to hear.", "/courses/c/m/l", 45, 3, new ProgressSummary(2, 3)) };
        var learner = RenderPage(new CatalogView(
            [new CourseCard("Course", "Sum.", "/courses/c", 45, 6m, learnerModules, new ProgressSummary(2, 3))],
            new ContinueLink("Planning", "Hearing", "Course", "/courses/c/m/l"), true));
        Assert.Equal(["2", "2"], learner.FindAll("progress").Select(p => p.GetAttribute("aria-valuenow")));
        Assert.Equal("/courses/c/m/l", learner.Find(".continue a").GetAttribute("href"));
        Assert.Contains("6 h", learner.Find(".course-card .meta").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultThemeShipsItsStylesheetInsideTheAssembly()
    {
        // Building the theme checks that a template exists for every view model; the stylesheet needs no wwwroot.
        var theme = ELearning.Themes.Default.DefaultTheme.Create();
        Assert.Equal(["default.css"], theme.Stylesheets);
        var css = theme.Assets.GetFileInfo("default.css");
        Assert.True(css.Exists);
        using var reader = new StreamReader(css.CreateReadStream());
        var text = reader.ReadToEnd();
        Assert.Contains("@media print", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        Assert.DoesNotContain("url(http", text, StringComparison.Ordinal);
        // Markdown table alignment arrives as these classes (the CSP blocks style attributes).
        Assert.Contains("td.align-center { text-align: center; }", text, StringComparison.Ordinal);
        Assert.Contains("td.align-right { text-align: right; }", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultThemeShipsItsAssessmentScriptInsideTheAssembly()
    {
        var theme = ELearning.Themes.Default.DefaultTheme.Create();
        Assert.Equal(["assessment.js", "local-time.js", "passkeys.js"], theme.Scripts);
        Assert.True(theme.Assets.GetFileInfo("passkeys.js").Exists);
        var script = theme.Assets.GetFileInfo("assessment.js");
        Assert.True(script.Exists);
        using var reader = new StreamReader(script.CreateReadStream());
        var text = reader.ReadToEnd();
        Assert.Contains("form.attempt-form[data-autosave]", text, StringComparison.Ordinal);
        Assert.Contains("data-deadline", text, StringComparison.Ordinal);
        Assert.DoesNotContain("://", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTemplateRendersInlineScriptStyleOrEventHandlers()
    {
        // The content security policy forbids them; a template that used one would silently lose it.
        var attempt = new AttemptPageView("A", new Link("A", "/a"), 1, 1, 1, 1, 1, [Question()], [false], "/a/1", "/a/1/autosave", 1,
            Now.UtcDateTime.AddMinutes(5), "Saved.");
        var result = new AttemptResultView("A", new Link("A", "/a"), 1, Now.UtcDateTime, true, 1, 2, 50, 70, false, true,
            [new ReviewItem(1, Question(), true)], "/a/start", null);
        var assessment = new AssessmentView("A", new Link("C", "/c"), new Link("M", "/c#m"), new MarkupString("<p>Intro</p>"), 70, 1, null,
            TimeSpan.FromMinutes(10), [], null, false, "Highest", "/a/start", null, null);
        AssertNoInlineCode(RenderPage(Lesson(Question())));
        AssertNoInlineCode(RenderPage(attempt));
        AssertNoInlineCode(RenderPage(result));
        AssertNoInlineCode(RenderPage(assessment));

        static void AssertNoInlineCode<TComponent>(IRenderedComponent<TComponent> page)
            where TComponent : IComponent
        {
            Assert.Empty(page.FindAll("script, style, [style]"));
            Assert.DoesNotContain(page.FindAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }
}
