using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Theming;
using ELearning.Web.Courses;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;

namespace ELearning.Web.Progress;

/// <summary>
/// Prerequisite locks, enforced once for every route under a module (lessons, their posts, knowledge checks, media,
/// the assessment and its attempts): a learner whose module is not open yet gets 403 before any handler runs, so
/// nothing is read out or stored. Keyed on the route values, so a new route under a module is covered without asking.
/// The same check refuses content restricted to cohorts (<c>access: cohort</c>) to everyone outside them.
/// </summary>
internal static class ModuleLocks
{
    // Minimal-API routes name them {course}/{module}; Razor pages {CourseSlug}/{ModuleSlug}.
    private static readonly string[] CourseKeys = ["course", "CourseSlug"];
    private static readonly string[] ModuleKeys = ["module", "ModuleSlug"];

    /// <summary>After authorization: visitors are sent to sign in first.</summary>
    public static IApplicationBuilder UseModuleLocks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // access: cohort: a course or module restricted to its cohorts does not exist for anyone else (404), and
            // visitors are asked to sign in first (they may be members).
            if (Value(context, CourseKeys) is { } slug
                && context.RequestServices.GetRequiredService<LearnerContext>().Catalog.FindCourse(slug) is { } restricted
                && !await Cohorts.CohortAccessRules.MayOpenAsync(context, restricted, Value(context, ModuleKeys)))
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }
                else
                {
                    await context.ChallengeAsync();
                }
                return;
            }
            if (Value(context, CourseKeys) is { } courseSlug && Value(context, ModuleKeys) is { } moduleSlug
                && context.User.Identity?.IsAuthenticated == true
                // Trainers and admins take any module in any order (to check it, or in a trial attempt).
                && !context.User.IsInRole(Accounts.Roles.Trainer) && !context.User.IsInRole(Accounts.Roles.Admin)
                && context.GetEndpoint()?.Metadata.GetMetadata<ShowsLockedModuleAttribute>() is null)
            {
                var learner = context.RequestServices.GetRequiredService<LearnerContext>();
                var course = learner.Catalog.FindCourse(courseSlug);
                if (course?.FindModule(moduleSlug) is { } module
                    && (await learner.SnapshotAsync()).Record.LockOf(course, module) is { } moduleLock)
                {
                    // The status page (re-executed as a GET) says which modules open this one.
                    context.Features.Set(new LockedModule(course, moduleLock));
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
            }
            await next(context);
        });

    /// <summary>The 403 page of a locked module; null when the request was refused for another reason.</summary>
    public static StatusView? View(HttpContext context, IStringLocalizer<Strings> l) =>
        context.Features.Get<LockedModule>() is { } locked
            ? new StatusView(403, l["ModuleLockedTitle"], l["ModuleLocked", string.Join(", ", locked.Lock.Prerequisites.Select(m => m.Title))],
                new Link(locked.Course.Title, CourseUrls.Course(locked.Course.Slug)))
            : null;

    private static string? Value(HttpContext context, string[] keys) =>
        keys.Select(k => context.Request.RouteValues[k] as string).FirstOrDefault(v => v is not null);

    private sealed record LockedModule(Course Course, ModuleLock Lock);
}

/// <summary>
/// Marks the one page under a module that a learner may open while it is locked: the module overview, which shows its
/// title, objectives and what opens it, and no lesson or assessment content.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ShowsLockedModuleAttribute : Attribute;
