using System.Security.Cryptography;
using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class AssessmentTests
{
    private const string Path = "thb/01-hearing/assessment.md";

    private const string Full = """
        ---
        title: Module 1 assessment
        pass_mark: 70
        max_attempts: 3
        delay_minutes: 60
        time_limit_minutes: 30
        draw: 2
        shuffle_options: false
        questions_per_page: 1
        review: score-and-correct-answers
        grading: average
        ---

        Two questions drawn from the module. See [the intro](01-intro.md).

        ::: question id=a-first
        Pick.

        - [x] A
        - [ ] B
        :::

        ::: scenario id=a-case points=2
        Case.

        ## Start

        - [Go](#end) (1 point)
        :::

        ::: question id=a-num type=numeric answer=3
        How many?
        :::
        """;

    private const string OneQuestion = "\nIntro.\n\n::: question id=a-q\nPick.\n\n- [x] A\n- [ ] B\n:::\n";

    // The front matter starts on line 2 of the file; the body after it.
    private static ContentFolder WithAssessment(string text) => ContentFolder.WithMinimalCourse().Write(Path, text);

    private static ContentFolder WithFrontMatter(string frontMatter, string body = OneQuestion) =>
        WithAssessment($"---\n{frontMatter}---\n{body}");

    private static Assessment Loaded(ContentFolder content)
    {
        var catalog = content.Load();
        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        return catalog.Courses[0].Modules[0].Assessment!;
    }

    [Fact]
    public void AssessmentMdIsLoadedWithItsRulesIntroductionAndPool()
    {
        using var content = WithAssessment(Full);

        var assessment = Loaded(content);

        Assert.Equal(("thb", "hearing", "Module 1 assessment"), (assessment.CourseSlug, assessment.ModuleSlug, assessment.Title));
        Assert.Equal("<p>Two questions drawn from the module. See <a href=\"intro\">the intro</a>.</p>\n", assessment.IntroHtml);
        Assert.Equal(70m, assessment.PassMark);
        Assert.Equal(3, assessment.MaxAttempts);
        Assert.Equal(TimeSpan.FromHours(1), assessment.DelayBetweenAttempts);
        Assert.Equal(TimeSpan.FromMinutes(30), assessment.TimeLimit);
        Assert.Equal((2, 2), (assessment.Draw, assessment.QuestionsPerAttempt));
        Assert.False(assessment.ShuffleOptions);
        Assert.Equal(1, assessment.QuestionsPerPage);
        Assert.Equal(ReviewPolicy.ScoreAndCorrectAnswers, assessment.Review);
        Assert.Equal(GradingMethod.Average, assessment.Grading);
        Assert.Equal(
            [("a-first", QuestionKind.SingleChoice, 16), ("a-case", QuestionKind.Scenario, 23), ("a-num", QuestionKind.Numeric, 31)],
            assessment.Questions.Select(q => (q.Id, q.Kind, q.Line)));
        Assert.Equal(2m, assessment.FindQuestion("a-case")!.Points);
        Assert.Equal(Path, assessment.SourcePath);
    }

    [Fact]
    public void OnlyTitleAndPassMarkAreRequired()
    {
        using var content = WithFrontMatter("title: Check\npass_mark: 62.5\n");

        var assessment = Loaded(content);

        Assert.Equal(("Check", 62.5m), (assessment.Title, assessment.PassMark));
        Assert.Null(assessment.MaxAttempts);
        Assert.Equal(TimeSpan.Zero, assessment.DelayBetweenAttempts);
        Assert.Null(assessment.TimeLimit);
        Assert.Null(assessment.Draw);
        Assert.Equal(1, assessment.QuestionsPerAttempt);
        Assert.True(assessment.ShuffleOptions);
        Assert.Equal(5, assessment.QuestionsPerPage);
        Assert.Equal(ReviewPolicy.Everything, assessment.Review);
        Assert.Equal(GradingMethod.Highest, assessment.Grading);
        Assert.Equal("<p>Intro.</p>\n", assessment.IntroHtml);
    }

    [Theory]
    [InlineData("none", ReviewPolicy.None)]
    [InlineData("score", ReviewPolicy.Score)]
    [InlineData("score-and-correct-answers", ReviewPolicy.ScoreAndCorrectAnswers)]
    [InlineData("everything", ReviewPolicy.Everything)]
    public void ReviewNamesAPolicy(string written, ReviewPolicy expected)
    {
        using var content = WithFrontMatter($"title: T\npass_mark: 50\nreview: {written}\n");

        Assert.Equal(expected, Loaded(content).Review);
    }

    [Theory]
    [InlineData("highest", GradingMethod.Highest)]
    [InlineData("last", GradingMethod.Last)]
    [InlineData("first", GradingMethod.First)]
    [InlineData("average", GradingMethod.Average)]
    public void GradingNamesAMethod(string written, GradingMethod expected)
    {
        using var content = WithFrontMatter($"title: T\npass_mark: 50\ngrading: {written}\n");

        Assert.Equal(expected, Loaded(content).Grading);
    }

    [Fact]
    public void PassMarksFromZeroToOneHundredAreAccepted()
    {
        using var zero = WithFrontMatter("title: T\npass_mark: 0\n");
        using var hundred = WithFrontMatter("title: T\npass_mark: 100\n");

        Assert.Equal((0m, 100m), (Loaded(zero).PassMark, Loaded(hundred).PassMark));
    }

    [Fact]
    public void ContentVersionIsTheStartOfTheFilesSha256()
    {
        using var content = WithAssessment(Full);

        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(System.IO.Path.Combine(content.Root, Path))))[..12];

        Assert.Equal(expected, Loaded(content).ContentVersion);
    }

    [Fact]
    public void AnEditedAssessmentIsParsedAgain()
    {
        using var content = WithFrontMatter("title: Before\npass_mark: 50\n");
        var before = Loaded(content);

        content.Write(Path, $"---\ntitle: After the edit\npass_mark: 50\n---\n{OneQuestion}");
        var after = Loaded(content);

        Assert.Equal("After the edit", after.Title);
        Assert.NotEqual(before.ContentVersion, after.ContentVersion);
    }

    [Fact]
    public void AnUntouchedAssessmentIsNotParsedAgainWhenALessonChanges()
    {
        using var content = WithAssessment(Full);
        var before = Loaded(content);

        content.Lesson("thb/01-hearing/01-intro.md", "A different, longer body than before.\n");
        var after = Loaded(content);

        Assert.Same(before, after);
    }

    [Fact]
    public void ABrokenAssessmentIsReportedAndTheModuleLoadsWithoutIt()
    {
        using var content = WithFrontMatter("title: T\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, 1, 1, "missing required key 'pass_mark'");
        var module = Assert.Single(catalog.Courses[0].Modules);
        Assert.Null(module.Assessment);
        Assert.Single(module.Lessons);
    }

    [Fact]
    public void AFixedAssessmentComesBack()
    {
        using var content = WithFrontMatter("title: T\n");
        Assert.Null(content.Load().Courses[0].Modules[0].Assessment);

        content.Write(Path, $"---\ntitle: T\npass_mark: 80\n---\n{OneQuestion}");

        Assert.Equal(80m, Loaded(content).PassMark);
    }

    [Fact]
    public void AModuleWithoutAssessmentMdHasNone()
    {
        using var content = ContentFolder.WithMinimalCourse();

        Assert.Null(content.Load().Courses[0].Modules[0].Assessment);
    }

    [Theory]
    [InlineData("title: T\npass_mark: 120\n", 3, 12, "'pass_mark' must be a number from 0 to 100")]
    [InlineData("title: T\npass_mark: -5\n", 3, 12, "'pass_mark' must be a number from 0 to 100")]
    [InlineData("title: T\npass_mark: seventy\n", 3, 12, "'pass_mark' must be a number from 0 to 100")]
    [InlineData("title: T\npass_mark: 70\nmax_attempts: 0\n", 4, 15, "'max_attempts' must be a whole number, 1 or more")]
    [InlineData("title: T\npass_mark: 70\ndelay_minutes: -1\n", 4, 16, "'delay_minutes' must be a whole number, 0 or more")]
    [InlineData("title: T\npass_mark: 70\ntime_limit_minutes: 0\n", 4, 21, "'time_limit_minutes' must be a whole number, 1 or more")]
    [InlineData("title: T\npass_mark: 70\ndraw: 0\n", 4, 7, "'draw' must be a whole number, 1 or more")]
    [InlineData("title: T\npass_mark: 70\nshuffle_options: yes\n", 4, 18, "'shuffle_options' must be true or false")]
    [InlineData("title: T\npass_mark: 70\nquestions_per_page: 2.5\n", 4, 21, "'questions_per_page' must be a whole number, 1 or more")]
    [InlineData("title: T\npass_mark: 70\nreview: all\n", 4, 9, "'review' must be one of: none, score, score-and-correct-answers, everything")]
    [InlineData("title: T\npass_mark: 70\ngrading: best\n", 4, 10, "'grading' must be one of: highest, last, first, average")]
    [InlineData("title: T\npass_mrk: 70\n", 3, 1, "unknown key 'pass_mrk'; did you mean 'pass_mark'?")]
    [InlineData("pass_mark: 70\n", 1, 1, "missing required key 'title'")]
    public void FrontMatterMistakesAreErrorsAtTheirPosition(string frontMatter, int line, int column, string message)
    {
        using var content = WithFrontMatter(frontMatter);

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, line, column, message);
        Assert.Null(catalog.Courses[0].Modules[0].Assessment);
    }

    [Theory]
    [InlineData("", CorrectAnswerRelease.Always)]
    [InlineData("review_correct_answers: always\n", CorrectAnswerRelease.Always)]
    [InlineData("review_correct_answers: after_pass_or_last_attempt\n", CorrectAnswerRelease.AfterPassOrLastAttempt)]
    public void ReviewCorrectAnswersIsReadFromTheFrontMatter(string line, CorrectAnswerRelease expected)
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n" + line);

        Assert.Equal(expected, Loaded(content).CorrectAnswers);
    }

    [Fact]
    public void AnUnknownReviewCorrectAnswersValueIsAnError()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\nreview_correct_answers: later\n");

        DiagnosticAssert.HasError(content.Load(), Path, 4, 25, "review_correct_answers");
    }

    [Fact]
    public void DrawingMoreThanThePoolIsAnErrorAtDraw()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\ndraw: 5\n");

        DiagnosticAssert.HasError(content.Load(), Path, 4, 7, "draw is 5, but the pool has only 1 question(s)");
    }

    [Fact]
    public void AnAssessmentWithoutFrontMatterIsAnError()
    {
        using var content = WithAssessment("Just text.\n\n::: question id=q\nPick.\n\n- [x] A\n- [ ] B\n:::\n");

        DiagnosticAssert.HasError(content.Load(), Path, 1, 1, "an assessment starts with front matter");
    }

    [Fact]
    public void AnAssessmentWithoutQuestionsIsAnErrorWhereTheBodyStarts()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", "\nOnly an introduction.\n");

        DiagnosticAssert.HasError(content.Load(), Path, 5, 1, "the assessment has no questions");
    }

    [Fact]
    public void TextAfterTheFirstQuestionIsAnError()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", OneQuestion + "\nAn afterthought.\n");

        DiagnosticAssert.HasError(content.Load(), Path, 15, 1, "after the first question an assessment holds only questions and scenarios");
    }

    [Fact]
    public void MistakesInAQuestionAreReportedAtTheirPosition()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", OneQuestion.Replace("id=a-q", "id=a-q weight=2", StringComparison.Ordinal));

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, 8, 21, "unknown attribute 'weight'");
        Assert.Null(catalog.Courses[0].Modules[0].Assessment);
    }

    [Fact]
    public void ABrokenLinkInTheIntroductionIsAnError()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", "\nSee [this](09-missing.md).\n" + OneQuestion);

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, 6, 5, "link target not found: '09-missing.md'");
        Assert.Null(catalog.Courses[0].Modules[0].Assessment);
    }

    [Fact]
    public void FootnotesOfTheIntroductionStayInTheIntroduction()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", "\nIntro[^1].\n\n[^1]: A note.\n" + OneQuestion);

        var assessment = Loaded(content);

        Assert.Contains("A note.", assessment.IntroHtml, StringComparison.Ordinal);
        Assert.Single(assessment.Questions);
    }

    [Fact]
    public void AnIdTakenByALessonQuestionIsAnErrorOnTheAssessment()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", OneQuestion)
            .Lesson("thb/01-hearing/01-intro.md", "::: question id=a-q\nPick.\n\n- [x] A\n- [ ] B\n:::\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, 8, 14, "duplicate question id 'a-q' (first used at thb/01-hearing/01-intro.md:6)");
        Assert.Null(catalog.Courses[0].Modules[0].Assessment);
        Assert.Single(catalog.Courses[0].Modules[0].Lessons);
    }

    [Fact]
    public void ALaterLessonReusingAnAssessmentIdIsAnErrorOnTheLesson()
    {
        using var content = WithFrontMatter("title: T\npass_mark: 70\n", OneQuestion)
            .Module("thb/02-later").Lesson("thb/02-later/01-l.md", "::: question id=a-q\nPick.\n\n- [x] A\n- [ ] B\n:::\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-later/01-l.md", 6, 14, $"duplicate question id 'a-q' (first used at {Path}:8)");
        Assert.NotNull(catalog.Courses[0].FindModule("hearing")!.Assessment);
    }

    [Fact]
    public void ATranslationOfTheAssessmentIsIgnored()
    {
        using var content = WithAssessment(Full).Write("thb/01-hearing/assessment.ro.md", "not even front matter");

        var catalog = content.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.NotNull(catalog.Courses[0].Modules[0].Assessment);
    }

    [Fact]
    public void AnAssessmentIsCheckedEvenWhenItsModuleDoesNotLoad()
    {
        using var content = WithFrontMatter("title: T\n").Module("thb/01-hearing", "title: Only a title\n");

        DiagnosticAssert.HasError(content.Load(), Path, 1, 1, "missing required key 'pass_mark'");
    }
}
