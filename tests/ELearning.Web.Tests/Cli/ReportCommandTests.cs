using System.Diagnostics;
using ELearning.Web.Tests.Infrastructure;
using ELearning.Web.Tests.Reports;

namespace ELearning.Web.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task TheCommandLineWritesTheSameReportAsTheAdminPageAsCsv()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        FixtureContent.Write(directory.ContentRoot, FixtureContent.AssessmentFile, FixtureContent.AssessmentText());
        using (var app = new TestApp(directory))
        {
            await ReportFixture.SeedAsync(app);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var output = Path.Combine(directory.Root, "report.csv");
        var start = new ProcessStartInfo("dotnet",
            [BuiltApp.Cli, "report", "--format", "csv", "--by", "module", "--from", "2026-11-01", "--to", "2026-11-30", "--output", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Root,
        };
        using var process = Process.Start(start)!;
        var messages = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, messages);

        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Course / module,Trained,Completed,Certified", lines[0]);
        Assert.Contains("Countering trafficking / Following the money,3,2,0", lines);
        Assert.Equal("All learners,3,1,1", lines[^1]);
    }
}
