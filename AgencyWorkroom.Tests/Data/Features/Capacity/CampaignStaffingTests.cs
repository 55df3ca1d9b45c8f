using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Capacity;

/// <summary>
/// A campaign's staffing tab (issue 15): planned against logged per person and week, past and current
/// weeks from the campaign's start, with its conflicts: over-booked across campaigns, booked after the
/// campaign's end, booked while on leave; logged hours as far as the caller may read time.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CampaignStaffingTests(TwoTenantWorld world)
{
    private static DateOnly ThisMonday => Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today));

    private static DateOnly Week(int i) => ThisMonday.AddDays(7 * i);

    [Fact]
    public async Task Staffing_PlannedAgainstLogged_WithEveryKindOfConflict()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var creative = tenant.People["creative"];
        // Started three weeks ago, ended on the Friday two weeks ago.
        var campaign = await CampaignAsync(tenant, "STAF", Week(-3), Week(-2).AddDays(4));
        var other = await CampaignAsync(tenant, "OTHR", Week(-3), Week(4));
        await using (var pm = tenant.As(world, "pm"))
        {
            var commands = pm.Get<ICapacityCommands>();
            foreach (var (on, week, hours) in new[] { (campaign, -3, 10m), (campaign, -2, 20m), (campaign, -1, 8m), (other, -2, 30m) })
            {
                Assert.True((await commands.AllocateAsync(new AllocationForm
                {
                    EmployeeId = creative, CampaignId = on, FirstWeek = Week(week), LastWeek = Week(week), HoursPerWeek = hours,
                })).Succeeded);
            }
        }

        await using (var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance))
        {
            await s.ExecuteAsync(
                "insert into agency.time_off_entries (tenant_id, employee_id, kind, entry_date, hours, status) values (@t, @p, 'leave', @d, 8, 'approved')",
                ("t", tenant.Id), ("p", creative), ("d", Week(-3)));
            await s.ExecuteAsync(
                "insert into agency.timesheet_entries (tenant_id, employee_id, campaign_id, entry_date, hours) values (@t, @p, @c, @d, 6)",
                ("t", tenant.Id), ("p", creative), ("c", campaign), ("d", Week(-3).AddDays(1)));
            await s.CommitAsync();
        }

        await using var leadership = tenant.As(world, "leadership");
        var cells = await leadership.Get<ICapacityQueries>().CampaignStaffingAsync(campaign);

        Assert.Equal([creative], cells.Select(c => c.EmployeeId).Distinct());
        Assert.Equal([Week(-3), Week(-2), Week(-1), Week(0)], cells.Select(c => c.Week));
        Assert.Equal([10m, 20m, 8m, 0m], cells.Select(c => c.Planned));
        Assert.Equal([6m, 0m, 0m, 0m], cells.Select(c => c.Logged));
        Assert.Equal([10m, 50m, 8m, 0m], cells.Select(c => c.Booked));
        Assert.Equal([32m, 40m, 40m, 40m], cells.Select(c => c.Available));
        Assert.Equal([true, false, false, false], cells.Select(c => c.OnLeave));
        Assert.Equal([false, true, false, false], cells.Select(c => c.OverBooked));
        Assert.Equal([false, false, true, false], cells.Select(c => c.AfterCampaignEnd));
        Assert.Equal([true, true, true, false], cells.Select(c => c.HasConflict));

        // An account manager reads the plan but not other people's time.
        await using var account = tenant.As(world, "account");
        var seen = await account.Get<ICapacityQueries>().CampaignStaffingAsync(campaign);
        Assert.Equal([10m, 20m, 8m, 0m], seen.Select(c => c.Planned));
        Assert.All(seen, c => Assert.Equal(0m, c.Logged));

        // Another tenant's leadership finds nothing by the id.
        await using var stranger = PersonServices.For(world, world.B, "leadership");
        Assert.Empty(await stranger.Get<ICapacityQueries>().CampaignStaffingAsync(campaign));
    }

    private async Task<Guid> CampaignAsync(ScratchTenant tenant, string code, DateOnly start, DateOnly end)
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            "insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date) values (@id, @client, @code, @name, 'active', @start, @end)",
            ("id", id), ("client", tenant.ClientId), ("code", code), ("name", $"Campaign {code}"), ("start", start), ("end", end));
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'designer')",
            ("c", id), ("p", tenant.People["creative"]));
        await s.CommitAsync();
        return id;
    }
}
