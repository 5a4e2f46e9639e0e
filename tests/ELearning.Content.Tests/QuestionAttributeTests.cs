using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class QuestionAttributeTests
{
    private const string Choices = "Pick.\n\n- [x] A\n- [ ] B\n:::\n";

    [Fact]
    public void PointsDefaultToOne()
    {
        Assert.Equal(1m, Parse.Question<ChoiceQuestion>("::: question id=q\n" + Choices).Points);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("0.5", "0.5")]
    [InlineData("\"1.25\"", "1.25")]
    public void PointsAreAPositiveNumberWithADecimalPoint(string written, string expected)
    {
        var question = Parse.Question<ChoiceQuestion>($"::: question id=q points={written}\n" + Choices);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), question.Points);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1,5")]
    [InlineData("two")]
    [InlineData("1e3")]
    [InlineData("")]
    public void PointsThatAreNotAPositiveNumberAreAnErrorAtTheAttribute(string written) =>
        Parse.HasError($"::: question id=q points={written}\n" + Choices, 1, 19, $"points must be a positive number with a '.' decimal point, e.g. points=2 or points=0.5, not '{written}'");

    [Fact]
    public void ScoringPartialMakesMultipleChoicePartial()
    {
        var question = Parse.Question<ChoiceQuestion>("::: question id=q type=multiple scoring=partial\n" + Choices);

        Assert.Equal(Scoring.Partial, question.Scoring);
    }

    [Fact]
    public void ScoringIsAcceptedWithoutATypeWhenSeveralOptionsAreCorrect()
    {
        var question = Parse.Question<ChoiceQuestion>("::: question id=q scoring=partial\nPick.\n\n- [x] A\n- [x] B\n- [ ] C\n:::\n");

        Assert.Equal((QuestionKind.MultipleChoice, Scoring.Partial), (question.Kind, question.Scoring));
    }

    [Fact]
    public void ScoringOnASingleChoiceQuestionIsAnErrorAtTheAttribute() =>
        Parse.HasError("::: question id=q scoring=partial\n" + Choices, 1, 19, "'scoring' applies to multiple choice only here");

    [Theory]
    [InlineData("single")]
    [InlineData("true-false")]
    [InlineData("text")]
    public void ScoringOnATypeWithoutPartsIsAnError(string type) =>
        Parse.HasError($"::: question id=q type={type} scoring=partial\n" + Choices, 1, 25 + type.Length,
            "'scoring' applies to type=multiple, type=ordering and type=matching only");

    [Fact]
    public void UnknownScoringIsAnError() =>
        Parse.HasError("::: question id=q type=multiple scoring=some\n" + Choices, 1, 33, "scoring must be all-or-nothing or partial, not 'some'");

    [Theory]
    [InlineData("ignore-case")]
    [InlineData("ignore-accents")]
    [InlineData("ignore-spaces")]
    public void TextSwitchesApplyToTextQuestionsOnly(string key) =>
        Parse.HasError($"::: question id=q {key}=false\n" + Choices, 1, 19, $"'{key}' applies to type=text only");

    [Theory]
    [InlineData("answer=1")]
    [InlineData("tolerance=1")]
    [InlineData("unit=EUR")]
    public void NumericAttributesApplyToNumericQuestionsOnly(string attribute) =>
        Parse.HasError($"::: question id=q type=multiple {attribute}\n" + Choices, 1, 33, $"'{attribute.Split('=')[0]}' applies to type=numeric only");

    [Fact]
    public void UnknownAttributeNamesTheAttributesAQuestionTakes() =>
        Parse.HasError("::: question id=q weight=2\n" + Choices, 1, 19,
            "unknown attribute 'weight'; a question takes id, type, points, scoring, ignore-case, ignore-accents, ignore-spaces, answer, tolerance, unit");

    [Fact]
    public void AQuotedValueMayHoldSpaces()
    {
        var question = Parse.Question<NumericQuestion>("::: question id=q type=numeric answer=30 unit=\"working days\"\nHow long?\n:::\n");

        Assert.Equal("working days", question.Unit);
    }

    [Fact]
    public void AQuoteThatIsNeverClosedIsAnError() =>
        Parse.HasError("::: question id=q type=numeric answer=30 unit=\"working days\nHow long?\n:::\n", 1, 42,
            "the value of 'unit' has no closing quote");

    [Fact]
    public void TextRightAfterAClosingQuoteIsAnError() =>
        Parse.HasError("::: question id=q type=numeric answer=30 unit=\"days\"x\nHow long?\n:::\n", 1, 42,
            "expected a space after the closing quote of 'unit', found 'x'");

    [Fact]
    public void AnInvalidTypeIsOneErrorEvenWithAttributesThatDependOnTheType()
    {
        var errors = Parse.Errors("::: question id=q type=txt ignore-case=false\n" + Choices);

        var error = Assert.Single(errors);
        Assert.Equal((1, 19), (error.Line, error.Column));
        Assert.Contains("type must be one of single, multiple, true-false, text, numeric, ordering, matching, not 'txt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AttributesMayComeInAnyOrder()
    {
        var question = Parse.Question<TextQuestion>("::: question ignore-case=false points=3 type=text id=q\nWho?\n\n- [x] Eurojust\n:::\n");

        Assert.Equal(("q", 3m, false), (question.Id, question.Points, question.IgnoreCase));
    }
}
