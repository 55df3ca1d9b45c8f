using System.Globalization;

namespace AgencyWorkroom.Web.Components.Pages.Analytics;

/// <summary>
/// Readable axes for the analytics charts: y ticks at round steps (1, 2, 2.5 or 5 × a power of
/// ten, at most six of them), money in thousands with its currency, and x labels thinned so that
/// they never run into each other.
/// </summary>
public static class ChartAxis
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A round step and the top of the axis (a whole number of steps at or above <paramref name="max"/>).</summary>
    public static (double Step, double Top) Nice(double max, int ticks = 5)
    {
        if (max <= 0 || double.IsNaN(max))
        {
            return (1, 1);
        }

        var rough = max / ticks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(s => s >= rough);
        return (step, Math.Ceiling(max / step) * step);
    }

    public static string Money(double value, string currency) =>
        Math.Abs(value) >= 1_000_000 ? $"{currency} {(value / 1_000_000).ToString("0.#", Culture)}M"
        : Math.Abs(value) >= 1_000 ? $"{currency} {(value / 1_000).ToString("0.#", Culture)}k"
        : $"{currency} {value.ToString("0", Culture)}";

    public static string Percent(double fraction) => (fraction * 100).ToString("0", Culture) + " %";

    public static string Hours(double value) => value.ToString("#,0", Culture) + " h";

    /// <summary>Period labels: "Mar 2025" for months, "3 Mar" for weeks; every n-th only when more than twelve.</summary>
    public static string[] PeriodLabels(IReadOnlyList<DateOnly> periods, bool months)
    {
        var every = (int)Math.Ceiling(periods.Count / 12.0);
        return periods.Select((p, i) => i % Math.Max(1, every) != 0 ? ""
            : p.ToString(months ? "MMM yyyy" : "d MMM", Culture)).ToArray();
    }

    /// <summary>A name short enough to sit under a bar.</summary>
    public static string Short(string name, int length = 14) => name.Length <= length ? name : name[..(length - 1)] + "…";
}
