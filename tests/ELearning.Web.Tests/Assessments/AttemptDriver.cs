using System.Net;
using AngleSharp.Html.Dom;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Assessments;

/// <summary>Takes an assessment the way a learner's browser does without JavaScript: forms, buttons, redirects.</summary>
internal sealed class AttemptDriver(TestClient browser)
{
    /// <summary>Answers as a learner gives them: by the text they see. Ids on the page are opaque aliases.</summary>
    public static readonly IReadOnlyDictionary<string, Answer> Right = new Dictionary<string, Answer>
    {
        ["a-single"] = Answer.Choose("Planning and preparation"),
        ["a-multi"] = Answer.Choose("Deception", "Abuse of a position of vulnerability"),
        ["a-tf"] = Answer.Choose("False"),
        ["a-text"] = Answer.Type("text", "  EUROJUST "),
        ["a-num"] = Answer.Type("number", "30 days"),
        ["a-order"] = Answer.Rank(("Planning and preparation", 1), ("Engage and explain", 2), ("Account, clarification and challenge", 3)),
        ["a-match"] = Answer.Match(("EIO", "Gathers evidence abroad"), ("JIT", "Investigates jointly")),
    };

    public static readonly IReadOnlyDictionary<string, Answer> Wrong = new Dictionary<string, Answer>
    {
        ["a-single"] = Answer.Choose("Closure"),
        ["a-multi"] = Answer.Choose("The victim's nationality"),
        ["a-tf"] = Answer.Choose("True"),
        ["a-text"] = Answer.Type("text", "Europol"),
        ["a-num"] = Answer.Type("number", "10"),
        ["a-order"] = Answer.Rank(("Planning and preparation", 3), ("Engage and explain", 2), ("Account, clarification and challenge", 1)),
        ["a-match"] = Answer.Match(("EIO", "Extradites suspects"), ("JIT", "Gathers evidence abroad")),
    };

    public static readonly string[] RightPath = ["Arrange a safe place first", "Plan the hearing with an interpreter"];
    public static readonly string[] WrongPath = ["Interview her on the spot"];

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
    public async Task<HttpResponseMessage> TakeAsync(string attemptUrl, IReadOnlyDictionary<string, Answer> answers, string[] path)
    {
        var page = await OpenAsync(attemptUrl, 1);
        var pages = page.PageCount;
        for (var p = 1; p <= pages; p++)
        {
            page = await OpenAsync(attemptUrl, p);
            foreach (var choice in page.QuestionIds.Contains("a-case") ? path : [])
            {
                page = await OpenAsync(attemptUrl, p);
                using var step = await PostAsync(page, [page.ScenarioChoice("a-case", choice)]);
                Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
            }
            page = await OpenAsync(attemptUrl, p);
            var fields = page.QuestionIds.Where(answers.ContainsKey)
                .SelectMany(id => answers[id].Fields(page.Document, $"q.{id}."))
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

    /// <summary>The field a scenario choice button posts, found by its text.</summary>
    public (string Name, string Value) ScenarioChoice(string questionId, string text)
    {
        var button = Form.QuerySelectorAll($"button[name='q.{questionId}.choice']").Single(b => b.TextContent.Trim() == text);
        return (button.GetAttribute("name")!, button.GetAttribute("value")!);
    }
}

/// <summary>An answer described by visible text, turned into form fields by reading the page's labels.</summary>
internal sealed class Answer
{
    private readonly Func<IHtmlDocument, string, IEnumerable<(string Name, string Value)>> _fields;

    private Answer(Func<IHtmlDocument, string, IEnumerable<(string Name, string Value)>> fields) => _fields = fields;

    public IEnumerable<(string Name, string Value)> Fields(IHtmlDocument page, string prefix) => _fields(page, prefix);

    private static string LabelOf(IHtmlDocument page, AngleSharp.Dom.IElement control) =>
        page.QuerySelector($"label[for='{control.Id}']")!.TextContent.Trim();

    public static Answer Choose(params string[] labels) => new((page, prefix) => labels.Select(label =>
        (prefix + "option", page.QuerySelectorAll($"input[name='{prefix}option']").Single(i => LabelOf(page, i) == label).GetAttribute("value")!)));

    public static Answer Type(string field, string text) => new((_, prefix) => [(prefix + field, text)]);

    public static Answer Rank(params (string Item, int Position)[] ranks) => new((page, prefix) => ranks.Select(r =>
        (page.QuerySelectorAll($"select[name^='{prefix}rank.']").Single(s => LabelOf(page, s) == r.Item).GetAttribute("name")!,
         r.Position.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static Answer Match(params (string Item, string Choice)[] pairs) => new((page, prefix) => pairs.Select(p =>
    {
        var select = page.QuerySelectorAll($"select[name^='{prefix}match.']").Single(s => LabelOf(page, s) == p.Item);
        return (select.GetAttribute("name")!, select.QuerySelectorAll("option").Single(o => o.TextContent.Trim().EndsWith(". " + p.Choice, StringComparison.Ordinal)).GetAttribute("value")!);
    }));
}
