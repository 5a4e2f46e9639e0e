using System.Globalization;
using System.Net;
using ELearning.Web.Certificates;
using ELearning.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Load;

/// <summary>
/// Phase certificates: the public verification page <c>/certificates/{code}</c> against the same bytes served as a static
/// file by the same Kestrel, alternating in one run (goal ≥ 0.10×: the page is answered from the in-memory cache by code,
/// with no database read). The page's rate limit is raised for this server only: every request comes from 127.0.0.1.
/// </summary>
internal static class CertificatePage
{
    public static async Task<bool> RunAsync(Pages.Settings settings, CancellationToken cancel)
    {
        Console.WriteLine("== Phase certificates: verification page against the same bytes as a static file ==");
        var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
        Console.WriteLine($"load client: {(wrk is null ? "built-in (install wrk for the real ceiling)" : "wrk, 1 thread")}, {settings.Connections} connections, {settings.Rounds} rounds of {settings.Slice.TotalSeconds:F0} s, alternating");
        await using var workspace = await Workspace.CreateAsync("certificates", cancel);
        var holder = (await workspace.CreateLearnersAsync(1, null, cancel))[0];
        var code = CertificateCodes.New();
        await using (var scope = workspace.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            db.Certificates.Add(new Certificate
            {
                Code = code, UserId = holder.Id, CourseSlug = LoadCourse.Course, ModuleSlug = LoadCourse.Module, Round = 1,
                HolderName = "Ana-Maria Ștefănescu", Title = "Hearing techniques for victims of trafficking", Hours = 3,
                IssuerName = "The ELearning project", IssuerAddress = "Online course", SignatoryRole = "Course coordinator",
                CompletedAt = now, IssuedAt = now, ExpiresAt = now.AddMonths(36), StatusIndex = 1,
            });
            await db.SaveChangesAsync(cancel);
        }
        SqliteConnection.ClearAllPools();
        var wwwroot = Path.Combine(workspace.Root, "wwwroot");
        Directory.CreateDirectory(wwwroot);

        var url = "/certificates/" + code;
        await using var server = await ServerProcess.StartAsync(workspace.Root,
            new Dictionary<string, string> { ["RateLimits:CertificateChecksPerMinute"] = "100000000" }, "/healthz", cancel);
        using (var client = new HttpClient { BaseAddress = server.Address })
        {
            using var response = await client.GetAsync(url, cancel);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
            }
            await File.WriteAllBytesAsync(Path.Combine(wwwroot, "certificate.html"), await response.Content.ReadAsByteArrayAsync(cancel), cancel);
        }
        var bytes = new FileInfo(Path.Combine(wwwroot, "certificate.html")).Length;
        var page = new Uri(server.Address, url);
        var twin = new Uri(server.Address, "/certificate.html");

        // Warm-up, not counted: tiered compilation takes tens of seconds to settle on 2 cores. Repeat until the page's
        // rate stops rising (within 5 %), at most 8 slices, as phase C does.
        var previous = 0.0;
        for (var i = 0; i < 8; i++)
        {
            var rate = await Pages.RateAsync(wrk, page, null, settings, cancel);
            if (rate < previous * 1.05)
            {
                break;
            }
            previous = rate;
        }
        await Pages.RateAsync(wrk, twin, null, settings, cancel);
        double pageRate = 0, staticRate = 0;
        for (var round = 0; round < settings.Rounds; round++)
        {
            staticRate += await Pages.RateAsync(wrk, twin, null, settings, cancel);
            pageRate += await Pages.RateAsync(wrk, page, null, settings, cancel);
        }
        pageRate /= settings.Rounds;
        staticRate /= settings.Rounds;
        var ratio = pageRate / staticRate;
        var pass = ratio >= 0.10;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verification page: {bytes} bytes, page {pageRate:F0}/s, Kestrel static {staticRate:F0}/s, ratio {ratio:F3} (goal >= 0.10) {(pass ? "PASS" : "FAIL")}"));
        if (server.ProblemCount > 0)
        {
            throw new InvalidOperationException("The server logged errors: " + string.Join(Environment.NewLine, server.Problems));
        }
        return pass;
    }
}
