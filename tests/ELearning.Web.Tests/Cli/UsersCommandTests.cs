using System.Diagnostics;
using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Cli;

public sealed class UsersCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunCliAsync(TestDirectory directory, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltApp.Cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory.Root,
        };
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task TheFirstAdministratorCreatedOnTheCommandLineCanSignInAndSeeTheTrainerPages()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        // Relative to the working directory, like `dotnet run` from the repository root: data/ is the default.
        var (exit, output) = await RunCliAsync(directory, stdin: "an admin passphrase here", "users", "add", "--email", "admin@example.org", "--role", "admin");
        Assert.True(exit == 0, output);
        Assert.Contains("Created admin admin@example.org.", output, StringComparison.Ordinal);

        using var app = new TestApp(directory);
        using var browser = app.CreateBrowser();
        using var login = await browser.LoginAsync("admin@example.org", "an admin passphrase here");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        // Admins must use two-step sign-in: the first sign-in leads to setting it up.
        using (var first = await browser.Http.GetAsync("/trainer/content"))
        {
            Assert.StartsWith("/Account/Manage/two-factor", TestClient.LocalPath(first.Headers.Location), StringComparison.Ordinal);
        }
        await browser.EnrolTwoFactorAsync();
        var (status, _) = await browser.GetPageAsync("/trainer/content");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedOnTheCommandLineToo()
    {
        using var directory = new TestDirectory();
        var (exit, output) = await RunCliAsync(directory, stdin: null, "users", "add", "--email", "admin@example.org", "--role", "admin", "--password", "password1234");
        Assert.Equal(1, exit);
        Assert.Contains("error:", output, StringComparison.Ordinal);
    }
}
