using Bunit;
using ELearning.Theming;
using static ELearning.Web.Tests.Theme.ThemeSamples;

namespace ELearning.Web.Tests.Theme;

public sealed class AssessmentPageTests : ThemeTestContext
{
    private static readonly DateTime Started = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static AttemptSummary Submitted(int number, decimal percent, bool passed) =>
        new(number, false, Started.AddDays(number), Started.AddDays(number).AddMinutes(20), percent, passed, $"/courses/c/m1/assessment/attempts/{number}");

    private static AssessmentView Assessment(
        IReadOnlyList<AttemptSummary>? attempts = null, int? maxAttempts = 3, TimeSpan? limit = null,
        string? start = "/courses/c/m1/assessment/start", string? continueUrl = null, string? blocked = null, bool passed = false, decimal? grade = null) =>
        new("Module 1 assessment", new Link("Course", "/courses/c"), new Link("Module 1", "/courses/c#m1"), Html("<p>Ten questions.</p>"),
            70, 10, maxAttempts, limit, attempts ?? [], grade, passed, "Highest", start, continueUrl, blocked);

    [Fact]
    public void TheRulesSayPassMarkQuestionsAttemptsTimeAndGrading()
    {
        var page = RenderPage(Assessment(limit: TimeSpan.FromMinutes(90)));

        Assert.Equal(
            ["Pass mark: 70%", "Questions per attempt: 10", "Attempts allowed: 3", "Time limit: 1 h 30 min", "Your grade is taken from the highest attempt."],
            page.FindAll(".rules li").Select(li => li.Text()));
        Assert.Equal(["Course", "Module 1", "Module 1 assessment"], page.FindAll(".breadcrumb li").Select(li => li.Text()));
        Assert.Equal("Ten questions.", page.Find(".assessment__intro").Text());
    }

    [Fact]
    public void UnlimitedAttemptsAndNoTimeLimitAreSaidSo()
    {
        var page = RenderPage(Assessment(maxAttempts: null));
        var rules = page.FindAll(".rules li").Select(li => li.Text()).ToList();
        Assert.Contains("Attempts allowed: unlimited", rules);
        Assert.Contains("Time limit: none", rules);
    }

    [Fact]
    public void AFirstVisitOffersToStartTheAssessmentByPost()
    {
        var page = RenderPage(Assessment(limit: TimeSpan.FromMinutes(30)));

        Assert.Empty(page.FindAll("table"));
        var form = Assert.Single(page.FindAll("form"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/courses/c/m1/assessment/start", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Start the assessment", form.QuerySelector("button").Text());
        Assert.Contains("30 min", form.QuerySelector(".start-form__note").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void PastAttemptsAreATableWithResultsAndReviewLinksAndTheNextStartIsNumbered()
    {
        var page = RenderPage(Assessment([Submitted(1, 50, false), Submitted(2, 80, true)], passed: true, grade: 80));

        var rows = page.FindAll("table.attempts tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "2026-03-02 08:00 UTC", "2026-03-02 08:20 UTC", "50%", "Not passed", "Review: Attempt 1"], rows[0].Children.Select(c => c.Text()));
        Assert.Equal("/courses/c/m1/assessment/attempts/2", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Your grade: 80% (highest attempt).", page.Find(".grade").Text());
        Assert.Equal("You passed this assessment.", page.Find(".result-banner--passed").Text());
        Assert.Equal("Start attempt 3", page.Find("form button").Text());
    }

    [Fact]
    public void AnAttemptInProgressIsContinuedByLinkNotStartedAgain()
    {
        var current = new AttemptSummary(1, true, Started, null, null, null, "/courses/c/m1/assessment/attempts/1");
        var page = RenderPage(Assessment([current], start: null, continueUrl: current.Url));

        Assert.Empty(page.FindAll("form"));
        Assert.Equal("Continue attempt 1", page.Find(".assessment__actions a.button").Text());
        var cells = page.FindAll("table.attempts tbody td").Select(c => c.Text()).ToList();
        Assert.Contains("In progress", cells);
        Assert.Contains("Continue: Attempt 1", cells);
        Assert.Empty(page.FindAll(".result-banner"));
    }

    [Fact]
    public void ABlockedLearnerSeesWhyAndNoStartButton()
    {
        var page = RenderPage(Assessment([Submitted(1, 50, false)], start: null, blocked: "You can start the next attempt after 10:00."));

        Assert.Empty(page.FindAll("form"));
        Assert.Equal("You can start the next attempt after 10:00.", page.Find(".notice--blocked").Text());
        Assert.Equal("You have not passed this assessment yet.", page.Find(".result-banner--failed").Text());
    }
}
