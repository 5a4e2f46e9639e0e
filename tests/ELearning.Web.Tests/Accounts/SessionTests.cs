using System.Net;
using AngleSharp.Html.Parser;
using ELearning.Web.Accounts;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Accounts;

public sealed class SessionTests
{
    /// <summary>Signs in and returns the auth cookie as an attacker would copy it from the browser.</summary>
    private static async Task<string> SignInAndCopyCookieAsync(TestClient browser, string email)
    {
        using var login = await browser.LoginAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return string.Join("; ", login.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("elearning.auth", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));
    }

    private static async Task<HttpStatusCode> DashboardWithCookieAsync(TestApp app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> DashboardAsync(TestClient browser) => (await browser.GetPageAsync("/me")).Status;

    [Fact]
    public async Task ACopiedCookieIsRefusedAfterSignOut()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);
        var copied = await SignInAndCopyCookieAsync(browser, "ana@example.eu");
        Assert.Equal(HttpStatusCode.OK, await DashboardWithCookieAsync(app, copied));

        using (var logout = await browser.SubmitAsync("/me", "/Account/Logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await DashboardWithCookieAsync(app, copied));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(browser));
    }

    [Fact]
    public async Task ACopiedCookieIsRefusedAfterAPasswordChangeWhileThisBrowserStaysSignedIn()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        using var other = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);
        var copied = await SignInAndCopyCookieAsync(browser, "ana@example.eu");
        await SignInAndCopyCookieAsync(other, "ana@example.eu");

        using var change = await browser.SubmitAsync("/Account/Manage", TestClient.FormNamed("change-password"),
        [
            new("Input.CurrentPassword", TestData.Password), new("Input.NewPassword", "tram ticket under the blue lamp"),
            new("Input.ConfirmPassword", "tram ticket under the blue lamp"),
        ]);
        Assert.Contains("Your password has been changed", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, await DashboardWithCookieAsync(app, copied));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(other));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
    }

    [Fact]
    public async Task TheAccountPageListsSessionsAndEndsOneOrAll()
    {
        using var app = new TestApp();
        using var laptop = app.CreateBrowser();
        using var phone = app.CreateBrowser();
        laptop.Http.DefaultRequestHeaders.UserAgent.ParseAdd("LaptopBrowser/1.0");
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd("PhoneBrowser/2.0");
        await laptop.RegisterAsync("ana@example.eu", TestData.Password);
        await SignInAndCopyCookieAsync(laptop, "ana@example.eu");
        await SignInAndCopyCookieAsync(phone, "ana@example.eu");

        var (_, page) = await laptop.GetPageAsync("/Account/Manage");
        var rows = page.QuerySelectorAll("tr[data-session]");
        Assert.Equal(2, rows.Length);
        Assert.Contains("this browser", rows.Single(r => r.TextContent.Contains("LaptopBrowser/1.0", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        var phoneSession = rows.Single(r => r.TextContent.Contains("PhoneBrowser/2.0", StringComparison.Ordinal)).GetAttribute("data-session")!;

        using (var end = await laptop.SubmitAsync("/Account/Manage",
            f => f.GetAttribute("action") == "/Account/Manage/sessions/end" && f.QuerySelector("input[name=session]")!.GetAttribute("value") == phoneSession, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(laptop));
        Assert.Single((await laptop.GetPageAsync("/Account/Manage")).Document.QuerySelectorAll("tr[data-session]"));

        using (var endAll = await laptop.SubmitAsync("/Account/Manage", "/Account/Manage/sessions/end-all"))
        {
            Assert.Equal(HttpStatusCode.Redirect, endAll.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(laptop));
    }

    [Fact]
    public async Task ARoleChangeOrAnAdministratorsLockEndsEverySession()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);

        async Task ChangeAsync(Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await change(users, (await users.FindByEmailAsync("ana@example.eu"))!)).Succeeded);
        }

        await SignInAndCopyCookieAsync(browser, "ana@example.eu");
        await ChangeAsync((users, user) => users.AddToRoleAsync(user, Roles.Trainer));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(browser));

        await SignInAndCopyCookieAsync(browser, "ana@example.eu");
        // A new trainer sets up two-step sign-in first (TwoFactorTests), then reaches every page.
        await browser.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        await ChangeAsync((users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(browser));
    }

    [Fact]
    public async Task FailedSignInsByAStrangerDoNotEndTheOwnersSession()
    {
        using var app = new TestApp();
        using var owner = app.CreateBrowser();
        using var stranger = app.CreateBrowser();
        await owner.RegisterAsync("ana@example.eu", TestData.Password);
        await SignInAndCopyCookieAsync(owner, "ana@example.eu");
        for (var i = 0; i < 5; i++)
        {
            using var _ = await stranger.LoginAsync("ana@example.eu", "a wrong guess number " + i);
        }
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(owner));
    }

    [Fact]
    public async Task SessionsSurviveARestart()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        string cookie;
        using (var first = new TestApp(directory))
        {
            using var browser = first.CreateBrowser();
            await browser.RegisterAsync("ana@example.eu", TestData.Password);
            cookie = await SignInAndCopyCookieAsync(browser, "ana@example.eu");
        }
        using var second = new TestApp(directory);
        Assert.Equal(HttpStatusCode.OK, await DashboardWithCookieAsync(second, cookie));
    }
}
