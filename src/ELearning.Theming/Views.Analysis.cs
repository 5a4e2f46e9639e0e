using ELearning.Theming.Charts;
using Microsoft.AspNetCore.Components;

namespace ELearning.Theming;

// Trainer measurement pages: item analysis, knowledge gain, survey results. Trainers may see answer keys here.

/// <summary>A choice in a filter drop-down.</summary>
public sealed record FilterOption(string Value, string Label, bool Selected);

/// <summary>One option of a choice question and how often it was picked.</summary>
public sealed record OptionUse(MarkupString Html, bool IsCorrect, int Chosen, double Share);

/// <summary>One question of the pool with Moodle's statistics; fractions (0–1 or −1–1), null where undefined.</summary>
public sealed record ItemRow(
    string Id,
    string Prompt,
    int Attempts,
    double? Facility,
    double? StandardDeviation,
    double? Discrimination,
    double? DiscriminativeEfficiency,
    IReadOnlyList<OptionUse> Options,
    IReadOnlyList<string> Warnings);

/// <summary>Item analysis of one module's assessment over the chosen attempts.</summary>
public sealed record ItemAnalysisView(
    string Title,
    Link Course,
    Link Module,
    string FormAction,
    IReadOnlyList<FilterOption> Cohorts,
    IReadOnlyList<FilterOption> AttemptChoices,
    int Attempts,
    double? Mean,
    double? Median,
    double? StandardDeviation,
    double? Alpha,
    IReadOnlyList<ItemRow> Items,
    BarChart Distribution);

/// <summary>One learner's pre-test and post-test percentages; <see cref="Gain"/> is post − pre in points.</summary>
public sealed record GainRow(string Learner, decimal? Pre, decimal? Post)
{
    public decimal? Gain => Pre is { } pre && Post is { } post ? post - pre : null;
}

/// <summary>A module with a pre-test, in one cohort: pre/post means and each learner's gain.</summary>
public sealed record GainModule(string Title, decimal? PreMean, decimal? PostMean, int Paired, decimal? MeanGain, IReadOnlyList<GainRow> Learners, BarChart Chart);

public sealed record CohortGainView(string CohortName, IReadOnlyList<GainModule> Modules, BarChart? Completion);

/// <summary>One survey item's answers, counted: Likert items by point of the scale, free-text items as their texts.</summary>
public sealed record SurveyItemResult(string Prompt, bool IsLikert, IReadOnlyList<(string Label, int Count)> Counts, IReadOnlyList<string> Texts);

/// <summary>A survey's results in one cohort; <see cref="Withheld"/> when too few learners answered to stay anonymous.</summary>
public sealed record SurveyResult(string Id, Link Lesson, int Respondents, bool Withheld, IReadOnlyList<SurveyItemResult> Items);

public sealed record CohortSurveyView(string CohortName, int MinimumRespondents, IReadOnlyList<SurveyResult> Surveys);

/// <summary>The offer of a module's pre-test before its first lesson: take it (ungraded) or skip it.</summary>
public sealed record PretestOfferView(string ModuleTitle, Link Course, int QuestionCount, string StartUrl, string SkipUrl, string? TakenUrl);

/// <summary>One item of a survey form: its field name, whether it is rated on the 5-point scale, and its prompt.</summary>
public sealed record SurveyItemView(string Name, bool IsLikert, MarkupString Prompt);

/// <summary>A <c>::: survey</c> block in a lesson, as a form; once answered, only a thank-you.</summary>
public sealed record SurveyPart(string Anchor, MarkupString Intro, IReadOnlyList<SurveyItemView> Items, string ActionUrl, bool Answered) : LessonPart;
