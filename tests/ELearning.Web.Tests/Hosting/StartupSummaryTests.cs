using System.Collections.Concurrent;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ELearning.Web.Tests.Hosting;

public sealed class StartupSummaryTests
{
    [Fact]
    public async Task StartUpEndsWithOneSummaryOfDataContentAndContentErrors()
    {
        var logs = new CapturingLogs();
        using var app = new TestApp(
            services: s => s.AddSingleton<ILoggerProvider>(logs),
            prepare: root => FixtureContent.Write(root, "thb/02-money/02-broken.md", "no front matter here\n"));
        using var client = app.CreateClient();
        using (await client.GetAsync("/healthz"))
        {
        }

        var summary = Assert.Single(logs.Messages, m => m.Category == "ELearning.Startup").Message;
        Assert.DoesNotContain('\n', summary);
        Assert.Contains("data in " + app.Directory.DataRoot, summary, StringComparison.Ordinal);
        Assert.Contains("1 course and 3 lessons loaded", summary, StringComparison.Ordinal);
        Assert.Matches(@"[1-9]\d* content errors?", summary);
        Assert.Contains("see /trainer/content", summary, StringComparison.Ordinal);
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Messages.Enqueue((category, formatter(state, exception)));
        }
    }
}
