using System.Diagnostics;
using ELearning.Load;

// Both phases in one run, figures printed side by side; exit code 0 only when every goal holds (see ../README.md).
// Options for exploring (the goals are only judged on a full run): --only a|b|c|certificates|signin|pdf|reports|generate, --learners N, --slice S (seconds per page measurement in phase C), --pdf-sample FILE (phase pdf also saves one PDF to look at).
var only = Option("--only");
var learners = int.Parse(Option("--learners") ?? "500", System.Globalization.CultureInfo.InvariantCulture);
// A full run takes 2-4 minutes on 2 cores, most of it 500 PBKDF2 sign-ins; 10 leaves room for a busy machine.
var timeout = TimeSpan.FromMinutes(15);
using var cancel = new CancellationTokenSource(timeout);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// Phase A's workers block in SQLite calls (Microsoft.Data.Sqlite's async methods run synchronously); without enough
// pool threads the harness, not the database, would set the pace. Both operations get the same pool.
ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
ThreadPool.SetMinThreads(Math.Max(minWorkers, 64), minIo);

Console.WriteLine($"ELearning load script: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, temp {Path.GetTempPath()}");
Console.WriteLine();
var clock = Stopwatch.StartNew();
var pass = false;
try
{
    pass = true;
    if (only is null or "a")
    {
        pass &= await SideBySide.RunAsync(new SideBySide.Settings(Workers: [1, 8], Rounds: 10, OperationsPerRound: 50, WarmUp: 100), cancel.Token);
    }
    if (only is null or "b")
    {
        pass &= await SimultaneousSubmissions.RunAsync(new SimultaneousSubmissions.Settings(learners, SignInWorkers: 4), cancel.Token);
    }
    if (only is null or "c" or "pages")
    {
        var slice = double.Parse(Option("--slice") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        pass &= await Pages.RunAsync(new Pages.Settings(Slice: TimeSpan.FromSeconds(slice), Rounds: 2, Connections: 32, Cycles: 40), cancel.Token);
    }
    if (only is null or "certificates")
    {
        var slice = double.Parse(Option("--slice") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        pass &= await CertificatePage.RunAsync(new Pages.Settings(Slice: TimeSpan.FromSeconds(slice), Rounds: 3, Connections: 32, Cycles: 0), cancel.Token);
    }
    if (only is "reports" or "generate")
    {
        // Not in the default run: it generates 10,000 learners (see ReportPages).
        pass &= await ReportPages.RunAsync(generateOnly: only == "generate", cancel.Token);
    }
    if (only is null or "signin")
    {
        pass &= await SignInTiming.RunAsync(new SignInTiming.Settings(Tries: 15, WarmUp: 2), cancel.Token);
    }
    if (only is null or "pdf")
    {
        pass &= await PdfRendering.RunAsync(new PdfRendering.Settings(Count: 1000, WarmUp: 20, Sample: Option("--pdf-sample")), cancel.Token);
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    pass = false;
    Console.WriteLine($"ABORTED: the run exceeded its {timeout.TotalMinutes:F0}-minute limit or was cancelled.");
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
{
    // Setup could not reach the state to measure (the server is already killed by now): report it as a failed run.
    pass = false;
    Console.WriteLine($"ERROR: {e.Message}");
}
Console.WriteLine(FormattableString.Invariant($"total {clock.Elapsed.TotalSeconds:F0} s: {(pass ? "PASS" : "FAIL")}"));
return pass ? 0 : 1;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
