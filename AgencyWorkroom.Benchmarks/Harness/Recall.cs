namespace AgencyWorkroom.Benchmarks.Harness;

/// <summary>How much of the exact answer an approximate (index) search found.</summary>
public static class Recall
{
    /// <summary>
    /// The share of the exact top <paramref name="k"/> found in the approximate top <paramref name="k"/>.
    /// When the exact answer has fewer than k rows, the share of those; an empty exact answer is
    /// fully recalled (there was nothing to find).
    /// </summary>
    public static double AtK<T>(IEnumerable<T> approximate, IEnumerable<T> exact, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var truth = exact.Take(k).ToHashSet();
        if (truth.Count == 0)
        {
            return 1.0;
        }

        return approximate.Take(k).Distinct().Count(truth.Contains) / (double)truth.Count;
    }

    /// <summary>Whether the approximate search returned as many rows as it could: k, or all the exact search has.</summary>
    public static bool ReturnedFull<T>(IReadOnlyCollection<T> approximate, IReadOnlyCollection<T> exact, int k) =>
        approximate.Count >= Math.Min(k, exact.Count);
}
