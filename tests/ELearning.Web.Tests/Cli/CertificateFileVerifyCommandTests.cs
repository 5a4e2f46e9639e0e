using System.Diagnostics;
using ELearning.Web.Accounts;
using ELearning.Web.Certificates;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Cli;

public sealed class CertificateFileVerifyCommandTests
{
    private const string Code = "9XKQW2XRH9TPC4VN3JDF6GLB8ZSYQ5AE";

    [Fact]
    public async Task TheCommandLineVerifiesAGenuineFileAndReportsARevocationAndATamperedFile()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        var file = Path.Combine(directory.Root, "certificate.jwt");
        using (var app = new TestApp(directory))
        {
            using var browser = app.CreateBrowser();
            await browser.SignUpAndInAsync("ana@example.eu");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("ana@example.eu");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var issued = new DateTime(2025, 11, 30, 9, 0, 0, DateTimeKind.Utc);
                db.Certificates.Add(new Certificate
                {
                    Code = Code, UserId = user!.Id, CourseSlug = "countering-thb", Round = 1, HolderName = "Łucja Żak",
                    Title = "Countering trafficking in human beings", IssuerName = "Agency", CompletedAt = issued, IssuedAt = issued, StatusIndex = 9,
                });
                await db.SaveChangesAsync();
            }
            await File.WriteAllTextAsync(file, await browser.GetHtmlAsync($"/me/certificates/{Code}.jwt"));
        }

        var (exit, output) = await RunCliAsync(directory, "certificates", "verify", file);
        Assert.True(exit == 0, output);
        Assert.Contains("valid", output, StringComparison.Ordinal);
        Assert.Contains("Łucja Żak", output, StringComparison.Ordinal);

        var parts = (await File.ReadAllTextAsync(file)).Split('.');
        var tampered = Path.Combine(directory.Root, "tampered.jwt");
        await File.WriteAllTextAsync(tampered, $"{parts[0]}.{parts[1].Replace('A', 'B')}.{parts[2]}");
        (exit, output) = await RunCliAsync(directory, "certificates", "verify", tampered);
        Assert.True(exit is 1 or 2, output);
        Assert.Contains("not valid:", output, StringComparison.Ordinal);

        using (var app = new TestApp(directory))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.ExecuteUpdateAsync(u => u
                .SetProperty(c => c.RevokedAt, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc))
                .SetProperty(c => c.RevokedReason, "issued in error"));
        }
        (exit, output) = await RunCliAsync(directory, "certificates", "verify", file);
        Assert.Equal(1, exit);
        Assert.Contains("not valid: Revoked on 5 January 2026: issued in error.", output, StringComparison.Ordinal);

        (exit, output) = await RunCliAsync(directory, "certificates", "verify", Path.Combine(directory.Root, "missing.jwt"));
        Assert.Equal(2, exit);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(TestDirectory directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltApp.Cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Root,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
