using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Content.Questions;
using ELearning.Theming;
using ELearning.Web.Certificates;
using ELearning.Web.Courses;
using ELearning.Web.Progress;
using ELearning.Web.Questions;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Assessments;

internal static class AssessmentEndpoints
{
    /// <summary>Assessments: the loop that closes attempts whose time ran out.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddSingleton<OverdueAttempts>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueAttempts>());
        return services;
    }

    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        var assessment = app.MapGroup("/courses/{course}/{module}/assessment").RequireAuthorization().RequireAntiforgery();
        assessment.MapPost("/start", StartAsync);
        assessment.MapPost("/attempts/{number:int}/save", SaveAsync);
        assessment.MapPost("/attempts/{number:int}/autosave", AutosaveAsync);
        return app;
    }

    /// <summary>Starts (or resumes) an attempt; a refused start goes back to the assessment page, which says why.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> StartAsync(
        string course, string module, HttpContext context, LearnerContext learner, AppDbContext db, TimeProvider clock)
    {
        if (Find(learner.Catalog, course, module) is not ({ } foundCourse, { } foundModule, { } assessment))
        {
            return TypedResults.NotFound();
        }
        var record = (await learner.SnapshotAsync()).Record;
        var outcome = await Attempts.StartAsync(db, learner.UserId!, assessment, record.LockOf(foundCourse, foundModule),
            clock.GetUtcNow().UtcDateTime, Random.Shared, learner.Catalog, context.RequestAborted, record.AllowanceOf(foundModule));
        learner.Changed();
        return outcome switch
        {
            StartOutcome.Started(var n) => TypedResults.Redirect(AssessmentUrls.Attempt(course, module, n, 1)),
            StartOutcome.Existing(var n) => TypedResults.Redirect(AssessmentUrls.Attempt(course, module, n)),
            _ => TypedResults.Redirect(AssessmentUrls.Overview(course, module)),
        };
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> SaveAsync(
        string course, string module, int number, HttpContext context, LearnerContext learner, AppDbContext db,
        TimeProvider clock, QuestionAliases aliases)
    {
        var post = await ReadAsync(course, module, number, context, learner, db);
        if (post is null)
        {
            return TypedResults.NotFound();
        }
        var (attempt, form) = post.Value;
        var back = AssessmentUrls.Attempt(course, module, number);
        if (attempt.Status == AttemptStatus.Submitted)
        {
            return TypedResults.Redirect(back);
        }
        if (Parse(attempt, form, aliases) is not { } request)
        {
            return TypedResults.BadRequest();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Go == FormFields.Submit)
        {
            await Attempts.SubmitAsync(db, attempt.Id, now, learner.Catalog, context.RequestAborted);
            learner.Changed();
            // The learner lands on their result, as without certificates; the result page says what was issued.
            var issued = await CertificateUrls.IssuedAtAsync(db, learner.UserId!, now, context.RequestAborted);
            return TypedResults.Redirect(issued.Count > 0 ? CertificateUrls.WithIssuedNotice(back, issued) : back);
        }
        var (outcome, _) = await Attempts.SaveAsync(db, attempt, request.Changes, request.Sequence, now, learner.Catalog, context.RequestAborted);
        if (outcome == SaveOutcome.Expired)
        {
            learner.Changed();
        }
        return outcome switch
        {
            SaveOutcome.Saved => TypedResults.Redirect(AssessmentUrls.Attempt(course, module, number, request.Target) + "&notice=saved"),
            SaveOutcome.Stale => TypedResults.Redirect(AssessmentUrls.Attempt(course, module, number, request.Page) + "&notice=stale"),
            _ => TypedResults.Redirect(back),
        };
    }

    /// <summary>The script's save-as-you-go: the same checks as a form post, answered with the new sequence as JSON.</summary>
    private static async Task<Results<Ok<AutosaveReply>, Conflict<AutosaveReply>, NotFound, BadRequest>> AutosaveAsync(
        string course, string module, int number, HttpContext context, LearnerContext learner, AppDbContext db,
        TimeProvider clock, QuestionAliases aliases)
    {
        var post = await ReadAsync(course, module, number, context, learner, db);
        if (post is null)
        {
            return TypedResults.NotFound();
        }
        var (attempt, form) = post.Value;
        if (attempt.Status == AttemptStatus.Submitted)
        {
            return TypedResults.Conflict(new AutosaveReply(attempt.Sequence, "submitted"));
        }
        if (Parse(attempt, form, aliases) is not { Go: not FormFields.Submit } request)
        {
            return TypedResults.BadRequest();
        }
        var (outcome, sequence) = await Attempts.SaveAsync(db, attempt, request.Changes, request.Sequence, clock.GetUtcNow().UtcDateTime, learner.Catalog, context.RequestAborted);
        if (outcome == SaveOutcome.Expired)
        {
            learner.Changed();
        }
        return outcome == SaveOutcome.Saved
            ? TypedResults.Ok(new AutosaveReply(sequence, "saved"))
            : TypedResults.Conflict(new AutosaveReply(sequence, outcome.ToString().ToLowerInvariant()));
    }

    internal sealed record AutosaveReply(long Seq, string Status);

    private sealed record SaveRequest(long Sequence, int Page, int Target, string Go, List<(AttemptQuestion, Response?)> Changes);

    private static async Task<(AssessmentAttempt Attempt, IFormCollection Form)?> ReadAsync(
        string course, string module, int number, HttpContext context, LearnerContext learner, AppDbContext db)
    {
        // An attempt carries its own copy of the questions: it is saved and submitted while the module exists, even
        // when assessment.md is broken or gone.
        if (Find(learner.Catalog, course, module) is not (not null, not null, _))
        {
            return null;
        }
        // Scoped to the signed-in learner: another learner's attempt number simply does not exist here.
        var attempt = await Attempts.FindAsync(db, learner.UserId!, course, module, number);
        if (attempt is null)
        {
            return null;
        }
        return (attempt, await context.Request.ReadFormAsync(context.RequestAborted));
    }

    /// <summary>
    /// Reads the page's answers. Null (400, nothing stored) for anything a real page cannot send: a missing or bad
    /// sequence or page, answers for questions not on this page of this attempt, or a response the question refuses.
    /// </summary>
    private static SaveRequest? Parse(AssessmentAttempt attempt, IFormCollection form, QuestionAliases aliases)
    {
        var pageCount = AttemptPages.Count(attempt);
        if (!long.TryParse(form[FormFields.Sequence], out var sequence) || !int.TryParse(form[FormFields.Page], out var page) || page < 1 || page > pageCount + 1)
        {
            return null;
        }
        var go = form[FormFields.Go].ToString();
        var target = go switch
        {
            FormFields.Next => Math.Min(page + 1, pageCount + 1),
            FormFields.Previous => Math.Max(page - 1, 1),
            FormFields.Save or "" or "autosave" or FormFields.Submit => page,
            _ when go.StartsWith(FormFields.PagePrefix, StringComparison.Ordinal) && int.TryParse(go[FormFields.PagePrefix.Length..], out var k) && k >= 1 && k <= pageCount + 1 => k,
            _ => -1,
        };
        if (target < 0 || (go == FormFields.Submit && page != pageCount + 1))
        {
            return null;
        }
        var onPage = AttemptPages.Questions(attempt, page);
        var known = onPage.Select(q => FormFields.Question(q.QuestionId)).ToList();
        if (form.Keys.Any(k => k.StartsWith(FormFields.QuestionPrefix, StringComparison.Ordinal) && !known.Any(p => k.StartsWith(p, StringComparison.Ordinal))))
        {
            return null;
        }
        var changes = new List<(AttemptQuestion, Response?)>();
        foreach (var question in onPage)
        {
            var definition = QuestionViews.DeserializeQuestion(question.Definition);
            var posted = aliases.For(AttemptViews.AliasScope(attempt), definition).In(QuestionViews.FromForm(form, FormFields.Question(question.QuestionId)));
            Response? response;
            if (definition is ScenarioQuestion scenario)
            {
                // A scenario step is answered by its choice button; the path so far lives on the server.
                if (posted.Fields.Count == 0)
                {
                    continue;
                }
                var path = question.Response is null ? [] : QuestionViews.DeserializeResponse(question.Response).Values(ResponseFields.Path).ToList();
                if (posted.One(ResponseFields.Choice) is not { } choice || posted.Fields.Count != 1 || scenario.Walk([.. path, choice]) is null)
                {
                    return null;
                }
                response = Response.Of(ResponseFields.Path, [.. path, choice]);
            }
            else
            {
                response = posted.IsEmpty ? null : posted;
                if (response is not null && (response.Fields.Any(f => f.Value.Sum(v => v.Length) > 1000) || !definition.Accepts(response)))
                {
                    return null;
                }
            }
            changes.Add((question, response));
        }
        return new SaveRequest(sequence, page, target, go, changes);
    }

    private static (Course?, Module?, Assessment?) Find(CourseCatalog catalog, string course, string module)
    {
        var foundCourse = catalog.FindCourse(course);
        var foundModule = foundCourse?.FindModule(module);
        return (foundCourse, foundModule, foundModule?.Assessment);
    }
}

/// <summary>How an attempt's questions fall into pages.</summary>
internal static class AttemptPages
{
    public static int Count(AssessmentAttempt attempt) => AttemptRules.PageCount(attempt.Questions.Count, attempt.QuestionsPerPage);

    public static List<AttemptQuestion> Questions(AssessmentAttempt attempt, int page) =>
        [.. attempt.Questions.OrderBy(q => q.Position).Take(AttemptRules.PageRange(page, attempt.Questions.Count, attempt.QuestionsPerPage))];
}
