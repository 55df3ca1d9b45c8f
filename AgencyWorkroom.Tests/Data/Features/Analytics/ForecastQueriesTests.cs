using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Analytics;

/// <summary>
/// The forward forecast (034) through its service on the real database, each test in a scratch
/// tenant of its own, in 2031 so that every rate period it adds lies ahead (no correction).
/// Everyone in the scratch tenant bills 150 and costs 60 an hour from 2020, and works 40 h a week.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ForecastQueriesTests(TwoTenantWorld world)
{
    // A Saturday: March counts from its first Monday, as the forecast would from that day.
    private static readonly DateOnly From = new(2031, 3, 1);
    private static readonly DateOnly March = new(2031, 3, 1);
    private static readonly DateOnly April = new(2031, 4, 1);
    private static readonly DateOnly May = new(2031, 5, 1);

    [Fact]
    public async Task GetAsync_AllocationsAcrossAFutureRateChange_EqualTheHandComputationToTheCent()
    {
        var f = await SeedAsync();
        await using var finance = f.Tenant.As(world, "finance");

        var forecast = await finance.Get<IForecastQueries>().GetAsync(new ForecastRequest(3, IncludeTentative: true, From: From));

        Assert.True(forecast.ShowsMoney);
        Assert.Equal([March, April, May], forecast.Months.Select(m => m.Month));
        var (march, april, may) = (forecast.Months[0], forecast.Months[1], forecast.Months[2]);
        // March. The creative's week of 10 March: Monday and Tuesday at 150/60 (8 h: 1,200 and 480),
        // Wednesday 12 March on at 200/80 (12 h: 2,400 and 960). The week of 31 March: its Monday in
        // March (4 h at 200/80: 800 and 320). The pm's 10 h on the fixed-fee campaign cost 600 and
        // bill nothing. Fees: three of the fixed fee's four weekly parts (9,000) and the retainer's
        // March (2,000).
        Assert.Equal(new ForecastMonthDto(March, 34m, 0m, 4_400m, 11_000m, 15_400m, 2_360m, 13_040m, 0m,
            CapacityHours: 4.2m * 40 * 6, FreeHours: 4.2m * 40 * 6 - 34, SellableHours: 4.2m * 40 * 6 - 34), march);
        // April. The rest of the week of 31 March (16 h at 200/80: 3,200 and 1,280), the tentative
        // 5 h (1,000 and 400), the placeholder's 10 h at its role's card (1,200 and 500); the fixed
        // fee's last part (3,000) and the retainer's April (2,000). Capacity: 0.8 + 3 + 0.6 weeks.
        Assert.Equal(new ForecastMonthDto(April, 21m, 10m, 5_400m, 5_000m, 10_400m, 2_180m, 8_220m, 0m,
            CapacityHours: 4.4m * 40 * 6, FreeHours: 4.4m * 40 * 6 - 21, SellableHours: 4.4m * 40 * 6 - 21 - 10), april);
        Assert.Equal(new ForecastMonthDto(May, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 22 * 8 * 6m, 22 * 8 * 6m, 22 * 8 * 6m), may);

        var byClient = forecast.Clients.ToDictionary(c => c.ClientId);
        Assert.Equal(2, byClient.Count);
        Assert.Equal(new ForecastClientDto(f.Tenant.ClientId, "Scratch Client", 55m, 10m, 9_800m, 12_000m, 21_800m, 4_540m, 17_260m),
            byClient[f.Tenant.ClientId]);
        Assert.Equal(new ForecastClientDto(f.OtherClient, "Retained Client", 0m, 0m, 0m, 4_000m, 4_000m, 0m, 4_000m), byClient[f.OtherClient]);
        Assert.Equal(f.Tenant.ClientId, forecast.Clients[0].ClientId);
    }

    [Fact]
    public async Task GetAsync_TentativeLeftOut_DropsItsHoursAndMoneyAndFreesItsTime()
    {
        var f = await SeedAsync();
        await using var finance = f.Tenant.As(world, "finance");
        var queries = finance.Get<IForecastQueries>();

        var with = (await queries.GetAsync(new ForecastRequest(3, IncludeTentative: true, From: From))).Months[1];
        var without = (await queries.GetAsync(new ForecastRequest(3, IncludeTentative: false, From: From))).Months[1];

        Assert.Equal((21m, 5_400m, 2_180m), (with.AllocatedHours, with.TimeRevenue, with.Cost));
        // The tentative 5 h at 200/80 and the placeholder's 10 h (tentative too) leave.
        Assert.Equal((16m, 0m, 3_200m, 1_280m), (without.AllocatedHours, without.PlaceholderHours, without.TimeRevenue, without.Cost));
        Assert.Equal(with.FreeHours + 5, without.FreeHours);
        Assert.Equal(without.FreeHours, without.SellableHours);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("account")]
    public async Task GetAsync_RoleWithoutFinancials_GetsHoursButNoMoney(string role)
    {
        var f = await SeedAsync();
        await using var person = f.Tenant.As(world, role);

        var forecast = await person.Get<IForecastQueries>().GetAsync(new ForecastRequest(3, IncludeTentative: true, From: From));

        Assert.False(forecast.ShowsMoney);
        Assert.Equal([34m, 21m, 0m], forecast.Months.Select(m => m.AllocatedHours));
        Assert.Equal([0m, 10m, 0m], forecast.Months.Select(m => m.PlaceholderHours));
        Assert.All(forecast.Months, m => Assert.All(new[] { m.TimeRevenue, m.FeeRevenue, m.Revenue, m.Cost, m.Margin, m.UnpricedHours }, v => Assert.Null(v)));
        Assert.All(forecast.Clients, c => Assert.All(new[] { c.TimeRevenue, c.FeeRevenue, c.Revenue, c.Cost, c.Margin }, v => Assert.Null(v)));

        // Not by the service's hand: the SQL itself returns no money to this role.
        await using var s = await TestSession.BeginAsync(world.Database.App, f.Tenant.Id, role, f.Tenant.People[role]);
        var rows = await s.QueryAsync("select * from agency.revenue_forecast(@from, 3, true)", ("from", From));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.All(new[] { "time_revenue", "fee_revenue", "revenue", "cost", "margin", "unpriced_hours" }, c => Assert.Null(r[c])));
    }

    [Fact]
    public async Task GetAsync_ForOneClient_CountsOnlyItsCampaigns_CapacityStaysTheAgencys()
    {
        var f = await SeedAsync();
        await using var finance = f.Tenant.As(world, "finance");

        var forecast = await finance.Get<IForecastQueries>().GetAsync(new ForecastRequest(3, true, f.OtherClient, From));

        Assert.Equal([2_000m, 2_000m, 0m], forecast.Months.Select(m => m.Revenue));
        Assert.Equal([0m, 0m, 0m], forecast.Months.Select(m => m.AllocatedHours));
        Assert.Equal(4.2m * 40 * 6 - 34, forecast.Months[0].FreeHours);
        Assert.Equal([f.OtherClient], forecast.Clients.Select(c => c.ClientId));
    }

    [Fact]
    public async Task RevenueForecast_AnotherTenantOrNoContext_SeesNothing()
    {
        var f = await SeedAsync();
        var other = await ScratchTenant.CreateAsync(world);

        await using (var finance = other.As(world, "finance"))
        {
            var forecast = await finance.Get<IForecastQueries>().GetAsync(new ForecastRequest(3, true, From: From));
            Assert.Empty(forecast.Clients);
            Assert.All(forecast.Months, m => Assert.Equal((0m, 0m, 0m), (m.AllocatedHours, m.PlaceholderHours, m.Revenue!.Value)));
            // Its own six people, not the other tenant's.
            Assert.Equal(4.2m * 40 * 6, forecast.Months[0].CapacityHours);
        }

        // Asking about the first tenant's client from the second tenant finds nothing either.
        await using (var finance = other.As(world, "finance"))
        {
            var forecast = await finance.Get<IForecastQueries>().GetAsync(new ForecastRequest(3, true, f.Tenant.ClientId, From));
            Assert.Empty(forecast.Clients);
        }

        await using var none = await TestSession.BeginAsync(world.Database.App, null, null, null);
        Assert.Empty(await none.QueryAsync("select * from agency.revenue_forecast(@from, 3, true)", ("from", From)));
        Assert.All(await none.QueryAsync("select * from agency.capacity_forecast(@from, 3, true)", ("from", From)),
            r => Assert.Equal((0, 0m), ((int)r["people"]!, (decimal)r["capacity_hours"]!)));
    }

    private sealed record Fixture(ScratchTenant Tenant, Guid OtherClient);

    private async Task<Fixture> SeedAsync()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var (tm, ff, rt, otherClient) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var creative = tenant.People["creative"];
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);

        await s.SetContextAsync(tenant.Id, "account", tenant.People["account"]);
        await s.ExecuteAsync("insert into agency.clients (id, code, name, sector) values (@id, 'RETAINED', 'Retained Client', 'Retail')", ("id", otherClient));

        await s.SetContextAsync(tenant.Id, "finance", tenant.People["finance"]);
        // The creative's raise from Wednesday 12 March 2031: the period from 2020 ends the day before.
        await s.ExecuteAsync(
            "select agency.add_rate_period('employee_rates', jsonb_build_object('employee_id', @p, 'bill_rate', 200, 'cost_rate', 80, 'effective_from', '2031-03-12'))",
            ("p", creative));
        await s.ExecuteAsync("select set_config('app.audit_reason', 'Test fixture', true)");
        await s.ExecuteAsync("insert into agency.rate_cards (role_name, bill_rate, cost_rate, effective_from) values ('Senior Designer', 120, 50, '2020-01-01')");

        await s.SetContextAsync(tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync("""
            insert into agency.campaigns (id, client_id, code, name, status, budget_type, budget_amount, start_date, end_date) values
              (@tm, @client, 'TM', 'Time and materials', 'active', 'time_and_materials', 50000, '2031-01-01', '2031-12-31'),
              (@ff, @client, 'FF', 'Fixed fee', 'planning', 'fixed_fee', 12000, '2031-03-17', '2031-04-13'),
              (@rt, @other, 'RT', 'Retainer', 'active', 'retainer', 6000, '2031-02-15', '2031-04-30')
            """, ("tm", tm), ("ff", ff), ("rt", rt), ("client", tenant.ClientId), ("other", otherClient));
        await s.ExecuteAsync("""
            insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours, tentative) values
              (@creative, @tm, '2031-03-10', 20, false),
              (@creative, @tm, '2031-03-31', 20, false),
              (@creative, @tm, '2031-04-07', 5, true),
              (@pm, @ff, '2031-03-17', 10, false)
            """, ("creative", creative), ("pm", tenant.People["pm"]), ("tm", tm), ("ff", ff));
        var placeholder = Guid.NewGuid();
        await s.ExecuteAsync("insert into agency.staffing_placeholders (id, campaign_id, role_name) values (@id, @tm, 'Senior Designer')",
            ("id", placeholder), ("tm", tm));
        await s.ExecuteAsync(
            "insert into agency.placeholder_allocations (placeholder_id, week_start_date, hours, tentative) values (@id, '2031-04-14', 10, true)",
            ("id", placeholder));
        await s.CommitAsync();
        return new Fixture(tenant, otherClient);
    }
}
