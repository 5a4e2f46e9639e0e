using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// Parses ::: question … and ::: scenario … fences into QuestionBlocks, modelled on Markdig's custom containers. Blocks
// open anywhere (inside quotes and lists too) so that a misplaced question is reported rather than shown as text.
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

    public override bool Close(BlockProcessor processor, Block block)
    {
        // A scenario's ## headings are its steps, never rendered as headings: give them an id now, before inline
        // processing, so the auto-identifier extension leaves them alone. Otherwise they would take ids from the
        // lesson's own headings (a lesson "## Safe place" after the scenario would become "safe-place-1").
        // Step ids are computed by ScenarioReader, per scenario.
        if (block is QuestionBlock { IsScenario: true } scenario)
        {
            foreach (var heading in scenario.OfType<HeadingBlock>().Where(h => h.Level == ScenarioReader.StepLevel))
            {
                heading.GetAttributes().Id = "";
            }
        }
        return base.Close(processor, block);
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
