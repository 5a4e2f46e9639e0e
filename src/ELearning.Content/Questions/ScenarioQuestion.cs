using System.Text.Json.Serialization;

namespace ELearning.Content.Questions;

/// <summary>
/// A branching case: steps whose choices lead to other steps or end the case, each with a consequence and points.
/// The response is the path of choice ids taken from the first step. Score = points collected / points on the best
/// path, times <see cref="Question.Points"/>. A path that has not reached an ending yet is valid and scores what it
/// collected so far (an attempt submitted mid-case).
/// </summary>
public sealed class ScenarioQuestion : Question
{
    /// <summary>The first step is the start.</summary>
    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    [JsonIgnore]
    public override QuestionKind Kind => QuestionKind.Scenario;

    /// <summary>Points on the best path from the start to an ending (the steps form no cycle: the parser checks).</summary>
    [JsonIgnore]
    public decimal BestPathPoints => Best(Steps[0], new(StringComparer.Ordinal));

    [JsonIgnore]
    public override string CorrectAnswerHtml
    {
        get
        {
            var parts = new List<string>();
            var memo = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            var step = Steps[0];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (step.Choices.Count > 0 && seen.Add(step.Id))
            {
                var choice = step.Choices.MaxBy(c => c.Points + (c.Target is null || FindStep(c.Target) is not { } target ? 0 : Best(target, memo)))!;
                parts.Add($"<li>{choice.Html}</li>");
                if (choice.Target is null || FindStep(choice.Target) is not { } next)
                {
                    break;
                }
                step = next;
            }
            return "<ol>" + string.Join("", parts) + "</ol>";
        }
    }

    public ScenarioStep? FindStep(string id) => Steps.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>Follows <paramref name="path"/> from the start. Null when the path is not a walk of this scenario.</summary>
    public ScenarioWalk? Walk(IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var step = Steps[0];
        var taken = new List<ScenarioChoice>(path.Count);
        foreach (var id in path)
        {
            if (step is null || step.Choices.FirstOrDefault(c => c.Id == id) is not { } choice)
            {
                return null;
            }
            taken.Add(choice);
            step = choice.Target is null ? null : FindStep(choice.Target);
        }
        return new ScenarioWalk(taken, step);
    }

    public override Grade? Grade(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Walk(response.Values(ResponseFields.Path)) is not { } walk)
        {
            return null;
        }
        var best = BestPathPoints;
        var feedback = walk.Taken.Where(c => c.ConsequenceHtml is not null).Select(c => new Feedback(c.Id, c.ConsequenceHtml!)).ToList();
        return Scored(best == 0 ? 1 : walk.Taken.Sum(c => c.Points) / best, feedback);
    }

    // The most points collectable from step to an ending. Memoised per call: without it, steps that several choices
    // lead to would be walked once per path, exponential in the number of steps. A step met again on the current path
    // (a loop, which the parser refuses) counts 0 rather than recursing forever.
    private decimal Best(ScenarioStep step, Dictionary<string, decimal?> memo)
    {
        if (memo.TryGetValue(step.Id, out var known))
        {
            return known ?? 0;
        }
        if (step.Choices.Count == 0)
        {
            return 0;
        }
        memo[step.Id] = null;
        var best = step.Choices.Max(c => c.Points + (c.Target is null || FindStep(c.Target) is not { } next ? 0 : Best(next, memo)));
        memo[step.Id] = best;
        return best;
    }
}

public sealed class ScenarioStep
{
    /// <summary>The step heading's id (GitHub-style slug of its text), the target of choice links.</summary>
    public required string Id { get; init; }
    public required string TitleHtml { get; init; }

    /// <summary>The situation, as safe HTML.</summary>
    public required string Html { get; init; }

    /// <summary>Empty for an ending.</summary>
    public required IReadOnlyList<ScenarioChoice> Choices { get; init; }

    [JsonIgnore]
    public bool IsEnding => Choices.Count == 0;
}

public sealed class ScenarioChoice
{
    /// <summary>Unique within the scenario: <c>{stepId}.{letter}</c>.</summary>
    public required string Id { get; init; }
    public required string Html { get; init; }

    /// <summary>The next step's id, or null when this choice ends the case.</summary>
    public string? Target { get; init; }
    public decimal Points { get; init; }
    public string? ConsequenceHtml { get; init; }
}

/// <summary>The choices taken so far and the step reached (null once the case has ended).</summary>
public sealed record ScenarioWalk(IReadOnlyList<ScenarioChoice> Taken, ScenarioStep? Current)
{
    public bool IsFinished => Current is null || Current.IsEnding;
}
