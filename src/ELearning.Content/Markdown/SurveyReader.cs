using System.Net;
using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using ELearning.Content.Surveys;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// Turns a ::: survey block into a Survey: an optional introduction, then one list whose items start with "likert:" (a
// statement rated on the 5-point scale) or "text:" (a free-text answer). Item prompts are plain text.
internal sealed class SurveyReader(DiagnosticBag diagnostics, SegmentWriter writer)
{
    public const string Word = "survey";
    private const string LikertMarker = "likert:";
    private const string TextMarker = "text:";
    private const int MaxItems = 30;

    public (Survey? Survey, QuestionIdUse? Id) Read(QuestionBlock block)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var header = BlockHeader.Read(block, diagnostics);
        QuestionIdUse? id = null;
        foreach (var attribute in header.Attributes)
        {
            if (attribute.Key == "id" && ContentNames.IsSlug(attribute.Value))
            {
                id = new QuestionIdUse(attribute.Value, header.Line, attribute.Column);
            }
            else if (attribute.Key == "id")
            {
                diagnostics.Error(header.Line, attribute.Column, $"survey id '{attribute.Value}' must be lowercase letters, digits and hyphens, e.g. id=course-feedback");
            }
            else
            {
                diagnostics.Error(header.Line, attribute.Column, $"unknown survey attribute '{attribute.Key}'; a survey takes id= only");
            }
        }
        if (header.Find("id") is null)
        {
            diagnostics.Error(header.Line, header.KindColumn, "the survey has no id; write '::: survey id=course-feedback'");
        }

        var children = block.ToList();
        var lists = children.OfType<ListBlock>().ToList();
        if (lists.Count == 0)
        {
            diagnostics.Error(block.Line + 1, block.Column + 1,
                "the survey has no items; list them as '- likert: a statement to rate' and '- text: an open question'");
            return (null, id);
        }
        if (lists.Count > 1 || children[^1] != lists[0])
        {
            var extra = children.SkipWhile(c => c != lists[0]).Skip(1).First();
            diagnostics.Error(extra.Line + 1, extra.Column + 1, "nothing may follow the survey's list of items; put the introduction before it");
        }
        var intro = children.TakeWhile(c => c != lists[0]).ToList();
        var introHtml = writer.Render(r => intro.ForEach(b => r.Render(b)));

        var items = new List<SurveyItem>();
        foreach (var item in lists[0].OfType<ListItemBlock>())
        {
            if (item is not [ParagraphBlock { Inline: not null } paragraph])
            {
                diagnostics.Error(item.Line + 1, item.Column + 1, "a survey item is one line: '- likert: statement' or '- text: question'");
                continue;
            }
            var text = LinkRewriter.PlainText(paragraph.Inline).Trim();
            var (kind, prompt) = text.StartsWith(LikertMarker, StringComparison.OrdinalIgnoreCase) ? (SurveyItemKind.Likert, text[LikertMarker.Length..])
                : text.StartsWith(TextMarker, StringComparison.OrdinalIgnoreCase) ? (SurveyItemKind.Text, text[TextMarker.Length..])
                : ((SurveyItemKind?)null, text);
            if (kind is null)
            {
                diagnostics.Error(paragraph.Line + 1, paragraph.Column + 1,
                    $"a survey item starts with 'likert:' (a statement rated from strongly disagree to strongly agree) or 'text:' (an open question), found '{Shorten(text)}'");
                continue;
            }
            if (prompt.Trim().Length == 0)
            {
                diagnostics.Error(paragraph.Line + 1, paragraph.Column + 1, "the survey item has no text after its kind");
                continue;
            }
            items.Add(new SurveyItem((items.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), kind.Value, WebUtility.HtmlEncode(prompt.Trim())));
        }
        if (items.Count > MaxItems)
        {
            diagnostics.Error(lists[0].Line + 1, lists[0].Column + 1, $"a survey has at most {MaxItems} items; this one has {items.Count}");
        }
        return diagnostics.ErrorCount > errorsBefore || id is null || !block.IsClosed
            ? (null, id)
            : (new Survey(id.Id, introHtml, items, block.Line + 1), id);
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..29] + "…";
}
