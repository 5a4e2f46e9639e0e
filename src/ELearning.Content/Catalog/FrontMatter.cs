using ELearning.Content.Diagnostics;
using ELearning.Content.Yaml;

namespace ELearning.Content.Catalog;

// The --- front matter of a Markdown content file (lessons, assessment.md).
internal static class FrontMatter
{
    // The front matter's fields (null when it is missing or not valid YAML; reported) and the body. The body keeps the
    // front matter as blank lines instead of cutting it off, so Markdig's line numbers are the file's line numbers.
    // BodyLine is the 1-based line where the body starts. missingMessage describes what the file must start with.
    public static (YamlFields? Fields, string Body, int BodyLine) Read(string text, DiagnosticBag diagnostics, string missingMessage)
    {
        var lines = text.Split('\n');
        var closing = FindEnd(lines);
        if (closing < 0)
        {
            diagnostics.Error(1, 1, lines[0].TrimEnd() == "---"
                ? "the front matter is not closed; end it with a '---' line"
                : missingMessage);
            return (null, text, 1);
        }
        var yaml = string.Join('\n', lines, 1, closing - 1);
        var entries = FlatYamlReader.Read(yaml, 1, diagnostics);
        var body = new string('\n', closing + 1) + string.Join('\n', lines, closing + 1, lines.Length - closing - 1);
        return (entries is null ? null : new YamlFields(entries, diagnostics, 1, 1), body, closing + 2);
    }

    // Index of the line closing the front matter, or -1.
    private static int FindEnd(string[] lines)
    {
        if (lines[0].TrimEnd() != "---")
        {
            return -1;
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                return i;
            }
        }
        return -1;
    }
}
