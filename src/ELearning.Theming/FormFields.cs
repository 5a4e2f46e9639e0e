namespace ELearning.Theming;

/// <summary>The fields of an attempt page's form, shared by the theme that renders them and the app that reads them.</summary>
public static class FormFields
{
    /// <summary>The attempt's save sequence the page was rendered at (a stale page cannot overwrite newer answers).</summary>
    public const string Sequence = "seq";

    /// <summary>The page the form was posted from.</summary>
    public const string Page = "page";

    /// <summary>Where to go after saving: <see cref="Save"/>, <see cref="Next"/>, <see cref="Previous"/>, <see cref="Submit"/> or <c>page-N</c>.</summary>
    public const string Go = "go";

    public const string Save = "save";
    public const string Next = "next";
    public const string Previous = "prev";
    public const string Submit = "submit";
    public const string PagePrefix = "page-";

    /// <summary>The prefix of one attempt question's response fields: <c>q.{questionId}.</c>.</summary>
    public static string Question(string questionId) => "q." + questionId + ".";

    public const string QuestionPrefix = "q.";
}
