using System.Text.RegularExpressions;
using ELearning.Content.Catalog;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>
/// Markdown behaviour as data: each <c>Specs/*.md</c> file holds cases, a <c>## name</c> heading followed by a
/// fenced <c>markdown</c> block (the lesson body, rendered as <see cref="Render.LessonPath"/>) and either a fenced
/// <c>html</c> block (the HTML segments it must produce) or a fenced <c>view</c> block (the learner's view before
/// answering, questions included: see <see cref="QuestionHtml.View"/>). A view case must have no errors, and no
/// feedback, hint, rationale, consequence or accepted answer of its questions may appear in the view.
/// </summary>
public sealed partial class MarkdownSpecTests
{
    private static readonly string s_specFolder = Path.Combine(AppContext.BaseDirectory, "Specs");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(s_specFolder, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var specCase in Read(file))
            {
                data.Add(Path.GetFileName(file), specCase.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersAsSpecified(string file, string name)
    {
        var specCase = Read(Path.Combine(s_specFolder, file)).Single(c => c.Name == name);

        if (specCase.Kind == "html")
        {
            var html = Render.Html(specCase.Markdown);

            Assert.Equal(specCase.Expected.Trim(), html.ReplaceLineEndings("\n").Trim());
            return;
        }

        var (body, diagnostics) = Render.Body(specCase.Markdown);
        var view = QuestionHtml.View(body.Segments);

        DiagnosticAssert.NoErrors(diagnostics);
        Assert.Equal(specCase.Expected.Trim(), view.ReplaceLineEndings("\n").Trim());
        foreach (var hidden in body.Segments.OfType<QuestionSegment>().SelectMany(q => QuestionHtml.Hidden(q.Question)))
        {
            Assert.DoesNotContain(hidden.Trim(), view, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EverySpecFileHasCases()
    {
        var files = Directory.GetFiles(s_specFolder, "*.md");

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.NotEmpty(Read(f)));
    }

    private sealed record SpecCase(string Name, string Markdown, string Kind, string Expected);

    private static List<SpecCase> Read(string file)
    {
        var lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
        var cases = new List<SpecCase>();
        string? name = null;
        string? markdown = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                name = lines[i][3..].Trim();
                markdown = null;
                continue;
            }
            var fence = FencePattern().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }
            var end = Array.IndexOf(lines, fence.Groups["fence"].Value, i + 1);
            if (end < 0)
            {
                throw new InvalidOperationException($"{file}:{i + 1}: unclosed fence");
            }
            var block = string.Join('\n', lines[(i + 1)..end]);
            i = end;
            if (fence.Groups["kind"].Value == "markdown")
            {
                markdown = block;
            }
            else if (name is not null && markdown is not null)
            {
                cases.Add(new SpecCase(name, markdown, fence.Groups["kind"].Value, block));
                markdown = null;
            }
            else
            {
                throw new InvalidOperationException($"{file}:{i + 1}: an html or view block needs a '## name' and a markdown block before it");
            }
        }
        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? cases : throw new InvalidOperationException($"{file}: duplicate case name '{duplicate.Key}'");
    }

    [GeneratedRegex("^(?<fence>`{3,})(?<kind>markdown|html|view)$")]
    private static partial Regex FencePattern();
}
