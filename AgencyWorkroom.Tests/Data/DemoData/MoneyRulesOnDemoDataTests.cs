using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>
/// One definition of each money rule (017), checked on the demo agencies: the overview, the
/// equipment list and the burn chart agree with each other and with the rule written out here
/// from the tables; and the figures every role browses are finance's.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class MoneyRulesOnDemoDataTests(DemoSeedFixture demo)
{
    private const string Slug = "northwind";

    [Fact]
    public async Task SpendAndEquipment_TheOverviewTheEquipmentListAndTheRuleAgree()
    {
        await using var finance = await demo.AppSessionAsync(Slug, "finance");

        // The rule as the spec states it, straight from the tables: T&E not rejected, equipment by
        // the day or part of one, the approved quote; plus time at bill rates for spend.
        var rows = await finance.QueryAsync(
            """
            select o.campaign_id, o.spend, o.direct_cost, o.revenue,
                   (select coalesce(sum(e.equipment_cost), 0) from agency.get_campaign_equipment(o.campaign_id) e) as listed_equipment,
                   (select coalesce(sum(g.daily_rate * greatest(1, ceil(extract(epoch from coalesce(g.returned_at, now()) - g.checked_out_at) / 86400))), 0)
                    from gear.checkouts g where g.agency_campaign_id = o.campaign_id) as equipment,
                   (select coalesce(sum(x.amount), 0) from te.expense_lines x where x.agency_campaign_id = o.campaign_id and x.status <> 'rejected')
                     as expenses,
                   (select coalesce(sum(q.amount), 0) from procure.project_quotes q
                    where q.id = o.procure_quote_id and q.status = 'approved') as quote
            from agency.v_campaign_overview o
            """);

        Assert.True(rows.Count > 100, $"{rows.Count} campaigns");
        Assert.Contains(rows, r => (decimal)r["equipment"]! > 0);
        Assert.Contains(rows, r => (decimal)r["quote"]! > 0);
        Assert.All(rows, r =>
        {
            var direct = (decimal)r["expenses"]! + (decimal)r["equipment"]! + (decimal)r["quote"]!;
            Assert.Equal(direct, (decimal)r["direct_cost"]!);
            Assert.Equal((decimal)r["equipment"]!, (decimal)r["listed_equipment"]!);
            Assert.Equal(((decimal?)r["revenue"] ?? 0) + direct, (decimal)r["spend"]!);
        });
    }

    [Fact]
    public async Task BurnChart_EndsAtTheOverviewsSpend()
    {
        await using var finance = FinanceServices();
        await using var s = await demo.AppSessionAsync(Slug, "finance");
        // Campaigns with time, T&E and equipment all counted.
        var campaigns = (await s.QueryAsync(
            """
            select o.campaign_id from agency.v_campaign_overview o
            where o.revenue > 0
              and exists (select from gear.checkouts g where g.agency_campaign_id = o.campaign_id)
              and exists (select from te.expense_lines x where x.agency_campaign_id = o.campaign_id and x.status <> 'rejected')
            order by o.campaign_id limit 5
            """)).Select(r => (Guid)r["campaign_id"]!).ToList();

        Assert.NotEmpty(campaigns);
        foreach (var id in campaigns)
        {
            var detail = (await finance.Get<ICampaignQueries>().GetAsync(id))!;
            Assert.Equal(detail.Overview.Spend, detail.Burn[^1].CumulativeSpend);
            Assert.Equal(detail.Burn.Select(b => b.WeekStart).Order(), detail.Burn.Select(b => b.WeekStart));
        }
    }

    [Theory]
    [InlineData("leadership")]
    [InlineData("pm")]
    [InlineData("admin")]
    [InlineData("account")]
    [InlineData("creative")]
    public async Task CampaignsAtRiskAndHours_AreFinancesForEveryRole(string role)
    {
        await using var finance = FinanceServices();
        await using var person = ServicesAs(role);
        await using var s = await demo.AppSessionAsync(Slug, "finance");
        var campaign = await s.ScalarAsync<Guid>(
            "select campaign_id from agency.v_campaign_overview where total_hours > 0 order by total_hours desc limit 1");

        var financeDashboard = await finance.Get<IDashboardQueries>().GetAsync();
        var theirDashboard = await person.Get<IDashboardQueries>().GetAsync();
        var financeCampaign = (await finance.Get<ICampaignQueries>().GetAsync(campaign))!.Overview;
        var theirCampaign = (await person.Get<ICampaignQueries>().GetAsync(campaign))!.Overview;

        Assert.True(financeDashboard.Kpis.CampaignsAtRisk > 0);
        Assert.Equal(financeDashboard.Kpis.CampaignsAtRisk, theirDashboard.Kpis.CampaignsAtRisk);
        Assert.Equal(financeDashboard.Health.Select(h => (h.CampaignId, h.Health)), theirDashboard.Health.Select(h => (h.CampaignId, h.Health)));
        Assert.Equal(financeCampaign.TotalHours, theirCampaign.TotalHours);
        Assert.Equal(financeCampaign.Health, theirCampaign.Health);
    }

    private PersonServices FinanceServices() => ServicesAs("finance");

    private PersonServices ServicesAs(string role) =>
        new(demo.Database, DemoSeedFixture.Profile(Slug).TenantId, demo.Summary(Slug).DemoPeople.Single(p => p.Role == role).EmployeeId);
}
