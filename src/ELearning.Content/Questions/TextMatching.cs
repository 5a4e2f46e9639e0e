using System.Globalization;
using System.Text;

namespace ELearning.Content.Questions;

internal static class TextMatching
{
    // Latin letters that carry their "accent" in the letter itself, so FormD has no combining mark to drop: Łódź must
    // match Lodz, Straße Strasse. A short fixed list rather than a transliteration library (AnyAscii): that would also
    // turn Cyrillic or Greek answers into Latin ones, which is not ignoring accents.
    private static readonly Dictionary<char, string> Folded = new()
    {
        ['ł'] = "l", ['Ł'] = "L", ['ø'] = "o", ['Ø'] = "O", ['đ'] = "d", ['Đ'] = "D", ['ð'] = "d", ['Ð'] = "D",
        ['ß'] = "ss", ['ẞ'] = "SS", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['þ'] = "th", ['Þ'] = "TH",
        ['ħ'] = "h", ['Ħ'] = "H", ['ŧ'] = "t", ['Ŧ'] = "T", ['ı'] = "i", ['ŀ'] = "l", ['Ŀ'] = "L",
    };

    public static string Normalize(string text, bool ignoreCase, bool ignoreAccents, bool ignoreSpaces)
    {
        var value = text.Trim();
        if (ignoreSpaces)
        {
            value = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        if (ignoreAccents)
        {
            var decomposed = value.Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (Folded.TryGetValue(c, out var folded))
                {
                    builder.Append(folded);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(c);
                }
            }
            value = builder.ToString().Normalize(NormalizationForm.FormC);
        }
        return ignoreCase ? value.ToUpperInvariant() : value.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Accepts "2.5", "2,5", "1 500", "1,500.25", "1.500,25" with or without the unit; null when not a number. A lone
    /// comma or dot is always the decimal mark: "1,500" is 1.5 (questions ask for numbers without thousands marks).
    /// </summary>
    public static decimal? ParseNumber(string text, string? unit)
    {
        var value = text.Trim();
        if (value.Length is 0 or > 64)
        {
            return null;
        }
        if (unit is not null && value.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^unit.Length].TrimEnd();
        }
        value = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal);
        var lastComma = value.LastIndexOf(',');
        var lastDot = value.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            value = lastComma > lastDot ? value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : value.Replace(",", "", StringComparison.Ordinal);
        }
        else if (lastComma >= 0)
        {
            value = value.Replace(',', '.');
        }
        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}
