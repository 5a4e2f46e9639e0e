using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Accounts;

public sealed class TwoFactorTests
{
    private const string Step = "/Account/Login/two-factor";

    private static async Task<int> SessionCountAsync(TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.UserSessions.CountAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email));
    }

    private static async Task SignOutAsync(TestClient browser, string page = "/Account/Manage")
    {
        using var logout = await browser.SubmitAsync(page, "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }

    /// <summary>The password step: returns where it sent the browser.</summary>
    private static async Task<string> PasswordStepAsync(TestClient browser, string email)
    {
        using var response = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return TestClient.LocalPath(response.Headers.Location)!;
    }

    [Fact]
    public async Task ALearnerWhoTurnsOnTwoStepSignInMustGiveTheAppsCodeAndIsOnlySignedInOnceItIsRight()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (key, _) = await browser.EnrolTwoFactorAsync();
        Assert.Contains("Two-step sign-in is on", await browser.GetHtmlAsync("/Account/Manage"), StringComparison.Ordinal);
        await SignOutAsync(browser);

        var step = await PasswordStepAsync(browser, "ana@example.eu");
        Assert.StartsWith(Step, step, StringComparison.Ordinal);
        // The password alone opens no session and no page.
        Assert.Equal(0, await SessionCountAsync(app, "ana@example.eu"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/me")).Status);

        using (var wrong = await browser.SubmitSecondStepAsync(step, "000000" == Authenticator.Code(key) ? "111111" : "000000"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/me")).Status);

        using (var right = await browser.SubmitSecondStepAsync(step, Authenticator.Code(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/", TestClient.LocalPath(right.Headers.Location));
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/me")).Status);
        Assert.Equal(1, await SessionCountAsync(app, "ana@example.eu"));
    }

    [Fact]
    public async Task TheCodeStepIsRefusedWithoutTheRightPasswordFirst()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var (status, _) = await browser.GetPageAsync(Step);
        Assert.Equal(HttpStatusCode.Redirect, status);
        // A hand-edited query is not an error either.
        (status, _) = await browser.GetPageAsync(Step + "?RememberMe=nonsense&ReturnUrl=%2F%2Fevil.example");
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task TheCodeStepReturnsOnlyToPagesOfThisSite()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (key, _) = await browser.EnrolTwoFactorAsync();
        await SignOutAsync(browser);
        await PasswordStepAsync(browser, "ana@example.eu");
        using var right = await browser.SubmitSecondStepAsync(Step + "?ReturnUrl=%2F%2Fevil.example&RememberMe=nonsense", Authenticator.Code(key));
        Assert.Equal("/", TestClient.LocalPath(right.Headers.Location));
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceAndNotTwice()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (_, codes) = await browser.EnrolTwoFactorAsync();
        await SignOutAsync(browser);

        var step = await PasswordStepAsync(browser, "ana@example.eu");
        using (var first = await browser.SubmitSecondStepAsync(step, codes[3].ToLowerInvariant()))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/me")).Status);
        Assert.Contains("Recovery codes left: 9.", await browser.GetHtmlAsync("/Account/Manage/two-factor"), StringComparison.Ordinal);
        await SignOutAsync(browser);

        step = await PasswordStepAsync(browser, "ana@example.eu");
        using (var again = await browser.SubmitSecondStepAsync(step, codes[3]))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("That code is not right", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/me")).Status);
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (_, old) = await browser.EnrolTwoFactorAsync();
        using var renewed = await browser.SubmitAsync("/Account/Manage/two-factor", TestClient.FormNamed("recovery-codes"), []);
        var html = await renewed.Content.ReadAsStringAsync();
        Assert.Contains("They are shown only now", html, StringComparison.Ordinal);
        await SignOutAsync(browser);

        var step = await PasswordStepAsync(browser, "ana@example.eu");
        using var stale = await browser.SubmitSecondStepAsync(step, old[0]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task ATrainerWithoutASecondFactorIsSentToSetUpAndReachesNothingElseUntilItIsDone()
    {
        using var app = new TestApp();
        await app.CreateUserWithoutSecondFactorAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
        using var browser = app.CreateBrowser();
        Assert.Equal("/", await PasswordStepAsync(browser, "trainer@example.eu"));

        foreach (var page in new[] { "/trainer/content", "/me", "/Account/Manage", "/" })
        {
            using var response = await browser.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Manage/two-factor?ReturnUrl=", TestClient.LocalPath(response.Headers.Location)!, StringComparison.Ordinal);
        }
        var setup = await browser.GetHtmlAsync("/Account/Manage/two-factor?ReturnUrl=%2Ftrainer%2Fcontent");
        Assert.Contains("must use two-step sign-in", setup, StringComparison.Ordinal);

        var (key, _) = await browser.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/trainer/content")).Status);

        // From now on the trainer's sign-in asks for the code.
        await SignOutAsync(browser, "/me");
        var step = await PasswordStepAsync(browser, "trainer@example.eu");
        Assert.StartsWith(Step, step, StringComparison.Ordinal);
        using (var code = await browser.SubmitSecondStepAsync(step, Authenticator.Code(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/trainer/content")).Status);
    }

    [Fact]
    public async Task AnEnrollingAdminsPostsToOtherPagesAreRefused()
    {
        using var app = new TestApp();
        await app.CreateUserWithoutSecondFactorAsync("admin@example.eu", TestData.Password, "Learner", "Admin");
        using var browser = app.CreateBrowser();
        await PasswordStepAsync(browser, "admin@example.eu");
        using var post = await browser.Http.PostAsync("/Account/Manage/sessions/end-all", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task ALearnerIsNotAskedToSetUpASecondFactor()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/me")).Status);
        var manage = await browser.GetHtmlAsync("/Account/Manage");
        Assert.Contains("Two-step sign-in is off", manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALearnerMadeTrainerSetsUpTheSecondFactorAtTheNextSignIn()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync("ana@example.eu"))!, Roles.Trainer);
        }
        // Granting the role ended the session; the next sign-in leads to set-up.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/me")).Status);
        await PasswordStepAsync(browser, "ana@example.eu");
        using var response = await browser.Http.GetAsync("/trainer/content");
        Assert.StartsWith("/Account/Manage/two-factor", TestClient.LocalPath(response.Headers.Location)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQrCodeHoldsTheAuthenticatorUriWithTheKeyShownBesideIt()
    {
        var svg = AuthenticatorSetup.QrSvg(AuthenticatorSetup.Uri("ELearning", "ana@example.eu", "ABCDEFGHIJKLMNOP"), "QR");
        Assert.StartsWith("<svg role=\"img\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Equal("otpauth://totp/ELearning:ana%40example.eu?secret=ABCDEFGHIJKLMNOP&issuer=ELearning&digits=6",
            AuthenticatorSetup.Uri("ELearning", "ana@example.eu", "ABCDEFGHIJKLMNOP"));
    }
}
