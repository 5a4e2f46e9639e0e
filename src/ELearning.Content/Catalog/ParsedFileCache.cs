using ELearning.Content.Diagnostics;

namespace ELearning.Content.Catalog;

// Parse results per file path, valid while the file's length and modification time are unchanged: a file is parsed once
// per version, and untouched files keep their (immutable) objects across catalog rebuilds.
internal sealed class ParsedFileCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Set when a file could not be read during the current build; such a build must not be reused.
    public bool HadReadFailure { get; private set; }

    public void BeginBuild() => HadReadFailure = false;

    public (T? Value, IReadOnlyList<ContentDiagnostic> Diagnostics) Get<T>(ContentEntry file, Func<byte[], DiagnosticBag, T?> parse)
        where T : class
    {
        if (_entries.TryGetValue(file.Path, out var cached) && cached.Length == file.Length && cached.LastModified == file.LastModified)
        {
            return ((T?)cached.Value, cached.Diagnostics);
        }

        var diagnostics = new DiagnosticBag(file.Path);
        if (file.Length > ContentText.MaxFileBytes)
        {
            diagnostics.Error(1, 1, $"the file is larger than {ContentText.MaxFileBytes / 1024} KiB");
            _entries[file.Path] = new Entry(file.Length, file.LastModified, null, diagnostics.Items);
            return (null, diagnostics.Items);
        }
        byte[] bytes;
        try
        {
            bytes = Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Typically a file caught mid-save; not cached, so the next build retries it.
            HadReadFailure = true;
            diagnostics.Error(1, 1, $"the file could not be read: {ex.Message}");
            return (null, diagnostics.Items);
        }

        T? value;
        try
        {
            value = parse(bytes, diagnostics);
        }
#pragma warning disable CA1031 // One bad file must never stop the catalog from loading (DESIGN 3); the error is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Error(1, 1,
                $"the file could not be processed ({ex.GetType().Name}: {ex.Message}); please report this with the file");
            value = null;
        }
        _entries[file.Path] = new Entry(file.Length, file.LastModified, value, diagnostics.Items);
        return (value, diagnostics.Items);
    }

    // Forgets files that are gone.
    public void Retain(IReadOnlySet<string> paths)
    {
        foreach (var path in _entries.Keys.Where(p => !paths.Contains(p)).ToList())
        {
            _entries.Remove(path);
        }
    }

    private static byte[] Read(ContentEntry file)
    {
        using var stream = file.Info!.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record Entry(long Length, DateTimeOffset LastModified, object? Value, IReadOnlyList<ContentDiagnostic> Diagnostics);
}
