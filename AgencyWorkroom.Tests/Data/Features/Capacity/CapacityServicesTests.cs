using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Capacity;

/// <summary>The capacity grid's services on the real database, each test in a scratch tenant of its own.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class CapacityServicesTests(TwoTenantWorld world)
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Fact]
    public async Task Grid_CapacityNetOfTimeOffAndHistory_TentativeInAndOutOfTheTotals()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        var campaign = await CampaignAsync(tenant, "GRID");
        await using (var admin = tenant.As(world, "admin"))
        {
            Assert.True((await admin.Get<ICapacityCommands>().ChangeCapacityAsync(person, Monday.AddDays(7), 24)).Succeeded);
        }

        await ApprovedTimeOffAsync(tenant, person, Monday.AddDays(8), 8);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        Assert.True((await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = person, CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday.AddDays(14), HoursPerWeek = 20,
        })).Succeeded);
        Assert.True((await commands.SetTentativeAsync(person, campaign, Monday.AddDays(7), Monday.AddDays(7), true)).Succeeded);

        var grid = await pm.Get<ICapacityQueries>().GridAsync(new CapacityFilter(Monday, Weeks: 3));
        var row = Assert.Single(grid.People, p => p.EmployeeId == person);

        Assert.Equal([40m, 24m, 24m], row.Cells.Select(c => c.Capacity));
        Assert.Equal([40m, 16m, 24m], row.Cells.Select(c => c.Available));
        Assert.Equal([0m, 20m, 0m], row.Cells.Select(c => c.Tentative));
        Assert.Equal(60m, row.Allocated(includeTentative: true));
        Assert.Equal(40m, row.Allocated(includeTentative: false));
        Assert.True(row.Cells[1].OverBooked(includeTentative: true));
        Assert.False(row.Cells[1].OverBooked(includeTentative: false));
        Assert.True(row.Cells[1].OnLeave);
        Assert.Equal(20m, grid.WeekAllocated(1, includeTentative: true));
        Assert.Equal(0m, grid.WeekAllocated(1, includeTentative: false));
        // Six people, one a role each: the week's capacity is theirs together, net of the creative's day off.
        Assert.Equal(5 * 40m + 16m, grid.WeekAvailable(1));
    }

    [Fact]
    public async Task TimesheetWeek_ShowsTheGridsCapacity_ItsHistoryLessApprovedTimeOff()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        await using (var admin = tenant.As(world, "admin"))
        {
            Assert.True((await admin.Get<ICapacityCommands>().ChangeCapacityAsync(person, Monday.AddDays(7), 24)).Succeeded);
        }

        await ApprovedTimeOffAsync(tenant, person, Monday.AddDays(8), 8);
        await using var creative = tenant.As(world, "creative");
        var cells = (await creative.Get<ICapacityQueries>().GridAsync(new CapacityFilter(Monday, Weeks: 2)))
            .People.Single(p => p.EmployeeId == person).Cells;
        var weeks = new List<decimal>();
        foreach (var monday in new[] { Monday, Monday.AddDays(7) })
        {
            weeks.Add((await creative.Get<ITimesheetQueries>().GetWeekAsync(monday))!.Capacity);
        }

        // One rule in SQL for both screens: 40 h, then 24 h less the day off.
        Assert.Equal([40m, 16m], weeks);
        Assert.Equal(cells.Select(c => c.Available), weeks);
    }

    [Fact]
    public async Task Grid_FreeTimeFilter_CountsTentativeOnlyWhenIncluded_TotalsAreThoseOfThePeopleKept()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "FREE");
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = tenant.People["account"], CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday.AddDays(7), HoursPerWeek = 38,
        });
        await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = tenant.People["creative"], CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday.AddDays(7), HoursPerWeek = 35, Tentative = true,
        });
        var queries = pm.Get<ICapacityQueries>();

        var withTentative = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 2, MinFree: 10));
        var firmOnly = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 2, MinFree: 10, IncludeTentative: false));

        Assert.DoesNotContain(withTentative.People, p => p.EmployeeId == tenant.People["account"] || p.EmployeeId == tenant.People["creative"]);
        Assert.Contains(firmOnly.People, p => p.EmployeeId == tenant.People["creative"]);
        Assert.DoesNotContain(firmOnly.People, p => p.EmployeeId == tenant.People["account"]);
        // Every kept row's cells agree with the filter, and the totals are theirs alone.
        Assert.All(firmOnly.People, p => Assert.Contains(p.Cells, c => c.Free(includeTentative: false) >= 10));
        Assert.Equal(firmOnly.People.Count * 40m, firmOnly.Totals[0].Capacity);
        Assert.Equal(35m, firmOnly.Totals[1].Tentative);
        Assert.Equal(0m, withTentative.Totals[0].Firm + withTentative.Totals[0].Tentative);
    }

    [Fact]
    public async Task Grid_Filters_ByDepartmentSkillCampaignClientAndFreeTime()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "FILT");
        await using (var admin = tenant.As(world, "admin"))
        {
            Assert.True((await admin.Get<ICapacityCommands>().SetSkillsAsync(tenant.People["creative"], ["Motion", " motion ", "Copy"])).Succeeded);
        }

        await using var pm = tenant.As(world, "pm");
        await pm.Get<ICapacityCommands>().AllocateAsync(new AllocationForm
        {
            EmployeeId = tenant.People["account"], CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday, HoursPerWeek = 38,
        });
        var queries = pm.Get<ICapacityQueries>();

        var bySkill = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 1, Skill: "Motion"));
        var byCampaign = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 1, CampaignId: campaign));
        var byClient = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 1, ClientId: tenant.ClientId));
        var free = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 1, MinFree: 10));
        var byRole = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 1, Role: "finance"));
        var options = await queries.OptionsAsync();

        Assert.Equal([tenant.People["creative"]], bySkill.People.Select(p => p.EmployeeId));
        Assert.Equal(["Copy", "Motion"], bySkill.People[0].Skills);
        Assert.Equal([tenant.People["account"]], byCampaign.People.Select(p => p.EmployeeId));
        Assert.Equal([tenant.People["account"]], byClient.People.Select(p => p.EmployeeId));
        Assert.Equal(5, free.People.Count);
        Assert.DoesNotContain(free.People, p => p.EmployeeId == tenant.People["account"]);
        Assert.Equal([tenant.People["finance"]], byRole.People.Select(p => p.EmployeeId));
        Assert.Equal(["Copy", "Motion"], options.Skills);
    }

    [Fact]
    public async Task Grid_FlagsAllocationsAfterTheCampaignsEnd()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "ENDS", end: Monday.AddDays(4));
        await using var pm = tenant.As(world, "pm");
        await pm.Get<ICapacityCommands>().AllocateAsync(new AllocationForm
        {
            EmployeeId = tenant.People["creative"], CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday.AddDays(7), HoursPerWeek = 5,
        });

        var row = (await pm.Get<ICapacityQueries>().GridAsync(new CapacityFilter(Monday, Weeks: 2))).People.Single(p => p.EmployeeId == tenant.People["creative"]);
        var allocations = await pm.Get<ICapacityQueries>().AllocationsAsync(tenant.People["creative"], Monday, Monday.AddDays(7));

        Assert.Equal([false, true], row.Cells.Select(c => c.AfterCampaignEnd));
        Assert.Equal([false, true], allocations.Select(a => a.AfterCampaignEnd));
    }

    [Fact]
    public async Task Placeholder_CreatedShownAndAssigned_BecomesThePersonsAllocations()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "HOLD");
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        var form = new PlaceholderForm { CampaignId = campaign, RoleName = "Motion designer", FirstWeek = Monday, LastWeek = Monday.AddDays(7), HoursPerWeek = 12, Tentative = true };

        Assert.True((await commands.CreatePlaceholderAsync(form)).Succeeded);
        var before = await pm.Get<ICapacityQueries>().GridAsync(new CapacityFilter(Monday, Weeks: 2));
        Assert.True((await commands.AssignPlaceholderAsync(form.Id, tenant.People["creative"])).Succeeded);
        var after = await pm.Get<ICapacityQueries>().GridAsync(new CapacityFilter(Monday, Weeks: 2));

        var placeholder = Assert.Single(before.Placeholders);
        Assert.Equal("Motion designer", placeholder.RoleName);
        Assert.Equal(24m, placeholder.Allocated(includeTentative: true));
        Assert.Equal(0m, placeholder.Allocated(includeTentative: false));
        Assert.Empty(after.Placeholders);
        var row = after.People.Single(p => p.EmployeeId == tenant.People["creative"]);
        Assert.Equal([12m, 12m], row.Cells.Select(c => c.Tentative));
        Assert.False((await commands.AssignPlaceholderAsync(form.Id, tenant.People["creative"])).Succeeded);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("account")]
    [InlineData("finance")]
    public async Task Commands_ForRolesThatDoNotStaff_AreRefusedByTheDatabase(string role)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "NOPE");
        await using (var pm = tenant.As(world, "pm"))
        {
            await pm.Get<ICapacityCommands>().AllocateAsync(new AllocationForm
            {
                EmployeeId = tenant.People["creative"], CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday, HoursPerWeek = 8,
            });
        }

        await using var person = tenant.As(world, role);
        var commands = person.Get<ICapacityCommands>();
        var allocation = (await person.Get<ICapacityQueries>().AllocationsAsync(tenant.People["creative"], Monday, Monday)).Single();

        var create = await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = tenant.People["creative"], CampaignId = campaign, FirstWeek = Monday.AddDays(7), LastWeek = Monday.AddDays(7), HoursPerWeek = 8,
        });
        var edit = await commands.UpdateAllocationAsync(allocation.Id, allocation.Version, 40, true);
        var remove = await commands.RemoveAllocationAsync(allocation.Id);
        var move = await commands.MoveAsync(tenant.People["creative"], campaign, Monday, Monday, 1);
        var extend = await commands.ExtendAsync(tenant.People["creative"], campaign, Monday, Monday.AddDays(14));
        var capacity = await commands.ChangeCapacityAsync(tenant.People["creative"], Monday, 10);

        Assert.Equal(CapacityCommands.RefusedMessage, create.Error);
        Assert.Equal(CapacityCommands.RefusedMessage, edit.Error);
        Assert.Equal(CapacityCommands.RefusedMessage, remove.Error);
        Assert.Equal(CapacityCommands.RefusedMessage, move.Error);
        Assert.Equal(CapacityCommands.RefusedMessage, extend.Error);
        Assert.Equal(CapacityCommands.CapacityRefusedMessage, capacity.Error);
        var still = (await person.Get<ICapacityQueries>().AllocationsAsync(tenant.People["creative"], Monday, Monday.AddDays(7))).Single();
        Assert.Equal((8m, false), (still.Hours, still.Tentative));
    }

    [Fact]
    public async Task Extend_CopiesTheWeekToEveryWeekUpToTheTarget_LaterOrEarlier()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "EXTD");
        var other = await CampaignAsync(tenant, "EXTO");
        var person = tenant.People["creative"];
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        DateOnly Week(int i) => Monday.AddDays(7 * i);
        Assert.True((await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = person, CampaignId = campaign, FirstWeek = Week(2), LastWeek = Week(2), HoursPerWeek = 12, Tentative = true,
        })).Succeeded);
        Assert.True((await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = person, CampaignId = campaign, FirstWeek = Week(4), LastWeek = Week(4), HoursPerWeek = 3,
        })).Succeeded);
        Assert.True((await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = person, CampaignId = other, FirstWeek = Week(3), LastWeek = Week(3), HoursPerWeek = 5,
        })).Succeeded);

        Assert.True((await commands.ExtendAsync(person, campaign, Week(2), Week(4).AddDays(2))).Succeeded);
        Assert.True((await commands.ExtendAsync(person, campaign, Week(2), Week(1))).Succeeded);
        var none = await commands.ExtendAsync(person, campaign, Week(7), Week(8));

        var booked = await pm.Get<ICapacityQueries>().AllocationsAsync(person, Week(0), Week(8));
        Assert.Equal(
            [(Week(1), "EXTD", 12m, true), (Week(2), "EXTD", 12m, true), (Week(3), "EXTD", 12m, true), (Week(3), "EXTO", 5m, false), (Week(4), "EXTD", 12m, true)],
            booked.Select(a => (a.Week, a.CampaignCode, a.Hours, a.Tentative)));
        Assert.False(none.Succeeded);
    }

    [Fact]
    public async Task UpdateAllocation_OnAnOldVersion_IsAConflict()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "VERS");
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        await commands.AllocateAsync(new AllocationForm
        {
            EmployeeId = tenant.People["creative"], CampaignId = campaign, FirstWeek = Monday, LastWeek = Monday, HoursPerWeek = 8,
        });
        var read = (await pm.Get<ICapacityQueries>().AllocationsAsync(tenant.People["creative"], Monday, Monday)).Single();

        Assert.True((await commands.UpdateAllocationAsync(read.Id, read.Version, 10, false)).Succeeded);
        Assert.True((await commands.UpdateAllocationAsync(read.Id, read.Version, 12, false)).IsConflict);
    }

    [Fact]
    public async Task PlannedVsActual_ShowsAllocatedBesideLogged()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await CampaignAsync(tenant, "PVSA");
        var week = TimesheetWeek();
        await using (var pm = tenant.As(world, "pm"))
        {
            await pm.Get<ICapacityCommands>().AllocateAsync(new AllocationForm
            {
                EmployeeId = tenant.People["creative"], CampaignId = campaign, FirstWeek = week, LastWeek = week, HoursPerWeek = 10,
            });
        }

        await using (var creative = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            await creative.ExecuteAsync("insert into agency.timesheet_entries (campaign_id, entry_date, hours) values (@c, @d, 6.5)",
                ("c", campaign), ("d", week));
            await creative.CommitAsync();
        }

        await using var leadership = tenant.As(world, "leadership");
        var rows = await leadership.Get<ICapacityQueries>().PlannedVsActualAsync(week, campaign);

        var row = Assert.Single(rows);
        Assert.Equal((10m, 6.5m, -3.5m), (row.Planned, row.Logged, row.Difference));
    }

    /// <summary>
    /// Property-style: random creates, edits, tentative marks, moves, removals and placeholder
    /// assignments, then the people's-week summaries (011) equal a recount of the allocations.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(29)]
    [InlineData(73)]
    public async Task Summaries_AfterRandomAllocationEdits_EqualARecount(int seed)
    {
        var random = new Random(seed);
        var tenant = await ScratchTenant.CreateAsync(world);
        Guid[] campaigns = [await CampaignAsync(tenant, "RND1"), await CampaignAsync(tenant, "RND2")];
        Guid[] people = [tenant.People["creative"], tenant.People["account"], tenant.People["pm"]];
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICapacityCommands>();
        var queries = pm.Get<ICapacityQueries>();
        DateOnly Week(int i) => Monday.AddDays(7 * i);

        for (var step = 0; step < 40; step++)
        {
            var person = people[random.Next(people.Length)];
            var campaign = campaigns[random.Next(campaigns.Length)];
            var first = random.Next(6);
            var last = first + random.Next(3);
            switch (random.Next(8))
            {
                case 0 or 1:
                    await commands.AllocateAsync(new AllocationForm
                    {
                        EmployeeId = person, CampaignId = campaign, FirstWeek = Week(first), LastWeek = Week(last),
                        HoursPerWeek = random.Next(1, 40), Tentative = random.Next(2) == 0,
                    });
                    break;
                case 2:
                    var mine = await queries.AllocationsAsync(person, Week(0), Week(10));
                    if (mine.Count > 0)
                    {
                        var a = mine[random.Next(mine.Count)];
                        await commands.UpdateAllocationAsync(a.Id, a.Version, random.Next(0, 40), !a.Tentative);
                    }

                    break;
                case 3:
                    await commands.SetTentativeAsync(person, campaign, Week(first), Week(last), random.Next(2) == 0);
                    break;
                case 4:
                    await commands.MoveAsync(person, campaign, Week(first), Week(last), random.Next(-2, 3),
                        random.Next(3) == 0 ? people[random.Next(people.Length)] : null);
                    break;
                case 5:
                    await commands.RemoveRangeAsync(person, campaign, Week(first), Week(last));
                    break;
                case 6:
                    await commands.ExtendAsync(person, campaign, Week(first), Week(random.Next(6)));
                    break;
                default:
                    var form = new PlaceholderForm { CampaignId = campaign, RoleName = "Designer", FirstWeek = Week(first), LastWeek = Week(last), HoursPerWeek = random.Next(1, 20) };
                    await commands.CreatePlaceholderAsync(form);
                    await commands.AssignPlaceholderAsync(form.Id, person);
                    break;
            }
        }

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        var difference = await s.QueryAsync(
            """
            select coalesce(s.employee_id, r.employee_id) as employee_id, coalesce(s.week_start_date, r.week_start_date) as week,
                   s.allocated_hours, r.hours, s.allocation_count, r.n
            from (select employee_id, week_start_date, allocated_hours, allocation_count from agency.employee_week_hours where allocation_count <> 0 or allocated_hours <> 0) s
            full join (select employee_id, week_start_date, sum(hours) as hours, count(*) as n from agency.team_allocations group by 1, 2) r
              on r.employee_id = s.employee_id and r.week_start_date = s.week_start_date
            where s.allocated_hours is distinct from r.hours or s.allocation_count is distinct from r.n
            """);
        // 035: the grid's bookings, firm and tentative apart, likewise (a flag that flips moves hours between the two).
        var bookings = await s.QueryAsync(
            """
            select coalesce(b.employee_id, r.employee_id) as employee_id, coalesce(b.week_start_date, r.week_start_date) as week,
                   b.firm_hours, r.firm, b.tentative_hours, r.tentative, b.allocation_count, r.n
            from agency.employee_week_bookings b
            full join (select employee_id, week_start_date, coalesce(sum(hours) filter (where not tentative), 0) as firm,
                              coalesce(sum(hours) filter (where tentative), 0) as tentative, count(*) as n
                       from agency.team_allocations group by 1, 2) r
              on r.employee_id = b.employee_id and r.week_start_date = b.week_start_date
            where b.firm_hours is distinct from r.firm or b.tentative_hours is distinct from r.tentative or b.allocation_count is distinct from r.n
            """);
        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.team_allocations") > 0, "the edits left no allocation to count");
        Assert.Empty(difference);
        Assert.Empty(bookings);
    }

    private static DateOnly TimesheetWeek() => Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today)).AddDays(-7);

    private async Task<Guid> CampaignAsync(ScratchTenant tenant, string code, DateOnly? end = null)
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            "insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date) values (@id, @client, @code, @name, 'active', '2025-01-01', @end)",
            ("id", id), ("client", tenant.ClientId), ("code", code), ("name", $"Campaign {code}"),
            ("end", end ?? DateOnly.FromDateTime(DateTime.Today).AddDays(60)));
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'designer')",
            ("c", id), ("p", tenant.People["creative"]));
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
