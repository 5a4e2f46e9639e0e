using ELearning.Content.Catalog;
using ELearning.Content.Questions;
using ELearning.Web.Certificates;
using ELearning.Web.Courses;
using ELearning.Web.Questions;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ELearning.Web.Progress;

internal static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder app)
    {
        var lessons = app.MapGroup("/courses/{course}/{module}/{lesson}").RequireAuthorization().RequireAntiforgery();
        lessons.MapPost("/complete", CompleteAsync);
        lessons.MapPost("/questions/{questionId}", AnswerAsync);
        lessons.MapPost("/questions/{questionId}/restart", RestartAsync);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> CompleteAsync(
        string course, string module, string lesson, HttpContext context, LearnerContext learner, AppDbContext db, TimeProvider clock)
    {
        if (Find(learner.Catalog, course, module, lesson) is not { } found)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var back = CourseUrls.LessonReturn(found, "lesson-status");
        var foundCourse = learner.Catalog.FindCourse(course)!;
        if (!CertificateIssuing.Applies(foundCourse))
        {
            await db.RecordCompletedAsync(learner.UserId!, found, now, context.RequestAborted);
            learner.Changed();
            return TypedResults.Redirect(back);
        }
        // The completion and the certificates it makes due commit together.
        IReadOnlyList<Certificate> issued;
        await using (var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted))
        {
            await db.RecordCompletedAsync(learner.UserId!, found, now, context.RequestAborted);
            issued = await CertificateIssuing.IssueDueAsync(db, foundCourse, learner.UserId!, now, context.RequestAborted);
            await transaction.CommitAsync(context.RequestAborted);
        }
        learner.Changed();
        return TypedResults.Redirect(issued.Count > 0 ? CertificateUrls.IssuedNotice(issued, back) : back);
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> AnswerAsync(
        string course, string module, string lesson, string questionId, HttpContext context, LearnerContext learner,
        AppDbContext db, TimeProvider clock, QuestionAliases aliases)
    {
        if (Find(learner.Catalog, course, module, lesson) is not { } found || found.FindQuestion(questionId) is not { } question)
        {
            return TypedResults.NotFound();
        }
        var userId = learner.UserId!;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var posted = aliases.For(userId, question).In(QuestionViews.FromForm(form, ""));
        var fields = posted.Fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
        var response = new Response(fields);
        if (question is ScenarioQuestion)
        {
            // A practice case is walked one choice per post; the path so far is the learner's latest stored answer.
            var path = (await learner.SnapshotAsync()).CheckOf(found, question.Id)?.Latest.Values(ResponseFields.Path) ?? [];
            response = response.One(ResponseFields.Choice) is { } choice && fields.Count == 1 ? Response.Of(ResponseFields.Path, [.. path, choice]) : Response.Empty;
        }
        // Malformed responses (unknown or repeated ids, several options for a single choice…) are refused, not stored.
        // An incomplete one (a position left blank) is not an answer yet: back to the question, nothing stored.
        if (fields.Any(f => f.Value.Sum(v => v.Length) > 1000) || !question.Accepts(response))
        {
            return TypedResults.BadRequest();
        }
        if (question.Grade(response) is not { } grade)
        {
            return TypedResults.Redirect(CourseUrls.LessonReturn(found, "q-" + question.Id));
        }
        await StoreAsync(db, userId, found, question, response, grade, clock.GetUtcNow().UtcDateTime, context.RequestAborted);
        learner.Changed();
        return TypedResults.Redirect(CourseUrls.LessonReturn(found, "q-" + question.Id));
    }

    /// <summary>Starts a practice case again (an empty path); earlier walks stay recorded.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> RestartAsync(
        string course, string module, string lesson, string questionId, HttpContext context, LearnerContext learner,
        AppDbContext db, TimeProvider clock)
    {
        if (Find(learner.Catalog, course, module, lesson) is not { } found || found.FindQuestion(questionId) is not ScenarioQuestion scenario)
        {
            return TypedResults.NotFound();
        }
        var empty = Response.Of(ResponseFields.Path);
        await StoreAsync(db, learner.UserId!, found, scenario, empty, scenario.Grade(empty)!, clock.GetUtcNow().UtcDateTime, context.RequestAborted);
        learner.Changed();
        return TypedResults.Redirect(CourseUrls.LessonReturn(found, "q-" + scenario.Id));
    }

    private static async Task StoreAsync(AppDbContext db, string userId, Lesson lesson, Question question, Response response, Grade grade, DateTime now, CancellationToken cancel)
    {
        db.KnowledgeCheckAnswers.Add(new KnowledgeCheckAnswer
        {
            UserId = userId,
            CourseSlug = lesson.CourseSlug,
            ModuleSlug = lesson.ModuleSlug,
            LessonSlug = lesson.Slug,
            QuestionId = question.Id,
            ContentVersion = lesson.ContentVersion,
            Response = QuestionViews.Serialize(response),
            Correct = grade.IsCorrect,
            Score = grade.Score,
            AnsweredAt = now,
        });
        await db.SaveChangesAsync(cancel);
    }

    private static Lesson? Find(CourseCatalog catalog, string course, string module, string lesson) =>
        catalog.FindCourse(course)?.FindModule(module)?.FindLesson(lesson);
}
