using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Cohorts;

public sealed class JoinTests
{
    [Fact]
    public async Task ASignedInLearnerJoinsWithAValidCodeAndUsesOneUse()
    {
        using var app = new TestApp();
        using var learner = await app.SignedInAsync("ana@example.eu");
        var id = await app.CreateCohortAsync("Poiana");
        var code = await app.InvitationAsync(id, maxUses: 2);

        using var joined = await learner.SubmitAsync($"/join/{code.ToLowerInvariant()}", TestClient.FormNamed("join"), []);

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal("/courses/thb", joined.Headers.Location!.AbsolutePath);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(id));
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Invitations.Single().Uses)));
        Assert.Contains("cohort.join", await app.AuditActionsAsync());
        // Joining again uses nothing.
        var (status, page) = await learner.GetPageAsync($"/join/{code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("You are in Poiana.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredCodeJoinsNobody()
    {
        using var app = new TestApp();
        using var learner = await app.SignedInAsync("ana@example.eu");
        var id = await app.CreateCohortAsync("Poiana");
        var code = await app.InvitationAsync(id, validFor: TimeSpan.FromDays(-1));

        var (status, page) = await learner.GetPageAsync($"/join/{code}");

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("has expired", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Forms.FirstOrDefault(TestClient.FormNamed("join")));
        Assert.Empty(await app.MemberEmailsAsync(id));
    }

    [Fact]
    public async Task AUsedUpCodeJoinsNobodyEvenWhenItsFormWasOpenBefore()
    {
        using var app = new TestApp();
        using var first = await app.SignedInAsync("ana@example.eu");
        using var second = await app.SignedInAsync("ion@example.eu");
        var id = await app.CreateCohortAsync("Poiana");
        var code = await app.InvitationAsync(id, maxUses: 1);
        var (_, secondsPage) = await second.GetPageAsync($"/join/{code}");
        Assert.NotNull(secondsPage.Forms.FirstOrDefault(TestClient.FormNamed("join")));

        using (var joined = await first.SubmitAsync($"/join/{code}", TestClient.FormNamed("join"), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        }
        var (status, page) = await second.GetPageAsync($"/join/{code}");

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("has been used as many times as it allows", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(id));
    }

    [Fact]
    public async Task AnUnknownCodeIsNotFound()
    {
        using var app = new TestApp();
        using var learner = await app.SignedInAsync("ana@example.eu");
        var (status, _) = await learner.GetPageAsync("/join/NOSUCHCODE");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task AVisitorIsSentToSignInAndBackThenJoins()
    {
        using var app = new TestApp();
        await app.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        var id = await app.CreateCohortAsync("Poiana");
        var code = await app.InvitationAsync(id);
        using var visitor = app.CreateBrowser();

        var (_, page) = await visitor.GetPageAsync($"/join/{code}");
        var signIn = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/Account/Login", StringComparison.Ordinal));
        Assert.Equal($"/Account/Login?ReturnUrl=%2Fjoin%2F{code}", signIn);
        using var login = await visitor.SubmitAsync(signIn, TestClient.FormNamed("login"), [new("Input.Email", "ana@example.eu"), new("Input.Password", TestData.Password)]);
        Assert.Equal($"/join/{code}", login.Headers.Location!.AbsolutePath);

        using var joined = await visitor.SubmitAsync($"/join/{code}", TestClient.FormNamed("join"), []);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(id));
    }
}

public sealed class InvitationOnlyRegistrationTests
{
    private static KeyValuePair<string, string>[] Form(string email, string code) =>
    [
        new("Input.Code", code), new("Input.Email", email), new("Input.DisplayName", "Ana"), new("Input.Country", "RO"),
        new("Input.Profession", "Prosecutor"), new("Input.Institution", "DIICOT"), new("Input.Password", TestData.Password),
        new("Input.ConfirmPassword", TestData.Password),
    ];

    private static TestApp InvitationOnlyApp() => new(settings: new() { ["Accounts:InvitationOnly"] = "true" });

    [Fact]
    public async Task WithoutACodeNoAccountIsCreated()
    {
        using var app = InvitationOnlyApp();
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitAsync("/Account/Register", TestClient.FormNamed("register"), Form("ana@example.eu", ""));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Invitation code is required", body, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task AValidCodeCreatesTheAccountInItsCohort()
    {
        using var app = InvitationOnlyApp();
        var id = await app.CreateCohortAsync("Poiana");
        var code = await app.InvitationAsync(id, maxUses: 1);
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitAsync($"/Account/Register?code={code}", TestClient.FormNamed("register"), Form("ana@example.eu", code));

        Assert.Contains("your account is ready", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(id));
        using var login = await browser.LoginAsync("ana@example.eu", TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Theory]
    [InlineData(1, 1, 7, "This invitation code has been used up.")]
    [InlineData(5, 0, -1, "This invitation code has expired.")]
    public async Task AUsedUpOrExpiredCodeCreatesNoAccount(int maxUses, int uses, int days, string message)
    {
        using var app = InvitationOnlyApp();
        var id = await app.CreateCohortAsync("Poiana");
        var code = await app.InvitationAsync(id, maxUses, uses, TimeSpan.FromDays(days));
        using var browser = app.CreateBrowser();

        using var response = await browser.SubmitAsync("/Account/Register", TestClient.FormNamed("register"), Form("ana@example.eu", code));

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task OpenRegistrationNeedsNoCode()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var (_, page) = await browser.GetPageAsync("/Account/Register");
        Assert.Null(page.QuerySelector("#code"));
        await browser.RegisterAsync("ana@example.eu", TestData.Password);
    }
}
