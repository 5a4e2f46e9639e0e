using ELearning.Content.Catalog;

namespace ELearning.Content.Surveys;

public enum SurveyItemKind
{
    /// <summary>A statement rated on the fixed five-point agreement scale (1 strongly disagree … 5 strongly agree).</summary>
    Likert,

    /// <summary>A free-text answer.</summary>
    Text,
}

/// <summary>One survey item; <see cref="Id"/> is its 1-based position (<c>1</c>, <c>2</c>…), which responses are stored under.</summary>
public sealed record SurveyItem(string Id, SurveyItemKind Kind, string PromptHtml);

/// <summary>
/// A <c>::: survey</c> block of a lesson: anonymous feedback, never graded. Carries nothing secret, unlike a question.
/// </summary>
public sealed record Survey(string Id, string IntroHtml, IReadOnlyList<SurveyItem> Items, int Line)
{
    /// <summary>Points of the Likert scale.</summary>
    public const int ScalePoints = 5;

    /// <summary>Longest free-text answer accepted.</summary>
    public const int MaxTextLength = 2000;

    public SurveyItem? FindItem(string id) => Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}

public sealed record SurveySegment(Survey Survey) : LessonSegment;
