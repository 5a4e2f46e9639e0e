using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Content.Catalog;

// A file or folder under the content root, with the metadata that decides whether it must be re-parsed.
internal sealed class ContentEntry
{
    // Relative to the content root, forward slashes; empty for the root.
    public required string Path { get; init; }
    public required string Name { get; init; }
    public required bool IsDirectory { get; init; }
    public required long Length { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public required IFileInfo? Info { get; init; }

    // Sorted by name (ordinal), folders and files mixed.
    public required IReadOnlyList<ContentEntry> Children { get; init; }
}

// One walk over the content root's metadata: no file is opened.
internal sealed class ContentTree
{
    // Courses, modules, media and a few levels of media sub-folders; deeper is not content and guards against loops.
    private const int MaxDepth = 8;

    private ContentTree(ContentEntry root, HashSet<string> files, string signature, List<(string Path, string Message)> refused)
    {
        Root = root;
        Files = files;
        Signature = signature;
        Refused = refused;
    }

    // Symbolic links that lead outside the content root (or, in media/, to a file that is not an image): left out of
    // the tree, each reported by the builder as an error at its path.
    public IReadOnlyList<(string Path, string Message)> Refused { get; }

    public ContentEntry Root { get; }

    // Paths of every file, for checking link and image targets.
    public IReadOnlySet<string> Files { get; }

    // Hex SHA-256 over every path, length and modification time: equal signatures, equal catalogs.
    public string Signature { get; }

    public static ContentTree Scan(IFileProvider provider)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var refused = new List<(string, string)>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Only a folder on disk has links to check (a test's in-memory provider has none).
        var realRoot = provider is PhysicalFileProvider physical ? ContentPaths.RealPath(physical.Root) : null;
        var root = ScanFolder(new ScanState(provider, realRoot, files, refused, hash), "", "", 0);
        return new ContentTree(root, files, Convert.ToHexStringLower(hash.GetHashAndReset()), refused);
    }

    private sealed record ScanState(
        IFileProvider Provider, string? RealRoot, HashSet<string> Files, List<(string, string)> Refused, IncrementalHash Hash);

    private static ContentEntry ScanFolder(ScanState scan, string path, string name, int depth)
    {
        var (provider, files, hash) = (scan.Provider, scan.Files, scan.Hash);
        var children = new List<ContentEntry>();
        if (depth < MaxDepth)
        {
            foreach (var info in provider.GetDirectoryContents(path).OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var childPath = path.Length == 0 ? info.Name : $"{path}/{info.Name}";
                if (scan.RealRoot is { } realRoot && info.PhysicalPath is { } physicalPath && ContentPaths.IsLink(physicalPath)
                    && ContentPaths.Refusal(realRoot, physicalPath, media: !info.IsDirectory && path.Split('/').Contains(ContentNames.MediaFolder)) is { } refusal)
                {
                    Append(hash, $"L {childPath}\n");
                    scan.Refused.Add((childPath, refusal));
                    continue;
                }
                if (info.IsDirectory)
                {
                    Append(hash, $"D {childPath}\n");
                    children.Add(ScanFolder(scan, childPath, info.Name, depth + 1));
                    continue;
                }
                Append(hash, string.Create(CultureInfo.InvariantCulture, $"F {childPath} {info.Length} {info.LastModified.UtcTicks}\n"));
                files.Add(childPath);
                children.Add(new ContentEntry
                {
                    Path = childPath,
                    Name = info.Name,
                    IsDirectory = false,
                    Length = info.Length,
                    LastModified = info.LastModified,
                    Info = info,
                    Children = [],
                });
            }
        }
        return new ContentEntry
        {
            Path = path,
            Name = name,
            IsDirectory = true,
            Length = 0,
            LastModified = default,
            Info = null,
            Children = children,
        };
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
