using AgencyWorkroom.Web.Components.Charts;
using MudBlazor;

namespace AgencyWorkroom.Tests.Components.Charts;

public sealed class ChartAxesTests
{
    public static TheoryData<double[]> Data => new()
    {
        { [0, 81_920] },
        { [12_345.67, 98_765.43] },
        { [3] },
        { [0.4] },
        { [] },
        { [-40_960, 81_920] },
        { [1_234_567, 2_345_678, 15_000_000] },
        { [7.5, 8, 39.5, 40] },
        { [999, 1_001] },
        { [250_000] },
    };

    [Theory]
    [MemberData(nameof(Data))]
    public void Scale_TicksAreRound_CoverTheDataAndZero_AtMostSix(double[] values)
    {
        var scale = ChartAxes.Scale(values);

        // Round: 1, 2 or 5 times a power of ten, and every tick a multiple of it.
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
        Assert.Contains(scale.Step / magnitude, new[] { 1d, 2d, 5d });
        Assert.All(scale.Ticks, t => Assert.Equal(0, Math.IEEERemainder(t, scale.Step), 9));
        // Covers: zero and every value lie within the ticks.
        Assert.True(scale.Min <= Math.Min(0, values.DefaultIfEmpty(0).Min()));
        Assert.True(scale.Max >= Math.Max(0, values.DefaultIfEmpty(0).Max()));
        Assert.Contains(0d, scale.Ticks);
        Assert.InRange(scale.Ticks.Count, 2, ChartAxes.MaxTicks);
        // And no coarser than it needs to be: half the step (or the next smaller round one) would need more lines.
        Assert.True(scale.Ticks.Count >= 3 || scale.Step == 1);
    }

    [Fact]
    public void Scale_TheBurnChartsCase_GivesTwentyThousandsNotPowersOfTwo()
    {
        var scale = ChartAxes.Scale([0, 35_000, 81_000]);

        Assert.Equal(new AxisScale(0, 100_000, 20_000), scale);
        Assert.Equal([0d, 20_000, 40_000, 60_000, 80_000, 100_000], scale.Ticks);
    }

    [Theory]
    [InlineData(80_000, "USD", "USD 80k")]
    [InlineData(1_500_000, "EUR", "EUR 1.5M")]
    [InlineData(500, "USD", "USD 500")]
    [InlineData(0, "USD", "USD 0")]
    [InlineData(-20_000, "GBP", "−GBP 20k")]
    [InlineData(2_500, null, "2.5k")]
    public void Money_IsCompactWithItsCurrency(double value, string? currency, string expected) =>
        Assert.Equal(expected, ChartAxes.Money(value, currency));

    [Theory]
    [InlineData(1_200, "1,200 h")]
    [InlineData(15_000, "15k h")]
    [InlineData(0, "0 h")]
    public void Hours_AreHours(double value, string expected) => Assert.Equal(expected, ChartAxes.Hours(value));

    [Fact]
    public void Weeks_ShortSpan_LabelsMondaysThinnedToEight()
    {
        var weeks = Enumerable.Range(0, 14).Select(i => new DateOnly(2026, 9, 7).AddDays(7 * i)).ToList();

        var labels = ChartAxes.Weeks(weeks);

        Assert.Equal(14, labels.Length);
        Assert.Equal(7, labels.Count(l => l != ""));
        Assert.Equal("7 Sep", labels[0]);
        Assert.Equal("", labels[1]);
        Assert.Equal("21 Sep", labels[2]);
    }

    [Fact]
    public void Weeks_LongSpan_LabelsMonthsAtTheirFirstWeek_NeverMoreThanEight()
    {
        // A year of weeks: 53 points, twelve or thirteen months.
        var weeks = Enumerable.Range(0, 53).Select(i => new DateOnly(2025, 11, 3).AddDays(7 * i)).ToList();

        var labels = ChartAxes.Weeks(weeks);

        var shown = labels.Select((l, i) => (l, i)).Where(x => x.l != "").ToList();
        Assert.InRange(shown.Count, 2, ChartAxes.MaxXLabels);
        Assert.Equal("Nov 2025", labels[0]);
        Assert.All(shown, x => Assert.True(x.i == 0 || weeks[x.i].Month != weeks[x.i - 1].Month, $"{x.l} is not a month's first week"));
        Assert.All(shown, x => Assert.Matches(@"^[A-Z][a-z]{2} \d{4}$", x.l));
    }

    [Fact]
    public void Thin_KeepsTheFirstAndEveryKth()
    {
        Assert.Equal(["a", "", "c", "", "e"], ChartAxes.Thin(["a", "b", "c", "d", "e"], maxLabels: 3));
        Assert.Equal(["a", "b"], ChartAxes.Thin(["a", "b"], maxLabels: 8));
    }

    [Fact]
    public void Months_TwelveFit_MoreAreThinned()
    {
        var year = Enumerable.Range(0, 12).Select(i => new DateOnly(2027, 1, 1).AddMonths(i)).ToList();

        Assert.Equal("Jan 2027", ChartAxes.Months(year)[0]);
        Assert.All(ChartAxes.Months(year), l => Assert.NotEqual("", l));
        Assert.Equal(6, ChartAxes.Months(year, maxLabels: 6).Count(l => l != ""));
    }

    [Fact]
    public void Line_TellsMudBlazorTheStep_SoItNeverDoublesIt()
    {
        var series = new List<ChartSeries<double>> { new() { Name = "Spent", Data = new double[] { 0, 40_000, 81_000 } } };

        var options = ChartAxes.Line(series, v => ChartAxes.Money(v, "USD"));

        Assert.Equal(20_000, options.YAxisTicks);
        Assert.Equal(100_000, options.YAxisSuggestedMax);
        Assert.True(options.MaxNumYAxisTicks > 6);
        Assert.True(options.YAxisRequireZeroPoint);
        Assert.Equal("USD 60k", options.YAxisToStringFunc!(60_000));
    }

    [Fact]
    public void StackedBar_ScalesToTheColumnTotals()
    {
        var series = new List<ChartSeries<double>>
        {
            new() { Name = "Booked", Data = new double[] { 600, 300 } },
            new() { Name = "Free", Data = new double[] { 500, 100 } },
        };

        var options = ChartAxes.StackedBar(series, ChartAxes.Hours);

        // 1,100 h at the top: steps of 200 would need seven lines, so 500 (0, 500, 1,000, 1,500).
        Assert.Equal(500, options.YAxisTicks);
        Assert.Equal(1_500, options.YAxisSuggestedMax);
    }
}
