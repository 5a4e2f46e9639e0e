using ELearning.Content.Diagnostics;

namespace ELearning.Content.Markdown;

// One key=value of an opening fence; Column is the 1-based column of the key.
internal sealed record BlockAttribute(string Key, string Value, int Column);

// The opening line of a ::: block: its kind word and its key=value attributes, with positions. Values are single words
// or double-quoted (unit="working days"); there are no escapes, a value cannot contain a double quote.
internal sealed class BlockHeader
{
    private BlockHeader(string kind, int kindColumn, int line, IReadOnlyList<BlockAttribute> attributes)
    {
        Kind = kind;
        KindColumn = kindColumn;
        Line = line;
        Attributes = attributes;
    }

    public string Kind { get; }
    public int KindColumn { get; }

    // 1-based line of the fence.
    public int Line { get; }

    // Well-formed attributes, each key once (malformed and repeated ones are reported and left out).
    public IReadOnlyList<BlockAttribute> Attributes { get; }

    public BlockAttribute? Find(string key) => Attributes.FirstOrDefault(a => a.Key == key);

    public static BlockHeader Read(QuestionBlock block, DiagnosticBag diagnostics)
    {
        var header = block.Header;
        var firstColumn = block.HeaderColumn + 1;
        var line = block.Line + 1;
        var attributes = new List<BlockAttribute>();
        string? kind = null;
        var kindColumn = firstColumn;
        var i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && char.IsWhiteSpace(header[i]))
            {
                i++;
            }
            if (i == header.Length)
            {
                break;
            }
            var start = i;
            while (i < header.Length && !char.IsWhiteSpace(header[i]) && header[i] != '=')
            {
                i++;
            }
            var column = firstColumn + start;
            if (kind is null)
            {
                // The kind is the first word, '=' and all (QuestionBlock.Kind reads it the same way).
                while (i < header.Length && !char.IsWhiteSpace(header[i]))
                {
                    i++;
                }
                kind = header[start..i];
                kindColumn = column;
                continue;
            }
            if (i == header.Length || header[i] != '=' || i == start)
            {
                while (i < header.Length && !char.IsWhiteSpace(header[i]))
                {
                    i++;
                }
                diagnostics.Error(line, column, $"expected key=value, found '{header[start..i]}'");
                continue;
            }
            var key = header[start..i];
            i++;
            string value;
            if (i < header.Length && header[i] == '"')
            {
                var close = header.IndexOf('"', i + 1);
                if (close < 0)
                {
                    diagnostics.Error(line, column, $"the value of '{key}' has no closing quote");
                    break;
                }
                value = header[(i + 1)..close];
                i = close + 1;
                if (i < header.Length && !char.IsWhiteSpace(header[i]))
                {
                    var end = i;
                    while (end < header.Length && !char.IsWhiteSpace(header[end]))
                    {
                        end++;
                    }
                    diagnostics.Error(line, column, $"expected a space after the closing quote of '{key}', found '{header[i..end]}'");
                    i = end;
                    continue;
                }
            }
            else
            {
                var valueStart = i;
                while (i < header.Length && !char.IsWhiteSpace(header[i]))
                {
                    i++;
                }
                value = header[valueStart..i];
            }
            if (attributes.Any(a => a.Key == key))
            {
                diagnostics.Error(line, column, $"duplicate attribute '{key}'");
                continue;
            }
            attributes.Add(new BlockAttribute(key, value, column));
        }
        return new BlockHeader(kind ?? "", kindColumn, line, attributes);
    }
}
