using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgencyWorkroom.Benchmarks.Harness;

/// <summary>The machine a run measured, so two runs' figures are compared knowingly.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, double MemoryGiB, string Os, string Runtime)
{
    public static MachineInfo Current()
    {
        static string Line(string file, string key) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";

        var memoryKb = Line("/proc/meminfo", "MemTotal").Split(' ')[0];
        var memory = double.TryParse(memoryKb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb / 1024 / 1024 : 0;
        return new(Environment.ProcessorCount, Line("/proc/cpuinfo", "model name"), Math.Round(memory, 1),
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    public override string ToString() =>
        $"{Cores} cores ({CpuModel}), {MemoryGiB.ToString("0.#", CultureInfo.InvariantCulture)} GiB memory, {Os}, {Runtime}";
}

/// <summary>A whole run: when, where, at which scale, and every result.</summary>
public sealed record BenchReport(
    DateTimeOffset StartedAt, TimeSpan Elapsed, int Scale, string DataSet, MachineInfo Machine,
    IReadOnlyList<BenchResult> Results, IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Writes latest.json, latest-x{scale}.json and a timestamped copy; returns the copy's path.
    /// A partial run (<c>--only</c>) replaces its own rows in latest-x{scale}.json and keeps the
    /// others, so timing one benchmark again does not empty the growth table's column.
    /// </summary>
    public string Save(string folder, bool partial = false)
    {
        Directory.CreateDirectory(folder);
        var text = JsonSerializer.Serialize(this, Json);
        var stamped = Path.Combine(folder, $"bench-{StartedAt.UtcDateTime:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(stamped, text);
        File.WriteAllText(Path.Combine(folder, "latest.json"), text);
        var ofScale = partial && LoadLatest(folder, Scale) is { } previous ? previous.UpdatedBy(this) : this;
        File.WriteAllText(LatestOfScale(folder, Scale), JsonSerializer.Serialize(ofScale, Json));
        return stamped;
    }

    /// <summary>This run with the rows of a later, partial one put in place of its own (and any new ones after them).</summary>
    public BenchReport UpdatedBy(BenchReport later)
    {
        var replaced = later.Results.ToDictionary(r => r.Id);
        var kept = Results.Select(r => replaced.Remove(r.Id, out var newer) ? newer : r).ToList();
        return later with { Results = [.. kept, .. later.Results.Where(r => replaced.ContainsKey(r.Id))] };
    }

    /// <summary>The last run at a scale, or null when there was none (or it cannot be read).</summary>
    public static BenchReport? LoadLatest(string folder, int scale)
    {
        var file = LatestOfScale(folder, scale);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(file), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string LatestOfScale(string folder, int scale) =>
        Path.Combine(folder, $"latest-x{scale.ToString(CultureInfo.InvariantCulture)}.json");

    /// <summary>The table for a terminal, then each row's notes.</summary>
    public string ToTable()
    {
        string[] header = ["#", "benchmark", "workload", "n", "p50", "p95", "measured", "target", "baseline", "ratio", "result"];
        var rows = Results.Select(r => new[]
        {
            r.Id, r.Name, r.Workload, r.Samples == 0 ? "" : r.Samples.ToString(CultureInfo.InvariantCulture),
            Ms(r.P50Ms), Ms(r.P95Ms), r.Measured ?? "", r.Target, r.Baseline ?? "",
            r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "",
            r.Verdict.ToString().ToUpperInvariant(),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();

        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line([.. widths.Select(w => new string('-', w))]);
        rows.ForEach(Line);

        text.AppendLine();
        foreach (var r in Results.Where(r => r.Notes.Count > 0))
        {
            foreach (var note in r.Notes)
            {
                text.AppendLine($"  {r.Id}: {note}");
            }
        }

        foreach (var note in Notes)
        {
            text.AppendLine($"  {note}");
        }

        return text.ToString();
    }

    /// <summary>The table as Markdown, for the README's Performance section.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| # | benchmark | workload | p50 | p95 | measured | target | baseline | ratio | result |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in Results)
        {
            text.AppendLine($"| {r.Id} | {r.Name} | {r.Workload} | {Ms(r.P50Ms)} | {Ms(r.P95Ms)} | {r.Measured} | {r.Target} | {r.Baseline} | " +
                $"{(r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {r.Verdict.ToString().ToUpperInvariant()} |");
        }

        return text.ToString();
    }

    public static string Ms(double? value) => value switch
    {
        null => "",
        < 10 => value.Value.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 1000 => value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => (value.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
    };
}
