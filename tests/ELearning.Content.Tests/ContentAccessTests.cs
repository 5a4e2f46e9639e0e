using ELearning.Content.Catalog;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class ContentAccessTests
{
    [Fact]
    public void CoursesAndModulesAreOpenUnlessTheySayAccessCohort()
    {
        using var folder = ContentFolder.WithMinimalCourse()
            .Module("thb/02-closed", "title: Closed\nsummary: For cohorts.\naccess: cohort\n").Lesson("thb/02-closed/01-l.md")
            .Module("thb/03-open", "title: Open\nsummary: For all.\naccess: open\n").Lesson("thb/03-open/01-l.md");

        var catalog = folder.Load();

        DiagnosticAssert.NoErrors(catalog.Diagnostics);
        var course = catalog.FindCourse("thb")!;
        Assert.Equal(ContentAccess.Open, course.Access);
        Assert.Equal(ContentAccess.Open, course.FindModule("hearing")!.Access);
        Assert.Equal(ContentAccess.Cohort, course.FindModule("closed")!.Access);
        Assert.Equal(ContentAccess.Open, course.FindModule("open")!.Access);
    }

    [Fact]
    public void ACourseRestrictedToCohortsRestrictsEachOfItsModules()
    {
        using var folder = new ContentFolder()
            .Course("thb", "title: T\nsummary: S.\naccess: cohort\n")
            .Module("thb/01-hearing").Lesson("thb/01-hearing/01-intro.md");

        var course = folder.Load().FindCourse("thb")!;

        Assert.Equal(ContentAccess.Cohort, course.Access);
        Assert.Equal(ContentAccess.Cohort, course.FindModule("hearing")!.Access);
    }

    [Fact]
    public void AnUnknownAccessValueIsReportedAtItsPlace()
    {
        using var folder = new ContentFolder()
            .Course("thb", "title: T\nsummary: S.\naccess: cohorts\n")
            .Module("thb/01-hearing", "title: M\nsummary: S.\n\naccess: private\n").Lesson("thb/01-hearing/01-intro.md");

        var catalog = folder.Load();

        DiagnosticAssert.HasError(catalog, "thb/course.yml", 3, 9, "'access' must be one of: open, cohort");
        DiagnosticAssert.HasError(catalog, "thb/01-hearing/module.yml", 4, 9, "'access' must be one of: open, cohort");
    }
}
