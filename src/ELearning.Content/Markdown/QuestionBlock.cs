using Markdig.Parsers;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

/// <summary>A <c>::: question …</c> … <c>:::</c> block; its children are the prompt and the option task list.</summary>
internal sealed class QuestionBlock(BlockParser parser) : ContainerBlock(parser)
{
    /// <summary>The text after the opening colons, e.g. <c> question id=peace-first</c>.</summary>
    public required string Header { get; init; }

    /// <summary>0-based column of <see cref="Header"/>'s first character.</summary>
    public required int HeaderColumn { get; init; }

    /// <summary>False when the document ended before a closing <c>:::</c>.</summary>
    public bool IsClosed { get; set; }
}
