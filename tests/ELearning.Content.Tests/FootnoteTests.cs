using ELearning.Content.Tests.Support;

namespace ELearning.Content.Tests;

public sealed class FootnoteTests
{
    [Fact]
    public void AFootnoteCitedTwiceGetsLetteredBackLinksInsteadOfTwoArrows()
    {
        var html = Render.Html("""
            Text one,[^1] and two.[^2] Again.[^1]

            [^1]: First.
            [^2]: Second.
            """);

        Assert.DoesNotContain("&#8617;</a><a", html, StringComparison.Ordinal);
        Assert.Contains(
            "<p>First. &#8617; <a href=\"#fnref:1\" class=\"footnote-back-ref\" aria-label=\"Back to citation 1a\">a</a> "
            + "<a href=\"#fnref:2\" class=\"footnote-back-ref\" aria-label=\"Back to citation 1b\">b</a></p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Second.<a href=\"#fnref:3\" class=\"footnote-back-ref\" aria-label=\"Back to citation 2\">&#8617;</a></p>", html, StringComparison.Ordinal);
    }
}
