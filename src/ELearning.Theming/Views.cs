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

public sealed record ModuleCard(string Title, string Summary, string Url, int Minutes, int LessonCount, ProgressSummary? Progress);

public sealed record CourseCard(
    string Title, string Summary, string Url, int Minutes, decimal? Hours, IReadOnlyList<ModuleCard> Modules, ProgressSummary? Progress);

public sealed record CatalogView(IReadOnlyList<CourseCard> Courses, ContinueLink? Continue, bool SignedIn);

public sealed record LessonLink(string Title, string Url, int Minutes, bool Completed);

public sealed record ModuleOutline(string Anchor,
    string Title, string Summary, IReadOnlyList<string> Objectives, IReadOnlyList<string> Prerequisites,
    IReadOnlyList<LessonLink> Lessons, ProgressSummary? Progress);

public sealed record CourseView(
    string Title, string Summary, int Minutes, decimal? Hours, IReadOnlyList<string> Languages,
    IReadOnlyList<ModuleOutline> Modules, ProgressSummary? Progress, ContinueLink? Continue, string? SignInUrl);

public abstract record LessonPart;

/// <summary>HTML produced by the content pipeline (raw HTML disabled, link schemes filtered).</summary>
public sealed record HtmlPart(MarkupString Html) : LessonPart;

public sealed record QuestionPart(QuestionView Question) : LessonPart;

public sealed record OptionView(string Id, MarkupString Html);

public sealed record FeedbackView(string OptionId, MarkupString Html);

/// <summary>The learner's last answer to a knowledge check and the server's verdict on it.</summary>
public sealed record AnswerView(IReadOnlyList<string> SelectedOptionIds, bool Correct, IReadOnlyList<FeedbackView> Feedback);

public sealed record QuestionView(
    string Id, bool MultipleAnswers, MarkupString Prompt, IReadOnlyList<OptionView> Options, string AnswerUrl, AnswerView? Answer);

public sealed record LessonView(
    string Title, string Summary, int Minutes, Link Course, Link Module, string? ContentWarning, string ContinuePastWarningUrl,
    IReadOnlyList<LessonPart> Parts, bool Completed, string CompleteUrl, LessonLink? Previous, LessonLink? Next, ProgressSummary ModuleProgress);

public sealed record DashboardView(string DisplayName, IReadOnlyList<CourseCard> Courses, ContinueLink? Continue);

public sealed record DiagnosticView(string Location, bool IsError, string Message);

public sealed record ContentErrorsView(IReadOnlyList<DiagnosticView> Diagnostics, int CourseCount, int LessonCount);

/// <summary>A page that only says something: not found, access denied, an error.</summary>
public sealed record StatusView(int StatusCode, string Title, string Message, Link? Action);
