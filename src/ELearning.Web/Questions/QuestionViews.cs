using System.Text.Json;
using ELearning.Content.Questions;
using ELearning.Theming;
using Microsoft.AspNetCore.Components;

namespace ELearning.Web.Questions;

/// <summary>
/// Turns content questions into what a learner may see. This is the one place where the answer key is left
/// behind: a <see cref="QuestionView"/> holds prompts, inputs in display order and the learner's own response, and
/// feedback only through an <see cref="AnswerView"/> the caller decided to give.
/// </summary>
internal static class QuestionViews
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The learner's view of a question. Every id in it (options, items, choices, feedback keys, the saved response)
    /// goes out through <paramref name="aliases"/>; <paramref name="saved"/> and <paramref name="answer"/> hold real ids.
    /// </summary>
    public static QuestionView For(
        Question question, string fieldPrefix, IReadOnlyList<string>? displayOrder, Response? saved, AnswerView? answer, AliasMap aliases)
    {
        var values = saved is null ? new Dictionary<string, IReadOnlyList<string>>() : aliases.Out(saved).Fields;
        var shownAnswer = answer is null ? null : answer with { Feedback = [.. answer.Feedback.Select(f => f with { Key = f.Key is null ? null : aliases.Out(f.Key) })] };
        var view = new QuestionView(question.Id, Kind(question), Html(question.PromptHtml), fieldPrefix, [], values, shownAnswer);
        OptionView Option(string id, string html) => new(aliases.Out(id), Html(html));
        return question switch
        {
            ChoiceQuestion choice => view with { Options = InOrder(choice.Options.Select(o => (o.Id, Option(o.Id, o.Html))), displayOrder) },
            NumericQuestion numeric => view with { Unit = numeric.Unit },
            OrderingQuestion ordering => view with { Options = InOrder(ordering.Items.Select(i => (i.Id, Option(i.Id, i.Html))), displayOrder ?? NotInSourceOrder([.. ordering.Items.Select(i => i.Id)], aliases.Order())) },
            MatchingQuestion matching => view with
            {
                Items = [.. matching.Pairs.Select(p => Option(p.Item.Id, p.Item.Html))],
                Options = InOrder(matching.Choices.Select(c => (c.Id, Option(c.Id, c.Html))), displayOrder),
                ItemsHeading = Html(matching.ItemsHeadingHtml),
                ChoicesHeading = Html(matching.ChoicesHeadingHtml),
            },
            ScenarioQuestion scenario => view with { Scenario = Scenario(scenario, saved?.Values(ResponseFields.Path) ?? [], aliases) },
            _ => view,
        };
    }

    /// <summary>
    /// The ids a learner sees in shuffled order, or null when nothing is shuffled. <paramref name="shuffleOptions"/>
    /// covers choice options only: ordering items and matching choices are always shuffled, because their source
    /// order is (or gives away) the answer. True/false keeps its order.
    /// </summary>
    public static IReadOnlyList<string>? Shuffle(Question question, bool shuffleOptions, Random random) => question switch
    {
        ChoiceQuestion choice when shuffleOptions && choice.Kind != QuestionKind.TrueFalse => Shuffled(choice.Options.Select(o => o.Id), random),
        OrderingQuestion ordering => NotInSourceOrder(ordering.Items.Select(i => i.Id).ToList(), random),
        MatchingQuestion matching => Shuffled(matching.Choices.Select(c => c.Id), random),
        _ => null,
    };

    /// <summary>A lesson's order: everything shuffled, seeded per learner by the server secret (stable between loads).</summary>
    public static IReadOnlyList<string>? LessonOrder(Question question, AliasMap aliases) => Shuffle(question, shuffleOptions: true, aliases.Order());

    public static string? Serialize(IReadOnlyList<string>? ids) => ids is null ? null : JsonSerializer.Serialize(ids, Json);

    public static IReadOnlyList<string>? DeserializeOrder(string? json) => json is null ? null : JsonSerializer.Deserialize<List<string>>(json, Json);

    public static string Serialize(Response response) => JsonSerializer.Serialize(response.Fields, Json);

    public static Response DeserializeResponse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, Json)!.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Key, f.Value)));

    public static string Serialize(Question question) => JsonSerializer.Serialize(question, Json);

    public static Question DeserializeQuestion(string json) => JsonSerializer.Deserialize<Question>(json, Json)!;

    /// <summary>The fields of one question from a posted form: those starting with <paramref name="prefix"/>, prefix removed.</summary>
    public static Response FromForm(IFormCollection form, string prefix) =>
        new(form.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && f.Key.Length > prefix.Length)
            .Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Key[prefix.Length..], [.. f.Value.Select(v => v ?? "")])));

    public static MarkupString Html(string html) => new(html);

    public static MarkupString? Html(string? html, bool show) => show && html is not null ? new MarkupString(html) : null;

    public static IReadOnlyList<FeedbackView> Feedback(Grade grade) => [.. grade.Feedback.Select(f => new FeedbackView(f.Key, Html(f.Html)))];

    private static ScenarioView Scenario(ScenarioQuestion scenario, IReadOnlyList<string> path, AliasMap aliases)
    {
        var walk = scenario.Walk(path) ?? scenario.Walk([])!;
        var step = walk.Current;
        return new ScenarioView(
            [.. walk.Taken.Select(c => new ScenarioTakenView(Html(c.Html), c.ConsequenceHtml is null ? null : Html(c.ConsequenceHtml)))],
            step is null ? null : Html(step.TitleHtml),
            step is null ? null : Html(step.Html),
            step is null ? [] : [.. ShuffledChoices(scenario, step, aliases).Select(c => new OptionView(aliases.Out(c.Id), Html(c.Html)))]);
    }

    /// <summary>
    /// A step's choices in the order seeded for this learner or attempt (authors tend to write the best choice first).
    /// Every step is shuffled in turn from one generator, so each step's order is stable whichever step is shown.
    /// </summary>
    private static ScenarioChoice[] ShuffledChoices(ScenarioQuestion scenario, ScenarioStep step, AliasMap aliases)
    {
        var random = aliases.Order();
        foreach (var candidate in scenario.Steps)
        {
            var choices = candidate.Choices.ToArray();
            random.Shuffle(choices);
            if (ReferenceEquals(candidate, step))
            {
                return choices;
            }
        }
        return [.. step.Choices];
    }

    private static InputKind Kind(Question question) => question.Kind switch
    {
        QuestionKind.SingleChoice => InputKind.SingleChoice,
        QuestionKind.MultipleChoice => InputKind.MultipleChoice,
        QuestionKind.TrueFalse => InputKind.TrueFalse,
        QuestionKind.ShortText => InputKind.ShortText,
        QuestionKind.Numeric => InputKind.Numeric,
        QuestionKind.Ordering => InputKind.Ordering,
        QuestionKind.Matching => InputKind.Matching,
        QuestionKind.Scenario => InputKind.Scenario,
        _ => throw new InvalidOperationException($"Unknown question kind {question.Kind}."),
    };

    private static List<OptionView> InOrder(IEnumerable<(string Id, OptionView View)> options, IReadOnlyList<string>? order)
    {
        var list = options.ToList();
        return order is null ? [.. list.Select(o => o.View)] : [.. order.Select(id => list.First(o => o.Id == id).View)];
    }

    private static List<string> Shuffled(IEnumerable<string> ids, Random random)
    {
        var array = ids.ToArray();
        random.Shuffle(array);
        return [.. array];
    }

    private static List<string> NotInSourceOrder(List<string> ids, Random random)
    {
        if (ids.Count < 2)
        {
            return ids;
        }
        List<string> shuffled;
        do
        {
            shuffled = Shuffled(ids, random);
        }
        while (shuffled.SequenceEqual(ids));
        return shuffled;
    }
}
