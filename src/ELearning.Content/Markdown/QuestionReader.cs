using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ELearning.Content.Markdown;

// Where a question id is written, for "duplicate id" errors across the course.
internal sealed record QuestionIdUse(string Id, int Line, int Column);

// A slug written in an attribute (lesson=…), with its position, for checks that need the whole module.
internal sealed record SlugUse(string Slug, int Line, int Column);

// What an assessment records about an item besides the question: its lesson and its exclusive group.
internal sealed record ItemTags(SlugUse? Lesson, string? Group);

// Turns a top-level QuestionBlock (::: question or ::: scenario) into a Question, reporting every authoring mistake.
internal sealed class QuestionReader(DiagnosticBag diagnostics, SegmentWriter writer, bool inAssessment = false)
{
    private const int MaxOptions = 26;

    private readonly QuestionCallouts _callouts = new(diagnostics, writer);

    // The question is null when the block has errors (they are reported); the id is returned whenever it is valid, so
    // duplicates are found even in broken questions.
    public (Question? Question, QuestionIdUse? Id) Read(QuestionBlock block)
    {
        var (question, id, _) = ReadTagged(block);
        return (question, id);
    }

    // As Read, with the assessment-only attributes (lesson=, group=); null tags when the block is not a question at all.
    public (Question? Question, QuestionIdUse? Id, ItemTags? Tags) ReadTagged(QuestionBlock block)
    {
        var errorsBefore = diagnostics.ErrorCount;
        if (block.Kind is not (QuestionBlock.QuestionWord or QuestionBlock.ScenarioWord))
        {
            var column = block.HeaderColumn + 1 + (block.Header.Length - block.Header.TrimStart().Length);
            diagnostics.Error(block.Line + 1, column,
                $"unknown block '::: {block.Kind}'; only '::: question id=…' and '::: scenario id=…' are supported");
            return (null, null, null);
        }
        var header = BlockHeader.Read(block, diagnostics);
        var attributes = QuestionAttributes.Read(block, header, diagnostics, inAssessment);
        Question? question = block.IsScenario
            ? new ScenarioReader(diagnostics, writer, _callouts).Read(block, attributes)
            : attributes.Type switch
            {
                QuestionAttributes.Text => (Question?)ReadText(block, attributes),
                QuestionAttributes.Numeric => ReadNumeric(block, attributes),
                QuestionAttributes.Ordering => ReadOrdering(block, attributes),
                QuestionAttributes.Matching => ReadMatching(block, attributes),
                _ => ReadChoice(block, attributes),
            };
        var tags = new ItemTags(attributes.Lesson, attributes.Group);
        return diagnostics.ErrorCount > errorsBefore || attributes.Id is null || !block.IsClosed
            ? (null, attributes.Id, tags)
            : (question, attributes.Id, tags);
    }

    private ChoiceQuestion? ReadChoice(QuestionBlock block, QuestionAttributes attributes)
    {
        var children = block.ToList();
        var optionsIndex = children.FindIndex(IsTaskList);
        if (optionsIndex < 0)
        {
            ReportMissingTaskList(block, children,
                "the options must be a task list: start each option with '- [ ]', and the correct ones with '- [x]'",
                "the question has no options; after the prompt, list them as '- [ ] wrong' and '- [x] right'");
            return null;
        }
        var prompt = Prompt(block, children[..optionsIndex], "the options");
        var (hints, rationale) = _callouts.Read(children.Skip(optionsIndex + 1), extra => extra is QuoteBlock
            ? "nothing may follow the options but '> [!HINT]' and '> [!RATIONALE]' callouts; to give feedback, indent the quote under its option"
            : "nothing may follow the options inside a question but '> [!HINT]' and '> [!RATIONALE]' callouts; move it before the options or after ':::'");

        var list = (ListBlock)children[optionsIndex];
        var items = ReadTaskItems(list, "option");
        if (items is null)
        {
            return null;
        }
        var correct = items.Count(i => i.IsChecked);
        var type = attributes.Type;
        var kind = type switch
        {
            QuestionAttributes.TrueFalse => QuestionKind.TrueFalse,
            QuestionAttributes.Multiple => QuestionKind.MultipleChoice,
            null when correct > 1 => QuestionKind.MultipleChoice,
            _ => QuestionKind.SingleChoice,
        };
        if (kind == QuestionKind.TrueFalse && items.Count != 2)
        {
            Error(list, $"a true-false question has exactly two options (true and false, in the lesson's language), not {items.Count}");
        }
        if (items.Count < 2 && kind != QuestionKind.TrueFalse)
        {
            Error(list, "a question needs at least two options");
        }
        if (items.Count > MaxOptions)
        {
            Error(list, $"a question may have at most {MaxOptions} options");
        }
        if (correct == 0)
        {
            Error(list, "no option is marked correct; mark the right one(s) with '[x]'");
        }
        if (type == QuestionAttributes.Single && correct > 1)
        {
            Error(list, $"type=single but {correct} options are marked '[x]'; mark one, or use type=multiple");
        }
        if (kind == QuestionKind.TrueFalse && correct > 1)
        {
            Error(list, $"a true-false question has one right option, but {correct} are marked '[x]'");
        }
        if (type is null && kind != QuestionKind.MultipleChoice && attributes.ScoringAttribute is { } scoring)
        {
            diagnostics.Error(block.Line + 1, scoring.Column,
                "'scoring' applies to multiple choice only here (one option is marked '[x]'); add type=multiple, or remove it");
        }

        return new ChoiceQuestion
        {
            Id = attributes.Id?.Id ?? "",
            ChoiceKind = kind,
            Points = attributes.Points,
            PromptHtml = prompt,
            HintsHtml = hints,
            RationaleHtml = rationale,
            Line = block.Line + 1,
            Scoring = attributes.Scoring ?? Scoring.AllOrNothing,
            Options = [.. items.Select((item, i) => new QuestionOption
            {
                Id = Letter(i),
                Html = writer.Render(r => r.WriteLeafInline(item.Paragraph)),
                IsCorrect = item.IsChecked,
                FeedbackHtml = Feedback(item),
            })],
        };
    }

    private TextQuestion? ReadText(QuestionBlock block, QuestionAttributes attributes)
    {
        var children = block.ToList();
        var answersIndex = children.FindIndex(IsTaskList);
        if (answersIndex < 0)
        {
            ReportMissingTaskList(block, children,
                "the answers must be a task list: '- [x] accepted answer', and '- [ ] anticipated wrong answer' with its feedback",
                "the question has no answers; after the prompt, list the accepted answers as '- [x] answer'");
            return null;
        }
        var prompt = Prompt(block, children[..answersIndex], "the answers");
        var (hints, rationale) = _callouts.Read(children.Skip(answersIndex + 1), extra => extra is QuoteBlock
            ? "nothing may follow the answers but '> [!HINT]' and '> [!RATIONALE]' callouts; to give feedback, indent the quote under its answer"
            : "nothing may follow the answers inside a question but '> [!HINT]' and '> [!RATIONALE]' callouts; move it before the answers or after ':::'");

        var list = (ListBlock)children[answersIndex];
        var items = ReadTaskItems(list, "answer");
        if (items is null)
        {
            return null;
        }
        if (!items.Any(i => i.IsChecked))
        {
            Error(list, "no answer is marked accepted; mark the accepted answers with '[x]'");
        }
        var answers = new List<TextAnswer>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var text = LinkRewriter.PlainText(item.Paragraph.Inline!).Trim();
            if (text.Length > TextQuestion.MaxLength)
            {
                Error(item.Item, $"answer {item.Number} is longer than {TextQuestion.MaxLength} characters, the most a learner may type");
            }
            var key = TextMatching.Normalize(text, attributes.IgnoreCase, attributes.IgnoreAccents, attributes.IgnoreSpaces);
            if (seen.TryGetValue(key, out var first))
            {
                Error(item.Item, $"answer {item.Number} is the same as answer {first} (compared as learners' answers are)");
            }
            seen.TryAdd(key, item.Number);
            answers.Add(new TextAnswer(text, item.IsChecked, Feedback(item)));
        }

        return new TextQuestion
        {
            Id = attributes.Id?.Id ?? "",
            Points = attributes.Points,
            PromptHtml = prompt,
            HintsHtml = hints,
            RationaleHtml = rationale,
            Line = block.Line + 1,
            Answers = answers,
            IgnoreCase = attributes.IgnoreCase,
            IgnoreAccents = attributes.IgnoreAccents,
            IgnoreSpaces = attributes.IgnoreSpaces,
        };
    }

    private NumericQuestion? ReadNumeric(QuestionBlock block, QuestionAttributes attributes)
    {
        var children = block.ToList();
        var tailStart = children.FindIndex(QuestionCallouts.IsHintOrRationale);
        if (tailStart < 0)
        {
            tailStart = children.Count;
        }
        var promptBlocks = children[..tailStart];
        if (promptBlocks.FirstOrDefault(IsTaskList) is { } options)
        {
            Error(options, "a numeric question has no options; give the answer on the opening line: answer=… (and tolerance=…, unit=…)");
        }
        var prompt = Prompt(block, promptBlocks, "the closing ':::'");
        var (hints, rationale) = _callouts.Read(children.Skip(tailStart),
            _ => "nothing may follow the hints and the rationale; move it into the prompt, before them, or after ':::'");

        return new NumericQuestion
        {
            Id = attributes.Id?.Id ?? "",
            Points = attributes.Points,
            PromptHtml = prompt,
            HintsHtml = hints,
            RationaleHtml = rationale,
            Line = block.Line + 1,
            Answer = attributes.Answer ?? 0,
            Tolerance = attributes.Tolerance,
            Unit = attributes.Unit,
        };
    }

    private OrderingQuestion? ReadOrdering(QuestionBlock block, QuestionAttributes attributes)
    {
        var children = block.ToList();
        var listIndex = children.FindLastIndex(b => b is ListBlock { IsOrdered: true });
        if (listIndex < 0)
        {
            if (children.OfType<ListBlock>().LastOrDefault() is { } bullets)
            {
                Error(bullets, "the items must be a numbered list in the right order: '1. first', '2. second'…");
            }
            else
            {
                Error(block, "the question has no items; after the prompt, list them in the right order as '1. first', '2. second'…");
            }
            return null;
        }
        var prompt = Prompt(block, children[..listIndex], "the items");
        var (hints, rationale) = _callouts.Read(children.Skip(listIndex + 1),
            _ => "nothing may follow the items inside a question but '> [!HINT]' and '> [!RATIONALE]' callouts; move it before the items or after ':::'");

        var list = (ListBlock)children[listIndex];
        var listItems = list.OfType<ListItemBlock>().ToList();
        var items = new List<ChoiceItem>();
        var sameNumbers = listItems.All(i => i.Order == listItems[0].Order);
        for (var i = 0; i < listItems.Count; i++)
        {
            var item = listItems[i];
            var number = i + 1;
            if (StartsWithTask(item))
            {
                Error(item, $"item {number} has a checkbox; list the items in the right order without '[ ]' or '[x]'");
                continue;
            }
            if (item is not [ParagraphBlock { Inline: { } inline } paragraph] || IsBlank(inline))
            {
                Error(item, $"item {number} must be one paragraph of text");
                continue;
            }
            if (!sameNumbers && item.Order != listItems[0].Order + i)
            {
                Error(item, $"item {number} is numbered {item.Order}; the items are taken in the order written, so number them 1, 2, 3… (or all 1.)");
            }
            items.Add(new ChoiceItem(Letter(i), writer.Render(r => r.WriteLeafInline(paragraph))));
        }
        if (listItems.Count < 2)
        {
            Error(list, "an ordering question needs at least two items");
        }
        if (listItems.Count > MaxOptions)
        {
            Error(list, $"an ordering question may have at most {MaxOptions} items");
        }

        return new OrderingQuestion
        {
            Id = attributes.Id?.Id ?? "",
            Points = attributes.Points,
            PromptHtml = prompt,
            HintsHtml = hints,
            RationaleHtml = rationale,
            Line = block.Line + 1,
            Items = items,
            Scoring = attributes.Scoring ?? Scoring.AllOrNothing,
        };
    }

    private MatchingQuestion? ReadMatching(QuestionBlock block, QuestionAttributes attributes)
    {
        var children = block.ToList();
        var tableIndex = children.FindLastIndex(b => b is Table);
        if (tableIndex < 0)
        {
            Error(block, "a matching question needs a two-column table after the prompt: a header row naming the columns, "
                + "then one row per item and its match");
            return null;
        }
        var prompt = Prompt(block, children[..tableIndex], "the table");
        var (hints, rationale) = _callouts.Read(children.Skip(tableIndex + 1),
            _ => "nothing may follow the table inside a question but '> [!HINT]' and '> [!RATIONALE]' callouts; move it before the table or after ':::'");

        var table = (Table)children[tableIndex];
        var rows = table.OfType<TableRow>().ToList();
        if (table.ColumnDefinitions.Count != 2 || rows.Any(r => r.Count > 2))
        {
            Error(table, "the table must have exactly two columns: the items, then their matches");
            return null;
        }
        if (rows is not [{ IsHeader: true } header, ..])
        {
            Error(table, "the table needs a header row naming its two columns");
            return null;
        }

        var ok = true;
        var itemsHeading = CellHtml(table, header, 0, ref ok);
        var choicesHeading = CellHtml(table, header, 1, ref ok);
        var choices = new List<ChoiceItem>();
        var pairs = new List<MatchingPair>();
        var itemRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, index) in rows.Skip(1).Select((r, i) => (r, i + 1)))
        {
            var item = CellHtml(table, row, 0, ref ok);
            var match = CellHtml(table, row, 1, ref ok);
            if (match.Length == 0)
            {
                Error(row.Line + 1, table.Column + 1, item.Length == 0
                    ? $"row {index} is empty"
                    : $"row {index} has no match; write it in the second column");
                ok = false;
                continue;
            }
            // Identical right-hand cells are one choice: two items may share a match.
            var choice = choices.FirstOrDefault(c => c.Html == match);
            if (choice is null)
            {
                choice = new ChoiceItem(Letter(choices.Count), match);
                choices.Add(choice);
            }
            if (item.Length == 0)
            {
                continue; // A distractor: a choice no item matches.
            }
            if (itemRows.TryGetValue(item, out var first))
            {
                Error(row.Line + 1, table.Column + 1, $"row {index} repeats the item of row {first}; each item is listed once");
                ok = false;
                continue;
            }
            itemRows[item] = index;
            pairs.Add(new MatchingPair(new ChoiceItem(Letter(pairs.Count), item), choice.Id));
        }
        if (pairs.Count < 2)
        {
            Error(table, "a matching question needs at least two items (rows with text in the first column)");
        }
        if (pairs.Count > MaxOptions)
        {
            Error(table, $"a matching question may have at most {MaxOptions} items");
        }
        if (choices.Count > MaxOptions)
        {
            Error(table, $"a matching question may have at most {MaxOptions} different matches");
        }
        if (!ok)
        {
            return null;
        }

        return new MatchingQuestion
        {
            Id = attributes.Id?.Id ?? "",
            Points = attributes.Points,
            PromptHtml = prompt,
            HintsHtml = hints,
            RationaleHtml = rationale,
            Line = block.Line + 1,
            Pairs = pairs,
            Choices = choices,
            ItemsHeadingHtml = itemsHeading,
            ChoicesHeadingHtml = choicesHeading,
            Scoring = attributes.Scoring ?? Scoring.Partial,
        };
    }

    // The inline HTML of a table cell, "" when empty or missing (a short row).
    private string CellHtml(Table table, TableRow row, int index, ref bool ok)
    {
        if (index >= row.Count || row[index] is not TableCell { Count: > 0 } cell)
        {
            return "";
        }
        if (cell is not [ParagraphBlock paragraph])
        {
            Error(row.Line + 1, table.Column + 1, "a matching table cell holds one line of text");
            ok = false;
            return "";
        }
        return paragraph.Inline is null || IsBlank(paragraph.Inline) ? "" : writer.Render(r => r.WriteLeafInline(paragraph)).Trim();
    }

    // The prompt's HTML; reports an empty prompt and hints or a rationale written before the answer part.
    private string Prompt(QuestionBlock block, List<Block> prompt, string answerPart)
    {
        if (prompt.Count == 0)
        {
            Error(block, $"the question has no prompt; write it before {answerPart}");
        }
        foreach (var callout in prompt.Where(QuestionCallouts.IsHintOrRationale))
        {
            Error(callout, $"hints and the rationale go at the end of the question, after {answerPart}");
        }
        return writer.Render(r => prompt.ForEach(b => r.Render(b)));
    }

    private void ReportMissingTaskList(QuestionBlock block, List<Block> children, string notATaskList, string nothing)
    {
        if (children.OfType<ListBlock>().FirstOrDefault() is { } plainList)
        {
            Error(plainList, notATaskList);
        }
        else
        {
            Error(block, nothing);
        }
    }

    private sealed record TaskItem(int Number, ListItemBlock Item, ParagraphBlock Paragraph, bool IsChecked, QuoteBlock? Feedback);

    // The items of a task list with their marker removed; null when one is malformed (reported).
    private List<TaskItem>? ReadTaskItems(ListBlock list, string noun)
    {
        var items = new List<TaskItem>();
        var ok = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var number = items.Count + 1;
            if (!StartsWithTask(item))
            {
                Error(item, $"{noun} {number} is not a task item; start it with '[ ]' or '[x]'");
                ok = false;
                continue;
            }
            var paragraph = (ParagraphBlock)item[0];
            var task = (TaskList)paragraph.Inline!.FirstChild!;
            var isChecked = task.Checked;
            // Remove the marker from the tree: rendered, it would be a checked checkbox, i.e. the answer key.
            task.Remove();
            if (paragraph.Inline.FirstChild is LiteralInline first)
            {
                first.Content.TrimStart();
            }
            if (IsBlank(paragraph.Inline))
            {
                Error(item, $"{noun} {number} has no text");
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
                Error(extra, $"{noun} {number} may hold only its text and one feedback quote ('> …' indented under it)");
                ok = false;
            }
            items.Add(new TaskItem(number, item, paragraph, isChecked, feedback));
        }
        return ok ? items : null;
    }

    private string? Feedback(TaskItem item) =>
        item.Feedback is { } quote ? writer.Render(r => r.WriteChildren(quote)) : null;

    private static bool IsTaskList(Block block) => block is ListBlock list && list.OfType<ListItemBlock>().Any(StartsWithTask);

    private static bool StartsWithTask(Block block) =>
        block is ListItemBlock { Count: > 0 } item
        && item[0] is ParagraphBlock { Inline.FirstChild: TaskList };

    private static bool IsBlank(ContainerInline inline) =>
        LinkRewriter.PlainText(inline).Trim().Length == 0 && !inline.Descendants<LinkInline>().Any();

    // a, b, c… by position.
    internal static string Letter(int index) => ((char)('a' + index)).ToString();

    private void Error(Block block, string message) => diagnostics.Error(block.Line + 1, block.Column + 1, message);

    private void Error(int line, int column, string message) => diagnostics.Error(line, column, message);
}
