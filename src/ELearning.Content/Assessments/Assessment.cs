using ELearning.Content.Questions;

namespace ELearning.Content.Assessments;

/// <summary>What a learner may see after submitting an attempt.</summary>
public enum ReviewPolicy
{
    /// <summary>Only that the attempt was submitted.</summary>
    None,

    /// <summary>The score and pass/fail.</summary>
    Score,

    /// <summary>The score, and per question whether it was right and the right answer.</summary>
    ScoreAndCorrectAnswers,

    /// <summary>All of the above plus the learner's answers, feedback and rationales.</summary>
    Everything,
}

/// <summary>When a review that shows correct answers (<see cref="ReviewPolicy.ScoreAndCorrectAnswers"/>, <see cref="ReviewPolicy.Everything"/>) may show them.</summary>
public enum CorrectAnswerRelease
{
    /// <summary>In the review of every submitted attempt.</summary>
    Always,

    /// <summary>Only once the learner has passed, or has used their last attempt: a retake is not a copy of the key.</summary>
    AfterPassOrLastAttempt,
}

/// <summary>Which attempts make a module's assessment grade.</summary>
public enum GradingMethod
{
    Highest,
    Last,
    First,
    Average,
}

/// <summary>
/// A module's graded assessment: <c>assessment.md</c> in the module folder, with its rules in the front matter and a
/// pool of questions in the body.
/// </summary>
public sealed class Assessment
{
    public required string CourseSlug { get; init; }
    public required string ModuleSlug { get; init; }
    public required string Title { get; init; }

    /// <summary>Introductory HTML shown before the learner starts (may be empty).</summary>
    public required string IntroHtml { get; init; }

    /// <summary>Percentage of the maximum score needed to pass (0–100).</summary>
    public required decimal PassMark { get; init; }

    /// <summary>Null: unlimited.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Minimum time between the submission of one attempt and the start of the next.</summary>
    public TimeSpan DelayBetweenAttempts { get; init; }

    /// <summary>Null: no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>How many questions an attempt draws from the pool; null: all of them.</summary>
    public int? Draw { get; init; }
    public bool ShuffleOptions { get; init; } = true;

    /// <summary>Questions per page of an attempt (at least 1).</summary>
    public int QuestionsPerPage { get; init; } = 5;
    public ReviewPolicy Review { get; init; } = ReviewPolicy.Everything;

    /// <summary>
    /// Read from the current assessment, not the attempt: tightening it withholds the key from older attempts' reviews too.
    /// </summary>
    public CorrectAnswerRelease CorrectAnswers { get; init; } = CorrectAnswerRelease.Always;
    public GradingMethod Grading { get; init; } = GradingMethod.Highest;

    /// <summary>The pool, in source order.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>Short hash of the file's bytes; stored with every attempt.</summary>
    public required string ContentVersion { get; init; }

    /// <summary>Path relative to the content root, forward slashes.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Question id → exclusive group (<c>group=</c>): an attempt draws at most one question per group.</summary>
    public IReadOnlyDictionary<string, string> Groups { get; init; } = new Dictionary<string, string>();

    /// <summary>Question id → slug of the module's lesson the question tests (<c>lesson=</c>), where the author named one.</summary>
    public IReadOnlyDictionary<string, string> Lessons { get; init; } = new Dictionary<string, string>();

    /// <summary>The group a question belongs to; null when it is ungrouped.</summary>
    public string? GroupOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Groups.GetValueOrDefault(question.Id);
    }

    /// <summary>How many questions one attempt can hold at most: each ungrouped question, plus one per group.</summary>
    public int DistinctItems => Questions.Count(q => GroupOf(q) is null) + Questions.Select(GroupOf).OfType<string>().Distinct(StringComparer.Ordinal).Count();

    public int QuestionsPerAttempt => Math.Min(Draw ?? DistinctItems, DistinctItems);

    public Question? FindQuestion(string id) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.Ordinal));
}
