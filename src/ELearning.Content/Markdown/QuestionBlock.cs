using Markdig.Parsers;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// A ::: question … … ::: block; its children are the prompt and the option task list.
internal sealed class QuestionBlock(BlockParser parser) : ContainerBlock(parser)
{
    // The text after the opening colons, e.g. question id=peace-first.
    public required string Header { get; init; }

    // 0-based column of Header's first character.
    public required int HeaderColumn { get; init; }

    // False when the document ended before a closing :::.
    public bool IsClosed { get; set; }
}
