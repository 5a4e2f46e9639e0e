using System.Text;

namespace ELearning.Content.Markdown;

// Which link and image addresses may reach the page: http, https, mailto and relative ones.
internal static class UrlPolicy
{
    // The scheme a browser would see in url (already entity- and escape-decoded by Markdig), lowercased; null when the
    // URL is relative. Follows the WHATWG URL parser: leading and trailing C0 controls and spaces are stripped, tabs
    // and newlines anywhere are removed, then a scheme is an ASCII letter followed by letters, digits, + - . up to a
    // colon. So " java\tscript:" and JaVaScRiPt: are both javascript.
    public static string? SchemeOf(string url)
    {
        var trimmed = Cleaned(url);
        if (IsProtocolRelative(url))
        {
            // "//host" keeps the page's scheme: an external https link, not a site link.
            return "https";
        }
        if (trimmed.Length == 0 || !char.IsAsciiLetter(trimmed[0]))
        {
            return null;
        }
        for (var i = 1; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == ':')
            {
                return trimmed[..i].ToLowerInvariant();
            }
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// "//host/path", and "\\host" or "/\host", which browsers read the same way: another site, on the page's scheme.
    /// </summary>
    public static bool IsProtocolRelative(string url)
    {
        var trimmed = Cleaned(url);
        return trimmed.Length >= 2 && trimmed[0] is ('/' or '\\') && trimmed[1] is ('/' or '\\');
    }

    /// <summary>A protocol-relative URL written out as the https link it is ("//host/p" → "https://host/p").</summary>
    public static string Absolute(string url) => "https://" + Cleaned(url).TrimStart('/', '\\');

    // What the browser parses: tabs and newlines removed anywhere, C0 controls and spaces trimmed at both ends.
    private static string Cleaned(string url)
    {
        var cleaned = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                cleaned.Append(c);
            }
        }
        return cleaned.ToString().TrimWhere(IsControlOrSpace);
    }

    public static bool IsAllowed(string? scheme) => scheme is null or "http" or "https" or "mailto";

    private static bool IsControlOrSpace(char c) => c <= ' ';

    private static string TrimWhere(this string value, Func<char, bool> predicate)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && predicate(value[start]))
        {
            start++;
        }
        while (end > start && predicate(value[end - 1]))
        {
            end--;
        }
        return value[start..end];
    }
}
