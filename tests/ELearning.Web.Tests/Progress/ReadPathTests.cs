using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Progress;

/// <summary>What a signed-in page costs the database: counted with an EF command interceptor on the real app.</summary>
public sealed class ReadPathTests
{
    private sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public List<string> During(Action act) => During(() => { act(); return Task.CompletedTask; }).GetAwaiter().GetResult();

        public async Task<List<string>> During(Func<Task> act)
        {
            Commands.Clear();
            await act();
            return [.. Commands];
        }
    }

    private static (TestApp App, CommandLog Log) AppWithLog()
    {
        var log = new CommandLog();
        var app = new TestApp(services: s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(log)));
        return (app, log);
    }

    [Fact]
    public async Task ARepeatedSignedInPageCostsNoDatabaseCommandAndAFreshOneAtMostOne()
    {
        var (app, log) = AppWithLog();
        using var _ = app;
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");

        // First view: the learner's record in one read, and the first opening written once.
        var first = await log.During(() => browser.GetHtmlAsync(FixtureContent.FirstLesson));
        Assert.Single(first, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.Single(first, c => c.Contains("INSERT INTO \"LessonProgress\"", StringComparison.Ordinal));
        Assert.Equal(2, first.Count);

        // The record is in memory now: reading again, the course page, the catalog and the dashboard touch nothing.
        foreach (var url in new[] { FixtureContent.FirstLesson, FixtureContent.Course, "/", "/me", FixtureContent.FirstLesson })
        {
            var commands = await log.During(async () => Assert.Equal(HttpStatusCode.OK, (await browser.GetPageAsync(url)).Status));
            Assert.True(commands.Count == 0, $"{url} ran: {string.Join(" | ", commands)}");
        }

        // A write drops the learner's snapshot: the next page reads it again, once, and shows the change.
        using (var done = await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        var after = await log.During(() => browser.GetHtmlAsync(FixtureContent.Course));
        Assert.Single(after);
    }

    [Fact]
    public async Task AnotherLearnersWriteDoesNotDropMySnapshot()
    {
        var (app, log) = AppWithLog();
        using var _ = app;
        using var ana = app.CreateBrowser();
        using var ben = app.CreateBrowser();
        await ana.SignUpAndInAsync("ana@example.eu");
        await ben.SignUpAndInAsync("ben@example.eu");
        await ana.GetHtmlAsync(FixtureContent.FirstLesson);
        await ben.GetHtmlAsync(FixtureContent.FirstLesson);

        using (await ben.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete"))
        {
        }

        Assert.Empty(await log.During(() => ana.GetHtmlAsync(FixtureContent.Course)));
    }

    [Fact]
    public async Task ReopeningALessonIsWrittenBehindAndMovesTheResumePoint()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        await browser.GetHtmlAsync(FixtureContent.FirstLesson);
        await browser.GetHtmlAsync(FixtureContent.MoneyLesson);
        Assert.Contains("/courses/thb/money/follow", ContinueHref(await browser.GetPageAsync("/me")), StringComparison.Ordinal);

        DateTime LastOpened()
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().LessonProgress.AsNoTracking()
                .Single(p => p.LessonSlug == "first").LastOpenedAt;
        }
        var before = LastOpened();
        await Task.Delay(20);
        await browser.GetHtmlAsync(FixtureContent.FirstLesson);

        // The page answered before anything was written; the dashboard already follows the learner from memory.
        Assert.Equal(before, LastOpened());
        Assert.Contains(FixtureContent.FirstLesson, ContinueHref(await browser.GetPageAsync("/me")), StringComparison.Ordinal);

        await app.Services.GetRequiredService<LessonVisits>().FlushAsync(CancellationToken.None);
        Assert.True(LastOpened() > before);
    }

    private static string ContinueHref((HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Document) page) =>
        page.Document.QuerySelector(".continue a, a.continue, [data-continue] a")?.GetAttribute("href") ?? page.Document.Body!.InnerHtml;
}
