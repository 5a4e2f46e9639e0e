namespace ELearning.Content.Learners;

/// <summary>
/// What a trainer granted one learner on one module, folded from every grant: extra attempts (added up), extended time
/// (the latest grant: a factor on the time limit and extra minutes, an accessibility accommodation) and a grade override
/// (the latest, or none once withdrawn). The rules read it; they never store it.
/// </summary>
public sealed record ModuleAllowance(string Course, string Module)
{
    /// <summary>Attempts allowed on top of the assessment's <c>max_attempts</c>.</summary>
    public int ExtraAttempts { get; init; }

    /// <summary>The time limit is multiplied by this (1: as written).</summary>
    public decimal TimeFactor { get; init; } = 1;

    /// <summary>Minutes added to the time limit after <see cref="TimeFactor"/>.</summary>
    public int ExtraMinutes { get; init; }

    /// <summary>The module grade a trainer set, replacing the one from attempts; null when none is in force.</summary>
    public GradeOverride? Grade { get; init; }

    public bool ExtendsTime => TimeFactor != 1 || ExtraMinutes != 0;
}

/// <summary>A module grade set by a trainer (<see cref="At"/> counts as the pass time for completion).</summary>
public sealed record GradeOverride(decimal Percent, bool Passed, DateTime At);
