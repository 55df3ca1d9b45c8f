using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>
/// Review rounds (036) on the real database, as the app's role. The brief of the world's team
/// campaign is the pm's; on its team the creative is a designer, the account person its account
/// director (a reviewer) and the pm its project manager (a reviewer, but never of their own work).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactReviewTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync()
    {
        _w = await ArtifactLibraryWorld.CreateAsync(world);
        await using var s = await OwnerAsync("pm");
        foreach (var (role, teamRole) in new[] { ("account", "account_director"), ("pm", "project_manager") })
        {
            await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, @r)",
                ("c", _w.TeamCampaign), ("p", _w.Tenant.People[role]), ("r", teamRole));
        }

        await s.CommitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // Every step of the workflow, by every kind of person it concerns: who may, who may not.
    [Theory]
    [InlineData("draft", "in_review", "creative", null, "submitted")]
    [InlineData("draft", "in_review", "account", null, "submitted")]
    [InlineData("draft", "in_review", "pm", null, "submitted")]
    [InlineData("draft", "in_review", "leadership", null, "submitted")]
    [InlineData("draft", "in_review", "admin", null, "submitted")]
    [InlineData("draft", "in_review", "finance", null, null)]
    [InlineData("in_review", "approved", "account", null, "approved")]
    [InlineData("in_review", "approved", "leadership", null, "approved")]
    [InlineData("in_review", "approved", "pm", null, null)]
    [InlineData("in_review", "approved", "creative", null, null)]
    [InlineData("in_review", "approved", "admin", null, null)]
    [InlineData("in_review", "approved", "finance", null, null)]
    [InlineData("in_review", "draft", "account", "Tighten the opening", "changes_requested")]
    [InlineData("in_review", "draft", "leadership", "Tighten the opening", "changes_requested")]
    [InlineData("in_review", "draft", "account", null, null)]
    [InlineData("in_review", "draft", "pm", null, "withdrawn")]
    [InlineData("in_review", "draft", "creative", "Tighten the opening", null)]
    [InlineData("in_review", "draft", "admin", "Tighten the opening", null)]
    [InlineData("approved", "draft", "pm", "The client changed the date", "reopened")]
    [InlineData("approved", "draft", "account", "The client changed the date", "reopened")]
    [InlineData("approved", "draft", "pm", null, null)]
    [InlineData("approved", "draft", "creative", "The client changed the date", null)]
    [InlineData("draft", "approved", "leadership", null, null)]
    [InlineData("draft", "approved", "account", null, null)]
    [InlineData("approved", "in_review", "account", null, null)]
    [InlineData("draft", "archived", "admin", null, "archived")]
    [InlineData("in_review", "archived", "pm", null, "archived")]
    [InlineData("approved", "archived", "account", null, "archived")]
    [InlineData("draft", "archived", "creative", null, null)]
    [InlineData("archived", "draft", "admin", null, "unarchived")]
    [InlineData("archived", "draft", "creative", null, null)]
    [InlineData("archived", "in_review", "admin", null, null)]
    public async Task MoveAsync_EachStepAndRole_TheDatabaseAllowsOnlyTheRightPeople(string from, string to, string role, string? reason, string? step)
    {
        await SetStatusAsync(_w.Brief, from);
        await using var person = _w.Tenant.As(world, role);

        var result = await person.Get<IArtifactReviewCommands>().MoveAsync(_w.Brief, to, reason);

        await using var s = await OwnerAsync("admin");
        var status = await s.ScalarAsync<string>("select status from agency.artifacts where id = @id", ("id", _w.Brief));
        var events = await s.QueryAsync("select step, reason, actor_id from agency.artifact_review_events where artifact_id = @id and actor_id = @me",
            ("id", _w.Brief), ("me", _w.Tenant.People[role]));
        if (step is null)
        {
            Assert.False(result.Done);
            Assert.NotNull(result.Error);
            Assert.Equal(from, status);
            Assert.Empty(events);
        }
        else
        {
            Assert.True(result.Done, result.Error);
            Assert.Equal(to, status);
            var recorded = Assert.Single(events);
            Assert.Equal(step, recorded["step"]);
            Assert.Equal(reason, recorded["reason"]);
        }

        // The buttons offer exactly what the database allows.
        await SetStatusAsync(_w.Brief, from);
        var review = await person.Get<IArtifactReviewQueries>().GetReviewAsync(_w.Brief);
        var option = review?.Options.SingleOrDefault(o => o.ToStatus == to);
        if (step is not null)
        {
            Assert.NotNull(option);
            Assert.Equal(step, option.Step);
        }
        else if (option is not null)
        {
            // Offered, but refused for want of a reason.
            Assert.Null(reason);
            Assert.True(option.NeedsReason);
        }
    }

    [Fact]
    public async Task DirectUpdate_ByATeamMember_IsRefusedWithoutTheFunction()
    {
        await SetStatusAsync(_w.Brief, "in_review");
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "creative", _w.Tenant.People["creative"]);

        var refused = await s.FailureAsync("update agency.artifacts set status = 'approved' where id = @id", ("id", _w.Brief));
        var newApproved = await s.FailureAsync(
            "insert into agency.artifacts (campaign_id, artifact_type, title, status) values (@c, 'brief', 'Born approved', 'approved')",
            ("c", _w.TeamCampaign));
        var forged = await s.FailureAsync(
            "insert into agency.artifact_review_events (artifact_id, from_status, to_status, step, actor_id) values (@id, 'in_review', 'approved', 'approved', @me)",
            ("id", _w.Brief), ("me", _w.Tenant.People["creative"]));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal("artifact_review_step", refused.ConstraintName);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, newApproved.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, forged.SqlState);
    }

    [Fact]
    public async Task ReviewEvents_AreNeitherChangedNorDeletedNorReadOutsideTheTeam()
    {
        await SetStatusAsync(_w.Brief, "draft");
        await using (var account = _w.Tenant.As(world, "account"))
        {
            await using var pm = _w.Tenant.As(world, "pm");
            Assert.True((await pm.Get<IArtifactReviewCommands>().MoveAsync(_w.Brief, "in_review")).Done);
            Assert.True((await account.Get<IArtifactReviewCommands>().MoveAsync(_w.Brief, "draft", "More gulls")).Done);
        }

        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "account", _w.Tenant.People["account"]);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege,
            (await s.FailureAsync("update agency.artifact_review_events set reason = 'Nothing' where artifact_id = @id", ("id", _w.Brief))).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege,
            (await s.FailureAsync("delete from agency.artifact_review_events where artifact_id = @id", ("id", _w.Brief))).SqlState);
        Assert.Equal(2L, await s.ScalarAsync<long>("select count(*) from agency.artifact_review_events where artifact_id = @id", ("id", _w.Brief)));

        // The finance person is on no team: no events, as no artifact.
        await s.SetContextAsync(_w.Tenant.Id, "finance", _w.Tenant.People["finance"]);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_review_events where artifact_id = @id", ("id", _w.Brief)));
        // Another tenant's leadership sees none of them.
        await s.SetContextAsync(world.B.Id, "leadership", world.B.People["leadership"]);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_review_events where artifact_id = @id", ("id", _w.Brief)));
    }

    [Fact]
    public async Task Steps_NotifyTheOwnerAndTheReviewers_AndShowInTheFeedAndTheLibrary()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        await using var account = _w.Tenant.As(world, "account");
        await using var pm = _w.Tenant.As(world, "pm");

        Assert.True((await creative.Get<IArtifactReviewCommands>().MoveAsync(_w.Brief, "in_review")).Done);
        Assert.True((await account.Get<IArtifactReviewCommands>().MoveAsync(_w.Brief, "draft", "Say when the ferries leave")).Done);

        // The owner hears of both; the account director was asked to review; the creative, who acted, hears nothing.
        var owners = (await pm.Get<INotificationFeed>().GetAsync()).Alerts;
        Assert.Contains(owners, n => n.Kind == "artifact_review" && n.Title == "creative person submitted \"Harbour launch brief\" for review"
                                     && n.Href == $"/artifacts/{_w.Brief}");
        Assert.Contains(owners, n => n.Title == "account person asked for changes to \"Harbour launch brief\": Say when the ferries leave");
        Assert.Contains((await account.Get<INotificationFeed>().GetAsync()).Alerts,
            n => n.Title == "creative person submitted \"Harbour launch brief\" for your review");
        Assert.DoesNotContain((await creative.Get<INotificationFeed>().GetAsync()).Alerts, n => n.Kind == "artifact_review");

        var feed = (await pm.Get<IDashboardQueries>().GetAsync()).Activity;
        Assert.Contains(feed, a => a.ActivityType == "artifact_changes_requested" && a.EntityId == _w.Brief
                                   && a.Detail == "Changes requested: Say when the ferries leave" && a.ActorName == "account person");
        Assert.Contains(feed, a => a.ActivityType == "artifact_submitted" && a.ActorName == "creative person");

        var page = await pm.Get<IArtifactQueries>().ListAsync(new ArtifactFilter(CampaignId: _w.TeamCampaign), new AgencyWorkroom.Data.Features.Paging.PageRequest());
        var row = Assert.Single(page.Items, i => i.Row.ArtifactId == _w.Brief);
        Assert.Equal("draft", row.Row.Status);
        Assert.True(row.ChangesRequested);
        Assert.Equal("Say when the ferries leave", row.LastReviewReason);
        Assert.All(page.Items.Where(i => i.Row.ArtifactId != _w.Brief), i => Assert.Null(i.LastReviewStep));

        var review = (await pm.Get<IArtifactReviewQueries>().GetReviewAsync(_w.Brief))!;
        Assert.Equal(["changes_requested", "submitted"], review.Events.Select(e => e.Step));
        Assert.Equal(["in_review", "archived"], review.Options.Select(o => o.ToStatus));
    }

    [Fact]
    public async Task GetReviewAsync_CreativeOutsideTheTeam_GetsNothing()
    {
        await using var creative = _w.Tenant.As(world, "creative");

        Assert.Null(await creative.Get<IArtifactReviewQueries>().GetReviewAsync(_w.Secret));
        var moved = await creative.Get<IArtifactReviewCommands>().MoveAsync(_w.Secret, "in_review");

        Assert.False(moved.Done);
    }

    // The owner sets a status as a script would (the owner is not bound by the review rule); as no
    // person, so the event it leaves names no actor and the tests' own steps stand apart.
    private async Task SetStatusAsync(Guid artifact, string status)
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        await s.SetContextAsync(_w.Tenant.Id.ToString(), "admin", null);
        await s.ExecuteAsync("update agency.artifacts set status = @s where id = @id and status <> @s", ("s", status), ("id", artifact));
        await s.CommitAsync();
    }

    private async Task<TestSession> OwnerAsync(string role)
    {
        var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        await s.SetContextAsync(_w.Tenant.Id, role, _w.Tenant.People[role]);
        return s;
    }
}
