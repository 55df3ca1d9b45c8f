using System.Globalization;
using System.Text;

namespace AgencyWorkroom.Benchmarks.Harness;

/// <summary>
/// How each cost grows with the data: the p95 of two runs at different scales side by side (the
/// smaller first) and their ratio. A fixed workload (a first page, one campaign, one person's
/// week, one search) must not grow by more than <see cref="MaxFixedGrowth"/>; the others are
/// reported with their workload. Rows without a latency show their measured figure at each size.
/// </summary>
public sealed class GrowthTable(BenchReport small, BenchReport large)
{
    public const double MaxFixedGrowth = 1.5;

    public sealed record Row(string Id, string Name, bool Fixed, string WorkloadSmall, string WorkloadLarge,
        string Small, string Large, double? Growth, string Verdict);

    public IReadOnlyList<Row> Rows => [.. small.Results
        .Where(s => s.Verdict is not (Harness.Verdict.Error or Harness.Verdict.Skipped))
        .Select(s => (Small: s, Large: large.Results.FirstOrDefault(l => l.Id == s.Id && l.Verdict is not (Harness.Verdict.Error or Harness.Verdict.Skipped))))
        .Where(p => p.Large is not null)
        .Select(p => RowOf(p.Small, p.Large!))];

    public int FixedMisses => Rows.Count(r => r.Verdict == "MISS");

    private static Row RowOf(BenchResult s, BenchResult l)
    {
        var growth = s.P95Ms is { } a && l.P95Ms is { } b && a > 0 ? b / a : (double?)null;
        var fixedWorkload = s.FixedWorkload && l.FixedWorkload;
        var verdict = !fixedWorkload || growth is null ? "reported" : growth <= MaxFixedGrowth ? "PASS" : "MISS";
        return new Row(s.Id, s.Name, fixedWorkload, s.Workload, l.Workload,
            s.P95Ms is { } sp ? BenchReport.Ms(sp) : s.Measured ?? "", l.P95Ms is { } lp ? BenchReport.Ms(lp) : l.Measured ?? "",
            growth, verdict);
    }

    public string ToTable()
    {
        string[] header = ["#", "benchmark", "fixed", $"p95 ×{small.Scale}", $"p95 ×{large.Scale}", "growth", "result", $"workload ×{large.Scale}"];
        var rows = Rows.Select(r => new[]
        {
            r.Id, r.Name, r.Fixed ? "yes" : "no", r.Small, r.Large,
            r.Growth is { } g ? g.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "", r.Verdict, r.WorkloadLarge,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"Growth from ×{small.Scale} ({small.StartedAt:yyyy-MM-dd HH:mm}) to ×{large.Scale} ({large.StartedAt:yyyy-MM-dd HH:mm}); " +
            $"fixed workloads may grow ≤ {MaxFixedGrowth.ToString("0.0", CultureInfo.InvariantCulture)}×");
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line([.. widths.Select(w => new string('-', w))]);
        rows.ForEach(Line);
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"| # | benchmark | fixed workload | p95 ×{small.Scale} | p95 ×{large.Scale} | growth | result | workload ×{large.Scale} |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in Rows)
        {
            text.AppendLine($"| {r.Id} | {r.Name} | {(r.Fixed ? "yes" : "no")} | {r.Small} | {r.Large} | " +
                $"{(r.Growth is { } g ? g.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "")} | {r.Verdict} | {r.WorkloadLarge} |");
        }

        return text.ToString();
    }
}
