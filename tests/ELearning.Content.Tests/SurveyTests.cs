using ELearning.Content.Diagnostics;
using ELearning.Content.Surveys;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class SurveyTests
{
    private static (Survey? Survey, IReadOnlyList<ContentDiagnostic> Diagnostics) Read(string markdown)
    {
        var (body, diagnostics) = Render.Body(markdown);
        return (body.Segments.OfType<SurveySegment>().SingleOrDefault()?.Survey, diagnostics);
    }

    [Fact]
    public void ASurveyHasAnIntroductionLikertItemsAndFreeTextItems()
    {
        var (survey, diagnostics) = Read("""
            # Feedback

            ::: survey id=course-feedback
            Tell us what you *thought*; answers are anonymous.

            - likert: The course was relevant to my work.
            - likert: The cases were <realistic> & useful.
            - text: What should we change?
            :::
            """);

        DiagnosticAssert.NoErrors(diagnostics);
        Assert.NotNull(survey);
        Assert.Equal("course-feedback", survey.Id);
        Assert.Contains("<em>thought</em>", survey.IntroHtml, StringComparison.Ordinal);
        Assert.Equal(
            [("1", SurveyItemKind.Likert, "The course was relevant to my work."), ("2", SurveyItemKind.Likert, "The cases were &lt;realistic&gt; &amp; useful."),
             ("3", SurveyItemKind.Text, "What should we change?")],
            survey.Items.Select(i => (i.Id, i.Kind, i.PromptHtml)));
    }

    [Fact]
    public void ASurveyIsNeverPrintedAsText()
    {
        var html = Render.Html("""
            Before.

            ::: survey id=feedback
            - likert: Useful.
            :::

            After.
            """);

        Assert.DoesNotContain("likert", html, StringComparison.Ordinal);
        Assert.Contains("After.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::: survey\n- likert: Useful.\n:::\n", 1, 5, "the survey has no id")]
    [InlineData("::: survey id=Bad_Id\n- likert: Useful.\n:::\n", 1, 12, "survey id 'Bad_Id' must be")]
    [InlineData("::: survey id=s points=2\n- likert: Useful.\n:::\n", 1, 17, "unknown survey attribute 'points'")]
    [InlineData("::: survey id=s\nJust text.\n:::\n", 1, 1, "the survey has no items")]
    [InlineData("::: survey id=s\n- likert: Useful.\n- rating: Fun.\n:::\n", 3, 3, "starts with 'likert:'")]
    [InlineData("::: survey id=s\n- text:\n:::\n", 2, 3, "no text after its kind")]
    [InlineData("::: survey id=s\n- likert: Useful.\n\nLater.\n:::\n", 4, 1, "nothing may follow the survey's list")]
    [InlineData("::: survey id=s\n- likert: Useful.\n", 1, 1, "the survey is not closed")]
    public void AuthoringMistakesAreReportedWhereTheyAre(string markdown, int line, int column, string message)
    {
        var (survey, diagnostics) = Read(markdown);

        Assert.Null(survey);
        DiagnosticAssert.Has(diagnostics, Render.LessonPath, line, column, DiagnosticSeverity.Error, message);
    }

    [Fact]
    public void ASurveyIdCannotBeAQuestionIdOfTheSameCourse()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/02-end.md", "::: question id=same\nPick.\n\n- [x] a\n- [ ] b\n:::\n\n::: survey id=same\n- likert: Good.\n:::\n");

        var catalog = content.Load();

        Assert.Contains(catalog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("same", StringComparison.Ordinal));
    }
}
