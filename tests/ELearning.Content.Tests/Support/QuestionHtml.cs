using System.Net;
using ELearning.Content.Catalog;
using ELearning.Content.Questions;

namespace ELearning.Content.Tests.Support;

/// <summary>The HTML of a question split into what a page may show before the learner answers and what it may not.</summary>
internal static class QuestionHtml
{
    /// <summary>Everything a page may show before the learner answers: prompt, option and item labels, steps, choices.</summary>
    public static IReadOnlyList<string> Visible(Question question) => question switch
    {
        ChoiceQuestion choice => [choice.PromptHtml, .. choice.Options.Select(o => o.Html)],
        TextQuestion or NumericQuestion => [question.PromptHtml],
        OrderingQuestion ordering => [ordering.PromptHtml, .. ordering.Items.Select(i => i.Html)],
        MatchingQuestion matching =>
        [
            matching.PromptHtml, matching.ItemsHeadingHtml, matching.ChoicesHeadingHtml,
            .. matching.Pairs.Select(p => p.Item.Html), .. matching.Choices.Select(c => c.Html),
        ],
        ScenarioQuestion scenario =>
        [
            scenario.PromptHtml,
            .. scenario.Steps.SelectMany(s => (string[])[s.TitleHtml, s.Html, .. s.Choices.Select(c => c.Html)]),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(question), question.GetType().Name),
    };

    /// <summary>What only a result may show: feedback, hints, the rationale, consequences, accepted answers.</summary>
    public static IReadOnlyList<string> Hidden(Question question)
    {
        var hidden = new List<string>(question.HintsHtml);
        if (question.RationaleHtml is not null)
        {
            hidden.Add(question.RationaleHtml);
        }
        switch (question)
        {
            case ChoiceQuestion choice:
                hidden.AddRange(choice.Options.Select(o => o.FeedbackHtml).OfType<string>());
                break;
            case TextQuestion text:
                hidden.AddRange(text.Answers.Select(a => WebUtility.HtmlEncode(a.Text)));
                hidden.AddRange(text.Answers.Select(a => a.FeedbackHtml).OfType<string>());
                break;
            case ScenarioQuestion scenario:
                hidden.AddRange(scenario.Steps.SelectMany(s => s.Choices).Select(c => c.ConsequenceHtml).OfType<string>());
                break;
        }
        return hidden;
    }

    /// <summary>Every HTML string a question holds, for XSS checks.</summary>
    public static IReadOnlyList<string> All(Question question) =>
        [.. Visible(question), .. Hidden(question), question.CorrectAnswerHtml];

    /// <summary>
    /// The learner's view of a lesson body before answering, for spec files: HTML segments as they are, each question as
    /// a pseudo-element holding only what <see cref="Visible"/> allows, in source order (pages shuffle where they should).
    /// </summary>
    public static string View(IEnumerable<LessonSegment> segments) =>
        string.Join("\n", segments.Select(s => s switch
        {
            HtmlSegment html => html.Html.TrimEnd('\n'),
            QuestionSegment { Question: var question } => View(question),
            _ => throw new ArgumentOutOfRangeException(nameof(segments)),
        }));

    private static string View(Question question)
    {
        var lines = new List<string>();
        void Add(string html) => lines.Add(html.TrimEnd('\n'));
        if (question is ScenarioQuestion scenario)
        {
            lines.Add($"<scenario id=\"{scenario.Id}\">");
            Add(scenario.PromptHtml);
            foreach (var step in scenario.Steps)
            {
                lines.Add($"<step id=\"{step.Id}\">");
                lines.Add($"<title>{step.TitleHtml}</title>");
                if (step.Html.Length > 0)
                {
                    Add(step.Html);
                }
                lines.AddRange(step.Choices.Select(c => $"<choice id=\"{c.Id}\">{c.Html}</choice>"));
                lines.Add("</step>");
            }
            lines.Add("</scenario>");
            return string.Join("\n", lines);
        }

        lines.Add($"<question id=\"{question.Id}\" kind=\"{question.Kind}\">");
        Add(question.PromptHtml);
        switch (question)
        {
            case ChoiceQuestion choice:
                lines.AddRange(choice.Options.Select(o => $"<option id=\"{o.Id}\">{o.Html}</option>"));
                break;
            case TextQuestion:
                lines.Add("<input name=\"text\">");
                break;
            case NumericQuestion numeric:
                lines.Add(numeric.Unit is null ? "<input name=\"number\">" : $"<input name=\"number\"> {WebUtility.HtmlEncode(numeric.Unit)}");
                break;
            case OrderingQuestion ordering:
                lines.AddRange(ordering.Items.Select(i => $"<item id=\"{i.Id}\">{i.Html}</item>"));
                break;
            case MatchingQuestion matching:
                lines.Add($"<items-heading>{matching.ItemsHeadingHtml}</items-heading>");
                lines.AddRange(matching.Pairs.Select(p => $"<item id=\"{p.Item.Id}\">{p.Item.Html}</item>"));
                lines.Add($"<choices-heading>{matching.ChoicesHeadingHtml}</choices-heading>");
                lines.AddRange(matching.Choices.Select(c => $"<choice id=\"{c.Id}\">{c.Html}</choice>"));
                break;
        }
        lines.Add("</question>");
        return string.Join("\n", lines);
    }
}
