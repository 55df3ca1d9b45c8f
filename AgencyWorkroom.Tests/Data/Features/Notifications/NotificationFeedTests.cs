using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Tests.Data.Features.Notifications;

/// <summary>The bell and the budget watch that raises its alerts, on the real database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class NotificationFeedTests(TwoTenantWorld world)
{
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
