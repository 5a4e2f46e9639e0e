using System.Net;
using System.Text.RegularExpressions;

namespace ELearning.Web.Templates;

/// <summary>
/// The plain-text part of a mail, made from its rendered HTML so a template is written once: paragraphs become blank
/// lines, links keep their address. Only for the app's own templates, not arbitrary HTML.
/// </summary>
internal static partial class MailText
{
    public static string FromHtml(string html)
    {
        var body = BodyPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : html;
        body = HeadPattern().Replace(body, "");
        body = LinkPattern().Replace(body, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups[1].Value);
            var text = WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[2].Value, "")).Trim();
            return text.Length == 0 || text == href ? href : $"{text} ({href})";
        });
        body = BreakPattern().Replace(body, "\n");
        body = BlockEndPattern().Replace(body, "\n\n");
        body = ListItemPattern().Replace(body, "\n- ");
        body = WebUtility.HtmlDecode(TagPattern().Replace(body, ""));
        var lines = body.Split('\n').Select(l => SpacePattern().Replace(l, " ").Trim());
        return BlankLinesPattern().Replace(string.Join('\n', lines), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"<body[^>]*>(.*)</body>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex BodyPattern();

    [GeneratedRegex(@"<(head|style|script)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"<a\b[^>]*\bhref=""([^""]*)""[^>]*>(.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();

    [GeneratedRegex(@"</(p|div|h[1-6]|ul|ol|li|tr|table)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEndPattern();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex SpacePattern();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLinesPattern();
}
