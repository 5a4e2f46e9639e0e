using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ELearning.Browser.Tests.Infrastructure;

/// <summary>
/// The real app as a separate process on Kestrel at 127.0.0.1, over a fresh data folder and a copy of the shipped
/// curriculum, both in a temp folder it owns and deletes.
/// </summary>
internal sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private AppServer(Process process, ConcurrentQueue<string> log, Uri address, string root)
    {
        _process = process;
        _log = log;
        Address = address;
        Root = root;
    }

    public Uri Address { get; }

    private string Root { get; }

    public string ContentRoot => Path.Combine(Root, "content");

    public static async Task<AppServer> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "elearning-browser-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(data);
        CopyFolder(BuiltApp.ShippedContent, content);

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [BuiltApp.Web, "--urls", address.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["Content__Root"] = content;
        // Every test registers and signs in a learner from 127.0.0.1; the per-address limit is not under test here.
        start.Environment["RateLimits__AccountPostsPerMinute"] = "1000";
        var log = new ConcurrentQueue<string>();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, log, address, root);

        using var probe = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                Assert.Fail("The app exited during start-up:\n" + server.Log);
            }
            try
            {
                using var health = await probe.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
            {
                await server.DisposeAsync();
                Assert.Fail("The app did not answer /healthz within 60 s:\n" + server.Log);
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Runs <c>elearn</c> on the app's data folder beside the running app, as an operator does; fails on a non-zero exit.</summary>
    public async Task RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltApp.Cli, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["Storage__DataDirectory"] = Path.Combine(Root, "data");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"elearn {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    /// <summary>The app's last lines of output, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }

    private static void Keep(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > 200 && log.TryDequeue(out _))
        {
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
