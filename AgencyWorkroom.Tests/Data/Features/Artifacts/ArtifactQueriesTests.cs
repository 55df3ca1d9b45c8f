using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.Search;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>The artifact library's list, search and export on the real database, as the app's role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactQueriesTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<Guid>> IdsAsync(string role, ArtifactFilter filter, PageRequest? page = null)
    {
        await using var person = _w.Tenant.As(world, role);
        var result = await person.Get<IArtifactQueries>().ListAsync(filter, page ?? new PageRequest());
        return result.Items.Select(i => i.Row.ArtifactId).ToList();
    }

    [Fact]
    public async Task ListAsync_Filters_SelectOnlyTheirRows()
    {
        Assert.Equal([_w.Brief, _w.Secret, _w.Script], await IdsAsync("leadership", new ArtifactFilter()));
        Assert.Equal([_w.Script], await IdsAsync("leadership", new ArtifactFilter(Type: "script")));
        Assert.Equal([_w.Brief, _w.Secret], await IdsAsync("leadership", new ArtifactFilter(Tag: "launch")));
        Assert.Equal([_w.Secret], await IdsAsync("leadership", new ArtifactFilter(CampaignId: _w.ClosedCampaign)));
        Assert.Equal([_w.Brief, _w.Secret, _w.Script], await IdsAsync("leadership", new ArtifactFilter(OwnerId: _w.Tenant.People["pm"], ClientId: _w.Tenant.ClientId, BrandId: _w.Tenant.BrandId)));
        Assert.Empty(await IdsAsync("leadership", new ArtifactFilter(OwnerId: _w.Tenant.People["admin"])));
        Assert.Empty(await IdsAsync("leadership", new ArtifactFilter(Status: "approved")));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal([_w.Script], await IdsAsync("leadership", new ArtifactFilter(UpdatedFrom: today.AddDays(-60), UpdatedTo: today.AddDays(-20))));
        Assert.Equal([_w.Brief, _w.Secret], await IdsAsync("leadership", new ArtifactFilter(UpdatedFrom: today.AddDays(-10))));
    }

    [Fact]
    public async Task ListAsync_SortAndPaging_FollowTheRequest()
    {
        Assert.Equal([_w.Brief, _w.Secret, _w.Script], await IdsAsync("admin", new ArtifactFilter(), new PageRequest(SortBy: "title", Descending: false)));
        await using var admin = _w.Tenant.As(world, "admin");
        var second = await admin.Get<IArtifactQueries>().ListAsync(new ArtifactFilter(), new PageRequest(Page: 1, PageSize: 2, SortBy: "title"));
        Assert.Equal(3, second.TotalCount);
        Assert.Equal(_w.Script, Assert.Single(second.Items).Row.ArtifactId);
    }

    [Fact]
    public async Task ListAsync_Search_RanksTitleMatchesFirstAndMarksTheWords()
    {
        await using var leadership = _w.Tenant.As(world, "leadership");

        var page = await leadership.Get<IArtifactQueries>().ListAsync(new ArtifactFilter(Search: ArtifactLibraryWorld.Word), new PageRequest());

        Assert.Equal(3, page.TotalCount);
        // In the title (weight A) and the text beats the text alone (weight B).
        Assert.Equal(_w.Script, page.Items[^1].Row.ArtifactId);
        Assert.True(page.Items[0].Rank > page.Items[^1].Rank);
        var brief = page.Items.Single(i => i.Row.ArtifactId == _w.Brief);
        var marked = ArtifactSnippet.Parts(brief.Snippet).Where(p => p.Highlighted).Select(p => p.Text.ToLowerInvariant()).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Equal(ArtifactLibraryWorld.Word, m));
        // A phrase, an or and an exclusion, as a person types them into a search box.
        Assert.Equal([_w.Script], await IdsAsync("leadership", new ArtifactFilter(Search: "\"radio spot\"")));
        Assert.Equal(new[] { _w.Brief, _w.Secret }.Order(), (await IdsAsync("leadership", new ArtifactFilter(Search: "harbour -radio"))).Order());
        Assert.Empty(await IdsAsync("leadership", new ArtifactFilter(Search: "zeppelin")));
        // Sorting by a column still searches; the rank sort without a search falls back to the default order.
        Assert.Equal([_w.Brief, _w.Secret, _w.Script], await IdsAsync("leadership", new ArtifactFilter(Search: "harbour"), new PageRequest(SortBy: "title", Descending: false)));
        Assert.Equal([_w.Script, _w.Secret, _w.Brief], await IdsAsync("leadership", new ArtifactFilter(Search: "harbour"), new PageRequest(SortBy: "title", Descending: true)));
        Assert.Equal([_w.Brief, _w.Secret, _w.Script], await IdsAsync("leadership", new ArtifactFilter(), new PageRequest(SortBy: "rank")));
    }

    [Fact]
    public async Task CreativeOutsideTheTeam_FindsNothingOfItByListSearchOrExport()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        var artifacts = creative.Get<IArtifactQueries>();

        var list = await artifacts.ListAsync(new ArtifactFilter(), new PageRequest());
        var search = await artifacts.ListAsync(new ArtifactFilter(Search: "merger"), new PageRequest());
        var byCampaign = await artifacts.ListAsync(new ArtifactFilter(CampaignId: _w.ClosedCampaign), new PageRequest());
        var export = await artifacts.ExportAsync(new ArtifactFilter(Search: ArtifactLibraryWorld.Word), new PageRequest());
        var topBar = await creative.Get<ISearchQueries>().SearchAsync("harb merg");

        Assert.Equal([_w.Brief, _w.Script], list.Items.Select(i => i.Row.ArtifactId));
        Assert.Empty(search.Items);
        Assert.Equal(0, search.TotalCount);
        Assert.Empty(byCampaign.Items);
        Assert.Equal(new[] { _w.Brief, _w.Script }.Order(), export.Select(i => i.Row.ArtifactId).Order());
        Assert.Empty(topBar);
    }

    [Fact]
    public async Task GetAsync_ByUrl_OnlyWhoMayReadIt()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        await using var admin = _w.Tenant.As(world, "admin");
        await using var otherTenant = PersonServices.For(world, world.B, "admin");

        var brief = await creative.Get<IArtifactQueries>().GetAsync(_w.Brief);

        Assert.NotNull(brief);
        Assert.StartsWith("# Harbour launch", brief.Content);
        Assert.Equal("admin person", brief.UpdatedByName);
        Assert.Null(await creative.Get<IArtifactQueries>().GetAsync(_w.Secret));
        Assert.NotNull(await admin.Get<IArtifactQueries>().GetAsync(_w.Secret));
        Assert.Null(await otherTenant.Get<IArtifactQueries>().GetAsync(_w.Brief));
    }

    [Fact]
    public async Task OtherTenant_FindsNothingBySearch()
    {
        await using var admin = PersonServices.For(world, world.B, "admin");

        var search = await admin.Get<IArtifactQueries>().ListAsync(new ArtifactFilter(Search: ArtifactLibraryWorld.Word), new PageRequest());
        var topBar = await admin.Get<ISearchQueries>().SearchAsync("harb");

        Assert.DoesNotContain(search.Items, i => i.Row.TenantId == _w.Tenant.Id);
        Assert.DoesNotContain(topBar, h => h.Id == _w.Brief || h.Id == _w.Script || h.Id == _w.Secret);
    }

    [Fact]
    public async Task GlobalSearch_MatchesArtifactWordsByTheirBeginnings()
    {
        await using var pm = _w.Tenant.As(world, "pm");

        var hits = await pm.Get<ISearchQueries>().SearchAsync("harb laun");

        Assert.Equal(_w.Brief, Assert.Single(hits, h => h.Kind == SearchKind.Artifact).Id);
    }
}
