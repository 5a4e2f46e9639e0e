using System.Security.Cryptography;
using ELearning.Content.Diagnostics;
using ELearning.Content.Markdown;

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

        var (fields, body, _) = FrontMatter.Read(text, diagnostics,
            "a lesson starts with front matter: a '---' line, title, summary and minutes, and another '---' line");
        string? title = null, summary = null, contentWarning = null;
        int? minutes = null;
        if (fields is not null)
        {
            fields.RejectUnknownKeys(s_keys);
            title = fields.Text("title", required: true);
            summary = fields.Text("summary", required: true);
            minutes = fields.PositiveInteger("minutes", required: true);
            contentWarning = fields.Text("content_warning", required: false);
        }

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
            LawAsOf = rendered.LawAsOf,
            ContentVersion = ContentVersionOf(bytes),
            SourcePath = path,
        };
        return new LessonFile(lesson, rendered.References, rendered.QuestionIds);
    }

    // Short hash of a file's bytes; stored with progress, answers and attempts.
    internal static string ContentVersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
}
