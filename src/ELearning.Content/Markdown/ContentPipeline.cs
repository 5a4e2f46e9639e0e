using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;

namespace ELearning.Content.Markdown;

// The one Markdig pipeline for all content. Built once: a pipeline is immutable and thread-safe.
internal static class ContentPipeline
{
    public static MarkdownPipeline Pipeline { get; } = Build();

    private static MarkdownPipeline Build() =>
        // Extensions are picked one by one (not UseAdvancedExtensions): each one is syntax authors must be able to
        // rely on in a plain Markdown viewer too, and each one is attack surface.
        new MarkdownPipelineBuilder()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseGridTables()
            // The CSP blocks style attributes: alignment becomes a class.
            .UseTableAlignmentClasses()
            .UseFootnotes()
            .Use<FootnoteBackLinks>()
            .UseTaskLists()
            .UseAlertBlocks(Callouts.RenderTitle)
            // Only ~~strike~~: single-tilde subscript would mangle "~20 minutes … ~30 minutes".
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            // Bare https://… and www.… become links, as on GitHub; their schemes go through the same filter.
            .UseAutoLinks()
            .UseQuestionBlocks()
            // Renders the "Law as of …" line lifted out of LEGAL and COUNTRY callouts (LawAsOfCallouts).
            .Use<LawAsOfExtension>()
            // Inline line/column positions, for diagnostics on links and images.
            .UsePreciseSourceLocation()
            .DisableHtml()
            .Build();
}
