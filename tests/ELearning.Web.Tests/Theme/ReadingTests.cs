using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Bunit;
using ELearning.Theming;
using ELearning.Themes.Default;
using Microsoft.AspNetCore.Components;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

/// <summary>How pages read: counted words, names instead of codes, tables of contents, disabled buttons, print rules.</summary>
public sealed partial class ReadingTests : ThemeTestContext
{
    private static CourseCard Card(decimal? hours, params int[] lessons) =>
        new("Course", "Sum.", "/courses/c", 45, hours, [.. lessons.Select((n, i) => new ModuleCard($"M{i}", "S.", "/courses/c/m", 30, n, null))], null);

    [Fact]
    public void CountsAgreeWithTheirNumberAndTheMetaLineKeepsItsSpaces()
    {
        var page = RenderPage(new CatalogView([Card(6m, 4, 5), Card(null, 1)], null, false));
        var metas = page.FindAll(".course-card > .meta").Select(m => m.Text()).ToList();
        Assert.Equal(["6 h · 9 lessons", "45 min · 1 lesson"], metas);
        Assert.Equal("30 min · 1 lesson", page.FindAll(".module-list__item .meta")[^1].Text());

        var errors = RenderPage(new ContentErrorsView([], 1, 1));
        Assert.Contains("1 course and 1 lesson loaded.", errors.Find(".lead").Text(), StringComparison.Ordinal);
        var many = RenderPage(new ContentErrorsView([], 2, 12));
        Assert.Contains("2 courses and 12 lessons loaded.", many.Find(".lead").Text(), StringComparison.Ordinal);

        var progress = Render<ProgressBar>(p => p.Add(b => b.Value, new ProgressSummary(1, 1)).Add(b => b.Label, "Progress"));
        Assert.Equal("1 of 1 lesson complete", progress.Find(".progress__text").Text());
    }

    [Fact]
    public void TheCourseNamesItsLanguagesInWords()
    {
        static CourseView Course(params string[] languages) => new("Course", "Sum.", 45, null, languages, [], null, null, null);
        Assert.Contains("Language: English", RenderPage(Course("en")).Find(".meta").Text(), StringComparison.Ordinal);
        Assert.Contains("Languages: English, Romanian", RenderPage(Course("en", "ro")).Find(".meta").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALessonListsItsSectionsUnderItsTitleAndEndsWithALinkBackToTheTop()
    {
        var lesson = new LessonView("Planning", "Plan.", 20, new Link("Course", "/courses/c"), new Link("Module", "/courses/c/m"), null, "",
            [new HtmlPart(new MarkupString("<h1 id=\"planning\">Planning</h1>")), new HtmlPart(new MarkupString("<h2 id=\"a\">First</h2><h2 id=\"b\">Second</h2>"))],
            false, "/courses/c/m/l/complete", null, null, new ProgressSummary(0, 1))
        {
            Contents = [new Link("First", "#a"), new Link("Second", "#b")],
            ContentsAt = 1,
        };
        var page = RenderPage(lesson);

        var toc = page.Find("nav.toc");
        Assert.Equal(["#a", "#b"], toc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("H1", toc.PreviousElementSibling!.TagName);
        Assert.Equal("#main", page.Find(".back-to-top a").GetAttribute("href"));
    }

    [Fact]
    public void AfterTheDeadlineSaveAndSubmitAreDisabled()
    {
        static AttemptPageView Attempt(int page, DateTime deadline) =>
            new("Assessment", new Link("Assessment", "/courses/c/m/assessment"), 1, page, 1, 1, 1,
                page > 1 ? [] : [Choice("q1", "q.q1.")], [false], "/save", "/autosave", 3, deadline, null);

        var running = RenderPage(Attempt(1, Now.UtcDateTime.AddMinutes(5)));
        Assert.All(running.FindAll("form.attempt-form button.button").Cast<IHtmlButtonElement>(), b => Assert.False(b.IsDisabled));

        var over = RenderPage(Attempt(1, Now.UtcDateTime.AddMinutes(-1)));
        var buttons = over.FindAll("form.attempt-form button.button").Cast<IHtmlButtonElement>().ToList();
        Assert.Contains(buttons, b => b.Value == "save");
        Assert.All(buttons, b => Assert.True(b.IsDisabled, b.OuterHtml));
        var summary = RenderPage(Attempt(2, Now.UtcDateTime.AddMinutes(-1)));
        Assert.True(((IHtmlButtonElement)summary.Find("button.button--submit")).IsDisabled);
    }

    private static string Stylesheet()
    {
        using var stream = DefaultTheme.Create().Assets.GetFileInfo("default.css").CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void PromptsAreNotBoldAndPrintingLetsQuestionsBreakAcrossPages()
    {
        var css = Stylesheet();
        var prompt = Rule().Matches(css).Single(m => m.Groups["selector"].Value.Trim() == ".question__prompt").Groups["body"].Value;
        Assert.DoesNotMatch("font-weight:\\s*(bold|[6-9]00)", prompt);

        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        var unbreakable = Rule().Matches(print).Where(m => m.Groups["body"].Value.Contains("break-inside: avoid", StringComparison.Ordinal))
            .SelectMany(m => m.Groups["selector"].Value.Split(',').Select(s => s.Trim())).ToList();
        Assert.NotEmpty(unbreakable);
        Assert.DoesNotContain(".question", unbreakable);
        Assert.DoesNotContain(".result", unbreakable);
        Assert.DoesNotContain(".review", unbreakable);
    }

    [Fact]
    public void MatchingListsEveryChoiceInFullWithALetterThatStartsItsOption()
    {
        const string Long = "Ban on publishing any information that could identify the victim";
        var question = new QuestionView("m", InputKind.Matching, Html("<p>Match.</p>"), "", [Option("x", Long), Option("y", "Closed hearing")],
            Values(), null)
        {
            Items = [Option("i1", "Media"), Option("i2", "Court")],
        };
        var fields = RenderFields(question);

        Assert.Equal(["A. " + Long, "B. Closed hearing"], fields.FindAll(".matching__choices li").Select(li => li.Text()));
        var options = fields.FindAll("select")[0].QuerySelectorAll("option").Skip(1).Select(o => o.Text()).ToList();
        Assert.Equal(["A. " + Long, "B. Closed hearing"], options);
    }

    [GeneratedRegex(@"(?<selector>[^{}]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex Rule();
}
