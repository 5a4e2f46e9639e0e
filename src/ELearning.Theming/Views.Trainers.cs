using Microsoft.AspNetCore.Components;

namespace ELearning.Theming;

// The trainer area: cohorts, the progress matrix, one learner's record, accommodations and previews. Unlike learner
// views, previews and attempt reviews here do carry answer keys: only trainers and admins are ever given them.

/// <summary>A cohort on the trainer's home page.</summary>
public sealed record TrainerCohortCard(
    string Name, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn, string Place, int Learners, int Days, string ProgressUrl)
{
    /// <summary>Everything about the cohort a trainer opens from here: its page, matrix, gain, feedback, item analyses, report.</summary>
    public IReadOnlyList<Link> Links { get; init; } = [];
}

/// <summary>A course and its modules, each linking to its preview.</summary>
public sealed record PreviewCourseLinks(string Title, IReadOnlyList<Link> Modules);

/// <summary><c>/trainer</c>: the cohorts the trainer follows (all of them for an admin) and the trainer tools.</summary>
public sealed record TrainerHomeView(IReadOnlyList<TrainerCohortCard> Cohorts, bool SeesAll, string ContentUrl, IReadOnlyList<PreviewCourseLinks> Previews)
{
    /// <summary>The trainer tools beyond content status (training sessions, reports).</summary>
    public IReadOnlyList<Link> Tools { get; init; } = [];

    /// <summary>The administration pages, for an admin; empty otherwise.</summary>
    public IReadOnlyList<Link> Administration { get; init; } = [];
}

public enum MatrixStatus
{
    NotStarted,
    InProgress,
    Failed,
    Passed,
    Certified,
}

/// <summary>One learner × module cell: the status, lessons done in percent, the module grade (and whether a trainer set it).</summary>
public sealed record MatrixCell(MatrixStatus Status, int LessonPercent, decimal? Grade, bool GradeOverridden);

public sealed record MatrixRow(string Name, string Email, string Url, IReadOnlyList<MatrixCell> Cells, int ProgressPercent, int Present, bool CourseCertified);

/// <summary>A module column; <see cref="SortUrl"/> sorts the rows by it.</summary>
public sealed record MatrixColumn(string Title, string SortUrl, bool SortedBy);

public sealed record CohortMatrixView(
    string CohortName,
    string CourseTitle,
    IReadOnlyList<MatrixColumn> Modules,
    IReadOnlyList<MatrixRow> Rows,
    int MemberCount,
    int Days,
    string SortByNameUrl,
    string SortByProgressUrl,
    string SortedBy,
    string FilterUrl,
    string? Status,
    string? Query,
    string Sort,
    string HomeUrl);

public sealed record LessonActivity(string Title, DateTime? FirstOpenedAt, DateTime? CompletedAt);

/// <summary>An attempt in a learner's record; <see cref="Kind"/> is Graded, Pretest or Trial.</summary>
public sealed record LearnerAttemptRow(
    int Number, string Kind, bool InProgress, DateTime StartedAt, DateTime? SubmittedAt, TimeSpan? TimeSpent, decimal? Percent, bool? Passed,
    bool Expired, string ReviewUrl);

/// <summary>An accommodation or override granted, as the learner's record lists it.</summary>
public sealed record GrantRow(string Kind, string Details, string Reason, string GrantedBy, DateTime GrantedAt);

/// <summary>A module's assessment in one learner's record, with the forms that grant accommodations and overrides.</summary>
public sealed record LearnerAssessment(
    string Title,
    IReadOnlyList<LearnerAttemptRow> Attempts,
    decimal? GradePercent,
    bool Passed,
    bool GradeOverridden,
    int? MaxAttempts,
    TimeSpan? TimeLimit,
    TimeSpan? LearnerTimeLimit,
    IReadOnlyList<GrantRow> Grants,
    string ExtraAttemptUrl,
    string ExtendTimeUrl,
    string GradeUrl);

public sealed record LearnerModule(string Anchor, string CourseTitle, string Title, IReadOnlyList<LessonActivity> Lessons, LearnerAssessment? Assessment);

/// <summary>A knowledge check's tries by this learner.</summary>
public sealed record CheckTries(string LessonTitle, string QuestionId, int Tries, int Correct, bool LastCorrect, DateTime LastAt);

/// <summary><c>/trainer/learners/{id}</c>: one learner's profile and record.</summary>
public sealed record LearnerRecordView(
    string Name,
    string Email,
    string Country,
    string Profession,
    string Institution,
    Link? Cohort,
    IReadOnlyList<LearnerModule> Modules,
    IReadOnlyList<CheckTries> Checks,
    string? Notice,
    string? Error);

/// <summary>One attempt's full review for a trainer: the learner's answers, scores, the key and rationales.</summary>
public sealed record TrainerAttemptView(Link Learner, string Kind, TimeSpan? TimeSpent, AttemptResultView Result);

/// <summary>
/// A lesson or an assessment pool as a trainer previews it: every question read-only with its key, every feedback,
/// hints and rationale (in <see cref="QuestionView.Answer"/>).
/// </summary>
public sealed record PreviewView(
    string Title, Link Course, Link Module, IReadOnlyList<Link> Lessons, Link? AssessmentLink, IReadOnlyList<LessonPart> Parts, bool IsAssessment, string? TrialUrl)
{
    /// <summary>For an assessment: its rules as written (pass mark, attempts, time limit).</summary>
    public string? Rules { get; init; }
}
