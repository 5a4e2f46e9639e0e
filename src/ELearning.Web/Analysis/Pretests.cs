using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Web.Assessments;
using ELearning.Web.Courses;
using ELearning.Web.Progress;
using ELearning.Web.Questions;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Analysis;

/// <summary>
/// A module's pre-test: its assessment pool taken ungraded before the first lesson, stored as an attempt of kind
/// <see cref="AttemptKind.Pretest"/> with number <see cref="Number"/>, so it never takes a graded attempt's number and
/// at most one exists per learner and module (the unique number index). Skipping stores the same row with no questions.
/// Grades, completion, certificates and reports read graded attempts only.
/// </summary>
internal static class Pretests
{
    public const int Number = -1;

    public static string OfferUrl(string course, string module) => CourseUrls.Module(course, module) + "/pretest";

    /// <summary>Whether the learner has taken, started or skipped the module's pre-test.</summary>
    public static Task<bool> AnsweredAsync(AppDbContext db, string userId, Module module, CancellationToken cancel) =>
        db.AssessmentAttempts.AnyAsync(a => a.UserId == userId && a.CourseSlug == module.CourseSlug && a.ModuleSlug == module.Slug
            && a.Kind == AttemptKind.Pretest, cancel);

    public static IEndpointRouteBuilder MapPretests(this IEndpointRouteBuilder app)
    {
        var pretest = app.MapGroup("/courses/{course}/{module}/pretest").RequireAuthorization().RequireAntiforgery();
        pretest.MapPost("/start", (string course, string module, HttpContext context, LearnerContext learner, AppDbContext db, TimeProvider clock) =>
            CreateAsync(course, module, skip: false, context, learner, db, clock));
        pretest.MapPost("/skip", (string course, string module, HttpContext context, LearnerContext learner, AppDbContext db, TimeProvider clock) =>
            CreateAsync(course, module, skip: true, context, learner, db, clock));
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> CreateAsync(
        string course, string module, bool skip, HttpContext context, LearnerContext learner, AppDbContext db, TimeProvider clock)
    {
        var foundModule = learner.Catalog.FindCourse(course)?.FindModule(module);
        if (foundModule is not { Pretest: true, Assessment: { } assessment, Lessons: [var first, ..] })
        {
            return TypedResults.NotFound();
        }
        var attemptUrl = AssessmentUrls.Attempt(course, module, Number);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = New(learner.UserId!, assessment, now, skip ? [] : AttemptRules.Draw(assessment, new HashSet<string>(), Random.Shared));
        db.AssessmentAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Already taken or skipped (a double click), or a graded attempt is open: go where the learner was heading.
            db.ChangeTracker.Clear();
            var existing = await db.AssessmentAttempts.AsNoTracking()
                .Where(a => a.UserId == learner.UserId && a.CourseSlug == course && a.ModuleSlug == module && a.Number == Number)
                .Select(a => new { a.Status, Questions = a.Questions.Count }).FirstOrDefaultAsync(context.RequestAborted);
            return TypedResults.Redirect(existing is { Status: AttemptStatus.InProgress } ? attemptUrl : CourseUrls.Lesson(first));
        }
        learner.Changed();
        return TypedResults.Redirect(skip ? CourseUrls.Lesson(first) : AssessmentUrls.Attempt(course, module, Number, 1));
    }

    private static AssessmentAttempt New(string userId, Assessment assessment, DateTime now, IReadOnlyList<Content.Questions.Question> drawn) => new()
    {
        UserId = userId,
        CourseSlug = assessment.CourseSlug,
        ModuleSlug = assessment.ModuleSlug,
        Number = Number,
        Kind = AttemptKind.Pretest,
        ContentVersion = assessment.ContentVersion,
        // A skipped pre-test is closed at once, with no score: it is left out of the gain.
        Status = drawn.Count == 0 ? AttemptStatus.Submitted : AttemptStatus.InProgress,
        StartedAt = now,
        SubmittedAt = drawn.Count == 0 ? now : null,
        PassMark = assessment.PassMark,
        // The score only: the graded assessment comes later, so the pre-test never shows its key.
        Review = nameof(ReviewPolicy.Score),
        QuestionsPerPage = Math.Max(1, assessment.QuestionsPerPage),
        MaxScore = drawn.Sum(q => q.Points),
        Questions = Attempts.Stored(drawn, assessment, Random.Shared),
    };
}
