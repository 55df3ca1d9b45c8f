using AgencyWorkroom.Benchmarks.Harness;

namespace AgencyWorkroom.Tests.Benchmarks;

/// <summary>The ×20 → ×50 table: both sizes side by side, the growth, and the 1.5× rule for fixed workloads only.</summary>
public sealed class GrowthTableTests
{
    private static readonly MachineInfo Machine = new(2, "test cpu", 24, "test os", "test runtime");

    private static BenchResult Latency(string id, double p95, bool fixedWorkload, string workload = "w") =>
        BenchResult.OfLatency(id, $"benchmark {id}", workload, "p95 ≤ 50 ms", new LatencySummary(10, p95 / 2, p95, 1, p95, p95 / 2), null, [])
            with { FixedWorkload = fixedWorkload };

    private static BenchReport Run(int scale, params BenchResult[] results) =>
        new(DateTimeOffset.Parse("2026-12-02T20:00:00Z"), TimeSpan.FromMinutes(2), scale, $"×{scale}", Machine, results, []);

    [Fact]
    public void FixedWorkload_GrowingAtMostOneAndAHalf_Passes_AndMoreMisses()
    {
        var table = new GrowthTable(
            Run(20, Latency("1a", 10, true), Latency("1b", 10, true), Latency("2", 10, false)),
            Run(50, Latency("1a", 15, true), Latency("1b", 15.1, true), Latency("2", 40, false)));

        var rows = table.Rows.ToDictionary(r => r.Id);
        Assert.Equal("PASS", rows["1a"].Verdict);
        Assert.Equal(1.5, rows["1a"].Growth!.Value, 3);
        Assert.Equal("MISS", rows["1b"].Verdict);
        // A workload that grows with the tenant is reported, not judged.
        Assert.Equal("reported", rows["2"].Verdict);
        Assert.Equal(4.0, rows["2"].Growth!.Value, 3);
        Assert.Equal(1, table.FixedMisses);
    }

    [Fact]
    public void OnlyBenchmarksMeasuredAtBothSizes_AreCompared()
    {
        var failed = BenchResult.Failed("3", "benchmark 3", "p95 ≤ 50 ms", new InvalidOperationException("boom"));
        var table = new GrowthTable(
            Run(20, Latency("1a", 10, true), Latency("3", 10, true), Latency("4", 10, true)),
            Run(50, Latency("1a", 12, true), failed));

        Assert.Equal(["1a"], table.Rows.Select(r => r.Id));
        Assert.Contains("| 1a | benchmark 1a | yes | 10.0 ms | 12.0 ms | 1.20× | PASS |", table.ToMarkdown());
        Assert.Contains("p95 ×20", table.ToTable());
        Assert.Contains("p95 ×50", table.ToTable());
    }

    [Fact]
    public void PartialRun_ReplacesItsOwnRowsOfTheScale_AndKeepsTheOthers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "growth-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(20, Latency("1a", 10, true), Latency("14", 900, false), Latency("15a", 12, true)).Save(folder);

            Run(20, Latency("14", 400, false), Latency("16a", 20, true)).Save(folder, partial: true);

            var loaded = BenchReport.LoadLatest(folder, 20)!;
            Assert.Equal(["1a", "14", "15a", "16a"], loaded.Results.Select(r => r.Id));
            Assert.Equal(400, loaded.Results.Single(r => r.Id == "14").P95Ms);
            // A full run replaces the scale's rows whole.
            Run(20, Latency("1a", 11, true)).Save(folder);
            Assert.Equal(["1a"], BenchReport.LoadLatest(folder, 20)!.Results.Select(r => r.Id));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SavedRun_IsFoundAgainByItsScale()
    {
        var folder = Path.Combine(Path.GetTempPath(), "growth-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(50, Latency("1a", 12, true)).Save(folder);

            var loaded = BenchReport.LoadLatest(folder, 50);

            Assert.NotNull(loaded);
            Assert.Equal(50, loaded!.Scale);
            Assert.True(loaded.Results.Single().FixedWorkload);
            Assert.Equal(12, loaded.Results.Single().P95Ms);
            Assert.Null(BenchReport.LoadLatest(folder, 20));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
