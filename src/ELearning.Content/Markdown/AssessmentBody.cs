using ELearning.Content.Diagnostics;
using ELearning.Content.Questions;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

// The body of assessment.md: an introduction, then the question pool (questions and scenarios only).
internal sealed record AssessmentBody(
    string IntroHtml,
    IReadOnlyList<Question> Questions,
    int QuestionBlockCount,
    IReadOnlyList<FileReference> References,
    IReadOnlyList<QuestionIdUse> QuestionIds,
    IReadOnlyDictionary<string, string> Groups,
    IReadOnlyList<(string QuestionId, SlugUse Lesson)> Lessons)
{
    private static readonly AssessmentBody s_empty = new("", [], 0, [], [], new Dictionary<string, string>(), []);

    // As LessonBody.Render: line numbers are the file's, and everything rendered is safe even when errors are reported.
    public static AssessmentBody Render(string markdown, LessonAddress address, DiagnosticBag diagnostics) =>
        LessonBody.GuardDepth(markdown, address, diagnostics, RenderCore, s_empty);

    private static AssessmentBody RenderCore(string markdown, LessonAddress address, DiagnosticBag diagnostics)
    {
        var (document, references, _) = LessonBody.Parse(markdown, address, diagnostics);
        using var writer = new SegmentWriter();
        var reader = new QuestionReader(diagnostics, writer, inAssessment: true);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var lessons = new List<(string, SlugUse)>();
        var intro = new List<Block>();
        var questions = new List<Question>();
        var questionIds = new List<QuestionIdUse>();
        var blocks = 0;
        foreach (var block in document)
        {
            switch (block)
            {
                case QuestionBlock questionBlock:
                    blocks++;
                    var (question, id, tags) = reader.ReadTagged(questionBlock);
                    if (id is not null)
                    {
                        questionIds.Add(id);
                        if (tags?.Group is { } group)
                        {
                            groups[id.Id] = group;
                        }
                        if (tags?.Lesson is { } lesson)
                        {
                            lessons.Add((id.Id, lesson));
                        }
                    }
                    if (question is not null)
                    {
                        questions.Add(question);
                    }
                    break;
                case LinkReferenceDefinitionGroup:
                    // Renders nothing; definitions may sit anywhere.
                    break;
                case FootnoteGroup:
                    // Markdig appends the footnotes of the whole document at its end: they belong to the introduction.
                    intro.Add(block);
                    break;
                case var _ when blocks == 0:
                    intro.Add(block);
                    break;
                default:
                    diagnostics.Error(block.Line + 1, block.Column + 1,
                        "after the first question an assessment holds only questions and scenarios; move this into the introduction "
                        + "(before the first question) or into a question's prompt");
                    break;
            }
        }
        var introHtml = writer.Render(r => intro.ForEach(b => r.Render(b)));
        return new AssessmentBody(introHtml, questions, blocks, references, questionIds, groups, lessons);
    }
}
