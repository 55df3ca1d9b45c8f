using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Dashboard;

/// <summary>The dashboard's reads on the real database, as each role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DashboardQueriesTests(TwoTenantWorld world)
{
    [Theory]
    [InlineData("finance", true)]
    [InlineData("creative", false)]
    public async Task DashboardQueries_MoneyTiles_AreNullUnlessFinance(string role, bool seesMoney)
    {
        await using var person = PersonServices.For(world, world.A, role);

        var dashboard = await person.Get<IDashboardQueries>().GetAsync();

        Assert.Equal($"Tenant A", dashboard.Kpis.TenantName);
        Assert.Equal(seesMoney ? TwoTenantWorld.LoggedHours * TwoTenantWorld.BillRate : null, dashboard.Kpis.RevenueThisMonth);
        Assert.Equal(seesMoney, dashboard.Kpis.MarginThisMonth is not null);
        Assert.Contains(dashboard.Health, c => c.CampaignId == world.A.Rows["agency.campaigns"]);
        Assert.NotEmpty(dashboard.Activity);
    }

    [Fact]
    public async Task DashboardQueries_PersonalPanel_IsThePersonsOwnWeek()
    {
        await using var creative = PersonServices.For(world, world.A, "creative");

        var personal = (await creative.Get<IDashboardQueries>().GetAsync()).Personal;

        Assert.Equal(TwoTenantWorld.LoggedHours, personal.MyWeek.Where(w => w.Status == "draft").Sum(w => w.Hours));
        Assert.Equal(20m, Assert.Single(personal.MyAllocations).Hours);
    }
}
