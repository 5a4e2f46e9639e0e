using ELearning.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ELearning.Content.Yaml;

/// <summary>
/// Reads the only YAML shape content files use: one mapping of keys to scalars or lists of scalars.
/// </summary>
/// <remarks>
/// Works on YamlDotNet's parser events instead of its representation model: the events carry exact positions,
/// and the model builds nested nodes recursively, so a hostile <c>[[[[…</c> could exhaust the stack. Here nested
/// structures are skipped with a counter.
/// </remarks>
internal static class FlatYamlReader
{
    /// <summary>
    /// The entries in file order, or null when the text is not valid YAML (the error is reported). Positions are
    /// shifted by <paramref name="lineOffset"/>, the lines before the YAML in its file (1 for front matter).
    /// </summary>
    public static IReadOnlyList<YamlEntry>? Read(string text, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return ReadDocument(parser, lineOffset, diagnostics);
        }
        catch (YamlException ex)
        {
            diagnostics.Error((int)ex.Start.Line + lineOffset, (int)ex.Start.Column, $"invalid YAML: {Describe(ex)}");
            return null;
        }
    }

    private static List<YamlEntry>? ReadDocument(Parser parser, int lineOffset, DiagnosticBag diagnostics)
    {
        parser.Consume<StreamStart>();
        var entries = new List<YamlEntry>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return entries;
        }
        parser.Consume<DocumentStart>();
        var first = parser.Current!;
        if (parser.TryConsume<Scalar>(out var scalar) && IsNullScalar(scalar))
        {
            // A document holding only comments parses as one empty scalar: no keys.
        }
        else if (parser.TryConsume<MappingStart>(out _))
        {
            if (!ReadMapping(parser, entries, lineOffset, diagnostics))
            {
                return null;
            }
        }
        else
        {
            diagnostics.Error(Line(first.Start, lineOffset), Column(first.Start), "expected 'key: value' lines");
            return null;
        }
        parser.Consume<DocumentEnd>();
        if (parser.Current is DocumentStart extra)
        {
            diagnostics.Error(Line(extra.Start, lineOffset), Column(extra.Start), "only one YAML document is allowed (remove the extra '---')");
            return null;
        }
        return entries;
    }

    private static bool ReadMapping(Parser parser, List<YamlEntry> entries, int lineOffset, DiagnosticBag diagnostics)
    {
        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            if (!parser.TryConsume<Scalar>(out var keyScalar))
            {
                diagnostics.Error(Line(keyEvent.Start, lineOffset), Column(keyEvent.Start), "keys must be plain names");
                SkipNode(parser);
                SkipNode(parser);
                ok = false;
                continue;
            }
            var key = new YamlScalar(keyScalar.Value, keyScalar.Style is not ScalarStyle.Plain, Line(keyScalar.Start, lineOffset), Column(keyScalar.Start));
            var entry = ReadValue(parser, key, lineOffset, diagnostics);
            if (!seen.Add(key.Value))
            {
                diagnostics.Error(key.Line, key.Column, $"duplicate key '{key.Value}'");
                ok = false;
                continue;
            }
            ok &= !entry.IsInvalid;
            entries.Add(entry);
        }
        return ok;
    }

    private static YamlEntry ReadValue(Parser parser, YamlScalar key, int lineOffset, DiagnosticBag diagnostics)
    {
        var valueEvent = parser.Current!;
        var line = Line(valueEvent.Start, lineOffset);
        var column = Column(valueEvent.Start);
        switch (valueEvent)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlEntry
                {
                    Key = key,
                    Line = line,
                    Column = column,
                    Scalar = IsNullScalar(scalar) ? null : ToScalar(scalar, lineOffset),
                };
            case SequenceStart:
                parser.MoveNext();
                var items = new List<YamlScalar>();
                var invalid = false;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var item = parser.Current!;
                    if (item is Scalar itemScalar && !IsNullScalar(itemScalar))
                    {
                        items.Add(ToScalar(itemScalar, lineOffset));
                        parser.MoveNext();
                        continue;
                    }
                    diagnostics.Error(Line(item.Start, lineOffset), Column(item.Start), $"'{key.Value}' must be a list of plain values");
                    invalid = true;
                    SkipNode(parser);
                }
                return new YamlEntry { Key = key, Line = line, Column = column, Items = invalid ? null : items, IsInvalid = invalid };
            case AnchorAlias:
                diagnostics.Error(line, column, "YAML aliases (*name) are not supported");
                parser.MoveNext();
                return new YamlEntry { Key = key, Line = line, Column = column, IsInvalid = true };
            default:
                diagnostics.Error(line, column, $"'{key.Value}' must be a value or a list, not a nested mapping");
                SkipNode(parser);
                return new YamlEntry { Key = key, Line = line, Column = column, IsInvalid = true };
        }
    }

    /// <summary>Skips one node, however deeply nested, without recursion.</summary>
    private static void SkipNode(Parser parser)
    {
        var depth = 0;
        do
        {
            var current = parser.Current!;
            if (current is MappingStart or SequenceStart)
            {
                depth++;
            }
            else if (current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
            parser.MoveNext();
        }
        while (depth > 0);
    }

    private static YamlScalar ToScalar(Scalar scalar, int lineOffset) =>
        new(scalar.Value, scalar.Style is not ScalarStyle.Plain, Line(scalar.Start, lineOffset), Column(scalar.Start));

    private static bool IsNullScalar(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static int Line(Mark mark, int lineOffset) => (int)mark.Line + lineOffset;

    private static int Column(Mark mark) => (int)mark.Column;

    // YamlDotNet prefixes messages with "(Line: 2, Col: 6, Idx: …) - (…):"; the diagnostic has the position already.
    private static string Describe(YamlException ex)
    {
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && marker >= 0 ? message[(marker + 3)..] : message;
    }
}
