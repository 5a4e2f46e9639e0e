using ELearning.Content.Catalog;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;

namespace ELearning.Browser.Tests.Infrastructure;

/// <summary>
/// One app process over a copy of the shipped curriculum and one headless Chromium, shared by the tests of a class.
/// Tests share no state through it: each opens its own browser context (cookies) and registers its own learner.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private AppServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private CourseCatalog? _catalog;

    /// <summary>The curriculum the app serves, with its answer key, loaded as the app loads it.</summary>
    public CourseCatalog Catalog => _catalog ?? throw new InvalidOperationException("The app did not start.");

    public async Task InitializeAsync()
    {
        // Web-first assertions retry until this (default 5 s), for the same reason as the context's timeouts below.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        if (!Chromium.IsInstalled)
        {
            // Skipped tests need nothing; required ones fail here with the reason.
            Assert.False(Chromium.IsRequired, Chromium.MissingMessage);
            return;
        }
        _server = await AppServer.StartAsync();
        using (var files = new PhysicalFileProvider(_server.ContentRoot))
        {
            _catalog = new CourseCatalogLoader(files).GetCatalog();
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    /// <summary>A fresh browser context (no cookies) on the app; dispose it at the end of the test.</summary>
    /// <param name="host">Another name for the app's address: WebAuthn needs a domain ("localhost"), not an IP address.</param>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string? timeZone = null, string? host = null)
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium did not start.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host is null ? _server!.Address.ToString() : new UriBuilder(_server!.Address) { Host = host }.Uri.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = timeZone,
        });
        // `dotnet test` runs the web and browser test projects side by side on two cores: a navigation that takes 1 s
        // alone can take over Playwright's default 30 s then. These are waits, not measurements.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    /// <summary>Runs the <c>elearn</c> command line on the app's data, beside the running app.</summary>
    public Task RunCliAsync(params string[] arguments) =>
        (_server ?? throw new InvalidOperationException("The app did not start.")).RunCliAsync(arguments);

    /// <summary>The app's recent output, for failure messages.</summary>
    public string ServerLog => _server?.Log ?? "";

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
