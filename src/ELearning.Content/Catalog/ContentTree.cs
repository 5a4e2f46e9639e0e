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

    private ContentTree(ContentEntry root, HashSet<string> files, string signature)
    {
        Root = root;
        Files = files;
        Signature = signature;
    }

    public ContentEntry Root { get; }

    // Paths of every file, for checking link and image targets.
    public IReadOnlySet<string> Files { get; }

    // Hex SHA-256 over every path, length and modification time: equal signatures, equal catalogs.
    public string Signature { get; }

    public static ContentTree Scan(IFileProvider provider)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = ScanFolder(provider, "", "", 0, files, hash);
        return new ContentTree(root, files, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static ContentEntry ScanFolder(
        IFileProvider provider, string path, string name, int depth, HashSet<string> files, IncrementalHash hash)
    {
        var children = new List<ContentEntry>();
        if (depth < MaxDepth)
        {
            foreach (var info in provider.GetDirectoryContents(path).OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var childPath = path.Length == 0 ? info.Name : $"{path}/{info.Name}";
                if (info.IsDirectory)
                {
                    Append(hash, $"D {childPath}\n");
                    children.Add(ScanFolder(provider, childPath, info.Name, depth + 1, files, hash));
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
