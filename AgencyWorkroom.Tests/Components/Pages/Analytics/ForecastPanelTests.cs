using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Analytics;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Analytics;

/// <summary>
/// The forecast panel with the real service on the real database (a scratch tenant each test, its
/// work booked from next week on, so the panel's own "today" finds it).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ForecastPanelTests(TwoTenantWorld world) : ComponentTestContext
{
    private static readonly DateOnly NextMonday = Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today)).AddDays(7);

    [Fact]
    public async Task Panel_AsFinance_ShowsTheServicesMonths_HorizonAndTentativeReload()
    {
        var (tenant, _) = await SeedAsync();
        await using var finance = tenant.As(world, "finance");
        var service = finance.Get<IForecastQueries>();
        Services.AddSingleton(service);
        var months = new List<int>();
        var tentative = new List<bool>();

        var panel = Render<ForecastPanel>(p => p
            .Add(c => c.Months, 6)
            .Add(c => c.MonthsChanged, EventCallback.Factory.Create<int>(this, m => months.Add(m)))
            .Add(c => c.IncludeTentativeChanged, EventCallback.Factory.Create<bool>(this, t => tentative.Add(t))));

        panel.WaitForAssertion(() => Assert.Equal(6, panel.FindAll("[data-testid=forecast-month]").Count), TimeSpan.FromSeconds(10));
        var expected = await service.GetAsync(6, includeTentative: true);
        Assert.Equal(expected.Months.Select(m => Formats.Money(m.Revenue, "USD")), panel.FindAll("[data-testid=forecast-revenue]").Select(c => c.TextContent));
        Assert.Equal(expected.Months.Select(m => Formats.Hours(m.SellableHours)), panel.FindAll("[data-testid=forecast-sellable]").Select(c => c.TextContent));
        // 20 + 20 firm hours and 10 tentative, at 150 an hour: 7,500 of revenue over the horizon.
        Assert.Equal(7_500m, expected.Months.Sum(m => m.Revenue));
        Assert.NotNull(panel.Find("[data-testid=forecast-money-chart] svg"));
        Assert.NotNull(panel.Find("[data-testid=forecast-hours-chart] svg"));
        Assert.Equal("/export/forecast.csv?months=6&tentative=true", panel.Find("[data-testid=export-forecast]").GetAttribute("href"));

        await panel.Find("[data-testid=forecast-horizon-3]").ClickAsync(new());
        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=forecast-month]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal([3], months);

        await panel.Find("input[data-testid=forecast-tentative], [data-testid=forecast-tentative] input").ChangeAsync(new() { Value = false });
        panel.WaitForAssertion(() => Assert.Equal("USD 6,000", Total(panel)), TimeSpan.FromSeconds(10));
        Assert.Equal([false], tentative);
        Assert.Equal("/export/forecast.csv?months=3&tentative=false", panel.Find("[data-testid=export-forecast]").GetAttribute("href"));
    }

    [Fact]
    public async Task Panel_AsCreative_ShowsHoursButNoMoneyColumnsOrChart()
    {
        var (tenant, _) = await SeedAsync();
        await using var creative = tenant.As(world, "creative");
        Services.AddSingleton(creative.Get<IForecastQueries>());

        var panel = Render<ForecastPanel>(p => p.Add(c => c.Months, 3));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=forecast-month]").Count), TimeSpan.FromSeconds(10));
        Assert.Empty(panel.FindAll("[data-testid=forecast-money-chart]"));
        Assert.Empty(panel.FindAll("[data-testid=forecast-revenue]"));
        Assert.DoesNotContain("Revenue", panel.Find("[data-testid=forecast-table]").TextContent);
        Assert.NotNull(panel.Find("[data-testid=forecast-hours-chart] svg"));
        Assert.Contains(panel.FindAll("[data-testid=forecast-month] td:nth-child(2)"), c => c.TextContent != "0 h");
    }

    [Fact]
    public async Task Panel_ClientWithNothingAhead_SaysSo()
    {
        var (tenant, idle) = await SeedAsync();
        await using var finance = tenant.As(world, "finance");
        Services.AddSingleton(finance.Get<IForecastQueries>());

        var panel = Render<ForecastPanel>(p => p.Add(c => c.Months, 3).Add(c => c.ClientId, idle));

        panel.WaitForAssertion(() => Assert.Contains("Nothing is allocated, sold or available in the next 3 months for this client",
            panel.Find("[data-testid=forecast-empty]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(panel.FindAll("[data-testid=forecast-table]"));
    }

    private static string Total(IRenderedComponent<ForecastPanel> panel) =>
        Formats.Money(panel.FindAll("[data-testid=forecast-revenue]")
            .Sum(c => decimal.Parse(c.TextContent.Replace("USD ", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)), "USD");

    // The creative: 20 h firm next week and the week after, 10 h tentative the week after that, on a
    // billable time-and-materials campaign; a second client with nothing booked.
    private async Task<(ScratchTenant Tenant, Guid IdleClient)> SeedAsync()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var (campaign, idle) = (Guid.NewGuid(), Guid.NewGuid());
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);
        await s.SetContextAsync(tenant.Id, "account", tenant.People["account"]);
        await s.ExecuteAsync("insert into agency.clients (id, code, name, sector) values (@id, 'IDLE', 'Idle Client', 'Retail')", ("id", idle));
        await s.SetContextAsync(tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            "insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date) values (@id, @client, 'NEXT', 'Next weeks', 'active', @start, @end)",
            ("id", campaign), ("client", tenant.ClientId), ("start", NextMonday.AddDays(-30)), ("end", NextMonday.AddDays(120)));
        await s.ExecuteAsync("""
            insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours, tentative) values
              (@p, @c, @w1, 20, false), (@p, @c, @w2, 20, false), (@p, @c, @w3, 10, true)
            """, ("p", tenant.People["creative"]), ("c", campaign), ("w1", NextMonday), ("w2", NextMonday.AddDays(7)), ("w3", NextMonday.AddDays(14)));
        await s.CommitAsync();
        return (tenant, idle);
    }
}
