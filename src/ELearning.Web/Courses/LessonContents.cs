using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ELearning.Content.Catalog;
using ELearning.Theming;
using Microsoft.AspNetCore.Components;

namespace ELearning.Web.Courses;

/// <summary>
/// A lesson's table of contents: its second-level headings, which the pipeline gives GitHub-style ids. Read once per
/// lesson version (lessons are immutable and replaced on edit), not per request.
/// </summary>
internal static partial class LessonContents
{
    private static readonly ConditionalWeakTable<Lesson, IReadOnlyList<Link>> Cache = [];

    public static IReadOnlyList<Link> Of(Lesson lesson) => Cache.GetValue(lesson, Read);

    private static IReadOnlyList<Link> Read(Lesson lesson) =>
    [
        .. lesson.Segments.OfType<HtmlSegment>()
            .SelectMany(s => H2().Matches(s.Html))
            .Select(m => new Link(WebUtility.HtmlDecode(Tags().Replace(m.Groups["text"].Value, "")).Trim(), "#" + WebUtility.HtmlDecode(m.Groups["id"].Value)))
            .Where(l => l.Title.Length > 0),
    ];

    /// <summary>
    /// Splits the first HTML part after its level-one title, so the contents can sit under the title;
    /// <paramref name="contentsAt"/> is the index of the part after the title (0 when there is no title).
    /// </summary>
    public static IReadOnlyList<LessonPart> SplitAfterTitle(List<LessonPart> parts, out int contentsAt)
    {
        contentsAt = 0;
        if (parts is [HtmlPart first, ..] && first.Html.Value is { } html && html.IndexOf("</h1>", StringComparison.Ordinal) is var end and >= 0
            && html.TrimStart().StartsWith("<h1", StringComparison.Ordinal))
        {
            end += "</h1>".Length;
            parts[0] = new HtmlPart(new MarkupString(html[..end]));
            parts.Insert(1, new HtmlPart(new MarkupString(html[end..])));
            contentsAt = 1;
        }
        return parts;
    }

    [GeneratedRegex("<h2 id=\"(?<id>[^\"]+)\">(?<text>.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex H2();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
