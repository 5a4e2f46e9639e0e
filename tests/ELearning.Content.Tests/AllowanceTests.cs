using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;

namespace ELearning.Content.Tests;

/// <summary>Trainers' accommodations and overrides as the pure rules apply them.</summary>
public sealed class AllowanceTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private static Assessment Make(int? maxAttempts = 2, TimeSpan? timeLimit = null, CorrectAnswerRelease release = CorrectAnswerRelease.Always) => new()
    {
        CourseSlug = "thb", ModuleSlug = "hearing", Title = "Test", IntroHtml = "", PassMark = 70, CorrectAnswers = release,
        MaxAttempts = maxAttempts, DelayBetweenAttempts = TimeSpan.Zero, TimeLimit = timeLimit, Questions = [],
        ContentVersion = "a1", SourcePath = "thb/hearing/assessment.md",
    };

    private static Module Hearing(Assessment? assessment) => new()
    {
        Slug = "hearing", CourseSlug = "thb", Title = "Hearing", Summary = "", Objectives = [], FolderPath = "thb/01-hearing",
        Prerequisites = [], Lessons = [], Assessment = assessment,
    };

    private static AttemptMark Failed(int number) =>
        new("thb", "hearing", number, AttemptState.Submitted, Now.AddHours(-number - 1), null, Now.AddHours(-number), 70, 40, false);

    private static ModuleAllowance Allow() => new("thb", "hearing");

    [Fact]
    public void AnExtraAttemptLetsALearnerWhoUsedEveryAttemptStartAgain()
    {
        var used = new[] { Failed(1), Failed(2) };

        Assert.Equal(new StartRefusal.NoAttemptsLeft(2), AttemptRules.WhyNotStart(Make(), used, null, Now));
        Assert.Null(AttemptRules.WhyNotStart(Make(), used, null, Now, Allow() with { ExtraAttempts = 1 }));
        Assert.Equal(new StartRefusal.NoAttemptsLeft(3),
            AttemptRules.WhyNotStart(Make(), [.. used, Failed(3)], null, Now, Allow() with { ExtraAttempts = 1 }));
    }

    [Fact]
    public void ExtraAttemptsAddNothingToAnAssessmentWithoutALimit() =>
        Assert.Null(AttemptRules.MaxAttempts(Make(maxAttempts: null), Allow() with { ExtraAttempts = 3 }));

    [Fact]
    public void ExtendedTimeMultipliesTheLimitThenAddsMinutes()
    {
        var assessment = Make(timeLimit: TimeSpan.FromMinutes(30));

        Assert.Equal(Now.AddMinutes(30), AttemptRules.Deadline(assessment, null, Now));
        Assert.Equal(Now.AddMinutes(45), AttemptRules.Deadline(assessment, Allow() with { TimeFactor = 1.5m }, Now));
        Assert.Equal(Now.AddMinutes(55), AttemptRules.Deadline(assessment, Allow() with { TimeFactor = 1.5m, ExtraMinutes = 10 }, Now));
    }

    [Fact]
    public void ExtendedTimeNeverShortensNorCreatesALimit()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), AttemptRules.TimeLimit(Make(timeLimit: TimeSpan.FromMinutes(30)), Allow() with { TimeFactor = 0.5m, ExtraMinutes = -5 }));
        Assert.Null(AttemptRules.Deadline(Make(), Allow() with { ExtraMinutes = 20 }, Now));
    }

    [Fact]
    public void AnExtraAttemptCountsBeforeCorrectAnswersAreReleasedForRunningOut()
    {
        var used = new[] { Failed(1), Failed(2) };
        var assessment = Make(release: CorrectAnswerRelease.AfterPassOrLastAttempt);

        Assert.True(AttemptRules.ReleasesCorrectAnswers(assessment, used, passed: false, Now));
        Assert.False(AttemptRules.ReleasesCorrectAnswers(assessment, used, passed: false, Now, Allow() with { ExtraAttempts = 1 }));
    }

    [Fact]
    public void AGradeOverrideReplacesTheGradeAndCompletesTheModule()
    {
        var module = Hearing(Make());
        var plain = new LearnerRecord([], [Failed(1)]);
        var overridden = new LearnerRecord([], [Failed(1)], [Allow() with { Grade = new GradeOverride(75, true, Now) }]);

        Assert.Equal(new ModuleGrade(40, false, 1), plain.GradeOf(module));
        Assert.False(plain.IsComplete(module));
        Assert.Equal(new ModuleGrade(75, true, 1, Overridden: true), overridden.GradeOf(module));
        Assert.True(overridden.IsComplete(module));
        Assert.Equal(Now, overridden.CompletedAt(module));
    }

    [Fact]
    public void AFailingOverrideTakesAwayAPass()
    {
        var module = Hearing(Make());
        var passed = new AttemptMark("thb", "hearing", 1, AttemptState.Submitted, Now.AddHours(-2), null, Now.AddHours(-1), 70, 90, true);

        var record = new LearnerRecord([], [passed], [Allow() with { Grade = new GradeOverride(50, false, Now) }]);

        Assert.False(record.GradeOf(module).Passed);
        Assert.False(record.IsComplete(module));
    }

    [Fact]
    public void AnOverrideOnAModuleWithoutAssessmentIsIgnored()
    {
        var module = Hearing(null);
        var record = new LearnerRecord([], [], [Allow() with { Grade = new GradeOverride(10, false, Now) }]);

        Assert.Equal(ModuleGrade.None, record.GradeOf(module));
    }
}
