namespace ELearning.Content.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// An authoring problem at a position in a content file. <see cref="Line"/> and <see cref="Column"/> are 1-based;
/// <see cref="Path"/> is relative to the content root with forward slashes.
/// </summary>
public sealed record ContentDiagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    /// <summary>The <c>path:line:column: severity: message</c> form used by the lint command and the trainer error page.</summary>
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
