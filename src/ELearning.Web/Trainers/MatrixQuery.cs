using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Theming;

namespace ELearning.Web.Trainers;

/// <summary>Sorting and filtering of the cohort matrix, from the query string (links, no script).</summary>
internal static class MatrixQuery
{
    public static string StatusName(MatrixStatus status) => status switch
    {
        MatrixStatus.NotStarted => "not-started",
        MatrixStatus.InProgress => "in-progress",
        MatrixStatus.Failed => "failed",
        MatrixStatus.Passed => "passed",
        _ => "certified",
    };

    /// <summary>An unknown status filters nothing (it is a hand-edited address, not worth a 400).</summary>
    public static MatrixStatus? ParseStatus(string? text) =>
        Enum.GetValues<MatrixStatus>().Cast<MatrixStatus?>().FirstOrDefault(s => StatusName(s!.Value) == text);

    public static string Normalise(string? sort, IReadOnlyList<Module> modules) =>
        sort == "progress" || (sort?.StartsWith("module:", StringComparison.Ordinal) == true && modules.Any(m => "module:" + m.Slug == sort))
            ? sort!
            : "name";

    public static string Url(int cohortId, string sort, string? status, string? query)
    {
        var parts = new List<string> { "sort=" + Uri.EscapeDataString(sort) };
        if (!string.IsNullOrEmpty(status))
        {
            parts.Add("status=" + Uri.EscapeDataString(status));
        }
        if (!string.IsNullOrEmpty(query))
        {
            parts.Add("q=" + Uri.EscapeDataString(query));
        }
        return TrainerUrls.Progress(cohortId) + "?" + string.Join("&", parts);
    }

    /// <summary>
    /// Rows that match the text (name, email or institution) and have at least one module in <paramref name="status"/>,
    /// sorted by name, by overall progress (most first), or by one module (furthest first: certified, passed, failed,
    /// in progress by lessons done, not started; then by grade).
    /// </summary>
    public static List<MatrixRow> Apply(CohortMatrix.Result matrix, string sort, MatrixStatus? status, string? query)
    {
        var rows = matrix.Rows.Where(r =>
                (query is null || r.Learner.Name.Contains(query, StringComparison.CurrentCultureIgnoreCase)
                    || r.Learner.Email.Contains(query, StringComparison.OrdinalIgnoreCase)
                    || r.Learner.Institution.Contains(query, StringComparison.CurrentCultureIgnoreCase))
                && (status is null || r.Row.Cells.Any(c => c.Status == status)))
            .ToList();
        var byName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        IOrderedEnumerable<(CohortMatrix.Learner Learner, MatrixRow Row)> ordered;
        if (sort == "progress")
        {
            ordered = rows.OrderByDescending(r => r.Row.ProgressPercent);
        }
        else if (sort.StartsWith("module:", StringComparison.Ordinal))
        {
            var index = matrix.Modules.ToList().FindIndex(m => "module:" + m.Slug == sort);
            ordered = rows.OrderByDescending(r => r.Row.Cells[index].Status)
                .ThenByDescending(r => r.Row.Cells[index].Grade ?? -1)
                .ThenByDescending(r => r.Row.Cells[index].LessonPercent);
        }
        else
        {
            return [.. rows.OrderBy(r => r.Learner.Name, byName).ThenBy(r => r.Learner.Email, StringComparer.Ordinal).Select(r => r.Row)];
        }
        return [.. ordered.ThenBy(r => r.Learner.Name, byName).ThenBy(r => r.Learner.Email, StringComparer.Ordinal).Select(r => r.Row)];
    }
}
