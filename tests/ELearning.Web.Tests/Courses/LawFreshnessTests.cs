using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Courses;

public sealed class LawFreshnessTests
{
    private const string OldLaw = "/courses/thb/money/old-law";

    private static TestApp App(Dictionary<string, string?>? settings = null) => new(settings: settings, prepare: root =>
        FixtureContent.Write(root, "thb/02-money/02-old-law.md", """
            ---
            title: Confiscation law
            summary: What the law said.
            minutes: 5
            ---

            > [!LEGAL]
            > *Law as of January 2020.*
            > **Directive 2014/42/EU**, art. 4: confiscation.
            """));

    [Fact]
    public async Task TheTrainerContentPageListsLessonsWhoseLawIsDueForReview()
    {
        using var app = App();
        await app.CreateUserAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
        using var trainer = app.CreateBrowser();
        using var login = await trainer.LoginAsync("trainer@example.eu", TestData.Password);

        var (status, page) = await trainer.GetPageAsync("/trainer/content");

        Assert.Equal(HttpStatusCode.OK, status);
        var item = Assert.Single(page.QuerySelectorAll(".law-review__list li"));
        Assert.Equal(OldLaw, item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Confiscation law", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("thb/02-money/02-old-law.md:8:3", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("law as of January 2020", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("2020-01", item.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task TheReviewAgeIsConfigurable()
    {
        using var app = App(new() { ["Content:LawMaxAgeMonths"] = "1200" });
        await app.CreateUserAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
        using var trainer = app.CreateBrowser();
        using var login = await trainer.LoginAsync("trainer@example.eu", TestData.Password);

        var (_, page) = await trainer.GetPageAsync("/trainer/content");

        Assert.Empty(page.QuerySelectorAll(".law-review__list li"));
        Assert.Contains("No legal statement is older than 1200 months.", page.QuerySelector(".law-review")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LearnersSeeTheLawAsOfDateMarkedInTheCallout()
    {
        using var app = App();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
        {
        }
        using (await browser.SubmitAsync(FixtureContent.SecondLesson + "?warning=accepted", FixtureContent.SecondLesson + "/complete"))
        {
        }

        var (status, lesson) = await browser.GetPageAsync(OldLaw);

        Assert.Equal(HttpStatusCode.OK, status);
        var line = lesson.QuerySelector(".markdown-alert-legal .law-as-of")!;
        Assert.Equal("Law as of January 2020", line.TextContent);
        Assert.Equal("2020-01", line.QuerySelector("time")!.GetAttribute("datetime"));
    }
}
