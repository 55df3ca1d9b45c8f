using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Web.Extensions;

namespace AgencyWorkroom.Benchmarks.Seeding;

/// <summary>
/// #11 the default seed, timed here by running the seed command in this process (it reloads the
/// two demo agencies, as <c>./workroom seed</c> does), and #12 the scale seed, read from the
/// record <c>./workroom bench</c> writes when it loads the scale set (<see cref="ScaleRecordFile"/>).
/// </summary>
public static partial class SeedBenchmarks
{
    public const string DefaultTarget = "≤ 90 s";
    public const string ScaleTarget = "≤ 5 min at ×20";
    public const string ScaleRecordFile = "scale-seed.txt";

    public static async Task<BenchResult> DefaultSeedAsync()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var exit = await SeedCommand.RunAsync([], output, output);
        var seconds = watch.Elapsed.TotalSeconds;
        var text = output.ToString();
        if (exit != 0)
        {
            throw new InvalidOperationException($"seed exited with {exit}: {text.Trim()}");
        }

        var own = SeededIn().Match(text) is { Success: true } match ? match.Groups["seconds"].Value + " s by its own clock" : "no timing line";
        var check = new TargetCheck().AtMost("seconds", seconds, 90, " s");
        return SecondsResult("11", "default seed (two demo agencies, embeddings included)", "2 tenants × ~50,000 entries", DefaultTarget,
            seconds, check, $"the seed command in this process, model load included ({own})");
    }

    /// <param name="scale">The scale the benchmarks ran at.</param>
    public static BenchResult ScaleSeed(string folder, int scale)
    {
        const string name = "scale seed";
        var file = Path.Combine(folder, ScaleRecordFile);
        if (!File.Exists(file))
        {
            return BenchResult.Skipped("12", name, ScaleTarget,
                $"the scale set was loaded before ./workroom bench timed it; ./workroom seed --scale {scale} reloads it (and prints its time)");
        }

        var lines = File.ReadAllLines(file);
        var recorded = Value(lines, "scale");
        var seconds = Value(lines, "seconds");
        if (recorded is null || seconds is null || (int)recorded != scale)
        {
            return BenchResult.Skipped("12", name, ScaleTarget, $"{file} records another scale ({recorded}) than this run's ({scale})");
        }

        var scaleLine = lines.FirstOrDefault(l => l.StartsWith("scale (", StringComparison.Ordinal));
        var tenantTime = scaleLine is not null && TenantIn().Match(scaleLine) is { Success: true } m ? $"; the scale tenant alone: {m.Groups["seconds"].Value} s" : "";
        var check = new TargetCheck().AtMost("seconds", seconds, 300, " s");
        return SecondsResult("12", $"scale seed (seed --scale {scale})", $"×{scale}: the demo agencies and the scale tenant", ScaleTarget,
            seconds.Value, check, $"the whole seed --scale command as ./workroom bench timed it when it loaded the set ({file}){tenantTime}");
    }

    private static BenchResult SecondsResult(string id, string name, string workload, string target, double seconds, TargetCheck check, string note) =>
        new()
        {
            Id = id,
            Name = name,
            Workload = workload,
            Target = target,
            Samples = 1,
            Measured = $"{seconds:0.0} s",
            Verdict = check.Verdict,
            Metrics = new() { ["seconds"] = seconds },
            Notes = [note, .. check.Missed is { } missed ? new[] { missed } : []],
        };

    private static double? Value(string[] lines, string key) =>
        lines.Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0] == key)
            .Select(p => double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
            .FirstOrDefault();

    [GeneratedRegex(@"seeded \d+ tenants in (?<seconds>[\d.]+) s")]
    private static partial Regex SeededIn();

    [GeneratedRegex(@"\) in (?<seconds>[\d.]+) s:")]
    private static partial Regex TenantIn();
}
