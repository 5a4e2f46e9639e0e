using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Web.Accounts;

namespace ELearning.Web.Cohorts;

/// <summary>
/// What a trainer types to create or edit a cohort, as text, and its validation: every problem is a message for one
/// field (shown beside it), never an exception. The web form and <c>elearn cohorts add</c> share it.
/// </summary>
internal sealed class CohortForm
{
    public const int MaxDays = 60;

    public string? Name { get; set; }
    public string? Course { get; set; }

    /// <summary>Module slugs; none for the whole course.</summary>
    public IReadOnlyList<string> Modules { get; set; } = [];
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public bool Online { get; set; }
    public string? Place { get; set; }
    public string? Country { get; set; }

    /// <summary>In-person days, <c>yyyy-MM-dd</c>, separated by commas, spaces or new lines.</summary>
    public string? Days { get; set; }

    public static CohortForm From(Cohort cohort) => new()
    {
        Name = cohort.Name,
        Course = cohort.CourseSlug,
        Modules = cohort.Modules,
        StartsOn = cohort.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndsOn = cohort.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Online = cohort.Online,
        Place = cohort.Place,
        Country = cohort.Country,
        Days = string.Join(", ", cohort.Days.OrderBy(d => d.Date).Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
    };

    /// <summary>Checks the form against the catalog; on success fills <paramref name="cohort"/> and returns the day dates.</summary>
    public Dictionary<string, string> Apply(CourseCatalog catalog, Cohort cohort, out List<DateOnly> days)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        days = [];
        var name = Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > Cohort.NameLength)
        {
            errors["name"] = $"Give the cohort a name (at most {Cohort.NameLength} characters).";
        }
        var course = string.IsNullOrWhiteSpace(Course) ? null : catalog.FindCourse(Course.Trim());
        if (course is null)
        {
            errors["course"] = "Choose a course.";
        }
        var modules = Modules.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (course is not null && modules.FirstOrDefault(m => course.FindModule(m) is null) is { } unknown)
        {
            errors["modules"] = $"'{unknown}' is not a module of {course.Title}.";
        }
        var starts = Date(StartsOn, "starts", "start date", errors);
        var ends = Date(EndsOn, "ends", "end date", errors);
        if (starts is not null && ends is not null && ends < starts)
        {
            errors["ends"] = "The end date is before the start date.";
        }
        var place = Place?.Trim() ?? "";
        if (!Online && place.Length == 0)
        {
            errors["place"] = "Give the place, or tick \"online\".";
        }
        if (place.Length > Cohort.NameLength)
        {
            errors["place"] = $"The place is too long (at most {Cohort.NameLength} characters).";
        }
        var country = Country?.Trim().ToUpperInvariant() ?? "";
        if (country.Length > 0 && !Countries.IsKnown(country))
        {
            errors["country"] = "Choose a country from the list.";
        }
        foreach (var text in (Days ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors["days"] = $"'{text}' is not a date; write days as 2026-12-01.";
                break;
            }
            if (starts is not null && ends is not null && (day < starts || day > ends))
            {
                errors["days"] = $"{text} is outside the cohort's dates.";
                break;
            }
            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }
        if (days.Count > MaxDays)
        {
            errors["days"] = $"At most {MaxDays} in-person days.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        cohort.Name = name;
        cohort.CourseSlug = course!.Slug;
        // The whole course is stored as no modules, so modules added to the course later are covered too.
        cohort.ModuleSlugs = modules.Count == course.Modules.Count ? "" : string.Join(',', course.Modules.Select(m => m.Slug).Where(modules.Contains));
        cohort.StartsOn = starts!.Value;
        cohort.EndsOn = ends!.Value;
        cohort.Online = Online;
        cohort.Place = Online ? "" : place;
        cohort.Country = country;
        days.Sort();
        return errors;
    }

    private static DateOnly? Date(string? text, string field, string label, Dictionary<string, string> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = $"Give the {label} (e.g. 2026-12-01).";
        return null;
    }
}
