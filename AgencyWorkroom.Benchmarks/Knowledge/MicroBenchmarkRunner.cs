using AgencyWorkroom.Benchmarks.Harness;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace AgencyWorkroom.Benchmarks.Knowledge;

/// <summary>
/// Runs <see cref="EmbeddingMicroBenchmarks"/> with BenchmarkDotNet in this process (no
/// generated project to build), one call per iteration and no outliers removed, so that p95 is
/// the p95 of single calls; its own log goes to the output folder.
/// </summary>
public static class MicroBenchmarkRunner
{
    public const string EmbeddingTarget = "p95 ≤ 15 ms";

    public static List<BenchResult> Run(BenchSettings settings)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(Math.Max(settings.Iterations, 30))
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.GetFullPath(Path.Combine(settings.OutputFolder, "benchmarkdotnet")))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<EmbeddingMicroBenchmarks>(config);

        var results = new List<BenchResult>();
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var isEmbedding = report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(EmbeddingMicroBenchmarks.EmbedQuestion);
            var id = isEmbedding ? "7" : "7b";
            var target = isEmbedding ? EmbeddingTarget : "(no target)";
            if (report.ResultStatistics is not { } stats)
            {
                results.Add(BenchResult.Skipped(id, method, target, $"BenchmarkDotNet produced no result; its log is in {config.ArtifactsPath}"));
                continue;
            }

            const double nsPerMs = 1_000_000;
            var latency = new LatencySummary(stats.N, stats.Percentiles.P50 / nsPerMs, stats.Percentiles.P95 / nsPerMs,
                stats.Min / nsPerMs, stats.Max / nsPerMs, stats.Mean / nsPerMs);
            var check = isEmbedding ? new TargetCheck().AtMost("p95", latency.P95, 15, " ms") : null;
            var workload = isEmbedding ? "1 question (all-MiniLM-L6-v2, 384 dims)"
                : $"{MarkdownChunkerWords():N0}-word Markdown document";
            results.Add(BenchResult.OfLatency(id, method, workload, target, latency, check,
                ["BenchmarkDotNet, in process, one call per iteration"]));
        }

        return results;
    }

    private static int MarkdownChunkerWords() =>
        Data.Knowledge.MarkdownChunker.CountWords(EmbeddingMicroBenchmarks.SampleDocument(EmbeddingMicroBenchmarks.SampleSections));
}
