using Microsoft.Extensions.FileProviders;

namespace ELearning.Content.Catalog;

/// <summary>
/// Loads the course catalog from a content root and keeps it current. Cheap to call per request: each call walks
/// the tree's metadata only, re-parses just the files whose length or modification time changed, and returns the
/// same <see cref="CourseCatalog"/> instance while nothing changed. Thread-safe.
/// </summary>
public sealed class CourseCatalogLoader(IFileProvider contentRoot)
{
    private readonly Lock _gate = new();
    private readonly ParsedFileCache _cache = new();
    private CourseCatalog? _catalog;
    private string? _signature;

    public CourseCatalog GetCatalog()
    {
        lock (_gate)
        {
            var tree = ContentTree.Scan(contentRoot);
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
            return catalog;
        }
    }
}
