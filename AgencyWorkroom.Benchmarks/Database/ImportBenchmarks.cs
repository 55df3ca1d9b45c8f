using System.Diagnostics;
using System.Globalization;
using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Data.Identity;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// #22 the timesheet import (045, decision 025): 100,000 rows of a CSV in the workroom's columns,
/// spread over the scale tenant's people and campaigns, imported by its admin through
/// <see cref="IImportCommands"/> as the page and the CLI run it (streamed parse, binary COPY into
/// a temp table, staging, the set-based checks, one insert through the rules' and summaries'
/// triggers, commit); then the same file again, which must add nothing. The entries, batches and
/// the weeks their approval locked are removed afterwards by the maintenance role.
/// </summary>
public sealed class ImportBenchmarks(BenchDatabase db)
{
    public const int Rows = 100_000;
    public const double MaxSeconds = 60;

    public async Task<List<BenchResult>> RunAsync(IConfiguration configuration)
    {
        var admin = await db.ScalarAsync<Guid>("select id from agency.employees where tenant_id = @tenant and email = @email",
            ("email", DemoAccounts.EmailOf("admin", DemoTenantProfile.ScaleSlug)));
        var file = Path.Combine(Path.GetTempPath(), $"workroom-import-bench-{Guid.NewGuid():N}.csv");
        var started = DateTime.UtcNow;
        var results = new List<BenchResult>();
        try
        {
            await WriteFileAsync(file);
            await using var screens = new ScreenServices(configuration, db.Tenant.Id, admin);
            var first = await TimeAsync(screens, file);
            results.Add(Seconds("22a", "timesheet import, 100,000 rows", $"{first.Summary.RowsAdded:N0} entries added, committed",
                first.Seconds, first.Summary.Imported && first.Summary.RowsAdded == Rows,
                "an admin's unit of work through IImportCommands: parse (streamed), binary COPY, staging, the checks, one insert through " +
                "the rules (021/030), the audit per person-week, the summaries (011/023), commit"));
            var again = await TimeAsync(screens, file);
            results.Add(Seconds("22b", "the same file again (idempotent)", $"{again.Summary.RowsUnchanged:N0} rows already there, {again.Summary.RowsAdded} added",
                again.Seconds, again.Summary.RowsAdded == 0,
                "as 22a; every row meets its import_key and is skipped"));
        }
        finally
        {
            File.Delete(file);
            await CleanAsync(started);
        }

        return results;
    }

    private static async Task<(ImportSummary Summary, double Seconds)> TimeAsync(ScreenServices screens, string file)
    {
        var watch = Stopwatch.StartNew();
        var summary = await screens.CallAsync<IImportCommands, ImportSummary>(async import =>
        {
            await using var stream = File.OpenRead(file);
            return await import.ImportTimesheetsAsync(stream, Path.GetFileName(file), new TimesheetImportOptions(DryRun: false));
        });
        return (summary, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Rows over up to 200 people (by e-mail) and 200 campaigns (by code) of the scale tenant, on days of the last two years.</summary>
    private async Task WriteFileAsync(string file)
    {
        var people = new List<string>();
        var campaigns = new List<string>();
        await using (var read = db.Maintenance.CreateCommand(
            """
            (select 'p', email from agency.employees where tenant_id = @tenant and deleted_at is null order by id limit 200)
            union all
            (select 'c', code from agency.campaigns where tenant_id = @tenant and deleted_at is null order by id limit 200)
            """))
        {
            read.Parameters.AddWithValue("tenant", db.Tenant.Id);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                (reader.GetString(0) == "p" ? people : campaigns).Add(reader.GetString(1));
            }
        }

        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2);
        await using var writer = new StreamWriter(file);
        await writer.WriteLineAsync("Date,Email,Campaign code,Hours,Billable,Notes");
        for (var i = 0; i < Rows; i++)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{first.AddDays(i % 700):yyyy-MM-dd},{people[i % people.Count]},{campaigns[i / 7 % campaigns.Count]},{0.25m * (1 + i % 16)},{(i % 5 == 0 ? "no" : "yes")},import benchmark {i % 97}"));
        }
    }

    /// <summary>Removes what the runs imported and the weeks their approval locked, as the bulk-write benchmark does.</summary>
    private async Task CleanAsync(DateTime since)
    {
        await using var command = db.Maintenance.CreateCommand(
            """
            delete from agency.timesheet_entries where tenant_id = @tenant and import_batch_id in
              (select id from agency.import_batches where tenant_id = @tenant and created_at >= @since);
            delete from agency.import_batches where tenant_id = @tenant and created_at >= @since;
            delete from agency.timesheet_weeks where tenant_id = @tenant and updated_at >= @since;
            """);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("tenant", db.Tenant.Id);
        command.Parameters.AddWithValue("since", since);
        await command.ExecuteNonQueryAsync();
    }

    private static BenchResult Seconds(string id, string name, string workload, double seconds, bool rowsRight, string note)
    {
        var ms = seconds * 1000;
        var check = new TargetCheck().AtMost("seconds", seconds, MaxSeconds, " s").That(rowsRight, "the expected rows");
        return BenchResult.OfLatency(id, name, workload, $"≤ {MaxSeconds:0} s", new LatencySummary(1, ms, ms, ms, ms, ms), check, [note])
            with { Measured = $"{seconds:0.0} s" };
    }
}
