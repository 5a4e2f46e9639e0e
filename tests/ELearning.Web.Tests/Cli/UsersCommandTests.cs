using System.Diagnostics;
using System.Net;
using ELearning.Web.Accounts;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task AccountsAreListedGivenRolesLockedAndUnlockedFromTheCommandLine()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        Assert.Equal(0, (await RunCliAsync(directory, null, "users", "add", "--email", "ana@example.eu", "--password", TestData.Password)).ExitCode);
        Assert.Equal(0, (await RunCliAsync(directory, null, "users", "add", "--email", "bob@example.eu", "--role", "trainer", "--password", TestData.Password)).ExitCode);

        var (exit, output) = await RunCliAsync(directory, null, "users", "role", "--email", "ana@example.eu", "--add", "admin");
        Assert.True(exit == 0, output);
        Assert.Contains("ana@example.eu: admin, learner.", output, StringComparison.Ordinal);
        (exit, output) = await RunCliAsync(directory, null, "users", "role", "--email", "ana@example.eu", "--remove", "admin");
        Assert.Contains("ana@example.eu: learner.", output, StringComparison.Ordinal);

        (exit, output) = await RunCliAsync(directory, null, "users", "lock", "--email", "ana@example.eu");
        Assert.True(exit == 0, output);
        (_, output) = await RunCliAsync(directory, null, "users", "list");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("email\tname\troles\ttwo-step\tlocked\tregistered", lines[0]);
        Assert.StartsWith("ana@example.eu\tana\tlearner\toff\tlocked\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("bob@example.eu\tbob\tlearner,trainer\toff\t-\t", lines[2], StringComparison.Ordinal);
        (_, output) = await RunCliAsync(directory, null, "users", "list", "--role", "trainer");
        Assert.DoesNotContain("ana@example.eu", output, StringComparison.Ordinal);
        Assert.Contains("bob@example.eu", output, StringComparison.Ordinal);

        using (var app = new TestApp(directory))
        {
            using var browser = app.CreateBrowser();
            using var refused = await browser.LoginAsync("ana@example.eu", TestData.Password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("temporarily locked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, (await RunCliAsync(directory, null, "users", "unlock", "--email", "ana@example.eu")).ExitCode);
        using (var app = new TestApp(directory))
        {
            using var browser = app.CreateBrowser();
            using var login = await browser.LoginAsync("ana@example.eu", TestData.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        (exit, output) = await RunCliAsync(directory, null, "users", "lock", "--email", "nobody@example.eu");
        Assert.Equal(2, exit);
        Assert.Contains("no account with the email nobody@example.eu", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackupTakenWhileTheAppRunsPassesTheIntegrityCheckAndHoldsTheAccounts()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        using var app = new TestApp(directory);
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await browser.RegisterAsync("bob@example.eu", TestData.Password, "Bob Ionescu");

        var target = Path.Combine(directory.Root, "backups", "elearning-backup.db");
        var (exit, output) = await RunCliAsync(directory, null, "backup", target);
        Assert.True(exit == 0, output);
        Assert.Contains("integrity check ok, 2 accounts", output, StringComparison.Ordinal);
        // One self-contained file.
        Assert.False(File.Exists(target + "-wal"));

        await using (var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync();
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
            check.CommandText = "SELECT group_concat(Email, ',') FROM (SELECT Email FROM AspNetUsers ORDER BY Email)";
            Assert.Equal("ana@example.eu,bob@example.eu", await check.ExecuteScalarAsync());
        }

        // The app keeps working; an existing file is never overwritten.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync("/me")).Status);
        (exit, output) = await RunCliAsync(directory, null, "backup", target);
        Assert.Equal(2, exit);
        Assert.Contains("exists", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHelpDocumentsEveryCommand()
    {
        using var directory = new TestDirectory();
        var (exit, output) = await RunCliAsync(directory, null, "--help");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "lint <path>", "users", "backup <file>" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
        (_, output) = await RunCliAsync(directory, null, "users", "--help");
        foreach (var command in new[] { "add", "list", "role", "lock", "unlock", "reset-two-factor" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s+\S", output);
        }
        (_, output) = await RunCliAsync(directory, null, "backup", "--help");
        Assert.Contains("integrity_check", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminCanResetALostSecondFactorAndTheTrainerSetsItUpAgainAtTheNextSignIn()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        using (var app = new TestApp(directory))
        {
            await app.CreateUserAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
            // A passkey is a second factor too: the reset forgets it as well.
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var passkey = new UserPasskeyInfo([1, 2, 3], [4, 5, 6], DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [], []) { Name = "Lost phone" };
            Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByEmailAsync("trainer@example.eu"))!, passkey)).Succeeded);
        }
        var (exit, output) = await RunCliAsync(directory, null, "users", "reset-two-factor", "--email", "trainer@example.eu");
        Assert.True(exit == 0, output);
        (_, output) = await RunCliAsync(directory, null, "users", "list", "--role", "trainer");
        Assert.Contains("trainer@example.eu\ttrainer\tlearner,trainer\toff\t", output, StringComparison.Ordinal);

        using var again = new TestApp(directory);
        using var browser = again.CreateBrowser();
        using var login = await browser.LoginAsync("trainer@example.eu", TestData.Password);
        Assert.Equal("/", TestClient.LocalPath(login.Headers.Location));
        using var page = await browser.Http.GetAsync("/trainer/content");
        Assert.StartsWith("/Account/Manage/two-factor", TestClient.LocalPath(page.Headers.Location), StringComparison.Ordinal);
    }
}
