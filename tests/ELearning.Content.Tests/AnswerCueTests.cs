using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

// Lint warnings when keys are systematically the longest option.
public sealed class AnswerCueTests
{
    private const string Path = "thb/01-hearing/assessment.md";

    private static IReadOnlyList<ContentDiagnostic> Lint(string body)
    {
        using var content = ContentFolder.WithMinimalCourse().Write(Path, $"---\ntitle: T\npass_mark: 70\n---\n\nIntro.\n\n{body}");
        var catalog = content.Load();
        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        Assert.NotNull(catalog.Courses[0].Modules[0].Assessment);
        return [.. catalog.Diagnostics.Where(d => d.Path == Path)];
    }

    private static string Single(string id, bool keyLongest) => keyLongest
        ? $"::: question id={id}\nPick.\n\n- [ ] Short\n- [x] The much longer right answer\n- [ ] Brief\n:::\n\n"
        : $"::: question id={id}\nPick.\n\n- [ ] A long wrong answer, longest\n- [x] Right one\n- [ ] Brief\n:::\n\n";

    private static string Scenario(string id, params bool[] bestLongest) =>
        $"::: scenario id={id}\nCase.\n\n" + string.Concat(bestLongest.Select((longest, i) =>
        {
            var next = i + 1 < bestLongest.Length ? $"#s{i + 1}" : "#end";
            return longest
                ? $"## S{i}\n\nWhat now?\n\n- [Wait]({next}) (0 points)\n- [Take the careful and much longer step]({next}) (2 points)\n\n"
                : $"## S{i}\n\nWhat now?\n\n- [Rush in and take a much longer step]({next}) (0 points)\n- [Plan]({next}) (2 points)\n\n";
        })) + ":::\n\n";

    [Fact]
    public void KeysLongestInThreeOfFourSingleChoiceItemsIsAWarningNamingThem()
    {
        var diagnostics = Lint(Single("q1", true) + Single("q2", false) + Single("q3", true) + Single("q4", true));

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, 8, 1), (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("the correct option is the longest in 3 of 4 single-choice questions (q1, q3, q4)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BalancedKeysOrTooFewItemsAreFine()
    {
        Assert.Empty(Lint(Single("q1", true) + Single("q2", false) + Single("q3", true) + Single("q4", false)));
        Assert.Empty(Lint(Single("q1", true) + Single("q2", true) + Single("q3", true)));
    }

    [Fact]
    public void AKeyTiedForLongestIsNotACue()
    {
        var tied = "::: question id=q{0}\nPick.\n\n- [ ] Equal\n- [x] Same!\n:::\n\n";

        Assert.Empty(Lint(string.Concat(Enumerable.Range(1, 4).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, tied, i)))));
    }

    [Fact]
    public void BestScenarioChoicesLongestInMostStepsIsAWarning()
    {
        var diagnostics = Lint(Scenario("case-a", true, true) + Scenario("case-b", true, false));

        var warning = Assert.Single(diagnostics);
        Assert.Contains("the highest-scoring choice is the longest in 3 of 4 scenario steps (case-a#s0, case-a#s1, case-b#s0)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(8, warning.Line);
    }

    [Fact]
    public void BalancedScenarioChoicesAreFine() =>
        Assert.Empty(Lint(Scenario("case-a", true, false) + Scenario("case-b", false, true)));
}
