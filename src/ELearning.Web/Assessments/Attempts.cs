using ELearning.Content.Assessments;
using ELearning.Content.Catalog;
using ELearning.Content.Learners;
using ELearning.Content.Questions;
using ELearning.Web.Certificates;
using ELearning.Web.Questions;
using ELearning.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ELearning.Web.Assessments;

internal abstract record StartOutcome
{
    public sealed record Started(int Number) : StartOutcome;

    /// <summary>An attempt was already in progress (also the answer to a parallel duplicate start).</summary>
    public sealed record Existing(int Number) : StartOutcome;

    public sealed record Refused(StartRefusal? Reason) : StartOutcome;
}

internal enum SaveOutcome
{
    Saved,

    /// <summary>The page was rendered before a newer save: its answers would overwrite newer ones.</summary>
    Stale,

    /// <summary>The time limit has passed: the answers are refused and the attempt was graded with what was saved.</summary>
    Expired,

    Submitted,
}

/// <summary>Starting, saving and submitting attempts; every rule enforced here, on the server, also under concurrency.</summary>
internal static class Attempts
{
    public static ReviewPolicy Review(AssessmentAttempt attempt) => attempt.ReviewPolicy;

    /// <summary>The attempt as the learner-record rules see it.</summary>
    public static AttemptMark Mark(AssessmentAttempt a) => a.Mark();

    /// <summary>Whether the attempt counts (grades, completion, certificates, reports): pre-tests and trials never do.</summary>
    public static bool Counts(AssessmentAttempt attempt) => attempt.Kind == AttemptKind.Graded;

    /// <summary>
    /// Starts an attempt, or answers with the open one. Overdue attempts are closed first (graded with what was saved):
    /// that explicit step, and the <see cref="OverdueAttempts"/> loop, are the only places an expired attempt is closed.
    /// Only graded attempts count against the limit and the delay; attempts of every kind share the numbering and the
    /// one-open-attempt rule, so a trainer's open trial is resumed instead of a graded start (and the other way round).
    /// A trial (<see cref="AttemptKind.Trial"/>) ignores the limit, the delay and the module's lock.
    /// </summary>
    public static async Task<StartOutcome> StartAsync(
        AppDbContext db, string userId, Assessment assessment, ModuleLock? moduleLock, DateTime now, Random random, CourseCatalog? catalog,
        CancellationToken cancel, ModuleAllowance? allowance = null, AttemptKind kind = AttemptKind.Graded)
    {
        var attempts = await AttemptsOfAsync(db, userId, assessment, cancel);
        var overdue = attempts.Where(a => Mark(a).IsOverdue(now)).Select(a => a.Id).ToList();
        foreach (var id in overdue)
        {
            await SubmitAsync(db, id, now, catalog, cancel);
        }
        if (overdue.Count > 0)
        {
            attempts = await AttemptsOfAsync(db, userId, assessment, cancel);
        }
        AttemptMark[] all = [.. attempts.Select(Mark)];
        if (attempts.FirstOrDefault(a => a.Status == AttemptStatus.InProgress) is { } open)
        {
            return new StartOutcome.Existing(open.Number);
        }
        if (kind == AttemptKind.Graded)
        {
            AttemptMark[] graded = [.. attempts.Where(a => a.Kind == AttemptKind.Graded).Select(Mark)];
            switch (AttemptRules.WhyNotStart(assessment, graded, moduleLock, now, allowance))
            {
                case StartRefusal.InProgress(var number):
                    return new StartOutcome.Existing(number);
                case { } refusal:
                    return new StartOutcome.Refused(refusal);
            }
        }

        var attemptIds = attempts.Select(a => a.Id).ToList();
        var seen = (await db.AttemptQuestions.AsNoTracking().Where(q => attemptIds.Contains(q.AttemptId)).Select(q => q.QuestionId).ToListAsync(cancel))
            .ToHashSet(StringComparer.Ordinal);
        var drawn = AttemptRules.Draw(assessment, seen, random);
        var attempt = new AssessmentAttempt
        {
            UserId = userId,
            CourseSlug = assessment.CourseSlug,
            ModuleSlug = assessment.ModuleSlug,
            Number = AttemptRules.NextNumber(all),
            Kind = kind,
            ContentVersion = assessment.ContentVersion,
            Status = AttemptStatus.InProgress,
            StartedAt = now,
            Deadline = AttemptRules.Deadline(assessment, kind == AttemptKind.Graded ? allowance : null, now),
            PassMark = assessment.PassMark,
            Review = assessment.Review.ToString(),
            QuestionsPerPage = Math.Max(1, assessment.QuestionsPerPage),
            MaxScore = drawn.Sum(q => q.Points),
            Questions = Stored(drawn, assessment, random),
        };
        db.AssessmentAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancel);
            return new StartOutcome.Started(attempt.Number);
        }
        catch (DbUpdateException)
        {
            // A parallel start won the unique indexes (number, or one-in-progress): answer with its attempt.
            db.ChangeTracker.Clear();
            var winner = await db.AssessmentAttempts.AsNoTracking()
                .Where(a => a.UserId == userId && a.CourseSlug == assessment.CourseSlug && a.ModuleSlug == assessment.ModuleSlug && a.Status == AttemptStatus.InProgress)
                .Select(a => (int?)a.Number).FirstOrDefaultAsync(cancel);
            return winner is { } number ? new StartOutcome.Existing(number) : new StartOutcome.Refused(null);
        }
    }

    /// <summary>The drawn questions as an attempt stores them: full definition (key included) and the order shown.</summary>
    public static List<AttemptQuestion> Stored(IReadOnlyList<Question> drawn, Assessment assessment, Random random) =>
        [.. drawn.Select((q, i) => new AttemptQuestion
        {
            Position = i,
            QuestionId = q.Id,
            Definition = QuestionViews.Serialize(q),
            DisplayOrder = QuestionViews.Serialize(QuestionViews.Shuffle(q, assessment.ShuffleOptions, random)),
        })];

    /// <summary>One learner's attempt by number, with its questions: the attempt pages' one query, compiled once.</summary>
    public static Task<AssessmentAttempt?> FindAsync(AppDbContext db, string userId, string course, string module, int number) =>
        ByNumber(db, userId, course, module, number);

    private static readonly Func<AppDbContext, string, string, string, int, Task<AssessmentAttempt?>> ByNumber =
        EF.CompileAsyncQuery((AppDbContext db, string userId, string course, string module, int number) =>
            db.AssessmentAttempts.AsNoTracking().Include(a => a.Questions)
                .FirstOrDefault(a => a.UserId == userId && a.CourseSlug == course && a.ModuleSlug == module && a.Number == number));

    // Graded attempts and trials share the numbering and the one-open-attempt rule (the rules then read graded ones only);
    // the pre-test keeps its own number (Analysis/Pretests) and flow.
    private static Task<List<AssessmentAttempt>> AttemptsOfAsync(AppDbContext db, string userId, Assessment assessment, CancellationToken cancel) =>
        db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.CourseSlug == assessment.CourseSlug && a.ModuleSlug == assessment.ModuleSlug && a.Kind != AttemptKind.Pretest)
            .ToListAsync(cancel);

    /// <summary>
    /// Saves responses (null clears) if <paramref name="sequence"/> is the attempt's current one and time remains. One
    /// conditional UPDATE decides, so a stale page, a late save and a concurrent submit can never overwrite each other.
    /// </summary>
    public static async Task<(SaveOutcome Outcome, long Sequence)> SaveAsync(
        AppDbContext db, AssessmentAttempt attempt, IReadOnlyList<(AttemptQuestion Question, Response? Response)> changes, long sequence, DateTime now,
        CourseCatalog? catalog, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var claimed = await db.AssessmentAttempts
            .Where(a => a.Id == attempt.Id && a.Status == AttemptStatus.InProgress && a.Sequence == sequence && (a.Deadline == null || a.Deadline > now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, sequence + 1), cancel);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancel);
            var current = await db.AssessmentAttempts.AsNoTracking().FirstAsync(a => a.Id == attempt.Id, cancel);
            if (current.Status == AttemptStatus.Submitted)
            {
                return (SaveOutcome.Submitted, current.Sequence);
            }
            if (current.Deadline is { } deadline && deadline <= now)
            {
                await SubmitAsync(db, attempt.Id, now, catalog, cancel);
                return (SaveOutcome.Expired, current.Sequence);
            }
            return (SaveOutcome.Stale, current.Sequence);
        }
        foreach (var (question, response) in changes)
        {
            var answered = response is not null && !response.IsEmpty;
            var json = answered ? QuestionViews.Serialize(response!) : null;
            // Graded as it is saved, against the attempt's own copy of the question (an incomplete answer scores 0):
            // submitting then only adds up, which keeps it one short transaction.
            decimal? score = answered ? QuestionViews.DeserializeQuestion(question.Definition).Grade(response!)?.Score ?? 0 : null;
            await db.AttemptQuestions.Where(q => q.Id == question.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(q => q.Response, json)
                    .SetProperty(q => q.AnsweredAt, answered ? now : null)
                    .SetProperty(q => q.Score, score), cancel);
        }
        await transaction.CommitAsync(cancel);
        return (SaveOutcome.Saved, sequence + 1);
    }

    /// <summary>
    /// Closes the attempt and records its total once: of parallel submissions exactly one changes the row (the UPDATE is
    /// conditional on the status and on the sequence of the answers it added up); the others find it submitted. Each
    /// answer was graded when saved (<see cref="SaveAsync"/>). Returns whether this call did it.
    /// With a <paramref name="catalog"/>, the certificates a graded submission makes due are issued in the same
    /// transaction as the closing update (<see cref="CertificateIssuing"/>); null only where no certificate may follow.
    /// </summary>
    public static async Task<bool> SubmitAsync(AppDbContext db, long attemptId, DateTime now, CourseCatalog? catalog, CancellationToken cancel)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancel) : null;
        while (true)
        {
            var attempt = await db.AssessmentAttempts.AsNoTracking().Where(a => a.Id == attemptId)
                .Select(a => new { a.Status, a.Sequence, a.Deadline, a.MaxScore, a.PassMark, a.UserId, a.CourseSlug, a.Kind })
                .FirstAsync(cancel);
            if (attempt.Status == AttemptStatus.Submitted)
            {
                return false;
            }
            var scores = await db.AttemptQuestions.AsNoTracking().Where(q => q.AttemptId == attemptId).Select(q => q.Score).ToListAsync(cancel);
            var (total, percent, passed) = AttemptRules.Result(scores, attempt.MaxScore, attempt.PassMark);
            var expired = attempt.Deadline is { } deadline && deadline <= now;

            var closed = await db.AssessmentAttempts
                .Where(a => a.Id == attemptId && a.Status == AttemptStatus.InProgress && a.Sequence == attempt.Sequence)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, AttemptStatus.Submitted)
                    .SetProperty(a => a.SubmittedAt, expired ? attempt.Deadline : now)
                    .SetProperty(a => a.Expired, expired)
                    .SetProperty(a => a.Score, total)
                    .SetProperty(a => a.Percent, percent)
                    .SetProperty(a => a.Passed, passed), cancel);
            if (closed == 1)
            {
                if (attempt.Kind == AttemptKind.Graded && catalog?.FindCourse(attempt.CourseSlug) is { } course)
                {
                    await CertificateIssuing.IssueDueAsync(db, course, attempt.UserId, now, cancel);
                }
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancel);
                }
                return true;
            }
            // Submitted meanwhile, or answers saved after we added them up: look again.
        }
    }

    /// <summary>
    /// An overdue attempt as it will be once closed: graded with what was saved, submitted at its deadline. Pure: a page
    /// shows it while <see cref="OverdueAttempts"/> (or the next start) writes it.
    /// </summary>
    public static AssessmentAttempt AsClosed(AssessmentAttempt attempt)
    {
        var (total, percent, passed) = AttemptRules.Result(attempt.Questions.Select(q => q.Score), attempt.MaxScore, attempt.PassMark);
        return new AssessmentAttempt
        {
            Id = attempt.Id, UserId = attempt.UserId, CourseSlug = attempt.CourseSlug, ModuleSlug = attempt.ModuleSlug,
            Number = attempt.Number, ContentVersion = attempt.ContentVersion, Status = AttemptStatus.Submitted,
            Sequence = attempt.Sequence, StartedAt = attempt.StartedAt, Deadline = attempt.Deadline,
            SubmittedAt = attempt.Deadline, Expired = true, PassMark = attempt.PassMark, Review = attempt.Review,
            QuestionsPerPage = attempt.QuestionsPerPage, MaxScore = attempt.MaxScore, Score = total, Percent = percent,
            Passed = passed, Questions = attempt.Questions,
        };
    }
}
