using ELearning.Content.Catalog;
using Microsoft.Extensions.FileProviders;

namespace ELearning.Content.Tests;

public sealed class ReservedSlugTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "elearning-reserved", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("02-assessment.md")]
    [InlineData("02-media.md")]
    public void ALessonCannotTakeTheAddressOfTheAssessmentOrTheMediaFolder(string fileName)
    {
        Write("c/course.yml", "title: C\nsummary: S\n");
        Write("c/01-m/module.yml", "title: M\nsummary: S\n");
        Write("c/01-m/01-intro.md", "---\ntitle: Intro\nsummary: S\nminutes: 5\n---\n\nText.\n");
        Write("c/01-m/" + fileName, "---\ntitle: Clash\nsummary: S\nminutes: 5\n---\n\nText.\n");
        using var provider = new PhysicalFileProvider(_root);

        var catalog = new CourseCatalogLoader(provider).GetCatalog();

        Assert.Equal(["intro"], catalog.Courses.Single().Modules.Single().Lessons.Select(l => l.Slug));
        var error = Assert.Single(catalog.Diagnostics);
        Assert.Equal("c/01-m/" + fileName + ":1:1", $"{error.Path}:{error.Line}:{error.Column}");
        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
