namespace AgencyWorkroom.Benchmarks.Harness;

/// <summary>p50, p95 and the rest of a set of timings, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double Min, double Max, double Mean);

/// <summary>Percentiles by linear interpolation between closest ranks (numpy's default, Excel's PERCENTILE.INC).</summary>
public static class Percentiles
{
    /// <param name="samples">Any order; not changed.</param>
    /// <param name="percentile">0 to 100.</param>
    public static double Of(IReadOnlyCollection<double> samples, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples to take a percentile of.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var rank = percentile / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = (int)Math.Ceiling(rank);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    public static LatencySummary Summarize(IReadOnlyCollection<double> samples) =>
        new(samples.Count, Of(samples, 50), Of(samples, 95), samples.Min(), samples.Max(), samples.Average());
}
