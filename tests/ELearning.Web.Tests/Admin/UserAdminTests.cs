using System.Net;
using AngleSharp.Html.Dom;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using ELearning.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Admin;

public sealed class UserAdminTests
{
    private static async Task<string> IdOfAsync(TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static Func<IHtmlFormElement, bool> Form(string action, string? role = null) =>
        f => f.GetAttribute("action") == action
            && (role is null || f.QuerySelector("input[name=role]")?.GetAttribute("value") == role);

    private static async Task<HttpResponseMessage> PostAsync(TestClient admin, string id, string path, string? role = null, params (string, string)[] fields) =>
        await admin.SubmitAsync($"/admin/users/{id}", Form($"/admin/users/{id}/{path}", role),
            fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

    private static async Task<List<(string Action, string Reason, string Details, string? Learner)>> AuditAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return [.. (await db.AuditLog.OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Action, e.Reason, e.Details, e.LearnerId))];
    }

    [Fact]
    public async Task EveryUserActionIsAuditedWithItsReason()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = "https://learn.example.org/" });
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");
        using var ana = app.CreateBrowser();
        await ana.SignUpAndInAsync("ana@example.eu");
        var id = await IdOfAsync(app, "ana@example.eu");

        using (var grant = await PostAsync(admin, id, "roles", "Trainer", ("reason", "Runs the Brașov session")))
        {
            Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        }
        var (_, page) = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Contains("Trainer", page.QuerySelector(".user-facts")!.TextContent, StringComparison.Ordinal);
        (await PostAsync(admin, id, "roles", "Trainer", ("reason", "Session over"))).Dispose();
        (await PostAsync(admin, id, "lock", null, ("reason", "Shared her password"))).Dispose();

        // Locked: her session ended and she cannot sign in again.
        using (var locked = await ana.Http.GetAsync("/me"))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }
        using (var again = await ana.LoginAsync("ana@example.eu", TestData.Password))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        }
        (await PostAsync(admin, id, "unlock", null, ("reason", "New password agreed"))).Dispose();
        (await PostAsync(admin, id, "reset-link")).Dispose();

        var mails = Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail"));
        Assert.Contains(mails, m => File.ReadAllText(m).Contains("https://learn.example.org/Account/ResetPassword", StringComparison.Ordinal));
        Assert.Equal(
        [
            ("role.grant", "Runs the Brașov session", "Trainer", id),
            ("role.revoke", "Session over", "Trainer", id),
            ("user.lock", "Shared her password", "", id),
            ("user.unlock", "New password agreed", "", id),
            ("user.reset-link", "", "", id),
        ], await AuditAsync(app));

        var (auditStatus, audit) = await admin.GetPageAsync($"/admin/audit?action=role&learner={id}");
        Assert.Equal(HttpStatusCode.OK, auditStatus);
        Assert.Equal(2, audit.QuerySelectorAll(".report-table tbody tr").Length);
        using var csv = await admin.Http.GetAsync("/admin/audit.csv?action=user.lock");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Shared her password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Session over", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockWithoutAReasonIsRefusedAndNotAudited()
    {
        using var app = new TestApp();
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        var id = await IdOfAsync(app, "ana@example.eu");
        using var response = await PostAsync(admin, id, "lock", null, ("reason", " "));
        Assert.EndsWith("result=reason", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(app));
    }

    [Fact]
    public async Task AnAdminCannotDropTheirOwnAdminRoleNorEraseThemselvesAsTheLastAdmin()
    {
        using var app = new TestApp();
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");
        var id = await IdOfAsync(app, "admin@example.eu");

        using (var revoke = await PostAsync(admin, id, "roles", "Admin", ("reason", "oops")))
        {
            Assert.EndsWith("result=self", revoke.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using (var erase = await PostAsync(admin, id, "erase", null, ("reason", "leaving"), ("confirm", "admin@example.eu")))
        {
            Assert.EndsWith("result=last-admin", erase.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        var (_, page) = await admin.GetPageAsync($"/admin/users/{id}?result=last-admin");
        Assert.Contains("last administrator", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(app));

        // With a second administrator, leaving is allowed (and the other one keeps the site).
        await app.CreateUserAsync("second@example.eu", TestData.Password, "Admin");
        using (var erase = await PostAsync(admin, id, "erase", null, ("reason", "leaving"), ("confirm", "admin@example.eu")))
        {
            Assert.Equal("/", erase.Headers.Location!.ToString());
        }
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Id == id));
    }

    [Fact]
    public async Task ErasureDeletesPersonalDataButKeepsWhatCertificateVerificationNeeds()
    {
        using var app = ReportFixture.CreateApp();
        var ids = await ReportFixture.SeedAsync(app);
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");
        var ana = ids["ana"];
        (await PostAsync(admin, ana, "roles", "Trainer", ("reason", "before"))).Dispose();

        using (var wrong = await PostAsync(admin, ana, "erase", null, ("reason", "Art. 17 request"), ("confirm", "someone@example.eu")))
        {
            Assert.True(wrong.Headers.Location is not null, wrong.StatusCode + await wrong.Content.ReadAsStringAsync());
            Assert.EndsWith("result=confirm", wrong.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using (var erase = await PostAsync(admin, ana, "erase", null, ("reason", "Art. 17 request"), ("confirm", "ana@example.eu")))
        {
            Assert.True(erase.Headers.Location is not null, erase.StatusCode + await erase.Content.ReadAsStringAsync());
            Assert.Equal("/admin/users?result=user.erase", erase.Headers.Location!.ToString());
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == ana);
            Assert.Null(user.Email);
            Assert.Null(user.PasswordHash);
            Assert.Equal("", user.Institution);
            Assert.Equal("", user.Country);
            Assert.DoesNotContain("ana", user.UserName!, StringComparison.Ordinal);
            Assert.False(await db.LessonProgress.AnyAsync(p => p.UserId == ana));
            Assert.False(await db.AssessmentAttempts.AnyAsync(a => a.UserId == ana));
            Assert.False(await db.CohortMembers.AnyAsync(m => m.UserId == ana));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == ana));
            // The certificate still verifies: code, holder, title and dates are untouched.
            var certificate = await db.Certificates.SingleAsync(c => c.Code == "ANA1");
            Assert.Equal("Holder ANA1", certificate.HolderName);
            Assert.Equal("Countering trafficking", certificate.Title);
            Assert.Null(certificate.RevokedAt);
            // The audit log keeps its entries, erasure included.
            Assert.Equal(["role.grant", "user.erase"], await db.AuditLog.Where(e => e.LearnerId == ana).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        }

        // dan holds no certificate: his row goes entirely.
        var dan = ids["dan"];
        (await PostAsync(admin, dan, "erase", null, ("reason", "Left the service"), ("confirm", "dan@example.eu"))).Dispose();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == dan));
            Assert.False(await db.Attendance.AnyAsync(a => a.UserId == dan));
        }

        // The erased account cannot sign in, is gone from the list and its page, and reports still add up without it.
        using var browser = app.CreateBrowser();
        using (var login = await browser.LoginAsync("ana@example.eu", TestData.Password))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
        }
        var (_, list) = await admin.GetPageAsync("/admin/users?q=ana");
        Assert.Contains("No account matches.", list.Body!.TextContent, StringComparison.Ordinal);
        var (status, _) = await admin.GetPageAsync($"/admin/users/{ana}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task TheUserListSearchesByNameEmailOrInstitutionAndPages()
    {
        using var app = ReportFixture.CreateApp();
        await ReportFixture.SeedAsync(app);
        using var admin = await ReportFixture.SignInAsync(app, "admin@example.eu", "Admin");

        var (_, byInstitution) = await admin.GetPageAsync("/admin/users?q=" + Uri.EscapeDataString("Parchetul"));
        Assert.Equal(["ben", "cara", "dan"], byInstitution.QuerySelectorAll(".report-table tbody th").Select(t => t.TextContent.Trim()).ToArray());
        var (_, byEmail) = await admin.GetPageAsync("/admin/users?q=cara%40example");
        Assert.Single(byEmail.QuerySelectorAll(".report-table tbody tr"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            for (var i = 0; i < 55; i++)
            {
                await users.CreateAsync(new AppUser { UserName = $"p{i:00}@example.eu", Email = $"p{i:00}@example.eu", DisplayName = $"Participant {i:00}", RegisteredAt = DateTime.UtcNow });
            }
        }
        var (_, first) = await admin.GetPageAsync("/admin/users?q=Participant");
        Assert.Equal(50, first.QuerySelectorAll(".report-table tbody tr").Length);
        Assert.Contains("Page 1 of 2", first.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        var (_, second) = await admin.GetPageAsync("/admin/users?q=Participant&page=2");
        Assert.Equal(5, second.QuerySelectorAll(".report-table tbody tr").Length);
    }
}
