using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ELearning.Content.Catalog;

// The naming rules of the content tree: NN-slug folders and files, slugs, translations.
internal static partial class ContentNames
{
    public const string CourseFile = "course.yml";
    public const string ModuleFile = "module.yml";
    public const string MediaFolder = "media";
    public const string AssessmentFile = "assessment.md";

    // Authoring notes (sources still to check, review remarks): never loaded, never shown to learners.
    public const string NotesFile = "NOTES.md";

    // The lesson slug an assessment's links are resolved with: its page sits beside the module's lessons.
    public const string AssessmentSlug = "assessment";

    public static bool IsSlug(string value) => SlugPattern().IsMatch(value);

    // 01-victim-hearing → (1, victim-hearing).
    public static bool TryParseNumbered(string name, out int number, [NotNullWhen(true)] out string? slug)
    {
        var match = NumberedPattern().Match(name);
        return TryRead(match, out number, out slug);
    }

    // 02-rights.md → (2, rights); translations (02-rights.ro.md) do not match.
    public static bool TryParseLessonFile(string name, out int number, [NotNullWhen(true)] out string? slug)
    {
        var match = LessonFilePattern().Match(name);
        return TryRead(match, out number, out slug);
    }

    // 02-rights.ro.md or assessment.ro.md: a translation, ignored in this release.
    public static bool IsTranslationFile(string name) => TranslationFilePattern().IsMatch(name);

    private static bool TryRead(Match match, out int number, [NotNullWhen(true)] out string? slug)
    {
        // int.TryParse fails on absurdly long prefixes; such names are simply not numbered.
        if (match.Success && int.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            slug = match.Groups["slug"].Value;
            return true;
        }
        number = 0;
        slug = null;
        return false;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^(?<n>[0-9]+)-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedPattern();

    [GeneratedRegex(@"^(?<n>[0-9]+)-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex LessonFilePattern();

    [GeneratedRegex(@"^(?:[0-9]+-[a-z0-9]+(?:-[a-z0-9]+)*|assessment)\.[a-z]{2}\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex TranslationFilePattern();
}
