using System.Net;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Analysis;

public sealed class SurveyTests
{
    private const string Lesson = "/courses/thb/money/feedback";
    private const string Action = "/courses/thb/money/feedback/surveys/course-feedback";

    private static TestApp WithSurvey() => new(prepare: root => FixtureContent.Write(root, "thb/02-money/02-feedback.md", """
        ---
        title: Your feedback
        summary: Tell us what you thought.
        minutes: 3
        ---

        # Your feedback

        ::: survey id=course-feedback
        - likert: The course was relevant to my work.
        - text: What should we change?
        :::
        """));

    private static async Task<TestClient> SignInAsync(TestApp app, string email)
    {
        var browser = app.CreateBrowser();
        using var response = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    private static async Task AnswerAsync(TestClient learner, string rating, string text)
    {
        using var response = await learner.SubmitAsync(Lesson, Action, ("item.1", rating), ("item.2", text));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<T> QueryAsync<T>(TestApp app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task AnswersAreStoredWithoutTheLearnerAndCountedPerCohort()
    {
        using var app = WithSurvey();
        string[] learners = ["ana@example.eu", "ben@example.eu", "cy@example.eu"];
        foreach (var email in learners.Append("eve@example.eu"))
        {
            await app.CreateUserAsync(email, TestData.Password, "Learner");
        }
        await app.CreateUserAsync("trainer-a@example.eu", TestData.Password, "Learner", "Trainer");
        await app.CreateUserAsync("trainer-b@example.eu", TestData.Password, "Learner", "Trainer");
        var cohortA = await Cohorts.AddAsync(app, "Bucharest prosecutors", ["trainer-a@example.eu"], learners);
        var cohortB = await Cohorts.AddAsync(app, "Brussels police", ["trainer-b@example.eu"], ["eve@example.eu"]);

        var ratings = new[] { "5", "5", "4" };
        for (var i = 0; i < learners.Length; i++)
        {
            using var learner = await SignInAsync(app, learners[i]);
            await AnswerAsync(learner, ratings[i], i == 0 ? "More <b>cases</b> from Spain" : "");
            var (_, page) = await learner.GetPageAsync(Lesson);
            Assert.NotNull(page.QuerySelector("#survey-course-feedback .done"));
            Assert.Null(page.QuerySelector($"form[action='{Action}']"));
        }
        using (var eve = await SignInAsync(app, "eve@example.eu"))
        {
            await AnswerAsync(eve, "1", "Too long");
        }

        // No user id anywhere in the answers: not as a column, not as a value.
        var columns = await QueryAsync(app, db => db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('SurveyAnswers')").ToListAsync());
        Assert.DoesNotContain(columns, c => c.Contains("User", StringComparison.OrdinalIgnoreCase));
        var userIds = await QueryAsync(app, db => db.Users.Select(u => u.Id).ToListAsync());
        var stored = await QueryAsync(app, db => db.SurveyAnswers.Select(a => a.Text ?? "").ToListAsync());
        Assert.DoesNotContain(stored, s => userIds.Any(id => s.Contains(id, StringComparison.Ordinal)));
        Assert.Equal(4, await QueryAsync(app, db => db.SurveyParticipants.CountAsync()));

        using var trainer = await SignInAsync(app, "trainer-a@example.eu");
        var (status, results) = await trainer.GetPageAsync($"/trainer/cohorts/{cohortA}/survey");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("3", results.QuerySelector(".survey-respondents")!.TextContent, StringComparison.Ordinal);
        var cells = results.QuerySelectorAll(".survey-likert tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["0", "0", "0", "1", "2"], cells);
        // Free text is shown as text, escaped; Eve's answer belongs to another cohort.
        var texts = results.QuerySelectorAll(".survey-texts li").Select(li => li.TextContent).ToList();
        Assert.Equal(["More <b>cases</b> from Spain"], texts);

        var (otherStatus, _) = await trainer.GetPageAsync($"/trainer/cohorts/{cohortB}/survey");
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        using var trainerB = await SignInAsync(app, "trainer-b@example.eu");
        var (_, tooFew) = await trainerB.GetPageAsync($"/trainer/cohorts/{cohortB}/survey");
        Assert.NotNull(tooFew.QuerySelector(".survey-withheld"));
        Assert.Empty(tooFew.QuerySelectorAll(".survey-texts li"));
    }

    [Fact]
    public async Task ALearnerCanAnswerOnlyOnceAndForgedValuesAreRefused()
    {
        using var app = WithSurvey();
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        using var ana = await SignInAsync(app, "ana@example.eu");
        var (_, page) = await ana.GetPageAsync(Lesson);
        var token = page.QuerySelector($"form[action='{Action}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpStatusCode> PostToAsync(string url, params (string Name, string Value)[] fields)
        {
            using var content = new FormUrlEncodedContent(fields.Prepend(("__RequestVerificationToken", token))
                .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
            using var response = await ana.Http.PostAsync(url, content);
            return response.StatusCode;
        }

        Task<HttpStatusCode> PostAsync(params (string Name, string Value)[] fields) => PostToAsync(Action, fields);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(("item.1", "6")));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(("item.2", new string('x', 2001))));
        Assert.Equal(HttpStatusCode.NotFound, await PostToAsync(Lesson + "/surveys/nope", ("item.1", "3")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync(("item.1", "4")));
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync(("item.1", "1")));

        var values = await QueryAsync(app, db => db.SurveyAnswers.Select(a => a.Value).ToListAsync());
        Assert.Equal([4], values);
    }
}
