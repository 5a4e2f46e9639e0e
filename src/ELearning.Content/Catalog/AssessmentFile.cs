using ELearning.Content.Assessments;
using ELearning.Content.Diagnostics;
using ELearning.Content.Markdown;

namespace ELearning.Content.Catalog;

// A module's assessment.md, parsed and rendered once per file version.
internal sealed record AssessmentFile(
    Assessment? Assessment,
    IReadOnlyList<FileReference> References,
    IReadOnlyList<QuestionIdUse> QuestionIds,
    IReadOnlyList<SlugUse> LessonUses)
{
    private static readonly string[] s_keys =
    [
        "title", "pass_mark", "max_attempts", "delay_minutes", "time_limit_minutes", "draw", "shuffle_options",
        "questions_per_page", "review", "review_correct_answers", "grading",
    ];

    private static readonly Dictionary<string, CorrectAnswerRelease> s_releases = new(StringComparer.Ordinal)
    {
        ["always"] = CorrectAnswerRelease.Always,
        ["after_pass_or_last_attempt"] = CorrectAnswerRelease.AfterPassOrLastAttempt,
    };

    private static readonly Dictionary<string, ReviewPolicy> s_reviews = new(StringComparer.Ordinal)
    {
        ["none"] = ReviewPolicy.None,
        ["score"] = ReviewPolicy.Score,
        ["score-and-correct-answers"] = ReviewPolicy.ScoreAndCorrectAnswers,
        ["everything"] = ReviewPolicy.Everything,
    };

    private static readonly Dictionary<string, GradingMethod> s_gradings = new(StringComparer.Ordinal)
    {
        ["highest"] = GradingMethod.Highest,
        ["last"] = GradingMethod.Last,
        ["first"] = GradingMethod.First,
        ["average"] = GradingMethod.Average,
    };

    // Assessment is null when the file has errors; diagnostics has them either way. The address's lesson slug is
    // "assessment": links resolve from the module folder exactly as in a lesson.
    public static AssessmentFile Parse(LessonAddress address, string path, byte[] bytes, DiagnosticBag diagnostics)
    {
        var text = ContentText.Decode(bytes, diagnostics);
        if (text is null)
        {
            return new AssessmentFile(null, [], [], []);
        }

        var (fields, body, bodyLine) = FrontMatter.Read(text, diagnostics,
            "an assessment starts with front matter: a '---' line, title and pass_mark, and another '---' line");
        string? title = null;
        decimal? passMark = null;
        int? maxAttempts = null, delay = null, timeLimit = null, draw = null, perPage = null;
        bool? shuffle = null;
        ReviewPolicy? review = null;
        GradingMethod? grading = null;
        CorrectAnswerRelease? release = null;
        if (fields is not null)
        {
            fields.RejectUnknownKeys(s_keys);
            title = fields.Text("title", required: true);
            passMark = fields.DecimalInRange("pass_mark", required: true, 0, 100);
            maxAttempts = fields.Integer("max_attempts", required: false, min: 1);
            delay = fields.Integer("delay_minutes", required: false, min: 0);
            timeLimit = fields.Integer("time_limit_minutes", required: false, min: 1);
            draw = fields.Integer("draw", required: false, min: 1);
            shuffle = fields.Boolean("shuffle_options", required: false);
            perPage = fields.Integer("questions_per_page", required: false, min: 1);
            review = fields.OneOf("review", required: false, s_reviews);
            grading = fields.OneOf("grading", required: false, s_gradings);
            release = fields.OneOf("review_correct_answers", required: false, s_releases);
        }

        var rendered = AssessmentBody.Render(body, address, diagnostics);
        if (rendered.QuestionBlockCount == 0)
        {
            diagnostics.Error(bodyLine, 1, "the assessment has no questions; after the introduction, add '::: question id=…' blocks");
        }
        if (draw > rendered.QuestionBlockCount && rendered.QuestionBlockCount > 0 && fields?.PositionOf("draw") is var (line, column))
        {
            diagnostics.Error(line, column,
                $"draw is {draw}, but the pool has only {rendered.QuestionBlockCount} question(s); draw at most that many, or leave draw out to use all");
        }
        else if (rendered.Groups.Count > 0 && fields?.PositionOf("draw") is var (drawLine, drawColumn))
        {
            var groups = rendered.Groups.Values.Distinct(StringComparer.Ordinal).Count();
            var ungrouped = rendered.QuestionIds.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count(id => !rendered.Groups.ContainsKey(id));
            if (draw > groups + ungrouped)
            {
                diagnostics.Error(drawLine, drawColumn,
                    $"draw is {draw}, but an attempt can hold at most {groups + ungrouped} question(s): one from each of the {groups} group(s) "
                    + $"and the {ungrouped} ungrouped question(s); lower draw, add questions, or put fewer questions in groups");
            }
        }

        AnswerCues.Check(rendered.Questions, diagnostics);

        if (diagnostics.HasErrors || title is null || passMark is null)
        {
            return new AssessmentFile(null, rendered.References, rendered.QuestionIds, LessonUsesOf(rendered));
        }
        var assessment = new Assessment
        {
            CourseSlug = address.CourseSlug,
            ModuleSlug = address.ModuleSlug,
            Title = title,
            IntroHtml = rendered.IntroHtml,
            PassMark = passMark.Value,
            MaxAttempts = maxAttempts,
            DelayBetweenAttempts = TimeSpan.FromMinutes(delay ?? 0),
            TimeLimit = timeLimit is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            Draw = draw,
            ShuffleOptions = shuffle ?? true,
            QuestionsPerPage = perPage ?? 5,
            Review = review ?? ReviewPolicy.Everything,
            Grading = grading ?? GradingMethod.Highest,
            CorrectAnswers = release ?? CorrectAnswerRelease.Always,
            Questions = rendered.Questions,
            Groups = rendered.Groups,
            Lessons = rendered.Lessons.ToDictionary(l => l.QuestionId, l => l.Lesson.Slug, StringComparer.Ordinal),
            ContentVersion = LessonFile.ContentVersionOf(bytes),
            SourcePath = path,
        };
        return new AssessmentFile(assessment, rendered.References, rendered.QuestionIds, LessonUsesOf(rendered));
    }

    private static SlugUse[] LessonUsesOf(AssessmentBody rendered) => [.. rendered.Lessons.Select(l => l.Lesson)];
}
