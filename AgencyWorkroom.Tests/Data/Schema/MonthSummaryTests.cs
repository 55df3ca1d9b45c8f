using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>
/// The month summaries of 054 (campaign_month_hours, campaign_month_money): kept from 011's week
/// buckets by triggers, equal at all times to a recount from the entries (TimeSummaryTests.Drift
/// counts them too, so every summary test checks them), read-only to the app, money for finance
/// and leadership only; and the readers moved onto them (profitability, spend to date) give the
/// figures the week buckets give.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class MonthSummaryTests(TwoTenantWorld world)
{
    [Fact]
    public async Task MonthSummaries_EqualARecount_AfterRandomEdits()
    {
        // History across month ends, loaded as the owner: the entry rules (021) bind the app's role.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "leadership", world.A.People["leadership"]);
        var campaign = world.A.Rows["agency.campaigns"];
        var people = new[] { world.A.People["creative"], world.A.People["pm"] };
        var random = new Random(54);

        for (var round = 0; round < 14; round++)
        {
            var from = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 420));
            var to = from.AddDays(random.Next(1, 70));
            // Every kind of edit in turn, on random days and amounts.
            switch (round % 6)
            {
                case 0:
                    await s.ExecuteAsync(
                        """
                        insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours, billable)
                        select (@people::uuid[])[1 + g % 2], @c, @from::date + g % (@to::date - @from::date + 1), 0.25 * (1 + g % 9), g % 3 <> 0
                        from generate_series(1, @n) g
                        """,
                        ("people", people), ("c", campaign), ("from", from), ("to", to), ("n", random.Next(1, 400)));
                    break;
                case 1:
                    await s.ExecuteAsync("update agency.timesheet_entries set hours = hours + 0.5, billable = not billable where entry_date between @from and @to",
                        ("from", from), ("to", to));
                    break;
                case 2:
                    // Moved across a month end, into other weeks and months.
                    await s.ExecuteAsync("update agency.timesheet_entries set entry_date = entry_date + @d where entry_date between @from and @to",
                        ("d", random.Next(-20, 21)), ("from", from), ("to", to));
                    break;
                case 3:
                    await s.ExecuteAsync("delete from agency.timesheet_entries where entry_date between @from and @to and (hours * 4)::int % 2 = @odd",
                        ("from", from), ("to", to), ("odd", random.Next(0, 2)));
                    break;
                case 4:
                    // A rate from a day in the range on: the entries it covers are repriced (022), weeks and months.
                    // Correcting the past is finance's, with a reason.
                    await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);
                    await s.ExecuteAsync("select set_config('app.audit_reason', 'Rate agreed late', true)");
                    await s.ExecuteAsync(
                        """
                        update agency.employee_rates set effective_to = @from
                        where employee_id = @p and effective_from < @from and (effective_to is null or effective_to > @from)
                        """, ("p", people[0]), ("from", from));
                    await s.ExecuteAsync(
                        """
                        insert into agency.employee_rates (employee_id, bill_rate, cost_rate, effective_from, effective_to)
                        select @p, @bill, 55 + @bill % 20, @from,
                               (select min(r.effective_from) from agency.employee_rates r where r.employee_id = @p and r.effective_from > @from)
                        where not exists (select from agency.employee_rates r where r.employee_id = @p and r.effective_from = @from)
                        """, ("p", people[0]), ("bill", 100m + random.Next(0, 90)), ("from", from));
                    await s.SetContextAsync(world.A.Id, "leadership", world.A.People["leadership"]);
                    break;
                default:
                    await s.ExecuteAsync("select agency.rebuild_time_summaries()");
                    break;
            }

            Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));
        }

        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.campaign_month_money where campaign_id = @c", ("c", campaign)) > 3);
        // Everything gone: the months go with the weeks.
        await s.ExecuteAsync("delete from agency.timesheet_entries where campaign_id = @c", ("c", campaign));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_month_hours where campaign_id = @c", ("c", campaign)));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_month_money where campaign_id = @c", ("c", campaign)));
        Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-12-31")]
    [InlineData("2025-02-01", "2025-02-28")]
    [InlineData("2025-01-15", "2025-04-10")]
    [InlineData("2025-03-03", "2025-03-20")]
    [InlineData("2024-12-30", "2025-06-30")]
    public async Task Profitability_CountsTheBucketsThatStartInThePeriod_WholeMonthsOrNot(string fromText, string toText)
    {
        var from = DateOnly.Parse(fromText);
        var to = DateOnly.Parse(toText);
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "leadership", world.A.People["leadership"]);
        var campaign = world.A.Rows["agency.campaigns"];
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (campaign_id, entry_date, hours, billable)
            select @c, date '2024-12-20' + g, 1 + g % 4, g % 5 <> 0 from generate_series(0, 240) g
            """, ("c", campaign));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        // Decision 016's rule, from the week buckets: a bucket belongs to the day it starts.
        var expected = (await s.QueryAsync(
            """
            select coalesce(sum(h.total_hours), 0) as hours, coalesce(sum(h.billable_hours), 0) as billable, coalesce(sum(m.revenue), 0) as earned,
                   coalesce(sum(m.labor_cost), 0) as labor
            from agency.campaign_week_hours h
            left join agency.campaign_week_money m using (tenant_id, campaign_id, week_start_date, month_start_date)
            where h.campaign_id = @c and greatest(h.week_start_date, h.month_start_date) between @from and @to
            """, ("c", campaign), ("from", from), ("to", to))).Single();
        var row = (await s.QueryAsync(
            """
            select total_hours as hours, billable_hours as billable, earned_value as earned, labor_cost as labor
            from agency.analytics_profitability(@from, @to, 'campaign') where group_key = @c::text
            """, ("c", campaign), ("from", from), ("to", to))).Single();

        Assert.True((decimal)expected["hours"]! > 0);
        Assert.Equal(expected, row);
    }

    [Fact]
    public async Task SpendTotals_AreTheSumsOfTheSpendLines()
    {
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "leadership", world.A.People["leadership"]);
        await s.ExecuteAsync(
            "insert into agency.timesheet_entries (campaign_id, entry_date, hours) select @c, date '2025-01-20' + g, 3 from generate_series(0, 60) g",
            ("c", world.A.Rows["agency.campaigns"]));
        await s.SetContextAsync(world.A.Id, "finance", world.A.People["finance"]);

        const string Lines = """
            select campaign_id, sum(amount) as spend, sum(amount) filter (where source <> 'time') as direct_cost
            from agency.campaign_spend_lines group by campaign_id
            """;
        const string Totals = "select campaign_id, spend, direct_cost from agency.campaign_spend_totals";
        Assert.True(await s.ScalarAsync<long>($"select count(*) from ({Totals}) t where spend > 0") > 0);
        Assert.Equal(0L, await s.ScalarAsync<long>($"select count(*) from ((({Lines}) except ({Totals})) union all (({Totals}) except ({Lines}))) x"));
    }

    [Theory]
    [InlineData("finance", true)]
    [InlineData("leadership", true)]
    [InlineData("pm", false)]
    [InlineData("account", false)]
    [InlineData("creative", false)]
    public async Task MonthSummaries_HoursForEveryone_MoneyAsTheRates_WrittenByNoOne(string role, bool readsMoney)
    {
        await using var s = await world.AppSessionAsync(world.A, role);
        await using var finance = await world.AppSessionAsync(world.A, "finance");

        Assert.Equal(
            await finance.ScalarAsync<decimal?>("select sum(hours) from agency.timesheet_entries"),
            await s.ScalarAsync<decimal?>("select sum(total_hours) from agency.campaign_month_hours"));
        Assert.Equal(readsMoney, await s.ScalarAsync<long>("select count(*) from agency.campaign_month_money") > 0);

        var insert = await s.FailureAsync(
            "insert into agency.campaign_month_hours values (@t, @c, '2024-01-01', 1000, 1000, 1, 1)",
            ("t", world.A.Id), ("c", world.A.Rows["agency.campaigns"]));
        var update = await s.FailureAsync("update agency.campaign_month_money set revenue = revenue * 2");
        var delete = await s.FailureAsync("delete from agency.campaign_month_hours");
        var fold = await s.FailureAsync("select agency.fold_week_summaries_into_months()");
        Assert.All(new[] { insert, update, delete }, e => Assert.Equal("42501", e.SqlState));
        Assert.Contains(fold.SqlState, new[] { "42501", "0A000" });
    }

    [Fact]
    public async Task MonthSummaries_OfOneTenant_AreInvisibleToAnother()
    {
        await using var s = await world.AppSessionAsync(world.B, "finance");

        Assert.Equal(0L, await s.ScalarAsync<long>(
            "select count(*) from agency.campaign_month_money where tenant_id = @t or campaign_id = @c",
            ("t", world.A.Id), ("c", world.A.Rows["agency.campaigns"])));
        Assert.Equal(0L, await s.ScalarAsync<long>(
            "select count(*) from agency.campaign_month_hours where tenant_id = @t", ("t", world.A.Id)));
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.campaign_month_money") > 0);
    }
}
