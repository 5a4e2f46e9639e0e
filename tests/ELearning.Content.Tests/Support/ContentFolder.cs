using ELearning.Content.Catalog;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Content.Tests.Support;

/// <summary>A throw-away content root on disk, read through a real <see cref="PhysicalFileProvider"/>.</summary>
internal sealed class ContentFolder : IDisposable
{
    private readonly PhysicalFileProvider _provider;

    public ContentFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "elearning-content-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        _provider = new PhysicalFileProvider(Root);
        Loader = new CourseCatalogLoader(_provider);
    }

    public string Root { get; }

    public CourseCatalogLoader Loader { get; }

    public CourseCatalog Load() => Loader.GetCatalog();

    public ContentFolder Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        return this;
    }

    public ContentFolder WriteBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public ContentFolder Delete(string path)
    {
        File.Delete(Path.Combine(Root, path));
        return this;
    }

    public ContentFolder Course(string slug = "thb", string? yaml = null) =>
        Write($"{slug}/course.yml", yaml ?? $"title: Course {slug}\nsummary: About {slug}.\n");

    public ContentFolder Module(string folder, string? yaml = null) =>
        Write($"{folder}/module.yml", yaml ?? $"title: Module {folder}\nsummary: About {folder}.\n");

    public ContentFolder Lesson(string path, string body = "Body text.\n", string? frontMatter = null) =>
        Write(path, $"---\n{frontMatter ?? $"title: Lesson {Path.GetFileNameWithoutExtension(path)}\nsummary: A lesson.\nminutes: 10\n"}---\n{body}");

    /// <summary>A valid course <c>thb</c> with one module <c>01-hearing</c> and one lesson <c>01-intro.md</c>.</summary>
    public static ContentFolder WithMinimalCourse() =>
        new ContentFolder().Course().Module("thb/01-hearing").Lesson("thb/01-hearing/01-intro.md");

    public void Dispose()
    {
        _provider.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder are harmless; a failing cleanup must not fail the test.
        }
    }
}
