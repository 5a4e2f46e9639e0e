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

    public override QuestionKind Kind => QuestionKind.Scenario;

    /// <summary>Points on the best path from the start to an ending (the steps form no cycle: the parser checks).</summary>
    public decimal BestPathPoints => Best(Steps[0], []);

    public override string CorrectAnswerHtml
    {
        get
        {
            var parts = new List<string>();
            var step = Steps[0];
            while (step.Choices.Count > 0)
            {
                var choice = step.Choices.MaxBy(c => c.Points + (c.Target is null ? 0 : Best(FindStep(c.Target)!, [])))!;
                parts.Add($"<li>{choice.Html}</li>");
                if (choice.Target is null)
                {
                    break;
                }
                step = FindStep(choice.Target)!;
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
        if (Walk(response.Values("path")) is not { } walk)
        {
            return null;
        }
        var best = BestPathPoints;
        var feedback = walk.Taken.Where(c => c.ConsequenceHtml is not null).Select(c => new Feedback(c.Id, c.ConsequenceHtml!)).ToList();
        return Scored(best == 0 ? 1 : walk.Taken.Sum(c => c.Points) / best, feedback);
    }

    private decimal Best(ScenarioStep step, HashSet<string> visiting)
    {
        if (step.Choices.Count == 0 || !visiting.Add(step.Id))
        {
            return 0;
        }
        var best = step.Choices.Max(c => c.Points + (c.Target is null || FindStep(c.Target) is not { } next ? 0 : Best(next, visiting)));
        visiting.Remove(step.Id);
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
