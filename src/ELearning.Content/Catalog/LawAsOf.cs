using System.Globalization;
using ELearning.Content.Diagnostics;

namespace ELearning.Content.Catalog;

/// <summary>
/// The date a LEGAL or COUNTRY callout states the law as of (its first line, <c>*Law as of November 2026.*</c>).
/// <see cref="HasDay"/> is false for a month and year: <see cref="Date"/> is then the first of the month.
/// </summary>
public sealed record LawAsOf(DateOnly Date, bool HasDay, string CalloutKind, int Line, int Column)
{
    /// <summary>As a learner reads it: "November 2026", "3 November 2026".</summary>
    public string Text => Date.ToString(HasDay ? "d MMMM yyyy" : "MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>For <c>&lt;time datetime&gt;</c>: "2026-11" or "2026-11-03".</summary>
    public string Iso => Date.ToString(HasDay ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Whole calendar months from the stated date to <paramref name="today"/> (0 in the same month).</summary>
    public int AgeInMonths(DateOnly today)
    {
        var months = (today.Year - Date.Year) * 12 + today.Month - Date.Month;
        return HasDay && today.Day < Date.Day ? months - 1 : months;
    }
}

/// <summary>A lesson whose stated law is older than the review age.</summary>
public sealed record LawReview(Lesson Lesson, LawAsOf LawAsOf, int AgeInMonths);

/// <summary>Which legal statements are due for review. Time-dependent, so computed on demand and never cached with the files.</summary>
public static class LawFreshness
{
    /// <summary>The default review age: a year.</summary>
    public const int DefaultMaxAgeMonths = 12;

    /// <summary>Every law-as-of date older than <paramref name="maxAgeMonths"/> whole months, oldest first.</summary>
    public static IReadOnlyList<LawReview> Due(CourseCatalog catalog, DateOnly today, int maxAgeMonths = DefaultMaxAgeMonths)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Courses.SelectMany(c => c.AllLessons)
            .SelectMany(l => l.LawAsOf.Select(d => new LawReview(l, d, d.AgeInMonths(today))))
            .Where(r => r.AgeInMonths > maxAgeMonths)
            .OrderBy(r => r.LawAsOf.Date)
            .ThenBy(r => r.Lesson.SourcePath, StringComparer.Ordinal)
            .ThenBy(r => r.LawAsOf.Line)];
    }

    /// <summary>The lint warning for a date due for review.</summary>
    public static ContentDiagnostic Warning(LawReview review, int maxAgeMonths)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new ContentDiagnostic(review.Lesson.SourcePath, review.LawAsOf.Line, review.LawAsOf.Column, DiagnosticSeverity.Warning,
            $"law as of {review.LawAsOf.Text} is {review.AgeInMonths} months old (more than {maxAgeMonths}); check the law and update the date");
    }
}
