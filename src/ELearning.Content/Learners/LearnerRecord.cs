using ELearning.Content.Assessments;
using ELearning.Content.Catalog;

namespace ELearning.Content.Learners;

/// <summary>One learner's record of one lesson: opened, and possibly completed.</summary>
public sealed record LessonMark(
    string Course, string Module, string Lesson, DateTime FirstOpenedAt, DateTime LastOpenedAt, DateTime? CompletedAt);

public enum AttemptState
{
    InProgress,
    Submitted,
}

/// <summary>
/// One attempt at a module's assessment as far as the rules need it. <see cref="PassMark"/> is the one in force when the
/// attempt started: raising the pass mark later never revokes a pass.
/// </summary>
public sealed record AttemptMark(
    string Course,
    string Module,
    int Number,
    AttemptState State,
    DateTime StartedAt,
    DateTime? Deadline,
    DateTime? SubmittedAt,
    decimal PassMark,
    decimal? Percent,
    bool? Passed,
    bool Expired = false,
    ReviewPolicy Review = ReviewPolicy.Everything)
{
    /// <summary>Still open although its time ran out: it is graded by one explicit close step, never by a read.</summary>
    public bool IsOverdue(DateTime now) => State == AttemptState.InProgress && Deadline is { } deadline && deadline <= now;
}

/// <summary>
/// A module's assessment grade under its grading method; <see cref="Percent"/> is null before any submission.
/// <see cref="Overridden"/>: set by a trainer (<see cref="ModuleAllowance.Grade"/>) rather than from the attempts.
/// </summary>
public sealed record ModuleGrade(decimal? Percent, bool Passed, int SubmittedAttempts, bool Overridden = false)
{
    public static ModuleGrade None { get; } = new(null, false, 0);
}

/// <summary>Lessons done out of lessons there are.</summary>
public sealed record LessonCount(int Completed, int Total);

/// <summary>Why a module is not open yet: the prerequisite modules still to complete.</summary>
public sealed record ModuleLock(IReadOnlyList<Module> Prerequisites);

/// <summary>
/// The rules of a learner's record, as pure functions over their lesson marks and attempt marks matched against the
/// current catalog: lesson and module completion, the module grade by grading method, course completion, locks and the
/// resume point. No storage and no URLs: the web app loads the marks and maps the answers to its views; certificates,
/// reports and exports ask the same questions here.
/// </summary>
public sealed class LearnerRecord
{
    private readonly Dictionary<(string Course, string Module, string Lesson), LessonMark> _lessons;
    private readonly Dictionary<(string Course, string Module), AttemptMark[]> _attempts;
    private readonly Dictionary<(string Course, string Module), ModuleAllowance> _allowances;

    /// <param name="lessons">The learner's lesson marks.</param>
    /// <param name="attempts">Graded attempts only: pre-tests and trainers' trials never count.</param>
    /// <param name="allowances">What trainers granted this learner, at most one per module (see <see cref="ModuleAllowance"/>).</param>
    public LearnerRecord(IEnumerable<LessonMark> lessons, IEnumerable<AttemptMark> attempts, IEnumerable<ModuleAllowance>? allowances = null)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        ArgumentNullException.ThrowIfNull(attempts);
        _allowances = [];
        foreach (var allowance in allowances ?? [])
        {
            _allowances[(allowance.Course, allowance.Module)] = allowance;
        }
        Allowances = [.. _allowances.Values];
        _lessons = [];
        foreach (var mark in lessons)
        {
            _lessons[(mark.Course, mark.Module, mark.Lesson)] = mark;
        }
        _attempts = attempts.GroupBy(a => (a.Course, a.Module))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Number).ToArray());
        Lessons = [.. _lessons.Values];
    }

    public static LearnerRecord Empty { get; } = new([], []);

    public IReadOnlyList<ModuleAllowance> Allowances { get; }

    /// <summary>What trainers granted on this module; null when nothing.</summary>
    public ModuleAllowance? AllowanceOf(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return _allowances.GetValueOrDefault((module.CourseSlug, module.Slug));
    }

    public IReadOnlyList<LessonMark> Lessons { get; }

    /// <summary>All attempts at a module's assessment (in progress too), by number.</summary>
    public IReadOnlyList<AttemptMark> AttemptsAt(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return _attempts.TryGetValue((module.CourseSlug, module.Slug), out var found) ? found : [];
    }

    public IEnumerable<AttemptMark> AllAttempts => _attempts.Values.SelectMany(a => a);

    public LessonMark? MarkOf(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        return _lessons.GetValueOrDefault((lesson.CourseSlug, lesson.ModuleSlug, lesson.Slug));
    }

    public bool HasOpened(Lesson lesson) => MarkOf(lesson) is not null;

    public bool IsCompleted(Lesson lesson) => MarkOf(lesson)?.CompletedAt is not null;

    /// <summary>
    /// The grade from submitted attempts. Highest, last and first take the chosen attempt's own verdict (under the pass
    /// mark it was taken with); average compares the mean with the newest submitted attempt's pass mark. Ties for highest
    /// go to the earlier attempt. A trainer's grade override, when in force, replaces it (marked <see cref="ModuleGrade.Overridden"/>).
    /// </summary>
    public ModuleGrade GradeOf(Module module)
    {
        var grade = Decide(module).Grade;
        return module.Assessment is not null && AllowanceOf(module)?.Grade is { } set
            ? new ModuleGrade(set.Percent, set.Passed, grade.SubmittedAttempts, Overridden: true)
            : grade;
    }

    /// <summary>All lessons complete and, when the module has an assessment, the assessment passed.</summary>
    public bool IsComplete(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.Lessons.All(IsCompleted) && (module.Assessment is null || GradeOf(module).Passed);
    }

    /// <summary>When the module became complete: the later of its last lesson completion and its passing submission (or grade override).</summary>
    public DateTime? CompletedAt(Module module)
    {
        if (!IsComplete(module))
        {
            return null;
        }
        var times = module.Lessons.Select(l => MarkOf(l)!.CompletedAt!.Value).ToList();
        if (AllowanceOf(module)?.Grade is { } set)
        {
            times.Add(set.At);
        }
        else if (Decide(module).Deciding?.SubmittedAt is { } passed)
        {
            times.Add(passed);
        }
        return times.Count == 0 ? null : times.Max();
    }

    /// <summary>
    /// Every module that is not optional is complete. A course made only of optional modules needs all of them: it is
    /// never complete by default, since a certificate hangs on this answer. A course without modules is never complete.
    /// </summary>
    public bool IsComplete(Course course)
    {
        var required = Required(course);
        return required.Count > 0 && required.All(IsComplete);
    }

    public DateTime? CompletedAt(Course course) => IsComplete(course) ? Required(course).Max(CompletedAt) : null;

    private static List<Module> Required(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var required = course.Modules.Where(m => !m.Optional).ToList();
        return required.Count > 0 ? required : [.. course.Modules];
    }

    /// <summary>Null when the module is open; otherwise the prerequisites still to complete, in the order written.</summary>
    public ModuleLock? LockOf(Course course, Module module)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(module);
        var missing = module.Prerequisites.Select(course.FindModule).OfType<Module>().Where(m => !IsComplete(m)).ToList();
        return missing.Count == 0 ? null : new ModuleLock(missing);
    }

    public bool HasStarted(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return _lessons.Keys.Any(k => k.Course == course.Slug) || _attempts.Keys.Any(k => k.Course == course.Slug);
    }

    public LessonCount Count(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new(module.Lessons.Count(IsCompleted), module.Lessons.Count);
    }

    public LessonCount Count(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var all = course.AllLessons.ToList();
        return new(all.Count(IsCompleted), all.Count);
    }

    /// <summary>
    /// Where to pick up: the most recently opened lesson not yet completed that is open; otherwise the first open,
    /// incomplete lesson of the most recently used course. Null when there is nothing left to read (or nothing started).
    /// </summary>
    public Lesson? ResumePoint(IEnumerable<Course> courses)
    {
        ArgumentNullException.ThrowIfNull(courses);
        var byCourse = courses.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var recent = _lessons.Values.OrderByDescending(r => r.LastOpenedAt).ToList();
        bool Open(Course course, Lesson lesson) => LockOf(course, course.FindModule(lesson.ModuleSlug)!) is null;

        foreach (var mark in recent.Where(r => r.CompletedAt is null))
        {
            if (byCourse.GetValueOrDefault(mark.Course) is { } course
                && course.FindModule(mark.Module)?.FindLesson(mark.Lesson) is { } lesson && Open(course, lesson))
            {
                return lesson;
            }
        }
        foreach (var course in recent.Select(r => byCourse.GetValueOrDefault(r.Course)).OfType<Course>().Distinct())
        {
            if (course.AllLessons.FirstOrDefault(l => !IsCompleted(l) && Open(course, l)) is { } next)
            {
                return next;
            }
        }
        return null;
    }

    /// <summary>
    /// The first open module of <paramref name="course"/>, in course order, whose lessons are all complete and whose
    /// assessment is not passed yet: the step that is due when reading is done there. Null when there is none.
    /// </summary>
    public Module? AssessmentDue(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return course.Modules.FirstOrDefault(m =>
            m.Assessment is not null && m.Lessons.All(IsCompleted) && !GradeOf(m).Passed && LockOf(course, m) is null);
    }

    /// <summary>
    /// The grade from submitted attempts, and the attempt that decided it. Highest, last and first take the chosen
    /// attempt's own verdict (under the pass mark it was taken with; ties for highest go to the earlier attempt); average
    /// compares the mean with the newest submitted attempt's pass mark, and that attempt decided it.
    /// </summary>
    private (ModuleGrade Grade, AttemptMark? Deciding) Decide(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var submitted = AttemptsAt(module).Where(a => a.State == AttemptState.Submitted && a.Percent is not null).ToArray();
        if (module.Assessment is null || submitted.Length == 0)
        {
            return (ModuleGrade.None, null);
        }
        if (module.Assessment.Grading == GradingMethod.Average)
        {
            var average = Math.Round(submitted.Average(a => a.Percent!.Value), 2);
            return (new ModuleGrade(average, AttemptRules.Passes(average, submitted[^1].PassMark), submitted.Length), submitted[^1]);
        }
        var chosen = module.Assessment.Grading switch
        {
            GradingMethod.Last => submitted[^1],
            GradingMethod.First => submitted[0],
            _ => submitted.MaxBy(a => a.Percent)!,
        };
        return (new ModuleGrade(chosen.Percent, chosen.Passed == true, submitted.Length), chosen);
    }
}
