using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ELearning.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite database and its own content folder, both in a temp directory that the test owns.
/// Several TestApp instances over the same directory simulate restarts.
/// </summary>
internal sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="directory">Shared data and content (a restart); null: a fresh one with the fixture course, owned and deleted.</param>
    /// <param name="prepare">Changes to the fresh fixture content before the app starts.</param>
    public TestApp(
        TestDirectory? directory = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        Action<string>? prepare = null)
    {
        _services = services;
        Directory = directory ?? new TestDirectory();
        OwnsDirectory = directory is null;
        if (OwnsDirectory)
        {
            FixtureContent.WriteTo(Directory.ContentRoot);
            prepare?.Invoke(Directory.ContentRoot);
        }
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Directory.DataRoot,
            ["Content:Root"] = Directory.ContentRoot,
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public TestDirectory Directory { get; }

    private bool OwnsDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    public TestClient CreateBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }), AuthenticatorKeys);

    /// <summary>Authenticator keys of the accounts <see cref="CreateUserAsync"/> enrolled, by email: the browsers sign in with them.</summary>
    public ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Creates an account straight through Identity (as the CLI does), for roles registration cannot give. Trainers and
    /// admins must use two-step sign-in, so their accounts get an authenticator key (kept in <see cref="AuthenticatorKeys"/>,
    /// which <see cref="TestClient.LoginAsync"/> answers the code step with), as if they had already enrolled.
    /// </summary>
    public async Task CreateUserAsync(string email, string password, params string[] roles)
    {
        await CreateUserWithoutSecondFactorAsync(email, password, roles);
        if (!roles.Any(r => r is Roles.Trainer or Roles.Admin))
        {
            return;
        }
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        AuthenticatorKeys[email] = (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>Creates an account with no second factor: a trainer or admin made this way must enrol at first sign-in.</summary>
    public async Task CreateUserWithoutSecondFactorAsync(string email, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], Country = "RO", RegisteredAt = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDirectory)
        {
            Directory.Dispose();
        }
    }
}

/// <summary>A temp folder with <c>data/</c> and <c>content/</c>, deleted at the end.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "elearning-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(DataRoot);
        System.IO.Directory.CreateDirectory(ContentRoot);
    }

    public string Root { get; }
    public string DataRoot => Path.Combine(Root, "data");
    public string ContentRoot => Path.Combine(Root, "content");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file (the crash test's child) must not fail the test run.
        }
    }
}

/// <summary>An HttpClient that behaves like a browser with JavaScript off: it keeps cookies and posts forms with their tokens.</summary>
internal sealed class TestClient(HttpClient http, IReadOnlyDictionary<string, string>? authenticatorKeys = null) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Parser.ParseDocument(html));
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Submits the form on <paramref name="pageUrl"/> whose action matches, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, Func<IHtmlFormElement, bool> pick, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (status, document) = await GetPageAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        var form = document.Forms.FirstOrDefault(pick) ?? throw new InvalidOperationException($"No matching form on {pageUrl}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(fields)
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(action, content);
    }

    /// <summary>Picks a Razor component form by its <c>FormName</c> (the <c>_handler</c> field it posts).</summary>
    public static Func<IHtmlFormElement, bool> FormNamed(string name) =>
        f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == name;

    public Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, params (string Name, string Value)[] fields) =>
        SubmitAsync(pageUrl, f => f.GetAttribute("action") == action || (action == pageUrl && f.GetAttribute("action") is null),
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The value of a knowledge check's option (an opaque alias), found by its label on the lesson page.</summary>
    public async Task<string> OptionValueAsync(string pageUrl, string questionId, string label)
    {
        var (_, page) = await GetPageAsync(pageUrl);
        var input = page.QuerySelectorAll($"#q-{questionId} input[name=option]")
            .Single(i => page.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim() == label);
        return input.GetAttribute("value")!;
    }

    /// <summary>The value of a practice case's choice button, found by its text.</summary>
    public async Task<string> ChoiceValueAsync(string pageUrl, string questionId, string text)
    {
        var (_, page) = await GetPageAsync(pageUrl);
        return page.QuerySelectorAll($"#q-{questionId} button[name=choice]").Single(b => b.TextContent.Trim() == text).GetAttribute("value")!;
    }

    public async Task RegisterAsync(string email, string password, string name = "Ana Popescu")
    {
        using var response = await SubmitAsync("/Account/Register", FormNamed("register"),
        [
            new("Input.Email", email), new("Input.DisplayName", name), new("Input.Country", "RO"),
            new("Input.Profession", "Prosecutor"), new("Input.Institution", "DIICOT"),
            new("Input.Password", password), new("Input.ConfirmPassword", password),
        ]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("your account is ready", body, StringComparison.Ordinal);
    }

    /// <summary>Signs in; for an account whose authenticator key the app knows, answers the code step too (as its owner would).</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        var response = await SubmitAsync("/Account/Login", FormNamed("login"),
        [
            new("Input.Email", email), new("Input.Password", password),
        ]);
        if (authenticatorKeys is not null && authenticatorKeys.TryGetValue(email, out var key)
            && LocalPath(response.Headers.Location) is { } step && step.StartsWith("/Account/Login/two-factor", StringComparison.Ordinal))
        {
            response.Dispose();
            response = await SubmitSecondStepAsync(step, Authenticator.Code(key));
        }
        return response;
    }

    /// <summary>A redirect's target as a local path and query (static SSR pages redirect to absolute URLs).</summary>
    public static string? LocalPath(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>Answers the sign-in's code step (an authenticator or a recovery code).</summary>
    public Task<HttpResponseMessage> SubmitSecondStepAsync(string stepUrl, string code) =>
        SubmitAsync(stepUrl, FormNamed("login-2fa"), [new("Input.Code", code)]);

    /// <summary>Sets up two-step sign-in on the account page as a user would: reads the key shown, types the app's code.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolTwoFactorAsync()
    {
        var (status, page) = await GetPageAsync("/Account/Manage/two-factor");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector(".qr svg"));
        var key = page.QuerySelector(".shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        using var response = await SubmitAsync("/Account/Manage/two-factor", FormNamed("enable-2fa"), [new("Input.Code", Authenticator.Code(key))]);
        var done = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var codes = done.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.True(codes.Count == 10, done.Body?.TextContent);
        return (key, codes);
    }

    public async Task SignUpAndInAsync(string email, string password = TestData.Password)
    {
        await RegisterAsync(email, password);
        using var response = await LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>What an authenticator app shows now for a key (RFC 6238: SHA-1, 30 s, 6 digits), computed by Otp.NET.</summary>
internal static class Authenticator
{
    public static string Code(string key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
}

internal static class TestData
{
    public const string Password = "correct horse battery staple";
}
