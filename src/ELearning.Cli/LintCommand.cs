using System.CommandLine;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Cli;

/// <summary><c>elearn lint [path]</c>: reports every authoring problem; exit code 1 when there are errors (CI gate).</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "The content folder to check.",
            DefaultValueFactory = _ => "content",
        };
        var command = new Command("lint", "Check the course content and report problems as path:line:column: message.")
        {
            path,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(path)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>0 when there is no error, 1 when there are errors, 2 when the folder does not exist.</summary>
    internal static int Run(string path, TextWriter output, TextWriter error)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"{path}: no such folder");
            return 2;
        }
        using var provider = new PhysicalFileProvider(root);
        var catalog = new CourseCatalogLoader(provider).GetCatalog();

        // Print paths as given on the command line (content/countering-thb/…) so editors and CI logs can jump to them.
        var prefix = path.Replace('\\', '/').TrimEnd('/');
        foreach (var diagnostic in catalog.Diagnostics)
        {
            output.WriteLine((prefix is "" or "." ? diagnostic : diagnostic with { Path = $"{prefix}/{diagnostic.Path}" }).ToString());
        }
        var errors = catalog.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = catalog.Diagnostics.Count - errors;
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

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
