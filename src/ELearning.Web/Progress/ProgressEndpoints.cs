using ELearning.Content.Catalog;
using ELearning.Web.Accounts;
using ELearning.Web.Courses;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace ELearning.Web.Progress;

internal static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder app)
    {
        var lessons = app.MapGroup("/courses/{course}/{module}/{lesson}").RequireAuthorization().RequireAntiforgery();
        lessons.MapPost("/complete", CompleteAsync);
        lessons.MapPost("/questions/{questionId}", AnswerAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> CompleteAsync(
        string course, string module, string lesson, HttpContext context, CourseCatalogLoader loader,
        AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
    {
        if (Find(loader, course, module, lesson) is not { } found)
        {
            return TypedResults.NotFound();
        }
        var userId = users.GetUserId(context.User)!;
        await db.RecordAsync(userId, found, clock.GetUtcNow().UtcDateTime, completed: true, context.RequestAborted);
        return TypedResults.Redirect(CourseUrls.LessonReturn(found, "lesson-status"));
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> AnswerAsync(
        string course, string module, string lesson, string questionId, HttpContext context, CourseCatalogLoader loader,
        AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
    {
        if (Find(loader, course, module, lesson) is not { } found || found.FindQuestion(questionId) is not { } question)
        {
            return TypedResults.NotFound();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var selected = form["option"].Where(v => v is not null).Select(v => v!).ToList();
        // Malformed selections (unknown ids, duplicates, none, several for single choice) are refused, not stored.
        if (question.Grade(selected) is not { } grade)
        {
            return TypedResults.BadRequest();
        }
        db.KnowledgeCheckAnswers.Add(new KnowledgeCheckAnswer
        {
            UserId = users.GetUserId(context.User)!,
            CourseSlug = found.CourseSlug,
            ModuleSlug = found.ModuleSlug,
            LessonSlug = found.Slug,
            QuestionId = question.Id,
            ContentVersion = found.ContentVersion,
            SelectedOptions = string.Join(' ', selected),
            Correct = grade.Correct,
            AnsweredAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(context.RequestAborted);
        return TypedResults.Redirect(CourseUrls.LessonReturn(found, "q-" + question.Id));
    }

    private static Lesson? Find(CourseCatalogLoader loader, string course, string module, string lesson) =>
        loader.GetCatalog().FindCourse(course)?.FindModule(module)?.FindLesson(lesson);
}
