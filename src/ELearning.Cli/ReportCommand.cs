using System.CommandLine;
using ELearning.Content.Catalog;
using ELearning.Theming;
using ELearning.Web.Reports;
using ELearning.Web.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ELearning.Cli;

/// <summary>
/// <c>elearn report --format csv</c>: the training report (or the project report's table) as the admin pages export
/// it, from the database and the content folder, for every learner (the operator has the database anyway).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Output format (csv).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv");
        var by = new Option<string>("--by") { Description = "Group by: country, profession, institution, cohort or module.", DefaultValueFactory = _ => "country" };
        by.AcceptOnlyFromAmong([.. Enum.GetNames<ReportDimension>().Select(n => n.ToLowerInvariant())]);
        var from = new Option<string?>("--from") { Description = "First day of the period (yyyy-mm-dd), included." };
        var to = new Option<string?>("--to") { Description = "Last day of the period (yyyy-mm-dd), included." };
        var project = new Option<bool>("--project") { Description = "Write the project report's table (one row per training session) instead." };
        var output = new Option<string?>("--output", "-o") { Description = "File to write; standard output when omitted." };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "Overrides Storage:DataDirectory (default ./data)." };
        var contentRoot = new Option<string?>("--content") { Description = "Overrides Content:Root (default ./content)." };

        var command = new Command("report", "Write the training report (trained / completed / certified learners) as CSV.")
        {
            format, by, from, to, project, output, dataDirectory, contentRoot,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ReportsExtensions.ParsePeriod(parse.GetValue(from), parse.GetValue(to)) is not { } period)
            {
                await Console.Error.WriteLineAsync("error: --from and --to are dates written yyyy-mm-dd, the start before the end.");
                return 2;
            }
            var dimension = ReportsExtensions.ParseDimension(parse.GetValue(by))!.Value;
            var table = await BuildAsync(
                period, dimension, parse.GetValue(project), parse.GetValue(dataDirectory), parse.GetValue(contentRoot), cancellationToken);
            if (parse.GetValue(output) is { } path)
            {
                await using var file = File.Create(path);
                table.WriteCsv(file);
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                table.WriteCsv(stdout);
            }
            return 0;
        });
        return command;
    }

    internal static async Task<ReportTable> BuildAsync(
        ReportPeriod period, ReportDimension dimension, bool project, string? dataDirectory, string? contentRoot, CancellationToken cancellationToken)
    {
        await using var provider = CliServices.Build(dataDirectory, (services, _) => services.AddLocalization());
        var configuration = provider.GetRequiredService<IConfiguration>();
        await provider.MigrateDatabaseAsync(cancellationToken);

        var root = Path.GetFullPath(contentRoot ?? configuration["Content:Root"] ?? "content");
        using var files = new PhysicalFileProvider(Directory.Exists(root) ? root : Path.GetTempPath());
        var catalog = Directory.Exists(root) ? new CourseCatalogLoader(files).GetCatalog() : new CourseCatalog { Courses = [], Diagnostics = [], Version = "" };

        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Strings>>();
        var (learners, cohorts) = await ReportFacts.LoadAsync(db, catalog, null, db.Cohorts, period, cancellationToken);
        if (project)
        {
            return ProjectReport.Build(learners, [.. cohorts.Where(c => period.Overlaps(c.StartsOn, c.EndsOn))], catalog, l).Table;
        }
        var (rows, total) = TrainingReport.Build(learners, cohorts, catalog, dimension, l);
        return TrainingReport.ToTable(rows, total, dimension, l);
    }
}
