using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Timesheets;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// #2 utilization per person per week, #3 the timesheet list of one client, #4 saving a
/// timesheet week: all as the app role under row-level security.
/// </summary>
public sealed class TimesheetBenchmarks(BenchDatabase db, Sampler sampler, BenchSettings settings)
{
    private const int Weeks = 12;
    private const int PageSize = 50;

    // Twelve weeks up to this one: the capacity screen's grid.
    private const string WeekWindow = "between agency.current_week_start() - 7 * (12 - 1) and agency.current_week_start()";

    // What the grid shows in a cell (logged, billable and planned hours against capacity) and in
    // its row header. Every column (2b, beside it) also ships each person's title, department and
    // role twelve times and two more percentages: 42 ms p50 against 31 ms at x20, most of the
    // difference numeric division.
    private const string UtilizationGrid =
        $"from agency.v_employee_utilization where week_start_date {WeekWindow} order by full_name, employee_id, week_start_date";

    private const string UtilizationSql =
        "select employee_id, full_name, week_start_date, capacity_hours, total_hours, billable_hours, allocated_hours, utilization_pct " +
        UtilizationGrid;

    private const string EveryUtilizationColumnSql = "select * " + UtilizationGrid;

    private const string RawUtilizationSql =
        $"""
        select e.id, e.full_name, t.week_start_date, e.weekly_capacity_hours,
               sum(t.hours) as total_hours, coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
               round(sum(t.hours) / nullif(e.weekly_capacity_hours, 0), 4) as utilization_pct
        from agency.timesheet_entries t
        join agency.employees e on e.tenant_id = t.tenant_id and e.id = t.employee_id
        where t.week_start_date {WeekWindow} and e.deleted_at is null
        group by e.id, e.full_name, t.week_start_date, e.weekly_capacity_hours
        order by e.full_name, e.id, t.week_start_date
        """;

    // Each of the client's campaigns gives its newest 50 from the (campaign, date) index, and the
    // newest 50 of those are the page: the work is the client's campaigns × 50, however many
    // entries the client or the tenant has (a join sorted every entry of the client's campaigns).
    private const string ClientListSql =
        """
        select t.id, t.entry_date, t.hours, t.billable, t.status, t.description, e.full_name, c.code, c.name
        from agency.campaigns c
        cross join lateral (
          select t.* from agency.timesheet_entries t
          where t.tenant_id = c.tenant_id and t.campaign_id = c.id
          order by t.entry_date desc, t.id
          limit 50) t
        join agency.employees e on e.tenant_id = t.tenant_id and e.id = t.employee_id
        where c.client_id = @client
        order by t.entry_date desc, t.id
        limit 50
        """;

    public async Task<List<BenchResult>> UtilizationAsync()
    {
        const string name = "utilization per person per week";
        const string target = "p95 ≤ 50 ms";
        var people = await db.ScalarAsync<long>("select count(*) from agency.employees where tenant_id = @tenant and deleted_at is null");
        var entries = await db.ScalarAsync<long>($"select count(*) from agency.timesheet_entries where tenant_id = @tenant and week_start_date {WeekWindow}");
        int rows = 0, rawRows = 0;
        var (measured, baseline) = await sampler.CompareAsync(
            async _ => rows = await ReadAsync(UtilizationSql),
            async _ => rawRows = await ReadAsync(RawUtilizationSql));
        var m = Percentiles.Summarize(measured);
        var check = new TargetCheck().AtMost("p95", m.P95, 50, " ms");
        var notes = new List<string> { $"v_employee_utilization over {Weeks} weeks: {rows:N0} person-weeks (the raw aggregate: {rawRows:N0})" };
        await ExplainIfMissedAsync(check, "2-utilization", UtilizationSql, _ => { }, notes);
        var workload = $"{people:N0} people × {Weeks} weeks, {entries:N0} entries";
        var everyColumn = Percentiles.Summarize(await sampler.TimeAsync(async _ => await ReadAsync(EveryUtilizationColumnSql)));
        return
        [
            BenchResult.OfLatency("2", name, workload, target, m, check, notes, Percentiles.Summarize(baseline), "live aggregate"),
            BenchResult.OfLatency("2b", "the same, every column of the view", workload, "(no target)", everyColumn, null,
                ["select * from v_employee_utilization: what a screen would pay for the columns it does not show"]),
        ];
    }

    public async Task<BenchResult> ClientListAsync()
    {
        const string target = "p95 ≤ 100 ms";
        // The client with the most hours logged: the longest list.
        var client = await db.ScalarAsync<Guid>(
            """
            select c.client_id from agency.timesheet_entries t
            join agency.campaigns c on c.tenant_id = t.tenant_id and c.id = t.campaign_id
            where t.tenant_id = @tenant group by c.client_id order by count(*) desc, c.client_id limit 1
            """);
        var entries = await db.ScalarAsync<long>(
            """
            select count(*) from agency.timesheet_entries t
            join agency.campaigns c on c.tenant_id = t.tenant_id and c.id = t.campaign_id
            where t.tenant_id = @tenant and c.client_id = @client
            """, ("client", client));
        void Parameters(NpgsqlParameterCollection p) => p.AddWithValue("client", client);
        var rows = 0;
        var samples = await sampler.TimeAsync(async _ => rows = await ReadAsync(ClientListSql, Parameters));
        var m = Percentiles.Summarize(samples);
        var check = new TargetCheck().AtMost("p95", m.P95, 100, " ms").That(rows == Math.Min(PageSize, entries), "a full first page");
        var notes = new List<string> { $"first {PageSize} entries of the client with the most ({entries:N0}), newest first" };
        await ExplainIfMissedAsync(check, "3-client-timesheets", ClientListSql, Parameters, notes);
        return BenchResult.OfLatency("3", "timesheet list, one client, first page", $"{PageSize} of {entries:N0} entries", target, m, check, notes)
            with { FixedWorkload = true };
    }

    /// <summary>
    /// Issue 13: the week screen's own services, timed at the server (one unit of work each, as the
    /// page calls them): 16a my week loaded, 16b a week of 8 rows x 7 days saved, 16c the approvals
    /// queue's first page (leadership: every submitted week of the tenant). The week is last week,
    /// the person one without time in it, the campaigns open across it and theirs to log to (on the team or allocated), so that the rules of 021
    /// (dates, days ahead, 24 h) admit the cells; the rows are deleted after.
    /// </summary>
    public async Task<List<BenchResult>> WeekScreenAsync(IConfiguration configuration)
    {
        const string target = "p95 ≤ 50 ms";
        var week = DateOnly.FromDateTime(await db.ScalarAsync<DateTime>("select (agency.current_week_start() - 7)::timestamp"));
        // Open across the week, and the person's to log to: on its team or allocated to it (030).
        const string Loggable =
            """
            c.tenant_id = @tenant and c.deleted_at is null and c.status in ('planning', 'active', 'on_hold')
              and c.start_date <= @week and c.end_date >= @week + 6
              and (exists (select 1 from agency.campaign_team tm where tm.tenant_id = c.tenant_id and tm.campaign_id = c.id and tm.employee_id = e.id)
                   or exists (select 1 from agency.team_allocations a where a.tenant_id = c.tenant_id and a.campaign_id = c.id and a.employee_id = e.id))
            """;
        var person = await db.ScalarAsync<Guid>(
            $"""
            select e.id from agency.employees e
            where e.tenant_id = @tenant and e.active and e.deleted_at is null and e.agency_role = 'creative'
              and not exists (select 1 from agency.timesheet_entries t where t.tenant_id = e.tenant_id and t.employee_id = e.id and t.week_start_date = @week)
              and not exists (select 1 from agency.time_off_entries o where o.tenant_id = e.tenant_id and o.employee_id = e.id and o.week_start_date = @week)
              and not exists (select 1 from agency.timesheet_weeks w where w.tenant_id = e.tenant_id and w.employee_id = e.id and w.week_start_date = @week)
            order by least(8, (select count(*) from agency.campaigns c where {Loggable})) desc, e.id limit 1
            """, ("week", week));
        var campaigns = new List<Guid>();
        await using (var command = db.Maintenance.CreateCommand(
            $"""
            select c.id from agency.campaigns c join agency.employees e on e.tenant_id = c.tenant_id and e.id = @person
            where {Loggable}
            order by c.id limit 8
            """))
        {
            command.Parameters.AddWithValue("tenant", db.Tenant.Id);
            command.Parameters.AddWithValue("week", week);
            command.Parameters.AddWithValue("person", person);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                campaigns.Add(reader.GetGuid(0));
            }
        }

        async Task CleanAsync()
        {
            await using var delete = db.Maintenance.CreateCommand(
                "delete from agency.timesheet_entries where tenant_id = @tenant and employee_id = @person and week_start_date = @week");
            delete.Parameters.AddWithValue("tenant", db.Tenant.Id);
            delete.Parameters.AddWithValue("person", person);
            delete.Parameters.AddWithValue("week", week);
            await delete.ExecuteNonQueryAsync();
        }

        await using var creative = new ScreenServices(configuration, db.Tenant.Id, person);
        await using var leadership = new ScreenServices(configuration, db.Tenant.Id, db.Tenant.Leadership);
        var results = new List<BenchResult>();
        await CleanAsync();
        try
        {
            // 16b first: every other save starts from an empty week (inserts), the ones between change the same cells (updates).
            var saved = 0;
            WeekDto? current = null;
            var save = await sampler.TimeAsync(
                async i =>
                {
                    var hours = 0.25m * (1 + Math.Abs(i) % 4);
                    var changes = (from c in Enumerable.Range(0, campaigns.Count)
                                   from d in Enumerable.Range(0, 7)
                                   let cell = current?.Rows.FirstOrDefault(r => r.CampaignId == campaigns[c])?.Cells[d]
                                   select new CellChange(campaigns[c], null, week.AddDays(d), hours, null, cell?.EntryId, cell?.EntryId is null ? null : cell.Version))
                        .ToList();
                    var outcomes = await creative.CallAsync<ITimesheetCommands, IReadOnlyList<CellOutcome>>(c => c.SaveCellsAsync(changes));
                    saved = outcomes.Count(o => o.Succeeded);
                },
                before: async i =>
                {
                    if (i % 2 == 0)
                    {
                        await CleanAsync();
                        current = null;
                    }
                    else
                    {
                        current = await creative.CallAsync<ITimesheetQueries, WeekDto?>(q => q.GetWeekAsync(week));
                    }
                });
            var cells = campaigns.Count * 7;
            var saveSummary = Percentiles.Summarize(save);
            results.Add(BenchResult.OfLatency("16b", "my week: save", $"{campaigns.Count} rows × 7 days = {cells} cells", target, saveSummary,
                new TargetCheck().AtMost("p95", saveSummary.P95, 50, " ms").That(saved == cells, $"{cells} cells saved"),
                ["ITimesheetCommands.SaveCellsAsync as a creative: one unit of work, the days' locks, the cells read once, one statement each for cleared, changed and new cells (030); inserts and updates alternate"])
                with { FixedWorkload = true });

            var rows = 0;
            var load = await sampler.TimeAsync(async _ => rows = (await creative.CallAsync<ITimesheetQueries, WeekDto?>(q => q.GetWeekAsync(week)))!.Rows.Count);
            var loadSummary = Percentiles.Summarize(load);
            results.Add(BenchResult.OfLatency("16a", "my week: load", $"{rows} rows × 7 days", target, loadSummary,
                new TargetCheck().AtMost("p95", loadSummary.P95, 50, " ms").That(rows == campaigns.Count, "every row read"),
                ["ITimesheetQueries.GetWeekAsync as the person: entries with campaigns and phases, time off, the week's lock, the timer"])
                with { FixedWorkload = true });
        }
        finally
        {
            await CleanAsync();
        }

        var waiting = 0;
        var approvals = await sampler.TimeAsync(async _ => waiting = (await leadership.CallAsync<ITimesheetQueries, IReadOnlyList<ApprovalWeekDto>>(q => q.ApprovalsAsync())).Count);
        var approvalsSummary = Percentiles.Summarize(approvals);
        results.Add(BenchResult.OfLatency("16c", "approvals queue, first page", $"{waiting} person-weeks (leadership)", target, approvalsSummary,
            new TargetCheck().AtMost("p95", approvalsSummary.P95, 50, " ms"),
            ["ITimesheetQueries.ApprovalsAsync: agency.timesheet_weeks_awaiting_me(), the function the dashboard tile and the bell count"]));
        return results;
    }

    private Task<int> ReadAsync(string sql, Action<NpgsqlParameterCollection>? parameters = null) =>
        db.InUnitOfWorkAsync(db.App, db.Tenant.Leadership, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            parameters?.Invoke(command.Parameters);
            return await BenchDatabase.DrainAsync(command);
        });

    private async Task ExplainIfMissedAsync(TargetCheck check, string id, string sql, Action<NpgsqlParameterCollection> parameters, List<string> notes)
    {
        if (check.Verdict == Verdict.Miss)
        {
            var file = Path.Combine(settings.OutputFolder, "plans", $"{id}.txt");
            notes.Add($"plan: {file} ({await db.ExplainAsync(db.App, db.Tenant.Leadership, sql, parameters, file)})");
        }
    }
}
