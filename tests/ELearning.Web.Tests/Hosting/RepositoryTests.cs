using System.Text.RegularExpressions;

namespace ELearning.Web.Tests.Hosting;

/// <summary>What the repository says about itself stays true: declared packages are used, the README claims no code that is not there.</summary>
public sealed partial class RepositoryTests
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ELearning.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ELearning.sln not found above the test binaries.");
    }

    private static HashSet<string> Referenced(string root) =>
    [
        .. Directory.EnumerateFiles(root, "*.*proj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "Directory.Build.props", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => PackageReference().Matches(File.ReadAllText(p)).Select(m => m.Groups["id"].Value)),
    ];

    [Fact]
    public void EveryCentrallyDeclaredPackageIsReferencedByAProject()
    {
        var root = Root();
        var declared = PackageVersion().Matches(File.ReadAllText(Path.Combine(root, "Directory.Packages.props"))).Select(m => m.Groups["id"].Value);
        var referenced = Referenced(root);
        Assert.All(declared, d => Assert.Contains(d, referenced));
    }

    [Fact]
    public void TheReadmeNamesPdfsharpOnlyWhenAProjectUsesIt()
    {
        var root = Root();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        if (!Referenced(root).Contains("PDFsharp"))
        {
            Assert.DoesNotContain("PDFsharp", readme, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex("<PackageVersion\\s+Include=\"(?<id>[^\"]+)\"")]
    private static partial Regex PackageVersion();

    [GeneratedRegex("<PackageReference\\s+Include=\"(?<id>[^\"]+)\"")]
    private static partial Regex PackageReference();
}
