using ELearning.Browser.Tests.Assessments;
using ELearning.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ELearning.Browser.Tests.Progress;

/// <summary>
/// A learner's way through a module on a phone and on a desktop screen: completing a lesson lands on the completion
/// area, Next on the last lesson reaches the assessment, and /me and the assessment page never scroll sideways.
/// </summary>
public sealed class LearnerExperienceTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Module = "/courses/countering-thb/legal-framework";
    private const string FirstLesson = Module + "/the-offence?warning=accepted";
    private const string LastLesson = Module + "/state-duties-and-penalties?warning=accepted";

    [BrowserTheory]
    [InlineData(360, 740)]
    [InlineData(1280, 900)]
    public async Task ALearnerFinishesLessonsReachesTheAssessmentAndNoPageScrollsSideways(int width, int height)
    {
        var assessment = app.Catalog.FindCourse("countering-thb")?.FindModule("legal-framework")?.Assessment;
        Assert.NotNull(assessment);
        await using var context = await app.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail($"journey{width}"));

        // Item 15: the completion redirect lands on the completion area, far down a long lesson.
        await page.GotoAsync(FirstLesson);
        await Navigation.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Mark lesson as complete", Exact = true }).ClickAsync());
        Assert.EndsWith("#lesson-status", page.Url, StringComparison.Ordinal);
        var status = page.Locator("#lesson-status");
        await Expect(status).ToContainTextAsync("You completed this lesson.");
        await Expect(status).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "The page stayed at its top.");

        // Item 16: Next on the module's last lesson is its assessment; the module page lists it.
        await page.GotoAsync(LastLesson);
        await Navigation.SubmitAsync(page, () => page.Locator("a[rel=next]").ClickAsync());
        Assert.EndsWith(AttemptDriver.Url(assessment), new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GotoAsync(Module);
        await Expect(page.Locator(".module-assessment a")).ToHaveAttributeAsync("href", AttemptDriver.Url(assessment));
        await AssertFitsAsync(page, width, "module");

        // Item 18: with an attempt in the tables, neither the assessment page nor /me is wider than the screen.
        await page.GotoAsync(AttemptDriver.Url(assessment));
        var attempt = new AttemptDriver(page, assessment);
        await attempt.StartAsync("Start the assessment");
        await AssertFitsAsync(page, width, "attempt");
        await attempt.AnswerEveryPageAsync(right: false);
        await attempt.SubmitAttemptAsync();
        await page.GotoAsync(AttemptDriver.Url(assessment));
        await Expect(page.Locator("table.attempts")).ToBeVisibleAsync();
        await AssertFitsAsync(page, width, "assessment");

        // Item 17: /me shows the module's progress and the attempt, and does not claim nothing was started.
        await page.GotoAsync("/me");
        await Expect(page.Locator("table.attempts")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("You have not started a course yet");
        await AssertFitsAsync(page, width, "me");
    }

    [BrowserFact]
    public async Task APrintedReviewFillsItsPagesInsteadOfGivingEachQuestionItsOwnPage()
    {
        var assessment = app.Catalog.FindCourse("countering-thb")?.FindModule("victim-hearing")?.Assessment;
        Assert.NotNull(assessment);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("print"));
        await page.GotoAsync(AttemptDriver.Url(assessment));
        var attempt = new AttemptDriver(page, assessment);
        await attempt.StartAsync("Start the assessment");
        await attempt.AnswerEveryPageAsync(right: false);
        await attempt.SubmitAttemptAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        // The printed height of the review's content, in A4 pages of 1123 CSS px less margins: pages beyond it are blank space.
        var contentHeight = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");
        var needed = (int)Math.Ceiling(contentHeight / 1000.0);
        output.WriteLine($"{pages} printed pages for {contentHeight} px of content ({needed} pages' worth).");
        Assert.True(pages <= needed + 1, $"The review printed on {pages} pages for {needed} pages' worth of content.");
    }

    [BrowserFact]
    public async Task TimesShowInTheBrowsersZoneWithUtcOnHover()
    {
        var assessment = app.Catalog.FindCourse("countering-thb")?.FindModule("legal-framework")?.Assessment;
        Assert.NotNull(assessment);
        await using var context = await app.NewContextAsync(timeZone: "Asia/Kolkata");
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("zone"));
        await page.GotoAsync(AttemptDriver.Url(assessment));
        await new AttemptDriver(page, assessment).StartAsync("Start the assessment");
        await Expect(page.Locator(".countdown__end time")).ToContainTextAsync("UTC+5:30");

        await page.GotoAsync(AttemptDriver.Url(assessment));
        var started = page.Locator("table.attempts time").First;
        await Expect(started).ToContainTextAsync("UTC+5:30");
        await Expect(started).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$"));
    }

    private async Task AssertFitsAsync(IPage page, int width, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"journey-{name}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"{name}: {path}");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The {name} page is {scrollWidth} px wide on a {width} px screen ({path}).");
    }
}
