using System.Net;
using ELearning.Web.Assessments;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ELearning.Web.Tests.Assessments;

public sealed class AssessmentTests
{
    private static TestApp AppWithAssessment(string rules = "", Action<IServiceCollection>? services = null) =>
        new(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText(rules)), services: services);

    private static async Task<List<AssessmentAttempt>> AttemptsAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AssessmentAttempts.AsNoTracking().Include(a => a.Questions).OrderBy(a => a.Number).ToListAsync();
    }

    [Fact]
    public async Task ALearnerFailsRetakesAndPassesAndTheModulePageSaysSo()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);

        var first = await driver.StartAsync();
        using (var submitted = await driver.TakeAsync(first, AttemptDriver.Wrong, AttemptDriver.WrongPath))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        var (_, failed) = await browser.GetPageAsync(first);
        Assert.Contains("Not passed", failed.Body!.TextContent, StringComparison.Ordinal);
        // Everything review: the learner now sees feedback and rationales for what they answered.
        Assert.Contains("SECRET-RATIONALE", failed.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains(FixtureContent.WrongFeedback, failed.Body.TextContent, StringComparison.Ordinal);

        var second = await driver.StartAsync();
        Assert.NotEqual(first, second);
        using (var submitted = await driver.TakeAsync(second, AttemptDriver.Right, AttemptDriver.RightPath))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        var (_, passed) = await browser.GetPageAsync(second);
        Assert.Contains("Passed", passed.Body!.TextContent, StringComparison.Ordinal);

        var attempts = await AttemptsAsync(app);
        Assert.Equal([false, true], attempts.Select(a => a.Passed == true));
        Assert.Equal(0m, attempts[0].Score);
        Assert.Equal(attempts[1].MaxScore, attempts[1].Score);
        Assert.Equal(100m, attempts[1].Percent);

        // Two attempts allowed: no third start, and the page says why.
        var (_, overview) = await browser.GetPageAsync(FixtureContent.Assessment);
        Assert.DoesNotContain(overview.Forms, f => f.GetAttribute("action")!.EndsWith("/start", StringComparison.Ordinal));
        var (_, me) = await browser.GetPageAsync("/me");
        Assert.Contains(second, me.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task APassedAssessmentAndEveryLessonCompleteTheModule()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        foreach (var lesson in new[] { FixtureContent.FirstLesson, FixtureContent.SecondLesson + "?warning=accepted" })
        {
            var url = lesson.Split('?')[0];
            using var done = await browser.SubmitAsync(lesson, url + "/complete");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        var (_, before) = await browser.GetPageAsync(FixtureContent.Course);
        Assert.DoesNotContain("module-hearing", before.QuerySelectorAll(".is-complete, [data-complete=true]").Select(e => e.Id));

        var driver = new AttemptDriver(browser);
        using var submitted = await driver.TakeAsync(await driver.StartAsync(), AttemptDriver.Right, AttemptDriver.RightPath);

        await using var scope = app.Services.CreateAsyncScope();
        var progress = (await ELearning.Web.Progress.LearnerSnapshot.LoadAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), (await AttemptsAsync(app))[0].UserId, CancellationToken.None)).Record;
        var catalog = scope.ServiceProvider.GetRequiredService<ELearning.Content.Catalog.CourseCatalogLoader>().GetCatalog();
        var course = catalog.FindCourse("thb")!;
        Assert.True(progress.IsComplete(course.FindModule("hearing")!));
        Assert.False(progress.IsComplete(course));
    }

    [Fact]
    public async Task AttemptPagesCarryNoAnswerKeyFeedbackHintOrRationale()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        var first = await driver.OpenAsync(attempt, 1);
        var html = new List<string>();
        for (var p = 1; p <= first.PageCount + 1; p++)
        {
            html.Add((await driver.OpenAsync(attempt, p)).Html);
        }
        var all = string.Join("\n", html);
        Assert.All(html, h => Assert.Contains("name=\"seq\"", h, StringComparison.Ordinal));
        foreach (var secret in new[] { "SECRET", FixtureContent.WrongFeedback, "[x]", "Extradites suspects\" selected", "points)" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
        // Every question of the attempt was on some page, each with inputs but no verdict.
        Assert.Equal(8, html.SelectMany(h => new AttemptPage(attempt, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(h)).QuestionIds).Distinct().Count());
    }

    [Fact]
    public async Task ForgedOptionsForeignQuestionsAndOtherLearnersAttemptsAreRefusedAndNothingIsStored()
    {
        using var app = AppWithAssessment();
        using var ana = app.CreateBrowser();
        await ana.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(ana);
        var attempt = await driver.StartAsync();
        var page = await driver.OpenAsync(attempt, 1);
        var onPage = page.QuestionIds.First(id => id is "a-single" or "a-multi" or "a-tf" or "a-text" or "a-num" or "a-order" or "a-match");
        var other = AttemptDriver.Right.Keys.First(id => !page.QuestionIds.Contains(id));

        (string, string)[][] forgeries =
        [
            [($"q.{onPage}.option", "zz"), ($"q.{onPage}.rank.zz", "1"), ($"q.{onPage}.match.zz", "a"), ($"q.{onPage}.number", "x")],
            [($"q.{other}.option", "a")],
            [("q.not-in-attempt.option", "a")],
            [("go", "page-99")],
        ];
        foreach (var forged in forgeries)
        {
            using var response = await driver.PostAsync(page, forged);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        using (var noSequence = await ana.Http.PostAsync(attempt, new FormUrlEncodedContent([new("__RequestVerificationToken", page.Token), new("page", "1")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noSequence.StatusCode);
        }
        Assert.All((await AttemptsAsync(app)).Single().Questions, q => Assert.Null(q.Response));

        // Another learner: the same address names no attempt of theirs.
        using var piotr = app.CreateBrowser();
        await piotr.SignUpAndInAsync("piotr@example.pl");
        var (_, piotrsPage) = await piotr.GetPageAsync("/");
        var token = piotrsPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var intrusion = await piotr.Http.PostAsync(attempt + "/save", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("seq", "0"), new("page", "1"), new($"q.{onPage}.option", "a")]));
        Assert.Equal(HttpStatusCode.NotFound, intrusion.StatusCode);
        var (status, _) = await piotr.GetPageAsync(attempt);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.All((await AttemptsAsync(app)).Single().Questions, q => Assert.Null(q.Response));
    }

    [Fact]
    public async Task AStalePageCannotOverwriteNewerAnswers()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        var stale = await driver.OpenAsync(attempt, 1);
        var id = stale.QuestionIds.First(AttemptDriver.Right.ContainsKey);

        using (var newer = await driver.PostAsync(stale, AttemptDriver.Right[id].Fields(stale.Document, $"q.{id}.").Append(("go", "save"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, newer.StatusCode);
            Assert.Contains("notice=saved", newer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var saved = (await AttemptsAsync(app)).Single().Questions.Single(q => q.QuestionId == id).Response;
        Assert.NotNull(saved);

        using (var older = await driver.PostAsync(stale, AttemptDriver.Wrong[id].Fields(stale.Document, $"q.{id}.").Append(("go", "save"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, older.StatusCode);
            Assert.Contains("notice=stale", older.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(saved, (await AttemptsAsync(app)).Single().Questions.Single(q => q.QuestionId == id).Response);
    }

    [Fact]
    public async Task AutosaveAnswersWithTheNewSequenceAndRefusesAStaleOne()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        var page = await driver.OpenAsync(attempt, 1);
        var id = page.QuestionIds.First(AttemptDriver.Right.ContainsKey);
        FormUrlEncodedContent Body(long seq) => new(
            new[] { ("__RequestVerificationToken", page.Token), ("seq", seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("page", "1"), ("go", "autosave") }
                .Concat(AttemptDriver.Right[id].Fields(page.Document, $"q.{id}."))
                .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));

        using var first = await browser.Http.PostAsync(attempt + "/autosave", Body(page.Sequence));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await first.Content.ReadAsStringAsync();
        Assert.Equal($$"""{"seq":{{page.Sequence + 1}},"status":"saved"}""", json);

        using var again = await browser.Http.PostAsync(attempt + "/autosave", Body(page.Sequence));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain("SECRET", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimeLimitIsEnforcedOnTheServerAndTheAttemptIsGradedWithWhatWasSaved()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = AppWithAssessment("time_limit_minutes: 10", s => s.AddSingleton<TimeProvider>(clock));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        var page = await driver.OpenAsync(attempt, 1);
        var ids = page.QuestionIds.Where(AttemptDriver.Right.ContainsKey).Take(2).ToList();

        using (var inTime = await driver.PostAsync(page, AttemptDriver.Right[ids[0]].Fields(page.Document, $"q.{ids[0]}.").Append(("go", "save"))))
        {
            Assert.Contains("notice=saved", inTime.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        clock.Advance(TimeSpan.FromMinutes(11));
        // The page still open in the browser posts after the limit.
        using (var late = await driver.PostAsync(page, AttemptDriver.Right[ids[1]].Fields(page.Document, $"q.{ids[1]}.").Append(("go", "save"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
            Assert.DoesNotContain("notice=saved", late.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var stored = (await AttemptsAsync(app)).Single();
        Assert.Equal(AttemptStatus.Submitted, stored.Status);
        Assert.True(stored.Expired);
        Assert.NotNull(stored.Questions.Single(q => q.QuestionId == ids[0]).Response);
        Assert.Null(stored.Questions.Single(q => q.QuestionId == ids[1]).Response);
        Assert.Equal(1m, stored.Score);
        var (_, result) = await browser.GetPageAsync(attempt);
        Assert.Contains("Time ran out", result.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ParallelStartsNeverExceedTheAttemptLimit()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (_, overview) = await browser.GetPageAsync(FixtureContent.Assessment);
        var token = overview.QuerySelector("form[action$='/start'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task StartManyAsync()
        {
            var starts = Enumerable.Range(0, 12).Select(async _ =>
            {
                using var response = await browser.Http.PostAsync(FixtureContent.Assessment + "/start", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            });
            await Task.WhenAll(starts);
        }

        await StartManyAsync();
        var attempts = await AttemptsAsync(app);
        Assert.Single(attempts);

        var driver = new AttemptDriver(browser);
        var url = FixtureContent.Assessment + "/attempts/1";
        using (await driver.SubmitAsync(url, (await driver.OpenAsync(url, 1)).PageCount))
        {
        }
        await StartManyAsync();
        attempts = await AttemptsAsync(app);
        Assert.Equal(2, attempts.Count);
        using (await driver.SubmitAsync(FixtureContent.Assessment + "/attempts/2", 2))
        {
        }
        await StartManyAsync();
        Assert.Equal(2, (await AttemptsAsync(app)).Count);
    }

    [Fact]
    public async Task ParallelSubmissionsGradeAnAttemptExactlyOnce()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        await driver.StartAsync();
        var id = (await AttemptsAsync(app)).Single().Id;

        var now = DateTime.UtcNow;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await Attempts.SubmitAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, now, null, CancellationToken.None);
        }));
        Assert.Single(results, r => r);
        Assert.Equal(AttemptStatus.Submitted, (await AttemptsAsync(app)).Single().Status);
    }

    [Fact]
    public async Task EditingTheAssessmentLaterNeverChangesAStoredAttemptOrItsScore()
    {
        using var app = AppWithAssessment();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var attempt = await driver.StartAsync();
        using (await driver.TakeAsync(attempt, AttemptDriver.Right, AttemptDriver.RightPath))
        {
        }
        var before = (await AttemptsAsync(app)).Single();

        // The author changes the right answer of the first question and of the text question.
        var path = Path.Combine(app.Directory.ContentRoot, FixtureContent.AssessmentFile);
        var text = File.ReadAllText(path)
            .Replace("- [ ] Closure", "- [x] Closure", StringComparison.Ordinal)
            .Replace("- [x] Planning and preparation", "- [ ] Planning and preparation", StringComparison.Ordinal)
            .Replace("- [x] Eurojust", "- [x] Eurojust only", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        var (_, result) = await browser.GetPageAsync(attempt);
        var after = (await AttemptsAsync(app)).Single();
        Assert.Equal(before.Score, after.Score);
        Assert.Equal(before.Percent, after.Percent);
        Assert.Equal(before.Questions.Select(q => q.Score), after.Questions.Select(q => q.Score));
        Assert.Contains("Passed", result.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondAttemptDrawsQuestionsNotSeenInTheFirstWhileThePoolAllows()
    {
        using var app = AppWithAssessment("draw: 4");
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var driver = new AttemptDriver(browser);
        var first = await driver.StartAsync();
        using (await driver.SubmitAsync(first, 1))
        {
        }
        await driver.StartAsync();

        var attempts = await AttemptsAsync(app);
        var seen = attempts[0].Questions.Select(q => q.QuestionId).ToHashSet();
        Assert.Equal(4, seen.Count);
        Assert.Equal(4, attempts[1].Questions.Count);
        Assert.DoesNotContain(attempts[1].Questions, q => seen.Contains(q.QuestionId));
    }
}
