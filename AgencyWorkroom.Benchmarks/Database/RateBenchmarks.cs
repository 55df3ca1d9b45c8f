using AgencyWorkroom.Benchmarks.Harness;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Issue 13's rate targets, as the app role under row-level security: agency.rate_for over a
/// month of one campaign's entries (the Rates lookup and the summaries price exactly so), and a
/// correction of one person's rates over a year and more of their entries, repricing included
/// (rolled back, so the data set is left as it was).
/// </summary>
public sealed class RateBenchmarks(BenchDatabase db, Sampler sampler, BenchSettings settings)
{
    // Every entry of the month with the rate that applies and where it came from.
    private const string MonthSql =
        """
        select t.id, t.hours, r.bill_rate, r.cost_rate, r.bill_source
        from agency.timesheet_entries t
        left join lateral agency.rate_for(t.tenant_id, t.employee_id, t.campaign_id, t.entry_date) r on true
        where t.campaign_id = @campaign and t.entry_date >= @month and t.entry_date < (@month + interval '1 month')::date
        """;

    // 006's pricing, the person's own rate only: what one level cost before four.
    private const string PersonOnlySql =
        """
        select t.id, t.hours, er.bill_rate, er.cost_rate
        from agency.timesheet_entries t
        left join lateral (
          select r.bill_rate, r.cost_rate from agency.employee_rates r
          where r.tenant_id = t.tenant_id and r.employee_id = t.employee_id
            and r.effective_from <= t.entry_date and (r.effective_to is null or r.effective_to > t.entry_date)
          order by r.effective_from desc limit 1) er on true
        where t.campaign_id = @campaign and t.entry_date >= @month and t.entry_date < (@month + interval '1 month')::date
        """;

    // A correction of every period of the person: each of their entries is priced again.
    private const string CorrectionSql =
        """
        select set_config('app.audit_reason', 'benchmark correction', true);
        update agency.employee_rates set bill_rate = bill_rate + 1 where employee_id = @person and bill_rate is not null
        """;

    /// <summary>#15a: rate resolution for a month of a campaign's entries, p95 ≤ 20 ms.</summary>
    public async Task<BenchResult> MonthOfCampaignAsync()
    {
        const string target = "p95 ≤ 20 ms";
        var month = await db.ScalarAsync<DateTime>("select (date_trunc('month', current_date) - interval '1 month')::timestamp");
        var campaign = await db.ScalarAsync<Guid>(
            """
            select campaign_id from agency.timesheet_entries
            where tenant_id = @tenant and entry_date >= @month and entry_date < (@month + interval '1 month')::date
            group by campaign_id order by count(*) desc, campaign_id limit 1
            """, ("month", DateOnly.FromDateTime(month)));
        void Parameters(NpgsqlParameterCollection p)
        {
            p.AddWithValue("campaign", campaign);
            p.AddWithValue("month", DateOnly.FromDateTime(month));
        }

        int rows = 0, baselineRows = 0;
        var (measured, baseline) = await sampler.CompareAsync(
            async _ => rows = await ReadAsync(MonthSql, Parameters),
            async _ => baselineRows = await ReadAsync(PersonOnlySql, Parameters));
        var m = Percentiles.Summarize(measured);
        var check = new TargetCheck().AtMost("p95", m.P95, 20, " ms").That(rows == baselineRows, "every entry priced");
        var notes = new List<string>
        {
            $"agency.rate_for (campaign > client > person > card) over {rows:N0} entries of the busiest campaign of {month:MMMM yyyy}, as leadership",
        };
        if (check.Verdict == Verdict.Miss)
        {
            var file = Path.Combine(settings.OutputFolder, "plans", "15a-rate-month.txt");
            notes.Add($"plan: {file} ({await db.ExplainAsync(db.App, db.Tenant.Leadership, MonthSql, Parameters, file)})");
        }

        return BenchResult.OfLatency("15a", "rate resolution, a month of a campaign", $"{rows:N0} entries", target, m, check, notes,
            Percentiles.Summarize(baseline), "person's rate only (006)");
    }

    /// <summary>#15b: a correction of a person's rates over a year of their entries, repriced, ≤ 1 s.</summary>
    public async Task<BenchResult> CorrectionAsync()
    {
        const string target = "≤ 1 s (p95)";
        var finance = await db.ScalarAsync<Guid>(
            "select id from agency.employees where tenant_id = @tenant and agency_role = 'finance' and active order by id limit 1");
        // The person whose entries reach back closest to a year, the busiest among those.
        var person = await db.ScalarAsync<Guid>(
            """
            select employee_id from agency.timesheet_entries where tenant_id = @tenant
            group by employee_id
            order by abs((current_date - min(entry_date)) - 365), count(*) desc, employee_id
            limit 1
            """);
        var entries = await db.ScalarAsync<long>(
            "select count(*) from agency.timesheet_entries where tenant_id = @tenant and employee_id = @person", ("person", person));
        var buckets = await db.ScalarAsync<long>(
            """
            select count(distinct (campaign_id, week_start_date, date_trunc('month', entry_date)))
            from agency.timesheet_entries where tenant_id = @tenant and employee_id = @person
            """, ("person", person));
        var changed = 0;
        var samples = await sampler.TimeAsync(_ => db.InUnitOfWorkAsync(db.App, finance, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(CorrectionSql, connection, transaction);
            command.Parameters.AddWithValue("person", person);
            return changed = await command.ExecuteNonQueryAsync();
        }, commit: false));
        var m = Percentiles.Summarize(samples);
        var check = new TargetCheck().AtMost("p95", m.P95, 1000, " ms").That(changed > 0, "the person's periods corrected");
        return BenchResult.OfLatency("15b", "rate correction, one person's entries repriced", $"{entries:N0} entries in {buckets:N0} campaign-week buckets",
            target, m, check,
            ["one unit of work as finance with a reason: every period of the person corrected in one UPDATE, the campaign weeks " +
             "holding their entries counted again by reprice_campaign_summaries (audit and history triggers included); rolled back"]);
    }

    private Task<int> ReadAsync(string sql, Action<NpgsqlParameterCollection> parameters) =>
        db.InUnitOfWorkAsync(db.App, db.Tenant.Leadership, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            parameters(command.Parameters);
            return await BenchDatabase.DrainAsync(command);
        });
}
