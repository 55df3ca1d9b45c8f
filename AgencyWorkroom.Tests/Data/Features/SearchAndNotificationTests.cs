using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Features.Search;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Tests.Data.Features;

/// <summary>The shell's search and bell, and the dashboard, on the real database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SearchAndNotificationTests(TwoTenantWorld world)
{
    [Fact]
    public async Task SearchAsync_OwnCodes_FindClientBrandAndCampaign()
    {
        await using var pm = PersonServices.For(world, world.A, "pm");
        var suffix = world.A.Id.ToString("N")[..8];

        var hits = await pm.Get<ISearchQueries>().SearchAsync(suffix);

        Assert.Contains(hits, h => h.Kind == SearchKind.Client && h.Id == world.A.Rows["agency.clients"]);
        Assert.Contains(hits, h => h.Kind == SearchKind.Brand && h.ParentId == world.A.Rows["agency.clients"]);
        Assert.Contains(hits, h => h.Kind == SearchKind.Campaign && h.Id == world.A.Rows["agency.campaigns"]);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("creative")]
    public async Task SearchAsync_OtherTenantsNamesAndCodes_FindOnlyOwnRows(string role)
    {
        await using var person = PersonServices.For(world, world.A, role);
        var search = person.Get<ISearchQueries>();

        var theirCode = await search.SearchAsync(world.B.Id.ToString("N")[..8]);
        var sharedName = await search.SearchAsync("Acme");
        var artifacts = await search.SearchAsync("Brief");

        Assert.Empty(theirCode);
        Assert.All(sharedName, h => Assert.NotEqual(world.B.Rows["agency.clients"], h.Id));
        Assert.DoesNotContain(artifacts, h => h.Id == world.B.Rows["agency.artifacts"]);
        Assert.Contains(artifacts, h => h.Id == world.A.Rows["agency.artifacts"]);
    }

    [Fact]
    public async Task SearchAsync_Wildcards_AreTakenLiterally()
    {
        await using var pm = PersonServices.For(world, world.A, "pm");

        Assert.Empty(await pm.Get<ISearchQueries>().SearchAsync("%%"));
    }

    [Fact]
    public async Task BudgetWatch_RaisesEachCrossedThresholdOnceForItsRecipients()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await OverspentCampaignAsync(tenant);
        await using var finance = tenant.As(world, "finance");
        var watch = finance.Get<BudgetWatch>();

        var first = await watch.RunAsync(tenant.Id);
        var again = await watch.RunAsync(tenant.Id);

        // Finance, leadership and the campaign's project manager, each told of 100, 90, 75 and 50 %.
        Assert.Equal(12, first.AlertsRaised);
        Assert.Equal(0, again.AlertsRaised);
        var financeFeed = await finance.Get<INotificationFeed>().GetAsync();
        Assert.Equal([100, 90, 75, 50], financeFeed.Alerts.Where(a => a.CampaignId == campaign).Select(a => a.Threshold));
        await using var pm = tenant.As(world, "pm");
        Assert.Equal(4, (await pm.Get<INotificationFeed>().GetAsync()).Alerts.Count(a => a.CampaignId == campaign));
        await using var creative = tenant.As(world, "creative");
        Assert.Empty((await creative.Get<INotificationFeed>().GetAsync()).Alerts);
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("leadership")]
    [InlineData("pm")]
    public async Task NotificationFeed_GetAsync_OnlyReads(string role)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await OverspentCampaignAsync(tenant);
        await using var person = tenant.As(world, role);

        var feed = await person.Get<INotificationFeed>().GetAsync();
        var raisedByAPerson = await person.Get<UnitOfWork>().RunAsync((db, ct) =>
            db.Database.SqlQuery<int>($"select agency.raise_budget_alerts() as \"Value\"").SingleAsync(ct));
        await using var finance = tenant.As(world, "finance");

        Assert.Empty(feed.Alerts);
        Assert.Equal(0, raisedByAPerson);
        Assert.Empty((await finance.Get<INotificationFeed>().GetAsync()).Alerts);
    }

    [Fact]
    public async Task NotificationFeed_MarkAllRead_ClearsTheBadgeOfThatPersonOnly()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await OverspentCampaignAsync(tenant);
        await using var finance = tenant.As(world, "finance");
        await using var leadership = tenant.As(world, "leadership");
        await finance.Get<BudgetWatch>().RunAsync(tenant.Id);

        await finance.Get<INotificationFeed>().MarkAllReadAsync();

        Assert.Equal(0, (await finance.Get<INotificationFeed>().GetAsync()).Unread);
        Assert.Equal(4, (await leadership.Get<INotificationFeed>().GetAsync()).Unread);
    }

    [Fact]
    public async Task NotificationFeed_Pm_CountsTimesheetWeeksWaitingForApproval()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await OverspentCampaignAsync(tenant);
        await using (var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "creative", tenant.People["creative"]))
        {
            await s.ExecuteAsync(
                "insert into agency.timesheet_entries (campaign_id, entry_date, hours, status) values (@c, current_date, 3, 'submitted')",
                ("c", campaign));
            await s.CommitAsync();
        }

        await using var pm = tenant.As(world, "pm");
        await using var account = tenant.As(world, "account");

        Assert.Equal(1, (await pm.Get<INotificationFeed>().GetAsync()).PendingApprovals);
        Assert.Equal(0, (await account.Get<INotificationFeed>().GetAsync()).PendingApprovals);
    }

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

    // A campaign on a budget of 100 with a camera out for a day at 100: spent 100 %.
    private async Task<Guid> OverspentCampaignAsync(ScratchTenant tenant)
    {
        var campaign = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, 'OVERSPENT', 'Overspent', 'active', 100, current_date - 10, current_date + 10)
            """,
            ("id", campaign), ("client", tenant.ClientId));
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'project_manager')",
            ("c", campaign), ("p", tenant.People["pm"]));
        await s.ExecuteAsync(
            """
            insert into gear.checkouts (equipment_name, asset_tag, checked_out_by, checked_out_at, returned_at, daily_rate, agency_campaign_id)
            values ('Camera', 'CAM-OVER', @p, now() - interval '2 hours', now() - interval '1 hour', 100, @c)
            """,
            ("c", campaign), ("p", tenant.People["pm"]));
        await s.CommitAsync();
        return campaign;
    }
}
