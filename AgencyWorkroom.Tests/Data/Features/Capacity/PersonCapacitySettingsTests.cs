using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Capacity;

/// <summary>
/// A person's capacity settings (issue 15, 035): capacity from a date splits the grid's weeks, a future
/// period can be removed and a past one cannot; per-person utilization targets by period, set by
/// leadership only (the database refuses everyone else), resolved per day by agency.utilization_target_for.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PersonCapacitySettingsTests(TwoTenantWorld world)
{
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Fact]
    public async Task CapacityFromADate_SplitsTheGridsWeeks_AndOnlyAFuturePeriodCanBeRemoved()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["account"];
        await using var admin = tenant.As(world, "admin");
        var commands = admin.Get<ICapacityCommands>();
        var queries = admin.Get<ICapacityQueries>();
        var thisMonday = AgencyWorkroom.Data.Features.Common.Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today));

        Assert.True((await commands.ChangeCapacityAsync(person, Monday.AddDays(7), 24, "Part time")).Succeeded);
        Assert.True((await commands.ChangeCapacityAsync(person, thisMonday.AddDays(21), 32)).Succeeded);
        var grid = await queries.GridAsync(new CapacityFilter(Monday, Weeks: 3));
        Assert.Equal([40m, 24m, 24m], grid.People.Single(p => p.EmployeeId == person).Cells.Select(c => c.Capacity));
        var ahead = await queries.GridAsync(new CapacityFilter(thisMonday.AddDays(14), Weeks: 2));
        Assert.Equal([24m, 32m], ahead.People.Single(p => p.EmployeeId == person).Cells.Select(c => c.Capacity));

        var history = await queries.CapacityHistoryAsync(person);
        Assert.Equal([null, Monday.AddDays(7), thisMonday.AddDays(21)], history.Select(h => h.EffectiveFrom));
        Assert.False((await commands.RemoveCapacityPeriodAsync(history[1].Id)).Succeeded);
        Assert.True((await commands.RemoveCapacityPeriodAsync(history[2].Id)).Succeeded);
        Assert.Equal([40m, 24m], (await queries.CapacityHistoryAsync(person)).Select(h => h.WeeklyHours));
    }

    [Fact]
    public async Task UtilizationTarget_ResolvesPerDate_TheTenantsBeforeAndWithoutOne()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        await using var leadership = tenant.As(world, "leadership");
        var commands = leadership.Get<ICapacityCommands>();
        Assert.True((await commands.SetUtilizationTargetAsync(person, Monday, 0.8m, "Senior")).Succeeded);
        Assert.True((await commands.SetUtilizationTargetAsync(person, Monday.AddDays(30), 0.6m)).Succeeded);

        await using var creative = tenant.As(world, "creative");
        var queries = creative.Get<ICapacityQueries>();
        Assert.Equal(0.75m, await queries.UtilizationTargetAsync(person, Monday.AddDays(-1)));
        Assert.Equal(0.8m, await queries.UtilizationTargetAsync(person, Monday));
        Assert.Equal(0.8m, await queries.UtilizationTargetAsync(person, Monday.AddDays(29)));
        Assert.Equal(0.6m, await queries.UtilizationTargetAsync(person, Monday.AddDays(30)));
        Assert.Equal(0.6m, await queries.UtilizationTargetAsync(person, Monday.AddDays(3000)));
        Assert.Equal(0.75m, await queries.UtilizationTargetAsync(tenant.People["pm"], Monday));

        var targets = await queries.UtilizationTargetsAsync(person);
        Assert.Equal(0.75m, targets.TenantTarget);
        Assert.Equal([(Monday, (DateOnly?)Monday.AddDays(30), 0.8m), (Monday.AddDays(30), null, 0.6m)],
            targets.Periods.Select(p => (p.EffectiveFrom, p.EffectiveTo, p.Target)));

        Assert.True((await commands.RemoveUtilizationTargetAsync(targets.Periods[1].Id)).Succeeded);
        Assert.Equal(0.8m, await queries.UtilizationTargetAsync(person, Monday.AddDays(3000)));
        var outOfRange = await commands.SetUtilizationTargetAsync(person, Monday, 1.5m);
        Assert.Equal("A target runs from 0 % to 100 %.", outOfRange.FieldErrors["Target"]);

        // Another tenant's people never read this one's targets, by id or through the function.
        await using var stranger = PersonServices.For(world, world.B, "leadership");
        Assert.Equal(0.8m, await queries.UtilizationTargetAsync(person, Monday));
        Assert.Empty((await stranger.Get<ICapacityQueries>().UtilizationTargetsAsync(person)).Periods);
        Assert.NotEqual(0.8m, await stranger.Get<ICapacityQueries>().UtilizationTargetAsync(person, Monday));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("pm")]
    [InlineData("finance")]
    [InlineData("creative")]
    public async Task UtilizationTarget_WrittenByAnyoneButLeadership_IsRefusedByTheDatabase(string role)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var person = tenant.People["creative"];
        Guid id;
        await using (var leadership = tenant.As(world, "leadership"))
        {
            id = (await leadership.Get<ICapacityCommands>().SetUtilizationTargetAsync(person, Monday, 0.7m)).Id!.Value;
        }

        await using var someone = tenant.As(world, role);
        var commands = someone.Get<ICapacityCommands>();
        var set = await commands.SetUtilizationTargetAsync(person, Monday.AddDays(7), 0.9m);
        var remove = await commands.RemoveUtilizationTargetAsync(id);
        Assert.Equal(CapacityCommands.TargetRefusedMessage, set.Error);
        Assert.Equal(CapacityCommands.TargetRefusedMessage, remove.Error);

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
        var insert = await s.FailureAsync(
            "insert into agency.employee_utilization_targets (employee_id, effective_from, target) values (@p, '2025-06-02', 0.9)", ("p", person));
        Assert.Equal("42501", insert.SqlState);
        await using var after = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
        Assert.Equal(0, await after.ExecuteAsync("update agency.employee_utilization_targets set target = 0.1"));
        Assert.Equal(0.7m, await after.ScalarAsync<decimal>("select agency.utilization_target_for(@p, '2025-06-02')", ("p", person)));
    }
}
