using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using ELearning.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Load;

/// <summary>
/// Phase signin: a failed sign-in must cost the same whether the account exists (wrong password), does not exist
/// (unknown email) or is locked out, or timing tells an attacker which accounts exist. Each try is one login post,
/// timed at the client against the real app as a separate process; the three kinds are interleaved in a random order
/// per round so drift on the shared machine hits them alike. Goal: the largest median is at most 1.25x the smallest.
/// </summary>
internal static class SignInTiming
{
    private const string Password = "correct horse battery staple";
    private const double Goal = 1.25;
    private static readonly HtmlParser Parser = new();

    public sealed record Settings(int Tries, int WarmUp);

    public static async Task<bool> RunAsync(Settings settings, CancellationToken cancel)
    {
        Console.WriteLine($"== Phase signin: failed sign-in time, existing vs unknown vs locked account ({settings.Tries} tries each) ==");
        await using var workspace = await Workspace.CreateAsync("signin", cancel);
        // One fresh account per wrong-password try (5 failures would lock it), one locked account.
        var accounts = await workspace.CreateLearnersAsync(settings.Tries + settings.WarmUp + 1, Password, cancel);
        var locked = accounts[^1].Email!;
        await using (var scope = workspace.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Users.Where(u => u.Email == locked)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddDays(1)), cancel);
        }
        SqliteConnection.ClearAllPools();

        // Every try comes from 127.0.0.1: raise only the per-address limit for this server, so no try is a 429.
        var serverSettings = new Dictionary<string, string>
        {
            ["RateLimits__AccountPostsPerMinute"] = "1000000",
            ["RateLimits__AccountPostsPerMinutePerEmail"] = "1000000",
        };
        await using var server = await ServerProcess.StartAsync(workspace, serverSettings, cancel);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = server.Address };

        var times = new Dictionary<string, List<double>> { ["wrong password"] = [], ["unknown email"] = [], ["locked account"] = [] };
        var random = new Random(7);
        var next = 0;
        for (var round = 0; round < settings.WarmUp + settings.Tries; round++)
        {
            var order = times.Keys.OrderBy(_ => random.Next()).ToList();
            foreach (var kind in order)
            {
                var email = kind switch
                {
                    "wrong password" => accounts[next++].Email!,
                    "unknown email" => $"nobody{round}@load.test",
                    _ => locked,
                };
                var elapsed = await FailedSignInAsync(http, email, cancel);
                if (round >= settings.WarmUp)
                {
                    times[kind].Add(elapsed);
                }
            }
        }
        var problems = server.ProblemCount;
        await server.KillAsync();

        Console.WriteLine($"{"",-16}{"median",10}{"p25",10}{"p75",10}{"min",10}{"max",10}  (ms, client-timed login posts)");
        foreach (var (kind, values) in times)
        {
            values.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"{kind,-16}{Percentile(values, 0.5),10:F1}{Percentile(values, 0.25),10:F1}{Percentile(values, 0.75),10:F1}{values[0],10:F1}{values[^1],10:F1}"));
        }
        var medians = times.Values.Select(v => Percentile(v, 0.5)).ToList();
        var ratio = medians.Max() / medians.Min();
        var pass = ratio <= Goal && problems == 0;
        Console.WriteLine(FormattableString.Invariant($"largest median / smallest: {ratio:F2}x (goal <= {Goal:F2}x), server errors: {problems}: {(pass ? "PASS" : "FAIL")}"));
        Console.WriteLine();
        return pass;
    }

    /// <summary>Fetches the form (not timed), then times the post, which must answer 200 with the failure message.</summary>
    private static async Task<double> FailedSignInAsync(HttpClient http, string email, CancellationToken cancel)
    {
        using var pageResponse = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative), cancel);
        var page = await Parser.ParseDocumentAsync(await pageResponse.Content.ReadAsStringAsync(cancel), cancel);
        var form = page.Forms.FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "login")
            ?? throw new InvalidOperationException("The login page has no login form.");
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Input.Email", email)).Append(new("Input.Password", "not the password at all"));
        using var content = new FormUrlEncodedContent(fields);
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("temporarily locked", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A failed sign-in for {email} answered {(int)response.StatusCode} without the failure message.");
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
