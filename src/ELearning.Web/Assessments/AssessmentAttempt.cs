using ELearning.Content.Assessments;
using ELearning.Content.Learners;

namespace ELearning.Web.Assessments;

/// <summary>What an attempt counts for. Only graded attempts make grades, completion, certificates and reports.</summary>
internal enum AttemptKind
{
    Graded = 0,

    /// <summary>The module's pool taken ungraded before its first lesson, to measure knowledge gain.</summary>
    Pretest = 1,

    /// <summary>A trainer trying the assessment: never counted, never in a report.</summary>
    Trial = 2,
}

internal enum AttemptStatus
{
    InProgress = 0,
    Submitted = 1,
}

/// <summary>
/// One learner's attempt at a module assessment. The rules that shape its result (pass mark, review, paging, deadline)
/// are copied in at the start, and each drawn question is stored with its full definition: later content edits never
/// change a stored attempt or its score.
/// </summary>
internal sealed class AssessmentAttempt
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string CourseSlug { get; set; }
    public required string ModuleSlug { get; set; }

    /// <summary>1, 2, 3… per learner and module; unique, which also caps parallel starts.</summary>
    public int Number { get; set; }
    public required string ContentVersion { get; set; }
    public AttemptStatus Status { get; set; }

    /// <summary>Bumped by every save; a page posting an older value is stale and may not overwrite newer answers.</summary>
    public long Sequence { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? Deadline { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>True when the time limit ran out and the attempt was graded with what had been saved.</summary>
    public bool Expired { get; set; }
    public decimal PassMark { get; set; }
    public required string Review { get; set; }
    public int QuestionsPerPage { get; set; }
    public decimal MaxScore { get; set; }
    public decimal? Score { get; set; }
    public decimal? Percent { get; set; }
    public bool? Passed { get; set; }

    /// <summary>Last column: added by a later migration (SQLite appends).</summary>
    public AttemptKind Kind { get; set; }

    public ReviewPolicy ReviewPolicy => Enum.TryParse<ReviewPolicy>(Review, out var review) ? review : ReviewPolicy.None;

    /// <summary>The attempt as the learner-record rules see it.</summary>
    public AttemptMark Mark() =>
        new(CourseSlug, ModuleSlug, Number, Status == AttemptStatus.InProgress ? AttemptState.InProgress : AttemptState.Submitted,
            StartedAt, Deadline, SubmittedAt, PassMark, Percent, Passed, Expired, ReviewPolicy);

    public List<AttemptQuestion> Questions { get; set; } = [];
}

internal sealed class AttemptQuestion
{
    public long Id { get; set; }
    public long AttemptId { get; set; }

    /// <summary>0-based position in the attempt.</summary>
    public int Position { get; set; }
    public required string QuestionId { get; set; }

    /// <summary>The question as drawn (System.Text.Json of the content model, answer key included; never sent out).</summary>
    public required string Definition { get; set; }

    /// <summary>The ids shown, in the order shown (options, ordering items or matching choices), as JSON; null when not shuffled.</summary>
    public string? DisplayOrder { get; set; }

    /// <summary>The learner's saved response as JSON (field → values); null while unanswered.</summary>
    public string? Response { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public decimal? Score { get; set; }
}
