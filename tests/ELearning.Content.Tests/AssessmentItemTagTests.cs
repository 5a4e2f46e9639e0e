using ELearning.Content.Diagnostics;
using ELearning.Content.Learners;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

// lesson= and group= on assessment items.
public sealed class AssessmentItemTagTests
{
    private const string Path = "thb/01-hearing/assessment.md";

    private static ContentFolder WithBody(string body, string frontMatter = "title: T\npass_mark: 70\n") =>
        ContentFolder.WithMinimalCourse().Write(Path, $"---\n{frontMatter}---\n\nIntro.\n\n{body}");

    private static string Choice(string id, string attributes = "") =>
        $"::: question id={id} {attributes}\nPick.\n\n- [x] A\n- [ ] B\n:::\n\n";

    [Fact]
    public void AnItemMayNameTheLessonItTests()
    {
        using var content = WithBody(Choice("q1", "lesson=intro") + "::: scenario id=s1 lesson=intro\nCase.\n\n## Start\n\n- [Go](#end) (1 point)\n:::\n");

        var catalog = content.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        var assessment = catalog.Courses[0].Modules[0].Assessment!;
        Assert.Equal("intro", assessment.Lessons["q1"]);
        Assert.Equal("intro", assessment.Lessons["s1"]);
    }

    [Fact]
    public void AnItemWithoutALessonIsFine()
    {
        using var content = WithBody(Choice("q1"));

        var catalog = content.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        Assert.Empty(catalog.Courses[0].Modules[0].Assessment!.Lessons);
    }

    [Fact]
    public void ALessonThatIsNotInTheModuleIsAnErrorAtTheAttribute()
    {
        // Line 8 is the fence; "::: question id=q1 " puts lesson= at column 20.
        using var content = WithBody(Choice("q1", "lesson=missing"));

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, 8, 20, "lesson 'missing' is not a lesson of this module; use one of: intro");
        Assert.Null(catalog.Courses[0].Modules[0].Assessment);
    }

    [Fact]
    public void ALessonOfAnotherModuleIsAnError()
    {
        using var content = WithBody(Choice("q1", "lesson=other"))
            .Module("thb/02-other", "title: Other\nsummary: S.\n").Lesson("thb/02-other/01-other.md");

        DiagnosticAssert.HasError(content.Load(), Path, 8, 20, "lesson 'other' is not a lesson of this module");
    }

    [Fact]
    public void ABadlyWrittenLessonOrGroupIsAnError()
    {
        using var content = WithBody(Choice("q1", "lesson=Intro.md group=A_B"));

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, Path, 8, 20, "lesson must be the slug of a lesson of this module");
        DiagnosticAssert.HasError(catalog, Path, 8, 36, "group must be lowercase letters, digits and hyphens");
    }

    [Fact]
    public void LessonAndGroupAreRefusedInAKnowledgeCheck()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/01-intro.md", "::: question id=k1 lesson=intro group=g\nPick.\n\n- [x] A\n- [ ] B\n:::\n");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/01-intro.md", 6, 20, "'lesson' applies to assessment items only");
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/01-intro.md", 6, 33, "'group' applies to assessment items only");
    }

    [Fact]
    public void GroupsAreLoadedAndLimitWhatAnAttemptCanHold()
    {
        using var content = WithBody(Choice("q1", "group=pair") + Choice("q2", "group=pair") + Choice("q3"));

        var catalog = content.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        var assessment = catalog.Courses[0].Modules[0].Assessment!;
        Assert.Equal("pair", assessment.Groups["q1"]);
        Assert.False(assessment.Groups.ContainsKey("q3"));
        // Without draw, an attempt takes everything it can: one of the pair and q3.
        Assert.Equal(2, assessment.QuestionsPerAttempt);
        Assert.Equal(2, AttemptRules.Draw(assessment, new HashSet<string>(), new Random(1)).Count);
    }

    [Fact]
    public void DrawingMoreThanTheGroupsAllowIsAnErrorAtDraw()
    {
        using var content = WithBody(Choice("q1", "group=pair") + Choice("q2", "group=pair") + Choice("q3"), "title: T\npass_mark: 70\ndraw: 3\n");

        var catalog = content.Load();

        DiagnosticAssert.Has(catalog.Diagnostics, Path, 4, 7, DiagnosticSeverity.Error,
            "draw is 3, but an attempt can hold at most 2 question(s): one from each of the 1 group(s) and the 1 ungrouped question(s)");
    }
}
