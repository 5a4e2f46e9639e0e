using ELearning.Content.Catalog;
using ELearning.Content.Surveys;
using ELearning.Theming;
using ELearning.Web.Courses;
using ELearning.Web.Progress;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Analysis;

/// <summary>
/// Lesson surveys: shown as a form, answered once, stored anonymously (<see cref="SurveyAnswer"/>) apart from the
/// marker that the learner has answered (<see cref="SurveyParticipant"/>).
/// </summary>
internal static class Surveys
{
    /// <summary>Below this many respondents in a cohort, its results are withheld: a group of one or two is not anonymous.</summary>
    public const int MinimumRespondents = 3;

    public static string Anchor(Survey survey) => "survey-" + survey.Id;

    public static string ActionUrl(Lesson lesson, Survey survey) => CourseUrls.Lesson(lesson) + "/surveys/" + Uri.EscapeDataString(survey.Id);

    public static string FieldName(SurveyItem item) => "item." + item.Id;

    /// <summary>Which of the lesson's surveys the learner has answered: one query, and only for lessons with a survey.</summary>
    public static async Task<IReadOnlySet<string>> AnsweredAsync(AppDbContext db, string userId, Lesson lesson, CancellationToken cancel)
    {
        var ids = lesson.Surveys.Select(s => s.Id).ToList();
        if (ids.Count == 0)
        {
            return new HashSet<string>();
        }
        var answered = await db.SurveyParticipants
            .Where(p => p.UserId == userId && p.CourseSlug == lesson.CourseSlug && ids.Contains(p.SurveyId))
            .Select(p => p.SurveyId).ToListAsync(cancel);
        return answered.ToHashSet(StringComparer.Ordinal);
    }

    public static SurveyPart Part(Lesson lesson, Survey survey, bool answered) =>
        new(Anchor(survey), new MarkupString(survey.IntroHtml),
            [.. survey.Items.Select(i => new SurveyItemView(FieldName(i), i.Kind == SurveyItemKind.Likert, new MarkupString(i.PromptHtml)))],
            ActionUrl(lesson, survey), answered);

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        app.MapPost("/courses/{course}/{module}/{lesson}/surveys/{survey}", AnswerAsync).RequireAuthorization().RequireAntiforgery();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound, BadRequest>> AnswerAsync(
        string course, string module, string lesson, string survey, HttpContext context, LearnerContext learner, AppDbContext db)
    {
        var foundLesson = learner.Catalog.FindCourse(course)?.FindModule(module)?.FindLesson(lesson);
        var found = foundLesson?.Surveys.FirstOrDefault(s => s.Id == survey);
        if (foundLesson is null || found is null)
        {
            return TypedResults.NotFound();
        }
        var back = TypedResults.Redirect(CourseUrls.LessonReturn(foundLesson, Anchor(found)));
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var values = new List<(SurveyItem Item, int? Value, string? Text)>();
        foreach (var item in found.Items)
        {
            var posted = form[FieldName(item)];
            if (posted.Count > 1)
            {
                return TypedResults.BadRequest();
            }
            var text = posted.Count == 1 ? posted[0]?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            if (item.Kind == SurveyItemKind.Likert)
            {
                if (text is not ("1" or "2" or "3" or "4" or "5"))
                {
                    return TypedResults.BadRequest();
                }
                values.Add((item, text[0] - '0', null));
            }
            else
            {
                if (text.Length > Survey.MaxTextLength)
                {
                    return TypedResults.BadRequest();
                }
                values.Add((item, null, text));
            }
        }
        if (values.Count == 0)
        {
            // Nothing answered: nothing to record, and the form stays open.
            return back;
        }

        var userId = learner.UserId!;
        var cohorts = await db.CohortMembers.Where(m => m.UserId == userId)
            .Join(db.Cohorts.Where(c => c.CourseSlug == course), m => m.CohortId, c => c.Id, (m, c) => (int?)c.Id)
            .ToListAsync(context.RequestAborted);
        if (cohorts.Count == 0)
        {
            cohorts.Add(null);
        }
        db.SurveyParticipants.Add(new SurveyParticipant { Id = RandomId(), UserId = userId, CourseSlug = course, SurveyId = found.Id });
        foreach (var cohort in cohorts)
        {
            db.SurveyAnswers.AddRange(values.Select(v => new SurveyAnswer
            {
                Id = RandomId(), CourseSlug = course, SurveyId = found.Id, CohortId = cohort, ItemId = v.Item.Id, Value = v.Value, Text = v.Text,
            }));
        }
        try
        {
            // The marker and the answers commit together; the marker's unique index refuses a second submission.
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        return back;
    }

    // Random, not sequential: row order must not tell which answers came with which participant.
    private static long RandomId() => Random.Shared.NextInt64(1, long.MaxValue);
}
