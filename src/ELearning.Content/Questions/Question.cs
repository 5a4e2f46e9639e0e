using System.Text.Json.Serialization;

namespace ELearning.Content.Questions;

// Stored as names: attempts keep question snapshots as JSON, and names survive a reordering of the members.
[JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
public enum QuestionKind
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

/// <summary>How questions with several parts (multiple choice, ordering, matching) score a partly right response.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Scoring>))]
public enum Scoring
{
    /// <summary>Full points only for an entirely right response.</summary>
    AllOrNothing,

    /// <summary>Points in proportion to the right parts (and, for multiple choice, minus the wrong picks).</summary>
    Partial,
}

/// <summary>
/// A question with its answer key. Never hand this type to a template: it carries correctness. Serializable with
/// System.Text.Json (attempts store a snapshot, so later edits never change a stored attempt's grading).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ChoiceQuestion), "choice")]
[JsonDerivedType(typeof(TextQuestion), "text")]
[JsonDerivedType(typeof(NumericQuestion), "numeric")]
[JsonDerivedType(typeof(OrderingQuestion), "ordering")]
[JsonDerivedType(typeof(MatchingQuestion), "matching")]
[JsonDerivedType(typeof(ScenarioQuestion), "scenario")]
public abstract class Question
{
    /// <summary>Author-given id, stable across languages and edits; unique within a course.</summary>
    public required string Id { get; init; }

    /// <summary>Weight in an assessment; 1 unless the author set <c>points=</c>.</summary>
    public decimal Points { get; init; } = 1;

    /// <summary>Prompt as safe HTML.</summary>
    public required string PromptHtml { get; init; }

    /// <summary>Why the answer is what it is, with its source; shown only after the learner answered.</summary>
    public string? RationaleHtml { get; init; }

    /// <summary>Hints, shown in knowledge checks after a wrong try, in order; never before the learner answered.</summary>
    public IReadOnlyList<string> HintsHtml { get; init; } = [];

    /// <summary>1-based line of the opening fence in the source file.</summary>
    public required int Line { get; init; }

    // Overrides repeat [JsonIgnore]: System.Text.Json reads attributes from the overriding property only.
    [JsonIgnore]
    public abstract QuestionKind Kind { get; }

    /// <summary>The right answer as HTML, for reviews that show it.</summary>
    [JsonIgnore]
    public abstract string CorrectAnswerHtml { get; }

    /// <summary>
    /// Grades a response on the server. Returns null when the response is malformed (unknown ids, missing or
    /// duplicate fields, several options for a single choice…): such a response is refused, never stored.
    /// </summary>
    public abstract Grade? Grade(Response response);

    /// <summary>
    /// Whether a response may be saved as it is: it names only this question's parts with valid values, though it may
    /// be incomplete (an ordering with some positions left blank). Forged or malformed responses are refused.
    /// </summary>
    public virtual bool Accepts(Response response) => Grade(response) is not null;

    protected Grade Scored(decimal fraction, IReadOnlyList<Feedback> feedback) =>
        new(Math.Round(Points * Math.Clamp(fraction, 0m, 1m), 4), Points, feedback);
}

/// <summary>The score of one response, and the feedback the learner may now see.</summary>
public sealed record Grade(decimal Score, decimal MaxScore, IReadOnlyList<Feedback> Feedback)
{
    public bool IsCorrect => Score == MaxScore;
}

/// <summary>Feedback HTML tied to a part of the response (an option, an item, a scenario choice); <c>Key</c> null for the whole.</summary>
public sealed record Feedback(string? Key, string Html);

/// <summary>
/// A learner's response as form fields, without the per-question prefix the page adds. Field names per kind:
/// choice <c>option</c> (repeatable); text <c>text</c>; numeric <c>number</c>; ordering <c>rank.{itemId}</c> = 1…n;
/// matching <c>match.{itemId}</c> = choice id; scenario <c>path</c> (repeatable, the choice ids in the order taken).
/// </summary>
public sealed class Response
{
    private readonly Dictionary<string, IReadOnlyList<string>> _fields;

    public Response(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> fields) =>
        _fields = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    public static Response Empty { get; } = new([]);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields => _fields;

    public static Response Of(string field, params string[] values) => new([new(field, values)]);

    public IReadOnlyList<string> Values(string field) => _fields.TryGetValue(field, out var v) ? v : [];

    /// <summary>The single value of a field; null when absent or repeated.</summary>
    public string? One(string field) => Values(field) is [var one] ? one : null;

    public bool IsEmpty => _fields.Values.All(v => v.All(string.IsNullOrWhiteSpace));
}
