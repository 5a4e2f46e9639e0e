using Markdig;

namespace ELearning.Content.Markdown;

internal static class MarkdownPipelineBuilderExtensions
{
    public static MarkdownPipelineBuilder UseQuestionBlocks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<QuestionBlockExtension>();
        return pipeline;
    }

    /// <summary>Column alignment as classes, not inline styles (see <see cref="TableAlignment"/>). After the table extensions.</summary>
    public static MarkdownPipelineBuilder UseTableAlignmentClasses(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<TableAlignment>();
        return pipeline;
    }
}
