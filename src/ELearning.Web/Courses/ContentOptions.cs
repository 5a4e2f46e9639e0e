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
}

internal sealed class ThemeOptions
{
    public const string Section = "Theme";

    [Required]
    public string Name { get; set; } = "Default";
}
