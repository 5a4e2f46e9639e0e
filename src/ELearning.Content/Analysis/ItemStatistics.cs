namespace ELearning.Content.Analysis;

/// <summary>An item (question) of an assessment as the analysis needs it: its points and, for choice questions, its options.</summary>
public sealed record AnalysedItem(string Id, decimal MaxScore, IReadOnlyList<AnalysedOption> Options);

/// <summary>An option of a choice question and whether it is part of the key.</summary>
public sealed record AnalysedOption(string Id, bool IsCorrect);

/// <summary>One submitted attempt: the score of each item it drew (unanswered counts as 0) and the options picked.</summary>
public sealed record ScoredAttempt(decimal MaxScore, IReadOnlyList<ItemScore> Items);

/// <summary>An item's score in one attempt; <see cref="Chosen"/> lists the option ids picked (empty for other kinds or no answer).</summary>
public sealed record ItemScore(string ItemId, decimal Score, IReadOnlyList<string> Chosen);

/// <summary>Why an item looks broken and deserves a second look.</summary>
public enum ItemWarning
{
    /// <summary>Learners who did well on the rest of the test did worse on this item (discrimination index below 0).</summary>
    NegativeDiscrimination,

    /// <summary>No learner picked a correct option.</summary>
    KeyNeverChosen,

    /// <summary>A wrong option was picked by at least half of the learners who answered, more than any correct option.</summary>
    DistractorMostChosen,
}

/// <summary>How often an option was picked, out of the attempts that drew the item.</summary>
public sealed record OptionCount(string Id, bool IsCorrect, int Chosen, double Share);

/// <summary>
/// Moodle's per-question statistics. <see cref="Facility"/> is a fraction (0–1); <see cref="Discrimination"/> and
/// <see cref="DiscriminativeEfficiency"/> are from −1 to 1 (Moodle shows all three as percentages). Null where the
/// formula is undefined (fewer than two attempts, or no spread).
/// </summary>
public sealed record ItemResult(
    string Id,
    int Attempts,
    double? Facility,
    double? StandardDeviation,
    double? Discrimination,
    double? DiscriminativeEfficiency,
    IReadOnlyList<OptionCount> Options,
    IReadOnlyList<ItemWarning> Warnings);

/// <summary>
/// The assessment as a whole. <see cref="Mean"/>, <see cref="Median"/> and <see cref="StandardDeviation"/> are in
/// percent of each attempt's maximum; <see cref="Alpha"/> (Cronbach's α, Moodle's coefficient of internal consistency)
/// is a fraction, null when attempts did not all draw the same questions or there is no spread.
/// </summary>
public sealed record TestResult(int Attempts, double? Mean, double? Median, double? StandardDeviation, double? Alpha);

public sealed record ItemAnalysis(TestResult Test, IReadOnlyList<ItemResult> Items);

/// <summary>
/// Item analysis with the formulas of Moodle's quiz statistics report ("Quiz statistics calculations",
/// https://docs.moodle.org/dev/Quiz_statistics_calculations). With S attempts, x_i(s) the score of item i in attempt s,
/// T(s) = Σ_i x_i(s) the test score and X_i(s) = T(s) − x_i(s) the rest of the test:
/// <list type="bullet">
/// <item>facility index F_i = mean(x_i) / max(x_i) (minimum score 0);</item>
/// <item>variances and covariances with the sample denominator S − 1: V(x) = Σ(x − x̄)² / (S − 1);</item>
/// <item>discrimination index D_i = C(x_i, X_i) / √(V(x_i) · V(X_i)), the correlation with the rest of the test;</item>
/// <item>discriminative efficiency DE_i = C(x_i, X_i) / C_max(x_i, X_i), where C_max is the covariance of x_i and X_i
/// each sorted ascending (the largest covariance those scores could have);</item>
/// <item>coefficient of internal consistency (Cronbach's α) = P / (P − 1) · (1 − Σ_i V(x_i) / V(T)) over the P items.</item>
/// </list>
/// An item drawn by only some attempts (a pool with <c>draw:</c>) is analysed over the attempts that drew it, as Moodle
/// does for random questions; α then needs every attempt to have drawn the same items.
/// </summary>
public static partial class ItemStatistics
{
    /// <summary>A distractor picked by at least this share of those who answered is flagged (if more than any key).</summary>
    public const double DistractorShare = 0.5;

    public static ItemAnalysis Analyse(IReadOnlyList<AnalysedItem> items, IReadOnlyList<ScoredAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(attempts);
        // One pass over the attempts: each item collects its scores, rests of test and picks (10,000s of attempts).
        var totals = new double[attempts.Count];
        var buckets = items.ToDictionary(i => i.Id, i => new Bucket(i), StringComparer.Ordinal);
        for (var s = 0; s < attempts.Count; s++)
        {
            var total = 0.0;
            foreach (var score in attempts[s].Items)
            {
                total += (double)score.Score;
            }
            totals[s] = total;
            foreach (var score in attempts[s].Items)
            {
                if (buckets.TryGetValue(score.ItemId, out var bucket))
                {
                    bucket.Add(score, total);
                }
            }
        }
        var results = items.Select(item => AnalyseItem(buckets[item.Id])).ToList();
        return new ItemAnalysis(Test(items, attempts, totals, buckets), results);
    }

    private sealed class Bucket(AnalysedItem item)
    {
        public AnalysedItem Item { get; } = item;
        public List<double> Scores { get; } = [];
        public List<double> Rest { get; } = [];
        public Dictionary<string, int> Picks { get; } = item.Options.ToDictionary(o => o.Id, _ => 0, StringComparer.Ordinal);
        public int Answered { get; private set; }

        public void Add(ItemScore score, double total)
        {
            var value = (double)score.Score;
            Scores.Add(value);
            Rest.Add(total - value);
            if (score.Chosen.Count > 0)
            {
                Answered++;
            }
            foreach (var id in score.Chosen)
            {
                if (Picks.TryGetValue(id, out var count))
                {
                    Picks[id] = count + 1;
                }
            }
        }
    }

    private static ItemResult AnalyseItem(Bucket bucket)
    {
        var item = bucket.Item;
        var scores = bucket.Scores;
        var rest = bucket.Rest;
        var picks = bucket.Picks;
        var n = scores.Count;
        double? facility = n == 0 || item.MaxScore <= 0 ? null : scores.Average() / (double)item.MaxScore;
        double? sd = n < 2 ? null : Math.Sqrt(Variance(scores));
        double? discrimination = null;
        double? efficiency = null;
        if (n >= 2)
        {
            var covariance = Covariance(scores, rest);
            var spread = Variance(scores) * Variance(rest);
            discrimination = spread > 0 ? covariance / Math.Sqrt(spread) : null;
            var best = Covariance([.. scores.Order()], [.. rest.Order()]);
            efficiency = best > 0 ? covariance / best : null;
        }
        var options = item.Options.Select(o => new OptionCount(o.Id, o.IsCorrect, picks[o.Id], n == 0 ? 0 : (double)picks[o.Id] / n)).ToList();
        return new ItemResult(item.Id, n, facility, sd, discrimination, efficiency, options, Warnings(discrimination, options, bucket.Answered));
    }

    private static List<ItemWarning> Warnings(double? discrimination, List<OptionCount> options, int answered)
    {
        var flags = new List<ItemWarning>();
        // Rounding noise around 0 is not a broken item.
        if (discrimination < -1e-9)
        {
            flags.Add(ItemWarning.NegativeDiscrimination);
        }
        if (answered > 0 && options.Count > 0)
        {
            var keys = options.Where(o => o.IsCorrect).ToList();
            if (keys.Count > 0 && keys.All(k => k.Chosen == 0))
            {
                flags.Add(ItemWarning.KeyNeverChosen);
            }
            var mostPickedKey = keys.Count == 0 ? 0 : keys.Max(k => k.Chosen);
            if (options.Any(o => !o.IsCorrect && o.Chosen > mostPickedKey && o.Chosen >= DistractorShare * answered))
            {
                flags.Add(ItemWarning.DistractorMostChosen);
            }
        }
        return flags;
    }

    private static TestResult Test(IReadOnlyList<AnalysedItem> items, IReadOnlyList<ScoredAttempt> attempts, double[] totals, Dictionary<string, Bucket> buckets)
    {
        var n = attempts.Count;
        if (n == 0)
        {
            return new TestResult(0, null, null, null, null);
        }
        var percents = attempts.Select((a, i) => a.MaxScore > 0 ? 100 * totals[i] / (double)a.MaxScore : 0).ToList();
        var mean = percents.Average();
        var median = Median(percents);
        double? sd = n < 2 ? null : Math.Sqrt(Variance(percents));
        return new TestResult(n, mean, median, sd, Alpha(items, attempts, totals, buckets));
    }

    private static double? Alpha(IReadOnlyList<AnalysedItem> items, IReadOnlyList<ScoredAttempt> attempts, double[] totals, Dictionary<string, Bucket> buckets)
    {
        var p = items.Count;
        // Every attempt must hold every item once: otherwise the items' variances are over different attempts.
        if (attempts.Count < 2 || p < 2 || items.Any(i => buckets[i.Id].Scores.Count != attempts.Count))
        {
            return null;
        }
        var total = Variance(totals);
        return total <= 0 ? null : (double)p / (p - 1) * (1 - (items.Sum(i => Variance(buckets[i.Id].Scores)) / total));
    }

    /// <summary>Middle value, or the mean of the two middle values; null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double Variance(IReadOnlyList<double> values) => Covariance(values, values);

    private static double Covariance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var meanA = a.Average();
        var meanB = b.Average();
        var sum = 0.0;
        for (var i = 0; i < a.Count; i++)
        {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }
        return sum / (a.Count - 1);
    }
}
