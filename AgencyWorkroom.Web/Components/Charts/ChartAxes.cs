using System.Globalization;
using MudBlazor;
using MudBlazor.Charts;

namespace AgencyWorkroom.Web.Components.Charts;

/// <summary>A value axis with round ticks: from <see cref="Min"/> to <see cref="Max"/> in steps of <see cref="Step"/> (1, 2 or 5 times a power of ten).</summary>
public sealed record AxisScale(double Min, double Max, double Step)
{
    public IReadOnlyList<double> Ticks =>
        [.. Enumerable.Range(0, (int)Math.Round((Max - Min) / Step) + 1).Select(i => Min + i * Step)];
}

/// <summary>
/// The one place that makes a MudBlazor chart readable (issue 15): y ticks at round values (steps of
/// 1, 2 or 5 times a power of ten, zero on the axis, at most <see cref="MaxTicks"/> lines), money
/// axes in the currency and hours axes in hours, and x labels by week or month, thinned so that they
/// never run into each other.
/// </summary>
/// <remarks>
/// MudBlazor 9 draws grid lines every <c>YAxisTicks</c> units (an integer, 20 by default) and,
/// past <c>MaxNumYAxisTicks</c>, doubles the step until they fit: 20 × 2^12 = 81,920 is how the burn
/// chart got its ticks. Here the step is chosen first and MudBlazor is told to keep it. Every x
/// label is drawn at its point's position whatever its width, so labels are blanked rather than
/// shrunk: about 8 fit a chart's 700-unit width.
/// </remarks>
public static class ChartAxes
{
    public const int MaxTicks = 6;
    public const int MaxXLabels = 8;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly double[] Mantissas = [1, 2, 5];

    /// <summary>
    /// The smallest round step whose ticks cover the values and zero in at most
    /// <paramref name="maxTicks"/> lines. Whole numbers only (MudBlazor's step is an integer).
    /// </summary>
    public static AxisScale Scale(IEnumerable<double> values, int maxTicks = MaxTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        var finite = values.Where(double.IsFinite).ToList();
        var low = Math.Min(0, finite.Count == 0 ? 0 : finite.Min());
        var high = Math.Max(0, finite.Count == 0 ? 0 : finite.Max());
        if (high - low <= 0)
        {
            high = low + 1;
        }

        for (var exponent = 0; ; exponent++)
        {
            foreach (var mantissa in Mantissas)
            {
                var step = mantissa * Math.Pow(10, exponent);
                var min = Math.Floor(low / step + 1e-9) * step;
                var max = Math.Ceiling(high / step - 1e-9) * step;
                if (Math.Round((max - min) / step) + 1 <= maxTicks)
                {
                    return new AxisScale(min, max, step);
                }
            }
        }
    }

    /// <summary>A money tick: "USD 80k", "USD 1.5M", "USD 500", "−USD 20k".</summary>
    public static string Money(double value, string? currency) =>
        (value < 0 ? "−" : "") + (string.IsNullOrEmpty(currency) ? "" : currency + " ") + Compact(Math.Abs(value));

    /// <summary>An hours tick: "1,200 h", "15k h".</summary>
    public static string Hours(double value) => (value < 0 ? "−" : "") + Compact(Math.Abs(value), thousandsFrom: 10_000) + " h";

    private static string Compact(double value, double thousandsFrom = 1_000) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", Culture) + "M",
        _ when value >= thousandsFrom => (value / 1_000).ToString("0.##", Culture) + "k",
        _ => value.ToString("#,0.##", Culture),
    };

    /// <summary>Every k-th label kept (the first always), the others blank, so that at most <paramref name="maxLabels"/> show.</summary>
    public static string[] Thin(IReadOnlyList<string> labels, int maxLabels = MaxXLabels)
    {
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / (double)maxLabels));
        return [.. labels.Select((label, i) => i % every == 0 ? label : "")];
    }

    /// <summary>
    /// Labels for weekly points: the week's Monday ("3 Nov") while the span is short, otherwise the
    /// month ("Nov 2026" at the first week of each month, thinned by whole months) so a long
    /// campaign reads by month; at most <paramref name="maxLabels"/> either way.
    /// </summary>
    public static string[] Weeks(IReadOnlyList<DateOnly> weeks, int maxLabels = MaxXLabels)
    {
        if (weeks.Count <= 2 * maxLabels)
        {
            return Thin([.. weeks.Select(w => w.ToString("d MMM", Culture))], maxLabels);
        }

        var firsts = weeks.Select((w, i) => (w, i)).Where(x => x.i == 0 || x.w.Month != weeks[x.i - 1].Month).ToList();
        var every = Math.Max(1, (int)Math.Ceiling(firsts.Count / (double)maxLabels));
        var labels = new string[weeks.Count];
        Array.Fill(labels, "");
        for (var k = 0; k < firsts.Count; k += every)
        {
            labels[firsts[k].i] = firsts[k].w.ToString("MMM yyyy", Culture);
        }

        return labels;
    }

    /// <summary>Labels for monthly points ("Jan 2027"), thinned to at most <paramref name="maxLabels"/>.</summary>
    public static string[] Months(IReadOnlyList<DateOnly> months, int maxLabels = 12) =>
        Thin([.. months.Select(m => m.ToString(maxLabels < months.Count ? "MMM yy" : "MMM yyyy", Culture))], maxLabels);

    /// <summary>Options for a line chart of these series: round ticks from zero, formatted by <paramref name="format"/>.</summary>
    public static LineChartOptions Line(IEnumerable<ChartSeries<double>> series, Func<double, string> format) =>
        Apply(new LineChartOptions { YAxisRequireZeroPoint = true }, Scale(series.SelectMany(Values)), format);

    /// <summary>Options for stacked bars: the scale covers each column's total.</summary>
    public static StackedBarChartOptions StackedBar(IReadOnlyList<ChartSeries<double>> series, Func<double, string> format)
    {
        var columns = series.Count == 0 ? 0 : series.Max(s => s.Data.Count);
        var totals = Enumerable.Range(0, columns).Select(i => series.Sum(s => i < s.Data.Count ? Math.Max(0, s.Data[i].Y) : 0));
        return Apply(new StackedBarChartOptions(), Scale(totals), format);
    }

    /// <summary>Options for side-by-side bars.</summary>
    public static BarChartOptions Bar(IEnumerable<ChartSeries<double>> series, Func<double, string> format) =>
        Apply(new BarChartOptions(), Scale(series.SelectMany(Values)), format);

    private static IEnumerable<double> Values(ChartSeries<double> series) =>
        series.Data.Points.Where(p => p.HasValue).Select(p => p.Y);

    private static T Apply<T>(T options, AxisScale scale, Func<double, string> format)
        where T : DefaultAxisChartOptions
    {
        options.YAxisTicks = (int)scale.Step;
        // Enough lines that MudBlazor never doubles the step; the top tick is the scale's.
        options.MaxNumYAxisTicks = scale.Ticks.Count + 1;
        options.YAxisSuggestedMax = scale.Max;
        options.YAxisToStringFunc = format;
        return options;
    }
}
