using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>
/// The per-week summaries of 011 (campaigns' hours and money, people's hours) and the submitted parts
/// of 027 (what awaits approval): kept by triggers through every kind of write,
/// equal at all times to counting the entries again, read-only to the app, and readable by
/// exactly those who may read the entries (hours) or the rates (money).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TimeSummaryTests(TwoTenantWorld world)
{
    /// <summary>Buckets where the summaries and a fresh count over the entries disagree (as a role
    /// that reads every entry and every rate). Zero means the summaries are right.</summary>
    internal const string Drift = """
        with counted as (
          select t.campaign_id, t.week_start_date, date_trunc('month', t.entry_date)::date as month_start_date,
                 sum(t.hours) as total_hours, coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
                 count(*)::integer as entry_count, max(t.entry_date) as last_entry_date,
                 coalesce(sum(t.revenue), 0) as revenue, coalesce(sum(t.labor_cost), 0) as labor_cost
          from agency.timesheet_costs t
          group by 1, 2, 3),
        kept as (
          select h.campaign_id, h.week_start_date, h.month_start_date, h.total_hours, h.billable_hours,
                 h.entry_count, h.last_entry_date, m.revenue, m.labor_cost
          from agency.campaign_week_hours h
          left join agency.campaign_week_money m using (tenant_id, campaign_id, week_start_date, month_start_date)),
        people_counted as (
          select employee_id, week_start_date, coalesce(t.total_hours, 0) as total_hours,
                 coalesce(t.billable_hours, 0) as billable_hours, coalesce(t.entry_count, 0) as entry_count,
                 coalesce(a.allocated_hours, 0) as allocated_hours, coalesce(a.allocation_count, 0) as allocation_count
          from (select employee_id, week_start_date, sum(hours) as total_hours,
                       coalesce(sum(hours) filter (where billable), 0) as billable_hours, count(*)::integer as entry_count
                from agency.timesheet_entries group by 1, 2) t
          full join (select employee_id, week_start_date, sum(hours) as allocated_hours, count(*)::integer as allocation_count
                     from agency.team_allocations group by 1, 2) a using (employee_id, week_start_date)),
        people_kept as (
          select p.employee_id, p.week_start_date, p.total_hours, p.billable_hours, p.entry_count,
                 p.allocated_hours, p.allocation_count
          from agency.employee_week_hours p),
        parts_counted as (
          select employee_id, week_start_date, campaign_id, count(*)::integer as entries, sum(hours) as hours
          from agency.timesheet_entries where status = 'submitted' group by 1, 2, 3),
        parts_kept as (
          select employee_id, week_start_date, campaign_id, entries, hours from agency.timesheet_submitted_parts),
        months_counted as (
          select campaign_id, month_start_date, sum(total_hours) as total_hours, sum(billable_hours) as billable_hours,
                 sum(entry_count)::integer as entry_count, count(*)::integer as bucket_count,
                 sum(revenue) as revenue, sum(labor_cost) as labor_cost
          from counted group by 1, 2),
        months_kept as (
          select campaign_id, month_start_date, h.total_hours, h.billable_hours, h.entry_count, h.bucket_count,
                 m.revenue, m.labor_cost
          from agency.campaign_month_hours h
          left join agency.campaign_month_money m using (tenant_id, campaign_id, month_start_date, bucket_count))
        select (select count(*) from ((table counted except table kept) union all (table kept except table counted)) x)
             + (select count(*) from ((table months_counted except table months_kept) union all (table months_kept except table months_counted)) m)
             + (select count(*) from ((table people_counted except table people_kept) union all (table people_kept except table people_counted)) y)
             + (select count(*) from ((table parts_counted except table parts_kept) union all (table parts_kept except table parts_counted)) z)
        """;

    [Fact]
    public async Task Summaries_FollowInsertsUpdatesAndDeletes_AcrossMonthEnds()
    {
        // History out of the campaign's dates, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "creative", world.A.People["creative"]);
        var campaign = world.A.Rows["agency.campaigns"];

        // Six weeks up to today, and the week of 29 December 2025, which is two buckets (two months).
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (campaign_id, entry_date, hours, billable)
            select @campaign, current_date - g, 1 + g % 5, g % 4 <> 0 from generate_series(1, 42) g
            union all
            select @campaign, d::date, 6, true from generate_series('2025-12-27'::date, '2026-01-06'::date, interval '1 day') d
            """, ("campaign", campaign));
        await s.ExecuteAsync("update agency.timesheet_entries set hours = hours + 1, billable = not billable where entry_date > current_date - 10");
        await s.ExecuteAsync("update agency.timesheet_entries set entry_date = entry_date - 7 where entry_date between current_date - 20 and current_date - 15");
        await s.ExecuteAsync("delete from agency.timesheet_entries where entry_date in (current_date - 3, current_date - 30)");
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
        Assert.Equal(2L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours where week_start_date = '2025-12-29'"));
        var overview = (await s.QueryAsync(
            "select total_hours, revenue, last_entry_date from agency.v_campaign_overview where campaign_id = @id", ("id", campaign))).Single();
        var live = (await s.QueryAsync(
            "select sum(hours) as total_hours, sum(revenue) as revenue, max(entry_date) as last_entry_date from agency.timesheet_costs where campaign_id = @id",
            ("id", campaign))).Single();
        Assert.Equal(live, overview);
    }

    [Fact]
    public async Task Summaries_LoseABucketWhoseLastEntryGoes()
    {
        // History out of the campaign's dates, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "creative", world.A.People["creative"]);
        await s.ExecuteAsync("insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, '2024-02-14', 3)",
            ("c", world.A.Rows["agency.campaigns"]));
        await s.ExecuteAsync("delete from agency.timesheet_entries where entry_date = '2024-02-14'");
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours where week_start_date = '2024-02-12'"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_money where week_start_date = '2024-02-12'"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.employee_week_hours where week_start_date = '2024-02-12'"));
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
    }

    [Fact]
    public async Task StatusOnlyUpdate_LeavesEverySummaryRowUntouched()
    {
        // Approving moves no hour: the trigger counts the rows whose counted columns changed (023).
        // As the owner: the entry rules (021) would have leadership approve submitted time only.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "creative", world.A.People["creative"]);
        await s.ExecuteAsync(
            "insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, current_date - g, 2 from generate_series(1, 20) g",
            ("c", world.A.Rows["agency.campaigns"]));
        await s.SetContextAsync(world.A.Id, "leadership", world.A.People["leadership"]);
        const string Versions = "select string_agg(xmin::text, ',' order by campaign_id, week_start_date, month_start_date) from agency.campaign_week_hours";
        var before = await s.ScalarAsync<string>(Versions);

        var approved = await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved', approved_at = now(), approved_by = @me where employee_id = @p",
            ("me", world.A.People["leadership"]), ("p", world.A.People["creative"]));
        await s.ExecuteAsync("update agency.timesheet_entries set description = 'reworded' where employee_id = @p", ("p", world.A.People["creative"]));

        Assert.True(approved >= 20);
        Assert.Equal(before, await s.ScalarAsync<string>(Versions));
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
    }

    [Fact]
    public async Task DeletingEveryEntryOfATenant_EmptiesItsSummaries_AndKeepsAllocatedWeeks()
    {
        // As the owner: the entry rules (021) let only a person delete their own time.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "leadership", world.A.People["leadership"]);
        await s.ExecuteAsync(
            "insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours) values (@p, @c, agency.current_week_start() + 14, 12)",
            ("p", world.A.People["creative"]), ("c", world.A.Rows["agency.campaigns"]));

        await s.ExecuteAsync("delete from agency.timesheet_entries");

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_money"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.employee_week_hours where entry_count <> 0 or total_hours <> 0"));
        Assert.Equal(12m, await s.ScalarAsync<decimal>("select sum(allocated_hours) from agency.employee_week_hours where week_start_date = agency.current_week_start() + 14"));
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));

        await s.ExecuteAsync("delete from agency.team_allocations");

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.employee_week_hours"));
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
        // The other tenant's summaries are untouched.
        await s.SetContextAsync(world.B.Id, "leadership", world.B.People["leadership"]);
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours") > 0);
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
    }

    [Fact]
    public async Task ManyRowsAtOnce_KeepTheSummariesExact()
    {
        // Thousands of rows in each statement, over many buckets, moved, partly deleted and approved.
        // As the owner: history outside the rules of 021 (anyone's time, draft straight to approved).
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "leadership", world.A.People["leadership"]);
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, billable)
            select (array[@a, @b])[1 + g % 2], @c, date '2025-01-01' + g % 400, 0.25 * (1 + g % 8), g % 3 <> 0
            from generate_series(1, 5000) g
            """, ("a", world.A.People["creative"]), ("b", world.A.People["pm"]), ("c", world.A.Rows["agency.campaigns"]));
        await s.ExecuteAsync("update agency.timesheet_entries set entry_date = entry_date + 3 where entry_date between '2025-03-01' and '2025-05-31'");
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved', hours = hours + 0.25 where extract(dow from entry_date) = 1");
        await s.ExecuteAsync("delete from agency.timesheet_entries where entry_date between '2025-06-01' and '2025-09-30' and billable");

        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
    }

    [Fact]
    public async Task SubmittedParts_FollowSubmitApproveRejectAndDelete_AndTheQueueCountsFromThem()
    {
        // Weeks of two people on two campaigns, submitted, then partly approved, rejected, moved and
        // deleted in statements of many rows. As the owner: states straight from history (021 binds the app).
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "leadership", world.A.People["leadership"]);
        var second = Guid.NewGuid();
        await s.SetContextAsync(world.A.Id, "pm", world.A.People["pm"]);
        await s.ExecuteAsync(
            "insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date) values (@id, @client, @code, 'Second', 'active', '2025-01-01', '2025-12-31')",
            ("id", second), ("client", world.A.Rows["agency.clients"]), ("code", "SP-" + second.ToString("N")[..10].ToUpperInvariant()));
        await s.SetContextAsync(world.A.Id, "leadership", world.A.People["leadership"]);
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, status, submitted_at)
            select (array[@a, @b])[1 + g % 2], (array[@c, @d])[1 + g / 2 % 2], date '2025-03-03' + g % 60, 0.25 * (1 + g % 8),
                   case when g % 5 = 0 then 'draft' else 'submitted' end, now() - g * interval '1 minute'
            from generate_series(1, 2000) g
            """, ("a", world.A.People["creative"]), ("b", world.A.People["pm"]), ("c", world.A.Rows["agency.campaigns"]), ("d", second));
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
        var weeks = await s.ScalarAsync<long>("select count(distinct (employee_id, week_start_date)) from agency.timesheet_entries where status = 'submitted'");
        Assert.Equal(weeks, await s.ScalarAsync<long>("select agency.pending_timesheet_approvals()"));

        await s.ExecuteAsync("update agency.timesheet_entries set status = 'approved', approved_at = now(), approved_by = @me where status = 'submitted' and campaign_id = @c",
            ("me", world.A.People["leadership"]), ("c", world.A.Rows["agency.campaigns"]));
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'rejected', rejection_reason = 'no' where status = 'submitted' and entry_date < '2025-03-20'");
        await s.ExecuteAsync("update agency.timesheet_entries set status = 'submitted' where status = 'draft' and entry_date > '2025-04-01'");
        await s.ExecuteAsync("update agency.timesheet_entries set hours = hours + 0.25 where status = 'submitted' and extract(dow from entry_date) = 3");
        await s.ExecuteAsync("delete from agency.timesheet_entries where status = 'submitted' and entry_date between '2025-04-10' and '2025-04-15'");

        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_submitted_parts where entries <= 0"));
        // What leadership's queue shows is the entries' own count, week by week.
        var queue = await s.QueryAsync("select employee_id, week_start_date, entries, hours from agency.timesheet_weeks_awaiting_me() order by 1, 2");
        var counted = await s.QueryAsync(
            """
            select employee_id, week_start_date, count(*) as entries, sum(hours) as hours from agency.timesheet_entries
            where status = 'submitted' and employee_id <> @me group by 1, 2 order by 1, 2
            """, ("me", world.A.People["leadership"]));
        Assert.NotEmpty(counted);
        Assert.Equal(counted, queue);
        Assert.Equal((long)counted.Count, await s.ScalarAsync<long>("select agency.pending_timesheet_approvals()"));
    }

    [Fact]
    public async Task RateChange_RepricesTheEntriesItCovers()
    {
        // History out of the campaign's dates, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "creative", world.A.People["creative"]);
        await s.ExecuteAsync(
            "insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, current_date - g, 2 from generate_series(1, 20) g",
            ("c", world.A.Rows["agency.campaigns"]));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
        var before = await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @id", ("id", world.A.Rows["agency.campaigns"]));

        // A raise from ten days ago: the old rate ends where the new one starts (a correction, with its reason).
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Raise agreed late', true)");
        await s.ExecuteAsync("update agency.employee_rates set effective_to = current_date - 10 where id = @id", ("id", world.A.Rows["agency.employee_rates"]));
        await s.ExecuteAsync(
            "insert into agency.employee_rates (employee_id, bill_rate, cost_rate, effective_from) values (@p, @bill, 70, current_date - 10)",
            ("p", world.A.People["creative"]), ("bill", TwoTenantWorld.BillRate + 50));

        var after = await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @id", ("id", world.A.Rows["agency.campaigns"]));
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
        // Ten days at 2 h, plus today's seeded entry, moved up by 50 an hour.
        Assert.Equal(before + (10 * 2 + TwoTenantWorld.LoggedHours) * 50, after);
    }

    [Fact]
    public async Task PeoplesWeeks_FollowAllocations()
    {
        await using var s = await world.AppSessionAsync(world.A, "pm");
        var person = world.A.People["creative"];
        await s.ExecuteAsync(
            """
            insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours)
            select @person, @campaign, '2025-01-06'::date + 7 * g, 10 + g from generate_series(0, 5) g
            """, ("person", person), ("campaign", world.A.Rows["agency.campaigns"]));
        await s.ExecuteAsync("update agency.team_allocations set hours = hours * 2 where week_start_date = '2025-01-13'");
        await s.ExecuteAsync("delete from agency.team_allocations where week_start_date = '2025-01-20'");

        const string Planned = "select allocated_hours from agency.v_employee_utilization where employee_id = @p and week_start_date = @w";
        Assert.Equal(22m, await s.ScalarAsync<decimal>(Planned, ("p", person), ("w", new DateOnly(2025, 1, 13))));
        Assert.Equal(0L, await s.ScalarAsync<long>(
            "select count(*) from agency.v_employee_utilization where employee_id = @p and week_start_date = '2025-01-20'", ("p", person)));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
        Assert.Equal(0L, await s.ScalarAsync<long>(Drift));
    }

    [Fact]
    public async Task Rebuild_CountsTheSameAsTheTriggers()
    {
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "creative", world.A.People["creative"]);
        await s.ExecuteAsync(
            "insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, current_date - g * 3, 4 from generate_series(1, 30) g",
            ("c", world.A.Rows["agency.campaigns"]));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
        const string Snapshot = "select string_agg(h::text || coalesce(m::text, ''), ';' order by h.week_start_date, h.month_start_date) " +
                                "|| (select string_agg(p::text, ';' order by p.employee_id, p.week_start_date) from agency.employee_week_hours p) " +
                                "from agency.campaign_week_hours h left join agency.campaign_week_money m using (tenant_id, campaign_id, week_start_date, month_start_date)";
        var kept = await s.ScalarAsync<string>(Snapshot);

        await s.ExecuteAsync("select agency.rebuild_time_summaries()");

        Assert.Equal(kept, await s.ScalarAsync<string>(Snapshot));
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("creative")]
    public async Task Summaries_AreReadOnlyToTheApp(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var insert = await s.FailureAsync(
            "insert into agency.campaign_week_hours values (@t, @c, '2024-01-01', '2024-01-01', 1000, 1000, 1, '2024-01-01')",
            ("t", world.A.Id), ("c", world.A.Rows["agency.campaigns"]));
        var update = await s.FailureAsync("update agency.campaign_week_money set revenue = revenue * 2");
        var rebuild = await s.FailureAsync("select agency.rebuild_time_summaries()");
        var parts = await s.FailureAsync("update agency.timesheet_submitted_parts set entries = 0");
        var rebuildParts = await s.FailureAsync("select agency.rebuild_submitted_parts()");

        Assert.All(new[] { insert, update, rebuild, parts, rebuildParts }, e => Assert.Equal("42501", e.SqlState));
    }

    [Theory]
    [InlineData("finance", true, true)]
    [InlineData("leadership", true, true)]
    [InlineData("pm", true, false)]
    [InlineData("account", false, false)]
    [InlineData("admin", false, false)]
    [InlineData("creative", false, false)]
    public async Task Summaries_CampaignHoursForEveryone_PeoplesWeeksAndMoneyAsTheEntriesAndRates(
        string role, bool readsEveryEntry, bool readsMoney)
    {
        await using var s = await world.AppSessionAsync(world.A, role);
        await using var finance = await world.AppSessionAsync(world.A, "finance");

        // Campaign hours are what account staff browse for (decision 006): every entry's, for every role.
        Assert.Equal(
            await finance.ScalarAsync<decimal?>("select sum(hours) from agency.timesheet_entries"),
            await s.ScalarAsync<decimal?>("select sum(total_hours) from agency.campaign_week_hours"));
        Assert.Equal(readsMoney, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_money") > 0);
        Assert.Equal(readsEveryEntry, await s.ScalarAsync<long>("select count(*) from agency.employee_week_hours") > 0);
        // People's weeks with only allocations count 0 logged hours there.
        Assert.Equal(
            await s.ScalarAsync<decimal>("select coalesce(sum(hours), 0) from agency.timesheet_entries"),
            await s.ScalarAsync<decimal>("select coalesce(sum(total_hours), 0) from agency.v_employee_utilization"));
    }

    [Fact]
    public async Task Summaries_WithoutATenant_ShowNothing()
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, null, "finance", world.A.People["finance"]);

        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_money"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.employee_week_hours"));
    }

    [Fact]
    public async Task Summaries_OfOneTenant_AreInvisibleToAnother()
    {
        await using var s = await world.AppSessionAsync(world.B, "finance");

        Assert.Equal(0L, await s.ScalarAsync<long>(
            "select count(*) from agency.campaign_week_hours where campaign_id = @c", ("c", world.A.Rows["agency.campaigns"])));
        Assert.Equal(0L, await s.ScalarAsync<long>(
            "select count(*) from agency.campaign_week_money where tenant_id = @t", ("t", world.A.Id)));
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.campaign_week_money") > 0);
    }
}
