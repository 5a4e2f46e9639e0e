using ELearning.Content.Catalog;

namespace ELearning.Content.Markdown;

// Where a lesson file lives: countering-thb/01-victim-hearing/02-rights.md.
internal sealed record LessonAddress(string CourseSlug, string ModuleFolder, string ModuleSlug, string LessonSlug)
{
    // Null unless path is <course>/<NN-module>/<NN-lesson>.md.
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
