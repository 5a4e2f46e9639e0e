using System.Diagnostics;
using System.Net;
using ELearning.Web.Tests.Cohorts;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Cli;

public sealed class CohortsCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunCliAsync(TestDirectory directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltApp.Cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory.Root,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task ACohortCreatedListedAndInvitedToOnTheCommandLineIsJoinedOnTheWeb()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        using (var setup = new TestApp(directory))
        {
            await setup.CreateUserAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
            await setup.CreateUserAsync("ana@example.eu", TestData.Password, "Learner");
        }

        var (exit, output) = await RunCliAsync(directory, "cohorts", "add", "--name", "Poiana 2026", "--course", "thb", "--module", "hearing",
            "--starts", "2026-12-01", "--ends", "2026-12-03", "--place", "Poiana Brasov", "--country", "RO", "--days", "2026-12-02", "--trainer", "trainer@example.eu");
        Assert.True(exit == 0, output);
        Assert.Contains("Created cohort 1: Poiana 2026.", output, StringComparison.Ordinal);

        (exit, output) = await RunCliAsync(directory, "cohorts", "invite", "--cohort", "1", "--uses", "3");
        Assert.True(exit == 0, output);
        var code = System.Text.RegularExpressions.Regex.Match(output, @"Code ([A-Z0-9]{12})").Groups[1].Value;
        Assert.NotEmpty(code);

        (exit, output) = await RunCliAsync(directory, "cohorts", "list");
        Assert.True(exit == 0, output);
        Assert.Contains("1\tPoiana 2026\tthb\thearing\t2026-12-01..2026-12-03\tPoiana Brasov\tRO\t0\ttrainer@example.eu", output, StringComparison.Ordinal);

        using var app = new TestApp(directory);
        using var learner = app.CreateBrowser();
        using (var login = await learner.LoginAsync("ana@example.eu", TestData.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        using var joined = await learner.SubmitAsync($"/join/{code}", TestClient.FormNamed("join"), []);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(["ana@example.eu"], await app.MemberEmailsAsync(1));
        Assert.Equal(["cohort.create", "cohort.invitation.create", "cohort.join"], await app.AuditActionsAsync());
    }

    [Fact]
    public async Task BadCohortInputIsListedFieldByFieldAndExitsNonZero()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);

        var (exit, output) = await RunCliAsync(directory, "cohorts", "add", "--name", "X", "--course", "nope", "--starts", "2026-12-05", "--ends", "2026-12-01", "--online");

        Assert.Equal(1, exit);
        Assert.Contains("error: course: Choose a course.", output, StringComparison.Ordinal);
        Assert.Contains("error: ends: The end date is before the start date.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachCohortsCommandDocumentsItself()
    {
        using var directory = new TestDirectory();
        foreach (var command in new[] { "add", "list", "invite" })
        {
            var (exit, output) = await RunCliAsync(directory, "cohorts", command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("--data-dir", output, StringComparison.Ordinal);
        }
        var (_, root) = await RunCliAsync(directory, "--help");
        Assert.Contains("cohorts", root, StringComparison.Ordinal);
    }
}
