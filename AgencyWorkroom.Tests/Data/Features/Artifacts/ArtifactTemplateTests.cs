using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>"New artifact" from the agency's templates (037), on the real database as the app's role.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactTemplateTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ANewAgency_HasTheFiveDefaults_EveryoneReadsThem_OnlyAdminsChangeThem()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        await using var admin = _w.Tenant.As(world, "admin");

        var templates = await creative.Get<IArtifactQueries>().ListTemplatesAsync();
        var refused = await creative.Get<IArtifactCommands>().CreateTemplateAsync(new ArtifactTemplateForm { Name = "Mine", Content = "x" });
        var added = await admin.Get<IArtifactCommands>().CreateTemplateAsync(new ArtifactTemplateForm { Name = "Radio script", ArtifactType = "script", Content = "# Radio" });
        var twin = await admin.Get<IArtifactCommands>().CreateTemplateAsync(new ArtifactTemplateForm { Name = "Radio script", ArtifactType = "script" });
        var brief = templates.Single(t => t.Name == "Creative brief");
        var renamed = await admin.Get<IArtifactCommands>().UpdateTemplateAsync(brief.Id, new ArtifactTemplateForm
        {
            Name = "Brief", ArtifactType = "brief", Content = brief.Content, Version = brief.Version,
        });
        var creativeDelete = await creative.Get<IArtifactCommands>().DeleteTemplateAsync(brief.Id);
        var deleted = await admin.Get<IArtifactCommands>().DeleteTemplateAsync(added.Id!.Value);
        var after = await creative.Get<IArtifactQueries>().ListTemplatesAsync();

        Assert.Equal(["brief", "copy", "deck", "report", "script"], templates.Select(t => t.ArtifactType).Order());
        Assert.All(templates, t => Assert.StartsWith("# ", t.Content));
        Assert.Contains("| --- |", brief.Content);
        Assert.False(refused.Succeeded);
        Assert.Contains("Only admins", refused.Error);
        Assert.True(added.Succeeded);
        Assert.Equal("Another template already has this name.", twin.FieldErrors[nameof(ArtifactTemplateForm.Name)]);
        Assert.True(renamed.Succeeded);
        Assert.False(creativeDelete.Succeeded);
        Assert.True(deleted.Succeeded);
        Assert.Equal(["Brief", "Deck outline", "Post-mortem", "Social copy", "Video script"], after.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task AnotherAgency_NeitherSeesNorChangesThisOnesTemplates()
    {
        await using var mine = _w.Tenant.As(world, "admin");
        var other = await ScratchTenant.CreateAsync(world);
        await using var theirs = other.As(world, "admin");
        var myTemplate = (await mine.Get<IArtifactQueries>().ListTemplatesAsync())[0];

        var seen = await theirs.Get<IArtifactQueries>().ListTemplatesAsync();
        var deleted = await theirs.Get<IArtifactCommands>().DeleteTemplateAsync(myTemplate.Id);

        Assert.Equal(5, seen.Count);
        Assert.DoesNotContain(seen, t => t.Id == myTemplate.Id);
        Assert.False(deleted.Succeeded);
        Assert.Contains(await mine.Get<IArtifactQueries>().ListTemplatesAsync(), t => t.Id == myTemplate.Id);
    }

    [Fact]
    public async Task NewArtifact_FromATemplate_StartsWithItsTextAndType_OnlyOnACampaignOfOnesTeam()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        var queries = creative.Get<IArtifactQueries>();
        var commands = creative.Get<IArtifactCommands>();
        var deck = (await queries.ListTemplatesAsync()).Single(t => t.ArtifactType == "deck");
        var offered = await queries.FindCampaignsAsync(null, toAddArtifacts: true);

        var form = new NewArtifactForm { CampaignId = _w.TeamCampaign, TemplateId = deck.Id, ArtifactType = "brief", Title = "Pitch deck", DueDate = new DateOnly(2027, 1, 15) };
        var created = await commands.CreateAsync(form);
        var again = await commands.CreateAsync(form);
        var blank = await commands.CreateAsync(new NewArtifactForm { CampaignId = _w.TeamCampaign, ArtifactType = "copy", Title = "Blank copy" });
        var outside = await commands.CreateAsync(new NewArtifactForm { CampaignId = _w.ClosedCampaign, TemplateId = deck.Id, Title = "Not my campaign" });
        var detail = (await queries.GetAsync(created.Id!.Value))!;
        var history = await queries.ListVersionsAsync(created.Id.Value);

        Assert.Equal(["TEAM-1"], offered.Select(c => c.Code));
        Assert.True(created.Succeeded);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal("deck", detail.Row.ArtifactType);
        Assert.Equal(deck.Content, detail.Content);
        Assert.Equal("creative person", detail.Row.OwnerName);
        Assert.Equal(new DateOnly(2027, 1, 15), detail.DueDate);
        Assert.Equal([1], history.Select(v => v.VersionNumber));
        Assert.Equal("", (await queries.GetAsync(blank.Id!.Value))!.Content);
        Assert.Equal("copy", (await queries.GetAsync(blank.Id.Value))!.Row.ArtifactType);
        // The database refuses the campaign whose team the creative is not on.
        Assert.False(outside.Succeeded);
        Assert.Contains("whose team you are on", outside.Error);
        await using var admin = _w.Tenant.As(world, "admin");
        Assert.Equal(["CLOSED-1", "TEAM-1"], (await admin.Get<IArtifactQueries>().FindCampaignsAsync(null, toAddArtifacts: true)).Select(c => c.Code).Order());
    }

    [Fact]
    public async Task DueDate_SetAndCleared_ReturnsTheVersionTheEditorsNextSaveStartsFrom()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var commands = pm.Get<IArtifactCommands>();

        var set = await commands.SetDueDateAsync(_w.Brief, new DateOnly(2027, 2, 1));
        var due = (await pm.Get<IArtifactQueries>().GetAsync(_w.Brief))!;
        var saved = await commands.SaveContentAsync(_w.Brief, set.After, "after the due date");
        var cleared = await commands.SetDueDateAsync(_w.Brief, null);
        var stale = await commands.SaveContentAsync(_w.Brief, set.After, "from before the clearing");
        // Finance is on neither campaign's team, so does not see the artifact.
        await using var outsider = _w.Tenant.As(world, "finance");
        var refused = await outsider.Get<IArtifactCommands>().SetDueDateAsync(_w.Brief, new DateOnly(2027, 3, 1));

        Assert.True(set.Saved);
        Assert.Equal(new DateOnly(2027, 2, 1), due.DueDate);
        Assert.Equal(set.After, due.Version);
        Assert.NotEqual(set.Before, set.After);
        Assert.True(saved.Saved);
        Assert.True(cleared.Saved);
        Assert.Equal(saved.Version, cleared.Before);
        // A save that starts from a version the row has left is still a conflict.
        Assert.True(stale.IsConflict);
        Assert.Null((await pm.Get<IArtifactQueries>().GetAsync(_w.Brief))!.DueDate);
        Assert.False(refused.Saved);
    }

    [Fact]
    public async Task AnAgencyTheMaintenanceRoleCreates_GetsTheDefaults_TheAppRoleCannotAddThemAnywhere()
    {
        // The demo seed creates its agencies as the maintenance role, as a new installation does.
        var id = Guid.NewGuid();
        await using (var maintenance = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance))
        {
            await maintenance.ExecuteAsync("insert into agency.tenants (id, slug, name) values (@id, @slug, 'Seeded')", ("id", id), ("slug", $"seeded-{id:N}"));
            Assert.Equal(5L, await maintenance.ScalarAsync<long>("select count(*) from agency.artifact_templates where tenant_id = @id", ("id", id)));
            await maintenance.CommitAsync();
        }

        await using var admin = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "admin", _w.Tenant.People["admin"]);
        var refused = await admin.FailureAsync("select agency.add_default_artifact_templates(@other)", ("other", id));
        Assert.Equal("42501", refused.SqlState);
    }

    [Fact]
    public async Task Migration_OnADatabaseWithAgencies_GivesEachTheDefaults()
    {
        // As the migrator runs it: the owner, no tenant set, under FORCE. After taking a tenant's templates away:
        await using (var clear = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance))
        {
            await clear.ExecuteAsync("delete from agency.artifact_templates where tenant_id = @t", ("t", _w.Tenant.Id));
            await clear.CommitAsync();
        }

        var script = SchemaMigrator.LoadEmbeddedScripts().Single(m => m.Name == "artifact_templates_and_due_dates").Sql;
        var start = script.IndexOf("-- The tenants already here", StringComparison.Ordinal);
        var backfill = script[start..script.IndexOf("-- Who may add artifacts", start, StringComparison.Ordinal)];
        await using (var owner = await TestSession.BeginWithoutContextAsync(world.Database.Owner))
        {
            await owner.ExecuteAsync(backfill);
            await owner.CommitAsync();
        }

        await using var creative = _w.Tenant.As(world, "creative");
        Assert.Equal(5, (await creative.Get<IArtifactQueries>().ListTemplatesAsync()).Count);
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
        Assert.True(await s.ScalarAsync<bool>("select relforcerowsecurity from pg_class where oid = 'agency.tenants'::regclass"));
    }
}
