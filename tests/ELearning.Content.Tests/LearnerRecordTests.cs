using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;

namespace ELearning.Content.Tests;

public sealed class LearnerRecordTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    // intro (no assessment) → hearing (two lessons + assessment, needs intro) → money (optional, one lesson)
    private static Course MakeCourse(GradingMethod grading = GradingMethod.Highest, decimal passMark = 70, bool moneyOptional = true)
    {
        static Lesson L(string module, string slug) => new()
        {
            Slug = slug, CourseSlug = "thb", ModuleSlug = module, Title = slug, Summary = "", Minutes = 10,
            Segments = [], ContentVersion = "v1", SourcePath = $"thb/{module}/{slug}.md",
        };
        return new Course
        {
            Slug = "thb", Title = "THB", Summary = "", Languages = ["en"],
            Modules =
            [
                new Module
                {
                    Slug = "intro", CourseSlug = "thb", Title = "Intro", Summary = "", Objectives = [], FolderPath = "thb/01-intro",
                    Prerequisites = [], Lessons = [L("intro", "welcome")],
                },
                new Module
                {
                    Slug = "hearing", CourseSlug = "thb", Title = "Hearing", Summary = "", Objectives = [], FolderPath = "thb/02-hearing",
                    Prerequisites = ["intro"], Lessons = [L("hearing", "why"), L("hearing", "plan")],
                    Assessment = new Assessment
                    {
                        CourseSlug = "thb", ModuleSlug = "hearing", Title = "Test", IntroHtml = "", PassMark = passMark,
                        MaxAttempts = 3, DelayBetweenAttempts = TimeSpan.FromHours(1), Grading = grading, Questions = [],
                        ContentVersion = "a1", SourcePath = "thb/02-hearing/assessment.md",
                    },
                },
                new Module
                {
                    Slug = "money", CourseSlug = "thb", Title = "Money", Summary = "", Objectives = [], FolderPath = "thb/03-money",
                    Prerequisites = [], Lessons = [L("money", "follow")], Optional = moneyOptional,
                },
            ],
        };
    }

    private static LessonMark Done(string module, string lesson, int minute) =>
        new("thb", module, lesson, T0.AddMinutes(minute), T0.AddMinutes(minute), T0.AddMinutes(minute));

    private static LessonMark Opened(string module, string lesson, int minute) =>
        new("thb", module, lesson, T0.AddMinutes(minute), T0.AddMinutes(minute), null);

    private static AttemptMark Submitted(int number, decimal percent, decimal passMark = 70, int minute = 100) =>
        new("thb", "hearing", number, AttemptState.Submitted, T0.AddMinutes(minute - 20), null, T0.AddMinutes(minute),
            passMark, percent, percent >= passMark);

    private static AttemptMark Open(int number, DateTime? deadline = null) =>
        new("thb", "hearing", number, AttemptState.InProgress, T0, deadline, null, 70, null, null);

    private static LessonMark[] AllLessonsDone() =>
        [Done("intro", "welcome", 1), Done("hearing", "why", 2), Done("hearing", "plan", 3)];

    [Fact]
    public void AnEmptyRecordHasNoGradeNoCompletionAndNoResumePoint()
    {
        var course = MakeCourse();
        var record = LearnerRecord.Empty;

        Assert.Equal(ModuleGrade.None, record.GradeOf(course.Modules[1]));
        Assert.False(record.IsComplete(course.Modules[0]));
        Assert.False(record.IsComplete(course));
        Assert.Null(record.CompletedAt(course));
        Assert.Null(record.ResumePoint([course]));
        Assert.False(record.HasStarted(course));
        Assert.Equal(new LessonCount(0, 4), record.Count(course));
    }

    [Theory]
    [InlineData(GradingMethod.Highest, 80, true)]
    [InlineData(GradingMethod.Last, 60, false)]
    [InlineData(GradingMethod.First, 50, false)]
    [InlineData(GradingMethod.Average, 63.33, false)]
    public void TheModuleGradeFollowsTheGradingMethod(GradingMethod grading, decimal percent, bool passed)
    {
        var course = MakeCourse(grading);
        var record = new LearnerRecord([], [Submitted(1, 50, minute: 100), Submitted(2, 80, minute: 200), Submitted(3, 60, minute: 300)]);

        var grade = record.GradeOf(course.Modules[1]);

        Assert.Equal(percent, grade.Percent);
        Assert.Equal(passed, grade.Passed);
        Assert.Equal(3, grade.SubmittedAttempts);
    }

    [Fact]
    public void AnAverageAtThePassMarkPasses()
    {
        var course = MakeCourse(GradingMethod.Average);
        var record = new LearnerRecord([], [Submitted(1, 60), Submitted(2, 80, minute: 200)]);

        Assert.Equal(new ModuleGrade(70, true, 2), record.GradeOf(course.Modules[1]));
    }

    [Fact]
    public void AnAttemptInProgressOrOverdueDoesNotCountTowardsTheGrade()
    {
        var course = MakeCourse(GradingMethod.Last);
        var record = new LearnerRecord([], [Submitted(1, 90), Open(2, deadline: T0.AddMinutes(-5))]);

        Assert.Equal(new ModuleGrade(90, true, 1), record.GradeOf(course.Modules[1]));
        Assert.True(record.AttemptsAt(course.Modules[1])[1].IsOverdue(T0));
        Assert.False(record.AttemptsAt(course.Modules[1])[1].IsOverdue(T0.AddMinutes(-10)));
    }

    [Fact]
    public void RaisingThePassMarkLaterNeverRevokesAPass()
    {
        // Attempt 1 passed at 75 % under a 70 % mark; the author has since raised the mark to 80 %.
        var course = MakeCourse(passMark: 80);
        var record = new LearnerRecord(AllLessonsDone(), [Submitted(1, 75, passMark: 70)]);

        Assert.True(record.GradeOf(course.Modules[1]).Passed);
        Assert.True(record.IsComplete(course.Modules[1]));
    }

    [Fact]
    public void AnAverageIsJudgedByTheNewestAttemptsPassMark()
    {
        var course = MakeCourse(GradingMethod.Average, passMark: 80);
        var record = new LearnerRecord([], [Submitted(1, 70, passMark: 70), Submitted(2, 76, passMark: 80, minute: 200)]);

        Assert.Equal(new ModuleGrade(73, false, 2), record.GradeOf(course.Modules[1]));
    }

    [Fact]
    public void AModuleNeedsEveryLessonAndAPassedAssessment()
    {
        var course = MakeCourse();
        var hearing = course.Modules[1];

        Assert.False(new LearnerRecord(AllLessonsDone(), []).IsComplete(hearing));
        Assert.False(new LearnerRecord(AllLessonsDone(), [Submitted(1, 60)]).IsComplete(hearing));
        Assert.False(new LearnerRecord([Done("hearing", "why", 1), Opened("hearing", "plan", 2)], [Submitted(1, 90)]).IsComplete(hearing));
        Assert.True(new LearnerRecord(AllLessonsDone(), [Submitted(1, 60), Submitted(2, 90, minute: 200)]).IsComplete(hearing));
    }

    [Fact]
    public void OptionalModulesDoNotHoldBackTheCourseButRequiredOnesDo()
    {
        var passed = new LearnerRecord(AllLessonsDone(), [Submitted(1, 90, minute: 500)]);

        Assert.True(passed.IsComplete(MakeCourse(moneyOptional: true)));
        Assert.False(passed.IsComplete(MakeCourse(moneyOptional: false)));
    }

    [Fact]
    public void ACourseCompletesWhenItsLastRequiredStepWasDone()
    {
        var course = MakeCourse();
        var record = new LearnerRecord(AllLessonsDone(), [Submitted(1, 40, minute: 100), Submitted(2, 95, minute: 300), Submitted(3, 99, minute: 400)]);

        // Highest grading: attempt 3 decided it, at minute 400.
        Assert.Equal(T0.AddMinutes(400), record.CompletedAt(course.Modules[1]));
        Assert.Equal(T0.AddMinutes(400), record.CompletedAt(course));
        Assert.Equal(T0.AddMinutes(1), record.CompletedAt(course.Modules[0]));
    }

    [Fact]
    public void UnderHighestGradingTheEarliestOfEqualBestAttemptsDecides()
    {
        var course = MakeCourse();
        var record = new LearnerRecord(AllLessonsDone(), [Submitted(1, 90, minute: 100), Submitted(2, 90, minute: 300)]);

        Assert.Equal(T0.AddMinutes(100), record.CompletedAt(course.Modules[1]));
    }

    [Fact]
    public void AModuleIsLockedUntilItsPrerequisitesAreComplete()
    {
        var course = MakeCourse();
        var hearing = course.Modules[1];

        var locked = LearnerRecord.Empty.LockOf(course, hearing);
        Assert.NotNull(locked);
        Assert.Equal(["intro"], locked.Prerequisites.Select(m => m.Slug));
        Assert.Null(new LearnerRecord([Done("intro", "welcome", 1)], []).LockOf(course, hearing));
        Assert.Null(LearnerRecord.Empty.LockOf(course, course.Modules[0]));
    }

    [Fact]
    public void TheResumePointIsTheLatestOpenedUnfinishedLesson()
    {
        var course = MakeCourse();
        var record = new LearnerRecord([Done("intro", "welcome", 1), Opened("hearing", "plan", 5), Opened("hearing", "why", 3)], []);

        Assert.Equal("plan", record.ResumePoint([course])?.Slug);
    }

    [Fact]
    public void TheResumePointSkipsLessonsOfLockedModules()
    {
        // The learner opened a hearing lesson before the author added the prerequisite: resume in the open module.
        var course = MakeCourse();
        var record = new LearnerRecord([Opened("hearing", "why", 5), Opened("intro", "welcome", 1)], []);

        Assert.Equal("welcome", record.ResumePoint([course])?.Slug);
    }

    [Fact]
    public void WhenEverythingOpenedIsDoneTheResumePointIsTheFirstUnfinishedLesson()
    {
        var course = MakeCourse();
        var record = new LearnerRecord([Done("intro", "welcome", 1), Done("hearing", "why", 2)], []);

        Assert.Equal("plan", record.ResumePoint([course])?.Slug);
        Assert.Null(new LearnerRecord([.. AllLessonsDone(), Done("money", "follow", 4)], []).ResumePoint([course]));
    }

    [Fact]
    public void MarksForLessonsNoLongerInTheCatalogAreIgnored()
    {
        var course = MakeCourse();
        var record = new LearnerRecord([Opened("hearing", "removed", 9), Done("intro", "welcome", 1)], []);

        Assert.Equal("why", record.ResumePoint([course])?.Slug);
        Assert.Equal(new LessonCount(1, 4), record.Count(course));
    }

    [Fact]
    public void ACourseOfOptionalModulesOnlyNeedsAllOfThem()
    {
        var course = MakeCourse();
        var onlyOptional = new Course
        {
            Slug = "thb", Title = "X", Summary = "", Languages = ["en"], Modules = [course.Modules[2], OptionalIntro(course)],
        };

        Assert.False(LearnerRecord.Empty.IsComplete(onlyOptional));
        Assert.False(new LearnerRecord([Done("money", "follow", 1)], []).IsComplete(onlyOptional));
        Assert.True(new LearnerRecord([Done("money", "follow", 1), Done("intro", "welcome", 2)], []).IsComplete(onlyOptional));
    }

    private static Module OptionalIntro(Course course)
    {
        var intro = course.Modules[0];
        return new Module
        {
            Slug = intro.Slug, CourseSlug = intro.CourseSlug, Title = intro.Title, Summary = "", Objectives = [],
            FolderPath = intro.FolderPath, Prerequisites = [], Lessons = intro.Lessons, Optional = true,
        };
    }

    [Fact]
    public void TheAssessmentIsDueOnceItsModulesLessonsAreDoneAndUntilItIsPassed()
    {
        var course = MakeCourse();
        Assert.Null(new LearnerRecord([Done("intro", "welcome", 1), Done("hearing", "why", 2)], []).AssessmentDue(course));

        var read = new[] { Done("intro", "welcome", 1), Done("hearing", "why", 2), Done("hearing", "plan", 3) };
        Assert.Equal("hearing", new LearnerRecord(read, []).AssessmentDue(course)?.Slug);
        Assert.Equal("hearing", new LearnerRecord(read, [Submitted(1, 50)]).AssessmentDue(course)?.Slug);
        Assert.Null(new LearnerRecord(read, [Submitted(1, 50), Submitted(2, 90)]).AssessmentDue(course));

        // A locked module's assessment is not due, however its lessons were marked.
        Assert.Null(new LearnerRecord([Done("hearing", "why", 2), Done("hearing", "plan", 3)], []).AssessmentDue(course));
    }
}
