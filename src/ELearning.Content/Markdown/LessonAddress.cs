using ELearning.Content.Catalog;

namespace ELearning.Content.Markdown;

/// <summary>Where a lesson file lives: <c>countering-thb/01-victim-hearing/02-rights.md</c>.</summary>
internal sealed record LessonAddress(string CourseSlug, string ModuleFolder, string ModuleSlug, string LessonSlug)
{
    /// <summary>Null unless <paramref name="path"/> is <c>&lt;course&gt;/&lt;NN-module&gt;/&lt;NN-lesson&gt;.md</c>.</summary>
    public static LessonAddress? FromPath(string path)
    {
        var parts = path.Split('/');
        return parts.Length == 3
            && ContentNames.IsSlug(parts[0])
            && ContentNames.TryParseNumbered(parts[1], out _, out var moduleSlug)
            && ContentNames.TryParseLessonFile(parts[2], out _, out var lessonSlug)
            ? new LessonAddress(parts[0], parts[1], moduleSlug, lessonSlug)
            : null;
    }
}
