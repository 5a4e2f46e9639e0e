using System.Globalization;
using System.Text.RegularExpressions;
using ELearning.Theming;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace ELearning.Themes.Default;

/// <summary>Formatting shared by the templates, so numbers, times and element ids look the same on every page.</summary>
internal static partial class Display
{
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>Times are stored in UTC; an unspecified kind is taken as UTC rather than as the server's local time.</summary>
    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static string Iso(DateTime value) => Utc(value).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    // ISO order and an explicit zone: unambiguous for learners in every member state, whatever their locale.
    public static string DateAndTime(DateTime value) => Utc(value).ToString("yyyy'-'MM'-'dd HH':'mm' UTC'", CultureInfo.InvariantCulture);

    /// <summary>"45 min", "2 h", "1 h 30 min", rounded up to the minute (a time limit is never shown shorter than it is).</summary>
    public static string Duration(IStringLocalizer l, TimeSpan value)
    {
        var minutes = (int)Math.Ceiling(Math.Max(0, value.TotalMinutes));
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0 ? l["Minutes", rest] : rest == 0 ? l["Hours", hours] : $"{l["Hours", hours]} {l["Minutes", rest]}";
    }

    public static string Date(DateTime value) => Utc(value).ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    public static string Time(DateTime value) => Utc(value).ToString("HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The id every element of a question starts with. Knowledge checks have no field prefix and keep the short
    /// <c>q-{id}</c>; assessment questions fold the prefix in so ids stay unique however the app numbers its fields.
    /// </summary>
    public static string IdFor(QuestionView question) =>
        question.FieldPrefix.Length == 0 ? $"q-{question.Id}" : "q-" + UnsafeIdCharacters().Replace(question.FieldPrefix + question.Id, "-");

    /// <summary>
    /// Text of pipeline HTML for places that only take text (<c>&lt;option&gt;</c>). The pipeline escapes every
    /// <c>&lt;</c> and <c>&gt;</c> outside tags, so removing the tags leaves only text and entities.
    /// </summary>
    public static MarkupString Text(MarkupString html) => new(Tags().Replace(html.Value ?? "", ""));

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacters();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
