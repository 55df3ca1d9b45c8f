namespace AgencyWorkroom.Data.Features.Rates;

/// <summary>An hour's margin at a bill and a cost rate: what is left, as a share of the bill (margin) and of the cost (markup).</summary>
public sealed record MarginFigures(decimal BillRate, decimal CostRate, decimal Margin, decimal? MarginPct, decimal? MarkupPct);

/// <summary>
/// Margin and markup, both ways. Margin is (bill − cost) / bill, markup (bill − cost) / cost:
/// a 50 % markup is a 33.3 % margin. Percentages are fractions (0.25 = 25 %), rounded to four
/// places as the views round them; rates to cents.
/// </summary>
public static class MarginCalculator
{
    public static MarginFigures Of(decimal billRate, decimal costRate)
    {
        var margin = billRate - costRate;
        return new MarginFigures(
            billRate,
            costRate,
            margin,
            billRate > 0 ? Math.Round(margin / billRate, 4) : null,
            costRate > 0 ? Math.Round(margin / costRate, 4) : null);
    }

    /// <summary>The bill rate that leaves <paramref name="targetMargin"/> of it over the cost; none at 100 % or more.</summary>
    public static decimal? RequiredBillRate(decimal costRate, decimal targetMargin) =>
        targetMargin < 1 && costRate >= 0 ? Math.Round(costRate / (1 - targetMargin), 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The bill rate at a markup over the cost.</summary>
    public static decimal BillRateForMarkup(decimal costRate, decimal markup) =>
        Math.Round(costRate * (1 + markup), 2, MidpointRounding.AwayFromZero);

    /// <summary>The markup that a margin is (m / (1 − m)); none at 100 %.</summary>
    public static decimal? MarkupForMargin(decimal margin) => margin < 1 ? Math.Round(margin / (1 - margin), 4) : null;
}
