using System.Security.Cryptography;
using ELearning.Content.Diagnostics;
using ELearning.Content.Markdown;
using ELearning.Content.Yaml;

namespace ELearning.Content.Catalog;

// A lesson file, parsed and rendered once per file version.
internal sealed record LessonFile(
    Lesson? Lesson,
    IReadOnlyList<FileReference> References,
    IReadOnlyList<QuestionIdUse> QuestionIds)
{
    private static readonly string[] s_keys = ["title", "summary", "minutes", "content_warning"];

    // Lesson is null when the file has errors; diagnostics has them either way.
    public static LessonFile Parse(LessonAddress address, string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        var text = ContentText.Decode(bytes, diagnostics);
        if (text is null)
        {
            return new LessonFile(null, [], []);
        }

        var lines = text.Split('\n');
        var closing = FindFrontMatterEnd(lines);
        string? title = null, summary = null, contentWarning = null;
        int? minutes = null;
        if (closing < 0)
        {
            diagnostics.Error(1, 1, lines[0].TrimEnd() == "---"
                ? "the front matter is not closed; end it with a '---' line"
                : "a lesson starts with front matter: a '---' line, title, summary and minutes, and another '---' line");
        }
        else
        {
            var yaml = string.Join('\n', lines, 1, closing - 1);
            var entries = FlatYamlReader.Read(yaml, 1, diagnostics);
            if (entries is not null)
            {
                var fields = new YamlFields(entries, diagnostics, 1, 1);
                fields.RejectUnknownKeys(s_keys);
                title = fields.Text("title", required: true);
                summary = fields.Text("summary", required: true);
                minutes = fields.PositiveInteger("minutes", required: true);
                contentWarning = fields.Text("content_warning", required: false);
            }
        }

        // Blank the front matter instead of cutting it so Markdig's line numbers are the file's line numbers.
        var body = closing < 0 ? text : new string('\n', closing + 1) + string.Join('\n', lines, closing + 1, lines.Length - closing - 1);
        var rendered = LessonBody.Render(body, address, diagnostics);

        if (diagnostics.HasErrors || title is null || summary is null || minutes is null)
        {
            return new LessonFile(null, rendered.References, rendered.QuestionIds);
        }
        var lesson = new Lesson
        {
            Slug = address.LessonSlug,
            CourseSlug = address.CourseSlug,
            ModuleSlug = address.ModuleSlug,
            Title = title,
            Summary = summary,
            Minutes = minutes.Value,
            ContentWarning = contentWarning,
            Segments = rendered.Segments,
            ContentVersion = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12],
            SourcePath = path,
        };
        return new LessonFile(lesson, rendered.References, rendered.QuestionIds);
    }

    // Index of the line closing the front matter, or -1.
    private static int FindFrontMatterEnd(string[] lines)
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
