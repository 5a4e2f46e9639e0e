using Microsoft.AspNetCore.Components;

namespace ELearning.Theming;

// View models are what a theme may show. They are built by the app from content and the learner's records and
// deliberately carry no answer keys: a template cannot leak what it is never given.

public sealed record ProgressSummary(int Completed, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Completed / Total);
    public bool IsComplete => Total > 0 && Completed >= Total;
}

public sealed record Link(string Title, string Url);

/// <summary>"Continue where you left off": the lesson and where it sits.</summary>
public sealed record ContinueLink(string LessonTitle, string ModuleTitle, string CourseTitle, string Url);

public sealed record ModuleCard(string Title, string Summary, string Url, int Minutes, int LessonCount, ProgressSummary? Progress)
{
    /// <summary>When the learner completed the module (lessons and assessment), UTC; null while incomplete.</summary>
    public DateTime? CompletedAt { get; init; }
}

public sealed record CourseCard(
    string Title, string Summary, string Url, int Minutes, decimal? Hours, IReadOnlyList<ModuleCard> Modules, ProgressSummary? Progress)
{
    /// <summary>When the learner completed the course, UTC; null while incomplete.</summary>
    public DateTime? CompletedAt { get; init; }
}

public sealed record CatalogView(IReadOnlyList<CourseCard> Courses, ContinueLink? Continue, bool SignedIn);

public sealed record LessonLink(string Title, string Url, int Minutes, bool Completed);

public sealed record ModuleOutline(string Anchor,
    string Title, string Summary, IReadOnlyList<string> Objectives, IReadOnlyList<string> Prerequisites,
    IReadOnlyList<LessonLink> Lessons, ProgressSummary? Progress)
{
    /// <summary>The module's graded assessment, when it has one.</summary>
    public Link? Assessment { get; init; }

    /// <summary>For a signed-in learner: whether the assessment is passed (null: not attempted or no assessment).</summary>
    public bool? AssessmentPassed { get; init; }

    /// <summary>Lessons complete and assessment (if any) passed.</summary>
    public bool Complete { get; init; }

    /// <summary>Titles of the prerequisite modules still to complete; empty when the module is open.</summary>
    public IReadOnlyList<string> LockedBy { get; init; } = [];

    /// <summary>The module's own page.</summary>
    public string? Url { get; init; }

    /// <summary>The learner's assessment grade under its grading method (null: no submitted attempt).</summary>
    public decimal? AssessmentGrade { get; init; }

    /// <summary>The grade was set by a trainer (a grade override).</summary>
    public bool AssessmentGradeOverridden { get; init; }

    /// <summary>When the module became complete (UTC).</summary>
    public DateTime? CompletedAt { get; init; }
}

/// <summary>A module's own page: objectives, lessons with progress, the assessment and its state, locks.</summary>
public sealed record ModuleView(Link Course, ModuleOutline Module, Link? NextModule, string? SignInUrl);

public sealed record CourseView(
    string Title, string Summary, int Minutes, decimal? Hours, IReadOnlyList<string> Languages,
    IReadOnlyList<ModuleOutline> Modules, ProgressSummary? Progress, ContinueLink? Continue, string? SignInUrl)
{
    /// <summary>Every required module complete.</summary>
    public bool Complete { get; init; }
}

public abstract record LessonPart;

/// <summary>HTML produced by the content pipeline (raw HTML disabled, link schemes filtered).</summary>
public sealed record HtmlPart(MarkupString Html) : LessonPart;

public sealed record QuestionPart(QuestionView Question) : LessonPart;

public sealed record OptionView(string Id, MarkupString Html);

/// <summary>How a question takes its answer. Mirrors the content kinds without exposing the content library.</summary>
public enum InputKind
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortText,
    Numeric,
    Ordering,
    Matching,
    Scenario,
}

/// <summary>A scenario choice already taken, with its consequence (the learner has earned seeing it).</summary>
public sealed record ScenarioTakenView(MarkupString ChoiceHtml, MarkupString? ConsequenceHtml);

/// <summary>Where the learner stands in a branching case: what happened so far and the current step's choices.</summary>
public sealed record ScenarioView(
    IReadOnlyList<ScenarioTakenView> Taken, MarkupString? StepTitle, MarkupString? StepHtml, IReadOnlyList<OptionView> Choices)
{
    public bool Finished => Choices.Count == 0;
}

/// <summary>
/// Feedback the learner may see for an answered question: in a knowledge check right after answering, in an
/// assessment review as the review setting allows. Every member is optional so a review can withhold any of them.
/// </summary>
public sealed record AnswerView(
    bool? Correct,
    decimal? Score,
    decimal? MaxScore,
    IReadOnlyList<FeedbackView> Feedback,
    MarkupString? Hint,
    MarkupString? Rationale,
    MarkupString? CorrectAnswer);

/// <summary>Feedback tied to a part of the answer (<c>Key</c> = option, item or scenario choice id), or to the whole (null).</summary>
public sealed record FeedbackView(string? Key, MarkupString Html);

/// <summary>
/// A question as the learner may see it: prompt, inputs in display order, and their own saved answer — never the key.
/// Input names are <c>FieldPrefix</c> + the field (<c>option</c>, <c>text</c>, <c>number</c>, <c>rank.{id}</c>,
/// <c>match.{id}</c>, <c>choice</c> for a scenario step).
/// </summary>
public sealed record QuestionView(
    string Id,
    InputKind Kind,
    MarkupString Prompt,
    string FieldPrefix,
    IReadOnlyList<OptionView> Options,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    AnswerView? Answer)
{
    /// <summary>Knowledge checks post to this URL; null inside an assessment page, where one form holds every question.</summary>
    public string? ActionUrl { get; init; }

    /// <summary>Matching: the left-hand items (<see cref="Options"/> are then the choices) and the column headings.</summary>
    public IReadOnlyList<OptionView> Items { get; init; } = [];
    public MarkupString? ItemsHeading { get; init; }
    public MarkupString? ChoicesHeading { get; init; }

    /// <summary>Numeric: the unit shown after the input.</summary>
    public string? Unit { get; init; }

    public ScenarioView? Scenario { get; init; }

    /// <summary>Assessments show each question's weight.</summary>
    public decimal? Points { get; init; }

    /// <summary>Knowledge-check scenarios offer a restart to this URL once finished or under way.</summary>
    public string? RestartUrl { get; init; }

    public IReadOnlyList<string> ValuesOf(string field) => Values.TryGetValue(field, out var v) ? v : [];

    public string? ValueOf(string field) => ValuesOf(field) is [var one, ..] ? one : null;
}

public sealed record LessonView(
    string Title, string Summary, int Minutes, Link Course, Link Module, string? ContentWarning, string ContinuePastWarningUrl,
    IReadOnlyList<LessonPart> Parts, bool Completed, string CompleteUrl, LessonLink? Previous, LessonLink? Next, ProgressSummary ModuleProgress)
{
    /// <summary>The module's graded assessment, when it has one: every lesson of the module links to it.</summary>
    public Link? Assessment { get; init; }

    /// <summary>Set on the module's last lesson when the module has an assessment: "Next" leads there instead of <see cref="Next"/>.</summary>
    public Link? NextAssessment { get; init; }

    /// <summary>The lesson's sections (its second-level headings), linked by fragment (<c>#id</c>).</summary>
    public IReadOnlyList<Link> Contents { get; init; } = [];

    /// <summary>The index in <see cref="Parts"/> before which the contents go (after the lesson's own title).</summary>
    public int ContentsAt { get; init; }

    /// <summary>
    /// For trainers and admins only: the errors of the lesson file's current version, which learners do not see yet
    /// (they are served its previous version). Empty for learners and for a lesson without errors.
    /// </summary>
    public IReadOnlyList<DiagnosticView> AuthorErrors { get; init; } = [];
}

public sealed record DashboardView(string DisplayName, IReadOnlyList<CourseCard> Courses, ContinueLink? Continue)
{
    /// <summary>The learner's assessment attempts, newest first.</summary>
    public IReadOnlyList<DashboardAttempt> Attempts { get; init; } = [];

    /// <summary>An assessment whose module's lessons are all read and which is not passed yet (title in <c>LessonTitle</c>).</summary>
    public ContinueLink? AssessmentDue { get; init; }
}

public sealed record DashboardAttempt(string CourseTitle, string ModuleTitle, AttemptSummary Attempt);

public sealed record DiagnosticView(string Location, bool IsError, string Message)
{
    /// <summary>The file's current version has errors; learners are served its previous version until they are fixed.</summary>
    public bool PreviousVersionServed { get; init; }
}

public sealed record ContentErrorsView(
    IReadOnlyList<DiagnosticView> Diagnostics, int CourseCount, int LessonCount, IReadOnlyList<LawReviewView>? DueForReview = null, int LawMaxAgeMonths = 12);

/// <summary>A lesson callout whose law-as-of date is older than the review age (<c>LawAsOfIso</c> for <c>&lt;time datetime&gt;</c>).</summary>
public sealed record LawReviewView(string LessonTitle, string LessonUrl, string Location, string LawAsOf, string LawAsOfIso, int AgeInMonths);

/// <summary>A page that only says something: not found, access denied, an error.</summary>
public sealed record StatusView(int StatusCode, string Title, string Message, Link? Action);

/// <summary>An attempt as listed on the assessment page and the dashboard.</summary>
public sealed record AttemptSummary(
    int Number, bool InProgress, DateTime StartedAt, DateTime? SubmittedAt, decimal? Percent, bool? Passed, string Url);

/// <summary>A module's assessment before or between attempts: the rules, past attempts and what the learner can do now.</summary>
public sealed record AssessmentView(
    string Title,
    Link Course,
    Link Module,
    MarkupString Intro,
    decimal PassMark,
    int QuestionCount,
    int? MaxAttempts,
    TimeSpan? TimeLimit,
    IReadOnlyList<AttemptSummary> Attempts,
    decimal? GradePercent,
    bool Passed,
    string GradingMethod,
    string? StartUrl,
    string? ContinueUrl,
    string? Blocked)
{
    /// <summary>The module after this one, where the course goes on (the main action once the assessment is passed).</summary>
    public Link? NextModule { get; init; }

    /// <summary>The grade was set by a trainer (a grade override), not computed from the attempts.</summary>
    public bool GradeOverridden { get; init; }
}

/// <summary>One page of an attempt in progress. Every question's inputs sit in one form posted to <c>SaveUrl</c>.</summary>
public sealed record AttemptPageView(
    string Title,
    Link Assessment,
    int AttemptNumber,
    int Page,
    int PageCount,
    int FirstQuestionNumber,
    int QuestionCount,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<bool> PagesAnswered,
    string SaveUrl,
    string AutosaveUrl,
    long Sequence,
    DateTime? Deadline,
    string? Message)
{
    /// <summary>A module pre-test (ungraded, before the lessons) rather than a numbered graded attempt.</summary>
    public bool Pretest { get; init; }
}

/// <summary>One question in a submitted attempt's review; what it shows follows the assessment's review setting.</summary>
public sealed record ReviewItem(int Number, QuestionView Question, bool Answered);

/// <summary>A submitted attempt: the score and, as the review setting allows, each question with feedback.</summary>
public sealed record AttemptResultView(
    string Title,
    Link Assessment,
    int AttemptNumber,
    DateTime SubmittedAt,
    bool ShowScore,
    decimal? Score,
    decimal? MaxScore,
    decimal? Percent,
    decimal PassMark,
    bool? Passed,
    bool Expired,
    IReadOnlyList<ReviewItem> Questions,
    string? RetakeUrl,
    string? Blocked,
    bool CorrectAnswersWithheld = false)
{
    /// <summary>A module pre-test: no verdict and no pass mark, it is not graded.</summary>
    public bool Pretest { get; init; }
}
