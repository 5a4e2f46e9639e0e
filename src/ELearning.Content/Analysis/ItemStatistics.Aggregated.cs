namespace ELearning.Content.Analysis;

/// <summary>How many attempts had test score <see cref="Total"/> out of <see cref="MaxScore"/>.</summary>
public sealed record TotalCount(double Total, decimal MaxScore, int Count);

/// <summary>How many attempts scored <see cref="Score"/> on an item while their whole test scored <see cref="Total"/>.</summary>
public sealed record ItemScoreCount(string ItemId, double Score, double Total, int Count);

/// <summary>How many attempts picked exactly the options <see cref="Chosen"/> on an item (one distinct response).</summary>
public sealed record ResponseCount(string ItemId, IReadOnlyList<string> Chosen, int Count);

/// <summary>
/// The same statistics from counts a database can compute with GROUP BY, so the caller never holds one row per attempt
/// and question: per attempt total and maximum, per item the joint distribution of (item score, test score), and per
/// item the distinct responses. Every formula is the one of <see cref="Analyse(IReadOnlyList{AnalysedItem}, IReadOnlyList{ScoredAttempt})"/>,
/// evaluated over the distinct values weighted by their counts (two passes: means, then deviations); the sorted pairing of
/// discriminative efficiency walks the two marginal distributions in ascending order. Results equal the row-by-row
/// computation up to floating-point rounding.
/// </summary>
public static partial class ItemStatistics
{
    public static ItemAnalysis Analyse(
        IReadOnlyList<AnalysedItem> items, IReadOnlyList<TotalCount> totals, IReadOnlyList<ItemScoreCount> scores, IReadOnlyList<ResponseCount> responses)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(responses);
        var byItem = scores.ToLookup(s => s.ItemId, StringComparer.Ordinal);
        var picksByItem = responses.ToLookup(r => r.ItemId, StringComparer.Ordinal);
        var variances = new Dictionary<string, (int N, double Variance)>(StringComparer.Ordinal);
        var results = new List<ItemResult>(items.Count);
        foreach (var item in items)
        {
            var cells = byItem[item.Id].Select(c => (X: c.Score, R: c.Total - c.Score, c.Count)).ToList();
            var (result, variance) = AnalyseItem(item, cells, picksByItem[item.Id]);
            variances[item.Id] = (result.Attempts, variance);
            results.Add(result);
        }
        return new ItemAnalysis(Test(items, totals, variances), results);
    }

    private static (ItemResult Result, double Variance) AnalyseItem(
        AnalysedItem item, List<(double X, double R, int Count)> cells, IEnumerable<ResponseCount> responses)
    {
        var n = cells.Sum(c => c.Count);
        double? facility = null;
        double? sd = null;
        double? discrimination = null;
        double? efficiency = null;
        var variance = 0.0;
        if (n > 0)
        {
            var meanX = cells.Sum(c => c.Count * c.X) / n;
            var meanR = cells.Sum(c => c.Count * c.R) / n;
            facility = item.MaxScore <= 0 ? null : meanX / (double)item.MaxScore;
            if (n >= 2)
            {
                variance = cells.Sum(c => c.Count * (c.X - meanX) * (c.X - meanX)) / (n - 1);
                var varianceR = cells.Sum(c => c.Count * (c.R - meanR) * (c.R - meanR)) / (n - 1);
                var covariance = cells.Sum(c => c.Count * (c.X - meanX) * (c.R - meanR)) / (n - 1);
                sd = Math.Sqrt(variance);
                var spread = variance * varianceR;
                discrimination = spread > 0 ? covariance / Math.Sqrt(spread) : null;
                var best = SortedCovariance(cells, meanX, meanR) / (n - 1);
                efficiency = best > 0 ? covariance / best : null;
            }
        }
        var picks = item.Options.ToDictionary(o => o.Id, _ => 0, StringComparer.Ordinal);
        var answered = 0;
        foreach (var response in responses)
        {
            if (response.Chosen.Count > 0)
            {
                answered += response.Count;
            }
            foreach (var id in response.Chosen)
            {
                if (picks.TryGetValue(id, out var count))
                {
                    picks[id] = count + response.Count;
                }
            }
        }
        var options = item.Options.Select(o => new OptionCount(o.Id, o.IsCorrect, picks[o.Id], n == 0 ? 0 : (double)picks[o.Id] / n)).ToList();
        return (new ItemResult(item.Id, n, facility, sd, discrimination, efficiency, options, Warnings(discrimination, options, answered)), variance);
    }

    /// <summary>Σ (x − x̄)(r − r̄) over the k-th smallest x paired with the k-th smallest r, from the two distributions.</summary>
    private static double SortedCovariance(List<(double X, double R, int Count)> cells, double meanX, double meanR)
    {
        var xs = cells.GroupBy(c => c.X).Select(g => (Value: g.Key, Count: g.Sum(c => c.Count))).OrderBy(v => v.Value).ToList();
        var rs = cells.GroupBy(c => c.R).Select(g => (Value: g.Key, Count: g.Sum(c => c.Count))).OrderBy(v => v.Value).ToList();
        var (i, j, leftX, leftR, sum) = (0, 0, xs[0].Count, rs[0].Count, 0.0);
        while (i < xs.Count && j < rs.Count)
        {
            var pairs = Math.Min(leftX, leftR);
            sum += pairs * (xs[i].Value - meanX) * (rs[j].Value - meanR);
            leftX -= pairs;
            leftR -= pairs;
            if (leftX == 0 && ++i < xs.Count)
            {
                leftX = xs[i].Count;
            }
            if (leftR == 0 && ++j < rs.Count)
            {
                leftR = rs[j].Count;
            }
        }
        return sum;
    }

    private static TestResult Test(IReadOnlyList<AnalysedItem> items, IReadOnlyList<TotalCount> totals, Dictionary<string, (int N, double Variance)> variances)
    {
        var n = totals.Sum(t => t.Count);
        if (n == 0)
        {
            return new TestResult(0, null, null, null, null);
        }
        var percents = totals.Select(t => (Percent: t.MaxScore > 0 ? 100 * t.Total / (double)t.MaxScore : 0, t.Count)).OrderBy(p => p.Percent).ToList();
        var mean = percents.Sum(p => p.Count * p.Percent) / n;
        double? sd = n < 2 ? null : Math.Sqrt(percents.Sum(p => p.Count * (p.Percent - mean) * (p.Percent - mean)) / (n - 1));
        var median = n % 2 == 1 ? Nth(percents, n / 2) : (Nth(percents, (n / 2) - 1) + Nth(percents, n / 2)) / 2;

        double? alpha = null;
        var p = items.Count;
        if (n >= 2 && p >= 2 && items.All(i => variances[i.Id].N == n))
        {
            var meanT = totals.Sum(t => t.Count * t.Total) / n;
            var total = totals.Sum(t => t.Count * (t.Total - meanT) * (t.Total - meanT)) / (n - 1);
            alpha = total <= 0 ? null : (double)p / (p - 1) * (1 - (items.Sum(i => variances[i.Id].Variance) / total));
        }
        return new TestResult(n, mean, median, sd, alpha);
    }

    /// <summary>The 0-based <paramref name="index"/>-th value of a sorted distribution.</summary>
    private static double Nth(List<(double Percent, int Count)> sorted, int index)
    {
        foreach (var (percent, count) in sorted)
        {
            if (index < count)
            {
                return percent;
            }
            index -= count;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
