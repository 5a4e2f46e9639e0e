using System.Net;
using ELearning.Content.Catalog;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Courses;

// A typo must not take live material offline: learners keep the last good version, trainers see why.
public sealed class PreviousVersionTests
{
    private const string MoneyFile = "thb/02-money/01-follow.md";

    // Edits the content and waits until the app serves a catalog built after the edit.
    private static async Task EditAsync(TestApp app, Action<string> edit)
    {
        var loader = app.Services.GetRequiredService<CourseCatalogLoader>();
        var before = loader.GetCatalog();
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loader.CatalogRebuilt += catalog =>
        {
            if (catalog.Version != before.Version)
            {
                rebuilt.TrySetResult();
            }
        };
        edit(app.Directory.ContentRoot);
        await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ALessonWithATypoKeepsServingLearnersItsPreviousVersionAndShowsTheErrorToTrainers()
    {
        using var app = new TestApp();
        using var learner = app.CreateBrowser();
        await learner.SignUpAndInAsync("ana@example.eu");
        await app.CreateUserAsync("trainer@example.eu", TestData.Password, "Learner", "Trainer");
        using var trainer = app.CreateBrowser();
        using var login = await trainer.LoginAsync("trainer@example.eu", TestData.Password);
        Assert.Contains("Profits drive trafficking.", await learner.GetHtmlAsync(FixtureContent.MoneyLesson), StringComparison.Ordinal);

        await EditAsync(app, root =>
        {
            var path = Path.Combine(root, MoneyFile);
            File.WriteAllText(path, File.ReadAllText(path)
                .Replace("Profits drive trafficking.", "Profits, not passions, drive trafficking.", StringComparison.Ordinal)
                .Replace("\nminutes: ", "\nminutes: ten", StringComparison.Ordinal));
        });

        var (status, seen) = await learner.GetPageAsync(FixtureContent.MoneyLesson);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Profits drive trafficking.", seen.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(seen.QuerySelector(".author-errors"));

        var (_, trainerView) = await trainer.GetPageAsync(FixtureContent.MoneyLesson);
        var notice = trainerView.QuerySelector(".author-errors")!;
        Assert.Contains("learners see the previous version", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{MoneyFile}:", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("'minutes' must be a positive whole number", notice.TextContent, StringComparison.Ordinal);

        var (_, status2) = await trainer.GetPageAsync("/trainer/content");
        var item = status2.QuerySelectorAll(".diagnostic--error").Single(li => li.TextContent.Contains(MoneyFile, StringComparison.Ordinal));
        Assert.Contains("learners see the previous version", item.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAttemptIsSavedAndSubmittedWhileItsAssessmentFileIsBrokenOrDeleted(bool delete)
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();

        await EditAsync(app, root =>
        {
            var path = Path.Combine(root, FixtureContent.AssessmentFile);
            if (delete)
            {
                File.Delete(path);
            }
            else
            {
                File.WriteAllText(path, File.ReadAllText(path).Replace("pass_mark:", "pass_mark: [", StringComparison.Ordinal));
            }
        });

        using var submitted = await driver.TakeAsync(attempt, AttemptDriver.Right, AttemptDriver.RightPath);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var (status, result) = await browser.GetPageAsync(attempt);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Passed", result.Body!.TextContent, StringComparison.Ordinal);
    }
}
