using AngleSharp.Html.Parser;
using ELearning.Content.Catalog;
using ELearning.Content.Tests.Support;
using AngleSharpUrl = AngleSharp.Dom.Url;

namespace ELearning.Content.Tests;

/// <summary>
/// Whatever an author (or an attacker with write access to content) writes, the HTML that reaches a page runs no
/// script: no script elements, no event handler attributes, no address outside http, https, mailto and relative.
/// Checked with a real HTML parser, in every place content HTML is produced.
/// </summary>
public sealed class XssTests
{
    private static readonly string[] s_payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "text <b onmouseover=alert(1)>bold</b>",
        "<!--><script>alert(1)</script>-->",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](jav&#97;script:alert(1))",
        "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript&#x3A;alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](<java\tscript:alert(1)>)",
        "[x](<java\u000Bscript:alert(1)>)",
        "[x](<\u0001javascript:alert(1)>)",
        "[x](\u0000javascript:alert(1))",
        "[x](java\u200Bscript:alert(1))",
        "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](VBScript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "[x](file:///etc/passwd)",
        "[x](javascript:alert(1) \"title\")",
        "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")",
        "[x](https://ok.example \"<script>alert(1)</script>\")",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
        "[![a](javascript:alert(1))](javascript:alert(2))",
        "![x](javascript:alert(1))",
        "![x](JAVASCRIPT:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](vbscript:msgbox(1))",
        "![x](media/a.png \"onerror=alert(1)\")",
        "![x\" onerror=\"alert(1)](media/a.png)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD4=>",
        "<jav&#x61;script:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x][r]\n\n[r]: <javascript:alert(1)> \"title\"",
        "[r]\n\n[r]: JaVaScRiPt:alert(1)",
        "![x][r]\n\n[r]: data:image/png;base64,AAAA",
        "# Heading <img src=x onerror=alert(1)>",
        "## javascript:alert(1)",
        "```js\" onload=\"alert(1)\n<script>alert(1)</script>\n```",
        "`<script>alert(1)</script>`",
        "> [!NOTE\" onmouseover=\"alert(1)]\n> x",
        "> [!LEGAL]\n> <script>alert(1)</script>",
        "Text[^1]\n\n[^1]: <script>alert(1)</script> [x](javascript:alert(1))",
        "| <script>alert(1)</script> | [x](javascript:alert(1)) |\n|-|-|\n| <img src=x onerror=alert(1)> | b |",
        "- [x] <img src=x onerror=alert(1)>",
        "www.example.com/javascript:alert(1)",
        "https://ok.example/\"onmouseover=\"alert(1)",
        "[x](//evil.example/x)",
        "[x](\\\\evil.example)",
        "::: question id=x onload=alert(1)\n<script>alert(1)</script>\n:::",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    ];

    // Each payload is tried in the lesson body and in every part of a question: prompt, option text and feedback,
    // hints, text answers, ordering items, matching cells, and a scenario's introduction, steps, choices and consequences.
    private static readonly Func<string, string>[] s_placements =
    [
        p => p,
        p => $"::: question id=q\n{p}\n\n- [x] a\n- [ ] b\n:::\n",
        p => $"::: question id=q\nPrompt.\n\n- [x] {Line(p)}\n- [ ] b\n:::\n",
        p => $"::: question id=q\nPrompt.\n\n- [x] a\n  > {p.Replace("\n", "\n  > ", StringComparison.Ordinal)}\n- [ ] b\n:::\n",
        p => $"::: question id=q\nPrompt.\n\n- [x] a\n- [ ] b\n\n> [!HINT]\n> {p.Replace("\n", "\n> ", StringComparison.Ordinal)}\n:::\n",
        p => $"::: question id=q type=text\nWho?\n\n- [x] {Line(p)}\n:::\n",
        p => $"::: question id=q type=ordering\nOrder.\n\n1. {Line(p)}\n2. b\n:::\n",
        p => $"::: question id=q type=matching\nMatch.\n\n| X | {Line(p)} |\n|---|---|\n| {Line(p)} | 1 |\n| b | {Line(p)} |\n:::\n",
        p => $"::: scenario id=q\n{p}\n\n## {Line(p)}\n\n{p}\n\n- [{Line(p)}](#end)\n  > {p.Replace("\n", "\n  > ", StringComparison.Ordinal)}\n- [b](#end)\n:::\n",
    ];

    private static string Line(string payload) => payload.Replace("\n", " ", StringComparison.Ordinal);

    private static readonly AngleSharpUrl s_lessonUrl = new("https://app.example/courses/countering-thb/victim-hearing/rights");

    public static TheoryData<int, int> Cases()
    {
        var data = new TheoryData<int, int>();
        for (var payload = 0; payload < s_payloads.Length; payload++)
        {
            for (var placement = 0; placement < s_placements.Length; placement++)
            {
                data.Add(payload, placement);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProducedHtmlRunsNoScript(int payload, int placement)
    {
        var markdown = s_placements[placement](s_payloads[payload]);

        var html = AllHtml(markdown);

        AssertInert(html);
    }

    [Fact]
    public void TheCorpusActuallyReachesTheOutput()
    {
        // Guards the theory against passing vacuously: payloads must show up (neutralised) in what is checked.
        Assert.Contains("&lt;script&gt;", AllHtml(s_payloads[0]), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", AllHtml(s_placements[1](s_payloads[0])), StringComparison.Ordinal);
        Assert.Contains("&lt;img", AllHtml(s_placements[2](s_payloads[2])), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", AllHtml(s_placements[3](s_payloads[0])), StringComparison.Ordinal);
        for (var placement = 4; placement < s_placements.Length; placement++)
        {
            Assert.Contains("&lt;script&gt;", AllHtml(s_placements[placement](s_payloads[0])), StringComparison.Ordinal);
        }
        Assert.Equal("<p>x</p>", AllHtml("[x](javascript:alert(1))").Trim());
    }

    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("http://example.org")]
    [InlineData("mailto:help@example.org")]
    [InlineData("#anchor")]
    [InlineData("/courses")]
    public void AllowedLinksAreKept(string url)
    {
        Assert.Equal($"<p><a href=\"{url}\">x</a></p>", AllHtml($"[x]({url})").Trim());
    }

    private static string AllHtml(string markdown)
    {
        var (body, _) = Render.Body(markdown);
        var parts = new List<string>();
        foreach (var segment in body.Segments)
        {
            if (segment is HtmlSegment html)
            {
                parts.Add(html.Html);
            }
            else if (segment is QuestionSegment { Question: var question })
            {
                parts.AddRange(QuestionHtml.All(question));
            }
        }
        return string.Join("\n", parts);
    }

    private static void AssertInert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style, base, form, meta, link, svg, math"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"event handler attribute {attribute.Name} in: {html}");
                if (attribute.Name == "style")
                {
                    // Markdig writes styles for table alignment and widths only; never anything that loads or runs.
                    Assert.DoesNotContain("url(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("expression(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "poster" or "xlink:href")
                {
                    AssertAllowedAddress(attribute.Value, html);
                }
            }
        }
    }

    private static void AssertAllowedAddress(string value, string html)
    {
        // Resolve as the browser would against the lesson's address: this applies the URL standard's stripping of
        // whitespace and control characters, so "java\tscript:" shows up as javascript here if it got through.
        var url = new AngleSharpUrl(s_lessonUrl, value);
        Assert.False(url.IsInvalid, $"unparseable address '{value}' in: {html}");
        Assert.Contains(url.Scheme, (string[])["http", "https", "mailto"]);
    }
}
