using System.ComponentModel.DataAnnotations;

namespace ELearning.Web.Courses;

internal sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder holding the courses; relative to the working directory.</summary>
    [Required]
    public string Root { get; set; } = "content";
}

internal sealed class ThemeOptions
{
    public const string Section = "Theme";

    [Required]
    public string Name { get; set; } = "Default";
}
