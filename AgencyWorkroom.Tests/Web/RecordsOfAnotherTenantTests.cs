using System.Net;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Web;

/// <summary>
/// Tenant A's leadership (who sees everything in A) types tenant B's ids into every address that
/// names a record: each page says "not found" as it would for an id that does not exist, each
/// download is a 404, and nothing of B's record reaches the response.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class RecordsOfAnotherTenantTests(TwoTenantWorld world) : IAsyncLifetime
{
    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> RecordPages => new()
    {
        { "/clients/{0}", "agency.clients" },
        { "/clients/{0}/edit", "agency.clients" },
        { "/campaigns/{0}", "agency.campaigns" },
        { "/campaigns/{0}/edit", "agency.campaigns" },
        { "/artifacts/{0}", "agency.artifacts" },
        { "/knowledge/{0}/edit", "agency.knowledge_documents" },
    };

    [Theory]
    [MemberData(nameof(RecordPages))]
    public async Task RecordPage_WithAnotherTenantsId_SaysNotFound_LikeAnIdThatDoesNotExist(string address, string table)
    {
        var browser = await _app.SignedInAsync(world.A, "leadership");

        var theirs = await browser.GetAsync(string.Format(address, world.B.Rows[table]));
        var nobodys = await browser.GetAsync(string.Format(address, Guid.NewGuid()));
        var html = await theirs.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.Equal(nobodys.StatusCode, theirs.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await nobodys.Content.ReadAsStringAsync());
        Assert.DoesNotContain(world.B.CampaignCode, html);
        Assert.DoesNotContain($"CL-{world.B.Id.ToString("N")[..8]}", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Downloads_AndAConversation_OfAnotherTenant_ShowNothingOfIt()
    {
        var browser = await _app.SignedInAsync(world.A, "leadership");

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/export/artifacts/{world.B.Rows["agency.artifacts"]}.md")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/export/artifacts/{world.B.Rows["agency.artifacts"]}.html")).StatusCode);
        var conversation = await browser.GetAsync($"/assistant/{world.B.Rows["agency.ai_conversations"]}");
        Assert.Equal(HttpStatusCode.OK, conversation.StatusCode);
        Assert.DoesNotContain("How much is left?", await conversation.Content.ReadAsStringAsync());
    }
}
