using ELearning.Content.Catalog;
using ELearning.Content.Diagnostics;
using Markdig.Extensions.Alerts;
using ELearning.Content.Surveys;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// A lesson's Markdown body, parsed once and rendered into segments.
internal sealed record LessonBody(
    IReadOnlyList<LessonSegment> Segments,
    IReadOnlyList<FileReference> References,
    IReadOnlyList<QuestionIdUse> QuestionIds,
    IReadOnlyList<LawAsOf> LawAsOf)
{
    private static readonly LessonBody s_empty = new([], [], [], []);

    // Parses and renders markdown. Line numbers in diagnostics are those of the text given, so callers blank out front
    // matter rather than cut it off. Rendering happens even when errors are reported: the output is safe either way,
    // and tests rely on it.
    public static LessonBody Render(string markdown, LessonAddress address, DiagnosticBag diagnostics) =>
        GuardDepth(markdown, address, diagnostics, RenderCore, s_empty);

    private static LessonBody RenderCore(string markdown, LessonAddress address, DiagnosticBag diagnostics)
    {
        var (document, references, lawAsOf) = Parse(markdown, address, diagnostics);

        using var writer = new SegmentWriter();
        var reader = new QuestionReader(diagnostics, writer);
        var segments = new List<LessonSegment>();
        var questionIds = new List<QuestionIdUse>();
        var pending = new List<Block>();
        foreach (var block in document)
        {
            if (block is not QuestionBlock questionBlock)
            {
                pending.Add(block);
                continue;
            }
            Flush();
            if (questionBlock.Kind == SurveyReader.Word)
            {
                var (survey, surveyId) = new SurveyReader(diagnostics, writer).Read(questionBlock);
                if (surveyId is not null)
                {
                    // Survey ids share the course-wide id space of questions: responses are stored under them.
                    questionIds.Add(surveyId);
                }
                if (survey is not null)
                {
                    segments.Add(new SurveySegment(survey));
                }
                continue;
            }
            var (question, id) = reader.Read(questionBlock);
            if (id is not null)
            {
                questionIds.Add(id);
            }
            if (question is not null)
            {
                segments.Add(new QuestionSegment(question));
            }
        }
        Flush();
        return new LessonBody(segments, references, questionIds, lawAsOf);

        void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }
            var html = writer.Render(renderer => pending.ForEach(b => renderer.Render(b)));
            pending.Clear();
            if (!string.IsNullOrWhiteSpace(html))
            {
                segments.Add(new HtmlSegment(html));
            }
        }
    }

    // Parses with the content pipeline and applies the checks and the link policy every content body shares.
    internal static (MarkdownDocument Document, List<FileReference> References, List<LawAsOf> LawAsOf) Parse(
        string markdown, LessonAddress address, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, ContentPipeline.Pipeline);
        CheckQuestionPlacement(document, diagnostics);
        CheckCallouts(document, diagnostics);
        var lawAsOf = new List<LawAsOf>();
        LawAsOfCallouts.Apply(document, diagnostics, lawAsOf);
        var references = new List<FileReference>();
        LinkRewriter.Apply(document, address, diagnostics, references);
        return (document, references, lawAsOf);
    }

    // Runs render, turning Markdig's nesting-limit exception into an error on the line that goes too deep.
    internal static T GuardDepth<T>(
        string markdown, LessonAddress address, DiagnosticBag diagnostics, Func<string, LessonAddress, DiagnosticBag, T> render, T empty)
    {
        try
        {
            return render(markdown, address, diagnostics);
        }
        catch (ArgumentException ex) when (IsDepthLimit(ex))
        {
            diagnostics.Error(FindTooDeepLine(markdown, address, render), 1,
                $"Markdown is nested too deeply (more than {ContentPipeline.Pipeline.MaximumNestingDepth} levels of quotes, lists or "
                + "emphasis); flatten it");
            return empty;
        }
    }

    // Markdig 1.x throws a plain ArgumentException when MaximumNestingDepth is exceeded, while parsing (blocks) or
    // while rendering (e.g. emphasis); the message is the only tell.
    private static bool IsDepthLimit(ArgumentException ex) =>
        ex.Message.Contains("too deeply nested", StringComparison.OrdinalIgnoreCase);

    // The exception carries no position: bisect on line prefixes for the first line that breaks the limit.
    private static int FindTooDeepLine<T>(string markdown, LessonAddress address, Func<string, LessonAddress, DiagnosticBag, T> render)
    {
        var lines = markdown.Split('\n');
        int low = 1, high = lines.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Fails(string.Join('\n', lines, 0, middle)))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;

        bool Fails(string prefix)
        {
            try
            {
                render(prefix, address, new DiagnosticBag(""));
                return false;
            }
            catch (ArgumentException ex) when (IsDepthLimit(ex))
            {
                return true;
            }
        }
    }

    private static void CheckQuestionPlacement(MarkdownDocument document, DiagnosticBag diagnostics)
    {
        foreach (var question in document.Descendants<QuestionBlock>())
        {
            if (question.Parent is not MarkdownDocument)
            {
                diagnostics.Error(question.Line + 1, question.Column + 1,
                    $"a {question.Noun} cannot be inside a quote, a list or another question or scenario; "
                    + $"start '::: {question.Noun}' on its own line at the left margin");
            }
            if (!question.IsClosed)
            {
                diagnostics.Error(question.Line + 1, question.Column + 1, $"the {question.Noun} is not closed; end it with a ':::' line");
            }
        }
        foreach (var line in QuestionBlockParser.GetStrayFences(document))
        {
            diagnostics.Error(line + 1, 1, "':::' closes a question, but no question is open here");
        }
    }

    private static void CheckCallouts(MarkdownDocument document, DiagnosticBag diagnostics)
    {
        foreach (var alert in document.Descendants<AlertBlock>())
        {
            var kind = alert.Kind.ToString();
            if (!Callouts.IsKnown(kind))
            {
                diagnostics.Warning(alert.Line + 1, alert.Column + 1,
                    $"unknown callout '[!{kind}]'; use NOTE, TIP, IMPORTANT, WARNING, CAUTION, LEGAL, COUNTRY or PRACTICE");
            }
        }
    }
}
