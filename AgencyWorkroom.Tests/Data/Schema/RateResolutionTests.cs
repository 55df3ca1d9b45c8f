using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>
/// 022: one resolution (campaign &gt; client &gt; person &gt; card, on the day worked) prices the
/// summaries, the live view and the lookup alike; rates change by periods, corrections of the past
/// are finance's with a reason and reprice exactly the campaign weeks they touch.
/// Each test works in March 2025 on campaigns of its own, inside a transaction that is rolled back.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class RateResolutionTests(TwoTenantWorld world)
{
    private static readonly DateOnly March = new(2025, 3, 1);

    [Fact]
    public async Task RateFor_FourLevels_EachWinsFromItsDay()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        var campaign = await CampaignAsync(s);
        await BillAtCardAsync(s);
        // The person's own bill rate from the 10th, the client's from the 17th, a client rate for
        // the person's role from the 20th, the campaign's from the 24th.
        await AddPeriodAsync(s, "employee_rates", $$"""{"employee_id": "{{Creative}}", "rate_card_id": "{{Card}}", "bill_rate": 170, "cost_rate": 65, "effective_from": "2025-03-10"}""");
        await AddPeriodAsync(s, "client_rate_overrides", $$"""{"client_id": "{{Client}}", "bill_rate": 180, "effective_from": "2025-03-17"}""");
        await AddPeriodAsync(s, "client_rate_overrides", $$"""{"client_id": "{{Client}}", "role_name": "Designer", "bill_rate": 190, "effective_from": "2025-03-20"}""");
        await AddPeriodAsync(s, "campaign_rate_overrides", $$"""{"campaign_id": "{{campaign}}", "bill_rate": 200, "effective_from": "2025-03-24"}""");

        Assert.Equal((150m, "card", 60m, "card"), await RateAsync(s, campaign, new DateOnly(2025, 3, 5)));
        Assert.Equal((170m, "person", 65m, "person"), await RateAsync(s, campaign, new DateOnly(2025, 3, 10)));
        Assert.Equal((180m, "client", 65m, "person"), await RateAsync(s, campaign, new DateOnly(2025, 3, 17)));
        Assert.Equal((190m, "client", 65m, "person"), await RateAsync(s, campaign, new DateOnly(2025, 3, 20)));
        Assert.Equal((200m, "campaign", 65m, "person"), await RateAsync(s, campaign, new DateOnly(2025, 3, 24)));
        // Before any of it: the card's period from 2020; on another campaign of the client: the client's.
        Assert.Equal((150m, "card", 60m, "card"), await RateAsync(s, campaign, new DateOnly(2024, 12, 31)));
        Assert.Equal((190m, "client", 65m, "person"), await RateAsync(s, await CampaignAsync(s), new DateOnly(2025, 3, 26)));
    }

    [Fact]
    public async Task ChangeMidMonth_SplitsTheMonth_AndTheOverviewEqualsTheHandCount()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        var campaign = await CampaignAsync(s);
        await BillAtCardAsync(s);
        await LogWeekdaysAsync(s, campaign, 4m);

        await AddPeriodAsync(s, "employee_rates", $$"""{"employee_id": "{{Creative}}", "rate_card_id": "{{Card}}", "bill_rate": 180, "effective_from": "2025-03-17"}""");

        // 21 weekdays in March 2025: 10 before the 17th at the card's 150, 11 from it at 180;
        // the cost stays the card's 60 (the new period names no cost of its own).
        var overview = (await s.QueryAsync("select revenue, labor_cost, total_hours from agency.v_campaign_overview where campaign_id = @c",
            ("c", campaign))).Single();
        Assert.Equal(10 * 4 * 150m + 11 * 4 * 180m, overview["revenue"]);
        Assert.Equal(21 * 4 * 60m, overview["labor_cost"]);
        Assert.Equal(84m, overview["total_hours"]);
        var weekOf17th = await s.ScalarAsync<decimal>(
            "select revenue from agency.campaign_week_money where campaign_id = @c and week_start_date = '2025-03-17'", ("c", campaign));
        var weekOf10th = await s.ScalarAsync<decimal>(
            "select revenue from agency.campaign_week_money where campaign_id = @c and week_start_date = '2025-03-10'", ("c", campaign));
        Assert.Equal(5 * 4 * 180m, weekOf17th);
        Assert.Equal(5 * 4 * 150m, weekOf10th);
        Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));
    }

    [Fact]
    public async Task SmallFixture_RevenueInTheOverview_EqualsTheHandComputedFigure()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        var campaign = await CampaignAsync(s);
        // The pm bills at their own 150 (seeded), the creative at the card, then a campaign rate for designers.
        await BillAtCardAsync(s);
        await s.ExecuteAsync("update agency.rate_cards set bill_rate = 120, cost_rate = 50 where id = @id", ("id", Card));
        await AddPeriodAsync(s, "campaign_rate_overrides", $$"""{"campaign_id": "{{campaign}}", "role_name": "Designer", "bill_rate": 210, "effective_from": "2025-03-12"}""");
        await s.SetContextAsync(world.A.Id, "creative", Creative);
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (campaign_id, entry_date, hours, billable) values
              (@c, '2025-03-11', 3.5, true), (@c, '2025-03-12', 2, true), (@c, '2025-03-13', 1.25, false)
            """, ("c", campaign));
        await s.SetContextAsync(world.A.Id, "pm", world.A.People["pm"]);
        await s.ExecuteAsync("insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, '2025-03-12', 6)", ("c", campaign));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        // The creative: 3.5 h at the card's 120, then 2 h at the designers' 210, 1.25 h not billable,
        // all costing the card's 50. The pm's rate names the same Designer card, so the designers'
        // campaign rate beats their own 150 too; their cost stays their own 60.
        var revenue = await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @c", ("c", campaign));
        var cost = await s.ScalarAsync<decimal>("select labor_cost from agency.v_campaign_overview where campaign_id = @c", ("c", campaign));
        Assert.Equal(3.5m * 120 + 2 * 210 + 6 * 210, revenue);
        Assert.Equal((3.5m + 2 + 1.25m) * 50 + 6 * 60, cost);
    }

    [Fact]
    public async Task Correction_RepricesExactlyTheAffectedCampaignWeeks()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        var mine = await CampaignAsync(s);
        var other = await CampaignAsync(s);
        await LogWeekdaysAsync(s, mine, 2m);
        await LogWeekdaysAsync(s, other, 2m);
        var before = await BucketVersionsAsync(s, mine, other);

        // A campaign rate for the weeks of the 10th and the 17th only.
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Agreed rate for the launch weeks', true)");
        var overrideId = await s.ScalarAsync<Guid>(
            "insert into agency.campaign_rate_overrides (campaign_id, bill_rate, effective_from, effective_to) values (@c, 250, '2025-03-10', '2025-03-24') returning id",
            ("c", mine));
        var afterInsert = await BucketVersionsAsync(s, mine, other);
        Assert.Equal([(mine, new DateOnly(2025, 3, 10)), (mine, new DateOnly(2025, 3, 17))], Changed(before, afterInsert));

        // Corrected to run a week longer: only the week gained is counted again.
        Assert.True(await s.ScalarAsync<bool>(
            "select agency.correct_rate_period('campaign_rate_overrides', @id, '{\"effective_to\": \"2025-03-31\"}', 'The launch ran a week longer')",
            ("id", overrideId)));
        Assert.Equal([(mine, new DateOnly(2025, 3, 24))], Changed(afterInsert, await BucketVersionsAsync(s, mine, other)));
        // 15 weekdays from the 10th to the 28th at 250, the first five and the 31st at the person's 150.
        Assert.Equal(15 * 2 * 250m + 6 * 2 * 150m,
            await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @c", ("c", mine)));
        Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));

        var audit = (await s.QueryAsync(
            "select action, reason, new_values ->> 'effective_to' as effective_to from agency.audit_log where entity = 'campaign_rate_override' and entity_id = @id order by id desc limit 1",
            ("id", overrideId))).Single();
        Assert.Equal(("correct", "The launch ran a week longer", "2025-03-31"),
            ((string)audit["action"]!, (string)audit["reason"]!, (string)audit["effective_to"]!));
    }

    [Fact]
    public async Task CampaignMovedToAnotherClient_IsRepricedAtThatClientsRates()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        var campaign = await CampaignAsync(s);
        await LogWeekdaysAsync(s, campaign, 2m);
        var otherClient = Guid.NewGuid();
        await s.SetContextAsync(world.A.Id, "account", world.A.People["account"]);
        await s.ExecuteAsync("insert into agency.clients (id, code, name) values (@id, @code, 'Moved to')",
            ("id", otherClient), ("code", $"MV-{otherClient.ToString("N")[..8].ToUpperInvariant()}"));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
        await AddPeriodAsync(s, "client_rate_overrides", $$"""{"client_id": "{{otherClient}}", "bill_rate": 300, "effective_from": "2025-01-01"}""");
        var hours = await s.ScalarAsync<decimal>("select sum(hours) from agency.timesheet_entries where campaign_id = @c", ("c", campaign));
        var before = await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @c", ("c", campaign));

        await s.SetContextAsync(world.A.Id, "pm", world.A.People["pm"]);
        await s.ExecuteAsync("update agency.campaigns set client_id = @k where id = @c", ("k", otherClient), ("c", campaign));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        // The creative billed at their own 150 under the first client; the new client's 300 applies to every day.
        Assert.Equal(hours * 150, before);
        Assert.Equal(hours * 300, await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @c", ("c", campaign)));
        Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));
    }

    [Fact]
    public async Task Preview_TellsWhatTheCorrectionThenDoes_AndChangesNothing()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");
        var mine = await CampaignAsync(s);
        var other = await CampaignAsync(s);
        await LogWeekdaysAsync(s, mine, 2m);
        await LogWeekdaysAsync(s, other, 1m);
        var rate = world.A.Rows["agency.employee_rates"];
        var before = await RevenueByCampaignAsync(s);

        var preview = (await s.QueryAsync(
            "select * from agency.preview_rate_correction('employee_rates', @id, '{\"bill_rate\": 175}')", ("id", rate))).Single();

        Assert.Equal(before, await RevenueByCampaignAsync(s));
        Assert.Equal(150m, await s.ScalarAsync<decimal>("select bill_rate from agency.employee_rates where id = @id", ("id", rate)));
        Assert.True(await s.ScalarAsync<bool>(
            "select agency.correct_rate_period('employee_rates', @id, '{\"bill_rate\": 175}', 'Rate agreed in 2020')", ("id", rate)));
        var after = await RevenueByCampaignAsync(s);
        var changed = after.Where(a => a.Value != before.GetValueOrDefault(a.Key)).ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key));
        Assert.Equal(changed.Count, preview["campaign_count"]);
        Assert.Equal(changed.Values.Sum(), preview["revenue_change"]);
        Assert.Equal(0m, preview["cost_change"]);
        Assert.Equal(21 * 2 * 25m, changed[mine]);
        Assert.Equal(21 * 1 * 25m, changed[other]);
    }

    [Theory]
    [InlineData("leadership", "rate_history_is_kept")]
    [InlineData("finance", "rate_correction_needs_reason")]
    public async Task PastChange_WithoutFinanceAndAReason_IsRefused(string role, string constraint)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var correction = await s.FailureAsync("update agency.employee_rates set bill_rate = 1 where id = @id", ("id", world.A.Rows["agency.employee_rates"]));
        var backdated = await s.FailureAsync("select agency.add_rate_period('rate_cards', '{\"role_name\": \"Designer\", \"bill_rate\": 1, \"cost_rate\": 1, \"effective_from\": \"2025-01-01\"}')");
        var removed = await s.FailureAsync("delete from agency.rate_cards where id = @id", ("id", world.A.Rows["agency.rate_cards"]));

        Assert.All(new[] { correction, backdated, removed }, e => Assert.Equal((PostgresErrorCodes.InsufficientPrivilege, constraint), (e.SqlState, e.ConstraintName)));
    }

    [Fact]
    public async Task NewPeriodFromToday_EndsTheCurrentOneTheDayBefore_ForLeadershipToo()
    {
        await using var s = await world.AppSessionAsync(world.A, "leadership");
        var today = await s.ScalarAsync<DateOnly>("select current_date");
        var revenue = await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @c", ("c", world.A.Rows["agency.campaigns"]));

        var added = await s.ScalarAsync<Guid>(
            "select agency.add_rate_period('employee_rates', jsonb_build_object('employee_id', @p, 'rate_card_id', @card, 'bill_rate', 160, 'cost_rate', 60, 'effective_from', current_date))",
            ("p", Creative), ("card", Card));

        var periods = await s.QueryAsync(
            "select id, effective_from, effective_to from agency.employee_rates where employee_id = @p order by effective_from", ("p", Creative));
        Assert.Equal(2, periods.Count);
        Assert.Equal(today, periods[0]["effective_to"]);
        Assert.Equal((added, today, (object?)null), ((Guid)periods[1]["id"]!, (DateOnly)periods[1]["effective_from"]!, periods[1]["effective_to"]));
        // Today's seeded 8 hours are priced at the new rate from today.
        Assert.Equal(revenue + TwoTenantWorld.LoggedHours * 10,
            await s.ScalarAsync<decimal>("select revenue from agency.v_campaign_overview where campaign_id = @c", ("c", world.A.Rows["agency.campaigns"])));
        var again = await s.FailureAsync(
            "select agency.add_rate_period('employee_rates', jsonb_build_object('employee_id', @p, 'bill_rate', 170, 'effective_from', current_date))", ("p", Creative));
        Assert.Equal("rate_period_starts_there", again.ConstraintName);
    }

    [Fact]
    public async Task RateInAnotherCurrency_OrOverlappingPeriods_AreRefused()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");

        var currency = await s.FailureAsync(
            "insert into agency.campaign_rate_overrides (campaign_id, bill_rate, currency, effective_from) values (@c, 100, 'EUR', current_date + 1)",
            ("c", world.A.Rows["agency.campaigns"]));
        var overlap = await s.FailureAsync(
            "insert into agency.campaign_rate_overrides (campaign_id, bill_rate, effective_from) values (@c, 100, current_date + 400)",
            ("c", world.A.Rows["agency.campaigns"]));
        var filled = await s.ScalarAsync<string>(
            "insert into agency.client_rate_overrides (client_id, bill_rate, effective_from) values (@c, 100, current_date + 1) returning currency",
            ("c", world.A.Rows["agency.clients"]));

        Assert.Equal(("23514", "rate_currency_is_tenant_currency"), (currency.SqlState, currency.ConstraintName));
        Assert.Contains("USD", currency.MessageText, StringComparison.Ordinal);
        Assert.Equal(("23P01", "rate_periods_do_not_overlap"), (overlap.SqlState, overlap.ConstraintName));
        Assert.Equal("USD", filled);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("account")]
    [InlineData("admin")]
    public async Task OtherRoles_ResolveNoRate_ReadNoOverride_AndChangeNone(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        var rate = (await s.QueryAsync("select * from agency.rate_for(@t, @p, @c, current_date)",
            ("t", world.A.Id), ("p", Creative), ("c", world.A.Rows["agency.campaigns"]))).Single();
        Assert.All(rate.Values, Assert.Null);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_rate_overrides"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.client_rate_overrides"));
        var add = await s.FailureAsync(
            "select agency.add_rate_period('campaign_rate_overrides', jsonb_build_object('campaign_id', @c, 'bill_rate', 1, 'effective_from', current_date + 1))",
            ("c", world.A.Rows["agency.campaigns"]));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, add.SqlState);
        Assert.Equal(0, await s.ExecuteAsync("update agency.campaign_rate_overrides set bill_rate = 1"));
        var preview = await s.FailureAsync("select * from agency.preview_rate_correction('campaign_rate_overrides', @id, '{\"bill_rate\": 1}')",
            ("id", world.A.Rows["agency.campaign_rate_overrides"]));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, preview.SqlState);
    }

    [Fact]
    public async Task RateFor_IsInlinedIntoThePricing_NoCallPerEntry()
    {
        await using var s = await world.AppSessionAsync(world.A, "finance");

        var plan = string.Join("\n", (await s.QueryAsync(
            "explain (verbose, costs off) select sum(revenue) from agency.timesheet_costs where campaign_id = @c", ("c", world.A.Rows["agency.campaigns"])))
            .Select(r => r.Values.Single()));

        Assert.DoesNotContain("rate_for", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Function Scan", plan, StringComparison.Ordinal);
        Assert.Contains("campaign_rate_overrides", plan, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<Guid, decimal>> RevenueByCampaignAsync(TestSession s) =>
        (await s.QueryAsync("select campaign_id, coalesce(revenue, 0) as revenue from agency.v_campaign_overview"))
        .ToDictionary(r => (Guid)r["campaign_id"]!, r => (decimal)r["revenue"]!);

    private Guid Creative => world.A.People["creative"];

    private Guid Card => world.A.Rows["agency.rate_cards"];

    private Guid Client => world.A.Rows["agency.clients"];

    /// <summary>A campaign of the seeded client open since 2025, with the creative and its project manager on its team
    /// (both log time on it, and time goes only on campaigns of one's team or allocations, 030).</summary>
    private async Task<Guid> CampaignAsync(TestSession s)
    {
        var id = Guid.NewGuid();
        await s.SetContextAsync(world.A.Id, "pm", world.A.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @code, 'Rates fixture', 'active', 100000, '2025-01-01', current_date + 60)
            """, ("id", id), ("client", Client), ("code", $"RT-{id.ToString("N")[..8].ToUpperInvariant()}"));
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'designer'), (@c, @pm, 'project_manager')",
            ("c", id), ("p", Creative), ("pm", world.A.People["pm"]));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
        return id;
    }

    /// <summary>The creative's own rates taken away (a correction): they bill and cost at the Designer card, 150 and 60.</summary>
    private async Task BillAtCardAsync(TestSession s)
    {
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Fixture', true)");
        await s.ExecuteAsync("update agency.employee_rates set bill_rate = null, cost_rate = null where employee_id = @p", ("p", Creative));
    }

    private static async Task AddPeriodAsync(TestSession s, string table, string period)
    {
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Fixture', true)");
        await s.ScalarAsync<Guid>("select agency.add_rate_period(@t, @p::jsonb)", ("t", table), ("p", period));
    }

    /// <summary>Every weekday of March 2025, as the creative.</summary>
    private async Task LogWeekdaysAsync(TestSession s, Guid campaign, decimal hours)
    {
        await s.SetContextAsync(world.A.Id, "creative", Creative);
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (campaign_id, entry_date, hours)
            select @c, d::date, @h from generate_series(@from::date, @from::date + 30, interval '1 day') d
            where extract(isodow from d) < 6
            """, ("c", campaign), ("h", hours), ("from", March));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
    }

    private async Task<(decimal Bill, string Source, decimal Cost, string CostSource)> RateAsync(TestSession s, Guid campaign, DateOnly day)
    {
        var row = (await s.QueryAsync("select * from agency.rate_for(@t, @p, @c, @d)",
            ("t", world.A.Id), ("p", Creative), ("c", campaign), ("d", day))).Single();
        return ((decimal)row["bill_rate"]!, (string)row["bill_source"]!, (decimal)row["cost_rate"]!, (string)row["cost_source"]!);
    }

    /// <summary>Each bucket's tuple address: an update writes a new version elsewhere, even one that
    /// changes no value (xmin would not tell, all of it being one transaction).</summary>
    private static async Task<Dictionary<(Guid, DateOnly), string>> BucketVersionsAsync(TestSession s, params Guid[] campaigns)
    {
        var rows = await s.QueryAsync(
            "select campaign_id, week_start_date, ctid::text as version from agency.campaign_week_money where campaign_id = any(@c)",
            ("c", campaigns));
        return rows.ToDictionary(r => ((Guid)r["campaign_id"]!, (DateOnly)r["week_start_date"]!), r => (string)r["version"]!);
    }

    private static List<(Guid, DateOnly)> Changed(Dictionary<(Guid, DateOnly), string> before, Dictionary<(Guid, DateOnly), string> after) =>
        [.. after.Where(a => !before.TryGetValue(a.Key, out var v) || v != a.Value).Select(a => a.Key).OrderBy(k => k.Item2)];
}
