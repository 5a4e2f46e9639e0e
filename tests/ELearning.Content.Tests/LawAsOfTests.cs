using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

// "*Law as of November 2026.*" in LEGAL and COUNTRY callouts: parsed, rendered, checked for age.
public sealed class LawAsOfTests
{
    [Fact]
    public void TheLawAsOfLineRendersAsAMarkedDatedLineAndTheRestStays()
    {
        var (body, diagnostics) = Render.Body("> [!LEGAL]\n> *Law as of November 2026.*\n> **Directive 2011/36/EU**, art. 18.\n");

        Assert.Empty(diagnostics);
        var html = Assert.IsType<HtmlSegment>(Assert.Single(body.Segments)).Html;
        Assert.Contains("<p class=\"markdown-alert-title\">Legal</p>\n<p class=\"law-as-of\">Law as of <time datetime=\"2026-11\">November 2026</time></p>\n"
            + "<p><strong>Directive 2011/36/EU</strong>, art. 18.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        var date = Assert.Single(body.LawAsOf);
        Assert.Equal((new DateOnly(2026, 11, 1), false, "LEGAL", 2, 3), (date.Date, date.HasDay, date.CalloutKind, date.Line, date.Column));
    }

    [Theory]
    [InlineData("*Law as of 3 November 2026.*", "2026-11-03", "3 November 2026")]
    [InlineData("*Law as of November 3, 2026*", "2026-11-03", "3 November 2026")]
    [InlineData("_law as of may 2024._", "2024-05", "May 2024")]
    public void DaysAndSpellingsAreRead(string line, string iso, string text)
    {
        var (body, diagnostics) = Render.Body($"> [!COUNTRY]\n> {line}\n>\n> **Romania.** Art. 210.\n");

        Assert.Empty(diagnostics);
        Assert.Equal((iso, text), (body.LawAsOf[0].Iso, body.LawAsOf[0].Text));
        Assert.Contains($"<time datetime=\"{iso}\">{text}</time>", Render.Html($"> [!COUNTRY]\n> {line}\n>\n> Text.\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void ALegalOrCountryCalloutWithoutTheLineIsAWarning()
    {
        var (body, diagnostics) = Render.Body("Intro.\n\n> [!COUNTRY]\n> **Romania.** Art. 210.\n\n> [!NOTE]\n> No date needed.\n");

        var warning = Assert.Single(diagnostics);
        Assert.Equal((3, 1, DiagnosticSeverity.Warning), (warning.Line, warning.Column, warning.Severity));
        Assert.Contains("a COUNTRY callout begins with the date of the law it states", warning.Message, StringComparison.Ordinal);
        Assert.Empty(body.LawAsOf);
    }

    [Fact]
    public void AnUnreadableDateIsAWarningAtTheLine()
    {
        var (_, diagnostics) = Render.Body("> [!LEGAL]\n> *Law as of Novembre 2026.*\n> Text.\n");

        var warning = Assert.Single(diagnostics);
        Assert.Equal((2, 3), (warning.Line, warning.Column));
        Assert.Contains("cannot read the date in 'Law as of Novembre 2026.'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-11-01", false, "2026-11-30", 12)]
    [InlineData("2025-10-01", false, "2026-11-30", 13)]
    [InlineData("2025-11-30", true, "2026-11-29", 11)]
    public void AgeIsCountedInWholeMonths(string date, bool hasDay, string today, int months) =>
        Assert.Equal(months, new LawAsOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), hasDay, "LEGAL", 1, 1)
            .AgeInMonths(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void LessonsKnowTheirDatesAndOldOnesAreDueForReview()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/02-law.md", "> [!LEGAL]\n> *Law as of May 2024.*\n> Old.\n\n> [!COUNTRY]\n> *Law as of November 2026.*\n> New.\n");
        var catalog = content.Load();
        DiagnosticAssert.NoErrors(catalog.Diagnostics);

        var lesson = catalog.Courses[0].Modules[0].FindLesson("law")!;
        Assert.Equal(["May 2024", "November 2026"], lesson.LawAsOf.Select(d => d.Text));

        var due = Assert.Single(LawFreshness.Due(catalog, new DateOnly(2026, 11, 30)));
        Assert.Equal((lesson, 30), (due.Lesson, due.AgeInMonths));
        Assert.Equal(2, LawFreshness.Due(catalog, new DateOnly(2026, 11, 30), maxAgeMonths: -1).Count);
        Assert.Empty(LawFreshness.Due(catalog, new DateOnly(2026, 11, 30), maxAgeMonths: 30));
        Assert.Equal("thb/01-hearing/02-law.md:7:3: warning: law as of May 2024 is 30 months old (more than 12); check the law and update the date",
            LawFreshness.Warning(due, 12).ToString());
    }
}
