using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;

namespace ELearning.Content.Questions;

/// <summary>Single choice, multiple choice and true/false: a task list whose <c>[x]</c> items are right.</summary>
public sealed class ChoiceQuestion : Question
{
    public required QuestionKind ChoiceKind { get; init; }
    public required IReadOnlyList<QuestionOption> Options { get; init; }
    public Scoring Scoring { get; init; } = Scoring.AllOrNothing;

    [JsonIgnore]
    public override QuestionKind Kind => ChoiceKind;

    [JsonIgnore]
    public override string CorrectAnswerHtml =>
        string.Join("", Options.Where(o => o.IsCorrect).Select(o => $"<p>{o.Html}</p>"));

    [JsonIgnore]
    public bool AllowsSeveral => ChoiceKind == QuestionKind.MultipleChoice;

    public QuestionOption? FindOption(string id) =>
        Options.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));

    public override Grade? Grade(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ids = response.Values(ResponseFields.Option);
        if (ids.Count == 0 || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || (!AllowsSeveral && ids.Count != 1))
        {
            return null;
        }
        var selected = new List<QuestionOption>(ids.Count);
        foreach (var id in ids)
        {
            if (FindOption(id) is not { } option)
            {
                return null;
            }
            selected.Add(option);
        }
        var feedback = selected.Where(o => o.FeedbackHtml is not null).Select(o => new Feedback(o.Id, o.FeedbackHtml!)).ToList();
        var exact = Options.All(o => o.IsCorrect == selected.Contains(o));
        if (exact || Scoring == Scoring.AllOrNothing || !AllowsSeveral)
        {
            return Scored(exact ? 1 : 0, feedback);
        }
        // Partial credit: the share of right options picked, minus the share of wrong options picked.
        var right = Options.Count(o => o.IsCorrect);
        var wrong = Options.Count - right;
        var fraction = (decimal)selected.Count(o => o.IsCorrect) / right - (wrong == 0 ? 0 : (decimal)selected.Count(o => !o.IsCorrect) / wrong);
        return Scored(fraction, feedback);
    }
}

public sealed class QuestionOption
{
    /// <summary>Stable within the question: <c>a</c>, <c>b</c>, <c>c</c>… by position.</summary>
    public required string Id { get; init; }

    /// <summary>Inline HTML (no enclosing paragraph).</summary>
    public required string Html { get; init; }
    public required bool IsCorrect { get; init; }

    /// <summary>Feedback shown after the learner picked this option; null when the author wrote none.</summary>
    public string? FeedbackHtml { get; init; }
}

/// <summary>Short free text compared with the accepted answers after normalisation.</summary>
public sealed class TextQuestion : Question
{
    /// <summary>Accepted answers and anticipated wrong ones (<c>IsCorrect</c> false) with their feedback.</summary>
    public required IReadOnlyList<TextAnswer> Answers { get; init; }
    public bool IgnoreCase { get; init; } = true;
    public bool IgnoreAccents { get; init; } = true;
    public bool IgnoreSpaces { get; init; } = true;

    public const int MaxLength = 500;

    [JsonIgnore]
    public override QuestionKind Kind => QuestionKind.ShortText;

    [JsonIgnore]
    public override string CorrectAnswerHtml =>
        string.Join("", Answers.Where(a => a.IsCorrect).Select(a => $"<p>{WebUtility.HtmlEncode(a.Text)}</p>"));

    public override Grade? Grade(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.One(ResponseFields.Text) is not { } text || string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }
        var given = TextMatching.Normalize(text, IgnoreCase, IgnoreAccents, IgnoreSpaces);
        var match = Answers.FirstOrDefault(a => TextMatching.Normalize(a.Text, IgnoreCase, IgnoreAccents, IgnoreSpaces) == given);
        var feedback = match?.FeedbackHtml is { } html ? new List<Feedback> { new(null, html) } : [];
        return Scored(match?.IsCorrect == true ? 1 : 0, feedback);
    }
}

public sealed record TextAnswer(string Text, bool IsCorrect, string? FeedbackHtml);

/// <summary>A number within a tolerance, with an optional unit the learner may type or leave out.</summary>
public sealed class NumericQuestion : Question
{
    public required decimal Answer { get; init; }
    public decimal Tolerance { get; init; }
    public string? Unit { get; init; }

    [JsonIgnore]
    public override QuestionKind Kind => QuestionKind.Numeric;

    [JsonIgnore]
    public override string CorrectAnswerHtml =>
        WebUtility.HtmlEncode(
            $"{Answer.ToString(CultureInfo.InvariantCulture)}{(Unit is null ? "" : " " + Unit)}"
            + (Tolerance > 0 ? $" (± {Tolerance.ToString(CultureInfo.InvariantCulture)})" : ""));

    public override Grade? Grade(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.One(ResponseFields.Number) is not { } text || TextMatching.ParseNumber(text, Unit) is not { } value)
        {
            return null;
        }
        bool within;
        try
        {
            within = Math.Abs(value - Answer) <= Tolerance;
        }
        catch (OverflowException)
        {
            // Learners may type up to 64 characters: a number so far from the answer that the difference overflows is wrong.
            within = false;
        }
        return Scored(within ? 1 : 0, []);
    }
}

/// <summary>Items to put in order; the author writes them in the right order.</summary>
public sealed class OrderingQuestion : Question
{
    public override bool Accepts(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ranks = new List<int>();
        foreach (var (field, values) in response.Fields)
        {
            if (!field.StartsWith(ResponseFields.RankPrefix, StringComparison.Ordinal) || Items.All(i => ResponseFields.RankPrefix + i.Id != field) || values.Count > 1)
            {
                return false;
            }
            if (values is [var text] && text.Length > 0)
            {
                if (!int.TryParse(text, out var rank) || rank < 1 || rank > Items.Count)
                {
                    return false;
                }
                ranks.Add(rank);
            }
        }
        return ranks.Distinct().Count() == ranks.Count;
    }

    /// <summary>In the right order.</summary>
    public required IReadOnlyList<ChoiceItem> Items { get; init; }
    public Scoring Scoring { get; init; } = Scoring.AllOrNothing;

    [JsonIgnore]
    public override QuestionKind Kind => QuestionKind.Ordering;

    [JsonIgnore]
    public override string CorrectAnswerHtml => "<ol>" + string.Join("", Items.Select(i => $"<li>{i.Html}</li>")) + "</ol>";

    public override Grade? Grade(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ranks = new int[Items.Count];
        for (var i = 0; i < Items.Count; i++)
        {
            if (response.One(ResponseFields.RankPrefix + Items[i].Id) is not { } text
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
                || rank < 1 || rank > Items.Count)
            {
                return null;
            }
            ranks[i] = rank;
        }
        if (ranks.Distinct().Count() != ranks.Length || response.Fields.Count != Items.Count)
        {
            return null;
        }
        var inPlace = ranks.Where((rank, i) => rank == i + 1).Count();
        // (An incomplete ordering is accepted for saving by Accepts, and scores nothing until complete.)
        var fraction = Scoring == Scoring.Partial ? (decimal)inPlace / Items.Count : inPlace == Items.Count ? 1 : 0;
        return Scored(fraction, []);
    }
}

/// <summary>Items on the left to pair with choices on the right (which may include distractors).</summary>
public sealed class MatchingQuestion : Question
{
    public override bool Accepts(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Fields.All(f =>
            f.Key.StartsWith(ResponseFields.MatchPrefix, StringComparison.Ordinal)
            && Pairs.Any(p => ResponseFields.MatchPrefix + p.Item.Id == f.Key)
            && f.Value.Count <= 1
            && (f.Value is not [var choice] || choice.Length == 0 || Choices.Any(c => c.Id == choice)));
    }

    /// <summary>Left-hand items with the id of their right choice.</summary>
    public required IReadOnlyList<MatchingPair> Pairs { get; init; }

    /// <summary>Right-hand choices: every pair's answer plus distractors.</summary>
    public required IReadOnlyList<ChoiceItem> Choices { get; init; }

    /// <summary>The table's two column headings.</summary>
    public required string ItemsHeadingHtml { get; init; }
    public required string ChoicesHeadingHtml { get; init; }
    public Scoring Scoring { get; init; } = Scoring.Partial;

    [JsonIgnore]
    public override QuestionKind Kind => QuestionKind.Matching;

    [JsonIgnore]
    public override string CorrectAnswerHtml =>
        "<ul>" + string.Join("", Pairs.Select(p => $"<li>{p.Item.Html} → {Choices.First(c => c.Id == p.ChoiceId).Html}</li>")) + "</ul>";

    public override Grade? Grade(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var right = 0;
        foreach (var pair in Pairs)
        {
            if (response.One(ResponseFields.MatchPrefix + pair.Item.Id) is not { } choice || Choices.All(c => c.Id != choice))
            {
                return null;
            }
            right += choice == pair.ChoiceId ? 1 : 0;
        }
        if (response.Fields.Count != Pairs.Count)
        {
            return null;
        }
        var fraction = Scoring == Scoring.Partial ? (decimal)right / Pairs.Count : right == Pairs.Count ? 1 : 0;
        return Scored(fraction, []);
    }
}

/// <summary>An ordering item or a matching choice: an id (<c>a</c>, <c>b</c>… by source position) and inline HTML.</summary>
public sealed record ChoiceItem(string Id, string Html);

public sealed record MatchingPair(ChoiceItem Item, string ChoiceId);
