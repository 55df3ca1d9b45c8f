using AgencyWorkroom.Benchmarks.Database;
using AgencyWorkroom.Benchmarks.Harness;

namespace AgencyWorkroom.Tests.Benchmarks;

/// <summary>The harness's pure parts: targets, the command line, the knowledge copies' noise.</summary>
public sealed class BenchHarnessTests
{
    [Fact]
    public void TargetCheck_AllConditionsHold_Passes()
    {
        var check = new TargetCheck().AtMost("p95", 40, 50, " ms").AtLeast("recall@10", 0.99, 0.98).That(true, "k rows");

        Assert.Equal(Verdict.Pass, check.Verdict);
        Assert.Null(check.Missed);
    }

    [Fact]
    public void TargetCheck_OneConditionFails_MissesAndNamesIt()
    {
        var check = new TargetCheck().AtMost("p95", 51, 50, " ms").AtMost("ratio", 1.1, 1.2);

        Assert.Equal(Verdict.Miss, check.Verdict);
        Assert.Equal("missed: p95 ≤ 50 ms", check.Missed);
    }

    [Fact]
    public void TargetCheck_NoValue_Misses() => Assert.Equal(Verdict.Miss, new TargetCheck().AtMost("p95", null, 50).Verdict);

    [Fact]
    public void Settings_Parse_ReadsScaleOnlyAndIterations()
    {
        var settings = BenchSettings.Parse(["--scale", "2", "--only", "5, search-filtered", "--iterations", "7"]);

        Assert.Equal(2, settings.Scale);
        Assert.Equal(["5", "search-filtered"], settings.Only);
        Assert.Equal(7, settings.Iterations);
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "x")]
    [InlineData("--iterations", "-3")]
    [InlineData("--colour", "blue")]
    public void Settings_Parse_RefusesWhatItDoesNotKnow(string option, string value) =>
        Assert.Throws<ArgumentException>(() => BenchSettings.Parse([option, value]));

    [Theory]
    [InlineData("", 6, "search-filtered", true)]
    [InlineData("6", 6, "search-filtered", true)]
    [InlineData("search", 6, "search-filtered", true)]
    [InlineData("5", 6, "search-filtered", false)]
    [InlineData("seed", 12, "scale-seed", false)]
    public void Settings_Selects_ByNumberOrNamePrefix(string only, int number, string name, bool selected)
    {
        var settings = only.Length == 0 ? new BenchSettings() : BenchSettings.Parse(["--only", only]);

        Assert.Equal(selected, settings.Selects(number, name));
    }

    [Fact]
    public void Perturb_GivesAUnitVectorNearTheSourceAndTheSameForTheSameSeed()
    {
        var source = Unit(i => Math.Sin(i + 1));
        var partner = Unit(i => Math.Cos(3 * i));
        var other = Unit(i => Math.Sin(7 * i + 2));

        var copy = KnowledgeTopUp.Perturb(source, partner, other, seed: 42);

        Assert.Equal(1.0, Math.Sqrt(copy.Sum(x => x * x)), precision: 4);
        Assert.True(Cosine(copy, source) > Cosine(copy, partner), "the copy stays nearer its source than its partners");
        Assert.True(Cosine(copy, source) > Cosine(copy, other), "the copy stays nearer its source than its partners");
        Assert.InRange(Cosine(copy, source), 0.7, 0.999);
        Assert.Equal(copy, KnowledgeTopUp.Perturb(source, partner, other, seed: 42));
        Assert.NotEqual(copy, KnowledgeTopUp.Perturb(source, partner, other, seed: 43));
    }

    private static float[] Unit(Func<int, double> component)
    {
        var values = Enumerable.Range(0, 384).Select(i => (float)component(i)).ToArray();
        var length = MathF.Sqrt(values.Sum(x => x * x));
        return [.. values.Select(x => x / length)];
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
