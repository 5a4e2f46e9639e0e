using System.Globalization;
using System.Security.Claims;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Theming;
using ELearning.Web.Assessments;
using ELearning.Web.Cohorts;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Trainers;

/// <summary>Builds <c>/trainer/learners/{id}</c>: one learner's profile, lessons, attempts of every kind, grants and knowledge checks.</summary>
internal static class LearnerRecordViews
{
    public static async Task<LearnerRecordView?> LoadAsync(
        AppDbContext db, LearnerRecords records, CourseCatalog catalog, ClaimsPrincipal viewer, string userId, int? cohortId,
        string? notice, string? error, IStringLocalizer<Strings> l, CancellationToken cancel)
    {
        if (!await CohortAccess.CanSeeLearnerAsync(db, viewer, userId, cancel))
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Email, u.Country, u.Profession, u.Institution }).FirstOrDefaultAsync(cancel);
        if (user is null)
        {
            return null;
        }
        Link? cohortLink = null;
        string? cohortCourse = null;
        if (cohortId is { } cid
            && await CohortAccess.VisibleCohorts(db, viewer).Where(c => c.Id == cid && db.CohortMembers.Any(m => m.CohortId == cid && m.UserId == userId))
                .Select(c => new { c.Name, c.CourseSlug }).FirstOrDefaultAsync(cancel) is { } cohort)
        {
            cohortLink = new Link(cohort.Name, TrainerUrls.Progress(cid));
            cohortCourse = cohort.CourseSlug;
        }
        var record = (await records.GetAsync(db, userId, cancel)).Record;
        var attempts = await db.AssessmentAttempts.AsNoTracking().Where(a => a.UserId == userId)
            .OrderBy(a => a.Number)
            .Select(a => new { a.Id, a.CourseSlug, a.ModuleSlug, a.Number, a.Kind, a.Status, a.StartedAt, a.Deadline, a.SubmittedAt, a.Percent, a.Passed, a.Expired })
            .ToListAsync(cancel);
        var grants = await db.AllowanceGrants.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.Id)
            .Select(g => new
            {
                g.CourseSlug, g.ModuleSlug, g.Kind, g.ExtraAttempts, g.TimeFactor, g.ExtraMinutes, g.GradePercent, g.GradePassed, g.Reason, g.GrantedAt,
                By = db.Users.Where(u => u.Id == g.GrantedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            })
            .ToListAsync(cancel);
        var checks = await db.KnowledgeCheckAnswers.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.CourseSlug, a.ModuleSlug, a.LessonSlug, a.QuestionId, a.Correct, a.AnsweredAt, a.Id })
            .ToListAsync(cancel);

        // The courses of the learner's cohorts, and any other course they have used.
        var cohortCourses = await db.Cohorts.AsNoTracking().Where(c => db.CohortMembers.Any(m => m.CohortId == c.Id && m.UserId == userId))
            .Select(c => c.CourseSlug).ToListAsync(cancel);
        var used = record.Lessons.Select(m => m.Course).Concat(attempts.Select(a => a.CourseSlug)).Concat(grants.Select(g => g.CourseSlug)).Concat(cohortCourses);
        if (cohortCourse is not null)
        {
            used = used.Append(cohortCourse);
        }
        var courseSlugs = used.ToHashSet(StringComparer.Ordinal);
        var modules = new List<LearnerModule>();
        foreach (var course in catalog.Courses.Where(c => courseSlugs.Contains(c.Slug)))
        {
            foreach (var module in course.Modules)
            {
                LearnerAssessment? assessment = null;
                if (module.Assessment is { } a)
                {
                    var grade = record.GradeOf(module);
                    var allowance = record.AllowanceOf(module);
                    assessment = new LearnerAssessment(
                        a.Title,
                        [.. attempts.Where(x => x.CourseSlug == course.Slug && x.ModuleSlug == module.Slug).Select(x => new LearnerAttemptRow(
                            x.Number, x.Kind.ToString(), x.Status == AttemptStatus.InProgress, x.StartedAt, x.SubmittedAt,
                            x.SubmittedAt is { } s ? s - x.StartedAt : null, x.Percent, x.Passed, x.Expired,
                            TrainerUrls.Attempt(userId, x.Id, cohortId)))],
                        grade.Percent, grade.Passed, grade.Overridden,
                        AttemptRules.MaxAttempts(a, allowance),
                        a.TimeLimit,
                        AttemptRules.TimeLimit(a, allowance),
                        [.. grants.Where(g => g.CourseSlug == course.Slug && g.ModuleSlug == module.Slug).Select(g => new GrantRow(
                            g.Kind switch
                            {
                                AllowanceKind.ExtraAttempt => l["GrantExtraAttempt"],
                                AllowanceKind.ExtendedTime => l["GrantExtendedTime"],
                                _ => l["GrantGradeOverride"],
                            },
                            g.Kind switch
                            {
                                AllowanceKind.ExtraAttempt => "+" + g.ExtraAttempts.ToString(CultureInfo.InvariantCulture),
                                AllowanceKind.ExtendedTime => "× " + g.TimeFactor.ToString("0.##", CultureInfo.InvariantCulture) + " + " + l["Minutes", g.ExtraMinutes],
                                _ => g.GradePercent is { } p
                                    ? l["Percent", p.ToString("0.##", CultureInfo.InvariantCulture)] + " · " + (g.GradePassed == true ? l["Passed"] : l["NotPassed"])
                                    : l["GradeOverrideWithdrawn"].Value,
                            },
                            g.Reason, g.By, g.GrantedAt))],
                        TrainerUrls.Grant(userId, course.Slug, module.Slug, "extra-attempt"),
                        TrainerUrls.Grant(userId, course.Slug, module.Slug, "extended-time"),
                        TrainerUrls.Grant(userId, course.Slug, module.Slug, "grade"));
                }
                modules.Add(new LearnerModule(
                    "module-" + course.Slug + "-" + module.Slug, course.Title, module.Title,
                    [.. module.Lessons.Select(lesson => new LessonActivity(lesson.Title, record.MarkOf(lesson)?.FirstOpenedAt, record.MarkOf(lesson)?.CompletedAt))],
                    assessment));
            }
        }
        var tries = checks
            .GroupBy(c => (c.CourseSlug, c.ModuleSlug, c.LessonSlug, c.QuestionId))
            .Select(g =>
            {
                var last = g.MaxBy(c => c.Id)!;
                var lesson = catalog.FindCourse(g.Key.CourseSlug)?.FindModule(g.Key.ModuleSlug)?.FindLesson(g.Key.LessonSlug);
                return new CheckTries(lesson?.Title ?? g.Key.LessonSlug, g.Key.QuestionId, g.Count(), g.Count(c => c.Correct), last.Correct, last.AnsweredAt);
            })
            .OrderBy(c => c.LastAt)
            .ToList();
        return new LearnerRecordView(
            user.DisplayName, user.Email ?? "", user.Country, user.Profession.ToString(), user.Institution, cohortLink, modules, tries,
            notice == "saved" ? l["GrantSaved"].Value : null,
            error == "reason" ? l["GrantReasonRequired"].Value : error is null ? null : l["GrantInvalid"].Value);
    }
}
