using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ELearning.Web.Accounts;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Accounts;

/// <summary>
/// Passkeys over plain HTTP: the options endpoints, the forms' refusals of forged input, and the enrolment rules. A real
/// authenticator making and using a passkey is in ELearning.Browser.Tests (Chromium's virtual authenticator).
/// </summary>
public sealed class PasskeyTests
{
    private const string ManageOptions = "/Account/Manage/passkeys/options";
    private const string LoginOptions = "/Account/Login/passkey/options";

    /// <summary>The antiforgery token of the page's passkey form, as passkeys.js sends it.</summary>
    private static async Task<string> TokenAsync(TestClient browser, string page)
    {
        var (status, document) = await browser.GetPageAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        return document.QuerySelector("form[data-passkey] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static Task<HttpResponseMessage> PostAsync(TestClient browser, string url, params (string Name, string Value)[] fields) =>
        browser.Http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Stores a passkey for the account straight through Identity (no authenticator), returning its id as the pages write it.</summary>
    private static async Task<string> GivePasskeyAsync(TestApp app, string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var id = RandomNumberGenerator.GetBytes(32);
        var passkey = new UserPasskeyInfo(id, RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], [])
        {
            Name = name,
        };
        Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
        return PasskeyEndpoints.CredentialIdText(id);
    }

    private static async Task<int> SessionCountAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserSessions.CountAsync();
    }

    [Fact]
    public async Task TheOptionsEndpointsAnswerIdentitysJsonOnlyWithTheAntiforgeryToken()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();

        using (var forged = await PostAsync(browser, LoginOptions))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        using (var request = await PostAsync(browser, LoginOptions, ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Login"))))
        {
            Assert.Equal(HttpStatusCode.OK, request.StatusCode);
            Assert.Equal("application/json", request.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await request.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("challenge").GetString()));
            // No account is named before the passkey is used: the browser offers the passkeys it holds.
            Assert.False(json.RootElement.TryGetProperty("allowCredentials", out var allowed) && allowed.GetArrayLength() > 0);
        }

        // Creation options are for a signed-in account only.
        using (var anonymous = await PostAsync(browser, ManageOptions, ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Login"))))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }
        await browser.SignUpAndInAsync("ana@example.eu");
        using (var forged = await PostAsync(browser, ManageOptions))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        using (var create = await PostAsync(browser, ManageOptions, ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Manage"))))
        {
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
            using var json = JsonDocument.Parse(await create.Content.ReadAsStringAsync());
            Assert.Equal("ana@example.eu", json.RootElement.GetProperty("user").GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("challenge").GetString()));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"id\": ")]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    public async Task AMalformedCredentialIsABadRequestNeverAnError(string credential)
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        using (var signIn = await PostAsync(browser, "/Account/Login/passkey",
            ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Login")), ("credential", credential)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        }
        await browser.SignUpAndInAsync("ana@example.eu");
        using var add = await PostAsync(browser, "/Account/Manage/passkeys/add",
            ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Manage")), ("name", "Laptop"), ("credential", credential));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
    }

    [Fact]
    public async Task ACredentialThatIsNotAPasskeyIsRefusedWithAMessageWithOrWithoutOptionsFirst()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        var fake = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"}}""";

        // Without options first (no challenge in the cookie), then with them: both fail the same way, no session.
        foreach (var askOptions in new[] { false, true })
        {
            if (askOptions)
            {
                using var options = await PostAsync(browser, LoginOptions, ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Login")));
                Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            }
            using var signIn = await PostAsync(browser, "/Account/Login/passkey",
                ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Login")), ("credential", fake));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.StartsWith("/Account/Login?passkey=failed", TestClient.LocalPath(signIn.Headers.Location)!, StringComparison.Ordinal);
        }
        Assert.Contains("That passkey did not sign you in", await browser.GetHtmlAsync("/Account/Login?passkey=failed"), StringComparison.Ordinal);
        Assert.Equal(0, await SessionCountAsync(app));

        await browser.SignUpAndInAsync("ana@example.eu");
        foreach (var askOptions in new[] { false, true })
        {
            if (askOptions)
            {
                using var options = await PostAsync(browser, ManageOptions, ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Manage")));
                Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            }
            using var add = await PostAsync(browser, "/Account/Manage/passkeys/add",
                ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Manage")), ("name", "Laptop"), ("credential", fake));
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
            Assert.Equal("/Account/Manage?passkey=failed#passkeys", add.Headers.Location!.OriginalString);
        }
        Assert.Contains("The passkey was not added", await browser.GetHtmlAsync("/Account/Manage?passkey=failed"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccountPageListsRenamesAndRemovesTheUsersOwnPasskeysOnly()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var id = await GivePasskeyAsync(app, "ana@example.eu", "Work laptop");
        var (_, page) = await browser.GetPageAsync("/Account/Manage");
        Assert.Contains("Work laptop", page.QuerySelector($"#passkeys li[data-passkey-id='{id}']")!.TextContent, StringComparison.Ordinal);
        // The add form is hidden until the script finds passkey support; the page says so without script.
        Assert.True(page.QuerySelector("form[data-passkey=create]")!.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("[data-passkey-note]"));

        using (var rename = await browser.SubmitAsync("/Account/Manage", f => f.GetAttribute("action") == "/Account/Manage/passkeys/rename",
            [new("name", "  Phone  ")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        }
        var html = await browser.GetHtmlAsync("/Account/Manage?passkey=renamed");
        Assert.Contains("Your passkey was renamed", html, StringComparison.Ordinal);
        Assert.Contains(">Phone<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Work laptop", html, StringComparison.Ordinal);

        // Someone else's passkey, an unknown id, a bad id or a bad name: refused, nothing changes.
        using var other = app.CreateBrowser();
        await other.SignUpAndInAsync("ion@example.eu");
        var token = await TokenAsync(other, "/Account/Manage");
        using (var foreign = await PostAsync(other, "/Account/Manage/passkeys/remove", ("__RequestVerificationToken", token), ("id", id)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }
        using (var unknown = await PostAsync(other, "/Account/Manage/passkeys/rename", ("__RequestVerificationToken", token), ("id", "AAAA"), ("name", "x")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        using (var bad = await PostAsync(other, "/Account/Manage/passkeys/remove", ("__RequestVerificationToken", token), ("id", "%%%")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        using (var longName = await PostAsync(browser, "/Account/Manage/passkeys/rename", ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Manage")),
            ("id", id), ("name", new string('x', 101))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        }
        using (var noToken = await PostAsync(browser, "/Account/Manage/passkeys/remove", ("id", id)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }
        Assert.Contains(id, await browser.GetHtmlAsync("/Account/Manage"), StringComparison.Ordinal);

        using (var remove = await browser.SubmitAsync("/Account/Manage", f => f.GetAttribute("action") == "/Account/Manage/passkeys/remove", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        }
        html = await browser.GetHtmlAsync("/Account/Manage?passkey=removed");
        Assert.Contains("You have no passkeys yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrainerWithAPasskeyIsNotSentToAuthenticatorSetUpAndCannotSignInWithThePasswordAlone()
    {
        using var app = new TestApp();
        await app.CreateUserWithoutSecondFactorAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
        using var browser = app.CreateBrowser();
        using (var login = await browser.LoginAsync("trainer@example.eu", TestData.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        using (var gated = await browser.Http.GetAsync("/trainer/content"))
        {
            Assert.StartsWith("/Account/Manage/two-factor", TestClient.LocalPath(gated.Headers.Location)!, StringComparison.Ordinal);
        }
        // The set-up page offers a passkey beside the authenticator app.
        var (_, setup) = await browser.GetPageAsync("/Account/Manage/two-factor?ReturnUrl=%2Ftrainer%2Fcontent");
        Assert.Equal("/trainer/content", setup.QuerySelector("form[data-passkey=create] input[name=returnUrl]")!.GetAttribute("value"));

        // Two passkeys; removing one (a passkey page an enrolling trainer may use) renews the cookie: the other counts.
        await GivePasskeyAsync(app, "trainer@example.eu", "Laptop");
        var phone = await GivePasskeyAsync(app, "trainer@example.eu", "Phone");
        using (var remove = await PostAsync(browser, "/Account/Manage/passkeys/remove",
            ("__RequestVerificationToken", await TokenAsync(browser, "/Account/Manage/two-factor")), ("id", phone)))
        {
            Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/trainer/content")).Status);

        // The password alone no longer opens a session for this trainer: the passkey is the way in.
        using (var logout = await browser.SubmitAsync("/Account/Manage", "/Account/Logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }
        using (var password = await browser.LoginAsync("trainer@example.eu", TestData.Password))
        {
            Assert.Equal(HttpStatusCode.OK, password.StatusCode);
            Assert.Contains("signs in with its passkey", await password.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await SessionCountAsync(app));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetPageAsync("/trainer/content")).Status);
    }
}
