using ELearning.Content.Catalog;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Content.Tests.Support;

/// <summary>The curriculum the repository ships (<c>content/</c> beside ELearning.sln), loaded as the app loads it.</summary>
internal static class ShippedContent
{
    public static string Root { get; } = FindRoot();

    public static CourseCatalog Load()
    {
        using var provider = new PhysicalFileProvider(Root);
        return new CourseCatalogLoader(provider).GetCatalog();
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ELearning.sln")))
            {
                return Path.Combine(folder.FullName, "content");
            }
        }
        throw new InvalidOperationException($"no ELearning.sln above {AppContext.BaseDirectory}: cannot find the shipped content");
    }
}
