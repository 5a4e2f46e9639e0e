using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Storage;

/// <summary>Runs the real app as a separate process on Kestrel and kills it with SIGKILL.</summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task ACompletedLessonSurvivesKillMinus9OfTheServer()
    {
        using var directory = new TestDirectory();
        FixtureContent.WriteTo(directory.ContentRoot);

        await using (var server = await AppProcess.StartAsync(directory))
        {
            using var browser = server.CreateBrowser();
            await browser.SignUpAndInAsync("ana@example.eu");
            using var complete = await browser.SubmitAsync(FixtureContent.FirstLesson, FixtureContent.FirstLesson + "/complete");
            // The redirect is the acknowledgement: from here on the write must survive.
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
            server.Kill();
        }

        await using (var server = await AppProcess.StartAsync(directory))
        {
            using var browser = server.CreateBrowser();
            using var login = await browser.LoginAsync("ana@example.eu", TestData.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var (_, lesson) = await browser.GetPageAsync(FixtureContent.FirstLesson);
            Assert.Contains("You completed this lesson.", lesson.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Uri _address;

        private AppProcess(Process process, Uri address)
        {
            _process = process;
            _address = address;
        }

        public static async Task<AppProcess> StartAsync(TestDirectory directory)
        {
            var port = FreePort();
            var address = new Uri($"http://127.0.0.1:{port}");
            var start = new ProcessStartInfo("dotnet", [BuiltApp.Web, "--urls", address.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = directory.Root,
            };
            start.Environment["Storage__DataDirectory"] = directory.DataRoot;
            start.Environment["Content__Root"] = directory.ContentRoot;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var probe = new HttpClient { BaseAddress = address };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                Assert.False(process.HasExited, "The app exited during start-up.");
                try
                {
                    using var health = await probe.GetAsync("/healthz");
                    if (health.IsSuccessStatusCode)
                    {
                        return new AppProcess(process, address);
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }
                Assert.True(DateTime.UtcNow < deadline, "The app did not answer /healthz within 60 s.");
                await Task.Delay(200);
            }
        }

        public TestClient CreateBrowser() =>
            new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _address });

        /// <summary>SIGKILL: no shutdown hooks, no flush.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
