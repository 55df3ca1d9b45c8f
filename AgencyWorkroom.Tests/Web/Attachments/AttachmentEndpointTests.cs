using System.Net;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Web.Attachments;

/// <summary>
/// GET /attachments/{id} through the real app: the image as stored, with nosniff and a private cache,
/// for someone who reads the artifact; the same 404 for a creative outside the team, another agency
/// and an id that never existed; the sign-in page for nobody.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AttachmentEndpointTests(TwoTenantWorld world) : IAsyncLifetime
{
    private const string Password = "Attachment-test-1";

    private readonly WorkroomAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Image_ServedToAReader_HiddenAsNotFoundFromEveryoneElse()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        Guid brief, secret;
        await using (var pm = w.Tenant.As(world, "pm"))
        {
            var commands = pm.Get<IArtifactAttachmentCommands>();
            brief = (await commands.AddAsync(w.Brief, "board.png", ArtifactAttachmentTests.Png, ArtifactAttachmentTests.Webp)).Id!.Value;
            secret = (await commands.AddAsync(w.Secret, "merger.png", ArtifactAttachmentTests.Png, ArtifactAttachmentTests.Webp)).Id!.Value;
        }

        var creative = await SignedInAsync(w.Tenant, "creative");

        var image = await creative.GetAsync($"/attachments/{brief}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(image.Headers.CacheControl?.Private);
        Assert.Equal(TimeSpan.FromHours(1), image.Headers.CacheControl?.MaxAge);
        Assert.Equal(ArtifactAttachmentTests.Png, await image.Content.ReadAsByteArrayAsync());
        var thumbnail = await creative.GetAsync($"/attachments/{brief}/thumbnail");
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);

        // Outside the closed campaign's team: not 403, which would say the image exists.
        foreach (var url in new[] { $"/attachments/{secret}", $"/attachments/{secret}/thumbnail", $"/attachments/{Guid.NewGuid()}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await creative.GetAsync(url)).StatusCode);
        }

        // Another agency's leadership, who reads every artifact of their own.
        var other = _app.Browser();
        Assert.True((await other.SignInAsync(world.B.Email("leadership"), TwoTenantWorld.Password)).IsRedirectTo("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/attachments/{brief}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/attachments/{brief}/thumbnail")).StatusCode);

        Assert.True((await _app.Browser().GetAsync($"/attachments/{brief}")).IsRedirectTo("/Account/Login"));
    }

    private async Task<HttpClient> SignedInAsync(ScratchTenant tenant, string role)
    {
        var email = $"{role}@att{tenant.Id:N}.test";
        await using (var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "admin", tenant.People["admin"]))
        {
            await s.ExecuteAsync("update agency.employees set email = @email where id = @id", ("email", email), ("id", tenant.People[role]));
            await SignInAccounts.UpsertAsync(s.Connection, s.Transaction, [(tenant.Id, tenant.People[role], email)], Password);
            await s.CommitAsync();
        }

        var browser = _app.Browser();
        Assert.True((await browser.SignInAsync(email, Password)).IsRedirectTo("/"));
        return browser;
    }
}
