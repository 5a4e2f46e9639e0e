using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>Authoring mistakes found when the product was attacked: each reported where it is, in words an author can act on.</summary>
public sealed class DiagnosticsHardeningTests
{
    private const string Lesson = "thb/01-hearing/01-intro.md";

    [Theory]
    [InlineData("title: A\nsummary: [unclosed\n", 2, 10)]
    [InlineData("title: A\nsummary: {a: b\n", 2, 10)]
    [InlineData("title: [unclosed\nsummary: B\n", 1, 8)]
    public void AnUnclosedValueInCourseYmlIsReportedWhereItStartsWithAHint(string yaml, int line, int column)
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", yaml);

        var catalog = content.Load();

        var error = Assert.Single(catalog.Diagnostics, d => d.Path == "thb/course.yml" && d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain("InvalidOperationException", error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.Contains("quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueWithAColonInsideIsReportedOnItsLineWithTheQuotingHint()
    {
        using var content = ContentFolder.WithMinimalCourse().Course("thb", "title: A\nsummary: Phase 1: planning\n");

        var error = Assert.Single(content.Load().Diagnostics, d => d.Path == "thb/course.yml" && d.Severity == DiagnosticSeverity.Error);

        Assert.Equal(2, error.Line);
        Assert.Contains("put a value in quotes when it contains ': '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedValueInFrontMatterIsReportedAtTheFileLine()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson(Lesson, "Body\n", "title: A\nsummary: [unclosed\nminutes: 5\n");

        var error = Assert.Single(content.Load().Diagnostics, d => d.Path == Lesson && d.Severity == DiagnosticSeverity.Error);

        Assert.Equal((3, 10), (error.Line, error.Column));
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALessonMissingFrontMatterKeysStillReportsItsDuplicateQuestionIds()
    {
        const string Broken = "thb/01-hearing/02-broken.md";
        static string Check(string id) => $"::: question id={id}\nWhich?\n\n- [x] A\n- [ ] B\n:::\n\n";
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson(Lesson, Check("q1"))
            .Lesson(Broken, Check("q1") + Check("q2") + Check("q2"), "title: Broken\n");

        var catalog = content.Load();

        var errors = catalog.Diagnostics.Where(d => d.Path == Broken && d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).ToList();
        Assert.Contains(errors, e => e.StartsWith("missing required key 'summary'", StringComparison.Ordinal) || e.Contains("summary", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("duplicate question id 'q1' (first used at " + Lesson, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("duplicate question id 'q2' (first used at " + Broken, StringComparison.Ordinal));
        // The good lesson keeps its id and still loads.
        Assert.Equal(["intro"], catalog.Courses.Single().AllLessons.Select(l => l.Slug));
    }
}
