using ELearning.Browser.Tests.Assessments;
using ELearning.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ELearning.Browser.Tests.Theme;

/// <summary>The attempt and result pages on a 360 px phone screen; screenshots go to the test output folder for a look.</summary>
public sealed class NarrowScreenTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const int Width = 360;

    [BrowserFact]
    public async Task AttemptAndResultPagesFitA360PixelWideScreen()
    {
        var assessment = app.Catalog.FindCourse("countering-thb")?.FindModule("cross-border-cases")?.Assessment;
        Assert.NotNull(assessment);
        await using var context = await app.NewContextAsync(Width, 740);
        var page = await context.NewPageAsync();
        await Learner.RegisterAndSignInAsync(page, Learner.NewEmail("phone"));
        await page.GotoAsync(AttemptDriver.Url(assessment));
        var attempt = new AttemptDriver(page, assessment);
        await attempt.StartAsync("Start the assessment");
        await AssertFitsAsync(page, "attempt");

        await attempt.AnswerEveryPageAsync(right: false);
        await attempt.SubmitAttemptAsync();
        await AssertFitsAsync(page, "result");
    }

    private async Task AssertFitsAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}-{Width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"{name}: {path}");
        // Nothing may push the page sideways: wide tables scroll inside their own box.
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Width, $"The {name} page is {width} px wide on a {Width} px screen ({path}).");
    }
}
