using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Content.Questions;
using ELearning.Theming;
using ELearning.Web.Questions;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Progress;

/// <summary>A knowledge check as the learner left it: their latest response and how many tries were wrong.</summary>
internal sealed record CheckState(Response Latest, int WrongTries);

/// <summary>
/// Everything a page needs to know about one learner: the record the rules run over, and their knowledge-check answers.
/// Immutable; read in one round trip and kept in <see cref="LearnerRecords"/> until that learner writes.
/// </summary>
internal sealed class LearnerSnapshot(LearnerRecord record, IReadOnlyDictionary<(string Course, string Module, string Lesson, string Question), CheckState> checks)
{
    public static LearnerSnapshot Empty { get; } = new(LearnerRecord.Empty, new Dictionary<(string, string, string, string), CheckState>());

    public LearnerRecord Record { get; } = record;

    public CheckState? CheckOf(Lesson lesson, string questionId) =>
        checks.GetValueOrDefault((lesson.CourseSlug, lesson.ModuleSlug, lesson.Slug, questionId));

    /// <summary>The same snapshot with a lesson's last-opened time moved on (the database follows by write-behind).</summary>
    public LearnerSnapshot WithVisit(Lesson lesson, DateTime at)
    {
        if (Record.MarkOf(lesson) is not { } mark || mark.LastOpenedAt >= at)
        {
            return this;
        }
        var lessons = Record.Lessons.Select(m => ReferenceEquals(m, mark) ? m with { LastOpenedAt = at } : m);
        return new LearnerSnapshot(new LearnerRecord(lessons, Record.AllAttempts), checks);
    }

    /// <summary>The same snapshot with a lesson's first opening recorded (just committed by this instance).</summary>
    public LearnerSnapshot WithOpened(Lesson lesson, DateTime at) =>
        Record.HasOpened(lesson)
            ? this
            : new LearnerSnapshot(
                new LearnerRecord([.. Record.Lessons, new LessonMark(lesson.CourseSlug, lesson.ModuleSlug, lesson.Slug, at, at, null)], Record.AllAttempts),
                checks);

    public ProgressSummary Of(Module module) => Summary(Record.Count(module));

    public ProgressSummary Of(Course course) => Summary(Record.Count(course));

    private static ProgressSummary Summary(LessonCount count) => new(count.Completed, count.Total);

    /// <summary>
    /// Reads a learner's lesson marks, attempt marks and knowledge-check answers in one command: three projections in
    /// one UNION ALL, so a page that misses the cache costs one round trip.
    /// </summary>
    public static async Task<LearnerSnapshot> LoadAsync(AppDbContext db, string userId, CancellationToken cancel)
    {
        var rows = await db.Database.SqlQueryRaw<SnapshotRow>(SnapshotSql, userId).ToListAsync(cancel);
        var lessons = new List<LessonMark>();
        var attempts = new List<AttemptMark>();
        var answers = new List<SnapshotRow>();
        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case 0:
                    lessons.Add(new LessonMark(row.CourseSlug, row.ModuleSlug, row.LessonSlug!, Utc(row.At1!.Value), Utc(row.At2!.Value), Utc(row.At3)));
                    break;
                case 1:
                    attempts.Add(new AttemptMark(
                        row.CourseSlug, row.ModuleSlug, (int)row.Number,
                        row.Status == 0 ? AttemptState.InProgress : AttemptState.Submitted,
                        Utc(row.At1!.Value), Utc(row.At2), Utc(row.At3), row.PassMark ?? 0, row.Percent, row.Passed, row.Flag == true,
                        Enum.TryParse<ReviewPolicy>(row.Text, out var review) ? review : ReviewPolicy.None));
                    break;
                default:
                    answers.Add(row);
                    break;
            }
        }
        var checks = answers
            .GroupBy(a => (a.CourseSlug, a.ModuleSlug, a.LessonSlug!, a.QuestionId!))
            .ToDictionary(
                g => g.Key,
                g => new CheckState(QuestionViews.DeserializeResponse(g.MaxBy(a => a.Number)!.Text!), g.Count(a => a.Flag != true)));
        return new LearnerSnapshot(new LearnerRecord(lessons, attempts), checks);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    // Kind 0: a lesson (At1 first opened, At2 last opened, At3 completed). Kind 1: a graded attempt (pre-tests and trials
    // never make grades or completion) (At1 started, At2 deadline,
    // At3 submitted, Flag expired, Text review). Kind 2: a knowledge-check answer (Number its id, Flag correct, Text the
    // response).
    private const string SnapshotSql = """
        SELECT 0 AS "Kind", "CourseSlug", "ModuleSlug", "LessonSlug", NULL AS "QuestionId", 0 AS "Number", 0 AS "Status",
               "FirstOpenedAt" AS "At1", "LastOpenedAt" AS "At2", "CompletedAt" AS "At3",
               NULL AS "PassMark", NULL AS "Percent", NULL AS "Passed", NULL AS "Flag", NULL AS "Text"
        FROM "LessonProgress" WHERE "UserId" = {0}
        UNION ALL
        SELECT 1, "CourseSlug", "ModuleSlug", NULL, NULL, "Number", "Status",
               "StartedAt", "Deadline", "SubmittedAt", "PassMark", "Percent", "Passed", "Expired", "Review"
        FROM "AssessmentAttempts" WHERE "UserId" = {0} AND "Kind" = 0
        UNION ALL
        SELECT 2, "CourseSlug", "ModuleSlug", "LessonSlug", "QuestionId", "Id", 0,
               NULL, NULL, NULL, NULL, NULL, NULL, "Correct", "Response"
        FROM "KnowledgeCheckAnswers" WHERE "UserId" = {0}
        """;

    internal sealed class SnapshotRow
    {
        public int Kind { get; set; }
        public string CourseSlug { get; set; } = "";
        public string ModuleSlug { get; set; } = "";
        public string? LessonSlug { get; set; }
        public string? QuestionId { get; set; }
        public long Number { get; set; }
        public int Status { get; set; }
        public DateTime? At1 { get; set; }
        public DateTime? At2 { get; set; }
        public DateTime? At3 { get; set; }
        public decimal? PassMark { get; set; }
        public decimal? Percent { get; set; }
        public bool? Passed { get; set; }
        public bool? Flag { get; set; }
        public string? Text { get; set; }
    }
}
