using System.Net;
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
}
