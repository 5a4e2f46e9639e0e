using System.Globalization;
using System.Net;
using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Questions;
using ELearning.Theming;
using ELearning.Web.Questions;
using Microsoft.AspNetCore.Components;

namespace ELearning.Web.Trainers;

/// <summary>
/// Questions as a trainer previews them: read-only, with the answer key, every option's feedback, the hints and the
/// rationale. Only the trainer pages call this; learner pages build their question views without it.
/// </summary>
internal static class Previews
{
    public static QuestionPart WithKey(Question question, string fieldPrefix) =>
        new(QuestionViews.For(question, fieldPrefix, null, null, Key(question), AliasMap.None) with { Points = question.Points });

    public static IReadOnlyList<LessonPart> Lesson(Lesson lesson) =>
        [.. lesson.Segments.Select(s => s is QuestionSegment q ? (LessonPart)WithKey(q.Question, "preview.") : new HtmlPart(new MarkupString(((HtmlSegment)s).Html)))];

    public static IReadOnlyList<LessonPart> Pool(Assessment assessment) =>
        [new HtmlPart(new MarkupString(assessment.IntroHtml)), .. assessment.Questions.Select(q => WithKey(q, "preview."))];

    private static AnswerView Key(Question question)
    {
        var feedback = new List<FeedbackView>();
        switch (question)
        {
            case ChoiceQuestion choice:
                feedback.AddRange(choice.Options.Where(o => o.FeedbackHtml is not null).Select(o => new FeedbackView(o.Id, new MarkupString(o.FeedbackHtml!))));
                break;
            case TextQuestion text:
                feedback.AddRange(text.Answers.Where(a => a.FeedbackHtml is not null)
                    .Select(a => new FeedbackView(null, new MarkupString($"<p><code>{WebUtility.HtmlEncode(a.Text)}</code></p>{a.FeedbackHtml}"))));
                break;
            case ScenarioQuestion scenario:
                feedback.AddRange(scenario.Steps.SelectMany(s => s.Choices).Select(c => new FeedbackView(null, new MarkupString(
                    $"<p><strong>{c.Html}</strong> ({c.Points.ToString("0.##", CultureInfo.InvariantCulture)})</p>{c.ConsequenceHtml}"))));
                break;
        }
        var hints = question.HintsHtml.Count == 0 ? (MarkupString?)null : new MarkupString(string.Concat(question.HintsHtml));
        return new AnswerView(null, null, question.Points, feedback, hints, QuestionViews.Html(question.RationaleHtml, true), new MarkupString(question.CorrectAnswerHtml));
    }
}
