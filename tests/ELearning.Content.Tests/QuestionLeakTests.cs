using ELearning.Content.Catalog;
using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

/// <summary>
/// What a lesson page renders before the learner answers (HTML segments, prompts, option and item labels, steps and
/// choices) never holds the answer key: feedback, hints, rationales, consequences, accepted answers, markers, points
/// or step targets. Every secret below contains "SECRET"; the tests also check that the secrets are really in the
/// question, so they cannot pass by losing them.
/// </summary>
public sealed class QuestionLeakTests
{
    private const string Callouts = "\n> [!HINT]\n> SECRET hint.\n\n> [!RATIONALE]\n> SECRET rationale.\n";

    public static TheoryData<string, string> Questions() => new()
    {
        { "single", "::: question id=q\nPick one.\n\n- [ ] A\n  > SECRET feedback on A.\n- [x] B\n  > SECRET feedback on B.\n" + Callouts + ":::\n" },
        { "multiple", "::: question id=q type=multiple scoring=partial points=3\nPick.\n\n- [X] A\n  > SECRET feedback.\n- [x] B\n- [ ] C\n" + Callouts + ":::\n" },
        { "true-false", "::: question id=q type=true-false\nTrue?\n\n- [ ] True\n  > SECRET feedback.\n- [x] False\n" + Callouts + ":::\n" },
        { "text", "::: question id=q type=text\nWho?\n\n- [x] SECRET accepted\n- [ ] SECRET wrong\n  > SECRET feedback.\n" + Callouts + ":::\n" },
        { "numeric", "::: question id=q type=numeric answer=987654 tolerance=321 unit=EUR points=2\nHow much?\n" + Callouts + ":::\n" },
        { "ordering", "::: question id=q type=ordering scoring=partial\nOrder.\n\n1. First\n2. Second\n3. Third\n" + Callouts + ":::\n" },
        { "matching", "::: question id=q type=matching scoring=all-or-nothing\nMatch.\n\n| X | Y |\n|---|---|\n| a | 1 |\n| b | 2 |\n| | 3 |\n" + Callouts + ":::\n" },
        {
            "scenario",
            "::: scenario id=q points=4\nCase.\n\n## Start\n\nWhat now?\n\n- [Wait](#later) (1 point)\n  > SECRET consequence.\n"
            + "- [Act](#end) (2 points)\n\n## Later\n\nThen.\n" + Callouts + ":::\n"
        },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void NothingALearnerSeesBeforeAnsweringHoldsTheAnswerKey(string kind, string question)
    {
        var (body, diagnostics) = Render.Body("Before.\n\n" + question + "\nAfter.\n");
        DiagnosticAssert.NoErrors(diagnostics);
        var parsed = Assert.Single(body.Segments.OfType<QuestionSegment>()).Question;

        var visible = string.Concat(body.Segments.OfType<HtmlSegment>().Select(s => s.Html)) + string.Concat(QuestionHtml.Visible(parsed));

        Assert.Contains("Before.", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("[x]", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[ ]", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("[!", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("point", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("987654", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("321", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("href", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("#later", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("#end", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<input", visible, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(":::", visible, StringComparison.Ordinal);

        // The secrets are there, for the result to show.
        var hidden = string.Concat(QuestionHtml.Hidden(parsed));
        Assert.Contains("SECRET hint.", hidden, StringComparison.Ordinal);
        Assert.Contains("SECRET rationale.", hidden, StringComparison.Ordinal);
        var secrets = hidden.Split("SECRET").Length - 1;
        // Kinds with per-option feedback or consequences have at least one more.
        Assert.True(secrets >= (kind is "numeric" or "ordering" or "matching" ? 2 : 3), $"{kind}: only {secrets} secrets in {hidden}");
    }
}
