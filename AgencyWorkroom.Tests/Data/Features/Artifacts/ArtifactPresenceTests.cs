using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>Who else has an artifact open (038), kept in the database, on the real database as the app's role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactPresenceTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoPeopleOpenIt_EachSeesTheOther_NotThemselves_AndALeaverOrAStaleMarkIsGone()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        await using var creative = _w.Tenant.As(world, "creative");

        var pmSees = await pm.Get<IArtifactCommands>().MarkPresentAsync(_w.Brief);
        var creativeSees = await creative.Get<IArtifactCommands>().MarkPresentAsync(_w.Brief);
        var pmSeesAgain = await pm.Get<IArtifactCommands>().MarkPresentAsync(_w.Brief);
        await creative.Get<IArtifactCommands>().LeaveAsync(_w.Brief);
        var afterLeaving = await pm.Get<IArtifactCommands>().MarkPresentAsync(_w.Brief);
        await creative.Get<IArtifactCommands>().MarkPresentAsync(_w.Brief);
        await using (var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance))
        {
            // A connection that dropped: its last mark is two minutes old.
            await s.ExecuteAsync("update agency.artifact_presence set seen_at = now() - interval '2 minutes' where employee_id = @p", ("p", _w.Tenant.People["creative"]));
            await s.CommitAsync();
        }

        var afterDropping = await pm.Get<IArtifactCommands>().MarkPresentAsync(_w.Brief);

        Assert.Empty(pmSees);
        Assert.Equal(["pm person"], creativeSees);
        Assert.Equal(["creative person"], pmSeesAgain);
        Assert.Empty(afterLeaving);
        Assert.Empty(afterDropping);
    }

    [Fact]
    public async Task SomeoneWhoMayNotReadTheArtifact_CannotMarkOrSeePresence()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        await using var creative = _w.Tenant.As(world, "creative");
        await pm.Get<IArtifactCommands>().MarkPresentAsync(_w.Secret);

        // The creative is not on the secret's team: nothing marked, nothing seen, by the database.
        var seen = await creative.Get<IArtifactCommands>().MarkPresentAsync(_w.Secret);
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "creative", _w.Tenant.People["creative"]);

        Assert.Empty(seen);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_presence where artifact_id = @a", ("a", _w.Secret)));
        var refused = await s.FailureAsync(
            "insert into agency.artifact_presence (artifact_id) values (@a)", ("a", _w.Secret));
        Assert.Equal("42501", refused.SqlState);
    }
}
