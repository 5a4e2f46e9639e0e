using System.Net;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Cohorts;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Trainers;

/// <summary>A trainer reaches everything by clicking from /trainer, and every link there leads somewhere.</summary>
public sealed class TrainerNavigationTests
{
    [Fact]
    public async Task FromTrainerHomeEveryCohortPageIsOneClickAwayAndEveryLinkAnswers()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        using var learner = await app.SignedInAsync("learner@example.eu");
        using var trainer = await app.SignedInAsync("trainer@example.eu", "Trainer");
        var cohort = await app.CreateCohortAsync("Poiana Brașov 2026", ["trainer@example.eu"]);
        await app.AddMemberAsync(cohort, "learner@example.eu");
        var day = await app.AddDayAsync(cohort, new DateOnly(2026, 12, 2));
        var driver = new AttemptDriver(learner);
        (await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath)).Dispose();
        var learnerId = await app.UserIdAsync("learner@example.eu");

        var home = await LinksAsync(trainer, "/trainer");
        var expected = new[]
        {
            $"/trainer/cohorts/{cohort}", $"/trainer/cohorts/{cohort}/progress", $"/trainer/cohorts/{cohort}/gain",
            $"/trainer/cohorts/{cohort}/survey", $"/trainer/analysis/thb/hearing?cohort={cohort}", $"/trainer/reports/project/{cohort}",
            "/trainer/cohorts", "/trainer/reports",
        };
        Assert.All(expected, url => Assert.Contains(url, home));
        Assert.DoesNotContain(home, l => l.StartsWith("/admin", StringComparison.Ordinal));
        var cohortPage = await LinksAsync(trainer, $"/trainer/cohorts/{cohort}");
        Assert.Contains($"/trainer/cohorts/{cohort}/days/{day}", cohortPage);
        Assert.All(expected.Skip(1).Take(5), url => Assert.Contains(url, cohortPage));
        // The matrix leads to each learner's record, and the record to the attempt's review.
        var matrix = await LinksAsync(trainer, $"/trainer/cohorts/{cohort}/progress");
        var record = Assert.Single(matrix, l => l.StartsWith($"/trainer/learners/{learnerId}", StringComparison.Ordinal));
        Assert.Contains(await LinksAsync(trainer, record), l => l.Contains("/attempts/", StringComparison.Ordinal));

        var broken = new List<string>();
        foreach (var url in home.Concat(cohortPage).Concat(matrix).Distinct())
        {
            using var response = await trainer.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public async Task AnAdminFindsTheAdministrationPagesOnTrainerHomeAndTheyAllAnswer()
    {
        using var app = new TestApp();
        using var admin = await app.SignedInAsync("admin@example.eu", "Admin");

        var home = await LinksAsync(admin, "/trainer");
        string[] administration = ["/admin/users", "/admin/reports", "/admin/audit", "/admin/certificates"];
        Assert.All(administration, url => Assert.Contains(url, home));
        // The main navigation leads to the trainer home (not only to content status) and to /admin.
        var layout = await LinksAsync(admin, "/");
        Assert.Contains("/trainer", layout);
        Assert.Contains("/admin", layout);
        Assert.Contains("/admin/certificates", await LinksAsync(admin, "/admin"));
        foreach (var url in home.Concat(["/admin"]))
        {
            using var response = await admin.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The app's own links on a page (no fragments, no other sites), as a browser would follow them.</summary>
    private static async Task<List<string>> LinksAsync(TestClient browser, string url)
    {
        var (status, page) = await browser.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
            .Select(h => h.Split('#')[0]).Where(h => h.Length > 0).Distinct()];
    }
}
