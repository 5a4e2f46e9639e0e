using System.ComponentModel.DataAnnotations;

namespace ELearning.Web.Courses;

internal sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder holding the courses; relative to the working directory.</summary>
    [Required]
    public string Root { get; set; } = "content";

    /// <summary>
    /// Poll the content folder every few seconds instead of relying on file-system notifications: for network shares
    /// and container mounts where inotify does not see edits.
    /// </summary>
    public bool PollForChanges { get; set; }

    /// <summary>
    /// The longest one content file may take to parse after an edit; a file over it is reported as an error on
    /// /trainer/content and its last good version keeps serving. Parsing runs in the background either way.
    /// </summary>
    [Range(0.1, 600)]
    public double ParseBudgetSeconds { get; set; } = 2;

    /// <summary>A LEGAL or COUNTRY callout whose law-as-of date is more months old than this is listed for review.</summary>
    [Range(0, 1200)]
    public int LawMaxAgeMonths { get; set; } = ELearning.Content.Catalog.LawFreshness.DefaultMaxAgeMonths;
}

internal sealed class ThemeOptions
{
    public const string Section = "Theme";

    [Required]
    public string Name { get; set; } = "Default";
}
