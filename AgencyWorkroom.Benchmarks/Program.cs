using System.Diagnostics;
using AgencyWorkroom.Benchmarks.Database;
using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Benchmarks.Knowledge;
using AgencyWorkroom.Benchmarks.Seeding;
using AgencyWorkroom.Benchmarks.Web;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Data.Schema;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Benchmarks;

/// <summary>
/// The benchmarks of issue 6, in the order, each selected by --only; prints the table and
/// writes latest.json, latest.md and a timestamped copy. Exit code 1 when a benchmark failed
/// (a missed target is a measurement, not a failure).
/// </summary>
public static class BenchmarksProgram
{
    public static async Task<int> Main(string[] args)
    {
        // ./workroom bench runs this after loading the scale set; the connection strings come from the
        // environment (ConnectionStrings__Workroom, __WorkroomOwner, __WorkroomMaintenance, __WorkroomIdentity).
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"bench: {ex.Message}");
            return 2;
        }

        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var machine = MachineInfo.Current();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        BenchDatabase db;
        try
        {
            db = await BenchDatabase.OpenAsync(configuration);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"bench: {ErrorText.Of(ex)}");
            return 1;
        }

        await using var _ = db;
        await using var screens = new ScreenServices(configuration, db.Tenant.Id, db.Tenant.Leadership);
        var sampler = new Sampler(settings);
        var results = new List<BenchResult>();
        var notes = new List<string> { $"machine: {machine}" };
        if (db.Tenant.DetectedScale != settings.Scale)
        {
            notes.Add($"asked for ×{settings.Scale}, but the scale tenant is ×{db.Tenant.DetectedScale}: ./workroom bench --scale {settings.Scale} --reload loads it");
        }

        if (db.Tenant.DetectedScale != 20)
        {
            notes.Add($"measured at scale ×{db.Tenant.DetectedScale}: the fixed workloads' targets hold at ×20 and ×50; the others' are set for ×20");
        }

        Console.WriteLine($"Benchmarks on {db.Tenant.Describe()}");
        Console.WriteLine($"Machine: {machine}");

        async Task RunAsync(int number, string name, Func<Task<IEnumerable<BenchResult>>> benchmark)
        {
            if (!settings.Selects(number, name))
            {
                return;
            }

            Console.WriteLine($"==> #{number} {name}");
            var watch = Stopwatch.StartNew();
            try
            {
                var rows = (await benchmark()).ToList();
                results.AddRange(rows);
                foreach (var row in rows)
                {
                    Console.WriteLine($"    {row.Id} {row.Name}: p50 {BenchReport.Ms(row.P50Ms)} p95 {BenchReport.Ms(row.P95Ms)} {row.Measured} {row.Verdict.ToString().ToUpperInvariant()}");
                }
            }
            catch (Exception ex)
            {
                results.Add(BenchResult.Failed(number.ToString(System.Globalization.CultureInfo.InvariantCulture), name, "", ex));
                Console.WriteLine($"    failed: {ErrorText.Of(ex)}");
            }

            Console.WriteLine($"    ({watch.Elapsed.TotalSeconds:0} s)");
        }

        var timesheets = new TimesheetBenchmarks(db, sampler, settings);
        await RunAsync(1, "views", async () => await new ViewPageBenchmarks(db, sampler, settings, screens).RunAsync());
        await RunAsync(2, "utilization", async () => await timesheets.UtilizationAsync());
        await RunAsync(3, "timesheet-list", async () => [await timesheets.ClientListAsync()]);
        await RunAsync(16, "timesheet-week", async () => await timesheets.WeekScreenAsync(configuration));

        using (var embeddings = new MiniLmEmbeddingGenerator())
        {
            const int corpusSize = 100_000;
            string? corpus = null;
            async Task<string> CorpusAsync()
            {
                if (corpus is null)
                {
                    var line = await new KnowledgeTopUp(db).EnsureAsync(corpusSize, Console.WriteLine);
                    notes.Add(line);
                    corpus = $"{corpusSize / 1000:N0}k chunks";
                }

                return corpus;
            }

            var search = new VectorSearchBenchmarks(db, sampler, embeddings);
            await RunAsync(5, "search", async () => await search.UnfilteredAsync(await CorpusAsync()));
            await RunAsync(6, "search-filtered", async () => await search.FilteredAsync(await CorpusAsync()));
            await RunAsync(5, "search-hybrid", async () => await search.HybridAsync(await CorpusAsync()));
            await RunAsync(7, "embedding", () => Task.FromResult<IEnumerable<BenchResult>>(MicroBenchmarkRunner.Run(settings)));
            // #8 the chunk-and-insert path the seed takes; #8b the app's queue and worker (039).
            await RunAsync(8, "ingestion", async () =>
                [await new IngestionBenchmark(db, embeddings).RunAsync(), await new QueueIngestionBenchmark(db, embeddings, configuration).RunAsync()]);
        }

        // The app starts with the first page benchmark that runs, inside its error handling.
        BenchApp? app = null;
        PageBenchmarks? pages = null;
        PageBenchmarks Pages()
        {
            if (pages is null)
            {
                app = new BenchApp();
                app.Start();
                pages = new PageBenchmarks(db, sampler, settings, app);
            }

            return pages;
        }

        await RunAsync(9, "dashboard", async () => [await Pages().DashboardRenderAsync()]);
        await RunAsync(10, "circuits", async () => [await Pages().CircuitMemoryAsync()]);
        await RunAsync(14, "throughput", async () => [await Pages().DashboardThroughputAsync()]);
        await RunAsync(17, "capacity-page", async () => [await Pages().CapacityRenderAsync()]);
        await RunAsync(18, "artifact-page", async () => [await Pages().ArtifactRenderAsync()]);
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await RunAsync(11, "seed", async () => [await SeedBenchmarks.DefaultSeedAsync()]);
        await RunAsync(12, "scale-seed", () => Task.FromResult<IEnumerable<BenchResult>>([SeedBenchmarks.ScaleSeed(settings.OutputFolder, db.Tenant.DetectedScale)]));
        await RunAsync(13, "bulk-writes", async () => await new BulkWriteBenchmarks(db).RunAsync());
        var rates = new RateBenchmarks(db, sampler, settings);
        await RunAsync(15, "rates", async () => [await rates.MonthOfCampaignAsync(), await rates.CorrectionAsync()]);
        await RunAsync(17, "capacity", async () => await new CapacityBenchmarks(db, sampler).RunAsync(configuration));
        await RunAsync(18, "artifacts", async () => await new ArtifactBenchmarks(sampler).RunAsync(screens, db));
        await RunAsync(18, "artifact-autosave", async () => [await new ArtifactBenchmarks(sampler).AutosaveAsync(screens, db)]);
        await RunAsync(19, "analytics", async () => await new AnalyticsBenchmarks(db, sampler).RunAsync(configuration));
        await RunAsync(20, "forecast", async () => await new ForecastBenchmarks(db, sampler).RunAsync(configuration));
        await RunAsync(21, "assistant", async () => await new AssistantBenchmarks(db, sampler).RunAsync(configuration));
        await RunAsync(22, "import", async () => await new ImportBenchmarks(db).RunAsync(configuration));

        var report = new BenchReport(started, clock.Elapsed, db.Tenant.DetectedScale, db.Tenant.Describe(), machine, results, notes);
        var saved = report.Save(settings.OutputFolder, partial: settings.Only.Count > 0);
        await File.WriteAllTextAsync(Path.Combine(settings.OutputFolder, "latest.md"), report.ToMarkdown());
        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        var growth = GrowthAgainstOtherScale(report, settings.OutputFolder);
        if (growth is not null)
        {
            Console.WriteLine(growth.ToTable());
            await File.AppendAllTextAsync(Path.Combine(settings.OutputFolder, "latest.md"), Environment.NewLine + growth.ToMarkdown());
        }

        Console.WriteLine($"{results.Count(r => r.Verdict == Verdict.Pass)} met, {results.Count(r => r.Verdict == Verdict.Miss)} missed, " +
            $"{results.Count(r => r.Verdict == Verdict.Error)} failed, {results.Count(r => r.Verdict == Verdict.Skipped)} skipped " +
            $"in {clock.Elapsed.TotalMinutes:0.0} min; figures in {saved} (and latest.json, latest.md beside it)");
        return results.Any(r => r.Verdict == Verdict.Error) ? 1 : 0;
    }

    /// <summary>
    /// This run beside the last run at the other scale of the pair the targets speak of (×20 and
    /// ×50), smaller first: the growth table. Null when there is no such run, or it was selected
    /// with --only and shares no benchmark with this one.
    /// </summary>
    private static GrowthTable? GrowthAgainstOtherScale(BenchReport report, string folder)
    {
        var other = BenchReport.LoadLatest(folder, report.Scale == 20 ? 50 : 20);
        if (other is null || other.Scale == report.Scale)
        {
            return null;
        }

        var table = other.Scale < report.Scale ? new GrowthTable(other, report) : new GrowthTable(report, other);
        return table.Rows.Count == 0 ? null : table;
    }
}
