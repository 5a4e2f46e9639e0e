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

    /// <summary>
    /// A counted string: the resource <c>Key_category</c> for the plural category of <paramref name="count"/> in the UI
    /// language (falling back to <c>Key_other</c>), formatted with the count as {0} and <paramref name="args"/> after it.
    /// </summary>
    public static string Plural(IStringLocalizer l, string key, int count, params object[] args)
    {
        object[] all = [count, .. args];
        var text = l[key + "_" + PluralCategory(CultureInfo.CurrentUICulture, count), all];
        return text.ResourceNotFound ? l[key + "_other", all] : text;
    }

    // CLDR cardinal rules for whole numbers, for the languages of the member states that differ from "1 is one".
    private static string PluralCategory(CultureInfo culture, int n) => culture.TwoLetterISOLanguageName switch
    {
        "fr" or "pt" => n is 0 or 1 ? "one" : "other",
        "ro" => n == 1 ? "one" : n == 0 || n % 100 is >= 2 and <= 19 ? "few" : "other",
        "pl" => n == 1 ? "one" : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? "few" : "many",
        "cs" or "sk" => n == 1 ? "one" : n is >= 2 and <= 4 ? "few" : "other",
        "lv" => n % 10 == 0 || n % 100 is >= 11 and <= 19 ? "zero" : n % 10 == 1 && n % 100 != 11 ? "one" : "other",
        "lt" => n % 10 == 1 && n % 100 is < 11 or > 19 ? "one" : n % 10 is >= 2 and <= 9 && n % 100 is < 11 or > 19 ? "few" : "other",
        "hr" or "bs" or "sr" or "uk" or "ru" => n % 10 == 1 && n % 100 != 11 ? "one"
            : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? "few" : culture.TwoLetterISOLanguageName is "uk" or "ru" ? "many" : "other",
        "sl" => (n % 100) switch { 1 => "one", 2 => "two", 3 or 4 => "few", _ => "other" },
        "ga" => n switch { 1 => "one", 2 => "two", >= 3 and <= 6 => "few", >= 7 and <= 10 => "many", _ => "other" },
        "mt" => n == 1 ? "one" : n == 2 ? "two" : n == 0 || n % 100 is >= 3 and <= 10 ? "few" : n % 100 is >= 11 and <= 19 ? "many" : "other",
        "hu" or "tr" or "el" or "bg" or "et" or "fi" or "sv" or "da" or "nl" or "de" or "it" or "es" or "en" or "lb" => n == 1 ? "one" : "other",
        _ => n == 1 ? "one" : "other",
    };

    /// <summary>A language code from course.yml as a name ("en" → "English"); an unknown code is shown as written.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            return culture.TwoLetterISOLanguageName == "iv" ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
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
