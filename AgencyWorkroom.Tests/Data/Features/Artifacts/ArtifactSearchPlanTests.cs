using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>
/// The artifact search can read the GIN index on search_vector under row-level security: the
/// planner uses an index for a condition there only when the condition's function is leakproof,
/// and ./workroom marks tsvector @@ tsquery so as the superuser (decision 013 has the plans and
/// figures at ×20; a table of a test's size is read by its tenant index either way).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactSearchPlanTests(TwoTenantWorld world)
{
    [Fact]
    public async Task TextMatch_IsLeakproofInTheDatabasesWorkroomMakes()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");

        Assert.True(await s.ScalarAsync<bool>("select proleakproof from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure"));
    }
}
