using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Web.Accounts;
using ELearning.Web.Assessments;
using ELearning.Web.Audit;
using ELearning.Web.Certificates;
using ELearning.Web.Cohorts;
using ELearning.Web.Progress;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Trainers;

/// <summary>The trainer area's posts: accommodations and overrides (each with a reason, in the audit log) and trial attempts.</summary>
internal static class TrainerEndpoints
{
    private const decimal MaxTimeFactor = 4;
    private const int MaxExtraMinutes = 600;

    public static IEndpointRouteBuilder MapTrainers(this IEndpointRouteBuilder app)
    {
        var trainer = app.MapGroup("/trainer").RequireAuthorization(p => p.RequireRole(Roles.Trainer, Roles.Admin)).RequireAntiforgery()
            // Posted by browsers: a signed-out trainer is sent to sign in, as on the pages (not .NET 10's API-style 401).
            .AllowCookieRedirect();
        trainer.MapPost("/learners/{userId}/allowances/{course}/{module}/{kind}", GrantAsync);
        trainer.MapPost("/preview/{previewCourse}/{previewModule}/trial", TrialAsync);
        return app;
    }

    /// <summary>Records one grant and its audit entry in one SaveChanges, then drops the learner's cached snapshot.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> GrantAsync(
        string userId, string course, string module, string kind, HttpContext context, AppDbContext db, LearnerRecords records,
        CourseCatalogLoader loader, TimeProvider clock, UserManager<AppUser> users)
    {
        var cancel = context.RequestAborted;
        // Unknown learner, someone else's learner, unknown module: all the same 404.
        if (!await CohortAccess.CanSeeLearnerAsync(db, context.User, userId, cancel)
            || loader.GetCatalog().FindCourse(course)?.FindModule(module) is not { Assessment: not null })
        {
            return TypedResults.NotFound();
        }
        var form = await context.Request.ReadFormAsync(cancel);
        var back = TrainerUrls.Learner(userId, int.TryParse(context.Request.Query["cohort"], out var c) ? c : null);
        var anchor = "#module-" + course + "-" + module;
        var reason = form["reason"].ToString().Trim();
        if (reason.Length == 0)
        {
            return TypedResults.Redirect(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "error=reason" + anchor);
        }
        if (reason.Length > AuditEntry.TextLength)
        {
            return TypedResults.BadRequest();
        }
        var grant = new AllowanceGrant
        {
            UserId = userId, CourseSlug = course, ModuleSlug = module, Reason = reason,
            GrantedById = users.GetUserId(context.User) ?? "", GrantedAt = clock.GetUtcNow().UtcDateTime,
        };
        string action, details;
        switch (kind)
        {
            case "extra-attempt":
                grant.Kind = AllowanceKind.ExtraAttempt;
                grant.ExtraAttempts = 1;
                (action, details) = ("attempt.extra", "+1 attempt");
                break;
            case "extended-time":
                if (!decimal.TryParse(form["factor"], NumberStyles.Number, CultureInfo.InvariantCulture, out var factor) || factor < 1 || factor > MaxTimeFactor
                    || !int.TryParse(form["minutes"], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > MaxExtraMinutes)
                {
                    return TypedResults.BadRequest();
                }
                grant.Kind = AllowanceKind.ExtendedTime;
                grant.TimeFactor = Math.Round(factor, 2);
                grant.ExtraMinutes = minutes;
                (action, details) = ("attempt.time", $"time limit × {grant.TimeFactor.ToString(CultureInfo.InvariantCulture)} + {minutes} min");
                break;
            case "grade":
                grant.Kind = AllowanceKind.GradeOverride;
                var text = form["percent"].ToString().Trim();
                if (text.Length > 0)
                {
                    if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) || percent < 0 || percent > 100
                        || !bool.TryParse(form["passed"], out var passed))
                    {
                        return TypedResults.BadRequest();
                    }
                    grant.GradePercent = Math.Round(percent, 2);
                    grant.GradePassed = passed;
                }
                (action, details) = ("grade.override", grant.GradePercent is { } p
                    ? $"{p.ToString(CultureInfo.InvariantCulture)} % {(grant.GradePassed == true ? "passed" : "not passed")}"
                    : "override withdrawn");
                break;
            default:
                return TypedResults.NotFound();
        }
        db.AllowanceGrants.Add(grant);
        AuditLog.Add(db, context, action, "module", course + "/" + module, reason, details, learnerId: userId);
        // A passing grade override can complete the module or the course: the certificates it makes due are issued in
        // the same transaction, as after a passing submission.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancel))
        {
            await db.SaveChangesAsync(cancel);
            if (grant.GradePassed == true)
            {
                await CertificateIssuing.IssueDueAsync(db, loader.GetCatalog().FindCourse(course)!, userId, grant.GrantedAt, cancel);
            }
            await transaction.CommitAsync(cancel);
        }
        // The learner's next page must see it: their cached snapshot is dropped.
        records.Invalidate(userId);
        return TypedResults.Redirect(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=saved" + anchor);
    }

    /// <summary>
    /// Starts a trainer's trial attempt: it is never counted (not in grades, completion, certificates, reports or the
    /// snapshot), ignores the attempt limit, the delay and the trainer's own locks, and is taken on the ordinary attempt pages.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> TrialAsync(
        string previewCourse, string previewModule, HttpContext context, AppDbContext db, CourseCatalogLoader loader, TimeProvider clock,
        UserManager<AppUser> users)
    {
        if (loader.GetCatalog().FindCourse(previewCourse)?.FindModule(previewModule)?.Assessment is not { } assessment || users.GetUserId(context.User) is not { } userId)
        {
            return TypedResults.NotFound();
        }
        var outcome = await Attempts.StartAsync(db, userId, assessment, null, clock.GetUtcNow().UtcDateTime, Random.Shared, null, context.RequestAborted,
            kind: AttemptKind.Trial);
        return outcome switch
        {
            StartOutcome.Started(var n) => TypedResults.Redirect(AssessmentUrls.Attempt(previewCourse, previewModule, n, 1)),
            StartOutcome.Existing(var n) => TypedResults.Redirect(AssessmentUrls.Attempt(previewCourse, previewModule, n)),
            _ => TypedResults.Redirect(TrainerUrls.Preview(previewCourse, previewModule)),
        };
    }
}
