using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ELearning.Content.Catalog;

/// <summary>
/// Loads the course catalog from a content root and keeps it current; only the files whose length or modification
/// time changed are parsed again. Thread-safe.
/// <para>
/// Without <c>watchForChanges</c> (lint, one-shot tools) every call walks the tree's metadata. With it (the web app),
/// a call costs one field read: the tree is walked again only after the file provider's change token fired, so the
/// cost of a page does not grow with the catalog, and an edit shows on the next page load.
/// </para>
/// </summary>
public sealed class CourseCatalogLoader : IDisposable
{
    private readonly IFileProvider _contentRoot;
    private readonly Lock _gate = new();
    private readonly ParsedFileCache _cache = new();
    private readonly IDisposable? _watch;
    private volatile CourseCatalog? _catalog;
    private volatile bool _stale = true;
    private string? _signature;

    public CourseCatalogLoader(IFileProvider contentRoot, bool watchForChanges = false)
    {
        _contentRoot = contentRoot;
        if (watchForChanges)
        {
            _watch = ChangeToken.OnChange(() => contentRoot.Watch("**/*"), OnContentChanged);
        }
    }

    /// <summary>Raised (on a file-watcher thread) when a file under the content root changed, before the next rebuild.</summary>
    public event Action? ContentChanged;

    public CourseCatalog GetCatalog()
    {
        var current = _catalog;
        if (current is not null && !_stale && _watch is not null)
        {
            return current;
        }
        lock (_gate)
        {
            if (_catalog is not null && !_stale && _watch is not null)
            {
                return _catalog;
            }
            // Cleared before the walk: a change during the walk marks it stale again and the next call looks again.
            _stale = false;
            var tree = ContentTree.Scan(_contentRoot);
            if (_catalog is not null && string.Equals(tree.Signature, _signature, StringComparison.Ordinal))
            {
                return _catalog;
            }
            _cache.BeginBuild();
            var catalog = new CatalogBuilder(tree, _cache).Build();
            _cache.Retain(tree.Files);
            _catalog = catalog;
            // A file that could not be read (e.g. caught mid-save) must be retried even if its metadata is unchanged.
            _signature = _cache.HadReadFailure ? null : tree.Signature;
            if (_cache.HadReadFailure)
            {
                _stale = true;
            }
            return catalog;
        }
    }

    public void Dispose() => _watch?.Dispose();

    private void OnContentChanged()
    {
        _stale = true;
        ContentChanged?.Invoke();
    }
}
