using System.CommandLine;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Cli;

/// <summary><c>elearn lint [path]</c>: reports every authoring problem; exit code 1 when there are errors (CI gate).</summary>
internal static partial class LintCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "The content folder to check.",
            DefaultValueFactory = _ => "content",
        };
        var lawMaxAge = new Option<int>("--law-max-age-months")
        {
            Description = "Warn when a LEGAL or COUNTRY callout states the law as of a date more than this many months ago.",
            DefaultValueFactory = _ => LawFreshness.DefaultMaxAgeMonths,
        };
        lawMaxAge.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--law-max-age-months must be 0 or more");
            }
        });
        var templates = new Option<string?>("--templates")
        {
            Description = "A deployment's template folder (Theme:TemplatesOverride) to check with the theme's own templates.",
        };
        var command = new Command("lint", "Check the course content and the theme's templates and report problems as path:line:column: message.")
        {
            path,
            lawMaxAge,
            templates,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(path)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(lawMaxAge),
            DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime),
            parseResult.GetValue(templates)));
        return command;
    }

    /// <summary>0 when there is no error, 1 when there are errors, 2 when the folder does not exist.</summary>
    internal static int Run(string path, TextWriter output, TextWriter error) =>
        Run(path, output, error, LawFreshness.DefaultMaxAgeMonths, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));

    /// <summary>As above; law-as-of dates more than <paramref name="lawMaxAgeMonths"/> before <paramref name="today"/> are warnings.</summary>
    internal static int Run(string path, TextWriter output, TextWriter error, int lawMaxAgeMonths, DateOnly today, string? templatesOverride = null)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"{path}: no such folder");
            return 2;
        }
        if (templatesOverride is not null && !Directory.Exists(templatesOverride))
        {
            error.WriteLine($"{templatesOverride}: no such folder");
            return 2;
        }
        using var provider = new PhysicalFileProvider(root);
        var catalog = new CourseCatalogLoader(provider).GetCatalog();

        // Print paths as given on the command line (content/countering-thb/…) so editors and CI logs can jump to them.
        var prefix = path.Replace('\\', '/').TrimEnd('/');
        // Age warnings depend on today, so they are not among the catalog's (cached) diagnostics.
        List<ContentDiagnostic> diagnostics = [.. catalog.Diagnostics
            .Concat(LawFreshness.Due(catalog, today, lawMaxAgeMonths).Select(r => LawFreshness.Warning(r, lawMaxAgeMonths)))
            .Select(d => prefix is "" or "." ? d : d with { Path = $"{prefix}/{d.Path}" })
            .Concat(TemplateDiagnostics(templatesOverride))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)];
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        var lessons = catalog.Courses.Sum(c => c.AllLessons.Count());
        var assessments = catalog.Courses.Sum(c => c.Modules.Count(m => m.Assessment is not null));
        output.WriteLine(string.Join(", ",
            Count(catalog.Courses.Count, "course"),
            Count(lessons, "lesson"),
            Count(assessments, "assessment"),
            Count(errors, "error"),
            Count(warnings, "warning")));
        return errors > 0 ? 1 : 0;
    }

    private static List<ContentDiagnostic> TemplateDiagnostics(string? templatesOverride)
    {
        List<ContentDiagnostic> diagnostics = [];
        AddTemplateDiagnostics(templatesOverride, diagnostics);
        return diagnostics;
    }

    /// <summary>
    /// The theme's RazorLight templates, compiled (LintCommand.Templates.cs). Left out where this file is compiled
    /// without the web host (the content tests), which then lint content only.
    /// </summary>
    static partial void AddTemplateDiagnostics(string? templatesOverride, List<ContentDiagnostic> diagnostics);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
