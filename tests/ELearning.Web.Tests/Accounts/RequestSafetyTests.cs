using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Accounts;

public sealed class RequestSafetyTests
{
    [Fact]
    public async Task APostWithoutAntiforgeryTokenIsRejectedAndStoresNothing()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        using var complete = await browser.Http.PostAsync(FixtureContent.FirstLesson + "/complete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, complete.StatusCode);
        using var answer = await browser.Http.PostAsync(FixtureContent.FirstLesson + "/questions/peace-first", new FormUrlEncodedContent([new("option", "b")]));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var login = await browser.Http.PostAsync("/Account/Login", new FormUrlEncodedContent([new("_handler", "login"), new("Input.Email", "ana@example.eu"), new("Input.Password", TestData.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        using var logout = await browser.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);

        var (_, lesson) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.DoesNotContain("You completed this lesson.", lesson.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(lesson.QuerySelector(".verdict"));
    }

    [Theory]
    [InlineData("/courses/nope")]
    [InlineData("/courses/thb/nope/first")]
    [InlineData("/courses/thb/hearing/nope")]
    [InlineData("/courses/thb/hearing/first/extra/segments")]
    [InlineData("/no/such/page")]
    [InlineData("/courses/thb/hearing/media/missing.png")]
    [InlineData("/courses/thb/hearing/media/..%2F01-first.md")]
    public async Task UnknownAddressesAnswer404WithAPage(string url)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using var response = await browser.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/courses/thb/hearing/nope/complete")]
    [InlineData("/courses/nope/hearing/first/complete")]
    [InlineData("/courses/thb/hearing/first/questions/nope")]
    public async Task PostsToUnknownLessonsOrQuestionsAnswer404(string action)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        // A valid token from a real page, posted to a forged address.
        var (_, page) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await browser.Http.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("option", "a")]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PagesCarrySecurityHeaders()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        using var response = await browser.Http.GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task AuthenticationCookiesAreSecureAndHttpOnly()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);
        using var login = await browser.LoginAsync("ana@example.eu", TestData.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("elearning.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HealthEndpointReportsHealthy()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        Assert.Equal("Healthy", await browser.GetHtmlAsync("/healthz"));
    }

    [Fact]
    public async Task OnlyTrainersSeeTheContentStatusPageWithAuthoringErrors()
    {
        using var app = new TestApp();
        FixtureContent.Write(app.Directory.ContentRoot, "thb/02-money/02-broken.md", "---\ntitle: Broken\nsumary: typo\nminutes: 5\n---\n\nText.\n");
        await app.CreateUserAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");

        using var learner = app.CreateBrowser();
        await learner.SignUpAndInAsync("ana@example.eu");
        using var denied = await learner.Http.GetAsync("/trainer/content");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var trainer = app.CreateBrowser();
        using var login = await trainer.LoginAsync("trainer@example.eu", TestData.Password);
        var (status, page) = await trainer.GetPageAsync("/trainer/content");
        Assert.Equal(HttpStatusCode.OK, status);
        var errors = page.QuerySelectorAll(".diagnostic--error code").Select(c => c.TextContent).ToList();
        Assert.Contains(errors, e => e.StartsWith("thb/02-money/02-broken.md:3:", StringComparison.Ordinal));
        // The rest of the catalog still loads.
        var (_, money) = await trainer.GetPageAsync(FixtureContent.MoneyLesson);
        Assert.Contains("Profits drive trafficking.", money.Body!.TextContent, StringComparison.Ordinal);
    }
}
