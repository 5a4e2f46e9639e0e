using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ELearning.Load;

/// <summary>One learner's browser with JavaScript off: its own cookies and connection, forms posted with their tokens.</summary>
internal sealed class Learner(Uri address, SeededAttempt attempt) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        // Keeps the connection from sign-in to the burst, as a browser on the summary page would.
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromMinutes(2),
    };

    private FormUrlEncodedContent? _submit;

    public SeededAttempt Attempt { get; } = attempt;

    public string AttemptUrl => LoadCourse.AttemptUrl(Attempt.Number);

    /// <summary>Signs in through the login page's form; the redirect is the acknowledgement.</summary>
    public async Task SignInAsync(string password, CancellationToken cancel)
    {
        var page = await GetPageAsync("/Account/Login", cancel);
        var form = page.Forms.FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == "login")
            ?? throw new InvalidOperationException("The login page has no login form.");
        var fields = Hidden(form).Append(new("Input.Email", Attempt.Email)).Append(new("Input.Password", password)).ToList();
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(Action(form, "/Account/Login"), content, cancel);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {Attempt.Email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    /// <summary>Opens the attempt's "review and submit" page (page count + 1) and prepares the submit post from its form.</summary>
    public async Task OpenSummaryAsync(int pageCount, CancellationToken cancel)
    {
        var summary = pageCount + 1;
        var page = await GetPageAsync($"{AttemptUrl}?page={summary}", cancel);
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == AttemptUrl + "/save")
            ?? throw new InvalidOperationException($"{Attempt.Email}: no attempt form on the summary page.");
        if (form.QuerySelector("button[name=go][value=submit]") is null
            || form.QuerySelector("input[name=page]")?.GetAttribute("value") != summary.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{Attempt.Email}: page {summary} is not the summary page with a submit button.");
        }
        _submit = new FormUrlEncodedContent([.. Hidden(form), new("go", "submit")]);
    }

    /// <summary>Presses "Submit attempt"; the caller owns the response.</summary>
    public Task<HttpResponseMessage> SubmitAsync(CancellationToken cancel) =>
        _http.PostAsync(AttemptUrl + "/save", _submit ?? throw new InvalidOperationException("Open the summary page first."), cancel);

    private async Task<IHtmlDocument> GetPageAsync(string url, CancellationToken cancel)
    {
        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), cancel);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{Attempt.Email}: GET {url} answered {(int)response.StatusCode}.");
        }
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(cancel), cancel);
    }

    private static IEnumerable<KeyValuePair<string, string>> Hidden(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));

    private static string Action(IHtmlFormElement form, string page) =>
        form.GetAttribute("action") is { Length: > 0 } action ? action : page;

    public void Dispose()
    {
        _submit?.Dispose();
        _http.Dispose();
    }
}
