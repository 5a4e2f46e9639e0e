namespace ELearning.Content.Catalog;

/// <summary>
/// Symbolic links under the content root: an author (or an attacker with write access to one folder) must not be able
/// to publish <c>/etc/passwd</c> or an answer key as a lesson or an image. The loader, lint and the media endpoint all
/// ask here, on real paths (every link in the path resolved).
/// </summary>
public static class ContentPaths
{
    // Link chains longer than this are loops (the kernel's own limit is 40).
    private const int MaxLinks = 40;

    /// <summary>The path with every symbolic link in it resolved; null for a loop. The target need not exist.</summary>
    public static string? RealPath(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>
    /// Why the file or folder at <paramref name="physicalPath"/> must not be read as content under
    /// <paramref name="realRoot"/> (itself a <see cref="RealPath"/>); null when it may. A file served from a
    /// <c>media/</c> folder must also really be an image, whatever its link is called.
    /// </summary>
    public static string? Refusal(string realRoot, string physicalPath, bool media)
    {
        ArgumentNullException.ThrowIfNull(realRoot);
        var real = RealPath(physicalPath);
        if (real is null)
        {
            return "a symbolic link loop; it is ignored";
        }
        if (!IsInside(realRoot, real))
        {
            return $"a symbolic link to '{real}', outside the content folder; it is ignored";
        }
        if (!File.Exists(real) && !Directory.Exists(real))
        {
            return $"a symbolic link to '{real}', which does not exist; it is ignored";
        }
        if (File.Exists(real) && Path.GetFileName(real).StartsWith("assessment.", StringComparison.Ordinal)
            && !Path.GetFileName(physicalPath).StartsWith("assessment.", StringComparison.Ordinal))
        {
            // An answer key published under another name (a lesson, an image).
            return $"a symbolic link to the assessment '{Path.GetRelativePath(realRoot, real).Replace('\\', '/')}'; it is ignored";
        }
        if (media && File.Exists(real) && !MediaFiles.IsServable(real))
        {
            return $"a symbolic link to '{Path.GetRelativePath(realRoot, real).Replace('\\', '/')}', which is not an image; it is ignored";
        }
        return null;
    }

    /// <summary>Whether the entry itself is a symbolic link (one system call; folders above it are checked as they are walked).</summary>
    public static bool IsLink(string physicalPath) => new FileInfo(physicalPath).LinkTarget is not null;

    private static bool IsInside(string realRoot, string real)
    {
        var root = realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return real.StartsWith(root, StringComparison.Ordinal);
    }

    private static string? Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    return null;
                }
                var resolved = Resolve(Path.GetFullPath(target, current), ref links);
                if (resolved is null)
                {
                    return null;
                }
                next = resolved;
            }
            current = next;
        }
        return current;
    }
}
