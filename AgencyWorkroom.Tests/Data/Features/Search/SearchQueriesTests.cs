using AgencyWorkroom.Data.Features.Search;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Search;

/// <summary>The top bar's search on the real database: own rows only, wildcards taken literally.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SearchQueriesTests(TwoTenantWorld world)
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
}
