using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Capacity;

/// <summary>
/// The grid asks for the rows on screen (035, bench #17a): the first rows come with their cells, the
/// rest load as they scroll in, and the week totals cover everyone who matches, equal to the sum of
/// every cell; the bookings summary they read is exact and read-only.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CapacityGridWindowTests(TwoTenantWorld world)
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Fact]
    public async Task Grid_BeyondTheFirstRows_LoadsCellsOnRequest_AndTotalsEqualTheSumOfEveryCell()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var extra = await PeopleAsync(tenant, CapacityFilter.FirstRows + 7);
        var campaign = await CampaignAsync(tenant, "WIN1", Monday.AddDays(7));
        var last = extra[^1];
        var changing = extra[^2];
        await using (var admin = tenant.As(world, "admin"))
        {
            // A change on a Wednesday of the second week, for someone far down the list.
            Assert.True((await admin.Get<ICapacityCommands>().ChangeCapacityAsync(changing, Monday.AddDays(9), 20)).Succeeded);
        }

        await ApprovedTimeOffAsync(tenant, last, Monday.AddDays(14), 8);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        foreach (var (person, hours, tentative) in new[] { (last, 30m, false), (changing, 12m, true), (tenant.People["creative"], 44m, false) })
        {
            Assert.True((await commands.AllocateAsync(new AllocationForm
            {
                EmployeeId = person, CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday.AddDays(14), HoursPerWeek = hours, Tentative = tentative,
            })).Succeeded);
        }

        var queries = pm.Get<ICapacityQueries>();
        var filter = new CapacityFilter(Monday, Weeks: 3);
        var grid = await queries.GridAsync(filter);

        Assert.Equal(tenant.People.Count + extra.Count, grid.People.Count);
        Assert.All(grid.People.Take(CapacityFilter.FirstRows), p => Assert.True(p.Loaded));
        Assert.All(grid.People.Skip(CapacityFilter.FirstRows), p => Assert.False(p.Loaded));

        var rest = await queries.RowsAsync(filter, grid.People.Skip(CapacityFilter.FirstRows).Select(p => p.EmployeeId).ToList());
        Assert.Equal(grid.People.Skip(CapacityFilter.FirstRows).Select(p => p.EmployeeId), rest.Select(r => r.EmployeeId));
        var everyone = grid.People.Take(CapacityFilter.FirstRows).Concat(rest).ToList();

        var lastRow = everyone.Single(p => p.EmployeeId == last);
        Assert.Equal([40m, 40m, 32m], lastRow.Cells.Select(c => c.Available));
        Assert.Equal([30m, 30m, 30m], lastRow.Cells.Select(c => c.Firm));
        Assert.Equal([false, false, true], lastRow.Cells.Select(c => c.AfterCampaignEnd));
        var changingRow = everyone.Single(p => p.EmployeeId == changing);
        Assert.Equal([40m, 28m, 20m], changingRow.Cells.Select(c => c.Capacity));
        Assert.Equal([12m, 12m, 12m], changingRow.Cells.Select(c => c.Tentative));

        for (var w = 0; w < grid.Weeks.Count; w++)
        {
            var total = grid.Totals[w];
            Assert.Equal(grid.Weeks[w], total.Week);
            Assert.Equal(everyone.Sum(p => p.Cells[w].Capacity), total.Capacity);
            Assert.Equal(everyone.Sum(p => p.Cells[w].Available), total.Available);
            Assert.Equal(everyone.Sum(p => p.Cells[w].Firm), total.Firm);
            Assert.Equal(everyone.Sum(p => p.Cells[w].Tentative), total.Tentative);
        }

        Assert.Equal(74m, grid.WeekAllocated(0, includeTentative: false));
        Assert.Equal(86m, grid.WeekAllocated(0, includeTentative: true));

        // Filtered, the totals are the filtered people's only.
        var byCampaign = await queries.GridAsync(filter with { CampaignId = campaign });
        Assert.Equal(3, byCampaign.People.Count);
        Assert.Equal(byCampaign.People.Sum(p => p.Cells[2].Available), byCampaign.Totals[2].Available);
        Assert.Equal(40m + 20m + 32m, byCampaign.Totals[2].Available);
    }

    [Fact]
    public async Task Grid_GroupedByRole_ComesInTheOrderItIsDrawn()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");

        var grid = await pm.Get<ICapacityQueries>().GridAsync(new CapacityFilter(Monday, Weeks: 1, Grouping: CapacityGrouping.Role));

        var groups = grid.People.Select(p => p.Group(CapacityGrouping.Role)).ToList();
        Assert.Equal(groups.Order(StringComparer.OrdinalIgnoreCase), groups);
    }

    [Fact]
    public async Task Bookings_ReadByEveryRoleOfTheTenant_WrittenByNone()
    {
        await using var creative = await world.AppSessionAsync(world.A, "creative");
        await using var other = await world.AppSessionAsync(world.B, "leadership");

        Assert.Equal(
            await creative.ScalarAsync<decimal>("select coalesce(sum(hours), 0) from agency.team_allocations"),
            await creative.ScalarAsync<decimal>("select coalesce(sum(firm_hours + tentative_hours), 0) from agency.employee_week_bookings"));
        Assert.True(await creative.ScalarAsync<long>("select count(*) from agency.employee_week_bookings") > 0, "the world has allocations");
        Assert.Equal(0L, await other.ScalarAsync<long>("select count(*) from agency.employee_week_bookings where tenant_id = @t", ("t", world.A.Id)));

        await using var pm = await world.AppSessionAsync(world.A, "pm");
        var insert = await pm.FailureAsync(
            "insert into agency.employee_week_bookings (tenant_id, employee_id, week_start_date, firm_hours) values (@t, @p, '2024-01-01', 40)",
            ("t", world.A.Id), ("p", world.A.People["pm"]));
        var update = await pm.FailureAsync("update agency.employee_week_bookings set firm_hours = 0");
        var rebuild = await pm.FailureAsync("select agency.rebuild_week_bookings()");
        Assert.All(new[] { insert, update, rebuild }, e => Assert.Equal("42501", e.SqlState));
    }

    private async Task<List<Guid>> PeopleAsync(ScratchTenant tenant, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        for (var i = 0; i < count; i++)
        {
            // Names after the scratch tenant's own ("… person"), so these come last within their group.
            await s.ExecuteAsync(
                "insert into agency.employees (id, full_name, email, agency_role, department) values (@id, @name, @email, 'creative', null)",
                ("id", ids[i]), ("name", $"zz {i:D3}"), ("email", $"zz{i}@{tenant.Id:N}.test"));
        }

        await s.CommitAsync();
        return ids;
    }

    private async Task<Guid> CampaignAsync(ScratchTenant tenant, string code, DateOnly end)
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            "insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date) values (@id, @client, @code, @name, 'active', '2025-01-01', @end)",
            ("id", id), ("client", tenant.ClientId), ("code", code), ("name", $"Campaign {code}"), ("end", end));
        await s.CommitAsync();
        return id;
    }

    private async Task ApprovedTimeOffAsync(ScratchTenant tenant, Guid person, DateOnly day, decimal hours)
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
        await s.ExecuteAsync(
            "insert into agency.time_off_entries (tenant_id, employee_id, kind, entry_date, hours, status) values (@t, @p, 'leave', @d, @h, 'approved')",
            ("t", tenant.Id), ("p", person), ("d", day), ("h", hours));
        await s.CommitAsync();
    }
}
