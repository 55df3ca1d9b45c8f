using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>
/// "@" in a comment (053): it offers exactly the people who may read the artifact, the database's
/// choice, and the mention notifies exactly them; someone who cannot see the artifact is neither offered
/// nor told, and someone who cannot see it themselves is offered nobody.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactMentionTests(TwoTenantWorld world) : IAsyncLifetime
{
    private ArtifactLibraryWorld _w = null!;

    public async Task InitializeAsync() => _w = await ArtifactLibraryWorld.CreateAsync(world);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MentionCandidates_AreThePeopleWhoMayReadIt_TheCallerLeftOut()
    {
        await using var creative = _w.Tenant.As(world, "creative");
        var queries = creative.Get<IArtifactReviewQueries>();

        // The team campaign's brief: its owner (the pm), leadership and admins; the creative is on the team but asking.
        Assert.Equal(["admin person", "leadership person", "pm person"], await queries.MentionCandidatesAsync(_w.Brief, ""));
        Assert.Equal(["leadership person"], await queries.MentionCandidatesAsync(_w.Brief, "Le"));
        // A word's start inside the name counts too.
        Assert.Equal(["admin person", "leadership person", "pm person"], await queries.MentionCandidatesAsync(_w.Brief, "pers"));
        Assert.Empty(await queries.MentionCandidatesAsync(_w.Brief, "finance"));
        // The closed campaign's plan is not the creative's to read: nobody is offered.
        Assert.Empty(await queries.MentionCandidatesAsync(_w.Secret, ""));

        await using var pm = _w.Tenant.As(world, "pm");
        Assert.Equal(["admin person", "creative person", "leadership person"], await pm.Get<IArtifactReviewQueries>().MentionCandidatesAsync(_w.Brief, ""));
        // On the closed plan the creative, outside its team, is not offered.
        Assert.Equal(["admin person", "leadership person"], await pm.Get<IArtifactReviewQueries>().MentionCandidatesAsync(_w.Secret, ""));
    }

    [Fact]
    public async Task Mention_NotifiesThoseOffered_AndNobodyWhoCannotSeeTheArtifact()
    {
        await using var pm = _w.Tenant.As(world, "pm");
        var commands = pm.Get<IArtifactReviewCommands>();

        Assert.True((await commands.AddCommentAsync(_w.Secret, "@creative person and @leadership person, see the merger numbers")).Done);
        Assert.True((await commands.AddCommentAsync(_w.Brief, "@creative person the dawn shot")).Done);

        // Each person's own notifications, read as them.
        async Task<long> Told(string role, Guid artifact)
        {
            await using var s = await TestSession.BeginAsync(world.Database.App, _w.Tenant.Id, role, _w.Tenant.People[role]);
            return await s.ScalarAsync<long>(
                "select count(*) from agency.notifications where recipient_id = @p and kind = 'artifact_mention' and artifact_id = @a",
                ("p", _w.Tenant.People[role]), ("a", artifact));
        }

        Assert.Equal(0L, await Told("creative", _w.Secret));
        Assert.Equal(1L, await Told("leadership", _w.Secret));
        Assert.Equal(1L, await Told("creative", _w.Brief));
    }
}
