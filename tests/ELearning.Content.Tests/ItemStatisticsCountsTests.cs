using ELearning.Content.Analysis;

namespace ELearning.Content.Tests;

/// <summary>
/// The statistics from GROUP BY counts (what the item-analysis page computes in SQL) against the row-by-row computation,
/// on generated attempts with a pool (items drawn by some attempts only), partial scores, unanswered items, picks of
/// several options and an item the analysis does not know (it still counts in the test score).
/// </summary>
public sealed class ItemStatisticsCountsTests
{
    private const double Precision = 1e-9;

    private static readonly AnalysedItem[] Items =
    [
        new("q1", 1, [new("a", false), new("b", true), new("c", false)]),
        new("q2", 2, []),
        new("q3", 1, [new("a", true), new("b", true), new("c", false), new("d", false)]),
        new("q4", 3, []),
        new("q5", 1, [new("a", true), new("b", false)]),
    ];

    /// <summary>Counts exactly as the SQL groups them, from attempts.</summary>
    internal static (List<TotalCount>, List<ItemScoreCount>, List<ResponseCount>) Count(IReadOnlyList<ScoredAttempt> attempts)
    {
        var totals = attempts.Select(a => (Attempt: a, Total: a.Items.Sum(i => (double)i.Score))).ToList();
        return (
            [.. totals.GroupBy(t => (t.Total, t.Attempt.MaxScore)).Select(g => new TotalCount(g.Key.Total, g.Key.MaxScore, g.Count()))],
            [.. totals.SelectMany(t => t.Attempt.Items.Select(i => (i.ItemId, Score: (double)i.Score, t.Total)))
                .GroupBy(x => x).Select(g => new ItemScoreCount(g.Key.ItemId, g.Key.Score, g.Key.Total, g.Count()))],
            [.. attempts.SelectMany(a => a.Items).Where(i => i.Chosen.Count > 0)
                .GroupBy(i => (i.ItemId, string.Join(',', i.Chosen)))
                .Select(g => new ResponseCount(g.Key.ItemId, g.First().Chosen, g.Count()))]);
    }

    private static List<ScoredAttempt> Generate(int count, bool pool, int seed)
    {
        var random = new Random(seed);
        var attempts = new List<ScoredAttempt>();
        for (var s = 0; s < count; s++)
        {
            var ability = random.NextDouble();
            var drawn = pool ? Items.Where(_ => random.Next(3) > 0).ToList() : [.. Items];
            var scores = drawn.Select(item =>
            {
                if (random.Next(10) == 0)
                {
                    return new ItemScore(item.Id, 0, []);
                }
                var right = random.NextDouble() < ability;
                var score = item.Options.Count > 0 ? (right ? item.MaxScore : 0) : Math.Round(item.MaxScore * (decimal)random.NextDouble() * (right ? 1 : 0.5m), 2);
                string[] chosen = item.Options.Count == 0 ? []
                    : right ? [.. item.Options.Where(o => o.IsCorrect).Select(o => o.Id)]
                    : [item.Options[random.Next(item.Options.Count)].Id];
                return new ItemScore(item.Id, score, chosen);
            }).ToList();
            if (random.Next(7) == 0)
            {
                scores.Add(new ItemScore("retired", 1, ["a"]));
            }
            attempts.Add(new ScoredAttempt(drawn.Sum(i => i.MaxScore) + (scores.Count > drawn.Count ? 1 : 0), scores));
        }
        return attempts;
    }

    internal static void AssertSame(ItemAnalysis expected, ItemAnalysis actual)
    {
        Assert.Equal(expected.Test.Attempts, actual.Test.Attempts);
        Same(expected.Test.Mean, actual.Test.Mean);
        Same(expected.Test.Median, actual.Test.Median);
        Same(expected.Test.StandardDeviation, actual.Test.StandardDeviation);
        Same(expected.Test.Alpha, actual.Test.Alpha);
        Assert.Equal(expected.Items.Count, actual.Items.Count);
        foreach (var (e, a) in expected.Items.Zip(actual.Items))
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Attempts, a.Attempts);
            Same(e.Facility, a.Facility);
            Same(e.StandardDeviation, a.StandardDeviation);
            Same(e.Discrimination, a.Discrimination);
            Same(e.DiscriminativeEfficiency, a.DiscriminativeEfficiency);
            Assert.Equal(e.Options.Select(o => (o.Id, o.IsCorrect, o.Chosen)), a.Options.Select(o => (o.Id, o.IsCorrect, o.Chosen)));
            Assert.Equal(e.Options.Select(o => o.Share), a.Options.Select(o => o.Share));
            Assert.Equal(e.Warnings, a.Warnings);
        }
    }

    private static void Same(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, Precision);
        }
    }

    [Theory]
    [InlineData(400, false, 1)]
    [InlineData(400, true, 2)]
    [InlineData(3, true, 3)]
    [InlineData(2, false, 4)]
    [InlineData(1, false, 5)]
    [InlineData(0, false, 6)]
    public void CountsGiveTheSameStatisticsAsTheAttemptsThemselves(int count, bool pool, int seed)
    {
        var attempts = Generate(count, pool, seed);
        var (totals, scores, responses) = Count(attempts);

        AssertSame(ItemStatistics.Analyse(Items, attempts), ItemStatistics.Analyse(Items, totals, scores, responses));
    }

    [Fact]
    public void AllItemsDrawnByEveryAttemptGiveAlphaFromCountsToo()
    {
        var attempts = Generate(200, pool: false, seed: 7).Select(a => new ScoredAttempt(a.MaxScore, [.. a.Items.Where(i => i.ItemId != "retired")])).ToList();
        var (totals, scores, responses) = Count(attempts);

        var counted = ItemStatistics.Analyse(Items, totals, scores, responses);

        Assert.NotNull(counted.Test.Alpha);
        AssertSame(ItemStatistics.Analyse(Items, attempts), counted);
    }
}
