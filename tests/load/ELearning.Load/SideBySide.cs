using System.Diagnostics;
using System.Globalization;
using ELearning.Web.Assessments;
using ELearning.Web.Progress;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Load;

/// <summary>
/// Phase A: assessment submissions against raw single-row EF inserts, on the same database file, in the same process,
/// at the same concurrency, interleaved round by round so that drift (page cache, WAL growth, checkpoints) hits both.
/// </summary>
internal static class SideBySide
{
    public const decimal Goal = 0.5m;

    public sealed record Settings(IReadOnlyList<int> Workers, int Rounds, int OperationsPerRound, int WarmUp);

    public static async Task<bool> RunAsync(Settings settings, CancellationToken cancel)
    {
        Console.WriteLine("== Phase A: submissions vs raw single-row EF inserts (same SQLite file, WAL, synchronous=FULL) ==");
        await using var workspace = await Workspace.CreateAsync("side-by-side", cancel);
        // Per level: the warm-up's and every round's submissions each take an attempt of their own; inserts reuse the learners.
        var perLevel = settings.WarmUp + settings.Rounds * settings.OperationsPerRound;
        var setup = Stopwatch.StartNew();
        var learners = await workspace.CreateLearnersAsync(perLevel * settings.Workers.Count, password: null, cancel);
        var attempts = await workspace.StartAttemptsAsync(learners, workers: 1, cancel);
        Console.WriteLine(Invariant($"setup (not timed): {learners.Count} learners, {attempts.Count} in-progress attempts of {attempts[0].QuestionRowIds.Count} answered questions, {setup.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(Invariant($"each level: {settings.WarmUp} + {settings.WarmUp} warm-up (not counted), then {settings.Rounds} rounds of {settings.OperationsPerRound} inserts and {settings.OperationsPerRound} submissions, interleaved, alternating which goes first"));
        Console.WriteLine();
        Console.WriteLine("workers | inserts/s (CPU) | submissions/s (CPU) | ratio | per-round ratio: median (min-max) | goal");

        var pass = true;
        var submitted = 0;
        for (var level = 0; level < settings.Workers.Count; level++)
        {
            var workers = settings.Workers[level];
            var slice = new Queue<int>(Enumerable.Range(level * perLevel, perLevel));
            (Func<CancellationToken, Task>[] Inserts, Func<CancellationToken, Task>[] Submits) Batch(int count)
            {
                var ids = Enumerable.Range(0, count).Select(_ => slice.Dequeue()).ToArray();
                submitted += count;
                return ([.. ids.Select(i => Insert(workspace, learners[i].Id))], [.. ids.Select(i => Submit(workspace, attempts[i].AttemptId))]);
            }

            // Warm-up: JIT, EF's query and model caches, the connection pool.
            var warmUp = Batch(settings.WarmUp);
            await MeasureAsync(workers, warmUp.Inserts, cancel);
            await MeasureAsync(workers, warmUp.Submits, cancel);

            var insert = new Measurement();
            var submit = new Measurement();
            var ratios = new List<double>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                var (inserts, submits) = Batch(settings.OperationsPerRound);
                Measurement thisInsert, thisSubmit;
                if (round % 2 == 0)
                {
                    thisInsert = await MeasureAsync(workers, inserts, cancel);
                    thisSubmit = await MeasureAsync(workers, submits, cancel);
                }
                else
                {
                    thisSubmit = await MeasureAsync(workers, submits, cancel);
                    thisInsert = await MeasureAsync(workers, inserts, cancel);
                }
                insert += thisInsert;
                submit += thisSubmit;
                ratios.Add(thisInsert.Wall / thisSubmit.Wall);
            }

            var operations = settings.Rounds * settings.OperationsPerRound;
            var insertRate = operations / insert.Wall.TotalSeconds;
            var submitRate = operations / submit.Wall.TotalSeconds;
            var ratio = submitRate / insertRate;
            var ok = ratio >= (double)Goal;
            pass &= ok;
            ratios.Sort();
            Console.WriteLine(Invariant(
                $"{workers,7} | {insertRate,9:F0} ({insert.Cores,3:P0}) | {submitRate,13:F0} ({submit.Cores,3:P0}) | {ratio,5:F2} | {ratios[ratios.Count / 2],22:F2} ({ratios[0]:F2}-{ratios[^1]:F2}) | ≥ {Goal:F1}× {(ok ? "PASS" : "FAIL")}"));
        }
        Console.WriteLine("(CPU: this process's CPU time over wall time, 100% = one core busy)");

        var graded = await CountGradedAsync(workspace, attempts, cancel);
        Console.WriteLine(Invariant($"check: {graded} of {submitted} attempts submitted and graded"));
        pass &= graded == submitted;
        Console.WriteLine();
        return pass;
    }

    private readonly record struct Measurement(TimeSpan Wall, TimeSpan Cpu)
    {
        public double Cores => Wall == TimeSpan.Zero ? 0 : Cpu / Wall;

        public static Measurement operator +(Measurement a, Measurement b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu);
    }

    /// <summary>One knowledge-check answer: a fresh DbContext, one Add, one SaveChangesAsync (one INSERT, one commit).</summary>
    private static Func<CancellationToken, Task> Insert(Workspace workspace, string userId) => async cancel =>
    {
        await using var scope = workspace.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.KnowledgeCheckAnswers.Add(new KnowledgeCheckAnswer
        {
            UserId = userId,
            CourseSlug = LoadCourse.Course,
            ModuleSlug = LoadCourse.Module,
            LessonSlug = "first",
            QuestionId = "a-single",
            ContentVersion = workspace.Assessment.ContentVersion,
            Response = """{"option":["b"]}""",
            Correct = true,
            Score = 1,
            AnsweredAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(cancel);
    };

    /// <summary>One submission, as the submit button's endpoint does it: a fresh DbContext and <see cref="Attempts.SubmitAsync"/>.</summary>
    private static Func<CancellationToken, Task> Submit(Workspace workspace, long attemptId) => async cancel =>
    {
        await using var scope = workspace.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await Attempts.SubmitAsync(db, attemptId, DateTime.UtcNow, null, cancel))
        {
            throw new InvalidOperationException($"Attempt {attemptId} was already submitted: the script reused an attempt.");
        }
    };

    /// <summary>Runs the operations on <paramref name="workers"/> concurrent workers, each taking the next one.</summary>
    private static async Task<Measurement> MeasureAsync(int workers, Func<CancellationToken, Task>[] operations, CancellationToken cancel)
    {
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations.Length)
            {
                await operations[i](cancel);
            }
        }, cancel)));
        var wall = clock.Elapsed;
        process.Refresh();
        return new Measurement(wall, process.TotalProcessorTime - cpu);
    }

    private static async Task<int> CountGradedAsync(Workspace workspace, IReadOnlyList<SeededAttempt> attempts, CancellationToken cancel)
    {
        await using var scope = workspace.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = attempts.Select(a => a.AttemptId).ToList();
        return await db.AssessmentAttempts.CountAsync(a => ids.Contains(a.Id) && a.Status == AttemptStatus.Submitted && a.Score != null, cancel);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
