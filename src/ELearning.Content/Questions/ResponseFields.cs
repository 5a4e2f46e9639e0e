namespace ELearning.Content.Questions;

/// <summary>
/// The field names of a response, shared by the grading here, the theme's inputs and the web app's form parsing: one
/// set of names, so a renamed input can never silently stop being graded.
/// </summary>
public static class ResponseFields
{
    /// <summary>Chosen option ids (single, multiple, true/false).</summary>
    public const string Option = "option";

    /// <summary>Typed text (short text).</summary>
    public const string Text = "text";

    /// <summary>Typed number (numeric).</summary>
    public const string Number = "number";

    /// <summary>Prefix of an ordering item's position field: <c>rank.{itemId}</c>.</summary>
    public const string RankPrefix = "rank.";

    /// <summary>Prefix of a matching item's chosen match: <c>match.{itemId}</c>.</summary>
    public const string MatchPrefix = "match.";

    /// <summary>The choice taken at a scenario step (posted).</summary>
    public const string Choice = "choice";

    /// <summary>The choices taken so far in a scenario (stored).</summary>
    public const string Path = "path";
}
