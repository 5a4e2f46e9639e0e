using ELearning.Content.Analysis;

namespace ELearning.Content.Tests;

/// <summary>
/// Moodle's quiz statistics against a fixture computed by hand. Five attempts, three one-point choice items:
/// <code>
///        q1 q2 q3 | T   picks q1 (key b)  q3 (key a)
///   s1    1  1  0 | 2          b           c
///   s2    1  1  1 | 3          b           a
///   s3    0  1  0 | 1          a           c
///   s4    0  0  1 | 1          c           a
///   s5    1  1  1 | 3          b           a
/// </code>
/// Test: T = 2,3,1,1,3; mean 2; V(T) = (0+1+1+1+1)/4 = 1; SD 1; median 2; in percent of 3: 66.67, 66.67, 33.33.
/// Variances (S − 1 = 4): V(q1) = (3·0.4² + 2·0.6²)/4 = 1.2/4 = 0.3; V(q2) = (4·0.2² + 0.8²)/4 = 0.8/4 = 0.2; V(q3) = 0.3.
/// α = 3/2 · (1 − (0.3 + 0.2 + 0.3)/1) = 1.5 · 0.2 = 0.3.
/// q1: F = 3/5 = 0.6. Rest X1 = T − q1 = 1,2,1,1,2 (mean 1.4, V = (3·0.4² + 2·0.6²)/4 = 0.3).
///   C(q1,X1) = (0.4·−0.4 + 0.4·0.6 + −0.6·−0.4 + −0.6·−0.4 + 0.4·0.6)/4 = (−0.16+0.24+0.24+0.24+0.24)/4 = 0.8/4 = 0.2;
///   D = 0.2/√(0.3·0.3) = 2/3. Sorted q1 0,0,1,1,1 with sorted X1 1,1,1,2,2 gives the same pairs: C_max = 0.2, DE = 1.
/// q2: F = 0.8. X2 = 1,2,0,1,2 (mean 1.2, V = (0.04+0.64+1.44+0.04+0.64)/4 = 0.7).
///   C = (0.2·−0.2 + 0.2·0.8 + 0.2·−1.2 + −0.8·−0.2 + 0.2·0.8)/4 = (−0.04+0.16−0.24+0.16+0.16)/4 = 0.05;
///   D = 0.05/√(0.2·0.7) = 0.05/√0.14 = 0.133631. Sorted: q2 0,1,1,1,1 with X2 0,1,1,2,2:
///   C_max = (−0.8·−1.2 + 0.2·−0.2 + 0.2·−0.2 + 0.2·0.8 + 0.2·0.8)/4 = (0.96−0.04−0.04+0.16+0.16)/4 = 0.3; DE = 1/6.
/// q3: F = 0.6. X3 = 2,2,1,0,2 (mean 1.4, V = (0.36+0.36+0.16+1.96+0.36)/4 = 0.8).
///   C = (−0.4·0.6 + 0.6·0.6 + −0.4·−0.4 + 0.6·−1.4 + 0.6·0.6)/4 = (−0.24+0.36+0.16−0.84+0.36)/4 = −0.05;
///   D = −0.05/√(0.3·0.8) = −0.102062. Sorted: q3 0,0,1,1,1 with X3 0,1,2,2,2:
///   C_max = (−0.6·−1.4 + −0.6·−0.4 + 0.4·0.6·3)/4 = (0.84+0.24+0.72)/4 = 0.45; DE = −0.05/0.45 = −1/9.
/// </summary>
public sealed class ItemStatisticsTests
{
    private const double Precision = 1e-6;

    private static readonly AnalysedItem[] Items =
    [
        new("q1", 1, [new("a", false), new("b", true), new("c", false)]),
        new("q2", 1, []),
        new("q3", 1, [new("a", true), new("b", false), new("c", false)]),
    ];

    private static ScoredAttempt Attempt(int q1, string pick1, int q2, int q3, string pick3) =>
        new(3, [new("q1", q1, [pick1]), new("q2", q2, []), new("q3", q3, [pick3])]);

    private static readonly ScoredAttempt[] Fixture =
    [
        Attempt(1, "b", 1, 0, "c"),
        Attempt(1, "b", 1, 1, "a"),
        Attempt(0, "a", 1, 0, "c"),
        Attempt(0, "c", 0, 1, "a"),
        Attempt(1, "b", 1, 1, "a"),
    ];

    [Fact]
    public void TheTestStatisticsMatchTheHandComputation()
    {
        var test = ItemStatistics.Analyse(Items, Fixture).Test;

        Assert.Equal(5, test.Attempts);
        Assert.Equal(200.0 / 3, test.Mean!.Value, Precision);
        Assert.Equal(200.0 / 3, test.Median!.Value, Precision);
        Assert.Equal(100.0 / 3, test.StandardDeviation!.Value, Precision);
        Assert.Equal(0.3, test.Alpha!.Value, Precision);
    }

    [Fact]
    public void FacilityDiscriminationAndEfficiencyMatchTheHandComputation()
    {
        var items = ItemStatistics.Analyse(Items, Fixture).Items.ToDictionary(i => i.Id);

        Assert.Equal(0.6, items["q1"].Facility!.Value, Precision);
        Assert.Equal(2.0 / 3, items["q1"].Discrimination!.Value, Precision);
        Assert.Equal(1.0, items["q1"].DiscriminativeEfficiency!.Value, Precision);
        Assert.Equal(Math.Sqrt(0.3), items["q1"].StandardDeviation!.Value, Precision);

        Assert.Equal(0.8, items["q2"].Facility!.Value, Precision);
        Assert.Equal(0.05 / Math.Sqrt(0.14), items["q2"].Discrimination!.Value, Precision);
        Assert.Equal(1.0 / 6, items["q2"].DiscriminativeEfficiency!.Value, Precision);

        Assert.Equal(0.6, items["q3"].Facility!.Value, Precision);
        Assert.Equal(-0.05 / Math.Sqrt(0.24), items["q3"].Discrimination!.Value, Precision);
        Assert.Equal(-1.0 / 9, items["q3"].DiscriminativeEfficiency!.Value, Precision);
    }

    [Fact]
    public void OptionsAreCountedAndANegativelyDiscriminatingItemIsFlagged()
    {
        var items = ItemStatistics.Analyse(Items, Fixture).Items.ToDictionary(i => i.Id);

        Assert.Equal([1, 3, 1], items["q1"].Options.Select(o => o.Chosen));
        Assert.Equal(0.6, items["q1"].Options[1].Share, Precision);
        Assert.Empty(items["q1"].Warnings);
        Assert.Equal([ItemWarning.NegativeDiscrimination], items["q3"].Warnings);
    }

    [Fact]
    public void AKeyNobodyPicksAndADistractorMostPickAreFlagged()
    {
        AnalysedItem[] items = [new("q", 1, [new("a", true), new("b", false), new("c", false)]), new("r", 1, [])];
        ScoredAttempt[] attempts =
        [
            new(2, [new("q", 0, ["b"]), new("r", 1, [])]),
            new(2, [new("q", 0, ["b"]), new("r", 0, [])]),
            new(2, [new("q", 0, ["c"]), new("r", 1, [])]),
        ];

        var q = ItemStatistics.Analyse(items, attempts).Items[0];

        Assert.Contains(ItemWarning.KeyNeverChosen, q.Warnings);
        Assert.Contains(ItemWarning.DistractorMostChosen, q.Warnings);
        // Nobody scored: no spread, so no correlation rather than a division by zero.
        Assert.Null(q.Discrimination);
    }

    [Fact]
    public void AlphaIsUndefinedWhenAttemptsDrewDifferentQuestions()
    {
        AnalysedItem[] items = [new("q", 1, []), new("r", 1, []), new("s", 1, [])];
        ScoredAttempt[] attempts =
        [
            new(2, [new("q", 1, []), new("r", 1, [])]),
            new(2, [new("q", 0, []), new("s", 1, [])]),
            new(2, [new("r", 0, []), new("s", 0, [])]),
        ];

        var analysis = ItemStatistics.Analyse(items, attempts);

        Assert.Null(analysis.Test.Alpha);
        Assert.All(analysis.Items, i => Assert.Equal(2, i.Attempts));
    }

    [Fact]
    public void NoAttemptsGiveEmptyStatisticsRatherThanErrors()
    {
        var analysis = ItemStatistics.Analyse(Items, []);

        Assert.Equal(0, analysis.Test.Attempts);
        Assert.Null(analysis.Test.Mean);
        Assert.All(analysis.Items, i => Assert.Null(i.Facility));
    }
}
