using AgencyWorkroom.Benchmarks.Harness;

namespace AgencyWorkroom.Tests.Benchmarks;

public sealed class RecallTests
{
    [Fact]
    public void AtK_SameSetInAnotherOrder_IsOne()
    {
        Assert.Equal(1.0, Recall.AtK([3, 1, 2], [1, 2, 3], k: 3));
    }

    [Fact]
    public void AtK_HalfOfTheExactAnswerFound_IsHalf()
    {
        Assert.Equal(0.5, Recall.AtK([1, 2, 9, 8], [1, 2, 3, 4], k: 4));
    }

    [Fact]
    public void AtK_OnlyTheTopKOfEachSideCount()
    {
        // The approximate search found 3 and 4 only past its top 2: they do not count.
        Assert.Equal(0.0, Recall.AtK([8, 9, 3, 4], [3, 4, 5], k: 2));
    }

    [Fact]
    public void AtK_ExactAnswerShorterThanK_IsTheShareOfWhatItHas()
    {
        Assert.Equal(1.0, Recall.AtK([7, 5], [5, 7], k: 10));
        Assert.Equal(0.5, Recall.AtK([5], [5, 7], k: 10));
    }

    [Fact]
    public void AtK_NothingToFind_IsOne() => Assert.Equal(1.0, Recall.AtK(Array.Empty<int>(), Array.Empty<int>(), k: 10));

    [Fact]
    public void AtK_ApproximateRepeatsARow_CountsItOnce()
    {
        Assert.Equal(0.5, Recall.AtK([1, 1], [1, 2], k: 2));
    }

    [Fact]
    public void AtK_KBelowOne_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Recall.AtK([1], [1], k: 0));

    [Theory]
    [InlineData(10, 25, true)]
    [InlineData(9, 25, false)]
    [InlineData(4, 4, true)]
    [InlineData(3, 4, false)]
    [InlineData(0, 0, true)]
    public void ReturnedFull_IsKRowsOrAllTheExactScanHas(int returned, int exact, bool full)
    {
        Assert.Equal(full, Recall.ReturnedFull(Enumerable.Range(0, returned).ToList(), Enumerable.Range(0, exact).ToList(), k: 10));
    }
}
