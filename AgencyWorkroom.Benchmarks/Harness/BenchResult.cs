using System.Text.Json.Serialization;
using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Benchmarks.Harness;

[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>Every condition of the target holds.</summary>
    Pass,

    /// <summary>Measured, and at least one condition of the target does not hold.</summary>
    Miss,

    /// <summary>Measured for context (the chunker beside query embedding); it has no target of its own.</summary>
    Info,

    /// <summary>Not measured this run; the notes say why.</summary>
    Skipped,

    /// <summary>The benchmark failed; the notes carry the error.</summary>
    Error,
}

/// <summary>One row of the table: a benchmark's figures, its target and its in-run baseline.</summary>
public sealed record BenchResult
{
    /// <summary>The number, with a letter for each view or companion measurement (1a, 7b, ...).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>How big the work is: rows, chunks, people, circuits.</summary>
    public required string Workload { get; init; }

    /// <summary>
    /// Whether the work stays the same as the tenant grows (a first page, one campaign, one
    /// person's week, one search): its cost should not grow with the data (≤ 1.5× from ×20 to ×50).
    /// </summary>
    public bool FixedWorkload { get; init; }

    public required string Target { get; init; }

    public int Samples { get; init; }

    public double? P50Ms { get; init; }

    public double? P95Ms { get; init; }

    /// <summary>The figure that is not a latency (recall, chunks/s, MB per circuit, seconds).</summary>
    public string? Measured { get; init; }

    /// <summary>What the baseline is, with its figures.</summary>
    public string? Baseline { get; init; }

    public double? BaselineP50Ms { get; init; }

    public double? BaselineP95Ms { get; init; }

    /// <summary>Measured over baseline (medians for latencies).</summary>
    public double? Ratio { get; init; }

    public Verdict Verdict { get; init; }

    /// <summary>Every figure by name, for comparing runs.</summary>
    public Dictionary<string, double> Metrics { get; init; } = [];

    public List<string> Notes { get; init; } = [];

    /// <summary>A latency row; with a baseline, the ratio is of the medians.</summary>
    public static BenchResult OfLatency(
        string id, string name, string workload, string target, LatencySummary measured, TargetCheck? check,
        IEnumerable<string> notes, LatencySummary? baseline = null, string? baselineName = null)
    {
        var metrics = new Dictionary<string, double> { ["p50_ms"] = measured.P50, ["p95_ms"] = measured.P95, ["max_ms"] = measured.Max };
        if (baseline is not null)
        {
            metrics["baseline_p50_ms"] = baseline.P50;
            metrics["baseline_p95_ms"] = baseline.P95;
        }

        return new BenchResult
        {
            Id = id,
            Name = name,
            Workload = workload,
            Target = target,
            Samples = measured.Count,
            P50Ms = measured.P50,
            P95Ms = measured.P95,
            Baseline = baseline is null ? null : $"{baselineName}: p50 {BenchReport.Ms(baseline.P50)}, p95 {BenchReport.Ms(baseline.P95)}",
            BaselineP50Ms = baseline?.P50,
            BaselineP95Ms = baseline?.P95,
            Ratio = baseline is null ? null : measured.P50 / baseline.P50,
            Verdict = check?.Verdict ?? Verdict.Info,
            Metrics = metrics,
            Notes = [.. notes, .. check?.Missed is { } missed ? new[] { missed } : []],
        };
    }

    public static BenchResult Skipped(string id, string name, string target, string why) =>
        new() { Id = id, Name = name, Workload = "—", Target = target, Verdict = Verdict.Skipped, Notes = [why] };

    public static BenchResult Failed(string id, string name, string target, Exception error) =>
        new() { Id = id, Name = name, Workload = "—", Target = target, Verdict = Verdict.Error, Notes = [error.GetType().Name + ": " + ErrorText.Of(error)] };
}

/// <summary>A target's conditions; the verdict is PASS only when all of them hold.</summary>
public sealed class TargetCheck
{
    private readonly List<(bool Holds, string Condition)> _conditions = [];

    public TargetCheck AtMost(string what, double? value, double limit, string unit = "")
    {
        _conditions.Add((value is { } v && v <= limit, $"{what} ≤ {limit}{unit}"));
        return this;
    }

    public TargetCheck AtLeast(string what, double? value, double limit, string unit = "")
    {
        _conditions.Add((value is { } v && v >= limit, $"{what} ≥ {limit}{unit}"));
        return this;
    }

    public TargetCheck That(bool holds, string condition)
    {
        _conditions.Add((holds, condition));
        return this;
    }

    public Verdict Verdict => _conditions.All(c => c.Holds) ? Verdict.Pass : Verdict.Miss;

    /// <summary>The conditions that do not hold, as one line.</summary>
    public string? Missed => _conditions.Any(c => !c.Holds)
        ? "missed: " + string.Join(", ", _conditions.Where(c => !c.Holds).Select(c => c.Condition))
        : null;
}
