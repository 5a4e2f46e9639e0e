using System.Diagnostics;
using ELearning.Web.Certificates;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Cli;

public sealed class CertificatesCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunCliAsync(TestDirectory directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltApp.Cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Root,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task TheOperatorVerifiesListsAndRevokesACodeAndTheRevocationIsAudited()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        FixtureContent.Write(directory.ContentRoot, "thb/01-hearing/module.yml", """
            title: Hearing victims
            summary: How to hear victims.
            certificate:
              title: Hearing victims of trafficking
              issuer: The ELearning project
            """);
        string code;
        using (var app = new TestApp(directory))
        {
            using var browser = app.CreateBrowser();
            await browser.SignUpAndInAsync("ana@example.eu");
            using (await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
            using (await browser.SubmitAsync(FixtureContent.SecondLesson + "?warning=accepted", FixtureContent.SecondLesson + "/complete"))
            {
            }
            await using var scope = app.Services.CreateAsyncScope();
            code = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.SingleAsync()).Code;
        }
        var typed = CertificateCodes.Display(code).ToLowerInvariant();

        var (validExit, valid) = await RunCliAsync(directory, "certificates", "verify", typed);
        Assert.True(validExit == 0, valid);
        Assert.StartsWith("valid: Hearing victims of trafficking · Ana Popescu", valid, StringComparison.Ordinal);

        var (_, list) = await RunCliAsync(directory, "certificates", "list", "--search", "popescu");
        Assert.Contains(CertificateCodes.Display(code), list, StringComparison.Ordinal);

        var (revokeExit, revoked) = await RunCliAsync(directory, "certificates", "revoke", typed, "--reason", "issued in error");
        Assert.True(revokeExit == 0, revoked);

        var (afterExit, after) = await RunCliAsync(directory, "certificates", "verify", code);
        Assert.Equal(1, afterExit);
        Assert.Contains("revoked", after, StringComparison.Ordinal);
        Assert.Contains("issued in error", after, StringComparison.Ordinal);

        var (unknownExit, _) = await RunCliAsync(directory, "certificates", "verify", "0000-0000-0000-0000-0000-0000-0000");
        Assert.Equal(1, unknownExit);
        var (malformedExit, _) = await RunCliAsync(directory, "certificates", "verify", "hello");
        Assert.Equal(2, malformedExit);

        using var reopened = new TestApp(directory);
        await using var check = reopened.Services.CreateAsyncScope();
        var entry = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.AsNoTracking().SingleAsync();
        Assert.Equal((CertificateActions.RevokeAction, code, "issued in error", "cli"), (entry.Action, entry.TargetId, entry.Reason, entry.Address));
    }
}
