using System.Diagnostics;
using System.Net;
using ELearning.Web.Assessments;
using ELearning.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Load;

/// <summary>
/// Phase B: the real app on Kestrel in its own process; every learner signed in on their own connection and sitting on
/// the summary page; then all submit buttons pressed at once. Afterwards the server is killed (SIGKILL) and the
/// database must hold every attempt submitted and graded, and every question row with its score.
/// </summary>
internal static class SimultaneousSubmissions
{
    private const string Password = "correct horse battery staple";

    public sealed record Settings(int Learners, int SignInWorkers);

    private sealed record Outcome(HttpStatusCode? Status, bool ToResultPage, string? Error, double Milliseconds);

    public static async Task<bool> RunAsync(Settings settings, CancellationToken cancel)
    {
        Console.WriteLine($"== Phase B: {settings.Learners} simultaneous submissions over HTTP to the app as a separate process ==");
        await using var workspace = await Workspace.CreateAsync("simultaneous", cancel);
        var setup = Stopwatch.StartNew();
        var accounts = await workspace.CreateLearnersAsync(settings.Learners, Password, cancel);
        var attempts = await workspace.StartAttemptsAsync(accounts, workers: 1, cancel);
        var pageCount = (int)Math.Ceiling(attempts[0].QuestionRowIds.Count / (double)LoadCourse.QuestionsPerPage);
        Console.WriteLine(FormattableString.Invariant(
            $"setup (not timed): {accounts.Count} learners with an in-progress attempt of {attempts[0].QuestionRowIds.Count} answered questions, {setup.Elapsed.TotalSeconds:F1} s"));
        // The script's own pooled connections must not sit beside the server's.
        SqliteConnection.ClearAllPools();

        // All learners come from 127.0.0.1, one partition of the per-address sign-in limit (10 a minute). Only that
        // limit is raised, for this server; the assessment endpoints are not rate limited.
        // Request logging is off by default; this phase reads the time spent inside the app from it.
        var serverSettings = new Dictionary<string, string>
        {
            ["RateLimits__AccountPostsPerMinute"] = "1000000",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        var learners = new List<Learner>(attempts.Count);
        try
        {
            await using var server = await ServerProcess.StartAsync(workspace, serverSettings, cancel);
            Console.WriteLine($"server: {server.Address} (ELearning.Web.dll, ASPNETCORE_ENVIRONMENT={Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "unset: Production"})");
            learners.AddRange(attempts.Select(a => new Learner(server.Address, a)));
            var bounded = new ParallelOptions { MaxDegreeOfParallelism = settings.SignInWorkers, CancellationToken = cancel };

            var signIn = Stopwatch.StartNew();
            await Parallel.ForEachAsync(learners, bounded, async (learner, token) => await learner.SignInAsync(Password, token));
            Console.WriteLine(FormattableString.Invariant(
                $"sign-in (not part of the goal): {learners.Count} learners through the login form in {signIn.Elapsed.TotalSeconds:F1} s ({learners.Count / signIn.Elapsed.TotalSeconds:F1}/s; PBKDF2 210,000 iterations each)"));
            await Parallel.ForEachAsync(learners, bounded, async (learner, token) => await learner.OpenSummaryAsync(pageCount, token));

            var (outcomes, wall) = await BurstAsync(learners, cancel);
            var problems = server.ProblemCount;
            await server.KillAsync();
            Report(outcomes, wall, problems, server.Problems, server.SaveDurations, out var errors);
            var rowsOk = await VerifyAsync(workspace, attempts, cancel);
            var pass = errors == 0 && problems == 0 && rowsOk;
            Console.WriteLine($"goal: 0 errors and every row present: {(pass ? "PASS" : "FAIL")}");
            Console.WriteLine();
            return pass;
        }
        finally
        {
            foreach (var learner in learners)
            {
                learner.Dispose();
            }
        }
    }

    /// <summary>Every learner waits at one barrier with the post prepared; all are released at once.</summary>
    private static async Task<(Outcome[] Outcomes, TimeSpan Wall)> BurstAsync(List<Learner> learners, CancellationToken cancel)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var waiting = new CountdownEvent(learners.Count);
        var outcomes = new Outcome[learners.Count];
        var tasks = learners.Select((learner, i) => Task.Run(async () =>
        {
            waiting.Signal();
            await release.Task;
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await learner.SubmitAsync(cancel);
                // The submit endpoint answers with a redirect to the attempt itself, which then shows the result.
                var toResult = response.Headers.Location?.OriginalString == learner.AttemptUrl;
                outcomes[i] = new Outcome(response.StatusCode, toResult, null, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                outcomes[i] = new Outcome(null, false, e.GetType().Name + ": " + e.Message, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }, cancel)).ToArray();
        if (!waiting.Wait(TimeSpan.FromSeconds(30), cancel))
        {
            throw new TimeoutException("The learners did not reach the barrier within 30 s.");
        }
        var wall = Stopwatch.StartNew();
        release.SetResult();
        await Task.WhenAll(tasks);
        wall.Stop();
        return (outcomes, wall.Elapsed);
    }

    private static void Report(Outcome[] outcomes, TimeSpan wall, int serverProblems, IReadOnlyList<string> problemLines, IReadOnlyList<double> serverDurations, out int errors)
    {
        var exceptions = outcomes.Count(o => o.Error is not null);
        var notRedirects = outcomes.Count(o => o.Error is null && o.Status != HttpStatusCode.Redirect);
        var wrongTarget = outcomes.Count(o => o.Status == HttpStatusCode.Redirect && !o.ToResultPage);
        errors = exceptions + notRedirects + wrongTarget;
        var latencies = outcomes.Select(o => o.Milliseconds).Order().ToArray();
        Console.WriteLine(FormattableString.Invariant($"submissions: {outcomes.Length} in {wall.TotalSeconds:F2} s wall = {outcomes.Length / wall.TotalSeconds:F0} requests/s"));
        Console.WriteLine("latency ms (client, release to response): " + Distribution(latencies));
        var inside = serverDurations.Order().ToArray();
        Console.WriteLine("time inside the app ms (hosting log):     " + (inside.Length == 0 ? "not logged at this log level" : Distribution(inside) + $" over {inside.Length} requests"));
        Console.WriteLine($"errors: {errors} (exceptions {exceptions}, non-redirect answers {notRedirects}, redirects elsewhere {wrongTarget}); server error log entries: {serverProblems}");
        foreach (var group in outcomes.Where(o => o.Error is not null || o.Status != HttpStatusCode.Redirect).GroupBy(o => o.Error ?? $"HTTP {(int?)o.Status}").Take(5))
        {
            Console.WriteLine($"  {group.Count()} × {group.Key}");
        }
        foreach (var line in problemLines.Take(20))
        {
            Console.WriteLine($"  server: {line}");
        }
    }

    /// <summary>Reads the database after the kill: each attempt submitted once with the expected score, each question row present and scored.</summary>
    private static async Task<bool> VerifyAsync(Workspace workspace, IReadOnlyList<SeededAttempt> seeded, CancellationToken cancel)
    {
        await using var scope = workspace.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.AssessmentAttempts.AsNoTracking().Include(a => a.Questions).ToDictionaryAsync(a => a.Id, cancel);
        var totalQuestionRows = await db.AttemptQuestions.CountAsync(cancel);
        var expectedQuestionRows = seeded.Sum(a => a.QuestionRowIds.Count);

        var missing = 0;
        var notSubmitted = 0;
        var wrongScore = 0;
        var missingQuestions = 0;
        var unscoredQuestions = 0;
        foreach (var expected in seeded)
        {
            if (!stored.TryGetValue(expected.AttemptId, out var attempt))
            {
                missing++;
                continue;
            }
            if (attempt.Status != AttemptStatus.Submitted || attempt.SubmittedAt is null || attempt.Percent is null || attempt.Passed is null)
            {
                notSubmitted++;
            }
            if (attempt.Score != expected.ExpectedScore || attempt.Questions.Sum(q => q.Score ?? 0) != expected.ExpectedScore)
            {
                wrongScore++;
            }
            var rows = attempt.Questions.Select(q => q.Id).ToHashSet();
            missingQuestions += expected.QuestionRowIds.Count(id => !rows.Contains(id));
            unscoredQuestions += attempt.Questions.Count(q => q.Score is null);
        }
        var ok = missing == 0 && notSubmitted == 0 && wrongScore == 0 && missingQuestions == 0 && unscoredQuestions == 0
            && stored.Count == seeded.Count && totalQuestionRows == expectedQuestionRows;
        Console.WriteLine(FormattableString.Invariant(
            $"database after SIGKILL: attempts {stored.Count}/{seeded.Count} (missing {missing}, not submitted {notSubmitted}, wrong score {wrongScore}); question rows {totalQuestionRows}/{expectedQuestionRows} (missing {missingQuestions}, unscored {unscoredQuestions}): {(ok ? "OK" : "MISMATCH")}"));
        return ok;
    }

    private static string Distribution(double[] sorted) => FormattableString.Invariant(
        $"min {sorted[0]:F0}, p5 {Percentile(sorted, 5):F0}, p25 {Percentile(sorted, 25):F0}, p50 {Percentile(sorted, 50):F0}, p95 {Percentile(sorted, 95):F0}, p99 {Percentile(sorted, 99):F0}, max {sorted[^1]:F0}");

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
