using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class MatchingQuestionTests
{
    private const string Tools = """
        ::: question id=m2-tools type=matching points=4
        Match each instrument to what it does.

        | Instrument | What it *does* |
        |---|---|
        | European Investigation Order | Obtains evidence in another Member State |
        | Joint investigation team | Investigates jointly under an agreement |
        | | Extradites a suspect |
        :::
        """;

    private static MatchingQuestion Question(string scoring = "") =>
        Parse.Question<MatchingQuestion>(Tools.Replace("points=4", "points=4 " + scoring, StringComparison.Ordinal));

    [Fact]
    public void RowsBecomePairsAndRightHandCellsChoices()
    {
        var question = Question();

        Assert.Equal(QuestionKind.Matching, question.Kind);
        Assert.Equal(("Instrument", "What it <em>does</em>"), (question.ItemsHeadingHtml, question.ChoicesHeadingHtml));
        Assert.Equal(
            [
                new MatchingPair(new ChoiceItem("a", "European Investigation Order"), "a"),
                new MatchingPair(new ChoiceItem("b", "Joint investigation team"), "b"),
            ],
            question.Pairs);
        Assert.Equal(
            [
                new ChoiceItem("a", "Obtains evidence in another Member State"),
                new ChoiceItem("b", "Investigates jointly under an agreement"),
                new ChoiceItem("c", "Extradites a suspect"),
            ],
            question.Choices);
        Assert.Equal(Scoring.Partial, question.Scoring);
    }

    [Fact]
    public void IdenticalRightHandCellsAreOneChoice()
    {
        var question = Parse.Question<MatchingQuestion>(
            "::: question id=q type=matching\nKinds.\n\n| Body | Kind |\n|---|---|\n| Eurojust | EU agency |\n| | Court |\n| Europol | EU agency |\n:::\n");

        Assert.Equal(["EU agency", "Court"], question.Choices.Select(c => c.Html));
        Assert.Equal([("a", "a"), ("b", "a")], question.Pairs.Select(p => (p.Item.Id, p.ChoiceId)));
    }

    [Fact]
    public void AllRightScoresFullPoints()
    {
        var grade = Question().Grade(Parse.Form("match.a=a", "match.b=b"));

        Assert.Equal((4m, true), (grade!.Score, grade.IsCorrect));
    }

    [Fact]
    public void PartialCreditIsTheShareOfItemsMatchedRight()
    {
        Assert.Equal(2m, Question().Grade(Parse.Form("match.a=a", "match.b=c"))!.Score);
        Assert.Equal(0m, Question().Grade(Parse.Form("match.a=c", "match.b=c"))!.Score);
    }

    [Fact]
    public void AllOrNothingScoresZeroForAnyMistake()
    {
        Assert.Equal(0m, Question("scoring=all-or-nothing").Grade(Parse.Form("match.a=a", "match.b=c"))!.Score);
    }

    [Fact]
    public void AChoiceMayBePickedForSeveralItems()
    {
        Assert.Equal(2m, Question().Grade(Parse.Form("match.a=a", "match.b=a"))!.Score);
    }

    [Theory]
    [InlineData("match.a=a")]
    [InlineData("match.a=a|match.b=z")]
    [InlineData("match.a=a|match.b=B")]
    [InlineData("match.a=a|match.b=b|match.c=c")]
    [InlineData("match.a=a|match.b=b|other=1")]
    [InlineData("match.a=a|match.b=b|match.b=a")]
    public void MissingUnknownExtraOrRepeatedFieldsAreRefused(string fields)
    {
        Assert.Null(Question().Grade(Parse.Form(fields.Split('|'))));
    }

    [Fact]
    public void NoTableIsAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n- a\n- b\n:::\n", 1, 1, "a matching question needs a two-column table");

    [Fact]
    public void ThreeColumnsAreAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n| X | Y | Z |\n|---|---|---|\n| a | 1 | i |\n| b | 2 | ii |\n:::\n", 4, 1,
            "the table must have exactly two columns");

    [Fact]
    public void AnExtraCellInOneRowIsAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 | i |\n| b | 2 |\n:::\n", 4, 1,
            "the table must have exactly two columns");

    [Fact]
    public void OneItemIsAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 |\n| | 2 |\n:::\n", 4, 1,
            "a matching question needs at least two items");

    [Fact]
    public void ARowWithoutAMatchIsAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 |\n| b | |\n| c | 3 |\n:::\n", 7, 1,
            "row 2 has no match; write it in the second column");

    [Fact]
    public void ARepeatedItemIsAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 |\n| b | 2 |\n| a | 3 |\n:::\n", 8, 1,
            "row 3 repeats the item of row 1");

    [Fact]
    public void ContentAfterTheTableIsAnError() =>
        Parse.HasError("::: question id=q type=matching\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 |\n| b | 2 |\n\nMore.\n:::\n", 9, 1,
            "nothing may follow the table");

    [Fact]
    public void NoPromptIsAnError() =>
        Parse.HasError("::: question id=q type=matching\n| X | Y |\n|---|---|\n| a | 1 |\n| b | 2 |\n:::\n", 1, 1, "the question has no prompt; write it before the table");
}
