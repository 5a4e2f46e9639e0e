using System.Net;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Progress;

/// <summary>What a learner notices while moving through a course: where buttons lead and what the pages say.</summary>
public sealed class LearnerExperienceTests
{
    [Fact]
    public async Task MarkingALessonCompleteLandsOnTheCompletionAreaItRedirectsTo()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        using var complete = await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete");
        var location = complete.Headers.Location!.OriginalString;
        var anchor = location[(location.IndexOf('#', StringComparison.Ordinal) + 1)..];

        var (status, page) = await browser.GetPageAsync(location.Split('#')[0]);
        Assert.Equal(HttpStatusCode.OK, status);
        var target = page.GetElementById(anchor);
        Assert.NotNull(target);
        Assert.Contains("You completed this lesson.", target.TextContent, StringComparison.Ordinal);
    }

    private static TestApp AppWithAssessment(Action<string>? more = null) =>
        new(prepare: root =>
        {
            FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText());
            more?.Invoke(root);
        });

    private const string HearingModule = "/courses/thb/hearing";
    private const string MoneyModule = "/courses/thb/money";

    [Fact]
    public async Task NextOnAModulesLastLessonLeadsToItsAssessmentAndEveryLessonLinksToIt()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var (_, first) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.Equal(FixtureContent.SecondLesson, first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains(first.QuerySelectorAll(".lesson-status a"), a => a.GetAttribute("href") == FixtureContent.Assessment);

        var (_, last) = await browser.GetPageAsync(FixtureContent.SecondLesson + "?warning=accepted");
        var next = last.QuerySelector("a[rel=next]")!;
        Assert.Equal(FixtureContent.Assessment, next.GetAttribute("href"));
        Assert.Equal("Next: Hearing assessment", next.TextContent.Trim());
        Assert.Equal(HearingModule, last.QuerySelectorAll(".breadcrumb a")[1].GetAttribute("href"));

        // From the assessment the course goes on to the next module.
        var (_, assessment) = await browser.GetPageAsync(FixtureContent.Assessment);
        Assert.Equal(MoneyModule, assessment.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AModuleWithoutAssessmentKeepsNextOnTheFollowingModulesLesson()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, "thb/03-more/module.yml", """
            title: More
            summary: More.
            prerequisites: []
            """));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (_, last) = await browser.GetPageAsync(FixtureContent.SecondLesson + "?warning=accepted");
        Assert.Equal(FixtureContent.MoneyLesson, last.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Empty(last.QuerySelectorAll(".lesson-status__assessment"));
    }

    [Fact]
    public async Task TheModulePageListsObjectivesLessonsWithProgressAndTheAssessmentWithItsState()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();

        var (visitorStatus, visitor) = await browser.GetPageAsync(HearingModule);
        Assert.Equal(HttpStatusCode.OK, visitorStatus);
        Assert.Contains("Plan a hearing", visitor.QuerySelector(".objectives")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(visitor.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Account/Login?ReturnUrl=%2Fcourses%2Fthb%2Fhearing");

        await browser.SignUpAndInAsync("ana@example.eu");
        using (await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
        {
        }
        var (status, page) = await browser.GetPageAsync(HearingModule);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hearing victims", page.QuerySelector("h1")!.TextContent.Trim());
        var lessons = page.QuerySelectorAll(".lesson-list__item");
        Assert.Equal([FixtureContent.FirstLesson, FixtureContent.SecondLesson], lessons.Select(l => l.QuerySelector("a")!.GetAttribute("href")));
        Assert.Contains("Completed", lessons[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Completed", lessons[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("progress")!.GetAttribute("value"));
        var assessment = page.QuerySelector(".module-assessment")!;
        Assert.Equal(FixtureContent.Assessment, assessment.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Not attempted yet", assessment.TextContent, StringComparison.Ordinal);
        Assert.Equal(MoneyModule, page.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var (missing, _) = await browser.GetPageAsync("/courses/thb/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task TheModulePageOfALockedModuleSaysWhatOpensIt()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, "thb/02-money/module.yml", """
            title: Following the money
            summary: Financial investigation.
            prerequisites: [hearing]
            """));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var (status, page) = await browser.GetPageAsync(MoneyModule);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hearing victims", page.QuerySelector(".notice--locked")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".lesson-list a"));
    }

    private static async Task CompleteAsync(TestClient browser, string lesson)
    {
        using var response = await browser.SubmitAsync(lesson, lesson.Split('?')[0] + "/complete");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheDashboardLeadsToTheDueAssessmentThenTheNextModuleAndShowsACompletedCourseWithItsDate()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await CompleteAsync(browser, FixtureContent.FirstLesson);
        await CompleteAsync(browser, FixtureContent.SecondLesson + "?warning=accepted");

        var (_, due) = await browser.GetPageAsync("/me");
        Assert.Equal(FixtureContent.Assessment, due.QuerySelector(".continue--assessment a")!.GetAttribute("href"));

        var driver = new AttemptDriver(browser);
        using (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }

        // Passed: the next module is the main action; another attempt is still offered, but not as the main button.
        var (_, passed) = await browser.GetPageAsync(FixtureContent.Assessment);
        var main = passed.QuerySelector(".assessment__actions .button")!;
        Assert.Equal(MoneyModule, main.GetAttribute("href"));
        Assert.Contains("button--secondary", passed.QuerySelector(".start-form button")!.ClassName, StringComparison.Ordinal);
        var (_, afterPass) = await browser.GetPageAsync("/me");
        Assert.Empty(afterPass.QuerySelectorAll(".continue--assessment"));
        Assert.Equal(FixtureContent.MoneyLesson, afterPass.QuerySelector(".continue a.button")!.GetAttribute("href"));
        Assert.Contains("Complete", afterPass.QuerySelectorAll(".module-list__item")[0].QuerySelector(".module-complete")!.TextContent, StringComparison.Ordinal);

        await CompleteAsync(browser, FixtureContent.MoneyLesson);
        var (_, done) = await browser.GetPageAsync("/me");
        var text = done.Body!.TextContent;
        Assert.DoesNotContain("You have not started a course yet", text, StringComparison.Ordinal);
        Assert.Contains("You have completed every course you started.", text, StringComparison.Ordinal);
        var banner = done.QuerySelector(".course-card .course-complete")!;
        Assert.Contains("You have completed this course.", banner.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", banner.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal(2, done.QuerySelectorAll(".module-list__item .module-complete").Length);
    }

    [Fact]
    public async Task TheSiteAnswersFaviconIcoWithAnIcon()
    {
        using var app = new TestApp();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public async Task ALessonWithSectionsHasAContentsListUnderItsTitleLinkingToEachSection()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, "thb/02-money/01-follow.md", """
            ---
            title: Follow the money
            summary: Why money matters.
            minutes: 12
            ---

            # Follow the money

            Profits drive trafficking.

            ## Where the money goes

            Abroad.

            ## Freezing *assets* & more

            Early.
            """));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (_, page) = await browser.GetPageAsync(FixtureContent.MoneyLesson);

        var toc = page.QuerySelector(".lesson nav.toc")!;
        Assert.Equal("H1", toc.PreviousElementSibling!.TagName);
        var links = toc.QuerySelectorAll("a");
        Assert.Equal(["Where the money goes", "Freezing assets & more"], links.Select(a => a.TextContent));
        Assert.All(links, a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Equal("#main", page.QuerySelector(".back-to-top a")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("main"));
    }
}
