namespace ELearning.Content.Questions;

public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
}

/// <summary>
/// A question with its answer key. Never hand this type to a template: it carries correctness.
/// Templates get <see cref="PromptHtml"/>, option ids and option HTML only, and feedback from <see cref="Grade"/>.
/// </summary>
public sealed class Question
{
    /// <summary>Author-given id, stable across languages and edits; unique within a course.</summary>
    public required string Id { get; init; }
    public required QuestionKind Kind { get; init; }

    /// <summary>Prompt as safe HTML.</summary>
    public required string PromptHtml { get; init; }
    public required IReadOnlyList<QuestionOption> Options { get; init; }

    /// <summary>1-based line of the opening fence, for diagnostics.</summary>
    public required int Line { get; init; }

    public QuestionOption? FindOption(string id) =>
        Options.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Grades a selection. Returns null when the selection is malformed: an unknown option id, a duplicate,
    /// nothing selected, or several options for a single-choice question.
    /// </summary>
    public GradeResult? Grade(IReadOnlyCollection<string> selectedOptionIds)
    {
        ArgumentNullException.ThrowIfNull(selectedOptionIds);
        if (selectedOptionIds.Count == 0 || selectedOptionIds.Distinct(StringComparer.Ordinal).Count() != selectedOptionIds.Count)
        {
            return null;
        }
        if (Kind == QuestionKind.SingleChoice && selectedOptionIds.Count != 1)
        {
            return null;
        }
        var selected = new List<QuestionOption>(selectedOptionIds.Count);
        foreach (var id in selectedOptionIds)
        {
            var option = FindOption(id);
            if (option is null)
            {
                return null;
            }
            selected.Add(option);
        }
        var correct = Options.All(o => o.IsCorrect == selected.Contains(o));
        var feedback = selected
            .Where(o => o.FeedbackHtml is not null)
            .Select(o => new OptionFeedback(o.Id, o.FeedbackHtml!))
            .ToList();
        return new GradeResult(correct, feedback);
    }
}

public sealed class QuestionOption
{
    /// <summary>Stable within the question: <c>a</c>, <c>b</c>, <c>c</c>… by position.</summary>
    public required string Id { get; init; }
    public required string Html { get; init; }
    public required bool IsCorrect { get; init; }

    /// <summary>Feedback shown after the learner picked this option; null when the author wrote none.</summary>
    public string? FeedbackHtml { get; init; }
}

public sealed record OptionFeedback(string OptionId, string Html);

public sealed record GradeResult(bool Correct, IReadOnlyList<OptionFeedback> Feedback);
