using System.Globalization;
using System.Text;

namespace ELearning.Content.Questions;

internal static class TextMatching
{
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
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
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
