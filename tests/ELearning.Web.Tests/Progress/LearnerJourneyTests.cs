using System.Net;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Progress;

public sealed class LearnerJourneyTests
{
    private static string? ProgressNow(AngleSharp.Html.Dom.IHtmlDocument page, string label) =>
        page.QuerySelectorAll("progress").FirstOrDefault(p => p.GetAttribute("aria-label") == label)?.GetAttribute("aria-valuenow");

    [Fact]
    public async Task LearnerRegistersSignsInCompletesALessonAndSeesProgressAfterARestart()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);
        using (var app = new TestApp(directory))
        using (var browser = app.CreateBrowser())
        {
            await browser.SignUpAndInAsync("ana@example.eu");

            var (status, lesson) = await browser.GetPageAsync(FixtureContent.FirstLesson);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Trauma affects memory.", lesson.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Next: Rights of victims", lesson.QuerySelector("a[rel=next]")!.TextContent);
            // The author's relative link to another lesson file works from the lesson's address.
            Assert.Null(lesson.QuerySelector("base"));
            var link = lesson.QuerySelectorAll(".lesson a").Single(a => a.TextContent == "the second lesson").GetAttribute("href")!;
            var target = new Uri(new Uri("https://localhost" + FixtureContent.FirstLesson), link).AbsolutePath;
            Assert.Equal(FixtureContent.SecondLesson, target);

            using var complete = await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete");
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
            Assert.Equal(FixtureContent.FirstLesson + "#lesson-status", complete.Headers.Location!.OriginalString);

            var (_, after) = await browser.GetPageAsync(FixtureContent.FirstLesson);
            Assert.Contains("You completed this lesson.", after.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(after.Forms, f => f.GetAttribute("action")!.EndsWith("/complete", StringComparison.Ordinal));
        }

        // A new app over the same data directory: progress was stored, not held in memory.
        using (var restarted = new TestApp(directory))
        using (var browser = restarted.CreateBrowser())
        {
            using var login = await browser.LoginAsync("ana@example.eu", TestData.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

            var (_, course) = await browser.GetPageAsync(FixtureContent.Course);
            Assert.Equal("1", ProgressNow(course, "Progress in Countering trafficking"));
            Assert.Equal("3", course.QuerySelectorAll("progress").First(p => p.GetAttribute("aria-label") == "Progress in Countering trafficking").GetAttribute("aria-valuemax"));
            Assert.Equal("1", ProgressNow(course, "Progress in Hearing victims"));
            Assert.Equal("0", ProgressNow(course, "Progress in Following the money"));

            var (_, catalog) = await browser.GetPageAsync("/");
            Assert.Equal("1", ProgressNow(catalog, "Progress in Countering trafficking"));

            var (_, me) = await browser.GetPageAsync("/me");
            Assert.Equal("1", ProgressNow(me, "Progress in Countering trafficking"));
            var resume = me.QuerySelector(".continue a")!;
            Assert.Equal(FixtureContent.SecondLesson, resume.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task ContinueLinkPointsToTheLessonOpenedLastAndNotCompleted()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("luis@example.es");

        await browser.GetHtmlAsync(FixtureContent.FirstLesson);
        await browser.GetHtmlAsync(FixtureContent.MoneyLesson);

        var (_, home) = await browser.GetPageAsync("/");
        Assert.Equal(FixtureContent.MoneyLesson, home.QuerySelector(".continue a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task LearnerCannotSeeAnotherLearnersProgress()
    {
        using var app = new TestApp();
        using (var ana = app.CreateBrowser())
        {
            await ana.SignUpAndInAsync("ana@example.eu");
            using var done = await ana.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        using var piotr = app.CreateBrowser();
        await piotr.SignUpAndInAsync("piotr@example.pl");
        var (_, course) = await piotr.GetPageAsync(FixtureContent.Course);
        Assert.Equal("0", ProgressNow(course, "Progress in Countering trafficking"));
        var (_, me) = await piotr.GetPageAsync("/me");
        Assert.Empty(me.QuerySelectorAll("progress"));
        Assert.Null(me.QuerySelector(".continue"));
        var (_, lesson) = await piotr.GetPageAsync(FixtureContent.FirstLesson);
        Assert.DoesNotContain("You completed this lesson.", lesson.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitorSeesTheCatalogWithoutProgressAndIsSentToSignInForALesson()
    {
        using var app = new TestApp();
        using var visitor = app.CreateBrowser();

        var (status, catalog) = await visitor.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Countering trafficking", catalog.QuerySelector(".course-card h2")!.TextContent.Trim());
        Assert.Equal(["Hearing victims", "Following the money"], catalog.QuerySelectorAll(".module-list__item > a").Select(a => a.TextContent));
        Assert.Contains("25 min", catalog.QuerySelector(".module-list__item")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(catalog.QuerySelectorAll("progress"));

        using var lesson = await visitor.Http.GetAsync(FixtureContent.FirstLesson);
        Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", lesson.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentWarningIsShownBeforeTheLessonWithAChoiceToContinue()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        var (_, warning) = await browser.GetPageAsync(FixtureContent.SecondLesson);
        Assert.Contains("Describes violence against victims.", warning.QuerySelector(".content-warning")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Victims have rights", warning.Body!.TextContent, StringComparison.Ordinal);
        var proceed = warning.QuerySelector(".content-warning a")!.GetAttribute("href")!;

        var (_, body) = await browser.GetPageAsync(proceed);
        Assert.Contains("Victims have rights", body.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(body.QuerySelector(".content-warning"));
    }

    [Fact]
    public async Task AnEditedLessonIsServedOnTheNextRequest()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        Assert.Contains("Profits drive trafficking.", await browser.GetHtmlAsync(FixtureContent.MoneyLesson), StringComparison.Ordinal);
        var loader = app.Services.GetRequiredService<ELearning.Content.Catalog.CourseCatalogLoader>();
        var before = loader.GetCatalog();
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loader.CatalogRebuilt += catalog =>
        {
            if (catalog.Version != before.Version)
            {
                rebuilt.TrySetResult();
            }
        };

        var path = Path.Combine(app.Directory.ContentRoot, "thb/02-money/01-follow.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Profits drive trafficking.", "Profits, not passions, drive trafficking.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        // The trainer saves, the operating system tells the app (milliseconds), the app parses the file in the background
        // (a request never stats the tree nor waits for a parse), the trainer reloads.
        await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("Profits, not passions, drive trafficking.", await browser.GetHtmlAsync(FixtureContent.MoneyLesson), StringComparison.Ordinal);
    }
}
