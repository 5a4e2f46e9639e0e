using Markdig;

namespace ELearning.Content.Markdown;

internal static class MarkdownPipelineBuilderExtensions
{
    public static MarkdownPipelineBuilder UseQuestionBlocks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<QuestionBlockExtension>();
        return pipeline;
    }
}
