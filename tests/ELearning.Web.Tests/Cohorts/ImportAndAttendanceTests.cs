using System.Net;
using System.Text;
using ELearning.Web.Cohorts;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Tests.Cohorts;

public sealed class CsvImportTests
{
    private static async Task<HttpResponseMessage> UploadAsync(TestClient browser, int cohortId, string csv)
    {
        var (_, page) = await browser.GetPageAsync($"/trainer/cohorts/{cohortId}");
        var form = page.Forms.First(TestClient.FormNamed("import"));
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "learners.csv");
        return await browser.Http.PostAsync($"/trainer/cohorts/{cohortId}", content);
    }

    [Fact]
    public async Task ABadRowIsReportedWithItsLineNumberAndNothingIsImported()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        var id = await app.CreateCohortAsync("A", ["trainer@example.eu"]);

        using var response = await UploadAsync(trainer, id, """
            email,name,country,profession,institution
            ana@example.eu,Ana,RO,Prosecutor,DIICOT
            ion.example.eu,Ion,RO,Judge,Court
            maria@example.eu,Maria,XX,Police officer,IGPR
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("Nothing was imported", text, StringComparison.Ordinal);
        Assert.Contains("line 3: 'ion.example.eu' is not an email address", text, StringComparison.Ordinal);
        Assert.Contains("line 4: 'XX' is not a country code", text, StringComparison.Ordinal);
        Assert.Empty(await app.MemberEmailsAsync(id));
        Assert.Equal(0, await app.WithDbAsync(db => db.Invitations.CountAsync()));
        Assert.Empty(await app.AuditActionsAsync());
    }

    [Fact]
    public async Task AGoodFileAddsAccountsAndInvitesTheRest()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        var id = await app.CreateCohortAsync("A", ["trainer@example.eu"]);

        using var response = await UploadAsync(trainer, id, "email;profession\r\nANA@example.eu;prosecutor\r\n\r\nion@example.eu;Police officer\r\n");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(id));
        Assert.Equal("ion@example.eu", await app.WithDbAsync(db => db.Invitations.Select(i => i.Email).SingleAsync()));
        Assert.Single(Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail")));
        Assert.Equal(["cohort.member.add", "cohort.invite"], await app.AuditActionsAsync());
    }

    [Theory]
    [InlineData("", "line 1: the file is empty")]
    [InlineData("name,country\nAna,RO\n", "line 1: no 'email' column")]
    [InlineData("email,phone\na@example.eu,1\n", "line 1: unknown column 'phone'")]
    [InlineData("email\na@example.eu\nA@example.eu\n", "line 3: A@example.eu is already on line 2")]
    [InlineData("email,profession\na@example.eu,pilot\n", "line 2: 'pilot' is not a profession")]
    [InlineData("email\n", "line 2: no learners in the file")]
    public void EveryProblemNamesItsLine(string csv, string error)
    {
        var (rows, errors) = CohortImport.Parse(Encoding.UTF8.GetBytes(csv));
        Assert.Contains(errors, e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.True(rows.Count == 0 || errors.Count > 0);
    }
}

public sealed class AttendanceTests
{
    [Fact]
    public async Task EveryMarkOfADayIsSavedInOnePost()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        foreach (var email in new[] { "ana@example.eu", "ion@example.eu", "maria@example.eu" })
        {
            await app.CreateUserAsync(email, TestData.Password, "Learner");
        }
        var id = await app.CreateCohortAsync("A", ["trainer@example.eu"]);
        foreach (var email in new[] { "ana@example.eu", "ion@example.eu", "maria@example.eu" })
        {
            await app.AddMemberAsync(id, email);
        }
        var day = await app.AddDayAsync(id, new DateOnly(2026, 12, 2));
        var url = $"/trainer/cohorts/{id}/days/{day}";
        var (_, page) = await trainer.GetPageAsync(url);
        // One labelled radio group per learner, three choices each.
        Assert.Equal(3, page.QuerySelectorAll("fieldset.attendance__learner legend").Length);
        Assert.All(page.QuerySelectorAll("input[type=radio]"), r => Assert.NotNull(page.QuerySelector($"label[for='{r.Id}']")));

        using var saved = await trainer.SubmitAsync(url, TestClient.FormNamed("attendance"),
        [
            new("status-" + await app.UserIdAsync("ana@example.eu"), "present"),
            new("status-" + await app.UserIdAsync("ion@example.eu"), "absent"),
            new("status-" + await app.UserIdAsync("maria@example.eu"), "excused"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var marks = await app.WithDbAsync(db => db.Attendance.Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Email, a.Status }).ToListAsync());
        Assert.Equal(AttendanceStatus.Present, marks.Single(m => m.Email == "ana@example.eu").Status);
        Assert.Equal(AttendanceStatus.Absent, marks.Single(m => m.Email == "ion@example.eu").Status);
        Assert.Equal(AttendanceStatus.Excused, marks.Single(m => m.Email == "maria@example.eu").Status);
        Assert.Equal(["cohort.attendance"], await app.AuditActionsAsync());
        var (_, after) = await trainer.GetPageAsync(url + "?saved=1");
        Assert.Equal(3, after.QuerySelectorAll("input[type=radio][checked]").Length);
    }

    [Fact]
    public async Task AForgedMarkSavesNothing()
    {
        using var app = new TestApp();
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        await app.CreateUserAsync("ion@example.eu", TestData.Password, "Learner");
        var id = await app.CreateCohortAsync("A", ["trainer@example.eu"]);
        await app.AddMemberAsync(id, "ana@example.eu");
        await app.AddMemberAsync(id, "ion@example.eu");
        var day = await app.AddDayAsync(id, new DateOnly(2026, 12, 2));

        using var response = await trainer.SubmitAsync($"/trainer/cohorts/{id}/days/{day}", TestClient.FormNamed("attendance"),
        [
            new("status-" + await app.UserIdAsync("ana@example.eu"), "present"),
            new("status-" + await app.UserIdAsync("ion@example.eu"), "7"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attendance.CountAsync()));
    }
}
