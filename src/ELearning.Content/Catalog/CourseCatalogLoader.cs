using System.Threading.Channels;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ELearning.Content.Catalog;

/// <summary>
/// Loads the course catalog from a content root and keeps it current; only the files whose length or modification
/// time changed are parsed again. Thread-safe.
/// <para>
/// Without <see cref="CatalogLoaderOptions.WatchForChanges"/> (lint, one-shot tools) every call walks the tree's
/// metadata and parses what changed on the calling thread. With it (the web app), a call costs one field read and never
/// waits for a parse: a change notification starts a rebuild in the background (after a short debounce, one at a time,
/// later changes coalesced), files are parsed one at a time within a time budget, and the new catalog replaces the old
/// one when it is complete. Only the very first call waits, for the first catalog.
/// </para>
/// </summary>
public sealed class CourseCatalogLoader : IDisposable
{
    private readonly IFileProvider _contentRoot;
    private readonly CatalogLoaderOptions _options;
    private readonly Lock _gate = new();
    private readonly ParsedFileCache _cache;
    private readonly IDisposable? _watch;
    private readonly Channel<bool>? _changes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<CourseCatalog> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CourseCatalog? _catalog;
    private string? _signature;

    public CourseCatalogLoader(IFileProvider contentRoot, bool watchForChanges = false)
        : this(contentRoot, new CatalogLoaderOptions { WatchForChanges = watchForChanges })
    {
    }

    public CourseCatalogLoader(IFileProvider contentRoot, CatalogLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contentRoot = contentRoot;
        _options = options;
        _cache = new ParsedFileCache(options.WatchForChanges ? options.ParseBudget : null, options.TimeProvider);
        if (options.WatchForChanges)
        {
            // Capacity one, extra writes dropped: any number of notifications during a debounce or a rebuild make one more rebuild.
            _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
            _watch = ChangeToken.OnChange(() => contentRoot.Watch("**/*"), () => _changes.Writer.TryWrite(true));
            _ = Task.Factory.StartNew(RebuildLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>
    /// When watching: raised (on the rebuild thread) right after a rebuilt catalog replaced the previous one; every
    /// <see cref="GetCatalog"/> from then on returns it.
    /// </summary>
    public event Action<CourseCatalog>? CatalogRebuilt;

    /// <summary>Called on the rebuild thread before a file is parsed; lets tests hold a rebuild at a known point.</summary>
    internal Action<string>? BeforeParse
    {
        get => _cache.BeforeParse;
        set => _cache.BeforeParse = value;
    }

    public CourseCatalog GetCatalog()
    {
        if (_changes is not null)
        {
            return _catalog ?? _first.Task.GetAwaiter().GetResult();
        }
        lock (_gate)
        {
            return Build(out _);
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    // Walks the tree and assembles a catalog from cached and newly parsed files; the same instance while nothing changed.
    private CourseCatalog Build(out bool changed)
    {
        var tree = ContentTree.Scan(_contentRoot);
        if (_catalog is not null && string.Equals(tree.Signature, _signature, StringComparison.Ordinal))
        {
            changed = false;
            return _catalog;
        }
        _cache.BeginBuild();
        var catalog = new CatalogBuilder(tree, _cache).Build();
        _cache.Retain(tree.Files);
        _catalog = catalog;
        // A file that could not be read (e.g. caught mid-save) must be retried even if its metadata is unchanged.
        _signature = _cache.HadReadFailure ? null : tree.Signature;
        changed = true;
        return catalog;
    }

    private async Task RebuildLoopAsync()
    {
        var stopping = _stopping.Token;
        var reader = _changes!.Reader;
        try
        {
            Rebuild();
            while (await reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                await Task.Delay(_options.Debounce, _options.TimeProvider, stopping).ConfigureAwait(false);
                while (reader.TryRead(out _))
                {
                }
                // On a thread of its own: the delay's continuation runs inline on whatever thread completed it (a timer's,
                // or whoever advances a test's clock), which a rebuild must never hold.
                await Task.Run(Rebuild, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private void Rebuild()
    {
        CourseCatalog catalog;
        bool changed;
        try
        {
            catalog = Build(out changed);
        }
#pragma warning disable CA1031 // The rebuild loop must survive anything: the last catalog keeps serving, the next change retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _first.TrySetException(ex);
            return;
        }
        _first.TrySetResult(catalog);
        if (_signature is null)
        {
            // A read failed (a file caught mid-save): look again after the debounce.
            _changes!.Writer.TryWrite(true);
        }
        if (changed)
        {
            CatalogRebuilt?.Invoke(catalog);
        }
    }
}
