using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ELearning.Load;

/// <summary>
/// The real app as a separate process on Kestrel, bound to a free loopback port, built in this script's configuration
/// (the ProjectReference builds it). Killed when disposed, whatever happened.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _problems = [];
    private int _problemCount;
    private bool _inProblem;
    private readonly List<double> _saveDurations = [];
    private int _commandCount;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>From process start to the first 200 on the readiness path (the cold start when that path is a page).</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>Log entries at error or critical level (console logger's <c>fail:</c> and <c>crit:</c>).</summary>
    public int ProblemCount
    {
        get
        {
            lock (_problems)
            {
                return _problemCount;
            }
        }
    }

    /// <summary>Server-side durations of the save/submit posts, from the hosting log (empty when the log level hides it).</summary>
    public IReadOnlyList<double> SaveDurations
    {
        get
        {
            lock (_problems)
            {
                return [.. _saveDurations];
            }
        }
    }

    /// <summary>SQL commands the app ran so far (EF's <c>Executed DbCommand</c> lines; 0 unless that category logs at Information).</summary>
    public int CommandCount => Volatile.Read(ref _commandCount);

    /// <summary>CPU time the server process used so far (all its threads), a figure that holds on a busy machine.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static Task<ServerProcess> StartAsync(Workspace workspace, IReadOnlyDictionary<string, string> settings, CancellationToken cancel) =>
        StartAsync(workspace.Root, settings, "/healthz", cancel);

    /// <summary>Starts the app with <paramref name="root"/> as working directory (data/ and content/ in it).</summary>
    public static async Task<ServerProcess> StartAsync(string root, IReadOnlyDictionary<string, string> settings, string readyPath, CancellationToken cancel)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [WebAppPath(), "--urls", address.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["Storage__DataDirectory"] = Path.Combine(root, "data");
        start.Environment["Content__Root"] = Path.Combine(root, "content");
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Read(e.Data);
        process.ErrorDataReceived += (_, e) => server.Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("The app exited during start-up: " + string.Join(Environment.NewLine, server.Problems));
            }
            try
            {
                using var health = await probe.GetAsync(new Uri(readyPath, UriKind.Relative), cancel);
                if (health.IsSuccessStatusCode)
                {
                    server.StartedIn = deadline.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }
            if (deadline.Elapsed >= TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync();
                throw new TimeoutException("The app did not answer /healthz within 60 s.");
            }
            await Task.Delay(10, cancel);
        }
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("      Executed DbCommand", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _commandCount);
        }
        lock (_problems)
        {
            // The console logger writes "fail: Category[id]" then the message indented on the following lines.
            if (line.Length > 5 && line[4] == ':' && !line.StartsWith(' '))
            {
                _inProblem = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
                if (_inProblem)
                {
                    _problemCount++;
                }
            }
            // Hosting's "Request finished ... - 302 0 null 12.34ms" (Information level): the time spent inside the app.
            if (line.StartsWith("      Request finished", StringComparison.Ordinal) && line.Contains("/save - ", StringComparison.Ordinal)
                && line.EndsWith("ms", StringComparison.Ordinal)
                && double.TryParse(line[(line.LastIndexOf(' ') + 1)..^2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms))
            {
                _saveDurations.Add(ms);
            }
            // Keep the first few for the report.
            if (_inProblem && _problems.Count < 40)
            {
                _problems.Add(line);
            }
        }
    }

    /// <summary>SIGKILL: whatever was acknowledged must already be in the database.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>src/ELearning.Web/bin/{this configuration}/net10.0/ELearning.Web.dll of the repository this script was built from.</summary>
    private static string WebAppPath()
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ELearning.sln")))
        {
            root = root.Parent;
        }
        var path = root is null ? null : Path.Combine(root.FullName, "src", "ELearning.Web", "bin", configuration, "net10.0", "ELearning.Web.dll");
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"ELearning.Web.dll ({configuration}) not found above {AppContext.BaseDirectory}: build the load project first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
