using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Paging;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// #1: each v_* view's first page. Where a screen reads the view, the screen's own call (its
/// feature service's ListAsync: the unit of work, the page and the count the pager shows) as the
/// scale tenant's leadership person. Where no screen does yet, the first page as SQL, as the app
/// role in that person's unit of work (row-level security on), against the same SQL as the
/// maintenance role (BYPASSRLS) naming the tenant itself: what the policies cost.
/// </summary>
public sealed class ViewPageBenchmarks(BenchDatabase db, Sampler sampler, BenchSettings settings, ScreenServices screens)
{
    public const string ScreenTarget = "p95 ≤ 50 ms";
    public const string Target = "p95 ≤ 50 ms, ratio ≤ 1.2";
    private const double MaxP95Ms = 50;
    private const double MaxRatio = 1.2;

    /// <param name="Filter">The screen's own condition, or null.</param>
    /// <param name="Rest">Order and limit: the first page.</param>
    private sealed record ScreenQuery(string View, string? Filter, string Rest)
    {
        public string Sql(bool namingTenant)
        {
            var conditions = new[] { Filter, namingTenant ? "tenant_id = @tenant" : null }.OfType<string>().ToList();
            return $"select * from agency.{View}{(conditions.Count > 0 ? " where " + string.Join(" and ", conditions) : "")} {Rest}".TrimEnd();
        }
    }

    // What each screen asks for; a view no screen reads yet gets a plain first page.
    private static readonly ScreenQuery[] Screens =
    [
        new("v_campaign_overview", null, "order by start_date desc, campaign_id limit 25"),
        new("v_client_360", null, "order by name, client_id limit 25"),
        new("v_employee_utilization", "week_start_date = agency.current_week_start()", "order by full_name, employee_id limit 25"),
        new("v_timesheet_summary_by_campaign", "campaign_id = @campaign", "order by week_start_date"),
        new("v_artifact_library", null, "order by updated_at desc, artifact_id limit 25"),
        new("v_dashboard_kpis", null, ""),
    ];

    public async Task<List<BenchResult>> RunAsync()
    {
        var views = await ViewsAsync();
        var campaign = await db.ScalarAsync<Guid>(
            "select campaign_id from agency.timesheet_entries where tenant_id = @tenant group by campaign_id order by count(*) desc, campaign_id limit 1");
        var entriesOfCampaign = await db.ScalarAsync<long>(
            "select count(*) from agency.timesheet_entries where tenant_id = @tenant and campaign_id = @campaign", ("campaign", campaign));
        var sizes = await SizesAsync();

        var queries = Screens.Where(s => views.Contains(s.View))
            .Concat(views.Where(v => Screens.All(s => s.View != v)).Select(v => new ScreenQuery(v, null, "limit 25")))
            .ToList();
        var results = new List<BenchResult>();
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            var id = $"1{(char)('a' + i)}";
            var workload = query.View switch
            {
                "v_timesheet_summary_by_campaign" => $"1 campaign, {entriesOfCampaign:N0} entries",
                "v_dashboard_kpis" => $"1 row over {sizes["entries"]:N0} entries",
                "v_employee_utilization" => $"25 of {sizes["employees"]:N0} people, this week",
                "v_client_360" => $"25 of {sizes["clients"]:N0} clients",
                "v_artifact_library" => $"25 of {sizes["artifacts"]:N0} artifacts",
                "v_campaign_overview" => $"25 of {sizes["campaigns"]:N0} campaigns",
                _ => "first 25 rows",
            };
            try
            {
                results.Add(query.View switch
                {
                    "v_campaign_overview" => await MeasureScreenAsync(id, "campaign list: ListAsync, first page and count", workload,
                        () => screens.CallAsync<ICampaignQueries, int>(async q => (await q.ListAsync(new CampaignFilter(), new PageRequest())).TotalCount)),
                    "v_client_360" => await MeasureScreenAsync(id, "client list: ListAsync, first page and count", workload,
                        () => screens.CallAsync<IClientQueries, int>(async q => (await q.ListAsync(new ClientFilter(), new PageRequest())).TotalCount)),
                    _ => await MeasureAsync(id, query, campaign, workload),
                });
            }
            catch (Exception ex)
            {
                results.Add(BenchResult.Failed(id, $"first page: {query.View}", Target, ex));
            }
        }

        return results;
    }

    private async Task<BenchResult> MeasureScreenAsync(string id, string name, string workload, Func<Task<int>> call)
    {
        var total = 0;
        var m = Percentiles.Summarize(await sampler.TimeAsync(async _ => total = await call()));
        return BenchResult.OfLatency(id, name, workload, ScreenTarget, m, new TargetCheck().AtMost("p95", m.P95, MaxP95Ms, " ms"),
            [$"the screen's service as the leadership person, 25 rows and a count of {total:N0}, default filters and order"]) with { FixedWorkload = true };
    }

    private async Task<BenchResult> MeasureAsync(string id, ScreenQuery query, Guid campaign, string workload)
    {
        // Only the parameters the statement names.
        Action<NpgsqlParameterCollection> Parameters(string sql) => p =>
        {
            if (sql.Contains("@tenant", StringComparison.Ordinal))
            {
                p.AddWithValue("tenant", db.Tenant.Id);
            }

            if (sql.Contains("@campaign", StringComparison.Ordinal))
            {
                p.AddWithValue("campaign", campaign);
            }
        };

        int rows = 0, baselineRows = 0;
        var (measured, baseline) = await sampler.CompareAsync(
            async _ => rows = await RunAsync(db.App, query.Sql(namingTenant: false)),
            async _ => baselineRows = await RunAsync(db.Maintenance, query.Sql(namingTenant: true)));

        async Task<int> RunAsync(NpgsqlDataSource source, string sql) =>
            await db.InUnitOfWorkAsync(source, db.Tenant.Leadership, async (connection, transaction) =>
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                Parameters(sql)(command.Parameters);
                return await BenchDatabase.DrainAsync(command);
            });

        var m = Percentiles.Summarize(measured);
        var b = Percentiles.Summarize(baseline);
        var check = new TargetCheck().AtMost("p95", m.P95, MaxP95Ms, " ms").AtMost("ratio", m.P50 / b.P50, MaxRatio)
            .That(rows == baselineRows, "the same rows with and without row-level security");
        var notes = new List<string> { $"{query.Sql(false)} ({rows} rows; the baseline read {baselineRows})" };
        if (check.Verdict == Verdict.Miss)
        {
            var file = Path.Combine(settings.OutputFolder, "plans", $"{id}-{query.View}.txt");
            var time = await db.ExplainAsync(db.App, db.Tenant.Leadership, query.Sql(false), Parameters(query.Sql(false)), file);
            notes.Add($"plan under RLS: {file} ({time})");
        }

        // A first page or one campaign is a fixed workload; the KPIs sum the whole tenant.
        return BenchResult.OfLatency(id, $"first page: {query.View}", workload, Target, m, check, notes, b, "no RLS")
            with { FixedWorkload = query.View != "v_dashboard_kpis" };
    }

    private async Task<List<string>> ViewsAsync()
    {
        await using var command = db.Maintenance.CreateCommand(
            "select viewname from pg_views where schemaname = 'agency' and viewname like 'v\\_%' order by viewname");
        var views = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            views.Add(reader.GetString(0));
        }

        return views;
    }

    private async Task<Dictionary<string, long>> SizesAsync()
    {
        var sizes = new Dictionary<string, long>();
        foreach (var (name, table) in new[]
                 {
                     ("entries", "agency.timesheet_entries"), ("employees", "agency.employees"), ("clients", "agency.clients"),
                     ("artifacts", "agency.artifacts"), ("campaigns", "agency.campaigns"),
                 })
        {
            sizes[name] = await db.ScalarAsync<long>($"select count(*) from {table} where tenant_id = @tenant");
        }

        return sizes;
    }
}
