using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Cohorts;

public sealed class CohortPagesTests
{
    private static KeyValuePair<string, string>[] Fields(string name = "Hearing THB victims, Poiana Brașov", string starts = "2026-12-01", string ends = "2026-12-03",
        string days = "2026-12-01, 2026-12-02", string course = "thb", params string[] modules) =>
    [
        new("name", name), new("course", course), new("starts", starts), new("ends", ends), new("place", "Poiana Brașov"),
        new("country", "RO"), new("days", days), .. modules.Select(m => new KeyValuePair<string, string>("modules", m)),
    ];

    [Fact]
    public async Task ATrainerCreatesACohortBecomesItsTrainerAndTheActionIsAudited()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");

        using var created = await trainer.SubmitAsync("/trainer/cohorts/new", TestClient.FormNamed("cohort"), Fields(modules: "hearing"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.ToString();
        var (_, document) = await trainer.GetPageAsync(page);
        var html = document.Body!.TextContent;
        Assert.Contains("Hearing THB victims, Poiana Brașov", html, StringComparison.Ordinal);
        Assert.Contains("Attendance on 2026-12-02", html, StringComparison.Ordinal);
        Assert.Contains("trainer (trainer@example.eu)", html, StringComparison.Ordinal);
        Assert.Contains("Hearing THB victims", await trainer.GetHtmlAsync("/trainer/cohorts"), StringComparison.Ordinal);
        Assert.Equal(["cohort.create"], await app.AuditActionsAsync());
        Assert.Equal("hearing", await app.WithDbAsync(db => Task.FromResult(db.Cohorts.Single().ModuleSlugs)));
    }

    [Theory]
    [InlineData("", "2026-12-01", "2026-12-03", "", "Give the cohort a name")]
    [InlineData("A", "2026-12-05", "2026-12-03", "", "The end date is before the start date.")]
    [InlineData("A", "yesterday", "2026-12-03", "", "Give the start date")]
    [InlineData("A", "2026-12-01", "2026-12-03", "2026-12-09", "2026-12-09 is outside the cohort&#x27;s dates.")]
    [InlineData("A", "2026-12-01", "2026-12-03", "1 Dec", "&#x27;1&#x27; is not a date")]
    public async Task BadInputIsShownOnTheFormAndNothingIsSaved(string name, string starts, string ends, string days, string message)
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");

        using var response = await trainer.SubmitAsync("/trainer/cohorts/new", TestClient.FormNamed("cohort"), Fields(name, starts, ends, days));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Cohorts.Count())));
        Assert.Empty(await app.AuditActionsAsync());
    }

    [Fact]
    public async Task AForgedCourseOrModuleIsAFormErrorNotAServerError()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");

        using var course = await trainer.SubmitAsync("/trainer/cohorts/new", TestClient.FormNamed("cohort"), Fields(course: "no-such-course"));
        Assert.Equal(HttpStatusCode.OK, course.StatusCode);
        Assert.Contains("Choose a course.", await course.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var tooLong = await trainer.SubmitAsync("/trainer/cohorts/new", TestClient.FormNamed("cohort"), Fields(name: new string('x', 500)));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Cohorts.Count())));
    }

    [Fact]
    public async Task EditingKeepsADayThatHasAttendanceAndSavesTheRest()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        var id = await app.CreateCohortAsync("A", ["trainer@example.eu"]);
        await app.AddDayAsync(id, new DateOnly(2026, 12, 2));
        using (var edited = await trainer.SubmitAsync($"/trainer/cohorts/{id}/edit", TestClient.FormNamed("cohort"), Fields(name: "A renamed", days: "2026-12-03")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }
        Assert.Equal([new DateOnly(2026, 12, 3)], await app.WithDbAsync(db => Task.FromResult(db.CohortDays.Select(d => d.Date).ToList())));
        Assert.Equal(["cohort.edit"], await app.AuditActionsAsync());
    }

    [Fact]
    public async Task TrainersListTheirOwnCohortsAndAdminsListAll()
    {
        using var app = new TestApp();
        using var trainerA = await app.SignedInAsync("a@example.eu", "Trainer");
        using var admin = await app.SignedInAsync("admin@example.eu", "Admin");
        await app.CreateUserAsync("b@example.eu", TestData.Password, "Learner", "Trainer");
        await app.CreateCohortAsync("Cohort of A", ["a@example.eu"]);
        await app.CreateCohortAsync("Cohort of B", ["b@example.eu"]);

        var mine = await trainerA.GetHtmlAsync("/trainer/cohorts");
        Assert.Contains("Cohort of A", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Cohort of B", mine, StringComparison.Ordinal);
        var all = await admin.GetHtmlAsync("/trainer/cohorts");
        Assert.Contains("Cohort of A", all, StringComparison.Ordinal);
        Assert.Contains("Cohort of B", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminAddsATrainerWhoThenSeesTheCohort()
    {
        using var app = new TestApp();
        using var admin = await app.SignedInAsync("admin@example.eu", "Admin");
        using var trainer = await app.SignedInAsync("b@example.eu", "Trainer");
        var id = await app.CreateCohortAsync("A");
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetPageAsync($"/trainer/cohorts/{id}")).Status);

        using var added = await admin.SubmitAsync($"/trainer/cohorts/{id}", TestClient.FormNamed("add-trainer"), [new("email", "b@example.eu")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetPageAsync($"/trainer/cohorts/{id}")).Status);
        Assert.Equal(["cohort.trainer.add"], await app.AuditActionsAsync());
        // A trainer cannot add trainers: the form is not there.
        var (_, page) = await trainer.GetPageAsync($"/trainer/cohorts/{id}");
        Assert.Null(page.Forms.FirstOrDefault(TestClient.FormNamed("add-trainer")));
    }

    [Fact]
    public async Task ATrainerAddsAnExistingLearnerByEmailAndRemovesThem()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        var id = await app.CreateCohortAsync("A", ["trainer@example.eu"]);

        using var added = await trainer.SubmitAsync($"/trainer/cohorts/{id}", TestClient.FormNamed("add-learner"), [new("email", "ana@example.eu")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(id));

        var learnerId = await app.UserIdAsync("ana@example.eu");
        using var removed = await trainer.SubmitAsync($"/trainer/cohorts/{id}", TestClient.FormNamed($"remove-member-{learnerId}"), []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await app.MemberEmailsAsync(id));
        Assert.Equal(["cohort.member.add", "cohort.member.remove"], await app.AuditActionsAsync());
    }

    [Fact]
    public async Task AnUnknownAddressIsMailedAnInvitationThatJoinsTheCohortWhenTheyRegister()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        var id = await app.CreateCohortAsync("Poiana Brașov 2026", ["trainer@example.eu"]);

        using var added = await trainer.SubmitAsync($"/trainer/cohorts/{id}", TestClient.FormNamed("add-learner"), [new("email", "new@example.eu")]);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail")));
        var mail = await File.ReadAllTextAsync(file);
        Assert.Contains("new@example.eu", mail, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"https://localhost/join/([A-Z0-9]+)");
        Assert.True(link.Success, mail);
        // The theme's invitation.cshtml (which a deployment can override), not a body built in code.
        var message = MimeKit.MimeMessage.Load(file);
        Assert.Equal("Invitation to join Poiana Brașov 2026 on ELearning", message.Subject);
        Assert.Contains("invites you to join the training group Poiana Brașov 2026 on ELearning.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Or enter the code {link.Groups[1].Value} when you register", message.TextBody, StringComparison.Ordinal);

        using var visitor = app.CreateBrowser();
        var (_, join) = await visitor.GetPageAsync(new Uri(link.Value).PathAndQuery);
        var register = join.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h!.StartsWith("/Account/Register?code=", StringComparison.Ordinal))!;
        using var registered = await visitor.SubmitAsync(register, TestClient.FormNamed("register"),
        [
            new("Input.Code", link.Groups[1].Value), new("Input.Email", "new@example.eu"), new("Input.DisplayName", "Ion"), new("Input.Country", "RO"),
            new("Input.Profession", "Judge"), new("Input.Institution", "Court"), new("Input.Password", TestData.Password),
            new("Input.ConfirmPassword", TestData.Password),
        ]);
        Assert.Contains("your account is ready", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["new@example.eu"], await app.MemberEmailsAsync(id));
    }
}
