namespace ELearning.Web.Tests.Infrastructure;

/// <summary>Paths of the apps as built beside this test assembly (same configuration), for tests that run them as processes.</summary>
internal static class BuiltApp
{
    public static string Web => Find("ELearning.Web", "ELearning.Web.dll");

    public static string Cli => Find("ELearning.Cli", "elearn.dll");

    private static string Find(string project, string assembly)
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ELearning.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "src", project, "bin", configuration, "net10.0", assembly);
        Assert.True(File.Exists(path), $"{path} is missing: build the solution first.");
        return path;
    }
}
