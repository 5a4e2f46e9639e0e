using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ELearning.Web.Assessments;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Certificates;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Cohorts;

/// <summary>
/// Who may open or post to which route that takes an id: every role against every route, in one table. The routes come
/// from the app itself: a new route under /trainer, /admin or /me with a parameter fails
/// <see cref="EveryRouteWithAParameterHasARow"/> until it has a row here. Placeholders such as {cohortA} are replaced by
/// the ids of the world built below: cohort A (trainer A, learner A, an in-person day, an invitation, learner A's graded
/// attempt and certificate) and cohort B (trainer B, learner B).
/// </summary>
public sealed partial class AccessMatrixTests
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

        /// <summary>404 with the status page: the id does not exist for this user, so ids cannot be probed.</summary>
        NotFound,

        /// <summary>200 (a page or a file).</summary>
        Ok,

        /// <summary>400: a form this user is not given (the access check passed).</summary>
        BadRequest,

        /// <summary>A POST that was let through: 200 (the form again, with its message) or a redirect elsewhere.</summary>
        Done,
    }

    private static readonly Dictionary<Who, Outcome> TrainerOfAOnly = Expect(Outcome.SignIn, Outcome.Denied, Outcome.Ok, Outcome.NotFound, Outcome.Ok);

    private static readonly Dictionary<Who, Outcome> PostByTrainerOfA = Expect(Outcome.SignIn, Outcome.Denied, Outcome.Done, Outcome.NotFound, Outcome.Done);

    private static readonly Dictionary<Who, Outcome> AnyTrainer = Expect(Outcome.SignIn, Outcome.Denied, Outcome.Ok, Outcome.Ok, Outcome.Ok);

    private static readonly Dictionary<Who, Outcome> NobodyFinds = Expect(Outcome.SignIn, Outcome.Denied, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound);

    private static readonly Dictionary<Who, Outcome> AdminOnly = Expect(Outcome.SignIn, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Ok);

    private static readonly Dictionary<Who, Outcome> PostByAdmin = Expect(Outcome.SignIn, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Done);

    /// <summary>The holder's own certificate: admins may open it for support; trainers are not its holder.</summary>
    private static readonly Dictionary<Who, Outcome> Holder = Expect(Outcome.SignIn, Outcome.Ok, Outcome.NotFound, Outcome.NotFound, Outcome.Ok);

    private static Dictionary<Who, Outcome> Expect(Outcome anonymous, Outcome learner, Outcome trainerOfA, Outcome trainerOfB, Outcome admin) => new()
    {
        [Who.Anonymous] = anonymous, [Who.Learner] = learner, [Who.TrainerOfA] = trainerOfA, [Who.TrainerOfB] = trainerOfB, [Who.Admin] = admin,
    };

    private const string NotFoundMessage = "There is nothing at this address.";

    private sealed record Row(string Method, string Route, Dictionary<Who, Outcome> Expected, params (string Name, string Value)[] Form);

    private static readonly Row[] Routes =
    [
        // Cohorts (Web/Cohorts): pages and their form posts.
        new("GET", "/trainer/cohorts/{cohortA}", TrainerOfAOnly),
        new("GET", "/trainer/cohorts/999999", NobodyFinds),
        new("POST", "/trainer/cohorts/{cohortA}", PostByTrainerOfA, ("_handler", "invite"), ("uses", "5"), ("days", "7")),
        // Adding a trainer is the admin's: a trainer of the cohort is not given that form, so posting it is a bad request.
        new("POST", "/trainer/cohorts/{cohortA}", Expect(Outcome.SignIn, Outcome.Denied, Outcome.BadRequest, Outcome.NotFound, Outcome.Done),
            ("_handler", "add-trainer"), ("email", "nobody@example.eu")),
        new("GET", "/trainer/cohorts/{cohortA}/edit", TrainerOfAOnly),
        new("POST", "/trainer/cohorts/{cohortA}/edit", PostByTrainerOfA, ("_handler", "cohort"), ("Name", "")),
        new("GET", "/trainer/cohorts/{cohortA}/days/{dayA}", TrainerOfAOnly),
        new("POST", "/trainer/cohorts/{cohortA}/days/{dayA}", PostByTrainerOfA, ("_handler", "attendance"), ("status-{learnerA}", "present")),
        // A day of cohort A under cohort B's address: never found, not even by the admin.
        new("GET", "/trainer/cohorts/{cohortB}/days/{dayA}", NobodyFinds),
        new("POST", "/trainer/cohorts/{cohortB}/days/{dayA}", NobodyFinds, ("_handler", "attendance"), ("status-{learnerA}", "present")),

        // Trainer pages (Web/Trainers).
        new("GET", "/trainer/cohorts/{cohortA}/progress", TrainerOfAOnly),
        new("GET", "/trainer/learners/{learnerA}", TrainerOfAOnly),
        new("GET", "/trainer/learners/{learnerA}?cohort={cohortB}", TrainerOfAOnly),
        new("GET", "/trainer/learners/{learnerA}/attempts/{attemptA}", TrainerOfAOnly),
        // Learner A's attempt under learner B's address: as absent as an unknown one.
        new("GET", "/trainer/learners/{learnerB}/attempts/{attemptA}", NobodyFinds),
        new("POST", "/trainer/learners/{learnerA}/allowances/thb/hearing/extended-time", PostByTrainerOfA,
            ("reason", "Dyslexia"), ("factor", "1.5"), ("minutes", "0")),
        new("POST", "/trainer/learners/{learnerA}/allowances/thb/nowhere/extra-attempt", NobodyFinds, ("reason", "Unknown module")),
        // Previews show content, not people: every trainer may open them.
        new("GET", "/trainer/preview/thb/hearing", AnyTrainer),
        new("GET", "/trainer/preview/thb/hearing/first", AnyTrainer),
        new("POST", "/trainer/preview/thb/hearing/trial", Expect(Outcome.SignIn, Outcome.Denied, Outcome.Done, Outcome.Done, Outcome.Done)),

        // Analysis (Web/Analysis).
        new("GET", "/trainer/cohorts/{cohortA}/gain", TrainerOfAOnly),
        new("GET", "/trainer/cohorts/{cohortA}/survey", TrainerOfAOnly),
        new("GET", "/trainer/analysis/thb/hearing", AnyTrainer),
        new("GET", "/trainer/analysis/thb/hearing?cohort={cohortA}", TrainerOfAOnly),

        // Reports (Web/Reports): the trainer's twin is scoped to their cohorts; /admin is the admin's alone.
        new("GET", "/trainer/reports/project/{cohortA}", TrainerOfAOnly),
        new("GET", "/trainer/reports/project/{cohortA}.csv", TrainerOfAOnly),
        new("GET", "/admin/reports/project/{cohortA}", AdminOnly),
        new("GET", "/admin/reports/project/{cohortA}.csv", AdminOnly),

        // Users (Web/Admin): learner B is the subject, so learner A's browser stays signed in. Each post is refused
        // by the action itself (no reason, wrong confirmation) where it would otherwise change the world.
        new("GET", "/admin/users/{learnerB}", AdminOnly),
        new("POST", "/admin/users/{learnerB}/roles", PostByAdmin, ("role", "Nobody"), ("grant", "true"), ("reason", "test")),
        new("POST", "/admin/users/{learnerB}/lock", PostByAdmin, ("reason", "")),
        new("POST", "/admin/users/{learnerB}/unlock", PostByAdmin, ("reason", "test")),
        new("POST", "/admin/users/{learnerB}/reset-link", PostByAdmin),
        new("POST", "/admin/users/{learnerB}/erase", PostByAdmin, ("reason", "test"), ("confirm", "not-the-email")),
        new("POST", "/admin/users/unknown-user/lock", Expect(Outcome.SignIn, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.NotFound), ("reason", "x")),

        // Certificates: the holder's documents, and the admin's actions (refused without a reason / with no change).
        new("GET", "/me/certificates/{certificateA}", Holder),
        new("GET", "/me/certificates/{certificateA}.pdf", Holder),
        // The signed credential is the holder's to present: nobody else downloads it, not even an admin.
        new("GET", "/me/certificates/{certificateA}.jwt", Expect(Outcome.SignIn, Outcome.Ok, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound)),
        new("GET", "/me/certificates/UNKNOWN0000", Expect(Outcome.SignIn, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound)),
        new("POST", "/admin/certificates/{certificateA}/revoke", PostByAdmin, ("reason", "")),
        new("POST", "/admin/certificates/{certificateA}/reissue", PostByAdmin, ("reason", "test")),

        // Invitations: the join page is public (it offers sign-in or registration); an unknown code is 404 for all.
        new("GET", "/join/{invitationA}", Expect(Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok)),
        new("GET", "/join/NOSUCHCODE", Expect(Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound)),
    ];

    [Fact]
    public async Task EveryRoleGetsTheExpectedAnswerOnEveryRouteThatTakesAnId()
    {
        using var app = NewApp();
        var (browsers, ids) = await BuildWorldAsync(app);

        var failures = new List<string>();
        foreach (var row in Routes)
        {
            var route = Fill(row.Route, ids);
            foreach (var (who, expected) in row.Expected)
            {
                using var response = row.Method == "GET"
                    ? await browsers[who].Browser.Http.GetAsync(route)
                    : await browsers[who].Browser.Http.PostAsync(route, new FormUrlEncodedContent(
                        [new("__RequestVerificationToken", browsers[who].Token), .. row.Form.Select(f => new KeyValuePair<string, string>(Fill(f.Name, ids), Fill(f.Value, ids)))]));
                var actual = Classify(response, row.Method);
                var body = await response.Content.ReadAsStringAsync();
                // A 404 is the normal status page, never a page that renders its own content under that code.
                if (actual == Outcome.NotFound && (!body.Contains(NotFoundMessage, StringComparison.Ordinal) || Regex.Count(body, "<h1[ >]") != 1))
                {
                    failures.Add($"{row.Method} {row.Route} as {who}: 404 without the status page");
                }
                if (actual != expected)
                {
                    failures.Add($"{row.Method} {row.Route} as {who}: expected {expected}, got {actual?.ToString() ?? "?"} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }
        foreach (var (browser, _) in browsers.Values)
        {
            browser.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.All(Routes, r => Assert.Equal(Enum.GetValues<Who>().Length, r.Expected.Count));
    }

    /// <summary>
    /// Every route of the app (pages and endpoints) under /trainer, /admin or /me that has a parameter, with each HTTP
    /// method an endpoint declares, must have a row: a new route cannot ship without its access decided here.
    /// </summary>
    [Fact]
    public void EveryRouteWithAParameterHasARow()
    {
        using var app = new TestApp();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.RoutePattern.Parameters.Count == 0 || !Regex.IsMatch(pattern, "^/(trainer|admin|me)(/|$)", RegexOptions.IgnoreCase))
            {
                continue;
            }
            // Razor component pages answer GET and POST (their forms); minimal endpoints declare theirs.
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
            foreach (var method in isPage ? ["GET"] : methods)
            {
                var shape = Matcher(pattern);
                if (!Routes.Any(r => r.Method == method && shape.IsMatch(r.Route.Split('?')[0])))
                {
                    missing.Add($"{method} {pattern}");
                }
            }
        }
        Assert.True(missing.Count == 0, "Routes without a row in the access matrix:\n" + string.Join('\n', missing.Distinct()));
    }

    /// <summary>A page whose forms post to itself needs its POST in the table too: found by reading each page as the admin.</summary>
    [Fact]
    public async Task EveryPageWithAFormHasAPostRow()
    {
        using var app = NewApp();
        var (browsers, ids) = await BuildWorldAsync(app);
        var admin = browsers[Who.Admin].Browser;
        var posted = Routes.Where(r => r.Method == "POST").Select(r => r.Route.Split('?')[0]).ToHashSet();
        var missing = new List<string>();
        var parser = new HtmlParser();
        foreach (var row in Routes.Where(r => r.Method == "GET" && r.Expected[Who.Admin] == Outcome.Ok && r.Route.StartsWith("/trainer", StringComparison.Ordinal)))
        {
            var route = Fill(row.Route, ids);
            var page = parser.ParseDocument(await admin.GetHtmlAsync(route));
            var path = route.Split('?')[0];
            if (page.Forms.Any(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                    && (string.IsNullOrEmpty(f.GetAttribute("action")) || f.GetAttribute("action") == path)) && !posted.Contains(row.Route.Split('?')[0]))
            {
                missing.Add(row.Route);
            }
        }
        foreach (var (browser, _) in browsers.Values)
        {
            browser.Dispose();
        }
        Assert.True(missing.Count == 0, "Pages with forms but no POST row:\n" + string.Join('\n', missing));
    }

    private static TestApp NewApp() => new(
        settings: new() { ["App:PublicUrl"] = "https://learn.example.org/" },
        prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));

    private static async Task<(Dictionary<Who, (TestClient Browser, string Token)> Browsers, Dictionary<string, string> Ids)> BuildWorldAsync(TestApp app)
    {
        var browsers = new Dictionary<Who, TestClient>
        {
            [Who.Anonymous] = app.CreateBrowser(),
            [Who.Learner] = await app.SignedInAsync("learner-a@example.eu"),
            [Who.TrainerOfA] = await app.SignedInAsync("trainer-a@example.eu", "Trainer"),
            [Who.TrainerOfB] = await app.SignedInAsync("trainer-b@example.eu", "Trainer"),
            [Who.Admin] = await app.SignedInAsync("admin@example.eu", "Admin"),
        };
        await app.CreateUserAsync("learner-b@example.eu", TestData.Password, "Learner");
        var cohortA = await app.CreateCohortAsync("A", ["trainer-a@example.eu"]);
        var cohortB = await app.CreateCohortAsync("B", ["trainer-b@example.eu"]);
        await app.AddMemberAsync(cohortA, "learner-a@example.eu");
        await app.AddMemberAsync(cohortB, "learner-b@example.eu");
        var dayA = await app.AddDayAsync(cohortA, new DateOnly(2026, 12, 2));
        var invitation = await app.InvitationAsync(cohortA);
        var certificate = await CertificateDocumentTests.IssueAsync(app, "learner-a@example.eu", "7KQM2XRTW4HNJ9PCB6DFGZVS3YAB");

        // Learner A's graded attempt, taken as a learner takes it.
        var driver = new AttemptDriver(browsers[Who.Learner]);
        using (var submitted = await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        var learnerA = await app.UserIdAsync("learner-a@example.eu");
        var attemptA = await app.WithDbAsync(db => db.AssessmentAttempts.Where(a => a.UserId == learnerA && a.Kind == AttemptKind.Graded).Select(a => a.Id).SingleAsync());

        var ids = new Dictionary<string, string>
        {
            ["{cohortA}"] = cohortA.ToString(CultureInfo.InvariantCulture),
            ["{cohortB}"] = cohortB.ToString(CultureInfo.InvariantCulture),
            ["{dayA}"] = dayA.ToString(CultureInfo.InvariantCulture),
            ["{learnerA}"] = learnerA,
            ["{learnerB}"] = await app.UserIdAsync("learner-b@example.eu"),
            ["{attemptA}"] = attemptA.ToString(CultureInfo.InvariantCulture),
            ["{certificateA}"] = certificate,
            ["{invitationA}"] = invitation,
        };
        // Each browser's own antiforgery token (from a form it may see), so that access, not antiforgery, decides a post.
        var withTokens = new Dictionary<Who, (TestClient, string)>();
        foreach (var (who, browser) in browsers)
        {
            var (_, page) = await browser.GetPageAsync(who == Who.Anonymous ? "/Account/Login" : "/Account/Manage");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token for {who}");
            withTokens[who] = (browser, token!);
        }
        return (withTokens, ids);
    }

    private static string Fill(string template, Dictionary<string, string> ids) =>
        ids.Aggregate(template, (r, id) => r.Replace(id.Key, id.Value, StringComparison.Ordinal));

    /// <summary>
    /// A route pattern as a regular expression over the table's routes: a parameter matches any text within its segment
    /// (a placeholder such as {cohortA}, or a literal slug), a catch-all anything.
    /// </summary>
    private static Regex Matcher(string pattern) =>
        new("^" + string.Concat(Parameter().Split(pattern).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : part.StartsWith('*') ? ".*" : "[^/]+")) + "$");

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Parameter();

    private static Outcome? Classify(HttpResponseMessage response, string method)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK when method == "POST" => Outcome.Done,
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.BadRequest => Outcome.BadRequest,
            HttpStatusCode.Redirect when location.Contains("/Account/Login", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/Account/AccessDenied", StringComparison.Ordinal) => Outcome.Denied,
            HttpStatusCode.Redirect or HttpStatusCode.SeeOther when method == "POST" => Outcome.Done,
            _ => null,
        };
    }
}
