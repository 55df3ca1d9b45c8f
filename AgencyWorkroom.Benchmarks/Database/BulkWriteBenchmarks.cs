using System.Diagnostics;
using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Identity;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// #13 bulk writes through the summary triggers, as an import, a bulk approval and a clean-up make
/// them: 100,000 entries imported by the admin (021's audited import, as the app role: row-level
/// security, the rules' trigger, the audit trail and the summaries), approved by the leadership
/// person (the rules check each approver and audit each approval), and deleted by the maintenance
/// role (approved weeks are locked to the app), one statement each, committed; and the removal of
/// the whole scale tenant as a reload makes it, in one transaction that is rolled back, so the
/// data set stays.
/// </summary>
public sealed class BulkWriteBenchmarks(BenchDatabase db)
{
    public const int Entries = 100_000;
    public const double MaxStatementSeconds = 10;
    public const double MaxRemovalSeconds = 120;
    private const string Marker = "bulk-write benchmark";

    // Spread over the tenant's people and its campaigns, each entry on a day of its campaign.
    private static readonly string InsertSql = $"""
        with people as (select array_agg(id order by id) as ids from agency.employees
                        where deleted_at is null and id <> @approver),
             campaigns as (select array_agg(id order by id) as ids, array_agg(start_date order by id) as starts,
                                  array_agg(greatest(1, least(end_date, current_date) - start_date) order by id) as lengths
                           from agency.campaigns where deleted_at is null and start_date < current_date)
        insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, billable, description, status, submitted_at)
        select p.ids[1 + g % cardinality(p.ids)], c.ids[1 + (g / 7) % cardinality(c.ids)],
               c.starts[1 + (g / 7) % cardinality(c.ids)] + g % c.lengths[1 + (g / 7) % cardinality(c.ids)],
               0.25 * (1 + g % 4), g % 5 <> 0, '{Marker}', 'submitted', now()
        from generate_series(0, {Entries - 1}) g, people p, campaigns c
        """;

    private const string ApproveSql = "update agency.timesheet_entries set status = 'approved' where id = any(@ids)";

    private const string DeleteSql = "delete from agency.timesheet_entries where tenant_id = @tenant and id = any(@ids)";

    public async Task<List<BenchResult>> RunAsync()
    {
        await CleanAsync(since: null);
        var started = DateTime.UtcNow;
        var results = new List<BenchResult>();
        try
        {
            var ids = new List<Guid>();
            var admin = await db.ScalarAsync<Guid>("select id from agency.employees where tenant_id = @tenant and email = @email",
                ("email", DemoAccounts.EmailOf("admin", DemoTenantProfile.ScaleSlug)));
            results.Add(await StatementAsync("13a", "bulk import through the triggers", admin, InsertSql, async command =>
            {
                await using (var import = new NpgsqlCommand("select agency.begin_timesheet_import('bulk-write benchmark')", command.Connection, command.Transaction))
                {
                    await import.ExecuteNonQueryAsync();
                }

                command.Parameters.AddWithValue("approver", db.Tenant.Leadership);
                return await command.ExecuteNonQueryAsync();
            }));

            // The admin may write anyone's time in an import but read only their own, so the new
            // rows' ids come from the maintenance role, untimed.
            await using (var read = db.Maintenance.CreateCommand(
                $"select id from agency.timesheet_entries where tenant_id = @tenant and description = '{Marker}'"))
            {
                read.Parameters.AddWithValue("tenant", db.Tenant.Id);
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetGuid(0));
                }
            }

            results.Add(await StatementAsync("13b", "bulk approve through the triggers", db.Tenant.Leadership, ApproveSql, Update));
            results.Add(await DeleteAsync(ids));

            Task<int> Update(NpgsqlCommand command)
            {
                command.Parameters.AddWithValue("ids", ids.ToArray());
                return command.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await CleanAsync(started);
        }

        results.Add(await RemovalAsync());
        return results;
    }

    private async Task<BenchResult> StatementAsync(string id, string name, Guid person, string sql, Func<NpgsqlCommand, Task<int>> run)
    {
        var watch = Stopwatch.StartNew();
        var rows = await db.InUnitOfWorkAsync(db.App, person, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            return await run(command);
        });
        var seconds = watch.Elapsed.TotalSeconds;
        var check = new TargetCheck().AtMost("seconds", seconds, MaxStatementSeconds, " s").That(rows == Entries, $"{Entries:N0} rows");
        return Seconds(id, name, $"{rows:N0} entries, one statement, committed", $"≤ {MaxStatementSeconds:0} s", seconds, check,
            "as the app role in a person's unit of work (the import: the admin; the approval: leadership): row-level security, the rules of 021, " +
            "the audit trail, the summary triggers (hours, money, people's weeks, campaign health) and the commit");
    }

    private async Task<BenchResult> DeleteAsync(List<Guid> ids)
    {
        var watch = Stopwatch.StartNew();
        await using var command = db.Maintenance.CreateCommand(DeleteSql);
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("tenant", db.Tenant.Id);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var rows = await command.ExecuteNonQueryAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        var check = new TargetCheck().AtMost("seconds", seconds, MaxStatementSeconds, " s").That(rows == Entries, $"{Entries:N0} rows");
        return Seconds("13c", "bulk delete through the triggers", $"{rows:N0} entries, one statement, committed", $"≤ {MaxStatementSeconds:0} s",
            seconds, check, "as the maintenance role (approved weeks are locked to the app): the summary triggers and the commit");
    }

    private async Task<BenchResult> RemovalAsync()
    {
        var entries = await db.ScalarAsync<long>("select count(*) from agency.timesheet_entries where tenant_id = @tenant");
        var watch = Stopwatch.StartNew();
        await using (var connection = await db.Maintenance.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await TenantClearing.ClearAsync(connection, db.Tenant.Id, null, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var check = new TargetCheck().AtMost("seconds", seconds, MaxRemovalSeconds, " s");
        return Seconds("13d", "remove the scale tenant (as a reload does)", $"every table, {entries:N0} entries, rolled back",
            $"≤ {MaxRemovalSeconds / 60:0} min", seconds, check,
            "the seed's own clearing statements as the maintenance role, through every trigger, then rolled back");
    }

    private static BenchResult Seconds(string id, string name, string workload, string target, double seconds, TargetCheck check, string note)
    {
        var ms = seconds * 1000;
        return BenchResult.OfLatency(id, name, workload, target, new LatencySummary(1, ms, ms, ms, ms, ms), check, [note])
            with { Measured = $"{seconds:0.0} s" };
    }

    /// <summary>Removes the benchmark's entries and, after a run, the weeks its approval locked and
    /// its import marked submitted: else the next run's import lands in weeks locked by this one.</summary>
    private async Task CleanAsync(DateTime? since)
    {
        await using var command = db.Maintenance.CreateCommand(
            $"delete from agency.timesheet_entries where tenant_id = @tenant and description = '{Marker}'" +
            (since is null ? "" : "; delete from agency.timesheet_weeks where tenant_id = @tenant and updated_at >= @since"));
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("tenant", db.Tenant.Id);
        if (since is not null)
        {
            command.Parameters.AddWithValue("since", since.Value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
