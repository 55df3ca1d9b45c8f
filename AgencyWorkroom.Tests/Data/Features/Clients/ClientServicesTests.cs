using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Tests.Data.Features.Clients;

/// <summary>ClientQueries and ClientCommands on the real database, as the people of each role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ClientServicesTests(TwoTenantWorld world)
{
    [Fact]
    public async Task ListAsync_FilterBySearchStatusAndSector_FindsTheSeededClient()
    {
        await using var account = PersonServices.For(world, world.A, "account");
        var clients = account.Get<IClientQueries>();
        var code = $"CL-{world.A.Id.ToString("N")[..8].ToUpperInvariant()}";

        var found = await clients.ListAsync(new ClientFilter(code.ToLowerInvariant(), "active", "Food"), new PageRequest());
        var wrongSector = await clients.ListAsync(new ClientFilter(code, "active", "Aerospace"), new PageRequest());

        Assert.Equal(code, Assert.Single(found.Items).Code);
        Assert.Equal(1, found.TotalCount);
        Assert.Empty(wrongSector.Items);
    }

    [Fact]
    public async Task ToPageAsync_CountsUpToItsLimit_ThenSaysThereAreMore()
    {
        await using var leadership = PersonServices.For(world, world.A, "leadership");
        var units = leadership.Get<UnitOfWork>();
        var people = await units.RunAsync((db, ct) => db.Set<Employee>().CountAsync(ct));

        Task<Page<Employee>> PageAsync(int countAhead) => units.RunAsync((db, ct) =>
            db.Set<Employee>().ToPageAsync(q => q.OrderBy(e => e.FullName).ThenBy(e => e.Id), new PageRequest(0, 2), ct, countAhead));
        var stopped = await PageAsync(countAhead: 3);
        var exact = await PageAsync(countAhead: PagingExtensions.CountAhead);

        Assert.True(people > 4);
        Assert.Equal(2, stopped.Items.Count);
        Assert.Equal(3, stopped.TotalCount);
        Assert.True(stopped.MoreThanCounted);
        Assert.Equal(people, exact.TotalCount);
        Assert.False(exact.MoreThanCounted);
    }

    [Theory]
    [InlineData(0, 25, 1000, 1000)]
    [InlineData(38, 25, 1000, 1000)]
    [InlineData(39, 25, 1000, 2000)]
    [InlineData(3, 2, 3, 9)]
    public void CountLimit_IsTheNextWholeStepPastThePage(int page, int size, int countAhead, int expected) =>
        Assert.Equal(expected, new PageRequest(page, size).CountLimit(countAhead));

    [Fact]
    public async Task ListAsync_OtherTenantsCode_ReturnsNothing()
    {
        await using var account = PersonServices.For(world, world.A, "account");
        var theirCode = $"CL-{world.B.Id.ToString("N")[..8].ToUpperInvariant()}";

        var page = await account.Get<IClientQueries>().ListAsync(new ClientFilter(theirCode), new PageRequest());

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Theory]
    [InlineData("_")]
    [InlineData("%")]
    [InlineData(@"\")]
    public async Task ListAsync_SearchForAWildcardCharacter_FindsOnlyNamesContainingItLiterally(string character)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        foreach (var (code, name) in new[] { ("SNAKE", "Snake_case Ltd"), ("JUICE", "100% Juice"), ("SLASH", @"Back\slash Inc") })
        {
            Assert.True((await account.Get<IClientCommands>().CreateAsync(new ClientForm { Code = code, Name = name })).Succeeded);
        }

        var found = await account.Get<IClientQueries>().ListAsync(new ClientFilter(character), new PageRequest());

        Assert.Contains(character, Assert.Single(found.Items).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_PagesAndSorts_OnTheServer()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        foreach (var code in new[] { "ZETA", "ALPHA", "MIKE", "BRAVO" })
        {
            Assert.True((await account.Get<IClientCommands>().CreateAsync(new ClientForm { Code = code, Name = code + " Ltd" })).Succeeded);
        }

        var clients = account.Get<IClientQueries>();
        var first = await clients.ListAsync(new ClientFilter(), new PageRequest(0, 2, "code", Descending: true));
        var second = await clients.ListAsync(new ClientFilter(), new PageRequest(1, 2, "code", Descending: true));
        var unknownSort = await clients.ListAsync(new ClientFilter(), new PageRequest(0, 10, "drop table"));

        Assert.Equal(5, first.TotalCount);
        Assert.Equal(["ZETA", "SCRATCH"], first.Items.Select(c => c.Code));
        Assert.Equal(["MIKE", "BRAVO"], second.Items.Select(c => c.Code));
        Assert.Equal(["ALPHA Ltd", "BRAVO Ltd", "MIKE Ltd", "Scratch Client", "ZETA Ltd"], unknownSort.Items.Select(c => c.Name));
    }

    [Theory]
    [InlineData("creative", false)]
    [InlineData("account", false)]
    [InlineData("finance", true)]
    [InlineData("leadership", true)]
    public async Task GetAsync_Money_IsNullUnlessFinanceOrLeadership(string role, bool seesMoney)
    {
        await using var person = PersonServices.For(world, world.A, role);

        var client = await person.Get<IClientQueries>().GetAsync(world.A.Rows["agency.clients"]);

        Assert.NotNull(client);
        Assert.Equal(seesMoney, client.Summary.Margin is not null);
        Assert.Equal(seesMoney, client.Summary.Revenue is not null);
        var brand = Assert.Single(client.ProfitByBrand);
        Assert.Equal("Crunchy", brand.BrandName);
        Assert.Equal(seesMoney ? TwoTenantWorld.LoggedHours * TwoTenantWorld.BillRate : null, brand.Revenue);
        Assert.Equal(seesMoney, brand.Margin is not null);
        Assert.Equal("Crunchy", Assert.Single(client.Brands).Name);
        Assert.Equal(world.A.Rows["agency.campaigns"], Assert.Single(client.Campaigns).CampaignId);
        Assert.Equal("Brand book", Assert.Single(client.Knowledge).Title);
    }

    [Fact]
    public async Task GetAsync_OtherTenantsClient_IsNull()
    {
        await using var admin = PersonServices.For(world, world.A, "admin");

        Assert.Null(await admin.Get<IClientQueries>().GetAsync(world.B.Rows["agency.clients"]));
    }

    [Fact]
    public async Task CreateAsync_CodeTakenInTheTenant_IsAMessageOnTheCodeField()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");

        var result = await account.Get<IClientCommands>().CreateAsync(new ClientForm { Code = "SCRATCH", Name = "Another" });

        Assert.False(result.Succeeded);
        Assert.Equal("Another client already uses this code.", result.FieldErrors[nameof(ClientForm.Code)]);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task CreateAsync_CodeOfAnotherTenant_IsFree()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var theirCode = $"CL-{world.A.Id.ToString("N")[..8].ToUpperInvariant()}";

        var result = await account.Get<IClientCommands>().CreateAsync(new ClientForm { Code = theirCode, Name = "Same code, other agency" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("finance")]
    public async Task Writes_ByRolesWithoutClientRights_AreRefusedWithAMessage(string role)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var person = tenant.As(world, role);
        var commands = person.Get<IClientCommands>();

        var created = await commands.CreateAsync(new ClientForm { Code = "NEW-ONE", Name = "New" });
        var updated = await commands.UpdateAsync(tenant.ClientId, new ClientForm { Code = "SCRATCH", Name = "Renamed" });
        var archived = await commands.ArchiveAsync(tenant.ClientId);
        var brand = await commands.CreateBrandAsync(tenant.ClientId, new BrandForm { Code = "NEW-BR", Name = "New brand" });

        Assert.All([created, updated, archived, brand], r => Assert.Equal(ClientCommands.RefusedMessage, r.Error));
        var client = await person.Get<IClientQueries>().GetAsync(tenant.ClientId);
        Assert.Equal("Scratch Client", client!.Summary.Name);
        Assert.Equal("active", client.Summary.Status);
    }

    [Fact]
    public async Task BrandCommands_ByAccount_AddEditAndArchive()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var commands = account.Get<IClientCommands>();

        var added = await commands.CreateBrandAsync(tenant.ClientId, new BrandForm { Code = "NEW-BR", Name = "New brand" });
        var taken = await commands.CreateBrandAsync(tenant.ClientId, new BrandForm { Code = "SCRATCH-BR", Name = "Twin" });
        await commands.UpdateBrandAsync(added.Id!.Value, new BrandForm { Code = "NEW-BR", Name = "Renamed brand" });
        await commands.ArchiveBrandAsync(tenant.BrandId);

        var client = await account.Get<IClientQueries>().GetAsync(tenant.ClientId);
        Assert.Equal("Another brand already uses this code.", taken.FieldErrors[nameof(BrandForm.Code)]);
        Assert.Equal(["Renamed brand"], client!.Brands.Select(b => b.Name));
    }
}
