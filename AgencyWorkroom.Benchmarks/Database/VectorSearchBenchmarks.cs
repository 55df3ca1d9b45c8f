using AgencyWorkroom.Benchmarks.Harness;
using Microsoft.Extensions.AI;
using Npgsql;
using Pgvector;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// #5 and #6: agency.search_knowledge top-10 as the app calls it (app role, a leadership
/// person's unit of work), unfiltered and filtered to one client, against an exact scan of the
/// same function with index scans off: latency ratio, recall@10 and whether k rows came back.
/// </summary>
public sealed class VectorSearchBenchmarks(BenchDatabase db, Sampler sampler, IEmbeddingGenerator<string, Embedding<float>> embeddings)
{
    public const int K = 10;
    private const string Exact = "set local enable_indexscan = off; ";

    private static readonly string[] Questions =
    [
        "How do we approve timesheets and by when?", "What is the policy on weekend work?",
        "What went wrong on campaigns that ran over budget?", "How should the logo be used and how much clear space does it need?",
        "Which colours are in the brand palette?", "How do budget alerts work?", "What is our process for vendor quotes over $25,000?",
        "How do I claim expenses for a shoot?", "What are the lessons from recent product launch campaigns?", "How do we run a creative review?",
        "What should a weekly client status report contain?", "How are allocations planned each week?", "What is the AI use policy?",
        "How do we estimate a campaign by phase?", "What happens when a campaign is at risk?", "How do we name and version files?",
        "What is the travel booking policy?", "How do we handle a social media crisis?", "What are audience trends in retail?",
        "What tone of voice should copy use?", "How do we onboard new starters?", "What does equipment checkout cost a campaign?",
        "Case studies with strong results on social channels", "Which typography rules apply to headlines?",
        "What contingency do we add on fixed-fee work?", "How do change requests work?", "Rules for personal data in campaigns",
        "What are the core office days?", "Photography style for product shots", "Post-mortems where client approvals took too long",
    ];

    private static readonly string[] ClientQuestions =
    [
        "{0} brand guidelines: colours, fonts and tone of voice", "What did we learn from {0} campaigns?",
        "{0} case study results", "How should the {0} logo be used?", "What went over budget on work for {0}?",
    ];

    private sealed record Query(string Text, Vector Vector, string Filters);

    public async Task<List<BenchResult>> UnfilteredAsync(string corpus)
    {
        var queries = await EmbedAsync(Questions.Select(q => (q, "{}")));
        return await MeasureAsync(queries, "5", $"search_knowledge top-{K}, unfiltered", corpus,
            "p95 ≤ 10 ms, recall@10 ≥ 0.98",
            (m, recall, _) => new TargetCheck().AtMost("p95", m.P95, 10, " ms").AtLeast("recall@10", recall, 0.98));
    }

    public async Task<List<BenchResult>> FilteredAsync(string corpus)
    {
        var clients = await ClientsAsync();
        if (clients.Count == 0)
        {
            return [BenchResult.Skipped("6", $"search_knowledge top-{K}, one client", "k rows 100 %, recall@10 ≥ 0.95, p95 ≤ 20 ms",
                "no client of the scale tenant has knowledge documents")];
        }

        var asked = Enumerable.Range(0, Math.Max(Questions.Length, clients.Count))
            .Select(i => (string.Format(ClientQuestions[i % ClientQuestions.Length], clients[i % clients.Count].Name),
                $$"""{"client_id": "{{clients[i % clients.Count].Id}}"}"""));
        var queries = await EmbedAsync(asked);
        var shares = clients.Select(c => c.Chunks).Order().ToList();
        var workload = $"{corpus}; {clients.Count} clients with {shares[0]:N0} to {shares[^1]:N0} chunks each";
        return await MeasureAsync(queries, "6", $"search_knowledge top-{K}, one client", workload,
            "k rows 100 %, recall@10 ≥ 0.95, p95 ≤ 20 ms",
            (m, recall, full) => new TargetCheck().That(full >= 1.0, "k rows in 100 % of queries")
                .AtLeast("recall@10", recall, 0.95).AtMost("p95", m.P95, 20, " ms"));
    }

    /// <summary>
    /// Hybrid retrieval top-10 (047, decision 027) as the assistant calls it: agency.search_hybrid,
    /// the question's text and embedding, unfiltered, beside the vector side alone (search_knowledge)
    /// on the same questions. Target: p95 ≤ 20 ms, k rows every time.
    /// </summary>
    public async Task<List<BenchResult>> HybridAsync(string corpus)
    {
        var queries = await EmbedAsync(Questions.Select(q => (q, "{}")));
        Query Of(int i) => queries[(i % queries.Count + queries.Count) % queries.Count];
        var iterations = Math.Max(queries.Count, 30);
        await WarmUpAsync();
        var rows = new Dictionary<int, int>();
        var hybrid = await sampler.TimeAsync(async i => rows[i] = await HybridSearchAsync(Of(i)), iterations);
        var vectorOnly = await sampler.TimeAsync(async i => await SearchAsync(Of(i), ""), iterations);
        var full = rows.Where(r => r.Key >= 0).Average(r => r.Value == K ? 1.0 : 0.0);
        var summary = Percentiles.Summarize(hybrid);
        var result = BenchResult.OfLatency("5h", $"search_hybrid top-{K}, unfiltered", corpus, "p95 ≤ 20 ms, k rows 100 %", summary,
            new TargetCheck().AtMost("p95", summary.P95, 20, " ms").That(full >= 1.0, "k rows in 100 % of queries"),
            [$"{full:P0} of queries returned {K} rows; vector side and full text (OR of the question's stemmed words) fused by RRF, k=60"],
            Percentiles.Summarize(vectorOnly), "vector side alone") with { FixedWorkload = true };
        result.Metrics["full_k_share"] = full;
        return [result];
    }

    private Task<int> HybridSearchAsync(Query query) =>
        db.InUnitOfWorkAsync(db.App, db.Tenant.Leadership, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                "select count(*)::int from agency.search_hybrid(@text, @query, @k, @filters::jsonb)", connection, transaction);
            command.Parameters.AddWithValue("text", query.Text);
            command.Parameters.AddWithValue("query", query.Vector);
            command.Parameters.AddWithValue("k", K);
            command.Parameters.AddWithValue("filters", query.Filters);
            return (int)(await command.ExecuteScalarAsync())!;
        }, commit: false);

    private async Task<List<BenchResult>> MeasureAsync(
        List<Query> queries, string id, string name, string workload, string target,
        Func<LatencySummary, double, double, TargetCheck> check)
    {
        var exact = new Dictionary<int, List<Guid>>();
        var approximate = new Dictionary<int, List<Guid>>();
        Query Of(int i) => queries[(i % queries.Count + queries.Count) % queries.Count];
        var iterations = Math.Max(queries.Count, 30);
        await WarmUpAsync();

        // One series after the other, not alternating as elsewhere: each exact scan reads every
        // passage (360 MB at 100,000) and pushed the index out of the caches the next search
        // needed, 2.7 ms of a 7.5 ms p50 at x20. No user's search follows an exact scan.
        var measured = await sampler.TimeAsync(async i => approximate[i] = await SearchAsync(Of(i), ""), iterations);
        var baseline = await sampler.TimeAsync(async i => exact[i] = await SearchAsync(Of(i), Exact), iterations);

        var truth = exact.Where(e => e.Key >= 0).DistinctBy(e => Of(e.Key)).ToDictionary(e => Of(e.Key), e => e.Value);
        var scored = approximate.Where(a => a.Key >= 0 && truth.ContainsKey(Of(a.Key))).Select(a => (Query: Of(a.Key), Rows: a.Value)).ToList();
        var recall = scored.Average(a => Recall.AtK(a.Rows, truth[a.Query], K));
        var full = scored.Average(a => Recall.ReturnedFull(a.Rows, truth[a.Query], K) ? 1.0 : 0.0);
        var rowsSeen = scored.Select(a => a.Rows.Count).ToList();
        var own = await db.ScalarAsync<string>(
            "select coalesce(array_to_string(proconfig, ', '), '') from pg_proc where oid = 'agency.search_passages'::regproc");
        var summary = Percentiles.Summarize(measured);
        var result = BenchResult.OfLatency(id, name, workload, target, summary, check(summary, recall, full),
            [$"recall@{K} {recall:0.000} over {scored.Count} queries; {full:P0} returned as many rows as the exact scan " +
             $"(rows returned: {rowsSeen.Min()} to {rowsSeen.Max()})",
             $"search_knowledge runs with: {own}"],
            Percentiles.Summarize(baseline), "exact scan") with { FixedWorkload = true };
        result.Metrics["recall_at_10"] = recall;
        result.Metrics["full_k_share"] = full;
        return [result with { Measured = $"recall {recall:0.000}, k rows {full:P0}" }];
    }

    /// <summary>
    /// The index as on a server that answers searches all day: searches for some of the corpus's
    /// own passages, not for the questions timed, which would then repeat walks made moments
    /// before. Cold after a restart, the first walks read the index from disk (p95 20 ms, not 8).
    /// </summary>
    private async Task WarmUpAsync()
    {
        var passages = await db.ScalarAsync<Vector[]>(
            "select array_agg(embedding) from (select embedding from agency.knowledge_chunks where tenant_id = @tenant order by id limit 200) p");
        foreach (var passage in passages)
        {
            await SearchAsync(new Query("(warm-up)", passage, "{}"), "");
        }
    }

    private Task<List<Guid>> SearchAsync(Query query, string settings) =>
        db.InUnitOfWorkAsync(db.App, db.Tenant.Leadership, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                settings + "select chunk_id from agency.search_knowledge(@query, 0.0, @k, @filters::jsonb)", connection, transaction);
            command.Parameters.AddWithValue("query", query.Vector);
            command.Parameters.AddWithValue("k", K);
            command.Parameters.AddWithValue("filters", query.Filters);
            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetGuid(0));
                }
            }
            while (await reader.NextResultAsync());

            return ids;
        }, commit: false);

    private async Task<List<Query>> EmbedAsync(IEnumerable<(string Text, string Filters)> asked)
    {
        var list = asked.ToList();
        var vectors = await embeddings.GenerateAsync(list.Select(a => a.Text));
        return [.. list.Select((a, i) => new Query(a.Text, new Vector(vectors[i].Vector), a.Filters))];
    }

    private sealed record ClientShare(Guid Id, string Name, long Chunks);

    // Ten clients spread from the smallest knowledge base to the largest (each with at least k chunks).
    private async Task<List<ClientShare>> ClientsAsync()
    {
        await using var command = db.Maintenance.CreateCommand(
            """
            select d.client_id, cl.name, count(*)
            from agency.knowledge_chunks c
            join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
            join agency.clients cl on cl.tenant_id = d.tenant_id and cl.id = d.client_id
            where c.tenant_id = @tenant and d.deleted_at is null
            group by d.client_id, cl.name
            having count(*) >= @k
            order by count(*), d.client_id
            """);
        command.Parameters.AddWithValue("tenant", db.Tenant.Id);
        command.Parameters.AddWithValue("k", (long)K);
        var all = new List<ClientShare>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            all.Add(new ClientShare(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
        }

        const int wanted = 10;
        return all.Count <= wanted ? all : [.. Enumerable.Range(0, wanted).Select(i => all[i * (all.Count - 1) / (wanted - 1)])];
    }
}
