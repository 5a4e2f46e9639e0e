namespace ELearning.Content.Catalog;

/// <summary>Who may open a course or module: <c>access:</c> in <c>course.yml</c> or <c>module.yml</c>.</summary>
public enum ContentAccess
{
    /// <summary>Every signed-in learner (the default).</summary>
    Open,

    /// <summary>Only members of a cohort (training session) that covers it, and trainers and admins.</summary>
    Cohort,
}

/// <summary>Reading <c>access:</c> the same way in both files.</summary>
internal static class ContentAccessField
{
    public static readonly IReadOnlyDictionary<string, ContentAccess> Values = new Dictionary<string, ContentAccess>(StringComparer.Ordinal)
    {
        ["open"] = ContentAccess.Open,
        ["cohort"] = ContentAccess.Cohort,
    };
}
