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

    public static string Web
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(Root, "src", "ELearning.Web", "bin", configuration, "net10.0", "ELearning.Web.dll");
            Assert.True(File.Exists(path), $"{path} is missing: build the solution first.");
            return path;
        }
    }
}
