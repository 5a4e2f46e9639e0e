using System.Net;
using ELearning.Web.Assessments;
using ELearning.Web.Tests.Assessments;
using ELearning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ELearning.Web.Tests.Accounts;

/// <summary>Whatever a client puts in the address or the form, the answer is a 4xx page, never a 500.</summary>
public sealed class BadInputTests
{
    private static readonly string[] GarbageValues =
    [
        // (A NUL in the path never reaches the app: the server refuses it.)
        "abc", "-1", "0", "99999999999999999999", "1.5", "%FF", "..%2F..%2Fetc", "%E2%80%AE", "a%20b", new string('x', 3000),
    ];

    // Every query name a page reads, plus some it does not; each with values that fail model binding.
    private static readonly string[] GarbageQueries =
    [
        "page=abc", "page=%FF", "page=99999999999999999999", "page=-5", "page=1&page=2", "page=", "notice=%00", "warning=%FF",
        "returnUrl=%FF", "ReturnUrl=//evil.example", "code=%FF", "email=%00", "v=%FF", "Number=abc", "Code=abc", "_handler=%FF",
    ];

    /// <summary>The route templates of the running app, each parameter filled with a plausible value.</summary>
    private static List<(string Pattern, List<string> Parameters, IReadOnlyList<string> Methods)> Routes(TestApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e.RoutePattern.RawText!, e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)["GET"]))
            .Where(r => r.Item1 is not null)
            .Distinct()];

    private static string Fill(string pattern, IReadOnlyDictionary<string, string> values)
    {
        var path = "/" + pattern.TrimStart('/');
        foreach (var segment in path.Split('/').Where(s => s.StartsWith('{')))
        {
            var name = segment.Trim('{', '}').TrimStart('*').Split(':', '=', '?')[0];
            path = path.Replace(segment, values.GetValueOrDefault(name, "x"), StringComparison.Ordinal);
        }
        return path;
    }

    private static readonly Dictionary<string, string> Plausible = new(StringComparer.OrdinalIgnoreCase)
    {
        ["course"] = "thb", ["CourseSlug"] = "thb", ["module"] = "hearing", ["ModuleSlug"] = "hearing", ["lesson"] = "first",
        ["LessonSlug"] = "first", ["number"] = "1", ["questionId"] = "peace-first", ["Code"] = "404", ["path"] = "chart.png",
    };

    [Fact]
    public async Task EveryRouteAnswersGarbageRouteAndQueryValuesWithoutA500()
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var attempt = await new AttemptDriver(browser).StartAsync();
        var (_, page) = await browser.GetPageAsync(attempt);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var routes = Routes(app);
        Assert.Contains(routes, r => r.Pattern.Contains("attempts/{Number:int}", StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var (pattern, parameters, methods) in routes)
        {
            var urls = new List<string> { Fill(pattern, Plausible) };
            foreach (var parameter in parameters)
            {
                urls.AddRange(GarbageValues.Select(g => Fill(pattern, new Dictionary<string, string>(Plausible, StringComparer.OrdinalIgnoreCase) { [parameter] = g })));
            }
            foreach (var url in urls.ToList())
            {
                urls.AddRange(GarbageQueries.Select(q => url + "?" + q));
            }
            foreach (var url in urls.Distinct())
            {
                foreach (var method in methods.Where(m => m is "GET" or "POST"))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method == "POST")
                    {
                        request.Content = new FormUrlEncodedContent(
                        [
                            new("__RequestVerificationToken", token), new("seq", "abc"), new("page", "%FF"), new("go", "page-abc"),
                            new("option", "\0"), new("_handler", "nope"), new("q.a-single.option", "abc"),
                        ]);
                    }
                    using var response = await browser.Http.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {(url.Length > 120 ? url[..120] + "…" : url)} -> {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("%FF")]
    public async Task AnAttemptPageWithAnUnreadablePageNumberAnswers400(string value)
    {
        using var app = new TestApp(prepare: root => FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText()));
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var attempt = await new AttemptDriver(browser).StartAsync();

        var (status, page) = await browser.GetPageAsync(attempt + "?page=" + value);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Request not accepted", page.Title!, StringComparison.Ordinal);
        // Out of range but a number still opens the nearest page, as before.
        var (ok, _) = await browser.GetPageAsync(attempt + "?page=99");
        Assert.Equal(HttpStatusCode.OK, ok);
    }

    [Fact]
    public async Task AnOversizedPostAnswers413AndStoresNothing()
    {
        using var app = new TestApp();
        using var browser = app.CreateBrowser();
        await browser.SignUpAndInAsync("ana@example.eu");
        var (_, page) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var action in new[] { FixtureContent.FirstLesson + "/complete", "/Account/Login", FixtureContent.FirstLesson + "/questions/peace-first" })
        {
            using var response = await browser.Http.PostAsync(action, new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("padding", new string('x', 2 * 1024 * 1024))]));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        var (_, after) = await browser.GetPageAsync(FixtureContent.FirstLesson);
        Assert.DoesNotContain("You completed this lesson.", after.Body!.TextContent, StringComparison.Ordinal);
    }
}
