using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Knowledge;

/// <summary>
/// 016's per-tenant passage counts: kept by triggers through every write, read-only to the app,
/// one tenant's invisible to another, and what decides whether a search ranks exactly or walks
/// the HNSW index.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class KnowledgeChunkCountTests(TwoTenantWorld world)
{
    private const string Kept = "select coalesce(max(chunk_count), 0) from agency.knowledge_chunk_counts";
    private const string Counted = "select count(*) from agency.knowledge_chunks";

    private const string Insert =
        """
        insert into agency.knowledge_chunks (document_id, chunk_index, content, embedding)
        select @doc, 100 + g, 'passage ' || g, @embedding from generate_series(1, @n) g
        """;

    [Fact]
    public async Task Count_FollowsInsertsUpdatesAndDeletes()
    {
        await using var s = await world.AppSessionAsync(world.A, "admin");
        var before = await s.ScalarAsync<long>(Kept);

        await s.ExecuteAsync(Insert, ("doc", world.A.Rows["agency.knowledge_documents"]), ("n", 5), ("embedding", TwoTenantWorld.Axis(3)));
        await s.ExecuteAsync("update agency.knowledge_chunks set content = content || '.' where chunk_index > 100");
        await s.ExecuteAsync("delete from agency.knowledge_chunks where chunk_index in (101, 102)");

        Assert.Equal(before + 3, await s.ScalarAsync<long>(Kept));
        Assert.Equal(await s.ScalarAsync<long>(Counted), await s.ScalarAsync<long>(Kept));
    }

    [Fact]
    public async Task Count_OfEachTenant_FollowsALoadThatNamesSeveral()
    {
        await using (var load = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance))
        {
            await load.ExecuteAsync(
                """
                insert into agency.knowledge_chunks (tenant_id, document_id, chunk_index, content, embedding)
                select d.tenant_id, d.id, 200 + g, 'loaded', @embedding
                from agency.knowledge_documents d cross join generate_series(1, 3 + (d.tenant_id = @b)::int) g
                where d.id in (@docA, @docB)
                """,
                ("b", world.B.Id), ("docA", world.A.Rows["agency.knowledge_documents"]),
                ("docB", world.B.Rows["agency.knowledge_documents"]), ("embedding", TwoTenantWorld.Axis(4)));
            await load.CommitAsync();
        }

        try
        {
            foreach (var tenant in new[] { world.A, world.B })
            {
                await using var s = await world.AppSessionAsync(tenant, "creative");
                Assert.Equal(await s.ScalarAsync<long>(Counted), await s.ScalarAsync<long>(Kept));
            }
        }
        finally
        {
            await using var undo = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
            await undo.ExecuteAsync(
                "delete from agency.knowledge_chunks where chunk_index > 200 and document_id in (@docA, @docB)",
                ("docA", world.A.Rows["agency.knowledge_documents"]), ("docB", world.B.Rows["agency.knowledge_documents"]));
            await undo.CommitAsync();
        }
    }

    [Fact]
    public async Task Count_AfterATruncate_IsNothing()
    {
        // Only the owner and maintenance may truncate; no rows pass through the row triggers.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "admin", world.A.People["admin"]);
        Assert.True(await s.ScalarAsync<long>(Kept) > 0);

        await s.ExecuteAsync("truncate agency.knowledge_chunks");

        Assert.Equal(0L, await s.ScalarAsync<long>(Kept));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.knowledge_chunk_counts"));
    }

    [Fact]
    public async Task Count_IsReadOnlyToTheApp()
    {
        await using var s = await world.AppSessionAsync(world.A, "admin");

        var update = await s.FailureAsync("update agency.knowledge_chunk_counts set chunk_count = 1000000");
        var trigger = await s.FailureAsync("select agency.keep_knowledge_chunk_counts()");

        Assert.Equal("42501", update.SqlState);
        Assert.Equal("42501", trigger.SqlState);
    }

    [Fact]
    public async Task Count_OfOneTenant_IsInvisibleToAnother()
    {
        await using var s = await world.AppSessionAsync(world.B, "admin");

        Assert.Equal(0L, await s.ScalarAsync<long>(
            "select count(*) from agency.knowledge_chunk_counts where tenant_id = @a", ("a", world.A.Id)));
        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.knowledge_chunk_counts"));
    }

    /// <summary>
    /// An axis no other test leans on. The HNSW index is one graph for every tenant of the test
    /// database, where the other classes' passages crowd axis 0 with near-identical vectors; a walk
    /// stops at the first k of this tenant's it meets, so there it could meet others before the nearest.
    /// </summary>
    private const int Apart = 300;

    [Fact]
    public async Task Search_OfALargeKnowledgeBase_WalksTheIndex_AndFindsWhatAnExactRankingFinds()
    {
        // The owner may set the count (as agency_summaries' member): 5,000 passages are not
        // needed to see which way a search goes, only the count that says so.
        await using var s = await TestSession.BeginAsync(world.Database.Owner, world.A.Id, "admin", world.A.People["admin"]);
        for (var i = 1; i <= 4; i++)
        {
            await s.ExecuteAsync(
                "insert into agency.knowledge_chunks (document_id, chunk_index, content, embedding) values (@doc, @i, 'lean', @embedding)",
                ("doc", world.A.Rows["agency.knowledge_documents"]), ("i", 300 + i), ("embedding", TwoTenantWorld.Axis(Apart, lean: i, towards: Apart + 6)));
        }

        const string Search = "select array_agg(chunk_id order by similarity desc) from agency.search_knowledge(@q, 0.0, @k, '{}')";
        const string IndexScans = "select pg_stat_get_xact_numscans('agency.knowledge_chunks_embedding_idx'::regclass)";
        var query = TwoTenantWorld.Axis(Apart, lean: 1, towards: Apart + 2);
        // Over a handful of rows the planner would rather read them all and sort than walk the
        // HNSW index; the exact ranking sorts whatever these say.
        await s.ExecuteAsync("set local enable_seqscan = off; set local enable_sort = off");

        var exactScansBefore = await s.ScalarAsync<long>(IndexScans);
        var exact = await s.ScalarAsync<Guid[]>(Search, ("q", query), ("k", 3));
        var exactScansAfter = await s.ScalarAsync<long>(IndexScans);
        var everyPassage = await s.ScalarAsync<Guid[]>(Search, ("q", query), ("k", 50));

        await s.ExecuteAsync("update agency.knowledge_chunk_counts set chunk_count = 1000000");
        var indexed = await s.ScalarAsync<Guid[]>(Search, ("q", query), ("k", 3));
        var indexScansAfter = await s.ScalarAsync<long>(IndexScans);
        // Asked for more than there are, the index comes back short and the exact ranking answers.
        var shortOfK = await s.ScalarAsync<Guid[]>(Search, ("q", query), ("k", 50));

        Assert.Equal(exactScansBefore, exactScansAfter);
        Assert.True(indexScansAfter > exactScansAfter, "a large knowledge base is searched through the HNSW index");
        Assert.Equal(3, exact.Length);
        Assert.Equal(exact, indexed);
        Assert.Equal(everyPassage.Order(), shortOfK.Order());
    }
}
