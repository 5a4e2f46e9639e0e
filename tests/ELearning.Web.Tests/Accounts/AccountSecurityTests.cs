using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Accounts;

public sealed class AccountSecurityTests
{
    [Fact]
    public async Task SignInIsLockedAfterFiveFailuresEvenWithTheRightPassword()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);

        for (var i = 0; i < 5; i++)
        {
            using var failed = await browser.LoginAsync("ana@example.eu", "wrong password number " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var locked = await browser.LoginAsync("ana@example.eu", TestData.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("temporarily locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await browser.Http.GetAsync("/me");
        Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
    }

    [Fact]
    public async Task AFloodOfSignInAttemptsFromOneAddressIsAnsweredWith429()
    {
        // The per-address limit is generous by default (classrooms); a small one shows it still holds.
        using var app = new TestApp(settings: new() { ["RateLimits:AccountPostsPerMinute"] = "10" });
        using var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await browser.LoginAsync($"nobody{i}@example.eu", "some wrong password");
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        using var page = await browser.Http.PostAsync("/Account/Login", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many attempts", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEmailAndWrongPasswordGetTheSameAnswer()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);

        using var unknown = await browser.LoginAsync("nobody@example.eu", "some wrong password");
        using var wrong = await browser.LoginAsync("ana@example.eu", "some wrong password");
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var unknownError = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await unknown.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        var wrongError = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await wrong.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Equal(unknownError, wrongError);
    }

    [Fact]
    public async Task RegisteringATakenEmailLooksLikeASuccessAndChangesNothing()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);
        // Same answer as a fresh registration; the original password still works, the new one does not.
        await browser.RegisterAsync("ana@example.eu", "another long passphrase here");

        using var withNew = await browser.LoginAsync("ana@example.eu", "another long passphrase here");
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        using var withOriginal = await browser.LoginAsync("ana@example.eu", TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, withOriginal.StatusCode);
    }

    [Theory]
    [InlineData("short pass", "Use at least 12 characters.")]
    [InlineData("password1234", "among the most commonly used")]
    [InlineData("qwerty123456", "among the most commonly used")]
    public async Task WeakPasswordsAreRefusedWithAReason(string password, string reason)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        using var response = await browser.SubmitAsync("/Account/Register", TestClient.FormNamed("register"),
        [
            new("Input.Email", "ana@example.eu"), new("Input.DisplayName", "Ana"), new("Input.Country", "RO"),
            new("Input.Profession", "Judge"), new("Input.Institution", "Court of Appeal"),
            new("Input.Password", password), new("Input.ConfirmPassword", password),
        ]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.DoesNotContain("your account is ready", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongPassphraseOf64CharactersIsAccepted()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var passphrase = new string('x', 20) + " the quick brown fox jumps over the lazy dog " + "ok";
        Assert.True(passphrase.Length >= 64);
        await browser.RegisterAsync("ana@example.eu", passphrase);
        using var login = await browser.LoginAsync("ana@example.eu", passphrase);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task PasswordResetAnswersTheSameForUnknownEmailsAndWritesALinkOnlyForRealOnes()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);

        using var unknown = await browser.SubmitAsync("/Account/ForgotPassword", TestClient.FormNamed("forgot"), [new("Input.Email", "nobody@example.eu")]);
        using var known = await browser.SubmitAsync("/Account/ForgotPassword", TestClient.FormNamed("forgot"), [new("Input.Email", "ana@example.eu")]);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        Assert.Equal(
            parser.ParseDocument(await unknown.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent,
            parser.ParseDocument(await known.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);

        var mail = Assert.Single(Directory.GetFiles(Path.Combine(app.Directory.DataRoot, "mail")));
        var message = await File.ReadAllTextAsync(mail);
        Assert.Contains("ana@example.eu", message, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(message, @"https://localhost/Account/ResetPassword\?\S+").Value;
        Assert.NotEmpty(link);

        var path = new Uri(link).PathAndQuery;
        using var reset = await browser.SubmitAsync(path, TestClient.FormNamed("reset"),
            [new("Input.Password", "a brand new passphrase"), new("Input.ConfirmPassword", "a brand new passphrase")]);
        Assert.Contains("Your password has been changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var login = await browser.LoginAsync("ana@example.eu", "a brand new passphrase");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }
}
