using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// Parses ::: question … fences into QuestionBlocks, modelled on Markdig's custom containers. Blocks open anywhere
// (inside quotes and lists too) so that a misplaced question is reported rather than shown as text.
internal sealed class QuestionBlockParser : BlockParser
{
    private const int FenceLength = 3;
    private static readonly object s_strayFencesKey = new();

    public QuestionBlockParser()
    {
        OpeningCharacters = [':'];
    }

    // Lines (0-based) holding a bare ::: that closed nothing.
    public static IReadOnlyList<int> GetStrayFences(MarkdownDocument document) =>
        document.GetData(s_strayFencesKey) as List<int> ?? [];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
        {
            return BlockState.None;
        }
        var line = processor.Line;
        var start = line.Start;
        var count = CountColons(ref line);
        if (count < FenceLength)
        {
            return BlockState.None;
        }
        var header = line.ToString();
        if (header.Trim().Length == 0)
        {
            // A bare fence is a closing fence; with no question open it stays text, but the author should know.
            if (processor.Document.GetData(s_strayFencesKey) is not List<int> stray)
            {
                stray = [];
                processor.Document.SetData(s_strayFencesKey, stray);
            }
            // The same line can be offered to openers more than once (paragraph interruption); report it once.
            if (!stray.Contains(processor.LineIndex))
            {
                stray.Add(processor.LineIndex);
            }
            return BlockState.None;
        }
        processor.NewBlocks.Push(new QuestionBlock(this)
        {
            Header = header,
            HeaderColumn = processor.Column + count,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(start, line.End),
        });
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (!processor.IsCodeIndent && processor.CurrentChar == ':')
        {
            var line = processor.Line;
            var count = CountColons(ref line);
            line.TrimEnd();
            if (count >= FenceLength && line.IsEmpty)
            {
                ((QuestionBlock)block).IsClosed = true;
                block.UpdateSpanEnd(processor.Line.End);
                return BlockState.BreakDiscard;
            }
        }
        // Give the line back to the children with its indentation intact, as fenced blocks do.
        processor.GoToColumn(processor.ColumnBeforeIndent);
        return BlockState.Continue;
    }

    private static int CountColons(ref StringSlice line)
    {
        var count = 0;
        while (line.CurrentChar == ':')
        {
            count++;
            line.NextChar();
        }
        return count;
    }
}
