using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Tests.Infrastructure;
using Pgvector;
using static AgencyWorkroom.Tests.Data.Features.Knowledge.KnowledgeIngestionTests;

namespace AgencyWorkroom.Tests.Data.Features.Knowledge;

/// <summary>
/// Who retrieves which passages (039): another tenant's never, a team's document only that team,
/// an artifact's passages only those who may open the artifact. Real MiniLM vectors, real
/// policies, asked as the app's role through search_knowledge, search_passages (its passages with their artifact) and plain selects.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class KnowledgeVisibilityTests(TwoTenantWorld world)
{
    private static readonly MiniLmEmbeddingGenerator MiniLm = new();
    private static readonly KnowledgePipeline Pipeline = new(MiniLm);

    private const string SecretText =
        "# Orchard cider relaunch\n\nThe Halvorsen orchard cider relaunch targets students with a lemon-ginger flavour priced at 2.40 per can.";

    [Fact]
    public async Task AnotherTenantsPassages_NeverComeBack_EvenForANearCopyOfTheirText()
    {
        var a = await ScratchTenant.CreateAsync(world);
        var b = await ScratchTenant.CreateAsync(world);
        await IndexAsync(b, Document("Cider relaunch", SecretText));
        await IndexAsync(a, Document("Travel policy", "# Travel policy\n\nBook travel through the office manager at least seven days ahead."));
        var nearCopy = await EmbedAsync("The Halvorsen orchard cider relaunch targets students with a lemon ginger flavour priced at 2.40 a can.");

        var forA = await SearchAsync(a, "admin", nearCopy);
        var forB = await SearchAsync(b, "creative", nearCopy);
        var modelA = await SearchAsync(a, "leadership", nearCopy, $$"""{"model": "{{MiniLmEmbeddingGenerator.ModelId}}"}""");

        Assert.DoesNotContain(forA, h => ((string)h["content"]!).Contains("Halvorsen"));
        Assert.DoesNotContain(modelA, h => ((string)h["content"]!).Contains("Halvorsen"));
        Assert.Contains("Halvorsen", (string)forB[0]["content"]!);
        Assert.True((double)forB[0]["similarity"]! > 0.9);
    }

    [Fact]
    public async Task ATeamOnlyDocument_IsReadAndRetrievedOnlyByThatTeam_LeadershipAndAdmins()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await tenant.CampaignWithCreativeOnTeamAsync(world);
        var form = Document("Cider relaunch", SecretText);
        form.Scope = KnowledgeScopes.Campaign;
        form.CampaignId = campaign;
        form.TeamOnly = true;
        await IndexAsync(tenant, form);
        var query = await EmbedAsync("Halvorsen orchard cider relaunch price per can");

        var found = new Dictionary<string, (int Documents, int Passages, int Hits)>();
        foreach (var role in new[] { "creative", "account", "pm", "finance", "leadership", "admin" })
        {
            await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
            found[role] = (
                (int)await s.ScalarAsync<long>("select count(*) from agency.knowledge_documents where id = @id", ("id", form.Id)),
                (int)await s.ScalarAsync<long>("select count(*) from agency.knowledge_chunks where document_id = @id", ("id", form.Id)),
                (await s.QueryAsync("select * from agency.search_knowledge(@q, 0.0, 5, '{}')", ("q", query))).Count);
        }

        Assert.Equal((1, 1, 1), found["creative"]);
        Assert.Equal((1, 1, 1), found["leadership"]);
        Assert.Equal((1, 1, 1), found["admin"]);
        Assert.Equal((0, 0, 0), found["account"]);
        Assert.Equal((0, 0, 0), found["pm"]);
        Assert.Equal((0, 0, 0), found["finance"]);
    }

    [Fact]
    public async Task AnArtifactsPassages_AreRetrievedOnlyByThoseWhoMayOpenIt_AndAnEditReindexesIt()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await tenant.CampaignWithCreativeOnTeamAsync(world);
        var artifact = Guid.NewGuid();
        await using (var creative = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            await creative.ExecuteAsync(
                "insert into agency.artifacts (id, campaign_id, artifact_type, title, content) values (@id, @campaign, 'brief', 'Cider brief', @content)",
                ("id", artifact), ("campaign", campaign), ("content", SecretText));
            await creative.CommitAsync();
        }

        await using var admin = tenant.As(world, "admin");
        var indexed = await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.ArtifactKind);
        var query = await EmbedAsync("Halvorsen orchard cider relaunch price per can");
        var forCreative = await SearchAsync(tenant, "creative", query);
        var forAccount = await SearchAsync(tenant, "account", query);
        var forLeadership = await SearchAsync(tenant, "leadership", query, $$"""{"doc_type": "artifact", "client_id": "{{tenant.ClientId}}"}""");

        await using (var creative = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            await creative.ExecuteAsync("update agency.artifacts set content = content || ' Launch is in May.' where id = @id", ("id", artifact));
            await creative.CommitAsync();
        }

        var reindexed = await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.ArtifactKind);

        Assert.Equal("done", indexed!.Status);
        Assert.Equal(artifact, Assert.Single(forCreative)["artifact_id"]);
        Assert.Equal("Cider brief", forCreative[0]["document_title"]);
        Assert.Equal(campaign, forCreative[0]["campaign_id"]);
        Assert.Empty(forAccount);
        Assert.Equal(artifact, Assert.Single(forLeadership)["artifact_id"]);
        Assert.Equal("done", reindexed!.Status);
        Assert.Equal(1, reindexed.Embedded);
    }

    private async Task IndexAsync(ScratchTenant tenant, KnowledgeDocumentForm form)
    {
        await using var admin = tenant.As(world, "admin");
        var saved = await admin.Get<IKnowledgeCommands>().SaveAsync(form);
        Assert.True(saved.Succeeded, saved.Error ?? string.Join("; ", saved.FieldErrors.Values));
        Assert.Equal("done", (await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind))!.Status);
    }

    private static async Task<Vector> EmbedAsync(string text) => new((await Pipeline.EmbedAsync([text]))[0]);

    private async Task<List<Dictionary<string, object?>>> SearchAsync(ScratchTenant tenant, string role, Vector query, string filters = "{}")
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, role, tenant.People[role]);
        return await s.QueryAsync("select * from agency.search_passages(@q, 0.3, 5, @filters::jsonb)", ("q", query), ("filters", filters));
    }
}
