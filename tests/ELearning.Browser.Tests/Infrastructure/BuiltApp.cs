namespace ELearning.Browser.Tests.Infrastructure;

/// <summary>The repository and the app as built beside this test assembly (same configuration).</summary>
internal static class BuiltApp
{
    public static string Root
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "ELearning.sln")))
            {
                root = root.Parent;
            }
            Assert.NotNull(root);
            return root.FullName;
        }
    }

    /// <summary>The real curriculum the project ships.</summary>
    public static string ShippedContent => Path.Combine(Root, "content");

    public static string Web => Built("ELearning.Web", "ELearning.Web.dll");

    /// <summary>The <c>elearn</c> command line.</summary>
    public static string Cli => Built("ELearning.Cli", "elearn.dll");

    private static string Built(string project, string assembly)
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", assembly);
        Assert.True(File.Exists(path), $"{path} is missing: build the solution first.");
        return path;
    }
}
