using System.Security.Claims;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Cohorts;

/// <summary>
/// Who may see whom: admins see every learner and cohort; trainers see the cohorts they train and those cohorts'
/// learners; nobody else sees anyone. Every trainer and admin page that takes a learner or cohort id asks here first
/// and answers 404 (not 403) when the answer is no, so ids cannot be probed.
/// </summary>
internal static class CohortAccess
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>Cohorts the user may open: all for an admin, their own for a trainer, none otherwise.</summary>
    public static IQueryable<Cohort> VisibleCohorts(AppDbContext db, ClaimsPrincipal user)
    {
        if (IsAdmin(user))
        {
            return db.Cohorts;
        }
        if (!user.IsInRole(Roles.Trainer) || UserId(user) is not { } userId)
        {
            return db.Cohorts.Where(_ => false);
        }
        return db.Cohorts.Where(c => db.CohortTrainers.Any(t => t.CohortId == c.Id && t.UserId == userId));
    }

    /// <summary>Ids of the learners the user may see: every account for an admin, members of their cohorts for a trainer.</summary>
    public static IQueryable<string> VisibleLearnerIds(AppDbContext db, ClaimsPrincipal user)
    {
        if (IsAdmin(user))
        {
            return db.Users.Select(u => u.Id);
        }
        var cohortIds = VisibleCohorts(db, user).Select(c => c.Id);
        return db.CohortMembers.Where(m => cohortIds.Contains(m.CohortId)).Select(m => m.UserId).Distinct();
    }

    public static Task<bool> CanSeeCohortAsync(AppDbContext db, ClaimsPrincipal user, int cohortId, CancellationToken cancellationToken = default) =>
        VisibleCohorts(db, user).AnyAsync(c => c.Id == cohortId, cancellationToken);

    public static Task<bool> CanSeeLearnerAsync(AppDbContext db, ClaimsPrincipal user, string learnerId, CancellationToken cancellationToken = default) =>
        VisibleLearnerIds(db, user).AnyAsync(id => id == learnerId, cancellationToken);

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
