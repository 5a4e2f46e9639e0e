using System.Text;
using System.Text.RegularExpressions;
using ELearning.Content.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ELearning.Content.Markdown;

// The > [!HINT] and > [!RATIONALE] callouts that end a question or a scenario. Markdig recognises alerts only at the
// top level of a document, so inside a ::: block they arrive as plain quotes whose first line reads [!KIND].
internal sealed partial class QuestionCallouts(DiagnosticBag diagnostics, SegmentWriter writer)
{
    public const string Hint = "HINT";
    public const string Rationale = "RATIONALE";

    // The kind of a quote written as a callout (upper case), or null for any other block.
    public static string? KindOf(Block block) => Marker(block)?.Kind;

    public static bool IsHintOrRationale(Block block) => KindOf(block) is Hint or Rationale;

    // Reads the callouts after a question's answer part. Anything else there is reported with misplaced(block); only
    // the first such block, as the rest usually follows from it.
    public (List<string> Hints, string? Rationale) Read(IEnumerable<Block> tail, Func<Block, string> misplaced)
    {
        var hints = new List<string>();
        string? rationale = null;
        foreach (var block in tail)
        {
            var marker = Marker(block);
            if (marker is null)
            {
                Error(block, misplaced(block));
                break;
            }
            var (kind, rest, paragraph) = marker.Value;
            if (kind is not (Hint or Rationale))
            {
                Error(block, $"only '> [!HINT]' and '> [!RATIONALE]' callouts may end a question, not '[!{kind}]'");
                continue;
            }
            var noun = kind == Hint ? "hint" : "rationale";
            if (rest.Length > 0)
            {
                Error(block, $"write the {noun} on the lines after '> [!{kind}]', not on the same line");
                continue;
            }
            if (kind == Hint && rationale is not null)
            {
                Error(block, "hints come before the rationale");
                continue;
            }
            if (kind == Rationale && rationale is not null)
            {
                Error(block, "a question has at most one rationale");
                continue;
            }
            var quote = (QuoteBlock)block;
            RemoveMarkerLine(quote, paragraph);
            var html = writer.Render(r => r.WriteChildren(quote));
            if (string.IsNullOrWhiteSpace(html))
            {
                Error(block, $"the {noun} is empty; write it on the lines after '> [!{kind}]'");
                continue;
            }
            if (kind == Hint)
            {
                hints.Add(html);
            }
            else
            {
                rationale = html;
            }
        }
        return (hints, rationale);
    }

    // The [!KIND] marker of a quote's first line and whatever follows it on that line.
    private static (string Kind, string Trailing, ParagraphBlock Paragraph)? Marker(Block block)
    {
        if (block is not QuoteBlock { Count: > 0 } quote || quote[0] is not ParagraphBlock { Inline: { } inline } paragraph)
        {
            return null;
        }
        var firstLine = new StringBuilder();
        foreach (var child in inline)
        {
            if (child is LineBreakInline)
            {
                break;
            }
            firstLine.Append(child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                ContainerInline container => LinkRewriter.PlainText(container),
                _ => "",
            });
        }
        var match = MarkerPattern().Match(firstLine.ToString());
        return match.Success ? (match.Groups["kind"].Value.ToUpperInvariant(), match.Groups["rest"].Value.Trim(), paragraph) : null;
    }

    // Drops "[!KIND]" and its line break, so the callout renders as its content alone.
    private static void RemoveMarkerLine(QuoteBlock quote, ParagraphBlock paragraph)
    {
        var inline = paragraph.Inline!;
        while (inline.FirstChild is { } child)
        {
            child.Remove();
            if (child is LineBreakInline)
            {
                break;
            }
        }
        if (inline.FirstChild is null)
        {
            quote.Remove(paragraph);
        }
    }

    private void Error(Block block, string message) => diagnostics.Error(block.Line + 1, block.Column + 1, message);

    [GeneratedRegex(@"^\s*\[!(?<kind>[A-Za-z]+)\](?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();
}
