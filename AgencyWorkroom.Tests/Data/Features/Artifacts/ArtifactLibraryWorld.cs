using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>
/// A scratch tenant with two campaigns: the creative is on the team of the first and not of the
/// second. Three artifacts whose words the tests search for: "harbour" in two titles and in the
/// content of all three.
/// </summary>
public sealed record ArtifactLibraryWorld(ScratchTenant Tenant, Guid TeamCampaign, Guid ClosedCampaign, Guid Brief, Guid Script, Guid Secret)
{
    public const string Word = "harbour";

    public static async Task<ArtifactLibraryWorld> CreateAsync(TwoTenantWorld world)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        Guid team = Guid.NewGuid(), closed = Guid.NewGuid(), brief = Guid.NewGuid(), script = Guid.NewGuid(), secret = Guid.NewGuid();
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        await s.SetContextAsync(tenant.Id, "account", tenant.People["account"]);
        foreach (var (id, code) in new[] { (team, "TEAM-1"), (closed, "CLOSED-1") })
        {
            await s.ExecuteAsync(
                """
                insert into agency.campaigns (id, client_id, brand_id, code, name, status, budget_amount, start_date, end_date)
                values (@id, @client, @brand, @code, @code, 'active', 1000, current_date - 30, current_date + 60)
                """,
                ("id", id), ("client", tenant.ClientId), ("brand", tenant.BrandId), ("code", code));
        }

        await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@campaign, @person, 'designer')",
            ("campaign", team), ("person", tenant.People["creative"]));

        // The pm owns them all; the admin writes them (admins may create anyone's).
        await s.SetContextAsync(tenant.Id, "admin", tenant.People["admin"]);
        async Task Artifact(Guid id, Guid campaign, string type, string title, string content, string[] tags, int daysAgo) =>
            await s.ExecuteAsync(
                """
                insert into agency.artifacts (id, campaign_id, artifact_type, title, content, owner_id, tags, created_at, updated_at)
                values (@id, @campaign, @type, @title, @content, @owner, @tags, now() - make_interval(days => @days), now() - make_interval(days => @days))
                """,
                ("id", id), ("campaign", campaign), ("type", type), ("title", title), ("content", content), ("owner", tenant.People["pm"]),
                ("tags", tags), ("days", daysAgo));

        await Artifact(brief, team, "brief", "Harbour launch brief",
            "# Harbour launch\n\nThe harbour launch needs a budget for the <b>summer</b> campaign and a film of the harbour at dawn.", ["launch", "film"], 1);
        await Artifact(script, team, "script", "Radio script",
            "A thirty second radio spot. Gulls, then the voice: the ferries leave the harbour every hour.", ["radio"], 40);
        await Artifact(secret, closed, "brief", "Harbour merger plan",
            "Only the closed team reads about the harbour merger.", ["launch"], 2);
        await s.CommitAsync();
        return new ArtifactLibraryWorld(tenant, team, closed, brief, script, secret);
    }
}
