using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>Versions by editing burst (028), explicit versions and restores, on the real database as the app's role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactVersionTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<uint> VersionAsync(PersonServices person) => (await person.Get<IArtifactQueries>().GetAsync(_w.Brief))!.Version;

    [Fact]
    public async Task Autosaves_OneAuthorsBurst_IsOneVersion_AnotherAuthorStartsTheNext()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        await using var creative = _w.Tenant.As(world, "creative");
        var commands = pm.Get<IArtifactCommands>();

        var a = await commands.SaveContentAsync(_w.Brief, await VersionAsync(pm), "one");
        var b = await commands.SaveContentAsync(_w.Brief, a.Version, "one two");
        var c = await commands.SaveContentAsync(_w.Brief, b.Version, "one two three");
        var afterPm = await pm.Get<IArtifactQueries>().ListVersionsAsync(_w.Brief);
        var d = await creative.Get<IArtifactCommands>().SaveContentAsync(_w.Brief, c.Version, "one two three four");
        var afterCreative = await pm.Get<IArtifactQueries>().ListVersionsAsync(_w.Brief);

        Assert.True(a.Saved && b.Saved && c.Saved && d.Saved);
        // Created by the admin (version 1), then the pm's burst as one version holding the last text.
        Assert.Equal([2, 1], afterPm.Select(v => v.VersionNumber));
        Assert.Equal("pm person", afterPm[0].AuthorName);
        Assert.Null(afterPm[0].ChangeSummary);
        Assert.Equal("one two three".Length, afterPm[0].Length);
        Assert.Equal([3, 2, 1], afterCreative.Select(v => v.VersionNumber));
        Assert.Equal("creative person", afterCreative[0].AuthorName);
        Assert.Equal(" four".Length, afterCreative[0].SizeChange);
    }

    [Fact]
    public async Task SaveVersion_EndsTheBurst_AndRestoreIsANewVersion()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var commands = pm.Get<IArtifactCommands>();

        var draft = await commands.SaveContentAsync(_w.Brief, await VersionAsync(pm), "draft");
        var named = await commands.SaveVersionAsync(_w.Brief, draft.Version, "draft for review", "Sent to the client");
        var more = await commands.SaveContentAsync(_w.Brief, named.Version, "after review");
        var restored = await commands.RestoreAsync(_w.Brief, more.Version, 1);
        var history = await pm.Get<IArtifactQueries>().ListVersionsAsync(_w.Brief);
        var now = (await pm.Get<IArtifactQueries>().GetAsync(_w.Brief))!;

        Assert.True(draft.Saved && named.Saved && more.Saved && restored.Saved);
        Assert.Equal([5, 4, 3, 2, 1], history.Select(v => v.VersionNumber));
        Assert.Equal("Sent to the client", history[2].ChangeSummary);
        Assert.Null(history[1].ChangeSummary);
        Assert.Equal("Restored version 1", history[0].ChangeSummary);
        Assert.StartsWith("# Harbour launch", now.Content);
        Assert.Equal("Harbour launch brief", now.Row.Title);
        Assert.Equal(5, now.Row.CurrentVersion);
        // A stale base is a conflict, for a restore too.
        Assert.True((await commands.RestoreAsync(_w.Brief, more.Version, 2)).IsConflict);
        Assert.False((await commands.SaveVersionAsync(_w.Brief, restored.Version, "x", " ")).Saved);
    }

    [Fact]
    public async Task Compare_TwoVersions_LineByLine_AndNothingOfAnArtifactTheCallerMayNotRead()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var commands = pm.Get<IArtifactCommands>();
        var first = await commands.SaveVersionAsync(_w.Brief, await VersionAsync(pm), "# Plan\nDay one: ferries\nDay two: boats", "first cut");
        await commands.SaveVersionAsync(_w.Brief, first.Version, "# Plan\nDay one: ferries at dawn\nDay two: boats", "second cut");
        var numbers = (await pm.Get<IArtifactQueries>().ListVersionsAsync(_w.Brief)).Select(v => v.VersionNumber).ToList();
        await using var creative = _w.Tenant.As(world, "creative");
        var queries = creative.Get<IArtifactQueries>();

        var comparison = (await queries.CompareAsync(_w.Brief, numbers[1], numbers[0]))!;
        var same = (await queries.CompareAsync(_w.Brief, numbers[0], numbers[0]))!;

        Assert.Equal(
            [(DiffLineKind.Unchanged, "# Plan"), (DiffLineKind.Removed, "Day one: ferries"), (DiffLineKind.Added, "Day one: ferries at dawn"),
             (DiffLineKind.Unchanged, "Day two: boats")],
            comparison.Lines.Select(l => (l.Kind, l.Text)));
        Assert.Equal((1, 1), (comparison.Added, comparison.Removed));
        Assert.True(same.Same);
        // The creative is not on the closed campaign's team: its versions compare to nothing, as if absent.
        Assert.NotNull(await pm.Get<IArtifactQueries>().CompareAsync(_w.Secret, 1, 1));
        Assert.Null(await queries.CompareAsync(_w.Secret, 1, 1));
        Assert.Null(await queries.CompareAsync(_w.Brief, numbers[0], 999));
    }

    [Fact]
    public async Task VersionRows_OnlyTheCallersLatestAutosave_CanBeRewritten()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var commands = pm.Get<IArtifactCommands>();
        var first = await commands.SaveContentAsync(_w.Brief, await VersionAsync(pm), "the pm's burst");
        await commands.SaveVersionAsync(_w.Brief, first.Version, "the pm's burst", "Named");

        await using var asPm = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "pm", _w.Tenant.People["pm"]);
        await using var asCreative = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "creative", _w.Tenant.People["creative"]);
        const string rewrite = "update agency.artifact_versions set content = 'rewritten' where artifact_id = @a and version_number = @n";

        // The pm's autosave (2) is no longer the latest; the named version (3) and the admin's first are not autosaves of theirs.
        Assert.Equal(0, await asPm.ExecuteAsync(rewrite, ("a", _w.Brief), ("n", 2)));
        Assert.Equal(0, await asPm.ExecuteAsync(rewrite, ("a", _w.Brief), ("n", 3)));
        Assert.Equal(0, await asPm.ExecuteAsync(rewrite, ("a", _w.Brief), ("n", 1)));
        Assert.Equal(0, await asCreative.ExecuteAsync(rewrite, ("a", _w.Brief), ("n", 3)));
    }
}
