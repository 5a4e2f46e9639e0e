using System.Globalization;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ELearning.Content.Markdown;

/// <summary>
/// Footnote links as Markdig writes them, except the way back: a footnote cited twice got two identical "↩" links side
/// by side ("↩↩"). Back links now read "↩" for one citation and "↩ a b" for several, each named for screen readers.
/// </summary>
internal sealed class FootnoteBackLinks : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>())
        {
            html.ObjectRenderers.RemoveAll(r => r is HtmlFootnoteLinkRenderer);
            html.ObjectRenderers.Add(new Renderer());
        }
    }

    private sealed class Renderer : HtmlObjectRenderer<FootnoteLink>
    {
        protected override void Write(HtmlRenderer renderer, FootnoteLink link)
        {
            var order = link.Footnote.Order.ToString(CultureInfo.InvariantCulture);
            var index = link.Index.ToString(CultureInfo.InvariantCulture);
            if (!link.IsBackLink)
            {
                renderer.Write($"<a id=\"fnref:{index}\" href=\"#fn:{order}\" class=\"footnote-ref\"><sup>{order}</sup></a>");
                return;
            }
            var citations = link.Footnote.Links.Where(l => !l.IsBackLink).ToList();
            var position = citations.FindIndex(l => l.Index == link.Index);
            if (citations.Count <= 1 || position < 0)
            {
                renderer.Write($"<a href=\"#fnref:{index}\" class=\"footnote-back-ref\" aria-label=\"Back to citation {order}\">&#8617;</a>");
                return;
            }
            var letter = position < 26 ? ((char)('a' + position)).ToString() : (position + 1).ToString(CultureInfo.InvariantCulture);
            renderer.Write(position == 0 ? " &#8617; " : " ");
            renderer.Write($"<a href=\"#fnref:{index}\" class=\"footnote-back-ref\" aria-label=\"Back to citation {order}{letter}\">{letter}</a>");
        }
    }
}
