using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Markdown;

namespace ELearning.Content.Tests.Support;

/// <summary>Renders a lesson body the way the loader does, without a content tree.</summary>
internal static class Render
{
    public const string LessonPath = "countering-thb/01-victim-hearing/02-rights.md";

    public static (LessonBody Body, IReadOnlyList<ContentDiagnostic> Diagnostics) Body(string markdown, string lessonPath = LessonPath)
    {
        var diagnostics = new DiagnosticBag(lessonPath);
        var body = LessonBody.Render(markdown.ReplaceLineEndings("\n"), LessonAddress.FromPath(lessonPath)!, diagnostics);
        return (body, diagnostics.Items);
    }

    /// <summary>All HTML segments joined: what a page shows around its questions.</summary>
    public static string Html(string markdown, string lessonPath = LessonPath) =>
        string.Concat(Body(markdown, lessonPath).Body.Segments.OfType<HtmlSegment>().Select(s => s.Html));
}
