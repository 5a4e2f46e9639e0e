using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class TextQuestionTests
{
    private const string Agency = """
        ::: question id=m2-eu-agency type=text
        Which EU agency coordinates judicial cooperation between prosecutors?

        - [x] Eurojust
        - [x] European Union Agency for Criminal Justice Cooperation
        - [ ] Europol
          > Europol supports police cooperation; judicial coordination is Eurojust's.
        :::
        """;

    private static TextQuestion Court(string attributes = "") =>
        Parse.Question<TextQuestion>($"::: question id=court type=text {attributes}\nWhich court?\n\n- [x] Curtea de Apel București\n:::\n");

    private static Response Typed(string text) => Response.Of("text", text);

    [Fact]
    public void AnswersAreReadAsPlainTextWithTheirFeedback()
    {
        var question = Parse.Question<TextQuestion>(Agency);

        Assert.Equal(QuestionKind.ShortText, question.Kind);
        Assert.Equal(
            [
                new TextAnswer("Eurojust", true, null),
                new TextAnswer("European Union Agency for Criminal Justice Cooperation", true, null),
                new TextAnswer("Europol", false, "<p>Europol supports police cooperation; judicial coordination is Eurojust's.</p>\n"),
            ],
            question.Answers);
        Assert.True(question.IgnoreCase && question.IgnoreAccents && question.IgnoreSpaces);
        Assert.Equal("<p>Eurojust</p><p>European Union Agency for Criminal Justice Cooperation</p>", question.CorrectAnswerHtml);
    }

    [Fact]
    public void MarkupInAnAnswerIsDroppedToPlainText()
    {
        var question = Parse.Question<TextQuestion>("::: question id=q type=text\nWho?\n\n- [x] *Euro*`just` & co\n:::\n");

        Assert.Equal("Eurojust & co", Assert.Single(question.Answers).Text);
        Assert.Equal("<p>Eurojust &amp; co</p>", question.CorrectAnswerHtml);
    }

    [Fact]
    public void SwitchesOnTheOpeningLineAreRead()
    {
        var question = Court("ignore-case=false ignore-accents=false ignore-spaces=false");

        Assert.False(question.IgnoreCase || question.IgnoreAccents || question.IgnoreSpaces);
    }

    [Theory]
    [InlineData("Eurojust")]
    [InlineData("eurojust")]
    [InlineData("  EUROJUST  ")]
    [InlineData("european union agency for criminal   justice cooperation")]
    public void AcceptedAnswersMatchIgnoringCaseAndSpaces(string typed)
    {
        Assert.True(Parse.Question<TextQuestion>(Agency).Grade(Typed(typed))!.IsCorrect);
    }

    [Theory]
    [InlineData("Curtea de Apel București")]
    [InlineData("curtea de apél bucurești")]
    [InlineData("CURTEA DE APEL BUCURESTI")]
    [InlineData("Curtea  de Apel\tBucuresti")]
    public void ByDefaultCaseAccentsAndSpacesAreIgnored(string typed)
    {
        Assert.True(Court().Grade(Typed(typed))!.IsCorrect);
    }

    [Theory]
    [InlineData("Łódź", "Lodz")]
    [InlineData("Łódź", "LODZ")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Ørsted", "Orsted")]
    [InlineData("Đakovo", "Dakovo")]
    [InlineData("Æsir", "aesir")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Lodz", "Łódź")]
    public void IgnoringAccentsAlsoFoldsLettersWithoutCombiningMarks(string accepted, string typed)
    {
        var question = Parse.Question<TextQuestion>($"::: question id=q type=text\nWhere?\n\n- [x] {accepted}\n:::\n");
        Assert.True(question.Grade(Typed(typed))!.IsCorrect);
        var strict = Parse.Question<TextQuestion>($"::: question id=q type=text ignore-accents=false\nWhere?\n\n- [x] {accepted}\n:::\n");
        Assert.False(strict.Grade(Typed(typed))!.IsCorrect);
    }

    [Theory]
    [InlineData("ignore-accents=false", "curtea de apél bucurești", false)]
    [InlineData("ignore-accents=false", "curtea de apel bucurești", true)]
    [InlineData("ignore-case=false", "curtea de apel bucuresti", false)]
    [InlineData("ignore-case=false", "Curtea de Apel Bucuresti", true)]
    [InlineData("ignore-spaces=false", "Curtea  de Apel București", false)]
    [InlineData("ignore-spaces=false", "  Curtea de Apel București ", true)]
    public void EachRuleCanBeTurnedOff(string attributes, string typed, bool correct)
    {
        Assert.Equal(correct, Court(attributes).Grade(Typed(typed))!.IsCorrect);
    }

    [Fact]
    public void AnAnticipatedWrongAnswerScoresZeroWithItsFeedback()
    {
        var grade = Parse.Question<TextQuestion>(Agency).Grade(Typed("EUROPOL"));

        Assert.Equal(0m, grade!.Score);
        Assert.Equal([new Feedback(null, "<p>Europol supports police cooperation; judicial coordination is Eurojust's.</p>\n")], grade.Feedback);
    }

    [Fact]
    public void AnUnforeseenWrongAnswerScoresZeroWithoutFeedback()
    {
        var grade = Parse.Question<TextQuestion>(Agency).Grade(Typed("Interpol"));

        Assert.Equal((0m, 1m), (grade!.Score, grade.MaxScore));
        Assert.Empty(grade.Feedback);
    }

    [Fact]
    public void PointsWeighTheScore()
    {
        var question = Parse.Question<TextQuestion>("::: question id=q type=text points=2.5\nWho?\n\n- [x] Eurojust\n:::\n");

        Assert.Equal(new Grade(2.5m, 2.5m, []).Score, question.Grade(Typed("eurojust"))!.Score);
    }

    [Fact]
    public void EmptyBlankOverlongRepeatedOrMissingTextIsRefused()
    {
        var question = Parse.Question<TextQuestion>(Agency);

        Assert.Null(question.Grade(Typed("")));
        Assert.Null(question.Grade(Typed("   ")));
        Assert.Null(question.Grade(Typed(new string('x', TextQuestion.MaxLength + 1))));
        Assert.Null(question.Grade(Response.Of("text", "Eurojust", "Europol")));
        Assert.Null(question.Grade(Response.Empty));
    }

    [Fact]
    public void NoAcceptedAnswerIsAnError() =>
        Parse.HasError("::: question id=q type=text\nWho?\n\n- [ ] Europol\n:::\n", 4, 1, "no answer is marked accepted");

    [Fact]
    public void APlainListIsAnError() =>
        Parse.HasError("::: question id=q type=text\nWho?\n\n- Eurojust\n:::\n", 4, 1, "the answers must be a task list");

    [Fact]
    public void NoAnswersIsAnError() =>
        Parse.HasError("::: question id=q type=text\nWho?\n:::\n", 1, 1, "the question has no answers");

    [Fact]
    public void TwoAnswersThatCompareEqualAreAnError() =>
        Parse.HasError("::: question id=q type=text\nWho?\n\n- [x] Curtea de Apel\n- [ ] curtea de apél\n:::\n", 5, 1,
            "answer 2 is the same as answer 1 (compared as learners' answers are)");

    [Fact]
    public void AnswersThatDifferUnderTheRulesInForceMayBothBeListed()
    {
        var question = Parse.Question<TextQuestion>("::: question id=q type=text ignore-accents=false\nWho?\n\n- [x] Curtea de Apel\n- [ ] curtea de apél\n:::\n");

        Assert.Equal(2, question.Answers.Count);
    }

    [Fact]
    public void AnAnswerLongerThanALearnerMayTypeIsAnError() =>
        Parse.HasError($"::: question id=q type=text\nWho?\n\n- [x] {new string('x', 501)}\n:::\n", 4, 1, "answer 1 is longer than 500 characters");

    [Fact]
    public void ContentAfterTheAnswersIsAnError() =>
        Parse.HasError("::: question id=q type=text\nWho?\n\n- [x] Eurojust\n\nMore.\n:::\n", 6, 1, "nothing may follow the answers");
}
