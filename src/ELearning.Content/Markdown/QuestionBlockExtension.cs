using Markdig;
using Markdig.Renderers;

namespace ELearning.Content.Markdown;

// Adds ::: question blocks to a pipeline.
internal sealed class QuestionBlockExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<QuestionBlockParser>())
        {
            pipeline.BlockParsers.Insert(0, new QuestionBlockParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlQuestionBlockRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlQuestionBlockRenderer());
        }
    }
}
