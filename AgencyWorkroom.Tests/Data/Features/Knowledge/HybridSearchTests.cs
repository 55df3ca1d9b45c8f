using AgencyWorkroom.Tests.Infrastructure;
using Pgvector;
using static AgencyWorkroom.Tests.Infrastructure.TwoTenantWorld;

namespace AgencyWorkroom.Tests.Data.Features.Knowledge;

/// <summary>
/// Hybrid retrieval (047): full-text rank fused with vector similarity by reciprocal rank fusion,
/// asked as the app's role. Vectors are axes (similarity chosen by the test, not by a model), so
/// what the text side adds is seen exactly; the policies are the real ones.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class HybridSearchTests(TwoTenantWorld world)
{
    private const string Hybrid = "select * from agency.search_hybrid(@text, @q, @k, @filters::jsonb)";
    private const string VectorOnly = "select * from agency.search_passages(@q, 0.0, @k, @filters::jsonb)";
    private const string TextOnly = "select * from agency.search_passages_text(@text, @k, @filters::jsonb)";

    [Fact]
    public async Task SearchHybrid_FindsAClientCodeAndRareWord_TheVectorSideMisses()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var document = await DocumentAsync(tenant, "Notes");
        for (var i = 0; i < 10; i++)
        {
            await ChunkAsync(tenant, document, i, $"General note {i} about weekly status meetings.", Axis(0, lean: i * 0.1f, towards: 2));
        }

        await ChunkAsync(tenant, document, 10, "Quillfeather Ltd (client code QX-7731) signs off artwork only on Fridays.", Axis(7));
        var question = Axis(0);

        var vector = await AskAsync(tenant, "creative", VectorOnly, "", question, 5);
        var byName = await AskAsync(tenant, "creative", Hybrid, "When does Quillfeather sign off artwork?", question, 5);
        var byCode = await AskAsync(tenant, "creative", Hybrid, "QX-7731", question, 5);

        Assert.DoesNotContain(vector, h => Content(h).Contains("Quillfeather"));
        Assert.Contains("Quillfeather", Content(byName[0]));
        Assert.Contains("Quillfeather", Content(byCode[0]));
        Assert.Equal(5, byName.Count);
        // Found by its words, not by its vector: the text side ranks it first.
        Assert.Equal(1, byName[0]["text_rank"]);
        Assert.Equal(0.0, (double)byName[0]["similarity"]!, 5);
    }

    [Fact]
    public async Task SearchHybrid_AnotherTenantsPassage_NeverComesBack_EvenForItsExactText()
    {
        var a = await ScratchTenant.CreateAsync(world);
        var b = await ScratchTenant.CreateAsync(world);
        const string secret = "Zephyrine Marmalade relaunch: lemon-ginger at 2.40 a jar, students first.";
        await ChunkAsync(b, await DocumentAsync(b, "Marmalade"), 0, secret, Axis(3));
        await ChunkAsync(a, await DocumentAsync(a, "Travel policy"), 0, "Book travel seven days ahead.", Axis(4));

        var forA = await AskAsync(a, "admin", Hybrid, secret, Axis(3), 10);
        var textForA = await AskAsync(a, "leadership", TextOnly, secret, Axis(3), 10);
        var forB = await AskAsync(b, "creative", Hybrid, secret, Axis(3), 10);

        Assert.DoesNotContain(forA, h => Content(h).Contains("Zephyrine"));
        Assert.Empty(textForA);
        Assert.Equal(secret, Content(forB[0]));
    }

    [Fact]
    public async Task SearchHybrid_ATeamOnlyDocument_OnlyForTheTeam_LeadershipAndAdmins()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await tenant.CampaignWithCreativeOnTeamAsync(world);
        var document = await DocumentAsync(tenant, "Cider plan", campaign, teamOnly: true);
        await ChunkAsync(tenant, document, 0, "Halvorsen orchard cider: the price per can is 2.40.", Axis(5));
        await ChunkAsync(tenant, await DocumentAsync(tenant, "Open notes"), 0, "Everyone may read this note.", Axis(6));

        var found = new Dictionary<string, (int Hybrid, int Text)>();
        foreach (var role in new[] { "creative", "account", "pm", "finance", "leadership", "admin" })
        {
            var hybrid = await AskAsync(tenant, role, Hybrid, "Halvorsen cider price per can", Axis(5), 5);
            var text = await AskAsync(tenant, role, TextOnly, "Halvorsen cider price per can", Axis(5), 5);
            found[role] = (hybrid.Count(h => Content(h).Contains("Halvorsen")), text.Count);
            Assert.Contains(hybrid, h => Content(h).Contains("Everyone"));
        }

        Assert.Equal((1, 1), found["creative"]);
        Assert.Equal((1, 1), found["leadership"]);
        Assert.Equal((1, 1), found["admin"]);
        Assert.Equal((0, 0), found["account"]);
        Assert.Equal((0, 0), found["pm"]);
        Assert.Equal((0, 0), found["finance"]);
    }

    [Fact]
    public async Task SearchHybrid_AnArtifactsPassage_OnlyForThoseWhoMayOpenTheArtifact()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await tenant.CampaignWithCreativeOnTeamAsync(world);
        var artifact = Guid.NewGuid();
        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            await s.ExecuteAsync(
                "insert into agency.artifacts (id, campaign_id, artifact_type, title, content) values (@id, @campaign, 'brief', 'Cider brief', 'Halvorsen brief')",
                ("id", artifact), ("campaign", campaign));
            await s.CommitAsync();
        }

        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]))
        {
            await s.ExecuteAsync(
                "insert into agency.knowledge_chunks (artifact_id, chunk_index, content, embedding) values (@artifact, 0, 'Halvorsen brief: students first.', @e)",
                ("artifact", artifact), ("e", Axis(8)));
            await s.CommitAsync();
        }

        var forCreative = await AskAsync(tenant, "creative", Hybrid, "Halvorsen brief", Axis(8), 5);
        var forAccount = await AskAsync(tenant, "account", Hybrid, "Halvorsen brief", Axis(8), 5);
        var textForAccount = await AskAsync(tenant, "account", TextOnly, "Halvorsen brief", Axis(8), 5);
        var filtered = await AskAsync(tenant, "leadership", Hybrid, "Halvorsen", Axis(8), 5, $$"""{"doc_type": "artifact", "client_id": "{{tenant.ClientId}}"}""");

        Assert.Equal(artifact, Assert.Single(forCreative)["artifact_id"]);
        Assert.Equal("Cider brief", forCreative[0]["document_title"]);
        Assert.Empty(forAccount);
        Assert.Empty(textForAccount);
        Assert.Equal(artifact, Assert.Single(filtered)["artifact_id"]);
    }

    [Theory]
    [InlineData("nothing matches these words", 10)]
    [InlineData("budget", 10)]
    [InlineData("budget", 3)]
    public async Task SearchHybrid_WithFilters_ReturnsKRows_WhenKExist(string text, int k)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var ours = await DocumentAsync(tenant, "Client playbook", clientId: tenant.ClientId);
        var others = await DocumentAsync(tenant, "House playbook");
        for (var i = 0; i < 12; i++)
        {
            await ChunkAsync(tenant, ours, i, i % 4 == 0 ? $"Budget step {i}." : $"Step {i}.", Axis(1, lean: i * 0.2f, towards: 9));
            await ChunkAsync(tenant, others, i, $"Budget budget house step {i}.", Axis(1));
        }

        var filters = $$"""{"client_id": "{{tenant.ClientId}}", "doc_type": "playbook"}""";
        var hits = await AskAsync(tenant, "creative", Hybrid, text, Axis(1), k, filters);
        var all = await AskAsync(tenant, "creative", Hybrid, text, Axis(1), 30, filters);

        Assert.Equal(k, hits.Count);
        Assert.Equal(12, all.Count);
        Assert.All(all, h => Assert.Equal(ours, h["document_id"]));
        Assert.Equal(hits.Select(h => h["chunk_id"]).Distinct().Count(), hits.Count);
    }

    private static string Content(Dictionary<string, object?> hit) => (string)hit["content"]!;

    private async Task<List<Dictionary<string, object?>>> AskAsync(
        ScratchTenant tenant, string role, string sql, string text, Vector question, int k, string filters = "{}")
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
        return await s.QueryAsync(sql, ("text", text), ("q", question), ("k", k), ("filters", filters));
    }

    private async Task<Guid> DocumentAsync(ScratchTenant tenant, string title, Guid? campaignId = null, bool teamOnly = false, Guid? clientId = null)
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        await s.ExecuteAsync(
            """
            insert into agency.knowledge_documents (id, client_id, campaign_id, title, doc_type, content, team_only)
            values (@id, @client, @campaign, @title, 'playbook', @title, @team)
            """,
            ("id", id), ("client", clientId), ("campaign", campaignId), ("title", title), ("team", teamOnly));
        await s.CommitAsync();
        return id;
    }

    private async Task ChunkAsync(ScratchTenant tenant, Guid document, int index, string content, Vector embedding)
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        await s.ExecuteAsync(
            "insert into agency.knowledge_chunks (document_id, chunk_index, content, embedding) values (@doc, @i, @content, @e)",
            ("doc", document), ("i", index), ("content", content), ("e", embedding));
        await s.CommitAsync();
    }
}
