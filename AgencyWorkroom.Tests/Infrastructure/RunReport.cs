namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// What the suite measured, for the report block <c>./workroom test</c> prints above its summary
/// line (issue 18): each record is a line "count TAB what" appended to
/// <c>$WORKROOM_TEST_RESULTS/report/&lt;measure&gt;.tsv</c>; the script sums the counts by measure
/// and names what was counted. A measure nobody recorded is printed as "not measured". The
/// isolation battery keeps its own line in <c>isolation-battery.txt</c>.
/// </summary>
public static class RunReport
{
    /// <summary>Bad inputs tried against the app (hostile text, tampered links, other tenants' ids...).</summary>
    public const string BadInputs = "bad-inputs";

    /// <summary>Rows compared after something that could lose them (a backup restored, a fault).</summary>
    public const string RowsCompared = "rows-compared";

    /// <summary>Of those, rows missing or changed.</summary>
    public const string RowsLost = "rows-lost";

    /// <summary>Faults injected that the app came through (a store failing half-way, a restart...).</summary>
    public const string FaultsSurvived = "faults-survived";

    /// <summary>People held at once by a load run; its "what" names the p95 (e.g. "load smoke, p95 840 ms").</summary>
    public const string ConcurrentUsers = "concurrent-users";

    private static readonly Lock Gate = new();

    public static void Add(string measure, long count, string what)
    {
        if (Environment.GetEnvironmentVariable("WORKROOM_TEST_RESULTS") is not { Length: > 0 } results)
        {
            return;
        }

        var folder = Path.Combine(results, "report");
        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, measure + ".tsv"), $"{count}\t{what.Replace('\t', ' ').Replace('\n', ' ')}\n");
        }
    }
}
