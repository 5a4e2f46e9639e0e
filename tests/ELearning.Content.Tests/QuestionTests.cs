using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Markdown;
using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;
using Markdig;

namespace ELearning.Content.Tests;

public sealed class QuestionTests
{
    private const string PeaceFirst = """
        Intro paragraph.

        ::: question id=peace-first
        Which phase of the **PEACE** model comes first?

        - [ ] Account, clarification and challenge
          > Account comes after rapport has been built.
        - [x] Planning and preparation
          > Right: planning comes before the interview itself.
        - [ ] Closure
        :::

        Closing paragraph.
        """;

    private static ChoiceQuestion Single(string markdown)
    {
        var (body, diagnostics) = Render.Body(markdown);
        DiagnosticAssert.NoErrors(diagnostics);
        return Assert.IsType<ChoiceQuestion>(Assert.Single(body.Segments.OfType<QuestionSegment>()).Question);
    }

    private static Response Options(params string[] ids) => Response.Of("option", ids);

    private static IReadOnlyList<ContentDiagnostic> Errors(string markdown)
    {
        var (body, diagnostics) = Render.Body(markdown);
        Assert.Empty(body.Segments.OfType<QuestionSegment>());
        return diagnostics;
    }

    private static void HasError(string markdown, int line, int column, string message) =>
        DiagnosticAssert.Has(Errors(markdown), Render.LessonPath, line, column, DiagnosticSeverity.Error, message);

    [Fact]
    public void SingleChoiceQuestionIsReadWithPromptOptionsAndFeedback()
    {
        var question = Single(PeaceFirst);

        Assert.Equal("peace-first", question.Id);
        Assert.Equal(QuestionKind.SingleChoice, question.Kind);
        Assert.Equal(3, question.Line);
        Assert.Equal("<p>Which phase of the <strong>PEACE</strong> model comes first?</p>\n", question.PromptHtml);
        Assert.Equal(["a", "b", "c"], question.Options.Select(o => o.Id));
        Assert.Equal(["Account, clarification and challenge", "Planning and preparation", "Closure"], question.Options.Select(o => o.Html));
        Assert.Equal([false, true, false], question.Options.Select(o => o.IsCorrect));
        Assert.Equal("<p>Account comes after rapport has been built.</p>\n", question.Options[0].FeedbackHtml);
        Assert.Equal("<p>Right: planning comes before the interview itself.</p>\n", question.Options[1].FeedbackHtml);
        Assert.Null(question.Options[2].FeedbackHtml);
    }

    [Fact]
    public void QuestionSplitsTheLessonIntoSegmentsInDocumentOrder()
    {
        var (body, _) = Render.Body(PeaceFirst);

        Assert.Collection(body.Segments,
            s => Assert.Equal("<p>Intro paragraph.</p>\n", Assert.IsType<HtmlSegment>(s).Html),
            s => Assert.IsType<QuestionSegment>(s),
            s => Assert.Equal("<p>Closing paragraph.</p>\n", Assert.IsType<HtmlSegment>(s).Html));
    }

    [Fact]
    public void RenderedHtmlNeverContainsFeedbackOrCorrectness()
    {
        var (body, _) = Render.Body(PeaceFirst);
        var question = Assert.IsType<ChoiceQuestion>(body.Segments.OfType<QuestionSegment>().Single().Question);

        // Everything a learner sees before answering: HTML segments, the prompt, the option labels.
        var visible = string.Concat(body.Segments.OfType<HtmlSegment>().Select(s => s.Html))
            + question.PromptHtml
            + string.Concat(question.Options.Select(o => o.Html));

        Assert.DoesNotContain("planning comes before the interview", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("Account comes after rapport", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("[x]", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[ ]", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<input", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(":::", visible, StringComparison.Ordinal);
        // The option labels carry no trace of the marker that told them apart.
        Assert.Equal(question.Options[1].Html, question.Options[1].Html.Trim());
    }

    [Fact]
    public void QuestionInsideAnErroneousLessonStillLeavesNoTraceInHtml()
    {
        var (body, diagnostics) = Render.Body(PeaceFirst.Replace("::: question id=peace-first", "::: question id=peace-first weight=3", StringComparison.Ordinal));

        Assert.NotEmpty(diagnostics);
        var html = string.Concat(body.Segments.OfType<HtmlSegment>().Select(s => s.Html));
        Assert.DoesNotContain("planning comes before", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PEACE", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineRendersNothingForAQuestionBlockEvenWhenRenderedWhole()
    {
        // Without its own renderer Markdig would print the block's children: the options, ticks and feedback.
        var html = Markdig.Markdown.ToHtml(PeaceFirst, ContentPipeline.Pipeline);

        Assert.Equal("<p>Intro paragraph.</p>\n<p>Closing paragraph.</p>\n", html);
    }

    [Fact]
    public void RegisteringTheQuestionExtensionTwiceAddsOneParserAndOneRenderer()
    {
        var pipeline = new MarkdownPipelineBuilder().UseQuestionBlocks().UseQuestionBlocks();
        pipeline.Extensions.Add(new QuestionBlockExtension());

        var built = pipeline.Build();
        var renderer = new Markdig.Renderers.HtmlRenderer(TextWriter.Null);
        built.Setup(renderer);

        Assert.Single(pipeline.BlockParsers.OfType<QuestionBlockParser>());
        Assert.Single(renderer.ObjectRenderers.OfType<HtmlQuestionBlockRenderer>());
    }

    [Fact]
    public void SeveralCorrectOptionsMakeAMultipleChoiceQuestion()
    {
        var question = Single("::: question id=indicators\nWhich are indicators?\n\n- [x] Debt bondage\n- [X] Withheld documents\n- [ ] A valid contract\n:::\n");

        Assert.Equal(QuestionKind.MultipleChoice, question.Kind);
        Assert.Equal([true, true, false], question.Options.Select(o => o.IsCorrect));
    }

    [Fact]
    public void TypeMultipleMakesMultipleChoiceEvenWithOneCorrectOption()
    {
        var question = Single("::: question id=q type=multiple\nPick all that apply.\n\n- [x] A\n- [ ] B\n:::\n");

        Assert.Equal(QuestionKind.MultipleChoice, question.Kind);
    }

    [Fact]
    public void TypeSingleAndQuotedIdAreAccepted()
    {
        var question = Single("::: question type=single id=\"q-2\"\nPick one.\n\n- [ ] A\n- [x] B\n:::\n");

        Assert.Equal(("q-2", QuestionKind.SingleChoice), (question.Id, question.Kind));
    }

    [Fact]
    public void LooseAndOrderedOptionListsWork()
    {
        var question = Single("::: question id=q\nPick.\n\n1. [ ] A\n\n2. [x] B\n\n3. [ ] C\n:::\n");

        Assert.Equal([false, true, false], question.Options.Select(o => o.IsCorrect));
        Assert.Equal("A", question.Options[0].Html);
    }

    [Fact]
    public void PromptMayHoldSeveralBlocksAndOptionsMayHoldInlineMarkup()
    {
        var question = Single("::: question id=q\nRead the case.\n\n> \"I owe them money.\"\n\nWhat does it suggest?\n\n- [x] Debt *bondage*, see [rights](03-planning.md)\n- [ ] `Nothing`\n:::\n");

        Assert.Equal("<p>Read the case.</p>\n<blockquote>\n<p>&quot;I owe them money.&quot;</p>\n</blockquote>\n<p>What does it suggest?</p>\n", question.PromptHtml);
        Assert.Equal("Debt <em>bondage</em>, see <a href=\"planning\">rights</a>", question.Options[0].Html);
        Assert.Equal("<code>Nothing</code>", question.Options[1].Html);
    }

    [Fact]
    public void QuestionCanInterruptAParagraphAndBeClosedWithLongerFences()
    {
        var question = Single("Text right before.\n:::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n::::\n");

        Assert.Equal("q", question.Id);
    }

    [Fact]
    public void MissingIdIsAnError() =>
        HasError("::: question\nPick.\n\n- [x] A\n- [ ] B\n:::\n", 1, 1, "the question has no id");

    [Fact]
    public void InvalidIdIsAnErrorAtTheAttribute() =>
        HasError("::: question id=Peace_First\nPick.\n\n- [x] A\n- [ ] B\n:::\n", 1, 14, "question id 'Peace_First' must be lowercase letters, digits and hyphens");

    [Fact]
    public void UnknownAttributeIsAnErrorAtTheAttribute() =>
        HasError("::: question id=q weight=2\nPick.\n\n- [x] A\n- [ ] B\n:::\n", 1, 19, "unknown attribute 'weight'");

    [Fact]
    public void DuplicateAttributeIsAnError() =>
        HasError("::: question id=q id=r\nPick.\n\n- [x] A\n- [ ] B\n:::\n", 1, 19, "duplicate attribute 'id'");

    [Fact]
    public void AttributeWithoutValueIsAnError() =>
        HasError("::: question id=q multiple\nPick.\n\n- [x] A\n- [ ] B\n:::\n", 1, 19, "expected key=value, found 'multiple'");

    [Fact]
    public void UnknownTypeIsAnError() =>
        HasError("::: question id=q type=both\nPick.\n\n- [x] A\n- [ ] B\n:::\n", 1, 19, "type must be one of single, multiple, true-false, text, numeric, ordering, matching, not 'both'");

    [Fact]
    public void OtherBlockKindsAreOneErrorAndRenderNothing()
    {
        var (body, diagnostics) = Render.Body("::: warning\nSecret text.\n:::\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((1, 5, DiagnosticSeverity.Error), (error.Line, error.Column, error.Severity));
        Assert.Contains("unknown block '::: warning'", error.Message, StringComparison.Ordinal);
        Assert.Empty(body.Segments);
    }

    [Fact]
    public void PlainListInsteadOfTaskListIsAnError() =>
        HasError("::: question id=q\nPick.\n\n- A\n- B\n:::\n", 4, 1, "the options must be a task list");

    [Fact]
    public void QuestionWithoutOptionsIsAnError() =>
        HasError("::: question id=q\nJust a prompt.\n:::\n", 1, 1, "the question has no options");

    [Fact]
    public void QuestionWithoutPromptIsAnError() =>
        HasError("::: question id=q\n- [x] A\n- [ ] B\n:::\n", 1, 1, "the question has no prompt");

    [Fact]
    public void NoCorrectOptionIsAnError() =>
        HasError("::: question id=q\nPick.\n\n- [ ] A\n- [ ] B\n:::\n", 4, 1, "no option is marked correct");

    [Fact]
    public void OneOptionIsNotAQuestion() =>
        HasError("::: question id=q\nPick.\n\n- [x] A\n:::\n", 4, 1, "at least two options");

    [Fact]
    public void TypeSingleWithSeveralCorrectOptionsIsAnError() =>
        HasError("::: question id=q type=single\nPick.\n\n- [x] A\n- [x] B\n- [ ] C\n:::\n", 4, 1, "type=single but 2 options are marked '[x]'");

    [Fact]
    public void OptionWithoutCheckboxInATaskListIsAnError() =>
        HasError("::: question id=q\nPick.\n\n- [x] A\n- B\n:::\n", 5, 1, "option 2 is not a task item");

    [Fact]
    public void ContentAfterTheOptionsIsAnError() =>
        HasError("::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n\nAn afterthought.\n:::\n", 7, 1, "nothing may follow the options");

    [Fact]
    public void UnindentedFeedbackQuoteGetsAHint() =>
        HasError("::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n\n> Feedback for B\n:::\n", 7, 1, "indent the quote under its option");

    [Fact]
    public void OptionWithMoreThanTextAndOneQuoteIsAnError() =>
        HasError("::: question id=q\nPick.\n\n- [x] A\n\n  More about A.\n- [ ] B\n:::\n", 6, 3, "option 1 may hold only its text and one feedback quote");

    [Fact]
    public void UnclosedQuestionIsAnError() =>
        HasError("Text.\n\n::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n", 3, 1, "the question is not closed");

    [Theory]
    [InlineData("> ::: question id=q\n> Pick.\n>\n> - [x] A\n> - [ ] B\n> :::\n", 1, 3)]
    [InlineData("- item\n\n  ::: question id=q\n  Pick.\n\n  - [x] A\n  - [ ] B\n  :::\n", 3, 3)]
    public void QuestionInsideAnotherBlockIsAnError(string markdown, int line, int column) =>
        HasError(markdown, line, column, "a question cannot be inside a quote, a list or another question");

    [Fact]
    public void QuestionInsideAQuestionIsAnError()
    {
        var diagnostics = Render.Body("::: question id=outer\nPick.\n\n::: question id=inner\nPick.\n\n- [x] A\n- [ ] B\n:::\n:::\n").Diagnostics;

        DiagnosticAssert.Has(diagnostics, Render.LessonPath, 4, 1, DiagnosticSeverity.Error, "a question cannot be inside");
    }

    [Fact]
    public void StrayClosingFenceIsAnError() =>
        DiagnosticAssert.Has(Render.Body("Text.\n\n:::\n").Diagnostics, Render.LessonPath, 3, 1, DiagnosticSeverity.Error, "no question is open");

    [Fact]
    public void FootnoteDefinitionInsideAQuestionStaysInsideIt()
    {
        // Markdig only collects footnote definitions at document level: inside a question it is plain prompt text,
        // so nothing written in a question can surface in the page's footnotes.
        var (body, _) = Render.Body("::: question id=q\nPick[^1].\n\n[^1]: Because B.\n\n- [x] A\n  > [^2]: B is right.\n- [ ] B\n:::\n");

        Assert.DoesNotContain(body.Segments, s => s is HtmlSegment);
        var question = Assert.IsType<ChoiceQuestion>(Assert.Single(body.Segments.OfType<QuestionSegment>()).Question);
        Assert.Contains("Because B.", question.PromptHtml, StringComparison.Ordinal);
        Assert.Contains("B is right.", question.Options[0].FeedbackHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectSingleChoiceAnswerGradesCorrectWithItsFeedback()
    {
        var result = Single(PeaceFirst).Grade(Options("b"));

        Assert.NotNull(result);
        Assert.True(result.IsCorrect);
        Assert.Equal([new Feedback("b", "<p>Right: planning comes before the interview itself.</p>\n")], result.Feedback);
    }

    [Fact]
    public void WrongSingleChoiceAnswerGradesIncorrectWithThePickedOptionsFeedback()
    {
        var result = Single(PeaceFirst).Grade(Options("a"));

        Assert.NotNull(result);
        Assert.False(result.IsCorrect);
        Assert.Equal("a", Assert.Single(result.Feedback).Key);
    }

    [Fact]
    public void MultipleChoiceIsCorrectOnlyForExactlyTheCorrectSet()
    {
        var question = Single("::: question id=q\nPick.\n\n- [x] A\n- [x] B\n- [ ] C\n:::\n");

        Assert.True(question.Grade(Options("b", "a"))!.IsCorrect);
        Assert.False(question.Grade(Options("a"))!.IsCorrect);
        Assert.False(question.Grade(Options("a", "b", "c"))!.IsCorrect);
        Assert.False(question.Grade(Options("c"))!.IsCorrect);
    }

    [Theory]
    [InlineData("")]
    [InlineData("z")]
    [InlineData("b,b")]
    [InlineData("a,b")]
    [InlineData("B")]
    public void MalformedSelectionsGradeAsNull(string selection)
    {
        Assert.Null(Single(PeaceFirst).Grade(Options(selection.Split(',', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Theory]
    [InlineData("a,b", 2)]
    [InlineData("a", 1)]
    [InlineData("a,c", 0)]
    [InlineData("a,b,c", 1)]
    [InlineData("c,d", 0)]
    public void PartialScoringGivesRightPicksMinusWrongPicksNeverBelowZero(string picked, double expected)
    {
        // Two right options (a, b), two wrong (c, d), 2 points: each right pick is worth 1/2, each wrong one costs 1/2.
        var question = Single("::: question id=q type=multiple scoring=partial points=2\nPick.\n\n- [x] A\n- [x] B\n- [ ] C\n- [ ] D\n:::\n");

        Assert.Equal((decimal)expected, question.Grade(Options(picked.Split(',')))!.Score);
    }

    [Fact]
    public void AllOrNothingMultipleChoiceScoresZeroForAPartlyRightSelection()
    {
        var question = Single("::: question id=q type=multiple points=2\nPick.\n\n- [x] A\n- [x] B\n- [ ] C\n:::\n");

        Assert.Equal(0m, question.Grade(Options("a"))!.Score);
        Assert.Equal(2m, question.Grade(Options("a", "b"))!.Score);
    }
}
