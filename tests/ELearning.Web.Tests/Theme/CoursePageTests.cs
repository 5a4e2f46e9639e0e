using Bunit;
using ELearning.Theming;

namespace ELearning.Web.Tests.Theme;

public sealed class CoursePageTests : ThemeTestContext
{
    private static ModuleOutline Module(string anchor, string title) =>
        new(anchor, title, "Summary.", [], [], [new LessonLink("Lesson", $"/courses/c/{anchor}/l", 10, false)], new ProgressSummary(0, 1));

    private static CourseView Course(bool complete, params ModuleOutline[] modules) =>
        new("Course", "About.", 60, null, ["en"], modules, new ProgressSummary(1, 2), null, null) { Complete = complete };

    [Fact]
    public void ALockedModuleNamesTheModulesToCompleteFirst()
    {
        var locked = Module("m3", "Prosecution") with { LockedBy = ["Identification", "Hearing"] };
        var page = RenderPage(Course(false, Module("m1", "Identification"), locked));

        var card = page.Find("#m3");
        Assert.Contains("is-locked", card.ClassList);
        Assert.Equal("Complete these modules first: Identification, Hearing.", card.QuerySelector(".notice--locked").Text());
        Assert.Equal("Not open yet", card.QuerySelector(".card__title .badge").Text());
        Assert.Empty(page.FindAll("#m1 .notice--locked"));
        Assert.Empty(page.FindAll(".course-complete"));
    }

    [Fact]
    public void AModuleShowsItsAssessmentWithThePassedBadgeAndItsCompletion()
    {
        var passed = Module("m1", "Identification") with { Assessment = new Link("Module 1 assessment", "/courses/c/m1/assessment"), AssessmentPassed = true, Complete = true };
        var pending = Module("m2", "Hearing") with { Assessment = new Link("Module 2 assessment", "/courses/c/m2/assessment"), AssessmentPassed = false };
        var page = RenderPage(Course(true, passed, pending));

        Assert.Equal("/courses/c/m1/assessment", page.Find("#m1 .module-assessment a").GetAttribute("href"));
        Assert.Equal("Passed", page.Find("#m1 .module-assessment .badge").Text());
        Assert.Equal("Complete", page.Find("#m1 .card__title .badge").Text());
        Assert.Equal("Not passed yet", page.Find("#m2 .module-assessment .badge").Text());
        Assert.Empty(page.FindAll("#m2 .card__title .badge"));
        Assert.Equal("You have completed this course.", page.Find(".course-complete").Text());
    }
}
