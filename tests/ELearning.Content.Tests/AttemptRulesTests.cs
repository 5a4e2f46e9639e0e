using ELearning.Content.Assessments;
using ELearning.Content.Learners;
using ELearning.Content.Questions;

namespace ELearning.Content.Tests;

public sealed class AttemptRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private static Assessment Make(int? maxAttempts = 3, int delayMinutes = 60, int poolSize = 6, int? draw = 4) => new()
    {
        CourseSlug = "thb", ModuleSlug = "hearing", Title = "Test", IntroHtml = "", PassMark = 70,
        MaxAttempts = maxAttempts, DelayBetweenAttempts = TimeSpan.FromMinutes(delayMinutes), Draw = draw,
        Questions = [.. Enumerable.Range(1, poolSize).Select(i => (Question)new NumericQuestion
        {
            Id = $"q{i}", PromptHtml = "", Line = i, Answer = i, Tolerance = 0,
        })],
        ContentVersion = "a1", SourcePath = "thb/hearing/assessment.md",
    };

    // q1…q6; q1–q3 in group "a", q4–q5 in group "b", q6 ungrouped.
    private static Assessment Grouped(int? draw) => new()
    {
        CourseSlug = "thb", ModuleSlug = "hearing", Title = "Test", IntroHtml = "", PassMark = 70, Draw = draw,
        Questions = Make(poolSize: 6).Questions,
        Groups = new Dictionary<string, string> { ["q1"] = "a", ["q2"] = "a", ["q3"] = "a", ["q4"] = "b", ["q5"] = "b" },
        ContentVersion = "a1", SourcePath = "thb/hearing/assessment.md",
    };

    private static AttemptMark Submitted(int number, DateTime at) =>
        new("thb", "hearing", number, AttemptState.Submitted, at.AddMinutes(-10), null, at, 70, 50, false);

    private static AttemptMark Open(int number, DateTime? deadline) =>
        new("thb", "hearing", number, AttemptState.InProgress, Now.AddMinutes(-30), deadline, null, 70, null, null);

    [Fact]
    public void AFirstAttemptCanStart() => Assert.Null(AttemptRules.WhyNotStart(Make(), [], null, Now));

    [Fact]
    public void ALockedModuleRefusesToStart()
    {
        var refusal = AttemptRules.WhyNotStart(Make(), [], new ModuleLock([]), Now);

        Assert.IsType<StartRefusal.Locked>(refusal);
    }

    [Fact]
    public void AnOpenAttemptIsResumedNotDoubled() =>
        Assert.Equal(new StartRefusal.InProgress(1), AttemptRules.WhyNotStart(Make(), [Open(1, Now.AddMinutes(5))], null, Now));

    [Fact]
    public void AnOverdueAttemptNoLongerBlocksButStillCountsAndStartsTheDelay()
    {
        var overdue = Open(1, Now.AddMinutes(-5));

        Assert.Equal(new StartRefusal.Wait(Now.AddMinutes(55)), AttemptRules.WhyNotStart(Make(), [overdue], null, Now));
        Assert.Null(AttemptRules.WhyNotStart(Make(delayMinutes: 0), [overdue], null, Now));
        Assert.Equal(new StartRefusal.NoAttemptsLeft(1), AttemptRules.WhyNotStart(Make(maxAttempts: 1, delayMinutes: 0), [overdue], null, Now));
    }

    [Fact]
    public void TheAttemptLimitIsEnforced()
    {
        DateTime[] times = [Now.AddDays(-3), Now.AddDays(-2), Now.AddDays(-1)];
        var attempts = times.Select((t, i) => Submitted(i + 1, t)).ToList();

        Assert.Equal(new StartRefusal.NoAttemptsLeft(3), AttemptRules.WhyNotStart(Make(), attempts, null, Now));
        Assert.Null(AttemptRules.WhyNotStart(Make(maxAttempts: null), attempts, null, Now));
    }

    [Fact]
    public void TheDelayRunsFromTheLastSubmission()
    {
        var attempts = new[] { Submitted(1, Now.AddMinutes(-20)) };

        Assert.Equal(new StartRefusal.Wait(Now.AddMinutes(40)), AttemptRules.WhyNotStart(Make(), attempts, null, Now));
        Assert.Null(AttemptRules.WhyNotStart(Make(), attempts, null, Now.AddMinutes(40)));
    }

    [Fact]
    public void TheDrawTakesTheConfiguredNumberAndAvoidsSeenQuestionsWhileThePoolAllows()
    {
        var assessment = Make(poolSize: 6, draw: 4);
        var seen = new HashSet<string>(["q1", "q2", "q3", "q4"]);

        for (var seed = 0; seed < 50; seed++)
        {
            var drawn = AttemptRules.Draw(assessment, seen, new Random(seed)).Select(q => q.Id).ToList();
            Assert.Equal(4, drawn.Distinct().Count());
            Assert.Contains("q5", drawn);
            Assert.Contains("q6", drawn);
        }
    }

    [Fact]
    public void TheDrawTakesAtMostOneQuestionPerGroup()
    {
        var assessment = Grouped(draw: 3);
        var drawnTogether = new HashSet<string>();

        for (var seed = 0; seed < 100; seed++)
        {
            var drawn = AttemptRules.Draw(assessment, new HashSet<string>(), new Random(seed)).Select(q => q.Id).ToList();
            Assert.Equal(3, drawn.Count);
            Assert.Single(drawn, id => id is "q1" or "q2" or "q3");
            Assert.Single(drawn, id => id is "q4" or "q5");
            Assert.Contains("q6", drawn);
            drawnTogether.UnionWith(drawn);
        }
        // Every member of a group still gets its turn.
        Assert.Equal(6, drawnTogether.Count);
    }

    [Fact]
    public void TheGroupedDrawStillPrefersQuestionsNotSeenBefore()
    {
        var assessment = Grouped(draw: 2);
        var seen = new HashSet<string>(["q1", "q2", "q4", "q6"]);

        for (var seed = 0; seed < 50; seed++)
        {
            var drawn = AttemptRules.Draw(assessment, seen, new Random(seed)).Select(q => q.Id).Order().ToList();
            Assert.Equal(["q3", "q5"], drawn);
        }
    }

    [Fact]
    public void WithoutDrawAGroupedPoolGivesOneQuestionPerGroupPlusTheUngrouped()
    {
        var assessment = Grouped(draw: null);

        Assert.Equal(3, assessment.QuestionsPerAttempt);
        Assert.Equal(3, AttemptRules.Draw(assessment, new HashSet<string>(), new Random(7)).Count);
    }

    [Fact]
    public void WithheldCorrectAnswersAreReleasedByAPassOrByTheLastAttempt()
    {
        var withheld = new Assessment
        {
            CourseSlug = "thb", ModuleSlug = "hearing", Title = "Test", IntroHtml = "", PassMark = 70, MaxAttempts = 2,
            CorrectAnswers = CorrectAnswerRelease.AfterPassOrLastAttempt, Questions = Make().Questions,
            ContentVersion = "a1", SourcePath = "thb/hearing/assessment.md",
        };
        var failed = Submitted(1, Now.AddDays(-1));

        Assert.True(AttemptRules.ReleasesCorrectAnswers(Make(), [failed], passed: false, Now));
        Assert.False(AttemptRules.ReleasesCorrectAnswers(withheld, [failed], passed: false, Now));
        Assert.True(AttemptRules.ReleasesCorrectAnswers(withheld, [failed], passed: true, Now));
        Assert.True(AttemptRules.ReleasesCorrectAnswers(withheld, [failed with { Passed = true }], passed: false, Now));
        Assert.True(AttemptRules.ReleasesCorrectAnswers(withheld, [failed, Submitted(2, Now)], passed: false, Now));
        // The last attempt still open: not yet; once overdue it counts as used.
        Assert.False(AttemptRules.ReleasesCorrectAnswers(withheld, [failed, Open(2, Now.AddMinutes(5))], passed: false, Now));
        Assert.True(AttemptRules.ReleasesCorrectAnswers(withheld, [failed, Open(2, Now.AddMinutes(-5))], passed: false, Now));
    }

    [Fact]
    public void TheDrawVariesItsOrder()
    {
        var assessment = Make(poolSize: 6, draw: 6);
        var orders = Enumerable.Range(0, 20)
            .Select(seed => string.Join(",", AttemptRules.Draw(assessment, new HashSet<string>(), new Random(seed)).Select(q => q.Id)))
            .ToHashSet();

        Assert.True(orders.Count > 10);
    }

    [Theory]
    [InlineData(7, 10, 70, true)]
    [InlineData(6.99, 10, 69.9, false)]
    [InlineData(2, 3, 66.67, false)]
    [InlineData(0, 0, 0, false)]
    public void ThePassDecisionIsAtLeastThePassMark(decimal score, decimal max, decimal percent, bool passes)
    {
        Assert.Equal(percent, AttemptRules.Percent(score, max));
        Assert.Equal(passes, AttemptRules.Passes(AttemptRules.Percent(score, max), 70));
    }

    [Fact]
    public void PagingSplitsQuestionsAndKeepsASubmitPage()
    {
        Assert.Equal(3, AttemptRules.PageCount(11, 5));
        Assert.Equal(1, AttemptRules.PageCount(0, 5));
        Assert.Equal(3, AttemptRules.PageCount(3, 0));
        Assert.Equal(10..11, AttemptRules.PageRange(3, 11, 5));
        Assert.Equal(11..11, AttemptRules.PageRange(4, 11, 5));
        Assert.Equal(0..5, AttemptRules.PageRange(1, 11, 5));
    }
}
