using System.Net;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Progress;

public sealed class ModuleLockTests
{
    /// <summary>The money module opens only after hearing; it has a check, a case, media and an assessment.</summary>
    private static TestApp LockedMoneyModule() => new(prepare: root =>
    {
        FixtureContent.Write(root, "thb/02-money/module.yml", """
            title: Following the money
            summary: Financial investigation.
            prerequisites: [hearing]
            """);
        FixtureContent.Write(root, "thb/02-money/01-follow.md", """
            ---
            title: Follow the money
            summary: Why money matters.
            minutes: 12
            ---

            # Follow the money

            ::: question id=unit type=text
            Which unit analyses suspicious transactions?

            - [x] FIU
            :::

            ::: scenario id=case
            A bank calls.

            ## Call

            What now?

            - [Freeze the account](#end) (1 point)
            :::
            """);
        FixtureContent.Write(root, "thb/02-money/assessment.md", """
            ---
            title: Money assessment
            pass_mark: 50
            ---

            SECRET-INTRO of the money assessment.

            ::: question id=m-text type=text
            Which unit analyses suspicious transactions?

            - [x] FIU
            :::
            """);
        File.WriteAllBytes(Path.Combine(root, "thb/02-money/media/chart.png").EnsureFolder(), [0x89, 0x50, 0x4E, 0x47]);
    });

    [Fact]
    public async Task EveryRouteUnderALockedModuleIsRefusedAndNothingIsStored()
    {
        using var app = LockedMoneyModule();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        // A valid token from an open page, posted to the locked module's addresses.
        var (_, open) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        var token = open.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[] { FixtureContent.MoneyLesson, "/courses/thb/money/assessment", "/courses/thb/money/media/chart.png", "/courses/thb/money/assessment/attempts/1" })
        {
            using var response = await browser.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url}: {response.StatusCode}");
            Assert.Contains("Complete these modules first: Hearing victims.", body, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-INTRO", body, StringComparison.Ordinal);
        }
        var posts = new (string Url, string Field, string Value)[]
        {
            (FixtureContent.MoneyLesson + "/complete", "", ""),
            (FixtureContent.MoneyLesson + "/questions/unit", "text", "FIU"),
            (FixtureContent.MoneyLesson + "/questions/case/restart", "", ""),
            ("/courses/thb/money/assessment/start", "", ""),
            ("/courses/thb/money/assessment/attempts/1/save", "text", "FIU"),
            ("/courses/thb/money/assessment/attempts/1/autosave", "text", "FIU"),
        };
        foreach (var (url, field, value) in posts)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            if (field.Length > 0)
            {
                fields.Add(new(field, value));
            }
            using var response = await browser.Http.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url}: {response.StatusCode}");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.LessonProgress.CountAsync(p => p.ModuleSlug == "money"));
            Assert.Equal(0, await db.KnowledgeCheckAnswers.CountAsync(a => a.ModuleSlug == "money"));
            Assert.Equal(0, await db.AssessmentAttempts.CountAsync(a => a.ModuleSlug == "money"));
        }
        // The course page agrees: locked and nothing done, not "Not open yet" beside "1 of 1 lessons complete".
        var (_, course) = await browser.GetPageAsync(FixtureContent.Course);
        var money = course.QuerySelector("#module-money")!;
        Assert.NotNull(money.QuerySelector(".notice--locked"));
        Assert.Equal("0", course.QuerySelectorAll("progress").Single(p => p.GetAttribute("aria-label") == "Progress in Following the money").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public async Task TheLockLiftsForEveryRouteOnceThePrerequisitesAreComplete()
    {
        using var app = LockedMoneyModule();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        using (await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
        {
        }
        using (await browser.SubmitAsync(FixtureContent.SecondLesson + "?warning=accepted", FixtureContent.SecondLesson + "/complete"))
        {
        }

        using var media = await browser.Http.GetAsync("/courses/thb/money/media/chart.png");
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        var (status, overview) = await browser.GetPageAsync("/courses/thb/money/assessment");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("SECRET-INTRO", overview.Body!.TextContent, StringComparison.Ordinal);
        using var complete = await browser.SubmitAsync(FixtureContent.MoneyLesson, FixtureContent.MoneyLesson + "/complete");
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
    }
}

internal static class PathExtensions
{
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
