using ELearning.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ELearning.Content.Yaml;

// Reads the only YAML shape content files use: one mapping of keys to scalars or lists of scalars, plus, for the keys a
// caller names (certificate:), one nested block of such mappings up to MaxMappingDepth levels. Works on
// YamlDotNet's parser events instead of its representation model: the events carry exact positions, and the model
// builds nested nodes recursively, so a hostile [[[[… could exhaust the stack. Here nested structures are skipped with
// a counter.
internal static class FlatYamlReader
{
    // Content YAML needs one level ([a, b]); YamlDotNet slows down quadratically on deep flow nesting
    // (100,000 '[' take ~20 s), so anything past a small depth is refused before it reaches the parser.
    private const int MaxFlowDepth = 16;

    // certificate: → issuer: → name: is the deepest shape content uses; the recursion stops here, deeper is an error.
    private const int MaxMappingDepth = 2;

    // The entries in file order, or null when the text is not valid YAML (the error is reported). Positions are shifted
    // by lineOffset, the lines before the YAML in its file (1 for front matter).
    // mappingKeys: top-level keys whose value may be a nested mapping (read into YamlEntry.Mapping).
    public static IReadOnlyList<YamlEntry>? Read(string text, int lineOffset, DiagnosticBag diagnostics, IReadOnlySet<string>? mappingKeys = null)
    {
        var flow = ScanFlow(text);
        if (flow.TooDeep is { } deep)
        {
            diagnostics.Error(deep.Line + lineOffset, deep.Column, $"YAML nested more than {MaxFlowDepth} levels deep");
            return null;
        }
        // The whole text is checked first, so a syntax error is the only diagnostic (not a "nested mapping" report
        // for the half-read value before it).
        if (SyntaxError(text, flow) is { } syntax)
        {
            diagnostics.Error(syntax.Line + lineOffset, syntax.Column, $"invalid YAML: {syntax.Message}{QuoteHint}");
            return null;
        }
        var parser = new Parser(new StringReader(text));
        try
        {
            return ReadDocument(parser, lineOffset, diagnostics, mappingKeys);
        }
        catch (YamlException ex)
        {
            diagnostics.Error((int)ex.Start.Line + lineOffset, (int)ex.Start.Column, $"invalid YAML: {Describe(ex)}{QuoteHint}");
            return null;
        }
    }

    private const string QuoteHint = "; put a value in quotes when it contains ': ' or starts with '[' or '{' (title: \"Phase 1: planning\")";

    // The first syntax error, or null. An unclosed '[' or '{' is reported where it opens: the parser only notices at
    // the end of the text (and YamlDotNet 16.3 throws InvalidOperationException, with no position, for some of them).
    private static (int Line, int Column, string Message)? SyntaxError(string text, FlowScan flow)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
            }
            return null;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            if (flow.Unclosed is { } open)
            {
                return (open.Line, open.Column, $"'{open.Bracket}' is never closed (add '{(open.Bracket == '[' ? ']' : '}')}')");
            }
            return ex is YamlException yaml
                ? ((int)yaml.Start.Line, (int)yaml.Start.Column, Describe(yaml))
                : (1, 1, "the file is not valid YAML");
        }
    }
    private static List<YamlEntry>? ReadDocument(Parser parser, int lineOffset, DiagnosticBag diagnostics, IReadOnlySet<string>? mappingKeys)
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
            if (!ReadMapping(parser, entries, lineOffset, diagnostics, depth: 0, mappingKeys))
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
            diagnostics.Error(Line(extra.Start, lineOffset), Column(extra.Start),
                "only one YAML document is allowed (remove the extra '---')");
            return null;
        }
        return entries;
    }

    private static bool ReadMapping(
        Parser parser, List<YamlEntry> entries, int lineOffset, DiagnosticBag diagnostics, int depth, IReadOnlySet<string>? mappingKeys)
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
            var key = ToScalar(keyScalar, lineOffset);
            var nestable = depth == 0 ? mappingKeys?.Contains(key.Value) == true : depth < MaxMappingDepth;
            var entry = ReadValue(parser, key, lineOffset, diagnostics, nestable ? depth + 1 : null);
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

    // nestedDepth: the depth a nested mapping here would have, or null when this key takes no mapping.
    private static YamlEntry ReadValue(Parser parser, YamlScalar key, int lineOffset, DiagnosticBag diagnostics, int? nestedDepth)
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
            case MappingStart when nestedDepth is { } depth:
                parser.MoveNext();
                var nested = new List<YamlEntry>();
                var ok = ReadMapping(parser, nested, lineOffset, diagnostics, depth, null);
                return new YamlEntry { Key = key, Line = line, Column = column, Mapping = ok ? nested : null, IsInvalid = !ok };
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

    // Skips one node, however deeply nested, without recursion.
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

    private sealed record FlowScan((int Line, int Column)? TooDeep, (int Line, int Column, char Bracket)? Unclosed);

    // The first '[' or '{' beyond MaxFlowDepth, and the outermost one still open at the end, skipping quoted text and
    // comments. Only a bracket that starts a value counts (after ':', ',', '-', another bracket or at a line's start):
    // in "title: Phase [draft" it is plain text.
    private static FlowScan ScanFlow(string text)
    {
        int depth = 0, line = 1, column = 0;
        var quote = '\0';
        var startsValue = true;
        (int, int, char)? outermost = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                startsValue = true;
                continue;
            }
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                    column++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            var wasStart = startsValue;
            startsValue = c is ' ' or '\t' ? startsValue : c is ':' or ',' or '-' or '[' or '{';
            switch (c)
            {
                case '"' or '\'' when wasStart:
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }
                    break;
                case '[' or '{' when wasStart || depth > 0:
                    if (depth == 0)
                    {
                        outermost = (line, column, c);
                    }
                    if (++depth > MaxFlowDepth)
                    {
                        return new FlowScan((line, column), null);
                    }
                    break;
                case ']' or '}' when depth > 0:
                    depth--;
                    break;
            }
        }
        return new FlowScan(null, depth > 0 ? outermost : null);
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
