using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ELearning.Content.Markdown;

// Renders nothing. Questions reach the page as question segments through the theme; without a renderer Markdig would
// fall back to printing the block's children, answer key and feedback included.
internal sealed class HtmlQuestionBlockRenderer : HtmlObjectRenderer<QuestionBlock>
{
    protected override void Write(HtmlRenderer renderer, QuestionBlock obj)
    {
    }
}
