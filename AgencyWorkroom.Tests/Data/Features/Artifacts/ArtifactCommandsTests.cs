using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>The editor's save on the real database: from the version it started from, or told who saved first.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactCommandsTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SaveContentAsync_TwoSessionsFromTheSameVersion_SecondIsToldAndBothTextsSurvive()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        await using var creative = _w.Tenant.As(world, "creative");
        var start = (await pm.Get<IArtifactQueries>().GetAsync(_w.Brief))!;

        var first = await pm.Get<IArtifactCommands>().SaveContentAsync(_w.Brief, start.Version, "# Mine, the pm's");
        var second = await creative.Get<IArtifactCommands>().SaveContentAsync(_w.Brief, start.Version, "# The creative's");

        Assert.True(first.Saved);
        Assert.NotEqual(start.Version, first.Version);
        Assert.False(second.Saved);
        Assert.True(second.IsConflict);
        Assert.Equal("pm person", second.ChangedBy);
        Assert.Equal("# Mine, the pm's", second.TheirContent);
        Assert.Equal(first.Version, second.TheirVersion);

        // "Keep mine as a new version": saved again, knowing of theirs; theirs stays in the history.
        var kept = await creative.Get<IArtifactCommands>().SaveContentAsync(_w.Brief, second.TheirVersion!.Value, "# The creative's");
        Assert.True(kept.Saved);
        var now = (await pm.Get<IArtifactQueries>().GetAsync(_w.Brief))!;
        Assert.Equal("# The creative's", now.Content);
        Assert.Equal("creative person", now.UpdatedByName);
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "admin", _w.Tenant.People["admin"]);
        var history = await s.QueryAsync("select content from agency.artifact_versions where artifact_id = @id order by version_number", ("id", _w.Brief));
        Assert.Contains(history, h => (string)h["content"]! == "# Mine, the pm's");
        Assert.Equal("# The creative's", (string)history[^1]["content"]!);
    }

    [Fact]
    public async Task SaveContentAsync_CreativeOutsideTheTeam_IsRefused()
    {
        await using var admin = _w.Tenant.As(world, "admin");
        await using var creative = _w.Tenant.As(world, "creative");
        var secret = (await admin.Get<IArtifactQueries>().GetAsync(_w.Secret))!;

        var outcome = await creative.Get<IArtifactCommands>().SaveContentAsync(_w.Secret, secret.Version, "overwritten");

        Assert.False(outcome.Saved);
        Assert.False(outcome.IsConflict);
        Assert.NotNull(outcome.Error);
        Assert.Equal(secret.Content, (await admin.Get<IArtifactQueries>().GetAsync(_w.Secret))!.Content);
    }
}
