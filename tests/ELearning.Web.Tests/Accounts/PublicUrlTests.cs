using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Accounts;

public sealed partial class PublicUrlTests
{
    private static async Task<HttpResponseMessage> PostForgotWithHostAsync(TestClient browser, string host, string email)
    {
        // The form and its antiforgery token come from a normal page view; only the post names another host.
        var (_, page) = await browser.GetPageAsync("/Account/ForgotPassword");
        var form = page.Forms.Single(TestClient.FormNamed("forgot"));
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => i.Type == "hidden")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Input.Email", email));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Host = host;
        return await browser.Http.SendAsync(request);
    }

    private static string[] Mails(TestApp app)
    {
        var folder = Path.Combine(app.Directory.DataRoot, "mail");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    [Fact]
    public async Task AResetLinkUsesTheConfiguredPublicUrlAndNeverTheRequestHost()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = "https://learn.example.org/" });
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);

        using (var evil = await PostForgotWithHostAsync(browser, "evil.example", "ana@example.eu"))
        {
            // Host filtering refuses a host other than the public one before any page runs.
            Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        }
        Assert.Empty(Mails(app));

        using (var normal = await PostForgotWithHostAsync(browser, "localhost", "ana@example.eu"))
        {
            Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        }
        var message = await File.ReadAllTextAsync(Assert.Single(Mails(app)));
        Assert.Matches(@"https://learn\.example\.org/Account/ResetPassword\?email=ana(%40|@)example\.eu&code=\S+", message);
        Assert.DoesNotContain("localhost", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicUrlARequestForAnotherHostGetsTheSamePageButNoMail()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.RegisterAsync("ana@example.eu", TestData.Password);

        using var evil = await PostForgotWithHostAsync(browser, "evil.example", "ana@example.eu");
        var body = await evil.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, evil.StatusCode);
        Assert.Contains("a reset link is on its way", new HtmlParser().ParseDocument(body).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Mails(app));
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);

        // Development on localhost still gets its link.
        using var local = await PostForgotWithHostAsync(browser, "localhost", "ana@example.eu");
        Assert.Matches(@"https://localhost/Account/ResetPassword\?", await File.ReadAllTextAsync(Assert.Single(Mails(app))));
    }

    [Fact]
    public async Task AnInvalidPublicUrlStopsTheStart()
    {
        using var app = new TestApp(settings: new() { ["App:PublicUrl"] = "learn.example.org" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("App:PublicUrl", error.ToString(), StringComparison.Ordinal);
    }
}
