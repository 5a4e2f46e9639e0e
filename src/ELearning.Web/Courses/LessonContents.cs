using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ELearning.Content.Catalog;
using ELearning.Theming;
using Microsoft.AspNetCore.Components;

namespace ELearning.Web.Courses;

/// <summary>
/// A lesson's table of contents (its second-level headings, which the pipeline gives GitHub-style ids) and its first
/// HTML segment split after the level-one title, so the contents can sit under the title. Worked out once per lesson
/// version (lessons are immutable and replaced on edit), not per request.
/// </summary>
internal static partial class LessonContents
{
    private sealed record Outline(IReadOnlyList<Link> Contents, MarkupString? Title, MarkupString Rest);

    private static readonly ConditionalWeakTable<Lesson, Outline> Cache = [];

    public static IReadOnlyList<Link> Of(Lesson lesson) => Cache.GetValue(lesson, Read).Contents;

    /// <summary>
    /// <paramref name="parts"/> (one per segment of <paramref name="lesson"/>, in order) with the first split after the
    /// title; <paramref name="contentsAt"/> is the index of the part after the title (0 when there is no title).
    /// </summary>
    public static IReadOnlyList<LessonPart> SplitAfterTitle(Lesson lesson, List<LessonPart> parts, out int contentsAt)
    {
        contentsAt = 0;
        if (Cache.GetValue(lesson, Read) is { Title: { } title } outline && parts is [HtmlPart, ..])
        {
            parts[0] = new HtmlPart(title);
            parts.Insert(1, new HtmlPart(outline.Rest));
            contentsAt = 1;
        }
        return parts;
    }

    private static Outline Read(Lesson lesson)
    {
        IReadOnlyList<Link> contents =
        [
            .. lesson.Segments.OfType<HtmlSegment>()
                .SelectMany(s => H2().Matches(s.Html))
                .Select(m => new Link(WebUtility.HtmlDecode(Tags().Replace(m.Groups["text"].Value, "")).Trim(), "#" + WebUtility.HtmlDecode(m.Groups["id"].Value)))
                .Where(l => l.Title.Length > 0),
        ];
        if (lesson.Segments is [HtmlSegment { Html: var html }, ..] && html.TrimStart().StartsWith("<h1", StringComparison.Ordinal)
            && html.IndexOf("</h1>", StringComparison.Ordinal) is var end and >= 0)
        {
            end += "</h1>".Length;
            return new Outline(contents, new MarkupString(html[..end]), new MarkupString(html[end..]));
        }
        return new Outline(contents, null, default);
    }

    [GeneratedRegex("<h2 id=\"(?<id>[^\"]+)\">(?<text>.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex H2();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
