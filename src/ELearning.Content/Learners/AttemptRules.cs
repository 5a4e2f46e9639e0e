using ELearning.Content.Assessments;
using ELearning.Content.Questions;

namespace ELearning.Content.Learners;

/// <summary>Why a learner cannot start an attempt now. The web app words it in the learner's language.</summary>
public abstract record StartRefusal
{
    private StartRefusal()
    {
    }

    /// <summary>The module's prerequisites are not complete.</summary>
    public sealed record Locked(ModuleLock Lock) : StartRefusal;

    /// <summary>Every allowed attempt has been used.</summary>
    public sealed record NoAttemptsLeft(int MaxAttempts) : StartRefusal;

    /// <summary>The assessment asks for a pause between attempts; the next may start at <paramref name="Until"/> (UTC).</summary>
    public sealed record Wait(DateTime Until) : StartRefusal;

    /// <summary>An attempt is open: resume it instead (its number).</summary>
    public sealed record InProgress(int Number) : StartRefusal;
}

/// <summary>The rules of assessment attempts, as pure functions: who may start, what is drawn, paging and the pass decision.</summary>
public static class AttemptRules
{
    /// <summary>
    /// Null when the learner may start a new attempt now. An open attempt that is overdue counts as finished for this
    /// decision (it is closed by the start itself), so it neither blocks a start nor escapes the attempt limit.
    /// <paramref name="attempts"/> are the graded ones; <paramref name="allowance"/> adds the extra attempts a trainer granted.
    /// </summary>
    public static StartRefusal? WhyNotStart(
        Assessment assessment, IReadOnlyList<AttemptMark> attempts, ModuleLock? moduleLock, DateTime now, ModuleAllowance? allowance = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(attempts);
        if (moduleLock is not null)
        {
            return new StartRefusal.Locked(moduleLock);
        }
        if (attempts.FirstOrDefault(a => a.State == AttemptState.InProgress && !a.IsOverdue(now)) is { } open)
        {
            return new StartRefusal.InProgress(open.Number);
        }
        if (MaxAttempts(assessment, allowance) is { } max && attempts.Count >= max)
        {
            return new StartRefusal.NoAttemptsLeft(max);
        }
        var last = attempts.MaxBy(a => a.Number);
        var finished = last is null ? (DateTime?)null : last.SubmittedAt ?? (last.IsOverdue(now) ? last.Deadline : null);
        if (finished is { } at && at + assessment.DelayBetweenAttempts > now)
        {
            return new StartRefusal.Wait(at + assessment.DelayBetweenAttempts);
        }
        return null;
    }

    /// <summary>The attempts this learner may make: the assessment's limit plus the extra ones granted; null for no limit.</summary>
    public static int? MaxAttempts(Assessment assessment, ModuleAllowance? allowance)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.MaxAttempts is { } max ? max + Math.Max(0, allowance?.ExtraAttempts ?? 0) : null;
    }

    /// <summary>
    /// The time this learner gets for one attempt: the assessment's limit times the granted factor, plus the granted
    /// minutes; null when the assessment has no limit (extended time never creates one).
    /// </summary>
    public static TimeSpan? TimeLimit(Assessment assessment, ModuleAllowance? allowance)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.TimeLimit is not { } limit)
        {
            return null;
        }
        if (allowance is null)
        {
            return limit;
        }
        var factor = Math.Max(1, allowance.TimeFactor);
        return TimeSpan.FromSeconds(Math.Round(limit.TotalSeconds * (double)factor)) + TimeSpan.FromMinutes(Math.Max(0, allowance.ExtraMinutes));
    }

    /// <summary>The deadline of an attempt started at <paramref name="startedAt"/>; null without a time limit.</summary>
    public static DateTime? Deadline(Assessment assessment, ModuleAllowance? allowance, DateTime startedAt) =>
        TimeLimit(assessment, allowance) is { } limit ? startedAt + limit : null;

    /// <summary>The next attempt's number.</summary>
    public static int NextNumber(IReadOnlyList<AttemptMark> attempts) => attempts.Count == 0 ? 1 : attempts.Max(a => a.Number) + 1;

    /// <summary>
    /// A random draw that prefers questions the learner has not seen in earlier attempts, while the pool allows, and
    /// takes at most one question of each group (<c>group=</c>): items that would give each other away never meet.
    /// </summary>
    public static IReadOnlyList<Question> Draw(Assessment assessment, IReadOnlySet<string> seen, Random random)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(random);
        var fresh = assessment.Questions.Where(q => !seen.Contains(q.Id)).ToArray();
        var old = assessment.Questions.Where(q => seen.Contains(q.Id)).ToArray();
        random.Shuffle(fresh);
        random.Shuffle(old);
        var groupsTaken = new HashSet<string>(StringComparer.Ordinal);
        var drawn = fresh.Concat(old)
            .Where(q => assessment.GroupOf(q) is not { } group || groupsTaken.Add(group))
            .Take(assessment.QuestionsPerAttempt)
            .ToArray();
        random.Shuffle(drawn);
        return drawn;
    }

    /// <summary>
    /// Whether a review may show correct answers (and rationales) under the assessment's <see cref="CorrectAnswerRelease"/>:
    /// always, or once the learner has passed (<paramref name="passed"/>: the module grade, or any attempt that passed)
    /// or has no attempt left (every allowed attempt used and none still open).
    /// </summary>
    public static bool ReleasesCorrectAnswers(
        Assessment assessment, IReadOnlyList<AttemptMark> attempts, bool passed, DateTime now, ModuleAllowance? allowance = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(attempts);
        if (assessment.CorrectAnswers == CorrectAnswerRelease.Always || passed || attempts.Any(a => a.State == AttemptState.Submitted && a.Passed == true))
        {
            return true;
        }
        return MaxAttempts(assessment, allowance) is { } max && attempts.Count >= max
            && attempts.All(a => a.State == AttemptState.Submitted || a.IsOverdue(now));
    }

    /// <summary>Score as a percentage of the maximum, rounded to two decimals; 0 when nothing could be scored.</summary>
    public static decimal Percent(decimal score, decimal maxScore) => maxScore <= 0 ? 0 : Math.Round(100 * score / maxScore, 2);

    /// <summary>An attempt's result from its saved per-question scores (an unanswered question scores 0).</summary>
    public static (decimal Score, decimal Percent, bool Passed) Result(IEnumerable<decimal?> scores, decimal maxScore, decimal passMark)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var score = scores.Sum(s => s ?? 0);
        var percent = Percent(score, maxScore);
        return (score, percent, Passes(percent, passMark));
    }

    /// <summary>The pass decision: at least the pass mark (a 70 % mark passes at exactly 70 %).</summary>
    public static bool Passes(decimal percent, decimal passMark) => percent >= passMark;

    /// <summary>Pages of an attempt with <paramref name="questionCount"/> questions; always at least one.</summary>
    public static int PageCount(int questionCount, int questionsPerPage) =>
        Math.Max(1, (int)Math.Ceiling(questionCount / (double)Math.Max(1, questionsPerPage)));

    /// <summary>The 0-based positions on a 1-based page (empty past the last page: that is the review-and-submit page).</summary>
    public static Range PageRange(int page, int questionCount, int questionsPerPage)
    {
        var perPage = Math.Max(1, questionsPerPage);
        var start = Math.Clamp((page - 1) * perPage, 0, questionCount);
        return start..Math.Min(start + perPage, questionCount);
    }
}
