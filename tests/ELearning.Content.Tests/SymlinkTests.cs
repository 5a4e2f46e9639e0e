using System.CommandLine;
using ELearning.Cli;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>Symbolic links must not publish files from outside the content folder, or an answer key as an image.</summary>
public sealed class SymlinkTests : IDisposable
{
    // Outside every content root: stands in for /etc/passwd (which the tests read, too, where it exists).
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "elearning-outside", Guid.NewGuid().ToString("N"));

    public SymlinkTests()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.md"), "---\ntitle: Secret\nsummary: Outside.\nminutes: 1\n---\nOUTSIDE-SECRET\n");
        Directory.CreateDirectory(Path.Combine(_outside, "folder"));
        File.WriteAllText(Path.Combine(_outside, "folder", "01-inner.md"), "---\ntitle: Inner\nsummary: Outside.\nminutes: 1\n---\nOUTSIDE-SECRET\n");
    }

    public void Dispose() => Directory.Delete(_outside, recursive: true);

    private static ContentFolder WithAssessment() => ContentFolder.WithMinimalCourse()
        .Write("thb/01-hearing/assessment.md", "---\ntitle: Test\npass_mark: 50\n---\n\nIntro.\n\n::: question id=q1 type=text\nWho?\n\n- [x] Eurojust\n:::\n")
        .WriteBytes("thb/01-hearing/media/real.png", [0x89, 0x50, 0x4E, 0x47]);

    private static void Link(ContentFolder content, string path, string target) =>
        File.CreateSymbolicLink(Path.Combine(content.Root, path), target);

    private static ContentDiagnostic ErrorAt(CourseCatalog catalog, string path) =>
        Assert.Single(catalog.Diagnostics, d => d.Path == path && d.Severity == DiagnosticSeverity.Error);

    [Fact]
    public void MediaLinksOutOfTheContentFolderOrToTheAnswerKeyAreReportedAndLeftOut()
    {
        using var content = WithAssessment();
        Link(content, "thb/01-hearing/media/passwd.png", "/etc/passwd");
        Link(content, "thb/01-hearing/media/outside.png", Path.Combine(_outside, "secret.md"));
        Link(content, "thb/01-hearing/media/key.png", "../assessment.md");
        Link(content, "thb/01-hearing/media/lesson.png", "../01-intro.md");
        Link(content, "thb/01-hearing/media/alias.png", "real.png");

        var catalog = content.Load();

        Assert.Contains("outside the content folder", ErrorAt(catalog, "thb/01-hearing/media/passwd.png").Message, StringComparison.Ordinal);
        Assert.Contains(_outside, ErrorAt(catalog, "thb/01-hearing/media/outside.png").Message, StringComparison.Ordinal);
        Assert.Contains("assessment", ErrorAt(catalog, "thb/01-hearing/media/key.png").Message, StringComparison.Ordinal);
        Assert.Contains("not an image", ErrorAt(catalog, "thb/01-hearing/media/lesson.png").Message, StringComparison.Ordinal);
        // A link to an image inside the folder is fine.
        Assert.DoesNotContain(catalog.Diagnostics, d => d.Path.EndsWith("alias.png", StringComparison.Ordinal));
    }

    [Fact]
    public void LessonFilesAndFoldersLinkedFromOutsideAreNotLoaded()
    {
        using var content = ContentFolder.WithMinimalCourse();
        Link(content, "thb/01-hearing/02-secret.md", Path.Combine(_outside, "secret.md"));
        Link(content, "thb/02-outside", Path.Combine(_outside, "folder"));

        var catalog = content.Load();

        var course = Assert.Single(catalog.Courses);
        Assert.Equal(["intro"], course.AllLessons.Select(l => l.Slug));
        Assert.Contains("outside the content folder", ErrorAt(catalog, "thb/01-hearing/02-secret.md").Message, StringComparison.Ordinal);
        Assert.Contains("outside the content folder", ErrorAt(catalog, "thb/02-outside").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALessonLinkedToTheAssessmentIsRefusedAndOneLinkedInsideIsLoaded()
    {
        using var content = WithAssessment();
        Link(content, "thb/01-hearing/02-key.md", "assessment.md");
        Link(content, "thb/01-hearing/03-again.md", "01-intro.md");

        var catalog = content.Load();

        Assert.Equal(["intro", "again"], catalog.Courses.Single().AllLessons.Select(l => l.Slug));
        Assert.Contains("assessment", ErrorAt(catalog, "thb/01-hearing/02-key.md").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARealPathResolvesEveryLinkOnTheWayAndStopsAtLoops()
    {
        using var content = new ContentFolder();
        Directory.CreateDirectory(Path.Combine(content.Root, "a"));
        Link(content, "b", "a");
        Link(content, "loop1", "loop2");
        Link(content, "loop2", "loop1");

        var root = ContentPaths.RealPath(content.Root)!;
        Assert.Equal(Path.Combine(root, "a", "x.png"), ContentPaths.RealPath(Path.Combine(content.Root, "b", "x.png")));
        Assert.Null(ContentPaths.RealPath(Path.Combine(content.Root, "loop1")));
    }

    [Fact]
    public void LintFailsOnALinkOutOfTheContentFolder()
    {
        using var content = ContentFolder.WithMinimalCourse();
        Directory.CreateDirectory(Path.Combine(content.Root, "thb/01-hearing/media"));
        Link(content, "thb/01-hearing/media/passwd.png", "/etc/passwd");

        var root = new RootCommand { LintCommand.Create() };
        using var output = new StringWriter();
        var exitCode = root.Parse(["lint", content.Root]).Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });

        Assert.Equal(1, exitCode);
        Assert.Contains("thb/01-hearing/media/passwd.png:1:1: error: a symbolic link to '/etc/passwd', outside the content folder", output.ToString(), StringComparison.Ordinal);
    }
}
