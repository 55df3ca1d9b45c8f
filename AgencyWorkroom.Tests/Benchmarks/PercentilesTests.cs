using AgencyWorkroom.Benchmarks.Harness;

namespace AgencyWorkroom.Tests.Benchmarks;

public sealed class PercentilesTests
{
    [Fact]
    public void Of_OneSample_IsThatSampleAtEveryPercentile()
    {
        Assert.Equal(7.5, Percentiles.Of([7.5], 0));
        Assert.Equal(7.5, Percentiles.Of([7.5], 50));
        Assert.Equal(7.5, Percentiles.Of([7.5], 100));
    }

    [Fact]
    public void Of_OddCount_MedianIsTheMiddleSampleWhateverTheOrder()
    {
        Assert.Equal(3, Percentiles.Of([5, 1, 3, 4, 2], 50));
    }

    [Fact]
    public void Of_EvenCount_MedianInterpolatesBetweenTheTwoMiddleSamples()
    {
        Assert.Equal(2.5, Percentiles.Of([4, 1, 3, 2], 50));
    }

    [Fact]
    public void Of_OneToTwenty_P95InterpolatesBetweenClosestRanks()
    {
        // Rank 0.95 * 19 = 18.05: between the 19th (19) and 20th (20) value, 5 % of the way.
        var samples = Enumerable.Range(1, 20).Select(i => (double)i).ToList();

        Assert.Equal(19.05, Percentiles.Of(samples, 95), precision: 10);
    }

    [Fact]
    public void Of_EndsAreTheSmallestAndLargestSample()
    {
        double[] samples = [12, 3, 40, 7];

        Assert.Equal(3, Percentiles.Of(samples, 0));
        Assert.Equal(40, Percentiles.Of(samples, 100));
    }

    [Fact]
    public void Of_OneSlowOutlierOfTwenty_MovesP95ButNotTheMedian()
    {
        var samples = Enumerable.Repeat(10.0, 19).Append(1000).ToList();

        Assert.Equal(10, Percentiles.Of(samples, 50));
        Assert.True(Percentiles.Of(samples, 95) > 10);
    }

    [Fact]
    public void Of_DoesNotReorderTheCallersSamples()
    {
        var samples = new List<double> { 3, 1, 2 };

        Percentiles.Of(samples, 50);

        Assert.Equal([3, 1, 2], samples);
    }

    [Fact]
    public void Of_NoSamples_Throws() => Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Of_PercentileOutsideZeroToHundred_Throws(double percentile) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1, 2], percentile));

    [Fact]
    public void Summarize_GivesCountMedianP95MinMaxAndMean()
    {
        var summary = Percentiles.Summarize([4, 1, 3, 2]);

        Assert.Equal(new LatencySummary(4, 2.5, Percentiles.Of([1, 2, 3, 4], 95), 1, 4, 2.5), summary);
        Assert.Equal(3.85, summary.P95, precision: 10);
    }
}
