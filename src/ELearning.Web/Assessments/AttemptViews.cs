using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Content.Questions;
using ELearning.Theming;
using ELearning.Web.Courses;
using ELearning.Web.Questions;

namespace ELearning.Web.Assessments;

/// <summary>Builds the attempt page and the result page from a stored attempt (its own copy of the questions).</summary>
internal static class AttemptViews
{
    public static AttemptPageView Page(Course course, Module module, AssessmentAttempt attempt, int page, string? message, QuestionAliases aliases)
    {
        var pageCount = AttemptPages.Count(attempt);
        var onPage = page <= pageCount ? AttemptPages.Questions(attempt, page) : [];
        var ordered = attempt.Questions.OrderBy(q => q.Position).ToList();
        return new AttemptPageView(
            module.Assessment?.Title ?? module.Title,
            new Link(module.Assessment?.Title ?? module.Title, AssessmentUrls.Overview(course.Slug, module.Slug)),
            attempt.Number,
            page,
            pageCount,
            (page - 1) * attempt.QuestionsPerPage + 1,
            attempt.Questions.Count,
            [.. onPage.Select(q => Question(attempt, q, answer: null, aliases))],
            [.. Enumerable.Range(1, pageCount).Select(p => AttemptPages.Questions(attempt, p).All(q => q.Response is not null))],
            AssessmentUrls.Save(course.Slug, module.Slug, attempt.Number),
            AssessmentUrls.Autosave(course.Slug, module.Slug, attempt.Number),
            attempt.Sequence,
            attempt.Deadline,
            message);
    }

    /// <param name="correctAnswersReleased">
    /// False while the assessment withholds correct answers from this learner (see
    /// <see cref="AttemptRules.ReleasesCorrectAnswers"/>): the review then shows their answers without the key or rationales.
    /// </param>
    /// <param name="everything">For trainers and admins: the full review (score, answers, feedback, key, rationales) whatever the review setting.</param>
    public static AttemptResultView Result(
        Course course, Module module, AssessmentAttempt attempt, string? retakeUrl, string? blocked, QuestionAliases aliases, bool correctAnswersReleased = true,
        bool everything = false)
    {
        var review = everything ? ReviewPolicy.Everything : Attempts.Review(attempt);
        correctAnswersReleased |= everything;
        var showScore = review != ReviewPolicy.None;
        var showsAnswers = review is ReviewPolicy.ScoreAndCorrectAnswers or ReviewPolicy.Everything;
        var items = showsAnswers
            ? attempt.Questions.OrderBy(q => q.Position)
                .Select((q, i) => new ReviewItem(i + 1, Question(attempt, q, Review(q, review, correctAnswersReleased), aliases), q.Response is not null)).ToList()
            : [];
        return new AttemptResultView(
            module.Assessment?.Title ?? module.Title,
            new Link(module.Assessment?.Title ?? module.Title, AssessmentUrls.Overview(course.Slug, module.Slug)),
            attempt.Number,
            attempt.SubmittedAt ?? attempt.StartedAt,
            showScore,
            showScore ? attempt.Score : null,
            showScore ? attempt.MaxScore : null,
            showScore ? attempt.Percent : null,
            attempt.PassMark,
            showScore ? attempt.Passed : null,
            attempt.Expired,
            items,
            retakeUrl,
            blocked,
            showsAnswers && !correctAnswersReleased);
    }

    public static AttemptSummary Summary(Course course, Module module, AttemptMark attempt, DateTime now) =>
        new(attempt.Number, attempt.State == AttemptState.InProgress && !attempt.IsOverdue(now), attempt.StartedAt, attempt.SubmittedAt,
            attempt.Review == ReviewPolicy.None ? null : attempt.Percent,
            attempt.Review == ReviewPolicy.None ? null : attempt.Passed,
            AssessmentUrls.Attempt(course.Slug, module.Slug, attempt.Number));

    /// <summary>Aliases are scoped to the attempt: they differ between attempts and between learners.</summary>
    public static string AliasScope(AssessmentAttempt attempt) => "attempt:" + attempt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static QuestionView Question(AssessmentAttempt attempt, AttemptQuestion stored, Func<Question, Response?, AnswerView?>? answer, QuestionAliases aliases)
    {
        var definition = QuestionViews.DeserializeQuestion(stored.Definition);
        var response = stored.Response is null ? null : QuestionViews.DeserializeResponse(stored.Response);
        return QuestionViews.For(definition, FormFields.Question(stored.QuestionId), QuestionViews.DeserializeOrder(stored.DisplayOrder), response,
            answer?.Invoke(definition, response), aliases.For(AliasScope(attempt), definition)) with { Points = definition.Points };
    }

    /// <summary>What the review setting lets the learner see for one question of a submitted attempt.</summary>
    private static Func<Question, Response?, AnswerView?> Review(AttemptQuestion stored, ReviewPolicy review, bool correctAnswersReleased) => (question, response) =>
    {
        var grade = response is null ? null : question.Grade(response);
        var everything = review == ReviewPolicy.Everything;
        if (!correctAnswersReleased)
        {
            // Withheld until a pass or the last attempt: per-question verdicts, points and feedback go with the key, since
            // "wrong" on a true/false item names its answer, and the total minus the other items' points names it too.
            // The learner keeps their own answers, the total and the result.
            return new AnswerView(null, null, question.Points, [], null, null, null);
        }
        return new AnswerView(
            grade?.IsCorrect ?? false,
            stored.Score ?? 0,
            question.Points,
            everything && grade is not null ? QuestionViews.Feedback(grade) : [],
            null,
            // A rationale explains the right answer: it is withheld with it.
            QuestionViews.Html(question.RationaleHtml, everything && correctAnswersReleased),
            correctAnswersReleased ? QuestionViews.Html(question.CorrectAnswerHtml) : null);
    };
}
