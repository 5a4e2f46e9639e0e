using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class HintAndRationaleTests
{
    private const string Question = "::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n";

    [Fact]
    public void HintsAndTheRationaleAreReadInOrderWithoutTheCalloutWrapper()
    {
        var question = Parse.Question<ChoiceQuestion>(Question
            + "\n> [!HINT]\n> First hint.\n\n> [!HINT]\n> Second *hint*.\n\n> [!RATIONALE]\n> Because of [the law](https://example.org/law).\n:::\n");

        Assert.Equal(["<p>First hint.</p>\n", "<p>Second <em>hint</em>.</p>\n"], question.HintsHtml);
        Assert.Equal("<p>Because of <a href=\"https://example.org/law\">the law</a>.</p>\n", question.RationaleHtml);
    }

    [Fact]
    public void QuestionsWithoutCalloutsHaveNoHintsAndNoRationale()
    {
        var question = Parse.Question<ChoiceQuestion>(Question + ":::\n");

        Assert.Empty(question.HintsHtml);
        Assert.Null(question.RationaleHtml);
    }

    [Fact]
    public void CalloutKindsMayBeWrittenInAnyCase()
    {
        var question = Parse.Question<ChoiceQuestion>(Question + "\n> [!hint]\n> Look.\n\n> [!Rationale]\n> So.\n:::\n");

        Assert.Equal(["<p>Look.</p>\n"], question.HintsHtml);
        Assert.Equal("<p>So.</p>\n", question.RationaleHtml);
    }

    [Fact]
    public void ACalloutMayHoldSeveralBlocks()
    {
        var question = Parse.Question<ChoiceQuestion>(Question + "\n> [!RATIONALE]\n>\n> One.\n>\n> - two\n:::\n");

        Assert.Equal("<p>One.</p>\n<ul>\n<li>two</li>\n</ul>\n", question.RationaleHtml);
    }

    [Theory]
    [InlineData("::: question id=q type=true-false\nTrue?\n\n- [x] True\n- [ ] False\n")]
    [InlineData("::: question id=q type=text\nWho?\n\n- [x] Eurojust\n")]
    [InlineData("::: question id=q type=numeric answer=3\nHow many?\n")]
    [InlineData("::: question id=q type=ordering\nOrder.\n\n1. A\n2. B\n")]
    [InlineData("::: question id=q type=matching\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 |\n| b | 2 |\n")]
    [InlineData("::: scenario id=q\nCase.\n\n## Start\n\n- [Go](#end)\n")]
    public void EveryKindOfQuestionTakesHintsAndARationale(string start)
    {
        var (body, diagnostics) = Render.Body(start + "\n> [!HINT]\n> Hint.\n\n> [!RATIONALE]\n> Why.\n:::\n");

        DiagnosticAssert.NoErrors(diagnostics);
        var question = Assert.Single(body.Segments.OfType<Catalog.QuestionSegment>()).Question;
        Assert.Equal(["<p>Hint.</p>\n"], question.HintsHtml);
        Assert.Equal("<p>Why.</p>\n", question.RationaleHtml);
    }

    [Fact]
    public void AHintAfterTheRationaleIsAnError() =>
        Parse.HasError(Question + "\n> [!RATIONALE]\n> Why.\n\n> [!HINT]\n> Late.\n:::\n", 10, 1, "hints come before the rationale");

    [Fact]
    public void ASecondRationaleIsAnError() =>
        Parse.HasError(Question + "\n> [!RATIONALE]\n> Why.\n\n> [!RATIONALE]\n> Again.\n:::\n", 10, 1, "a question has at most one rationale");

    [Fact]
    public void AnotherCalloutKindAfterTheOptionsIsAnError() =>
        Parse.HasError(Question + "\n> [!NOTE]\n> Aside.\n:::\n", 7, 1, "only '> [!HINT]' and '> [!RATIONALE]' callouts may end a question, not '[!NOTE]'");

    [Fact]
    public void AnEmptyHintIsAnError() =>
        Parse.HasError(Question + "\n> [!HINT]\n:::\n", 7, 1, "the hint is empty");

    [Fact]
    public void TextOnTheMarkerLineIsAnError() =>
        Parse.HasError(Question + "\n> [!HINT] Look closer.\n:::\n", 7, 1, "write the hint on the lines after '> [!HINT]', not on the same line");

    [Fact]
    public void AHintInThePromptIsAnError() =>
        Parse.HasError("::: question id=q\nPick.\n\n> [!HINT]\n> Too early.\n\n- [x] A\n- [ ] B\n:::\n", 4, 1,
            "hints and the rationale go at the end of the question, after the options");

    [Fact]
    public void TextAfterTheHintsIsAnError() =>
        Parse.HasError(Question + "\n> [!HINT]\n> Hint.\n\nMore text.\n:::\n", 10, 1, "nothing may follow the options inside a question");

    [Fact]
    public void TextAfterANumericQuestionsHintIsAnError() =>
        Parse.HasError("::: question id=q type=numeric answer=3\nHow many?\n\n> [!HINT]\n> Count.\n\nMore text.\n:::\n", 7, 1,
            "nothing may follow the hints and the rationale");
}
