using System.Globalization;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Web.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ELearning.Web;

/// <summary>
/// One line after start-up with what an operator looks for first: where the app listens, where its data is, what
/// content it loaded and whether any of it has errors. Framework and SQL lines stay at their own levels.
/// </summary>
internal static partial class StartupSummary
{
    public static WebApplication LogStartupSummary(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var services = app.Services;
            var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var catalog = services.GetRequiredService<CourseCatalogLoader>().GetCatalog();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("ELearning.Startup");
            Ready(logger, Text(addresses, storage.FullDataDirectory, catalog));
        });
        return app;
    }

    public static string Text(IEnumerable<string> addresses, string dataDirectory, CourseCatalog catalog)
    {
        var urls = addresses.ToList();
        var courses = catalog.Courses.Count;
        var lessons = catalog.Courses.Sum(c => c.AllLessons.Count());
        var errors = catalog.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = catalog.Diagnostics.Count - errors;
        // One line: the console logs are single-line, and a summary should survive grep.
        return $"ELearning is ready at {(urls.Count == 0 ? "(in-process host)" : string.Join(", ", urls))}"
            + $" · data in {dataDirectory}"
            + $" · {Count(courses, "course")} and {Count(lessons, "lesson")} loaded"
            + $" · {Count(errors, "content error")}, {Count(warnings, "warning")}"
            + (errors + warnings > 0 ? ": see /trainer/content (trainers and admins) or run `elearn lint`" : "");
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void Ready(ILogger logger, string summary);
}
