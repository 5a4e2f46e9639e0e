using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class NumericQuestionTests
{
    private const string Proceeds = "::: question id=m3-proceeds type=numeric answer=126000 tolerance=500 unit=EUR\nCompute the gross proceeds in euros.\n:::\n";

    private static Response Typed(string text) => Response.Of("number", text);

    [Fact]
    public void AnswerToleranceAndUnitComeFromTheOpeningLine()
    {
        var question = Parse.Question<NumericQuestion>(Proceeds);

        Assert.Equal(QuestionKind.Numeric, question.Kind);
        Assert.Equal((126000m, 500m, "EUR"), (question.Answer, question.Tolerance, question.Unit));
        Assert.Equal("<p>Compute the gross proceeds in euros.</p>\n", question.PromptHtml);
        Assert.Equal("126000 EUR (&#177; 500)", question.CorrectAnswerHtml);
    }

    [Fact]
    public void ToleranceDefaultsToZeroAndTheUnitToNone()
    {
        var question = Parse.Question<NumericQuestion>("::: question id=q type=numeric answer=-2.75\nHow much?\n:::\n");

        Assert.Equal((-2.75m, 0m, (string?)null), (question.Answer, question.Tolerance, question.Unit));
    }

    [Theory]
    [InlineData("126000")]
    [InlineData("126000 EUR")]
    [InlineData("126000eur")]
    [InlineData("126 000")]
    [InlineData("125500")]
    [InlineData("126500")]
    [InlineData("126000,00")]
    [InlineData("126.000,00")]
    [InlineData("126,000.00")]
    [InlineData(" 125999.5 ")]
    public void AnswersWithinTheToleranceAreRight(string typed)
    {
        Assert.True(Parse.Question<NumericQuestion>(Proceeds).Grade(Typed(typed))!.IsCorrect);
    }

    [Theory]
    [InlineData("125499")]
    [InlineData("126500.01")]
    [InlineData("-126000")]
    [InlineData("126,000")]
    public void AnswersOutsideTheToleranceAreWrong(string typed)
    {
        var grade = Parse.Question<NumericQuestion>(Proceeds).Grade(Typed(typed));

        Assert.Equal((0m, 1m), (grade!.Score, grade.MaxScore));
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("2,5")]
    [InlineData("2,5 days")]
    public void ACommaOrADotIsTheDecimalMark(string typed)
    {
        var question = Parse.Question<NumericQuestion>("::: question id=q type=numeric answer=2.5 unit=\"days\"\nHow long?\n:::\n");

        Assert.True(question.Grade(Typed(typed))!.IsCorrect);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("12 EUR EUR")]
    [InlineData("1.500.000")]
    public void TextThatIsNotANumberIsRefused(string typed)
    {
        Assert.Null(Parse.Question<NumericQuestion>(Proceeds).Grade(Typed(typed)));
    }

    [Fact]
    public void OverlongRepeatedOrMissingNumbersAreRefused()
    {
        var question = Parse.Question<NumericQuestion>(Proceeds);

        Assert.Null(question.Grade(Typed(new string('1', 65))));
        Assert.Null(question.Grade(Response.Of("number", "1", "2")));
        Assert.Null(question.Grade(Response.Empty));
    }

    [Fact]
    public void ANumberTooFarFromTheAnswerToSubtractIsWrongNotAnException()
    {
        var question = Parse.Question<NumericQuestion>("::: question id=q type=numeric answer=-70000000000000000000000000000\nHow much?\n:::\n");

        Assert.Equal(0m, question.Grade(Typed("70000000000000000000000000000"))!.Score);
    }

    [Fact]
    public void AMissingAnswerIsAnErrorAtTheType() =>
        Parse.HasError("::: question id=q type=numeric unit=EUR\nHow much?\n:::\n", 1, 19, "a numeric question needs answer=…");

    [Theory]
    [InlineData("answer=126,000", "answer must be a number with a '.' decimal point")]
    [InlineData("answer=lots", "answer must be a number with a '.' decimal point")]
    [InlineData("answer=1 tolerance=-5", "tolerance must be a number of 0 or more")]
    [InlineData("answer=1 unit=\"\"", "unit must not be empty")]
    public void BadValuesAreErrorsAtTheirAttribute(string attributes, string message)
    {
        var column = 32 + attributes.LastIndexOf(' ') + 1;

        Parse.HasError($"::: question id=q type=numeric {attributes}\nHow much?\n:::\n", 1, column, message);
    }

    [Fact]
    public void AnOptionsListIsAnError() =>
        Parse.HasError("::: question id=q type=numeric answer=3\nHow many?\n\n- [x] 3\n- [ ] 4\n:::\n", 4, 1, "a numeric question has no options");

    [Fact]
    public void APlainListMayBePartOfThePrompt()
    {
        var question = Parse.Question<NumericQuestion>("::: question id=q type=numeric answer=3\nCount:\n\n- one\n- two\n- three\n:::\n");

        Assert.Contains("<li>three</li>", question.PromptHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPromptIsAnError() =>
        Parse.HasError("::: question id=q type=numeric answer=3\n:::\n", 1, 1, "the question has no prompt");
}
