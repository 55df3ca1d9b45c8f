using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Notifications;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>
/// Threaded comments (036) on the real database, as the app's role: threads, quotes, resolve and
/// reopen, mentions, and a creative outside the campaign's team, who can neither read nor add.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactCommentTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync()
    {
        _w = await ArtifactLibraryWorld.CreateAsync(world);
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        await s.SetContextAsync(_w.Tenant.Id, "pm", _w.Tenant.People["pm"]);
        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'account_director')",
            ("c", _w.TeamCampaign), ("p", _w.Tenant.People["account"]));
        await s.CommitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Threads_AddReplyResolveReopen_AndTheOpenOnlyFilter()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        await using var account = _w.Tenant.As(world, "account");
        var commands = creative.Get<IArtifactReviewCommands>();

        var first = await commands.AddCommentAsync(_w.Brief, "Which dawn?", quote: "film of the harbour at dawn");
        var second = await commands.AddCommentAsync(_w.Brief, "Budget line missing");
        var reply = await account.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief, "The first one in June", parentId: first.Id);
        // A reply to the reply stays in the same thread.
        var again = await commands.AddCommentAsync(_w.Brief, "Thanks", parentId: reply.Id);
        Assert.All([first, second, reply, again], r => Assert.True(r.Done, r.Error));

        var threads = await creative.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief);
        Assert.Equal(["Which dawn?", "Budget line missing"], threads.Select(t => t.Root.Body));
        Assert.Equal(["The first one in June", "Thanks"], threads[0].Replies.Select(r => r.Body));
        Assert.Equal("film of the harbour at dawn", threads[0].Root.QuoteText);
        Assert.True(threads[0].Root.QuoteFound);
        Assert.Equal(
            "# Harbour launch\n\nThe harbour launch needs a budget for the <b>summer</b> campaign and a film of the harbour at dawn.".IndexOf("film of", StringComparison.Ordinal),
            threads[0].Root.QuoteStart);

        // The account director resolves the creative's thread: every comment of it.
        Assert.True((await account.Get<IArtifactReviewCommands>().SetResolvedAsync(first.Id!.Value, true)).Done);
        var open = await creative.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief, openOnly: true);
        Assert.Equal(["Budget line missing"], open.Select(t => t.Root.Body));
        var all = await creative.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief);
        Assert.True(all[0].Root.Resolved);
        Assert.Equal("account person", all[0].Root.ResolvedByName);
        Assert.All(all[0].Replies, r => Assert.True(r.Resolved));
        Assert.Equal(1, (await creative.Get<IArtifactQueries>().GetAsync(_w.Brief))!.Row.OpenCommentCount);

        // Reopened from a reply, by the creative.
        Assert.True((await commands.SetResolvedAsync(again.Id!.Value, false)).Done);
        var reopened = await creative.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief, openOnly: true);
        Assert.Equal(2, reopened.Count);
        Assert.Null(reopened[0].Root.ResolvedByName);
    }

    [Fact]
    public async Task Quote_NoLongerInTheText_IsNotShownAsFound()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var added = await pm.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief, "Gulls?", quote: "a film of the harbour");
        var start = (await pm.Get<IArtifactQueries>().GetAsync(_w.Brief))!;

        Assert.True((await pm.Get<IArtifactCommands>().SaveContentAsync(_w.Brief, start.Version, "# Harbour launch\n\nNo film any more.")).Saved);

        var thread = Assert.Single(await pm.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief));
        Assert.Equal(added.Id, thread.Root.Id);
        Assert.Equal("a film of the harbour", thread.Root.QuoteText);
        Assert.False(thread.Root.QuoteFound);
    }

    [Fact]
    public async Task AddCommentAsync_Retried_AddsItOnce()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        var id = Guid.CreateVersion7();

        var first = await creative.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief, "Once", id: id);
        var retry = await creative.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief, "Once", id: id);

        Assert.True(first.Done);
        Assert.True(retry.Done);
        Assert.Single(await creative.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief));
    }

    [Fact]
    public async Task CreativeOutsideTheTeam_CannotReadOrAddComments()
    {
        await using var admin = _w.Tenant.As(world, "admin");
        Assert.True((await admin.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Secret, "Only for the closed team")).Done);
        await using var creative = _w.Tenant.As(world, "creative");

        var added = await creative.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Secret, "Let me in");
        var threads = await creative.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Secret);

        Assert.False(added.Done);
        Assert.Empty(threads);
        // By hand, as the app's role: the policy refuses the insert, and the rows do not exist for them.
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "creative", _w.Tenant.People["creative"]);
        var refused = await s.FailureAsync("insert into agency.artifact_comments (artifact_id, body) values (@a, 'Let me in')", ("a", _w.Secret));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.artifact_comments where artifact_id = @a", ("a", _w.Secret)));
        Assert.Equal(0, await s.ExecuteAsync("update agency.artifact_comments set resolved = true where artifact_id = @a", ("a", _w.Secret)));
    }

    [Fact]
    public async Task Comment_OnlyItsAuthorChangesTheText_AnyoneOnTheArtifactResolves()
    {
        await using var account = _w.Tenant.As(world, "account");
        var added = await account.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief, "Mine");
        await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, "creative", _w.Tenant.People["creative"]);

        var refused = await s.FailureAsync("update agency.artifact_comments set body = 'Not yours' where id = @id", ("id", added.Id));
        Assert.Equal(1, await s.ExecuteAsync("update agency.artifact_comments set resolved = true where id = @id", ("id", added.Id)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal("artifact_comment_author", refused.ConstraintName);
        Assert.Equal(_w.Tenant.People["creative"], await s.ScalarAsync<Guid>("select resolved_by from agency.artifact_comments where id = @id", ("id", added.Id)));
    }

    [Fact]
    public async Task Reply_ToACommentOfAnotherArtifact_IsRefused()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var onScript = await pm.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Script, "On the script");

        var reply = await pm.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief, "Crossed", parentId: onScript.Id);

        Assert.False(reply.Done);
        Assert.Empty(await pm.Get<IArtifactReviewQueries>().ListThreadsAsync(_w.Brief));
    }

    [Fact]
    public async Task Mentions_NotifyThoseWhoMayReadTheArtifact_Only()
    {
        await using var creative = _w.Tenant.As(world, "creative");

        var added = await creative.Get<IArtifactReviewCommands>().AddCommentAsync(_w.Brief,
            "@Account Person and @pm person, please look. @finance person too. Not @leadership personal. Me: @creative person");

        Assert.True(added.Done);
        async Task<List<NotificationDto>> Mentions(string role)
        {
            await using var person = _w.Tenant.As(world, role);
            return [.. (await person.Get<INotificationFeed>().GetAsync()).Alerts.Where(n => n.Kind == "artifact_mention")];
        }

        var accounts = await Mentions("account");
        Assert.Equal("creative person mentioned you on \"Harbour launch brief\"", Assert.Single(accounts).Title);
        Assert.Equal($"/artifacts/{_w.Brief}", accounts[0].Href);
        Assert.Single(await Mentions("pm"));           // the owner
        Assert.Empty(await Mentions("finance"));       // on no team: not told the artifact exists
        Assert.Empty(await Mentions("leadership"));    // "@leadership personal" is not their name
        Assert.Empty(await Mentions("creative"));      // never the author
    }
}
