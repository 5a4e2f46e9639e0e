using AngleSharp.Dom;
using ELearning.Theming;
using Microsoft.AspNetCore.Components;

namespace ELearning.Web.Tests.Theme;

/// <summary>Small builders for view models the theme tests share.</summary>
internal static class ThemeSamples
{
    /// <summary>What a template must not show before the learner has answered.</summary>
    public const string AnswerElements = ".answer, .verdict, .option__feedback, .answer__score, .answer__feedback, .answer__hint, .answer__rationale, .answer__correct";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Values(params (string Field, string[] Values)[] fields) =>
        fields.Where(f => f.Values.Length > 0).ToDictionary(f => f.Field, f => (IReadOnlyList<string>)f.Values);

    public static OptionView Option(string id, string html) => new(id, new MarkupString(html));

    public static MarkupString Html(string html) => new(html);

    public static QuestionView Choice(string id, string prefix = "", AnswerView? answer = null, params string[] selected) =>
        new(id, InputKind.SingleChoice, Html($"<p>Prompt of {id}</p>"), prefix,
            [Option("a", "Alpha"), Option("b", "Beta"), Option("c", "Gamma")], Values(("option", selected)), answer);

    public static AnswerView FullAnswer(bool? correct, params FeedbackView[] feedback) =>
        new(correct, 1, 2, feedback, Html("<p>Think of the order.</p>"), Html("<p>Because the manual says so.</p>"), Html("<p>Beta</p>"));

    public static string Text(this IElement? element) =>
        string.Join(' ', (element ?? throw new InvalidOperationException("Element not found.")).TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
