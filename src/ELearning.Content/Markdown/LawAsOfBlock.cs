using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ELearning.Content.Markdown;

// The "*Law as of November 2026.*" line of a LEGAL or COUNTRY callout, lifted out of its paragraph after parsing so it
// renders as its own marked line with a machine-readable date.
internal sealed class LawAsOfBlock(LawAsOf date) : LeafBlock(null)
{
    public LawAsOf Date { get; } = date;
}

internal sealed class HtmlLawAsOfRenderer : HtmlObjectRenderer<LawAsOfBlock>
{
    protected override void Write(HtmlRenderer renderer, LawAsOfBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<p class=\"law-as-of\">Law as of <time datetime=\"").Write(obj.Date.Iso).Write("\">")
            .Write(WebUtility.HtmlEncode(obj.Date.Text)).WriteLine("</time></p>");
    }
}

internal sealed class LawAsOfExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Nothing to parse: LawAsOfCallouts inserts the blocks after parsing.
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlLawAsOfRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlLawAsOfRenderer());
        }
    }
}

// Finds, checks and lifts out the law-as-of line of LEGAL and COUNTRY callouts.
internal static partial class LawAsOfCallouts
{
    private const string Example = "'*Law as of November 2026.*' (a month name and year, optionally a day: '*Law as of 3 November 2026.*')";

    public static void Apply(MarkdownDocument document, DiagnosticBag diagnostics, List<LawAsOf> dates)
    {
        foreach (var alert in document.Descendants<AlertBlock>().ToList())
        {
            var kind = alert.Kind.ToString().ToUpperInvariant();
            if (kind is not ("LEGAL" or "COUNTRY"))
            {
                continue;
            }
            var callout = kind == "LEGAL" ? "a LEGAL" : "a COUNTRY";
            if (alert.FirstOrDefault() is not ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 1 } emphasis } paragraph)
            {
                diagnostics.Warning(alert.Line + 1, alert.Column + 1,
                    $"{callout} callout begins with the date of the law it states, on its own line: {Example}");
                continue;
            }
            var text = LinkRewriter.PlainText(emphasis).Trim();
            var line = emphasis.Line + 1;
            var column = emphasis.Column + 1;
            if (!text.StartsWith("Law as of", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Warning(line, column, $"{callout} callout begins with the date of the law it states, on its own line: {Example}");
                continue;
            }
            if (Parse(text) is not var (date, hasDay))
            {
                diagnostics.Warning(line, column, $"cannot read the date in '{text}'; write {Example}");
                continue;
            }
            var lawAsOf = new LawAsOf(date, hasDay, kind, line, column);
            dates.Add(lawAsOf);

            // Lift the line out: the emphasis, the line break after it, and the paragraph if nothing else is left.
            if (emphasis.NextSibling is LineBreakInline lineBreak)
            {
                lineBreak.Remove();
            }
            emphasis.Remove();
            if (paragraph.Inline!.FirstChild is null)
            {
                alert.Remove(paragraph);
            }
            alert.Insert(0, new LawAsOfBlock(lawAsOf) { Line = paragraph.Line, Column = paragraph.Column });
        }
    }

    private static (DateOnly Date, bool HasDay)? Parse(string text)
    {
        var match = DateLine().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames,
            m => m.Length > 0 && string.Equals(m, match.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var dayText = match.Groups["day1"].Success ? match.Groups["day1"].Value : match.Groups["day2"].Success ? match.Groups["day2"].Value : null;
        if (month == 0 || year < 1900)
        {
            return null;
        }
        if (dayText is null)
        {
            return (new DateOnly(year, month, 1), false);
        }
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? (new DateOnly(year, month, day), true) : null;
    }

    // "Law as of November 2026.", "Law as of 3 November 2026", "Law as of November 3, 2026."
    [GeneratedRegex(@"^Law as of\s+(?:(?<day1>\d{1,2})\s+)?(?<month>[A-Za-z]+)\s+(?:(?<day2>\d{1,2}),\s*)?(?<year>\d{4})\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
