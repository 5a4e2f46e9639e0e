using System.Net;
using System.Text.RegularExpressions;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;

namespace ELearning.Content.Assessments;

// Test-wise learners pick the longest option: warn when an assessment's keys are systematically the longest.
internal static partial class AnswerCues
{
    // At least this many single-choice items (or scenario steps with two or more choices) before a pattern counts…
    public const int MinimumItems = 4;

    // …and the key strictly longest in at least this share of them.
    public const decimal Share = 0.75m;

    public static void Check(IReadOnlyList<Question> questions, DiagnosticBag diagnostics)
    {
        var singles = questions.OfType<ChoiceQuestion>().Where(q => q.ChoiceKind == QuestionKind.SingleChoice).ToList();
        var cued = singles.Where(q => IsStrictlyLongest(q.Options.Select(o => (Length(o.Html), o.IsCorrect)))).ToList();
        if (singles.Count >= MinimumItems && cued.Count >= Share * singles.Count)
        {
            diagnostics.Warning(cued[0].Line, 1,
                $"the correct option is the longest in {cued.Count} of {singles.Count} single-choice questions ({string.Join(", ", cued.Select(q => q.Id))}); "
                + "learners can guess by length: lengthen the wrong options or shorten the right ones");
        }

        var steps = questions.OfType<ScenarioQuestion>()
            .SelectMany(s => s.Steps.Where(step => step.Choices.Count >= 2).Select(step => (Scenario: s, Step: step)))
            .ToList();
        var cuedSteps = steps.Where(s =>
        {
            var best = s.Step.Choices.Max(c => c.Points);
            return IsStrictlyLongest(s.Step.Choices.Select(c => (Length(c.Html), c.Points == best)));
        }).ToList();
        if (steps.Count >= MinimumItems && cuedSteps.Count >= Share * steps.Count)
        {
            diagnostics.Warning(cuedSteps[0].Scenario.Line, 1,
                $"the highest-scoring choice is the longest in {cuedSteps.Count} of {steps.Count} scenario steps "
                + $"({string.Join(", ", cuedSteps.Select(s => $"{s.Scenario.Id}#{s.Step.Id}"))}); learners can guess by length: balance the choices' lengths");
        }
    }

    // A key (one of the flagged options) is longer than every other option.
    private static bool IsStrictlyLongest(IEnumerable<(int Length, bool IsKey)> options)
    {
        var list = options.ToList();
        var longestKey = list.Where(o => o.IsKey).Select(o => o.Length).DefaultIfEmpty(-1).Max();
        return longestKey >= 0 && list.Where(o => !o.IsKey).All(o => o.Length < longestKey);
    }

    private static int Length(string html) => WebUtility.HtmlDecode(Tags().Replace(html, "")).Trim().Length;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
