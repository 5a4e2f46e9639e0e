using ELearning.Web.Assessments;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Analysis;

internal sealed record CohortMemberName(string UserId, string Name);

/// <summary>A cohort's pre-test and post-test percentages by (learner, module), and when its members passed modules.</summary>
internal sealed record CohortGainData(
    IReadOnlyList<CohortMemberName> Members,
    IReadOnlyDictionary<(string UserId, string Module), decimal> Pre,
    IReadOnlyDictionary<(string UserId, string Module), decimal> Post,
    IReadOnlyList<DateTime> Passes);

/// <summary>
/// Knowledge gain: the pre-test against the first graded attempt (the post-test). The first, not the best: one sitting
/// after the lessons is what the pre-test is compared with; the best of several retakes would also measure practice at
/// the test. Skipped or unfinished pre-tests have no score and no gain.
/// </summary>
internal static class GainQuery
{
    public static async Task<CohortGainData> LoadAsync(AppDbContext db, int cohortId, string course, CancellationToken cancel)
    {
        var memberIds = db.CohortMembers.Where(m => m.CohortId == cohortId).Select(m => m.UserId);
        var members = await db.CohortMembers.Where(m => m.CohortId == cohortId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new CohortMemberName(u.Id, u.DisplayName))
            .ToListAsync(cancel);
        var attempts = db.AssessmentAttempts.Where(a => a.CourseSlug == course && a.Status == AttemptStatus.Submitted && memberIds.Contains(a.UserId));
        var pre = await attempts.Where(a => a.Kind == AttemptKind.Pretest && a.Percent != null)
            .Select(a => new { a.UserId, a.ModuleSlug, a.Percent }).ToListAsync(cancel);
        var graded = attempts.Where(a => a.Kind == AttemptKind.Graded);
        var post = await graded
            .Where(a => a.Number == graded.Where(b => b.UserId == a.UserId && b.ModuleSlug == a.ModuleSlug).Min(b => b.Number))
            .Select(a => new { a.UserId, a.ModuleSlug, a.Percent }).ToListAsync(cancel);
        var passes = await graded.Where(a => a.Passed == true)
            .GroupBy(a => new { a.UserId, a.ModuleSlug })
            .Select(g => g.Min(a => a.SubmittedAt)).ToListAsync(cancel);
        return new CohortGainData(
            members,
            pre.ToDictionary(p => (p.UserId, p.ModuleSlug), p => p.Percent!.Value),
            post.Where(p => p.Percent is not null).ToDictionary(p => (p.UserId, p.ModuleSlug), p => p.Percent!.Value),
            [.. passes.OfType<DateTime>().Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc))]);
    }
}
