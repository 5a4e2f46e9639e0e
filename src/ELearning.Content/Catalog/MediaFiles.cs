namespace ELearning.Content.Catalog;

/// <summary>The files a module's <c>media/</c> folder may serve; lint and the media endpoint share this list.</summary>
public static class MediaFiles
{
    /// <summary>
    /// Raster images only: an SVG opened directly runs its scripts in the app's origin, and other files (PDF,
    /// Office) are not something a lesson page can show inline.
    /// </summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new HashSet<string>([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"], StringComparer.OrdinalIgnoreCase);

    public static bool IsServable(string path) => Extensions.Contains(Path.GetExtension(path));
}
