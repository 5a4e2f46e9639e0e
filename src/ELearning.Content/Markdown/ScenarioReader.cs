using System.Globalization;
using System.Text.RegularExpressions;
using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ELearning.Content.Markdown;

// Turns a ::: scenario block into a ScenarioQuestion: the introduction, then one step per ## heading, each ending with
// a bullet list of choices ([text](#next-step) (N points), an optional consequence quote under it).
internal sealed partial class ScenarioReader(DiagnosticBag diagnostics, SegmentWriter writer, QuestionCallouts callouts)
{
    public const int StepLevel = 2;
    private const int MaxChoices = 26;

    // Walking and scoring recurse along paths; this keeps them shallow and a page of steps readable.
    private const int MaxSteps = 100;
    private const string End = "end";

    private sealed record ChoiceDraft(string Id, LinkInline Link, string? Target, string Html, decimal Points, string? ConsequenceHtml);

    private sealed record StepDraft(string Id, HeadingBlock Heading, string TitleHtml, string Html, List<ChoiceDraft> Choices);

    // Null when the scenario has errors; they are reported.
    public ScenarioQuestion? Read(QuestionBlock block, QuestionAttributes attributes)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var children = block.ToList();

        // Hints and a rationale may close the scenario, after its last step.
        var tailStart = children.Count;
        while (tailStart > 0 && QuestionCallouts.IsHintOrRationale(children[tailStart - 1]))
        {
            tailStart--;
        }
        var body = children[..tailStart];
        foreach (var misplaced in body.Where(QuestionCallouts.IsHintOrRationale))
        {
            Error(misplaced, "hints and the rationale of a scenario go at its end, after the last step");
        }
        // The tail holds callouts only, so nothing in it can be misplaced.
        var (hints, rationale) = callouts.Read(children.Skip(tailStart), _ => "");

        var firstStep = body.FindIndex(IsStepHeading);
        if (firstStep < 0)
        {
            Error(block, "the scenario has no steps; start each step with a '## heading', then the situation and a list of choices");
            return null;
        }
        if (firstStep == 0)
        {
            Error(block, "the scenario has no introduction; describe the case before the first '## step'");
        }
        var intro = body[..firstStep];

        if (body.Count(IsStepHeading) > MaxSteps)
        {
            Error(block, $"a scenario may have at most {MaxSteps} steps; split the case into several scenarios");
            return null;
        }
        var steps = new List<StepDraft>();
        var start = firstStep;
        while (start < body.Count)
        {
            var next = body.FindIndex(start + 1, IsStepHeading);
            var end = next < 0 ? body.Count : next;
            steps.Add(ReadStep((HeadingBlock)body[start], body[(start + 1)..end]));
            start = end;
        }

        CheckSteps(steps);
        if (diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }
        return new ScenarioQuestion
        {
            Id = attributes.Id?.Id ?? "",
            Points = attributes.Points,
            PromptHtml = writer.Render(r => intro.ForEach(b => r.Render(b))),
            HintsHtml = hints,
            RationaleHtml = rationale,
            Line = block.Line + 1,
            Steps = [.. steps.Select(s => new ScenarioStep
            {
                Id = s.Id,
                TitleHtml = s.TitleHtml,
                Html = s.Html,
                Choices = [.. s.Choices.Select(c => new ScenarioChoice
                {
                    Id = c.Id,
                    Html = c.Html,
                    Target = c.Target,
                    Points = c.Points,
                    ConsequenceHtml = c.ConsequenceHtml,
                })],
            })],
        };
    }

    // The id GitHub (and the lesson pipeline's auto-identifiers) would give the heading, without the -1, -2… suffixes:
    // those depend on the rest of the page, and a repeated step id is an error here instead.
    public static string Slug(HeadingBlock heading)
    {
        if (heading.Inline is null)
        {
            return "section";
        }
        // As Markdig's AutoIdentifierExtension: the heading's text through a tag-less renderer, then urilized.
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(text) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        renderer.Render(heading.Inline);
        var slug = LinkHelper.UrilizeAsGfm(text.ToString());
        return string.IsNullOrEmpty(slug) ? "section" : slug;
    }

    private StepDraft ReadStep(HeadingBlock heading, List<Block> blocks)
    {
        var id = Slug(heading);
        var choicesIndex = blocks.FindIndex(IsChoiceList);
        var choices = new List<ChoiceDraft>();
        if (choicesIndex >= 0)
        {
            if (choicesIndex < blocks.Count - 1)
            {
                Error(blocks[choicesIndex + 1],
                    $"nothing may follow the choices of step '{id}'; move it before them, or start a new step with a '## heading'");
            }
            choices = ReadChoices(id, (ListBlock)blocks[choicesIndex]);
        }
        var content = choicesIndex >= 0 ? blocks[..choicesIndex] : blocks;
        return new StepDraft(
            id,
            heading,
            writer.Render(r => r.WriteLeafInline(heading)),
            writer.Render(r => content.ForEach(b => r.Render(b))),
            choices);
    }

    private List<ChoiceDraft> ReadChoices(string stepId, ListBlock list)
    {
        if (list.IsOrdered)
        {
            Error(list, "a step's choices are a bullet list ('- [what the learner does](#next-step)'), not a numbered list");
        }
        var choices = new List<ChoiceDraft>();
        var number = 0;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            number++;
            if (StepLink(item) is not { } link)
            {
                Error(item, $"choice {number} of step '{stepId}' must start with a link to the next step, e.g. "
                    + "'- [Arrange a safe place](#safe-place)', or to #end to end the case");
                continue;
            }
            var target = Uri.UnescapeDataString(link.Url![1..]);
            if (target.Length == 0)
            {
                Error(link, $"choice {number} of step '{stepId}' links to '#'; name the next step, e.g. #safe-place, or #end");
            }
            if (LinkRewriter.PlainText(link).Trim().Length == 0)
            {
                Error(link, $"choice {number} of step '{stepId}' has no text; write what the learner does inside the [brackets]");
            }

            // After the link: nothing, or (N points).
            var rest = string.Concat(Siblings(link).Select(i => i switch
            {
                LiteralInline literal => literal.Content.ToString(),
                ContainerInline container => "\u0001" + LinkRewriter.PlainText(container),
                _ => "\u0001",
            })).Trim();
            decimal points = 0;
            if (rest.Length > 0)
            {
                var match = PointsPattern().Match(rest);
                if (match.Success)
                {
                    points = decimal.Parse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                }
                else
                {
                    Error(link.NextSibling!, $"only '(N points)' may follow the link of a choice, found '{rest.Replace("\u0001", "", StringComparison.Ordinal)}'; "
                        + "put everything the learner reads inside the [brackets]");
                }
            }

            QuoteBlock? consequence = null;
            foreach (var extra in item.Skip(1))
            {
                if (extra is QuoteBlock quote && consequence is null)
                {
                    consequence = quote;
                    continue;
                }
                Error(extra, $"choice {number} of step '{stepId}' may hold only its link and one consequence quote ('> …' indented under it)");
            }

            choices.Add(new ChoiceDraft(
                $"{stepId}.{QuestionReader.Letter(choices.Count)}",
                link,
                target == End ? null : target,
                writer.Render(r => r.WriteChildren(link)),
                points,
                consequence is null ? null : writer.Render(r => r.WriteChildren(consequence))));
        }
        if (number > MaxChoices)
        {
            Error(list, $"a step may have at most {MaxChoices} choices");
        }
        return choices;
    }

    // Step ids, links and the shape of the graph: unique ids, known targets, every step reachable, no loops, an ending.
    private void CheckSteps(List<StepDraft> steps)
    {
        var byId = new Dictionary<string, StepDraft>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step.Id == End)
            {
                Error(step.Heading, "a step cannot be called 'End': #end is how a choice ends the case; name the step differently");
            }
            else if (!byId.TryAdd(step.Id, step))
            {
                Error(step.Heading, $"duplicate step '{step.Id}' (first at line {byId[step.Id].Heading.Line + 1}); "
                    + "step ids come from the headings, so make the headings differ");
            }
        }
        var known = string.Join(", ", byId.Keys.Select(k => "#" + k).Append("#" + End));
        var unknownTargets = false;
        foreach (var choice in steps.SelectMany(s => s.Choices).Where(c => c.Target is not null && !byId.ContainsKey(c.Target)))
        {
            if (choice.Target!.Length > 0)
            {
                Error(choice.Link, $"no step has the id '{choice.Target}'; link to one of {known}");
            }
            unknownTargets = true;
        }
        if (unknownTargets)
        {
            return; // The graph is incomplete; its shape would only produce follow-on errors.
        }

        var first = steps[0];
        if (first.Choices.Count == 0)
        {
            Error(first.Heading, $"the first step '{first.Id}' has no choices, so the learner has nothing to decide; "
                + "end it with a list of choices '- [what the learner does](#next-step)'");
            return;
        }

        // Loops: a choice leading back to a step on the current path.
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        Visit(first);

        foreach (var step in steps.Where(s => !state.ContainsKey(s.Id) && s.Id != End))
        {
            Error(step.Heading, $"step '{step.Id}' cannot be reached: no choice on a path from the first step leads to it");
        }

        // With no loops every walk ends; with loops, check that the start can reach an ending at all.
        var canEnd = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var step in byId.Values.Where(s => !canEnd.Contains(s.Id)))
            {
                if (step.Choices.Count == 0 || step.Choices.Any(c => c.Target is null || canEnd.Contains(c.Target)))
                {
                    changed |= canEnd.Add(step.Id);
                }
            }
        }
        while (changed);
        if (!canEnd.Contains(first.Id))
        {
            Error(first.Heading, "no path through the scenario reaches an ending (a step without choices, or a choice linking to #end)");
        }

        void Visit(StepDraft step)
        {
            state[step.Id] = false;
            path.Add(step.Id);
            foreach (var choice in step.Choices)
            {
                if (choice.Target is null || !byId.TryGetValue(choice.Target, out var next))
                {
                    continue;
                }
                if (!state.TryGetValue(next.Id, out var done))
                {
                    Visit(next);
                }
                else if (!done)
                {
                    var loop = string.Join(" → ", path.Skip(path.IndexOf(next.Id)).Append(next.Id));
                    Error(choice.Link, $"this choice leads back to step '{next.Id}' ({loop}); steps may not loop");
                }
            }
            path.RemoveAt(path.Count - 1);
            state[step.Id] = true;
        }
    }

    private static bool IsStepHeading(Block block) => block is HeadingBlock { Level: StepLevel };

    // A list is a step's choices when one of its items starts with a #link.
    private static bool IsChoiceList(Block block) =>
        block is ListBlock list && list.OfType<ListItemBlock>().Any(i => StepLink(i) is not null);

    private static LinkInline? StepLink(ListItemBlock item)
    {
        if (item is not [ParagraphBlock { Inline: { } inline }, ..])
        {
            return null;
        }
        var first = inline.FirstChild;
        // Tolerate leading spaces left by the list marker.
        while (first is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())
        {
            first = first.NextSibling;
        }
        return first is LinkInline { IsImage: false, Url: { } url } link && url.StartsWith('#') ? link : null;
    }

    private static IEnumerable<Inline> Siblings(Inline inline)
    {
        for (var next = inline.NextSibling; next is not null; next = next.NextSibling)
        {
            yield return next;
        }
    }

    private void Error(Block block, string message) => diagnostics.Error(block.Line + 1, block.Column + 1, message);

    private void Error(Inline inline, string message) => diagnostics.Error(inline.Line + 1, inline.Column + 1, message);

    [GeneratedRegex(@"^\((?<n>[0-9]+(?:\.[0-9]+)?) points?\)$", RegexOptions.CultureInvariant)]
    private static partial Regex PointsPattern();
}
