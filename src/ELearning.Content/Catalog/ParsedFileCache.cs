using ELearning.Content.Diagnostics;

namespace ELearning.Content.Catalog;

// Parse results per file path, valid while the file's length and modification time are unchanged: a file is parsed once
// per version, and untouched files keep their (immutable) objects across catalog rebuilds.
// With a budget, each parse runs on its own thread and is given up after the budget: Markdig cannot be interrupted, so
// the abandoned parse runs on to its end and its result is dropped; the verdict is cached like any other, so one file
// version is parsed at most once.
internal sealed class ParsedFileCache(TimeSpan? budget = null, TimeProvider? time = null)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Per path, the parse result of the version that was last part of a catalog: served while a later version has errors.
    private readonly Dictionary<string, object> _served = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Action<string>? BeforeParse { get; set; }

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

        BeforeParse?.Invoke(file.Path);
        if (budget is not { } limit)
        {
            var parsed = ParseSafely(parse, bytes, diagnostics);
            _entries[file.Path] = new Entry(file.Length, file.LastModified, parsed, diagnostics.Items);
            return (parsed, diagnostics.Items);
        }

        var work = Task.Factory.StartNew(
            () => ParseSafely(parse, bytes, diagnostics), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        T? value;
        IReadOnlyList<ContentDiagnostic> found;
        try
        {
            value = work.WaitAsync(limit, _time).GetAwaiter().GetResult();
            found = diagnostics.Items;
        }
        catch (TimeoutException)
        {
            // A new bag: the abandoned parse still writes to the old one.
            var overBudget = new DiagnosticBag(file.Path);
            overBudget.Error(1, 1, $"parsing took longer than {Describe(limit)}, so this version of the file is not used; "
                + "look for what makes it slow to read: very long lines, deeply nested lists or quotes, or many unclosed brackets");
            value = null;
            found = overBudget.Items;
        }
        _entries[file.Path] = new Entry(file.Length, file.LastModified, value, found);
        return (value, found);
    }

    private static T? ParseSafely<T>(Func<byte[], DiagnosticBag, T?> parse, byte[] bytes, DiagnosticBag diagnostics)
        where T : class
    {
        try
        {
            return parse(bytes, diagnostics);
        }
#pragma warning disable CA1031 // One bad file must never stop the catalog from loading (DESIGN 3); the error is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Error(1, 1,
                $"the file could not be processed ({ex.GetType().Name}: {ex.Message}); please report this with the file");
            return null;
        }
    }

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms");

    // The last served version of a file, unless it is the given (current) one.
    public T? Served<T>(string path, T? current)
        where T : class =>
        _served.TryGetValue(path, out var served) && !ReferenceEquals(served, current) ? served as T : null;

    public void MarkServed(string path, object value) => _served[path] = value;

    // Forgets files that are gone: a deleted file has no previous version to fall back to.
    public void Retain(IReadOnlySet<string> paths)
    {
        foreach (var path in _entries.Keys.Where(p => !paths.Contains(p)).ToList())
        {
            _entries.Remove(path);
        }
        foreach (var path in _served.Keys.Where(p => !paths.Contains(p)).ToList())
        {
            _served.Remove(path);
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
