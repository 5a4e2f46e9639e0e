using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Cohorts;

/// <summary>
/// Who may open which trainer route that takes a cohort or learner id: every role against every route, in one table.
/// To cover a new route, add a row to <see cref="Routes"/>: the placeholders {cohortA}, {dayA} and {learnerA} are
/// replaced by the ids of cohort A (trained by trainer A, with learner A and an in-person day).
/// </summary>
public sealed class AccessMatrixTests
{
    public enum Who
    {
        Anonymous,
        Learner,
        TrainerOfA,
        TrainerOfB,
        Admin,
    }

    public enum Outcome
    {
        /// <summary>302 to the sign-in page.</summary>
        SignIn,

        /// <summary>302 to the access-denied page (signed in, without the role).</summary>
        Denied,

        /// <summary>404: the id does not exist for this user, so ids cannot be probed.</summary>
        NotFound,
        Ok,
    }

    /// <summary>The usual answer of a route under /trainer that takes an id of cohort A.</summary>
    private static readonly Dictionary<Who, Outcome> TrainerOfAOnly = new()
    {
        [Who.Anonymous] = Outcome.SignIn,
        [Who.Learner] = Outcome.Denied,
        [Who.TrainerOfA] = Outcome.Ok,
        [Who.TrainerOfB] = Outcome.NotFound,
        [Who.Admin] = Outcome.Ok,
    };

    private static readonly (string Route, Dictionary<Who, Outcome> Expected)[] Routes =
    [
        ("/trainer/cohorts/{cohortA}", TrainerOfAOnly),
        ("/trainer/cohorts/{cohortA}/edit", TrainerOfAOnly),
        ("/trainer/cohorts/{cohortA}/days/{dayA}", TrainerOfAOnly),
        // A day of cohort A under cohort B's address: never found, not even by the admin.
        ("/trainer/cohorts/{cohortB}/days/{dayA}", new()
        {
            [Who.Anonymous] = Outcome.SignIn, [Who.Learner] = Outcome.Denied, [Who.TrainerOfA] = Outcome.NotFound,
            [Who.TrainerOfB] = Outcome.NotFound, [Who.Admin] = Outcome.NotFound,
        }),
        ("/trainer/cohorts/999999", new()
        {
            [Who.Anonymous] = Outcome.SignIn, [Who.Learner] = Outcome.Denied, [Who.TrainerOfA] = Outcome.NotFound,
            [Who.TrainerOfB] = Outcome.NotFound, [Who.Admin] = Outcome.NotFound,
        }),
    ];

    [Fact]
    public async Task EveryRoleGetsTheExpectedAnswerOnEveryRouteThatTakesACohortOrLearnerId()
    {
        using var app = new TestApp();
        var browsers = new Dictionary<Who, TestClient>
        {
            [Who.Anonymous] = app.CreateBrowser(),
            [Who.Learner] = await app.SignedInAsync("learner-a@example.eu"),
            [Who.TrainerOfA] = await app.SignedInAsync("trainer-a@example.eu", "Trainer"),
            [Who.TrainerOfB] = await app.SignedInAsync("trainer-b@example.eu", "Trainer"),
            [Who.Admin] = await app.SignedInAsync("admin@example.eu", "Admin"),
        };
        var cohortA = await app.CreateCohortAsync("A", ["trainer-a@example.eu"]);
        var cohortB = await app.CreateCohortAsync("B", ["trainer-b@example.eu"]);
        await app.AddMemberAsync(cohortA, "learner-a@example.eu");
        var dayA = await app.AddDayAsync(cohortA, new DateOnly(2026, 12, 2));
        var ids = new Dictionary<string, string>
        {
            ["{cohortA}"] = cohortA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{cohortB}"] = cohortB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{dayA}"] = dayA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{learnerA}"] = await app.UserIdAsync("learner-a@example.eu"),
        };

        var failures = new List<string>();
        foreach (var (template, expected) in Routes)
        {
            var route = ids.Aggregate(template, (r, id) => r.Replace(id.Key, id.Value, StringComparison.Ordinal));
            foreach (var (who, outcome) in expected)
            {
                using var response = await browsers[who].Http.GetAsync(route);
                var actual = Classify(response);
                if (actual != outcome)
                {
                    failures.Add($"{template} as {who}: expected {outcome}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }
        foreach (var browser in browsers.Values)
        {
            browser.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.All(Routes, r => Assert.Equal(Enum.GetValues<Who>().Length, r.Expected.Count));
    }

    private static Outcome? Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Outcome.Ok,
        HttpStatusCode.NotFound => Outcome.NotFound,
        HttpStatusCode.Redirect when response.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.Ordinal) == true => Outcome.SignIn,
        HttpStatusCode.Redirect when response.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) == true => Outcome.Denied,
        _ => null,
    };
}
