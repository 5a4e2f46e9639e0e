using Bunit;
using ELearning.Theming;

namespace ELearning.Web.Tests.Theme;

public sealed class DashboardPageTests : ThemeTestContext
{
    [Fact]
    public void TheDashboardListsAttemptsWithCourseModuleResultAndLink()
    {
        var submitted = new AttemptSummary(2, false, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc), 85, true, "/courses/c/m1/assessment/attempts/9");
        var running = new AttemptSummary(1, true, new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), null, null, null, "/courses/c/m2/assessment/attempts/10");
        var view = new DashboardView("Ana", [], null) { Attempts = [new("Course", "Hearing", running), new("Course", "Identification", submitted)] };
        var page = RenderPage(view);

        Assert.Equal(["Course", "Module", "Attempt", "Date", "Score", "Result", "Details"], page.FindAll("table.attempts thead th").Select(th => th.Text()));
        var rows = page.FindAll("table.attempts tbody tr");
        Assert.Equal(["Course", "Identification", "2", "2026-03-01 08:30 UTC", "85%", "Passed", "Review: attempt 2, Identification"], rows[1].Children.Select(c => c.Text()));
        Assert.Equal(["Course", "Hearing", "1", "2026-03-02 08:00 UTC", "Not yet", "In progress", "Continue: attempt 1, Hearing"], rows[0].Children.Select(c => c.Text()));
        Assert.Equal("/courses/c/m2/assessment/attempts/10", rows[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void ADashboardWithoutAttemptsHasNoAttemptsTable()
    {
        var page = RenderPage(new DashboardView("Ana", [], null));
        Assert.Empty(page.FindAll("table"));
    }
}
