using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;

namespace ELearning.Content.Tests.Support;

internal static class DiagnosticAssert
{
    /// <summary>Asserts one diagnostic at exactly this place whose message contains <paramref name="messagePart"/>.</summary>
    public static ContentDiagnostic Has(
        IEnumerable<ContentDiagnostic> diagnostics, string path, int line, int column, DiagnosticSeverity severity, string messagePart)
    {
        var all = diagnostics.ToList();
        var match = all.FirstOrDefault(d =>
            d.Path == path && d.Line == line && d.Column == column && d.Severity == severity
            && d.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.True(match is not null,
            $"expected {path}:{line}:{column}: {severity} containing \"{messagePart}\"; got:\n{string.Join('\n', all)}");
        return match!;
    }

    public static ContentDiagnostic HasError(CourseCatalog catalog, string path, int line, int column, string messagePart) =>
        Has(catalog.Diagnostics, path, line, column, DiagnosticSeverity.Error, messagePart);

    public static void NoErrors(IEnumerable<ContentDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "unexpected errors:\n" + string.Join('\n', errors));
    }
}
