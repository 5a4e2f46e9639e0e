namespace ELearning.Content.Diagnostics;

// Collects the diagnostics of one file while it is parsed.
internal sealed class DiagnosticBag(string path)
{
    private readonly List<ContentDiagnostic> _items = [];

    public string Path { get; } = path;

    public IReadOnlyList<ContentDiagnostic> Items => _items;

    public int ErrorCount => _items.Count(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasErrors => ErrorCount > 0;

    public void Error(int line, int column, string message) => Add(line, column, DiagnosticSeverity.Error, message);

    public void Warning(int line, int column, string message) => Add(line, column, DiagnosticSeverity.Warning, message);

    private void Add(int line, int column, DiagnosticSeverity severity, string message) =>
        // Positions are 1-based; clamp so a computed position can never print as 0 or negative.
        _items.Add(new ContentDiagnostic(Path, Math.Max(1, line), Math.Max(1, column), severity, message));
}
