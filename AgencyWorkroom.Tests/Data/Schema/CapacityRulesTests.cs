using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>
/// 029's rules on the real database: effective-dated capacity (one function, a week split at the
/// change), net of approved time off, tentative and placeholder allocations, and who may write
/// them, tried as the web app's role.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CapacityRulesTests(TwoTenantWorld world)
{
    // A fixed past week: Monday 2025-03-03; its Wednesday is 2025-03-05.
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Fact]
    public async Task Migration_OnADatabaseWithPeople_GivesEachTheirFigureFromAlways()
    {
        // An agency upgrading already has people: 029 must give them periods, as the migrator runs it
        // (the owner, no tenant set, under FORCE). Its backfill, after taking a tenant's periods away:
        var tenant = await ScratchTenant.CreateAsync(world);
        await using (var clear = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance))
        {
            await clear.ExecuteAsync("update agency.employees set weekly_capacity_hours = 32 where tenant_id = @t and id = @p",
                ("t", tenant.Id), ("p", tenant.People["creative"]));
            await clear.ExecuteAsync("delete from agency.employee_capacity_periods where tenant_id = @t", ("t", tenant.Id));
            await clear.CommitAsync();
        }

        var script = SchemaMigrator.LoadEmbeddedScripts().Single(m => m.Version == 29).Sql;
        var start = script.IndexOf("-- Existing people", StringComparison.Ordinal);
        var backfill = script[start..script.IndexOf("-- THE rule", start, StringComparison.Ordinal)];
        await using (var owner = await TestSession.BeginWithoutContextAsync(world.Database.Owner))
        {
            await owner.ExecuteAsync(backfill);
            await owner.CommitAsync();
        }

        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
        var rows = await s.QueryAsync(
            """
            select e.id, e.weekly_capacity_hours, p.weekly_hours, p.effective_from = '-infinity' as always
            from agency.employees e left join agency.employee_capacity_periods p on p.tenant_id = e.tenant_id and p.employee_id = e.id
            where e.tenant_id = @t
            """, ("t", tenant.Id));
        Assert.Equal(tenant.People.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(r["weekly_capacity_hours"], r["weekly_hours"]));
        Assert.All(rows, r => Assert.Equal(true, r["always"]));
        Assert.Contains(rows, r => (decimal)r["weekly_hours"]! == 32m);
        // FORCE is back on both tables after it.
        Assert.Equal(2L, await s.ScalarAsync<long>(
            "select count(*) from pg_class where oid in ('agency.employees'::regclass, 'agency.employee_capacity_periods'::regclass) and relforcerowsecurity"));
    }

    [Fact]
    public async Task WeeklyCapacity_ChangeOnAWednesday_SplitsThatWeekAndChangesOnlyTheWeeksFromIt()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        await s.ExecuteAsync("insert into agency.employee_capacity_periods (employee_id, effective_from, weekly_hours) values (@p, @d, 24)",
            ("p", person), ("d", Monday.AddDays(2)));

        async Task<decimal> Week(DateOnly day) => await s.ScalarAsync<decimal>(
            "select agency.weekly_capacity(@t, @p, @w)", ("t", tenant.Id), ("p", person), ("w", day));

        Assert.Equal(40m, await Week(Monday.AddDays(-7)));
        // Monday and Tuesday at 40/5, Wednesday to Friday at 24/5; any day of the week names it.
        Assert.Equal(30.40m, await Week(Monday));
        Assert.Equal(30.40m, await Week(Monday.AddDays(6)));
        Assert.Equal(24m, await Week(Monday.AddDays(7)));
        Assert.Equal(24m, await Week(new DateOnly(2030, 1, 7)));
        // The set the grid reads says the same, week by week.
        var set = await s.QueryAsync(
            "select capacity_hours from agency.weekly_capacities(@t, @from, @to) where employee_id = @p order by week_start_date",
            ("t", tenant.Id), ("p", person), ("from", Monday.AddDays(-5)), ("to", Monday.AddDays(7)));
        Assert.Equal([40m, 30.40m, 24m], set.Select(r => (decimal)r["capacity_hours"]!));
        // The person's figure is the one in force today.
        Assert.Equal(24m, await s.ScalarAsync<decimal>("select weekly_capacity_hours from agency.employees where id = @p", ("p", person)));
        // The first period now ends where the change begins.
        Assert.Equal(Monday.AddDays(2), await s.ScalarAsync<DateOnly>(
            "select effective_to from agency.employee_capacity_periods where employee_id = @p and effective_from = '-infinity'", ("p", person)));
    }

    [Fact]
    public async Task WeeklyCapacity_ChangeOnASaturday_StartsWithTheNextWeek()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        await s.ExecuteAsync("insert into agency.employee_capacity_periods (employee_id, effective_from, weekly_hours) values (@p, @d, 20)",
            ("p", person), ("d", Monday.AddDays(5)));

        Assert.Equal(40m, await s.ScalarAsync<decimal>("select agency.weekly_capacity(@t, @p, @w)", ("t", tenant.Id), ("p", person), ("w", Monday)));
        Assert.Equal(20m, await s.ScalarAsync<decimal>("select agency.weekly_capacity(@t, @p, @w)", ("t", tenant.Id), ("p", person), ("w", Monday.AddDays(7))));
    }

    [Fact]
    public async Task PersonFigureChanged_IsAChangeFromThisWeek_AndRemovingItPutsTheOldFigureBack()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);

        await s.ExecuteAsync("update agency.employees set weekly_capacity_hours = 32 where id = @p", ("p", person));
        var periods = await s.QueryAsync(
            "select effective_from, weekly_hours from agency.employee_capacity_periods where employee_id = @p order by effective_from", ("p", person));
        Assert.Equal(2, periods.Count);
        Assert.Equal(32m, periods[1]["weekly_hours"]);
        Assert.Equal(await s.ScalarAsync<DateOnly>("select agency.current_week_start()"), (DateOnly)periods[1]["effective_from"]!);
        Assert.Equal(40m, await s.ScalarAsync<decimal>("select agency.weekly_capacity(@t, @p, @w)", ("t", tenant.Id), ("p", person), ("w", Monday)));

        await s.ExecuteAsync("delete from agency.employee_capacity_periods where employee_id = @p and weekly_hours = 32", ("p", person));
        Assert.Equal(40m, await s.ScalarAsync<decimal>("select weekly_capacity_hours from agency.employees where id = @p", ("p", person)));
    }

    [Fact]
    public async Task Utilization_FollowsTheHistory_AndNetsOutApprovedTimeOff()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        var campaign = await CampaignAsync(tenant);
        await using (var admin = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]))
        {
            await admin.ExecuteAsync("insert into agency.employee_capacity_periods (employee_id, effective_from, weekly_hours) values (@p, @d, 24)",
                ("p", person), ("d", Monday.AddDays(7)));
            await admin.CommitAsync();
        }

        await using (var pm = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            foreach (var week in new[] { Monday, Monday.AddDays(7) })
            {
                await pm.ExecuteAsync("insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours) values (@p, @c, @w, 12)",
                    ("p", person), ("c", campaign), ("w", week));
            }

            await pm.CommitAsync();
        }

        // History loaded approved, as the maintenance loader does (the rules of 021 bind the app only).
        await ApprovedTimeOffAsync(tenant, person, Monday.AddDays(8), 8);
        await ApprovedTimeOffAsync(tenant, person, Monday.AddDays(9), 4);

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        var rows = await s.QueryAsync(
            "select week_start_date, capacity_hours, allocation_pct from agency.v_employee_utilization where employee_id = @p order by week_start_date",
            ("p", person));

        Assert.Equal([40m, 12m], rows.Select(r => (decimal)r["capacity_hours"]!));
        Assert.Equal([0.3m, 1m], rows.Select(r => (decimal)r["allocation_pct"]!));
    }

    [Fact]
    public async Task NetCapacity_NeverGoesBelowNothing()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        Assert.Equal(0m, await s.ScalarAsync<decimal>("select agency.net_capacity(16, 24)"));
        Assert.Equal(16m, await s.ScalarAsync<decimal>("select agency.net_capacity(16, null)"));
    }

    [Fact]
    public async Task TentativeAllocations_CountInThePeoplesWeeks_AndTurningThemFirmMovesNoHour()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        var campaign = await CampaignAsync(tenant);
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync("insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours, tentative) values (@p, @c, @w, 10, true)",
            ("p", person), ("c", campaign), ("w", Monday));
        var before = await s.ScalarAsync<decimal>("select allocated_hours from agency.employee_week_hours where employee_id = @p and week_start_date = @w",
            ("p", person), ("w", Monday));
        var version = await s.ScalarAsync<string>("select xmin::text from agency.employee_week_hours where employee_id = @p and week_start_date = @w",
            ("p", person), ("w", Monday));

        await s.ExecuteAsync("update agency.team_allocations set tentative = false where employee_id = @p", ("p", person));

        Assert.Equal(10m, before);
        Assert.Equal(version, await s.ScalarAsync<string>(
            "select xmin::text from agency.employee_week_hours where employee_id = @p and week_start_date = @w", ("p", person), ("w", Monday)));
    }

    [Fact]
    public async Task AssignPlaceholder_TurnsItsWeeksIntoThePersonsAllocations_AndRemovesIt()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        var campaign = await CampaignAsync(tenant);
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        var placeholder = Guid.NewGuid();
        await s.ExecuteAsync("insert into agency.staffing_placeholders (id, campaign_id, role_name) values (@id, @c, 'Senior designer')",
            ("id", placeholder), ("c", campaign));
        await s.ExecuteAsync(
            """
            insert into agency.placeholder_allocations (placeholder_id, week_start_date, hours, tentative)
            values (@id, @w1, 20, false), (@id, @w2, 16, true)
            """, ("id", placeholder), ("w1", Monday.AddDays(3)), ("w2", Monday.AddDays(7)));
        // The person already has 4 h there in the first week: the placeholder's hours are added.
        await s.ExecuteAsync("insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours) values (@p, @c, @w, 4)",
            ("p", person), ("c", campaign), ("w", Monday));

        Assert.Equal(2, await s.ScalarAsync<int>("select agency.assign_placeholder(@id, @p)", ("id", placeholder), ("p", person)));

        var rows = await s.QueryAsync(
            "select week_start_date, hours, tentative from agency.team_allocations where employee_id = @p order by week_start_date", ("p", person));
        Assert.Equal([24m, 16m], rows.Select(r => (decimal)r["hours"]!));
        Assert.Equal([false, true], rows.Select(r => (bool)r["tentative"]!));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.staffing_placeholders where id = @id", ("id", placeholder)));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.placeholder_allocations where placeholder_id = @id", ("id", placeholder)));
        Assert.Equal(40m, await s.ScalarAsync<decimal>("select sum(allocated_hours) from agency.employee_week_hours where employee_id = @p", ("p", person)));
        var gone = await s.FailureAsync("select agency.assign_placeholder(@id, @p)", ("id", placeholder), ("p", person));
        Assert.Equal("placeholder_gone", gone.ConstraintName);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("account")]
    [InlineData("finance")]
    public async Task NonStaffingRoles_AreRefusedAllocationsAndPlaceholders_ButReadThem(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);
        var rows = world.A.Rows;

        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.staffing_placeholders where id = @id", ("id", rows["agency.staffing_placeholders"])));
        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.placeholder_allocations where id = @id", ("id", rows["agency.placeholder_allocations"])));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await s.FailureAsync(
            "insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours) values (@p, @c, current_date + 21, 8)",
            ("p", world.A.People["creative"]), ("c", rows["agency.campaigns"]))).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await s.FailureAsync(
            "insert into agency.staffing_placeholders (campaign_id, role_name) values (@c, 'Producer')", ("c", rows["agency.campaigns"]))).SqlState);
        Assert.Equal(0, await s.ExecuteAsync("update agency.team_allocations set tentative = true where id = @id", ("id", rows["agency.team_allocations"])));
        Assert.Equal(0, await s.ExecuteAsync("delete from agency.placeholder_allocations where id = @id", ("id", rows["agency.placeholder_allocations"])));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await s.FailureAsync(
            "select agency.assign_placeholder(@id, @p)", ("id", rows["agency.staffing_placeholders"]), ("p", world.A.People["creative"]))).SqlState);
    }

    [Theory]
    [InlineData("pm")]
    [InlineData("leadership")]
    [InlineData("creative")]
    public async Task CapacityHistory_IsReadByEveryone_AndWrittenByAdminsOnly(string role)
    {
        await using var s = await world.AppSessionAsync(world.A, role);

        Assert.True(await s.ScalarAsync<long>("select count(*) from agency.employee_capacity_periods") >= 7);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await s.FailureAsync(
            "insert into agency.employee_capacity_periods (employee_id, effective_from, weekly_hours) values (@p, current_date + 30, 8)",
            ("p", world.A.People[role]))).SqlState);
        Assert.Equal(0, await s.ExecuteAsync("update agency.employee_capacity_periods set weekly_hours = 1"));
        Assert.Equal(0, await s.ExecuteAsync("delete from agency.employee_capacity_periods"));
    }

    private async Task<Guid> CampaignAsync(ScratchTenant tenant, string code = "CAP")
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            "insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date) values (@id, @client, @code, 'Capacity', 'active', '2025-01-01', current_date + 60)",
            ("id", id), ("client", tenant.ClientId), ("code", code));
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
