using System.Text;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>
/// Images in artifacts (053) on the real database, as the app's role: whoever edits the artifact adds
/// one, whoever reads it reads it; a creative outside the team and another agency get nothing, not even
/// by hand; the type is what the bytes say (SVG, a renamed text file and a mislabelled row refused);
/// more than 10 MB is refused before anything is sent.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactAttachmentTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A 1×1 PNG, a real one (browsers show it).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static readonly byte[] Gif = Encoding.ASCII.GetBytes("GIF89a").Concat(new byte[] { 1, 0, 1, 0, 0, 0, 0 }).ToArray();

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    public static readonly byte[] Webp = [.. Encoding.ASCII.GetBytes("RIFF"), 26, 0, 0, 0, .. Encoding.ASCII.GetBytes("WEBPVP8 ")];

    public static readonly byte[] Svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>");

    [Fact]
    public async Task AddAsync_ByACreativeOnTheTeam_IsReadBackByThemAndTheOwner_WithItsThumbnail()
    {
        await using var creative = _w.Tenant.As(world, "creative");

        var added = await creative.Get<IArtifactAttachmentCommands>().AddAsync(_w.Brief, "harbour [dawn].png", Png, thumbnail: Webp);

        Assert.True(added.Done, added.Error);
        Assert.Equal($"![harbour dawn](/attachments/{added.Id})", added.Markdown);
        await using var pm = _w.Tenant.As(world, "pm");
        var image = await pm.Get<IArtifactAttachmentQueries>().GetAsync(added.Id!.Value);
        Assert.NotNull(image);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(Png, image.Content);
        Assert.Equal("harbour [dawn].png", image.FileName);
        var thumbnail = await creative.Get<IArtifactAttachmentQueries>().GetAsync(added.Id.Value, thumbnail: true);
        Assert.Equal("image/webp", thumbnail?.ContentType);
        var thumbs = await pm.Get<IArtifactAttachmentQueries>().ThumbnailsAsync([_w.Brief, _w.Script]);
        Assert.Equal([new ArtifactThumbnailDto(_w.Brief, added.Id.Value)], thumbs);
    }

    [Theory]
    [InlineData("photo.jpg", "image/jpeg")]
    [InlineData("anim.gif", "image/gif")]
    [InlineData("board.webp", "image/webp")]
    public async Task AddAsync_TheFourTypes_AreStoredAsTheirBytesSay(string name, string type)
    {
        var bytes = type switch { "image/jpeg" => Jpeg, "image/gif" => Gif, _ => Webp };
        await using var pm = _w.Tenant.As(world, "pm");

        // The name says nothing: a JPEG called .png is a JPEG.
        var added = await pm.Get<IArtifactAttachmentCommands>().AddAsync(_w.Brief, name + ".png", bytes, thumbnail: null);

        Assert.True(added.Done, added.Error);
        Assert.Equal(type, (await pm.Get<IArtifactAttachmentQueries>().GetAsync(added.Id!.Value))?.ContentType);
        Assert.Null(await pm.Get<IArtifactAttachmentQueries>().GetAsync(added.Id.Value, thumbnail: true));
    }

    [Fact]
    public async Task AddAsync_SvgTextOrAnEmptyFile_IsRefusedWithAMessage_AndNothingIsStored()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var commands = pm.Get<IArtifactAttachmentCommands>();

        var svg = await commands.AddAsync(_w.Brief, "logo.svg", Svg, null);
        var renamed = await commands.AddAsync(_w.Brief, "notes.png", Encoding.UTF8.GetBytes("just some text, not a picture"), null);
        var html = await commands.AddAsync(_w.Brief, "page.gif", Encoding.UTF8.GetBytes("<html><img src=x onerror=alert(1)>"), null);
        var empty = await commands.AddAsync(_w.Brief, "empty.png", [], null);

        Assert.All([svg, renamed, html], r => Assert.Equal(ArtifactAttachmentCommands.NotAnImage, r.Error));
        Assert.Equal("The file is empty.", empty.Error);
        Assert.All([svg, renamed, html, empty], r => Assert.False(r.Done));
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "admin", _w.Tenant.People["admin"]);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_attachments where artifact_id = @a", ("a", _w.Brief)));
    }

    [Fact]
    public async Task AddAsync_MoreThanTenMegabytes_IsRefusedWithAMessage()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var big = new byte[ArtifactAttachmentRules.MaxBytes + 1];
        Png.CopyTo(big, 0);

        var refused = await pm.Get<IArtifactAttachmentCommands>().AddAsync(_w.Brief, "huge.png", big, null);

        Assert.False(refused.Done);
        Assert.Equal("This image is 10 MB; an image can be at most 10 MB.", refused.Error);
    }

    [Fact]
    public async Task ByHand_TheTableRefusesAMislabelledTypeAndMoreThanTenMegabytes()
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "pm", _w.Tenant.People["pm"]);
        const string Insert = "insert into agency.artifact_attachments (artifact_id, file_name, content_type, content) values (@a, 'x.png', @type, @bytes)";

        var svgAsPng = await s.FailureAsync(Insert, ("a", _w.Brief), ("type", "image/png"), ("bytes", Svg));
        var svgAsSvg = await s.FailureAsync(Insert, ("a", _w.Brief), ("type", "image/svg+xml"), ("bytes", Svg));
        var big = new byte[ArtifactAttachmentRules.MaxBytes + 1];
        Png.CopyTo(big, 0);
        var tooBig = await s.FailureAsync(Insert, ("a", _w.Brief), ("type", "image/png"), ("bytes", big));

        Assert.Equal("artifact_attachments_type", svgAsPng.ConstraintName);
        Assert.Equal("artifact_attachments_type", svgAsSvg.ConstraintName);
        Assert.Equal("artifact_attachments_size", tooBig.ConstraintName);
    }

    [Fact]
    public async Task CreativeOutsideTheTeam_CannotAddOrReadImages_ByTheServiceOrByHand()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var secret = await pm.Get<IArtifactAttachmentCommands>().AddAsync(_w.Secret, "merger.png", Png, Webp);
        Assert.True(secret.Done, secret.Error);
        await using var creative = _w.Tenant.As(world, "creative");

        var added = await creative.Get<IArtifactAttachmentCommands>().AddAsync(_w.Secret, "mine.png", Png, null);
        var read = await creative.Get<IArtifactAttachmentQueries>().GetAsync(secret.Id!.Value);
        var thumb = await creative.Get<IArtifactAttachmentQueries>().GetAsync(secret.Id.Value, thumbnail: true);
        var thumbs = await creative.Get<IArtifactAttachmentQueries>().ThumbnailsAsync([_w.Secret]);

        Assert.False(added.Done);
        Assert.Equal(ArtifactAttachmentCommands.NotYours, added.Error);
        Assert.Null(read);
        Assert.Null(thumb);
        Assert.Empty(thumbs);
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "creative", _w.Tenant.People["creative"]);
        var refused = await s.FailureAsync(
            "insert into agency.artifact_attachments (artifact_id, file_name, content_type, content) values (@a, 'x.png', 'image/png', @bytes)",
            ("a", _w.Secret), ("bytes", Png));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_attachments where id = @id", ("id", secret.Id)));
        Assert.Equal(0, await s.ExecuteAsync("update agency.artifact_attachments set file_name = 'x' where id = @id", ("id", secret.Id)));
        Assert.Equal(0, await s.ExecuteAsync("delete from agency.artifact_attachments where id = @id", ("id", secret.Id)));
    }

    [Fact]
    public async Task AnotherAgency_CannotReadOrAddImages()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var theirs = await pm.Get<IArtifactAttachmentCommands>().AddAsync(_w.Brief, "harbour.png", Png, null);
        Assert.True(theirs.Done, theirs.Error);
        // Leadership of another agency reads every artifact of their own, none of this one's.
        await using var other = PersonServices.For(world, world.A, "leadership");

        Assert.Null(await other.Get<IArtifactAttachmentQueries>().GetAsync(theirs.Id!.Value));
        var added = await other.Get<IArtifactAttachmentCommands>().AddAsync(_w.Brief, "into-theirs.png", Png, null);
        Assert.False(added.Done);
        await using var s = await world.AppSessionAsync(world.A, "leadership");
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_attachments where id = @id", ("id", theirs.Id)));
    }

    [Fact]
    public async Task ADeletedArtifact_TakesNoNewImages()
    {
        await using (var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "pm", _w.Tenant.People["pm"]))
        {
            await s.ExecuteAsync("update agency.artifacts set deleted_at = now() where id = @id", ("id", _w.Script));
            await s.CommitAsync();
        }

        await using var pm = _w.Tenant.As(world, "pm");
        Assert.False((await pm.Get<IArtifactAttachmentCommands>().AddAsync(_w.Script, "late.png", Png, null)).Done);
    }
}
