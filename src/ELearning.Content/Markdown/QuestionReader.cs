using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ELearning.Content.Markdown;

// Where a question id is written, for "duplicate id" errors across the course.
internal sealed record QuestionIdUse(string Id, int Line, int Column);

// Turns a top-level QuestionBlock into a Question, reporting every authoring mistake.
internal sealed class QuestionReader(DiagnosticBag diagnostics, SegmentWriter writer)
{
    private const int MaxOptions = 26;
    private static readonly string[] s_attributes = ["id", "type"];

    // Null when the block has errors; they are reported.
    public (Question? Question, QuestionIdUse? Id) Read(QuestionBlock block)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var header = ReadHeader(block);
        if (!header.IsQuestion)
        {
            return (null, null);
        }
        var children = block.ToList();
        var optionsIndex = children.FindIndex(b => b is ListBlock list && list.OfType<ListItemBlock>().Any(StartsWithTask));
        if (optionsIndex < 0)
        {
            var plainList = children.OfType<ListBlock>().FirstOrDefault();
            if (plainList is not null)
            {
                Error(plainList, "the options must be a task list: start each option with '- [ ]', and the correct ones with '- [x]'");
            }
            else
            {
                Error(block, "the question has no options; after the prompt, list them as '- [ ] wrong' and '- [x] right'");
            }
            return (null, header.Id);
        }

        var prompt = children.Take(optionsIndex).ToList();
        if (prompt.Count == 0)
        {
            Error(block, "the question has no prompt; write it before the options");
        }
        if (optionsIndex + 1 < children.Count)
        {
            var extra = children[optionsIndex + 1];
            Error(extra, extra is QuoteBlock
                ? "nothing may follow the options; to give feedback, indent the quote under its option"
                : "nothing may follow the options inside a question; move it before the options or after ':::'");
        }

        var list = (ListBlock)children[optionsIndex];
        var options = ReadOptions(list);
        var correct = options?.Count(o => o.IsCorrect) ?? 0;
        if (options is not null)
        {
            if (options.Count < 2)
            {
                Error(list, "a question needs at least two options");
            }
            if (options.Count > MaxOptions)
            {
                Error(list, $"a question may have at most {MaxOptions} options");
            }
            if (correct == 0)
            {
                Error(list, "no option is marked correct; mark the right one(s) with '[x]'");
            }
            if (header.Type == "single" && correct > 1)
            {
                Error(list, $"type=single but {correct} options are marked '[x]'; mark one, or use type=multiple");
            }
        }

        if (diagnostics.ErrorCount > errorsBefore || options is null || header.Id is null || !block.IsClosed)
        {
            return (null, header.Id);
        }
        var question = new ChoiceQuestion
        {
            Id = header.Id.Id,
            ChoiceKind = header.Type == "multiple" || (header.Type is null && correct > 1)
                ? QuestionKind.MultipleChoice
                : QuestionKind.SingleChoice,
            PromptHtml = writer.Render(r => prompt.ForEach(b => r.Render(b))),
            Options = options,
            Line = block.Line + 1,
        };
        return (question, header.Id);
    }

    private (bool IsQuestion, QuestionIdUse? Id, string? Type) ReadHeader(QuestionBlock block)
    {
        QuestionIdUse? id = null;
        string? type = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = Tokens(block.Header, block.HeaderColumn + 1).ToList();
        var line = block.Line + 1;
        if (tokens.Count == 0 || tokens[0].Text != "question")
        {
            var (kind, column) = tokens.Count > 0 ? tokens[0] : ("", block.HeaderColumn + 1);
            diagnostics.Error(line, column, $"unknown block '::: {kind}'; only '::: question id=…' is supported");
            return (false, null, null);
        }
        foreach (var (text, column) in tokens.Skip(1))
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                diagnostics.Error(line, column, $"expected key=value, found '{text}'");
                continue;
            }
            var key = text[..equals];
            var value = text[(equals + 1)..].Trim('"');
            if (!s_attributes.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Error(line, column,
                    $"unknown attribute '{key}'; a question takes id=… and optionally type=single or type=multiple");
                continue;
            }
            if (!seen.Add(key))
            {
                diagnostics.Error(line, column, $"duplicate attribute '{key}'");
                continue;
            }
            if (key == "id")
            {
                if (ContentNames.IsSlug(value))
                {
                    id = new QuestionIdUse(value, line, column);
                }
                else
                {
                    diagnostics.Error(line, column,
                        $"question id '{value}' must be lowercase letters, digits and hyphens, e.g. id=peace-first");
                }
            }
            else if (value is "single" or "multiple")
            {
                type = value;
            }
            else
            {
                diagnostics.Error(line, column, $"type must be 'single' or 'multiple', not '{value}'");
            }
        }
        if (id is null && !seen.Contains("id"))
        {
            diagnostics.Error(line, block.Column + 1,
                "the question has no id; write '::: question id=some-id' (the id stores learners' answers, keep it stable)");
        }
        return (true, id, type);
    }

    private List<QuestionOption>? ReadOptions(ListBlock list)
    {
        var options = new List<QuestionOption>();
        var ok = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var number = options.Count + 1;
            if (!StartsWithTask(item))
            {
                Error(item, $"option {number} is not a task item; start it with '[ ]' or '[x]'");
                ok = false;
                continue;
            }
            var paragraph = (ParagraphBlock)item[0];
            var task = (TaskList)paragraph.Inline!.FirstChild!;
            var isCorrect = task.Checked;
            // Remove the marker from the tree: rendered, it would be a checked checkbox, i.e. the answer key.
            task.Remove();
            if (paragraph.Inline.FirstChild is LiteralInline first)
            {
                first.Content.TrimStart();
            }
            if (LinkRewriter.PlainText(paragraph.Inline).Trim().Length == 0 && !paragraph.Inline.Any(i => i is LinkInline))
            {
                Error(item, $"option {number} has no text");
                ok = false;
            }

            QuoteBlock? feedback = null;
            foreach (var extra in item.Skip(1))
            {
                if (extra is QuoteBlock quote && feedback is null)
                {
                    feedback = quote;
                    continue;
                }
                Error(extra, $"option {number} may hold only its text and one feedback quote ('> …' indented under it)");
                ok = false;
            }
            options.Add(new QuestionOption
            {
                Id = ((char)('a' + options.Count)).ToString(),
                Html = writer.Render(r => r.WriteLeafInline(paragraph)),
                IsCorrect = isCorrect,
                FeedbackHtml = feedback is null ? null : writer.Render(r => r.WriteChildren(feedback)),
            });
        }
        return ok ? options : null;
    }

    private static bool StartsWithTask(Block block) =>
        block is ListItemBlock { Count: > 0 } item
        && item[0] is ParagraphBlock { Inline.FirstChild: TaskList };

    private void Error(Block block, string message) => diagnostics.Error(block.Line + 1, block.Column + 1, message);

    // Whitespace-separated tokens with their 1-based columns.
    private static IEnumerable<(string Text, int Column)> Tokens(string header, int firstColumn)
    {
        var i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && char.IsWhiteSpace(header[i]))
            {
                i++;
            }
            var start = i;
            while (i < header.Length && !char.IsWhiteSpace(header[i]))
            {
                i++;
            }
            if (i > start)
            {
                yield return (header[start..i], firstColumn + start);
            }
        }
    }
}
