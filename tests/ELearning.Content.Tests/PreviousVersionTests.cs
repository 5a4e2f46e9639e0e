using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

// A typo must not take live material offline: a file whose new version has errors keeps serving its last good version.
public sealed class PreviousVersionTests
{
    private const string Intro = "thb/01-hearing/01-intro.md";
    private const string AssessmentPath = "thb/01-hearing/assessment.md";
    private const string Assessment = "---\ntitle: Check\npass_mark: 50\n---\n\nIntro.\n\n::: question id=a-q\nPick.\n\n- [x] A\n- [ ] B\n:::\n";

    [Fact]
    public void ALessonWithANewErrorKeepsServingItsLastGoodVersionUntilFixed()
    {
        using var content = ContentFolder.WithMinimalCourse();
        content.Lesson(Intro, "Good text.\n");
        var good = content.Load().Courses[0].Modules[0].Lessons[0];

        content.Lesson(Intro, "Broken text.\n", "title: Intro\nsummary: S\nminutes: ten\n");
        var broken = content.Load();

        Assert.Same(good, Assert.Single(broken.Courses[0].Modules[0].Lessons));
        DiagnosticAssert.HasError(broken, Intro, 4, 10, "'minutes' must be a positive whole number");
        Assert.True(broken.ServesPreviousVersion(Intro));

        content.Lesson(Intro, "Fixed text, at last.\n");
        var fixedCatalog = content.Load();

        Assert.Contains("Fixed text", fixedCatalog.Courses[0].Modules[0].Lessons[0].Segments.OfType<Catalog.HtmlSegment>().Single().Html, StringComparison.Ordinal);
        Assert.Empty(fixedCatalog.PreviousVersions);
        DiagnosticAssert.NoErrors(fixedCatalog.Diagnostics);
    }

    [Fact]
    public void ALessonWhoseFirstVersionHasAnErrorIsNotServed()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/02-new.md", "Text.\n", "title: New\nsummary: S\nminutes: ten\n");

        var catalog = content.Load();

        Assert.Equal(["intro"], catalog.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
        Assert.Empty(catalog.PreviousVersions);
    }

    [Fact]
    public void ALessonThatGainsABrokenLinkKeepsItsPreviousVersion()
    {
        using var content = ContentFolder.WithMinimalCourse();
        var good = content.Load().Courses[0].Modules[0].Lessons[0];

        content.Lesson(Intro, "See [next](02-nxet.md).\n");
        var catalog = content.Load();

        Assert.Same(good, catalog.Courses[0].Modules[0].Lessons[0]);
        DiagnosticAssert.HasError(catalog, Intro, 6, 5, "link target not found");
        Assert.True(catalog.ServesPreviousVersion(Intro));
    }

    [Fact]
    public void ADeletedLessonIsGoneEvenThoughItHadAGoodVersion()
    {
        using var content = ContentFolder.WithMinimalCourse().Lesson("thb/01-hearing/02-other.md");
        content.Load();

        content.Delete("thb/01-hearing/02-other.md");
        content.Load();
        content.Lesson("thb/01-hearing/02-other.md", "Text.\n", "title: Back\nsummary: S\nminutes: ten\n");
        var catalog = content.Load();

        Assert.Equal(["intro"], catalog.Courses[0].Modules[0].Lessons.Select(l => l.Slug));
    }

    [Fact]
    public void AnAssessmentWithANewErrorKeepsItsPreviousVersion()
    {
        using var content = ContentFolder.WithMinimalCourse().Write(AssessmentPath, Assessment);
        var good = content.Load().Courses[0].Modules[0].Assessment;
        Assert.NotNull(good);

        content.Write(AssessmentPath, Assessment.Replace("pass_mark: 50", "pass_mark: fifty", StringComparison.Ordinal));
        var catalog = content.Load();

        Assert.Same(good, catalog.Courses[0].Modules[0].Assessment);
        DiagnosticAssert.HasError(catalog, AssessmentPath, 3, 12, "pass_mark");
        Assert.True(catalog.ServesPreviousVersion(AssessmentPath));
    }

    [Fact]
    public void BrokenModuleAndCourseFilesKeepTheirPreviousValues()
    {
        using var content = ContentFolder.WithMinimalCourse();
        content.Load();

        content.Module("thb/01-hearing", "title: [not, text]\nsummary: S\n").Course("thb", "summary: no title\n");
        var catalog = content.Load();

        var course = Assert.Single(catalog.Courses);
        Assert.Equal("Course thb", course.Title);
        Assert.Equal("Module thb/01-hearing", course.Modules[0].Title);
        Assert.Single(course.Modules[0].Lessons);
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/module.yml", 1, 8, "'title' must be text");
        DiagnosticAssert.HasError(catalog, "thb/course.yml", 1, 1, "missing required key 'title'");
        Assert.Equal(["thb/01-hearing/module.yml", "thb/course.yml"], catalog.PreviousVersions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AModuleYmlWithAMistypedPrerequisiteKeepsThePreviousOne()
    {
        using var content = ContentFolder.WithMinimalCourse()
            .Module("thb/02-cases", "title: Cases\nsummary: S\nprerequisites: [hearing]\n").Lesson("thb/02-cases/01-l.md");
        content.Load();

        content.Module("thb/02-cases", "title: Cases, renamed\nsummary: S\nprerequisites: [heraing]\n");
        var catalog = content.Load();

        DiagnosticAssert.HasError(catalog, "thb/02-cases/module.yml", 3, 17, "unknown prerequisite 'heraing'");
        var cases = catalog.Courses[0].FindModule("cases")!;
        Assert.Equal("Cases", cases.Title);
        Assert.Equal(["hearing"], cases.Prerequisites);
        Assert.True(catalog.ServesPreviousVersion("thb/02-cases/module.yml"));
    }
}
