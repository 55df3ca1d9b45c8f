namespace AgencyWorkroom.Data.Features.Common;

public static class Sums
{
    /// <summary>
    /// Adds what is there, as SQL's SUM does: null when every value is null, so money the view
    /// withheld from a role stays withheld (shown as "—") instead of turning into 0.
    /// </summary>
    public static decimal? SumOrNull(this IEnumerable<decimal?> values) =>
        values.Aggregate((decimal?)null, (total, value) => value is { } v ? (total ?? 0) + v : total);
}
