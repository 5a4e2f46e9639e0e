using System.Net;
using AngleSharp.Html.Dom;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Assessments;

/// <summary>Takes an assessment the way a learner's browser does without JavaScript: forms, buttons, redirects.</summary>
internal sealed class AttemptDriver(TestClient browser)
{
    public static readonly IReadOnlyDictionary<string, (string Name, string Value)[]> Right = new Dictionary<string, (string, string)[]>
    {
        ["a-single"] = [("option", "b")],
        ["a-multi"] = [("option", "a"), ("option", "b")],
        ["a-tf"] = [("option", "b")],
        ["a-text"] = [("text", "  EUROJUST ")],
        ["a-num"] = [("number", "30 days")],
        ["a-order"] = [("rank.a", "1"), ("rank.b", "2"), ("rank.c", "3")],
        ["a-match"] = [("match.a", "a"), ("match.b", "b")],
    };

    public static readonly IReadOnlyDictionary<string, (string Name, string Value)[]> Wrong = new Dictionary<string, (string, string)[]>
    {
        ["a-single"] = [("option", "a")],
        ["a-multi"] = [("option", "c")],
        ["a-tf"] = [("option", "a")],
        ["a-text"] = [("text", "Europol")],
        ["a-num"] = [("number", "10")],
        ["a-order"] = [("rank.a", "3"), ("rank.b", "2"), ("rank.c", "1")],
        ["a-match"] = [("match.a", "c"), ("match.b", "a")],
    };

    public static readonly string[] RightPath = ["at-the-door.b", "safe-place.a"];
    public static readonly string[] WrongPath = ["at-the-door.a"];

    /// <summary>Presses "Start" on the assessment page; returns the attempt's address.</summary>
    public async Task<string> StartAsync(string assessmentUrl = FixtureContent.Assessment)
    {
        using var response = await browser.SubmitAsync(assessmentUrl, f => f.GetAttribute("action")!.EndsWith("/assessment/start", StringComparison.Ordinal), []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return location.Split('?')[0];
    }

    public async Task<AttemptPage> OpenAsync(string attemptUrl, int page)
    {
        var (status, document) = await browser.GetPageAsync($"{attemptUrl}?page={page}");
        Assert.Equal(HttpStatusCode.OK, status);
        return new AttemptPage(attemptUrl, document);
    }

    /// <summary>Answers every question on every page, walks the case, and submits.</summary>
    public async Task<HttpResponseMessage> TakeAsync(string attemptUrl, IReadOnlyDictionary<string, (string Name, string Value)[]> answers, string[] path)
    {
        var page = await OpenAsync(attemptUrl, 1);
        var pages = page.PageCount;
        for (var p = 1; p <= pages; p++)
        {
            page = await OpenAsync(attemptUrl, p);
            foreach (var choice in page.QuestionIds.Contains("a-case") ? path : [])
            {
                page = await OpenAsync(attemptUrl, p);
                using var step = await PostAsync(page, [("q.a-case.choice", choice)]);
                Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
            }
            page = await OpenAsync(attemptUrl, p);
            var fields = page.QuestionIds.Where(answers.ContainsKey)
                .SelectMany(id => answers[id].Select(f => ($"q.{id}.{f.Name}", f.Value)))
                .Append(("go", "next"))
                .ToArray();
            using var saved = await PostAsync(page, fields);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        return await SubmitAsync(attemptUrl, pages);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string attemptUrl, int pageCount)
    {
        var summary = await OpenAsync(attemptUrl, pageCount + 1);
        return await PostAsync(summary, [("go", "submit")]);
    }

    public async Task<HttpResponseMessage> PostAsync(AttemptPage page, IEnumerable<(string Name, string Value)> fields, long? sequence = null)
    {
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.Token),
            new("seq", (sequence ?? page.Sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("page", page.Page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(values);
        return await browser.Http.PostAsync(page.AttemptUrl + "/save", content);
    }
}

/// <summary>What the tests read off an attempt page: the form's hidden fields and which questions it holds.</summary>
internal sealed class AttemptPage(string attemptUrl, IHtmlDocument document)
{
    public string AttemptUrl { get; } = attemptUrl;
    public IHtmlDocument Document { get; } = document;

    private IHtmlFormElement Form => Document.Forms.Single(f => f.GetAttribute("action") == AttemptUrl + "/save");

    public string Token => Form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    public long Sequence => long.Parse(Form.QuerySelector("input[name=seq]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
    public int Page => int.Parse(Form.QuerySelector("input[name=page]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The number of question pages (the page jump buttons, less the summary).</summary>
    public int PageCount => Form.QuerySelectorAll("button[name=go]").Select(b => b.GetAttribute("value")!).Count(v => v.StartsWith("page-", StringComparison.Ordinal));

    public IReadOnlyList<string> QuestionIds => [.. Form.QuerySelectorAll("[name^='q.']")
        .Select(e => e.GetAttribute("name")!.Split('.')[1]).Distinct()];

    public string Html => Document.DocumentElement.OuterHtml;
}
