using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class CourseCatalogLoaderTests
{
    [Fact]
    public void ModulesAndLessonsAreOrderedByNumberNotByName()
    {
        using var content = new ContentFolder().Course()
            .Module("thb/10-later").Lesson("thb/10-later/01-only.md")
            .Module("thb/2-second").Lesson("thb/2-second/10-last.md").Lesson("thb/2-second/9-first.md").Lesson("thb/2-second/09-second.md")
            .Module("thb/01-first").Lesson("thb/01-first/01-a.md");

        var course = Assert.Single(content.Load().Courses);

        Assert.Equal(["first", "second", "later"], course.Modules.Select(m => m.Slug));
        // 9 and 09 tie on the number; the file name breaks the tie.
        Assert.Equal(["second", "first", "last"], course.FindModule("second")!.Lessons.Select(l => l.Slug));
    }

    [Fact]
    public void SlugsDropTheNumberAndExtension()
    {
        using var content = new ContentFolder().Course("countering-thb")
            .Module("countering-thb/01-victim-hearing")
            .Lesson("countering-thb/01-victim-hearing/02-rights-framework.md");

        var module = content.Load().FindCourse("countering-thb")!.FindModule("victim-hearing")!;
        var lesson = Assert.Single(module.Lessons);

        Assert.Equal("rights-framework", lesson.Slug);
        Assert.Equal("victim-hearing", lesson.ModuleSlug);
        Assert.Equal("countering-thb", lesson.CourseSlug);
        Assert.Equal("countering-thb/01-victim-hearing/02-rights-framework.md", lesson.SourcePath);
        Assert.Equal("countering-thb/01-victim-hearing", module.FolderPath);
    }

    [Fact]
    public void CourseModuleAndLessonValuesComeFromTheirFiles()
    {
        using var content = new ContentFolder()
            .Course("thb", """
                title: Countering THB
                summary: >-
                  Practical training
                  for practitioners.
                languages: [en, ro]
                hours: 6.5
                """)
            .Module("thb/01-hearing", """
                title: Hearing victims
                summary: How to hear victims.
                objectives:
                  - Plan a hearing
                  - Build rapport
                """)
            .Module("thb/02-cases", "title: Cases\nsummary: Cross-border.\nprerequisites: [hearing]\n")
            .Lesson("thb/01-hearing/01-intro.md", "# Intro\n", "title: Why hearings differ\nsummary: Trauma and fear.\nminutes: 20\n")
            .Lesson("thb/02-cases/01-network.md", "Text.\n", "title: Networks\nsummary: How.\nminutes: 15\n");

        var catalog = content.Load();
        var course = Assert.Single(catalog.Courses);
        var hearing = course.FindModule("hearing")!;
        var lesson = Assert.Single(hearing.Lessons);

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        Assert.Equal("Countering THB", course.Title);
        Assert.Equal("Practical training for practitioners.", course.Summary);
        Assert.Equal(["en", "ro"], course.Languages);
        Assert.Equal(6.5m, course.Hours);
        Assert.Equal(35, course.Minutes);
        Assert.Equal("Hearing victims", hearing.Title);
        Assert.Equal(["Plan a hearing", "Build rapport"], hearing.Objectives);
        Assert.Empty(hearing.Prerequisites);
        Assert.Equal(["hearing"], course.FindModule("cases")!.Prerequisites);
        Assert.Equal("Why hearings differ", lesson.Title);
        Assert.Equal("Trauma and fear.", lesson.Summary);
        Assert.Equal(20, lesson.Minutes);
        Assert.Null(lesson.ContentWarning);
    }

    [Fact]
    public void LanguagesDefaultToEnglishAndHoursToNone()
    {
        using var content = ContentFolder.WithMinimalCourse();

        var course = Assert.Single(content.Load().Courses);

        Assert.Equal(["en"], course.Languages);
        Assert.Null(course.Hours);
    }

    [Fact]
    public void ContentWarningIsReadFromFrontMatter()
    {
        using var content = new ContentFolder().Course().Module("thb/01-m")
            .Lesson("thb/01-m/01-l.md", "Text.\n", "title: T\nsummary: S\nminutes: 5\ncontent_warning: Describes sexual exploitation.\n");

        var lesson = content.Load().Courses[0].Modules[0].Lessons[0];

        Assert.Equal("Describes sexual exploitation.", lesson.ContentWarning);
    }

    [Fact]
    public void LessonBodyIsRenderedIntoSegments()
    {
        using var content = new ContentFolder().Course().Module("thb/01-m").Lesson("thb/01-m/01-l.md", """
            # Heading

            Text.

            ::: question id=q1
            Pick one.

            - [x] Right
            - [ ] Wrong
            :::
            """);

        var lesson = content.Load().Courses[0].Modules[0].Lessons[0];

        Assert.Collection(lesson.Segments,
            s => Assert.Equal("<h1 id=\"heading\">Heading</h1>\n<p>Text.</p>\n", Assert.IsType<HtmlSegment>(s).Html),
            s => Assert.Equal("q1", Assert.IsType<QuestionSegment>(s).Question.Id));
        Assert.Equal("q1", lesson.FindQuestion("q1")!.Id);
    }

    [Fact]
    public void ContentVersionIsTheStartOfTheFilesSha256()
    {
        using var content = ContentFolder.WithMinimalCourse();
        var bytes = File.ReadAllBytes(Path.Combine(content.Root, "thb/01-hearing/01-intro.md"));

        var lesson = content.Load().Courses[0].Modules[0].Lessons[0];

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12], lesson.ContentVersion);
    }

    [Fact]
    public void BrokenLessonIsSkippedAndReportedWhileTheRestLoads()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/02-broken.md", "Text.\n", "title: Broken\nsummary: S\nminutes: ten\n")
            .Lesson("thb/01-hearing/03-fine.md");

        var catalog = content.Load();

        Assert.Equal(["intro", "fine"], catalog.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/02-broken.md", 4, 10, "'minutes' must be a positive whole number");
    }

    [Fact]
    public void ModuleWithBrokenModuleYmlIsSkippedWithItsLessonsButTheirProblemsAreStillReported()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/02-broken", "title: [not, text]\nsummary: S\n")
            .Lesson("thb/02-broken/01-l.md", "![](media/x.png)\n");

        var catalog = content.Load();

        Assert.Equal(["hearing"], catalog.Courses[0].Modules.Select(m => m.Slug));
        DiagnosticAssert.HasError(catalog, "thb/02-broken/module.yml", 1, 8, "'title' must be text");
        DiagnosticAssert.HasError(catalog, "thb/02-broken/01-l.md", 6, 1, "image has no alt text");
    }

    [Fact]
    public void CourseWithBrokenCourseYmlIsSkipped()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Course("other", "summary: no title\n").Module("other/01-m").Lesson("other/01-m/01-l.md");

        var catalog = content.Load();

        Assert.Equal(["thb"], catalog.Courses.Select(c => c.Slug));
        DiagnosticAssert.HasError(catalog, "other/course.yml", 1, 1, "missing required key 'title'");
    }

    [Fact]
    public void TranslationsAreIgnoredForNow()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/01-intro.ro.md", "Text.\n", "title: Intro RO\nsummary: S\nminutes: 10\n");

        var catalog = content.Load();

        Assert.Single(catalog.Courses[0].Modules[0].Lessons);
        Assert.Empty(catalog.Diagnostics);
    }

    [Fact]
    public void NamesOutsideTheLayoutAreWarnedAboutAndSkipped()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/Notes")
            .Write("thb/notes.txt", "x")
            .Lesson("thb/01-hearing/intro.md")
            .Lesson("thb/01-hearing/02-Upper-Case.md")
            .Write("thb/01-hearing/drafts/01-x.md", "x")
            .Write("thb/01-hearing/media/room.jpg", "jpg")
            .Write("Bad Course/course.yml", "title: x\nsummary: y\n");

        var catalog = content.Load();

        var warnings = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Path).ToList();
        Assert.Equal(["Bad Course", "thb/01-hearing/02-Upper-Case.md", "thb/01-hearing/drafts", "thb/01-hearing/intro.md", "thb/Notes", "thb/notes.txt"], warnings);
        Assert.DoesNotContain(catalog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(["intro"], catalog.Courses.Single().Modules.Single().Lessons.Select(l => l.Slug));
    }

    [Fact]
    public void EditedFileIsPickedUpByTheNextCall()
    {
        using var content = ContentFolder.WithMinimalCourse();
        var before = content.Load();

        content.Lesson("thb/01-hearing/01-intro.md", "Edited body, longer than before.\n", "title: Edited title\nsummary: A lesson.\nminutes: 10\n");
        var after = content.Load();

        Assert.NotSame(before, after);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal("Edited title", after.Courses[0].Modules[0].Lessons[0].Title);
        Assert.NotEqual(before.Courses[0].Modules[0].Lessons[0].ContentVersion, after.Courses[0].Modules[0].Lessons[0].ContentVersion);
    }

    [Fact]
    public void EditWithTheSameLengthIsPickedUpThroughTheModificationTime()
    {
        using var content = ContentFolder.WithMinimalCourse();
        var path = Path.Combine(content.Root, "thb/01-hearing/01-intro.md");
        var before = content.Load();

        File.WriteAllText(path, File.ReadAllText(path).Replace("Body text.", "Body TEXT.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        var after = content.Load();

        Assert.Contains("Body TEXT.", Assert.IsType<HtmlSegment>(after.Courses[0].Modules[0].Lessons[0].Segments[0]).Html, StringComparison.Ordinal);
        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void UnchangedTreeReturnsTheSameCatalogInstance()
    {
        using var content = ContentFolder.WithMinimalCourse();

        var first = content.Load();
        var second = content.Load();

        Assert.Same(first, second);
    }

    [Fact]
    public void UntouchedFilesAreNotParsedAgainAfterAnotherFileChanged()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/02-other.md");
        var before = content.Load();

        content.Lesson("thb/01-hearing/02-other.md", "A different, longer body.\n");
        var after = content.Load();

        Assert.NotSame(before, after);
        Assert.Same(before.Courses[0].Modules[0].Lessons[0], after.Courses[0].Modules[0].Lessons[0]);
        Assert.NotSame(before.Courses[0].Modules[0].Lessons[1], after.Courses[0].Modules[0].Lessons[1]);
    }

    [Fact]
    public void NewAndDeletedFilesAreNoticed()
    {
        using var content = ContentFolder.WithMinimalCourse();
        content.Load();

        content.Lesson("thb/01-hearing/02-new.md");
        Assert.Equal(["intro", "new"], content.Load().Courses[0].Modules[0].Lessons.Select(l => l.Slug));

        content.Delete("thb/01-hearing/01-intro.md");
        Assert.Equal(["new"], content.Load().Courses[0].Modules[0].Lessons.Select(l => l.Slug));
    }

    [Fact]
    public void LinkBecomesValidWhenItsTargetIsCreatedWithoutTheLinkingFileChanging()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/02-links.md", "See [next](03-next.md).\n");
        var before = content.Load();

        content.Lesson("thb/01-hearing/03-next.md");
        var after = content.Load();

        DiagnosticAssert.HasError(before, "thb/01-hearing/02-links.md", 6, 5, "link target not found");
        Assert.Equal(["intro"], before.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
        Assert.Equal(["intro", "links", "next"], after.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
    }

    [Fact]
    public void ConcurrentCallsGetOneConsistentCatalog()
    {
        using var content = ContentFolder.WithMinimalCourse();

        var catalogs = new CourseCatalog[16];
        Parallel.For(0, catalogs.Length, i => catalogs[i] = content.Load());

        Assert.All(catalogs, c => Assert.Same(catalogs[0], c));
    }

    [Fact]
    public void DiagnosticsAreSortedByPathThenPosition()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Lesson("thb/01-hearing/02-b.md", "![](media/a.png) ![](media/b.png)\n\n![](media/c.png)\n")
            .Module("thb/02-a", "title: T\nsummary: S\nfoo: 1\nbar: 2\n");

        var diagnostics = content.Load().Diagnostics;

        Assert.Equal(
            diagnostics.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column),
            diagnostics);
        Assert.True(diagnostics.Count >= 8);
    }

    [Fact]
    public void EmptyContentRootGivesAnEmptyCatalog()
    {
        using var content = new ContentFolder();

        var catalog = content.Load();

        Assert.Empty(catalog.Courses);
        Assert.Empty(catalog.Diagnostics);
        Assert.False(string.IsNullOrEmpty(catalog.Version));
    }

    [Fact]
    public void PrerequisitesNamingUnknownModulesAreErrors()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/02-cases", "title: T\nsummary: S\nprerequisites:\n  - hearing\n  - heraing\n").Lesson("thb/02-cases/01-l.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-cases/module.yml", 5, 5, "unknown prerequisite 'heraing'");
        Assert.Equal(["hearing"], catalog.Courses[0].Modules.Select(m => m.Slug));
    }

    [Fact]
    public void ModulesDependingOnAModuleThatDidNotLoadAreSkippedSoEveryPrerequisiteExists()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/02-broken", "title: T\n")
            .Module("thb/03-after", "title: T\nsummary: S\nprerequisites: [broken]\n").Lesson("thb/03-after/01-l.md")
            .Module("thb/04-later", "title: T\nsummary: S\nprerequisites: [after, hearing]\n").Lesson("thb/04-later/01-l.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/03-after/module.yml", 3, 17, "prerequisite 'broken' did not load");
        DiagnosticAssert.HasError(catalog, "thb/04-later/module.yml", 3, 17, "prerequisite 'after' did not load");
        Assert.Equal(["hearing"], catalog.Courses[0].Modules.Select(m => m.Slug));
    }

    [Fact]
    public void PrerequisiteCyclesAreErrors()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/02-a", "title: T\nsummary: S\nprerequisites: [b]\n").Lesson("thb/02-a/01-l.md")
            .Module("thb/03-b", "title: T\nsummary: S\nprerequisites: [hearing, a]\n").Lesson("thb/03-b/01-l.md")
            .Module("thb/04-self", "title: T\nsummary: S\nprerequisites: [self]\n").Lesson("thb/04-self/01-l.md");

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-a/module.yml", 3, 17, "prerequisites form a cycle: a → b → a");
        DiagnosticAssert.HasError(catalog, "thb/03-b/module.yml", 3, 26, "prerequisites form a cycle");
        DiagnosticAssert.HasError(catalog, "thb/04-self/module.yml", 3, 17, "cannot be its own prerequisite");
        Assert.Equal(["hearing"], catalog.Courses[0].Modules.Select(m => m.Slug));
    }

    [Fact]
    public void FileThatIsNotUtf8IsAnError()
    {
        using var content = ContentFolder.WithMinimalCourse().WriteBytes("thb/01-hearing/02-latin1.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0x0A]);

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/02-latin1.md", 1, 1, "not UTF-8");
        Assert.Single(catalog.Courses[0].Modules[0].Lessons);
    }

    [Fact]
    public void ByteOrderMarkAndWindowsLineEndingsAreAccepted()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .WriteBytes("thb/01-hearing/02-windows.md", [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes("---\r\ntitle: Windows\r\nsummary: S\r\nminutes: 5\r\n---\r\n# Hi\r\n")]);

        var catalog = content.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        Assert.Equal("Windows", catalog.Courses[0].Modules[0].FindLesson("windows")!.Title);
    }

    [Fact]
    public void OversizedFileIsAnErrorWithoutBeingParsed()
    {
        using var content = ContentFolder.WithMinimalCourse().Write("thb/01-hearing/02-huge.md", new string('a', ContentText.MaxFileBytes + 1));

        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/01-hearing/02-huge.md", 1, 1, "larger than");
    }

    [Fact]
    public void ModulesAreRequiredUnlessModuleYmlSaysOptional()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/02-extra", "title: Extra\nsummary: Further reading.\noptional: true\n").Lesson("thb/02-extra/01-l.md")
            .Module("thb/03-core", "title: Core\nsummary: Needed.\noptional: false\n").Lesson("thb/03-core/01-l.md");

        var modules = content.Load().Courses[0].Modules;

        Assert.Equal([("hearing", false), ("extra", true), ("core", false)], modules.Select(m => (m.Slug, m.Optional)));
    }
}
