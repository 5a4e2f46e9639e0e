using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class TrueFalseQuestionTests
{
    private const string Consent = """
        ::: question id=m1-consent-defence type=true-false
        The victim's consent is a defence once coercion or deception is proven.

        - [ ] True
          > No: consent is irrelevant where any of the means were used.
        - [x] False
        :::
        """;

    [Fact]
    public void TrueFalseQuestionIsAChoiceBetweenTwoOptions()
    {
        var question = Parse.Question<ChoiceQuestion>(Consent);

        Assert.Equal(QuestionKind.TrueFalse, question.Kind);
        Assert.False(question.AllowsSeveral);
        Assert.Equal([("a", "True", false), ("b", "False", true)], question.Options.Select(o => (o.Id, o.Html, o.IsCorrect)));
        Assert.Equal("<p>False</p>", question.CorrectAnswerHtml);
    }

    [Fact]
    public void TheRightOptionGradesCorrect()
    {
        var grade = Parse.Question<ChoiceQuestion>(Consent).Grade(Response.Of("option", "b"));

        Assert.Equal(new Grade(1, 1, []).Score, grade!.Score);
        Assert.True(grade.IsCorrect);
        Assert.Empty(grade.Feedback);
    }

    [Fact]
    public void TheWrongOptionGradesZeroWithItsFeedback()
    {
        var grade = Parse.Question<ChoiceQuestion>(Consent).Grade(Response.Of("option", "a"));

        Assert.Equal(0m, grade!.Score);
        Assert.Equal([new Feedback("a", "<p>No: consent is irrelevant where any of the means were used.</p>\n")], grade.Feedback);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("")]
    [InlineData("c")]
    public void BothNeitherOrAnUnknownOptionIsRefused(string options)
    {
        var question = Parse.Question<ChoiceQuestion>(Consent);

        Assert.Null(question.Grade(Response.Of("option", options.Split(',', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void ThreeOptionsAreAnError() =>
        Parse.HasError("::: question id=q type=true-false\nTrue?\n\n- [x] True\n- [ ] False\n- [ ] Maybe\n:::\n", 4, 1,
            "a true-false question has exactly two options (true and false, in the lesson's language), not 3");

    [Fact]
    public void OneOptionIsAnError() =>
        Parse.HasError("::: question id=q type=true-false\nTrue?\n\n- [x] True\n:::\n", 4, 1, "a true-false question has exactly two options");

    [Fact]
    public void BothMarkedRightIsAnError() =>
        Parse.HasError("::: question id=q type=true-false\nTrue?\n\n- [x] True\n- [x] False\n:::\n", 4, 1,
            "a true-false question has one right option, but 2 are marked '[x]'");

    [Fact]
    public void NeitherMarkedRightIsAnError() =>
        Parse.HasError("::: question id=q type=true-false\nTrue?\n\n- [ ] True\n- [ ] False\n:::\n", 4, 1, "no option is marked correct");
}
