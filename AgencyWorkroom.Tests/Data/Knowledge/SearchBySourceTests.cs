using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Knowledge;

/// <summary>
/// search_passages (044) filters on the sources (documents, and artifacts through their
/// campaign) and leaves out passages of deleted sources, both on the exact ranking (a narrow
/// filter, a small base) and on the HNSW walk (a tenant past 5,000 passages, unfiltered).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class SearchBySourceTests(TwoTenantWorld world)
{
    private sealed record Sources(Guid Campaign, Guid Tagged, Guid Deleted, Guid Other, Guid Artifact, Guid DeletedArtifact);

    [Fact]
    public async Task AFilteredSearch_FindsTheMatchingDocumentsAndArtifacts_AndNeverADeletedOne()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var sources = await SourcesNearAxisZeroAsync(tenant);

        var byClient = await SearchAsync(tenant, $$"""{"client_id": "{{tenant.ClientId}}"}""");
        var byBrand = await SearchAsync(tenant, $$"""{"brand_id": "{{tenant.BrandId}}"}""");
        var byCampaign = await SearchAsync(tenant, $$"""{"campaign_id": "{{sources.Campaign}}"}""");
        var artifactsOnly = await SearchAsync(tenant, """{"doc_type": "artifact"}""");
        var playbooks = await SearchAsync(tenant, """{"doc_type": "playbook"}""");
        var tagged = await SearchAsync(tenant, """{"tags": ["launch"]}""");
        var unfiltered = await SearchAsync(tenant, "{}");

        Assert.Equal([sources.Tagged, sources.Artifact], byClient);
        Assert.Equal([sources.Tagged, sources.Artifact], byBrand);
        Assert.Equal([sources.Artifact], byCampaign);
        Assert.Equal([sources.Artifact], artifactsOnly);
        Assert.Equal([sources.Tagged, sources.Other], playbooks);
        Assert.Equal([sources.Tagged, sources.Artifact], tagged);
        Assert.Equal([sources.Tagged, sources.Artifact, sources.Other], unfiltered);
    }

    [Fact]
    public async Task TheIndexWalk_PastFiveThousandPassages_LeavesOutDeletedSources_AndKeepsFilters()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var sources = await SourcesNearAxisZeroAsync(tenant);
        await using (var admin = await AdminAsync(tenant))
        {
            // 5,100 passages far from axis 0 (it is near zero in each), in a document of no client:
            // past the exact ranking's 5,000, so the unfiltered search walks the HNSW index.
            var filler = await InsertDocumentAsync(admin, "Filler", null, null, "other", [], deleted: false);
            await admin.ExecuteAsync(
                """
                insert into agency.knowledge_chunks (document_id, chunk_index, content, embedding)
                select @doc, g, 'filler ' || g,
                       (select array_agg(case when i = 1 then 0.01 else sin(g * i) end)::real[]::vector
                        from generate_series(1, 384) i)
                from generate_series(1, 5100) g
                """, ("doc", filler));
            await admin.CommitAsync();
        }

        var unfiltered = await SearchAsync(tenant, "{}", count: 3);
        var byClient = await SearchAsync(tenant, $$"""{"client_id": "{{tenant.ClientId}}"}""", count: 3);

        Assert.Equal([sources.Tagged, sources.Artifact, sources.Other], unfiltered);
        Assert.Equal([sources.Tagged, sources.Artifact], byClient);
    }

    /// <summary>
    /// On axis 0, nearest first: a deleted document, the tagged client document, a deleted
    /// artifact, the client's campaign's artifact, a playbook of no client.
    /// </summary>
    private async Task<Sources> SourcesNearAxisZeroAsync(ScratchTenant tenant)
    {
        await using var admin = await AdminAsync(tenant);
        var campaign = Guid.NewGuid();
        await admin.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, brand_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @brand, 'SRC-1', 'Source search', 'active', 1000, current_date - 10, current_date + 10)
            """, ("id", campaign), ("client", tenant.ClientId), ("brand", tenant.BrandId));
        var deleted = await InsertDocumentAsync(admin, "Deleted", tenant.ClientId, tenant.BrandId, "playbook", ["launch"], deleted: true);
        var tagged = await InsertDocumentAsync(admin, "Tagged", tenant.ClientId, tenant.BrandId, "playbook", ["launch"], deleted: false);
        var deletedArtifact = await InsertArtifactAsync(admin, campaign, "Deleted brief", deleted: true);
        var artifact = await InsertArtifactAsync(admin, campaign, "Brief", deleted: false);
        var other = await InsertDocumentAsync(admin, "Other", null, null, "playbook", [], deleted: false);
        var lean = 0f;
        foreach (var (document, isArtifact) in new[] { (deleted, false), (tagged, false), (deletedArtifact, true), (artifact, true), (other, false) })
        {
            await admin.ExecuteAsync(
                $"insert into agency.knowledge_chunks ({(isArtifact ? "artifact_id" : "document_id")}, chunk_index, content, embedding) values (@id, 0, 'near', @embedding)",
                ("id", document), ("embedding", TwoTenantWorld.Axis(0, lean, towards: 5)));
            lean += 0.1f;
        }

        await admin.CommitAsync();
        return new Sources(campaign, tagged, deleted, other, artifact, deletedArtifact);
    }

    private static async Task<Guid> InsertDocumentAsync(
        TestSession s, string title, Guid? client, Guid? brand, string type, string[] tags, bool deleted)
    {
        var id = Guid.NewGuid();
        await s.ExecuteAsync(
            """
            insert into agency.knowledge_documents (id, client_id, brand_id, title, doc_type, tags, deleted_at)
            values (@id, @client, @brand, @title, @type, @tags, case when @deleted then now() end)
            """,
            ("id", id), ("client", client), ("brand", brand), ("title", title), ("type", type), ("tags", tags), ("deleted", deleted));
        return id;
    }

    private static async Task<Guid> InsertArtifactAsync(TestSession s, Guid campaign, string title, bool deleted)
    {
        var id = Guid.NewGuid();
        await s.ExecuteAsync(
            """
            insert into agency.artifacts (id, campaign_id, artifact_type, title, content, tags, deleted_at)
            values (@id, @campaign, 'brief', @title, 'text', '{launch}', case when @deleted then now() end)
            """,
            ("id", id), ("campaign", campaign), ("title", title), ("deleted", deleted));
        return id;
    }

    private Task<TestSession> AdminAsync(ScratchTenant tenant) =>
        TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);

    /// <summary>The sources of the passages found, nearest first, as leadership asks.</summary>
    private async Task<List<Guid>> SearchAsync(ScratchTenant tenant, string filters, int count = 10)
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "leadership", tenant.People["leadership"]);
        var hits = await s.QueryAsync(
            "select coalesce(artifact_id, document_id) as source from agency.search_passages(@q, 0.5, @k, @filters::jsonb)",
            ("q", TwoTenantWorld.Axis(0)), ("k", count), ("filters", filters));
        return hits.Select(h => (Guid)h["source"]!).ToList();
    }
}
