using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ELearning.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Load;

/// <summary>
/// Phase C: page speed against the same bytes served as static files, side by side in one run. The app runs as its
/// own process on Kestrel; each page's bytes are written to its <c>wwwroot</c>, so Kestrel's static-file middleware in
/// the same server serves the twin, and nginx (one worker) too when it is installed. Load comes from wrk when installed
/// (`apt-get install wrk`), else from a built-in client that is slower than wrk and caps the static figures.
/// The same pages are measured over the shipped curriculum and over it plus a generated 1,000-lesson course; then the
/// cold start with that catalog, and a full assessment cycle from the client.
/// </summary>
internal static class Pages
{
    private const string Password = "correct horse battery staple";

    public sealed record Settings(TimeSpan Slice, int Rounds, int Connections, int Cycles);

    private sealed record Measured(string Name, double PageRate, double KestrelRate, double? NginxRate, int Bytes);

    public static async Task<bool> RunAsync(Settings settings, CancellationToken cancel)
    {
        Console.WriteLine("== Phase C: pages against the same bytes as static files ==");
        var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;
        Console.WriteLine($"load client: {(wrk is null ? "built-in (install wrk for the real ceiling)" : "wrk, 1 thread")}, {settings.Connections} connections, {settings.Rounds} rounds of {settings.Slice.TotalSeconds:F0} s per figure, alternating");
        Console.WriteLine($"nginx: {(nginx is null ? "not installed (apt-get install nginx-light)" : "1 worker, same files")}");
        var pass = true;

        var shipped = await MeasureCatalogAsync("shipped curriculum", generatedLessons: 0, settings, wrk, nginx, cancel);
        var large = await MeasureCatalogAsync("shipped + generated 1,000 lessons", generatedLessons: 1000, settings, wrk, nginx, cancel);

        Console.WriteLine();
        Console.WriteLine("page                                  bytes   page/s  kestrel-static/s  nginx/s   ratio-kestrel  ratio-nginx");
        foreach (var (label, rows) in new[] { ("shipped", shipped.Rows), ("1,000", large.Rows) })
        {
            foreach (var m in rows)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"{label + " " + m.Name,-36} {m.Bytes,6} {m.PageRate,8:F0} {m.KestrelRate,17:F0} {(m.NginxRate is { } n ? n.ToString("F0", CultureInfo.InvariantCulture) : "-"),8}   {m.PageRate / m.KestrelRate,12:F3}  {(m.NginxRate is { } r ? (m.PageRate / r).ToString("F3", CultureInfo.InvariantCulture) : "-"),11}"));
            }
        }
        var lesson = shipped.Rows.Single(r => r.Name == "signed-in lesson");
        var lessonGoal = lesson.NginxRate is { } nginxRate ? lesson.PageRate / nginxRate : lesson.PageRate / lesson.KestrelRate;
        pass &= Goal($"signed-in lesson page vs {(lesson.NginxRate is null ? "Kestrel static (nginx absent)" : "nginx")}", lessonGoal, ">= 0.10", lessonGoal >= 0.10);
        foreach (var name in new[] { "signed-in lesson", "course overview", "anonymous catalog" })
        {
            var a = shipped.Rows.Single(r => r.Name == name);
            var b = large.Rows.Single(r => r.Name == name);
            // The catalog page itself grows with the catalog (it lists the new course), so it is compared as a ratio to its own static twin.
            var ratio = name == "anonymous catalog" ? (b.PageRate / b.KestrelRate) / (a.PageRate / a.KestrelRate) : b.PageRate / a.PageRate;
            pass &= Goal($"{name}: 1,000-lesson catalog vs shipped", ratio, ">= 0.90", ratio >= 0.90);
        }
        pass &= Goal("cold start with the 1,000-lesson catalog (process start to first page), s", large.ColdStart.TotalSeconds, "<= 3", large.ColdStart.TotalSeconds <= 3);
        Console.WriteLine(FormattableString.Invariant($"cold start with the shipped curriculum: {shipped.ColdStart.TotalSeconds:F2} s"));
        var cycle = shipped.CycleMilliseconds;
        Console.WriteLine($"assessment cycle (start, 3 pages saved, review, submit, result; {cycle.Count} cycles) ms: {Distribution(cycle)}");
        pass &= Goal("assessment cycle median, ms", Median(cycle), "<= 22", Median(cycle) <= 22);
        return pass;
    }

    private sealed record CatalogFigures(List<Measured> Rows, TimeSpan ColdStart, List<double> CycleMilliseconds);

    private static async Task<CatalogFigures> MeasureCatalogAsync(
        string label, int generatedLessons, Settings settings, string? wrk, string? nginx, CancellationToken cancel)
    {
        Console.WriteLine();
        Console.WriteLine($"-- {label} --");
        await using var workspace = await Workspace.CreateAsync("pages", cancel);
        CopyDirectory(Path.Combine(RepositoryRoot(), "content"), workspace.ContentRoot);
        if (generatedLessons > 0)
        {
            Generate(workspace.ContentRoot, generatedLessons);
        }
        var wwwroot = Path.Combine(workspace.Root, "wwwroot");
        Directory.CreateDirectory(wwwroot);
        var account = (await workspace.CreateLearnersAsync(1, Password, cancel))[0];
        SqliteConnection.ClearAllPools();

        // Readiness is the first served page: process start, migrations, catalog load and one render.
        await using var server = await ServerProcess.StartAsync(workspace.Root, new Dictionary<string, string>(), "/", cancel);
        Console.WriteLine(FormattableString.Invariant($"cold start (process start to first page): {server.StartedIn.TotalSeconds:F2} s"));

        using var browser = new Browser(server.Address);
        await browser.SignInAsync(account.Email!, Password, cancel);
        const string lessonUrl = "/courses/countering-thb/victim-hearing/why-different?warning=accepted";
        const string courseUrl = "/courses/countering-thb";
        await browser.GetAsync(lessonUrl, cancel);

        var pages = new (string Name, string Url, bool SignedIn)[]
        {
            ("signed-in lesson", lessonUrl, true),
            ("course overview", courseUrl, true),
            ("anonymous catalog", "/", false),
        };
        await using var twin = nginx is null ? null : await Nginx.StartAsync(nginx, wwwroot, cancel);
        var rows = new List<Measured>();
        foreach (var (name, url, signedIn) in pages)
        {
            var bytes = signedIn ? await browser.GetBytesAsync(url, cancel) : await new Browser(server.Address).GetBytesAsync(url, cancel);
            var file = name.Replace(' ', '-') + ".html";
            await File.WriteAllBytesAsync(Path.Combine(wwwroot, file), bytes, cancel);
            var cookie = signedIn ? browser.CookieHeader : null;
            // Warm-up, not counted: tiered compilation takes tens of seconds to settle on a 2-core machine. Repeat
            // until the page's rate stops rising (within 5 %), at most 8 slices.
            var previous = 0.0;
            for (var i = 0; i < 8; i++)
            {
                var rate = await RateAsync(wrk, new Uri(server.Address, url), cookie, settings, cancel);
                if (rate < previous * 1.05)
                {
                    break;
                }
                previous = rate;
            }
            await RateAsync(wrk, new Uri(server.Address, "/" + file), null, settings, cancel);
            double page = 0, kestrel = 0, viaNginx = 0;
            for (var round = 0; round < settings.Rounds; round++)
            {
                // Alternating, so drift on a shared machine hits all of them alike.
                kestrel += await RateAsync(wrk, new Uri(server.Address, "/" + file), null, settings, cancel);
                page += await RateAsync(wrk, new Uri(server.Address, url), cookie, settings, cancel);
                if (twin is not null)
                {
                    viaNginx += await RateAsync(wrk, new Uri(twin.Address, "/" + file), null, settings, cancel);
                }
            }
            rows.Add(new Measured(name, page / settings.Rounds, kestrel / settings.Rounds, twin is null ? null : viaNginx / settings.Rounds, bytes.Length));
            Console.WriteLine(FormattableString.Invariant(
                $"{name}: {bytes.Length} bytes, page {page / settings.Rounds:F0}/s, Kestrel static {kestrel / settings.Rounds:F0}/s{(twin is null ? "" : $", nginx {viaNginx / settings.Rounds:F0}/s")}"));
        }

        var cycles = new List<double>();
        if (generatedLessons == 0)
        {
            var assessment = $"/courses/{LoadCourse.Course}/{LoadCourse.Module}/assessment";
            await browser.TakeAssessmentAsync(assessment, cancel);
            for (var i = 0; i < settings.Cycles; i++)
            {
                var clock = Stopwatch.StartNew();
                await browser.TakeAssessmentAsync(assessment, cancel);
                cycles.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        if (server.ProblemCount > 0)
        {
            throw new InvalidOperationException("The server logged errors: " + string.Join(Environment.NewLine, server.Problems));
        }
        return new CatalogFigures(rows, server.StartedIn, cycles);
    }

    internal static async Task<double> RateAsync(string? wrk, Uri url, string? cookie, Settings settings, CancellationToken cancel)
    {
        if (wrk is not null)
        {
            var arguments = new List<string> { "-t1", $"-c{settings.Connections}", $"-d{settings.Slice.TotalSeconds:F0}s" };
            if (cookie is not null)
            {
                arguments.AddRange(["-H", "Cookie: " + cookie]);
            }
            arguments.Add(url.ToString());
            var start = new ProcessStartInfo(wrk, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Requests/sec:", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("wrk printed no rate: " + output);
            if (output.Contains("Non-2xx", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url} answered errors under load: {output}");
            }
            return double.Parse(line["Requests/sec:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = settings.Connections });
        var until = Stopwatch.StartNew();
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, settings.Connections).Select(async _ =>
        {
            while (until.Elapsed < settings.Slice)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }
                using var response = await client.SendAsync(request, cancel);
                await response.Content.ReadAsByteArrayAsync(cancel);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} under load.");
                }
                Interlocked.Increment(ref count);
            }
        }));
        return count / until.Elapsed.TotalSeconds;
    }

    /// <summary>A course of <paramref name="lessons"/> lessons in 20-lesson modules, each lesson a few KB with a knowledge check.</summary>
    private static void Generate(string contentRoot, int lessons)
    {
        var course = Path.Combine(contentRoot, "generated");
        Directory.CreateDirectory(course);
        File.WriteAllText(Path.Combine(course, "course.yml"), "title: Generated course\nsummary: A large catalog for the load script.\n");
        var paragraph = string.Join(" ", Enumerable.Repeat("Trafficking cases cross borders, and so must the evidence that proves them.", 6));
        for (var i = 0; i < lessons; i++)
        {
            var module = Path.Combine(course, $"{i / 20 + 1:D2}-module-{i / 20 + 1}");
            if (i % 20 == 0)
            {
                Directory.CreateDirectory(module);
                File.WriteAllText(Path.Combine(module, "module.yml"), $"title: Module {i / 20 + 1}\nsummary: Generated.\n");
            }
            File.WriteAllText(Path.Combine(module, $"{i % 20 + 1:D2}-lesson-{i}.md"), $"""
                ---
                title: Lesson {i}
                summary: Generated lesson {i}.
                minutes: 5
                ---

                # Lesson {i}

                ## Why it matters

                {paragraph}

                > [!NOTE]
                > {paragraph}

                ## Practice

                {paragraph}

                ::: question id=gen-{i}
                Which agency coordinates prosecutors across the EU?

                - [x] Eurojust
                - [ ] Europol
                  > Europol supports police cooperation.
                :::

                """.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ELearning.sln")))
        {
            root = root.Parent;
        }
        return root?.FullName ?? throw new DirectoryNotFoundException("Run the load script from the repository.");
    }

    private static bool Goal(string name, double value, string goal, bool met)
    {
        Console.WriteLine(FormattableString.Invariant($"{name}: {value:F3} (goal {goal}) {(met ? "PASS" : "FAIL")}"));
        return met;
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static string Distribution(List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        return sorted.Count == 0 ? "none" : FormattableString.Invariant($"min {sorted[0]:F1}, p50 {At(0.5):F1}, p95 {At(0.95):F1}, max {sorted[^1]:F1}");
    }

    /// <summary>nginx with one worker serving a folder on a free loopback port.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private Nginx(Process process, string folder, Uri address)
        {
            _process = process;
            _folder = folder;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<Nginx> StartAsync(string nginx, string root, CancellationToken cancel)
        {
            var folder = Directory.CreateTempSubdirectory("elearning-nginx-").FullName;
            var port = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            port.Start();
            var number = ((IPEndPoint)port.LocalEndpoint).Port;
            port.Stop();
            var config = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(config, $$"""
                worker_processes 1;
                daemon off;
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path {{folder}}/body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    types { text/html html; }
                    server { listen 127.0.0.1:{{number}}; root {{root}}; }
                }
                """, cancel);
            var process = Process.Start(new ProcessStartInfo(nginx, ["-c", config, "-p", folder]) { RedirectStandardError = true })!;
            var address = new Uri($"http://127.0.0.1:{number}");
            using var probe = new HttpClient();
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var _ = await probe.GetAsync(address, cancel);
                    return new Nginx(process, folder, address);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50, cancel);
                }
            }
            process.Kill();
            throw new InvalidOperationException("nginx did not start: " + await process.StandardError.ReadToEndAsync(cancel));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A browser with JavaScript off: cookies, forms posted with their hidden fields.</summary>
    private sealed class Browser : IDisposable
    {
        private static readonly HtmlParser Parser = new();
        private readonly CookieContainer _cookies = new();
        private readonly HttpClient _http;
        private readonly Uri _address;

        public Browser(Uri address)
        {
            _address = address;
            _http = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = address };
        }

        public string CookieHeader => _cookies.GetCookieHeader(_address);

        public async Task<byte[]> GetBytesAsync(string url, CancellationToken cancel)
        {
            using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), cancel);
            return response.StatusCode == HttpStatusCode.OK
                ? await response.Content.ReadAsByteArrayAsync(cancel)
                : throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        public async Task<IHtmlDocument> GetAsync(string url, CancellationToken cancel) =>
            await Parser.ParseDocumentAsync(System.Text.Encoding.UTF8.GetString(await GetBytesAsync(url, cancel)), cancel);

        public async Task SignInAsync(string email, string password, CancellationToken cancel)
        {
            var page = await GetAsync("/Account/Login", cancel);
            var form = page.Forms.First(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "login");
            using var response = await PostAsync(form, "/Account/Login", [new("Input.Email", email), new("Input.Password", password)], cancel);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
            }
        }

        /// <summary>Start, every page answered and saved with Next, the review page, submit, the result page.</summary>
        public async Task TakeAssessmentAsync(string assessmentUrl, CancellationToken cancel)
        {
            var overview = await GetAsync(assessmentUrl, cancel);
            var start = overview.Forms.First(f => f.GetAttribute("action")!.EndsWith("/start", StringComparison.Ordinal));
            string location;
            using (var started = await PostAsync(start, assessmentUrl + "/start", [], cancel))
            {
                location = Location(started);
            }
            for (var page = 0; page < 10; page++)
            {
                var document = await GetAsync(location, cancel);
                var form = document.Forms.First(f => f.GetAttribute("action")!.EndsWith("/save", StringComparison.Ordinal));
                var last = form.QuerySelector("button[name=go][value=submit]") is not null;
                using var saved = await PostAsync(form, form.GetAttribute("action")!, [.. Answers(form), new("go", last ? "submit" : "next")], cancel);
                location = Location(saved);
                if (last)
                {
                    await GetAsync(location, cancel);
                    return;
                }
            }
            throw new InvalidOperationException("The attempt never reached its submit page.");
        }

        // What a learner would fill in: the first choice of every group, a word or a number in text fields.
        private static IEnumerable<KeyValuePair<string, string>> Answers(IHtmlFormElement form)
        {
            foreach (var group in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "radio" or "checkbox").GroupBy(i => i.Name!))
            {
                yield return new(group.Key, group.First().Value);
            }
            foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "text" && !string.IsNullOrEmpty(i.Name)))
            {
                yield return new(input.Name!, input.Name!.EndsWith(".number", StringComparison.Ordinal) ? "30" : "Eurojust");
            }
            // Ordering positions must differ within a question (a repeated position is refused); matches may repeat.
            var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var select in form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
            {
                var values = select.Options.Where(o => o.Value.Length > 0).Select(o => o.Value).ToList();
                var rank = select.Name!.IndexOf(".rank.", StringComparison.Ordinal);
                var index = rank < 0 ? 0 : ranks[select.Name[..rank]] = ranks.GetValueOrDefault(select.Name[..rank]) + 1;
                if (values.Count > 0)
                {
                    yield return new(select.Name!, values[Math.Min(Math.Max(index - 1, 0), values.Count - 1)]);
                }
            }
        }

        private async Task<HttpResponseMessage> PostAsync(IHtmlFormElement form, string action, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancel)
        {
            var hidden = form.Elements.OfType<IHtmlInputElement>()
                .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
            using var content = new FormUrlEncodedContent([.. hidden, .. fields]);
            return await _http.PostAsync(new Uri(action, UriKind.Relative), content, cancel);
        }

        private static string Location(HttpResponseMessage response) =>
            response.StatusCode == HttpStatusCode.Redirect
                ? response.Headers.Location!.OriginalString
                : throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");

        public void Dispose() => _http.Dispose();
    }
}
