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
/// Loads what item analysis needs, and nothing more: per attempt its id and maximum, per question row its attempt, id,
/// score and (for choice questions only) the small response JSON. The stored question definitions (large JSON) are
/// never read: option keys come from the current catalog's assessment.
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

    public static async Task<AnalysisData> LoadAsync(
        AppDbContext db, ClaimsPrincipal user, Assessment assessment, int? cohortId, AttemptSelection selection, CancellationToken cancel)
    {
        var attempts = Attempts(db, user, assessment, cohortId, selection);
        var heads = await attempts.Select(a => new { a.Id, a.MaxScore, a.Percent }).ToListAsync(cancel);
        var choiceIds = assessment.Questions.OfType<ChoiceQuestion>().Select(q => q.Id).ToList();
        var rows = await db.AttemptQuestions
            .Where(q => attempts.Select(a => a.Id).Contains(q.AttemptId))
            .Select(q => new { q.AttemptId, q.QuestionId, q.Score, Response = choiceIds.Contains(q.QuestionId) ? q.Response : null })
            .ToListAsync(cancel);
        var byAttempt = rows.GroupBy(r => r.AttemptId).ToDictionary(g => g.Key, g => g.ToList());
        // Choice responses repeat ({"option":["b"]}): each distinct one is parsed once.
        var parsed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var scored = heads.Select(h => new ScoredAttempt(h.MaxScore,
            [.. (byAttempt.GetValueOrDefault(h.Id) ?? []).Select(r => new ItemScore(r.QuestionId, r.Score ?? 0, Chosen(r.Response, parsed)))])).ToList();
        var items = assessment.Questions.Select(q => new AnalysedItem(q.Id, q.Points,
            q is ChoiceQuestion choice ? [.. choice.Options.Select(o => new AnalysedOption(o.Id, o.IsCorrect))] : [])).ToList();
        return new AnalysisData(ItemStatistics.Analyse(items, scored), [.. heads.Select(h => h.Percent ?? 0)]);
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
