using System.Security.Claims;
using System.Text.Json;
using ELearning.Content.Analysis;
using ELearning.Content.Assessments;
using ELearning.Content.Questions;
using ELearning.Web.Assessments;
using ELearning.Web.Cohorts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Analysis;

/// <summary>Which of a learner's graded attempts item analysis uses; Moodle's default is the first.</summary>
internal enum AttemptSelection
{
    First,
    Last,
    All,
}

/// <summary>The attempts an analysis ran over, with their percentages (for the distribution chart).</summary>
internal sealed record AnalysisData(ItemAnalysis Analysis, IReadOnlyList<decimal> Percents);

/// <summary>
/// Loads what item analysis needs as counts the database computes (see <see cref="LoadAsync"/>): no question row is
/// loaded one by one, and only the small response JSON of choice questions is read (grouped). The stored question
/// definitions (large JSON) are never read: option keys come from the current catalog's assessment.
/// </summary>
internal static class ItemAnalysisQuery
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Submitted graded attempts of the learners the user may see (of one cohort when given).</summary>
    public static IQueryable<AssessmentAttempt> Attempts(
        AppDbContext db, ClaimsPrincipal user, Assessment assessment, int? cohortId, AttemptSelection selection)
    {
        var attempts = db.AssessmentAttempts.Where(a =>
            a.CourseSlug == assessment.CourseSlug && a.ModuleSlug == assessment.ModuleSlug
            && a.Kind == AttemptKind.Graded && a.Status == AttemptStatus.Submitted);
        if (cohortId is { } id)
        {
            var members = db.CohortMembers.Where(m => m.CohortId == id).Select(m => m.UserId);
            attempts = attempts.Where(a => members.Contains(a.UserId));
        }
        else if (!CohortAccess.IsAdmin(user))
        {
            var visible = CohortAccess.VisibleLearnerIds(db, user);
            attempts = attempts.Where(a => visible.Contains(a.UserId));
        }
        var graded = db.AssessmentAttempts.Where(b =>
            b.CourseSlug == assessment.CourseSlug && b.ModuleSlug == assessment.ModuleSlug
            && b.Kind == AttemptKind.Graded && b.Status == AttemptStatus.Submitted);
        return selection switch
        {
            AttemptSelection.First => attempts.Where(a => a.Number == graded.Where(b => b.UserId == a.UserId).Min(b => b.Number)),
            AttemptSelection.Last => attempts.Where(a => a.Number == graded.Where(b => b.UserId == a.UserId).Max(b => b.Number)),
            _ => attempts,
        };
    }

    /// <summary>
    /// Three queries, whatever the number of attempts: per attempt its maximum, percentage and test score (summed by the
    /// database); per (question, score, test score) the number of question rows (GROUP BY); per (choice question,
    /// response) the number of picks (GROUP BY). <see cref="ItemStatistics"/> computes from those counts exactly what it
    /// computes from the rows.
    /// </summary>
    public static async Task<AnalysisData> LoadAsync(
        AppDbContext db, ClaimsPrincipal user, Assessment assessment, int? cohortId, AttemptSelection selection, CancellationToken cancel)
    {
        var attempts = Attempts(db, user, assessment, cohortId, selection);
        var ids = attempts.Select(a => a.Id);
        var rows = db.AttemptQuestions.Where(q => ids.Contains(q.AttemptId));
        // The test score T of each attempt (an unanswered question counts 0), as the database sums it.
        var totals = rows.GroupBy(q => q.AttemptId).Select(g => new { AttemptId = g.Key, Total = g.Sum(q => (double?)q.Score ?? 0) });

        // One narrow row per attempt (maximum, stored percentage, test score); a GROUP BY over the LEFT JOIN that would
        // count them is beyond EF's translation, and these rows are small.
        var heads = await attempts
            .Select(a => new { a.MaxScore, a.Percent, Total = db.AttemptQuestions.Where(q => q.AttemptId == a.Id).Sum(q => (double?)q.Score ?? 0) })
            .ToListAsync(cancel);
        // The join with the selected attempts' totals is the only filter: the selection is evaluated once.
        var scores = await (from t in totals
                            join q in db.AttemptQuestions on t.AttemptId equals q.AttemptId
                            group q by new { q.QuestionId, Score = (double?)q.Score ?? 0, t.Total } into g
                            select new ItemScoreCount(g.Key.QuestionId, g.Key.Score, g.Key.Total, g.Count())).ToListAsync(cancel);
        var choiceIds = assessment.Questions.OfType<ChoiceQuestion>().Select(q => q.Id).ToList();
        var responses = await rows.Where(q => q.Response != null && choiceIds.Contains(q.QuestionId))
            .GroupBy(q => new { q.QuestionId, q.Response })
            .Select(g => new { g.Key.QuestionId, g.Key.Response, Count = g.Count() })
            .ToListAsync(cancel);

        // Choice responses repeat ({"option":["b"]}): each distinct one is parsed once.
        var parsed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = assessment.Questions.Select(q => new AnalysedItem(q.Id, q.Points,
            q is ChoiceQuestion choice ? [.. choice.Options.Select(o => new AnalysedOption(o.Id, o.IsCorrect))] : [])).ToList();
        var analysis = ItemStatistics.Analyse(
            items,
            [.. heads.GroupBy(h => (h.Total, h.MaxScore)).Select(g => new TotalCount(g.Key.Total, g.Key.MaxScore, g.Count()))],
            scores,
            [.. responses.Select(r => new ResponseCount(r.QuestionId, Chosen(r.Response, parsed), r.Count))]);
        return new AnalysisData(analysis, [.. heads.Select(h => h.Percent ?? 0)]);
    }

    private static string[] Chosen(string? response, Dictionary<string, string[]> parsed)
    {
        if (response is null)
        {
            return [];
        }
        if (!parsed.TryGetValue(response, out var chosen))
        {
            chosen = Parse(response);
            parsed[response] = chosen;
        }
        return chosen;
    }

    private static string[] Parse(string response)
    {
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string[]>>(response, Json);
            return fields?.GetValueOrDefault(ResponseFields.Option) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
