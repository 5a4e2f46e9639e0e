using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class OrderingQuestionTests
{
    private const string Peace = """
        ::: question id=m1-peace-order type=ordering scoring=partial points=2
        Put the PEACE phases in order.

        1. Planning and preparation
        2. Engage and explain
        3. Account, clarification and challenge
        4. Closure
        5. *Evaluation*
        :::
        """;

    private static OrderingQuestion Question(string scoring = "scoring=partial") =>
        Parse.Question<OrderingQuestion>(Peace.Replace("scoring=partial", scoring, StringComparison.Ordinal));

    // Ranks for items a, b, c, d, e in that order.
    private static Response Ranks(params int[] ranks) =>
        Parse.Form([.. ranks.Select((rank, i) => $"rank.{(char)('a' + i)}={rank}")]);

    [Fact]
    public void ItemsAreReadInTheRightOrderWithIdsByPosition()
    {
        var question = Question();

        Assert.Equal(QuestionKind.Ordering, question.Kind);
        Assert.Equal(Scoring.Partial, question.Scoring);
        Assert.Equal(
            [
                new ChoiceItem("a", "Planning and preparation"), new ChoiceItem("b", "Engage and explain"),
                new ChoiceItem("c", "Account, clarification and challenge"), new ChoiceItem("d", "Closure"),
                new ChoiceItem("e", "<em>Evaluation</em>"),
            ],
            question.Items);
        Assert.Equal("<p>Put the PEACE phases in order.</p>\n", question.PromptHtml);
    }

    [Fact]
    public void ScoringDefaultsToAllOrNothing()
    {
        Assert.Equal(Scoring.AllOrNothing, Question("").Scoring);
    }

    [Fact]
    public void ItemsNumberedAllOneAreAccepted()
    {
        var question = Parse.Question<OrderingQuestion>("::: question id=q type=ordering\nOrder.\n\n1. A\n1. B\n1. C\n:::\n");

        Assert.Equal(["A", "B", "C"], question.Items.Select(i => i.Html));
    }

    [Fact]
    public void TheRightOrderScoresFullPoints()
    {
        var grade = Question().Grade(Ranks(1, 2, 3, 4, 5));

        Assert.Equal((2m, 2m, true), (grade!.Score, grade.MaxScore, grade.IsCorrect));
    }

    [Fact]
    public void PartialScoringGivesTheShareOfItemsInTheirPlace()
    {
        // a, b and e in place; c and d swapped.
        Assert.Equal(1.2m, Question().Grade(Ranks(1, 2, 4, 3, 5))!.Score);
        Assert.Equal(0m, Question().Grade(Ranks(5, 4, 1, 2, 3))!.Score);
    }

    [Fact]
    public void AllOrNothingScoresZeroForAnyMistake()
    {
        Assert.Equal(0m, Question("scoring=all-or-nothing").Grade(Ranks(1, 2, 4, 3, 5))!.Score);
        Assert.Equal(2m, Question("scoring=all-or-nothing").Grade(Ranks(1, 2, 3, 4, 5))!.Score);
    }

    [Fact]
    public void AMissingRankIsRefused()
    {
        Assert.Null(Question().Grade(Ranks(1, 2, 3, 4)));
    }

    [Fact]
    public void ADuplicateRankIsRefused()
    {
        Assert.Null(Question().Grade(Ranks(1, 2, 3, 4, 4)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("x")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("")]
    public void ARankOutsideOneToTheItemCountIsRefused(string rank)
    {
        Assert.Null(Question().Grade(Parse.Form("rank.a=1", "rank.b=2", "rank.c=3", "rank.d=4", $"rank.e={rank}")));
    }

    [Theory]
    [InlineData("rank.f=6")]
    [InlineData("other=1")]
    [InlineData("rank.a=1")]
    public void AnExtraOrRepeatedFieldIsRefused(string extra)
    {
        Assert.Null(Question().Grade(Parse.Form("rank.a=1", "rank.b=2", "rank.c=3", "rank.d=4", "rank.e=5", extra)));
    }

    [Fact]
    public void ABulletListIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n- A\n- B\n:::\n", 4, 1, "the items must be a numbered list in the right order");

    [Fact]
    public void NoListIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n:::\n", 1, 1, "the question has no items");

    [Fact]
    public void OneItemIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n1. A\n:::\n", 4, 1, "an ordering question needs at least two items");

    [Fact]
    public void MoreThanTwentySixItemsAreAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n" + string.Concat(Enumerable.Range(1, 27).Select(i => $"{i}. Item {i}\n")) + ":::\n",
            4, 1, "an ordering question may have at most 26 items");

    [Fact]
    public void ACheckboxOnAnItemIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n1. [x] A\n2. [ ] B\n:::\n", 4, 1,
            "item 1 has a checkbox; list the items in the right order without '[ ]' or '[x]'");

    [Fact]
    public void AnItemWithTwoParagraphsIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n1. A\n\n   More about A.\n2. B\n:::\n", 4, 1, "item 1 must be one paragraph of text");

    [Fact]
    public void NumbersOutOfSequenceAreAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n1. A\n3. C\n2. B\n:::\n", 5, 1,
            "item 2 is numbered 3; the items are taken in the order written, so number them 1, 2, 3… (or all 1.)");

    [Fact]
    public void ContentAfterTheItemsIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\nOrder.\n\n1. A\n2. B\n\nMore.\n:::\n", 7, 1, "nothing may follow the items");

    [Fact]
    public void NoPromptIsAnError() =>
        Parse.HasError("::: question id=q type=ordering\n1. A\n2. B\n:::\n", 1, 1, "the question has no prompt; write it before the items");
}
