using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Knowledge;

[Collection(DatabaseCollection.Name)]
public sealed class SearchKnowledgeTests(TwoTenantWorld world)
{
    [Fact]
    public async Task SearchKnowledge_ReturnsNearestChunksInOrder_WithinTheTenant()
    {
        await using var s = await world.AppSessionAsync(world.A, "admin");
        var document = world.A.Rows["agency.knowledge_documents"];
        // The seeded chunk lies on axis 0; these lean ever further from it.
        for (var i = 1; i <= 3; i++)
        {
            await s.ExecuteAsync(
                "insert into agency.knowledge_chunks (document_id, chunk_index, content, embedding) values (@doc, @i, @content, @embedding)",
                ("doc", document), ("i", i), ("content", $"lean {i}"), ("embedding", TwoTenantWorld.Axis(0, lean: i, towards: 5)));
        }

        var hits = await s.QueryAsync(
            "select content, similarity from agency.search_knowledge(@q, 0.0, 3, '{}')", ("q", TwoTenantWorld.Axis(0)));

        Assert.Equal(["Use the red logo.", "lean 1", "lean 2"], hits.Select(h => (string)h["content"]!));
        Assert.Equal(1.0, (double)hits[0]["similarity"]!, 5);
        Assert.True((double)hits[1]["similarity"]! > (double)hits[2]["similarity"]!);
        // Tenant B's identical chunk (also on axis 0) never appears.
        Assert.DoesNotContain(hits, h => (double)h["similarity"]! == 1.0 && (string)h["content"]! != "Use the red logo.");
    }

    [Fact]
    public async Task SearchKnowledge_FiltersAndThreshold_Narrow()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");

        var otherClient = await s.QueryAsync(
            "select * from agency.search_knowledge(@q, 0.0, 10, jsonb_build_object('client_id', gen_random_uuid()))", ("q", TwoTenantWorld.Axis(0)));
        var ownClient = await s.QueryAsync(
            "select * from agency.search_passages(@q, 0.0, 10, jsonb_build_object('client_id', @client::uuid))",
            ("q", TwoTenantWorld.Axis(0)), ("client", world.A.Rows["agency.clients"]));
        var unrelated = await s.QueryAsync("select * from agency.search_knowledge(@q, 0.5, 10, '{}')", ("q", TwoTenantWorld.Axis(7)));

        Assert.Empty(otherClient);
        // Artifacts of the client's campaigns are indexed too (039); of documents, its one.
        Assert.Single(ownClient, h => h["artifact_id"] is null);
        Assert.Empty(unrelated);
    }
}
