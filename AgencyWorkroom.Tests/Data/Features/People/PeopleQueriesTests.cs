using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.People;

/// <summary>The signed-in person as the shell and the screens read it, on the real database.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PeopleQueriesTests(TwoTenantWorld world)
{
    [Fact]
    public async Task GetMeAsync_ReadsOncePerScope_AndANewScopeReadsAgain()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var circuit = tenant.As(world, "creative");
        var people = circuit.Get<IPeopleQueries>();

        // The layout and the page ask at the same moment: one read answers both.
        var (layout, page) = (people.GetMeAsync(), people.GetMeAsync());
        Assert.Same(layout, page);
        Assert.Equal("creative person", (await layout).FullName);

        await using (var admin = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "admin", tenant.People["admin"]))
        {
            await admin.ExecuteAsync("update agency.employees set full_name = 'Renamed' where id = @id", ("id", tenant.People["creative"]));
            await admin.CommitAsync();
        }

        Assert.Equal("creative person", (await people.GetMeAsync()).FullName);
        await using var nextCircuit = tenant.As(world, "creative");
        var fresh = await nextCircuit.Get<IPeopleQueries>().GetMeAsync();
        Assert.Equal(("Renamed", "creative", "Scratch"), (fresh.FullName, fresh.Role, fresh.TenantName));
    }

    [Fact]
    public async Task GetMeAsync_AfterACancelledRead_ReadsAgain()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var circuit = tenant.As(world, "pm");
        var people = circuit.Get<IPeopleQueries>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => people.GetMeAsync(new CancellationToken(canceled: true)));

        Assert.Equal("pm person", (await people.GetMeAsync()).FullName);
    }
}
