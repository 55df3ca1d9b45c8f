using System.Diagnostics;
using AgencyWorkroom.Benchmarks.Database;
using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Data.Session;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Knowledge;

/// <summary>
/// #8b: ingestion as the app does it (039, decision 021): documents saved by a leadership person
/// (the trigger queues a job each), then <see cref="KnowledgeIngestion"/> works the queue as the
/// tenant's system actor: claim, chunk, hash, embed, write passages and progress, finish. Reported
/// beside the embedder alone on the same passages, one call a passage, in the same run: the
/// pipeline should reach ≥ 90 % of it. Also the time a 50-passage document takes from its job's
/// claim to ready (the app's worker looks at the queue every second on top of that). Everything
/// written is deleted afterwards (documents, passages, jobs).
/// </summary>
public sealed class QueueIngestionBenchmark(BenchDatabase db, MiniLmEmbeddingGenerator embeddings, IConfiguration configuration)
{
    public const string Target = "≥ 90 % of the embedder alone; 50 passages ready ≤ 3 s";
    private const int Documents = 40;

    public async Task<BenchResult> RunAsync()
    {
        var sources = await SourcesAsync();
        var pipeline = new KnowledgePipeline(embeddings);
        await using var services = new ServiceCollection().AddLogging().AddWorkroomData(configuration).BuildServiceProvider();
        var worker = new KnowledgeIngestion(services.GetRequiredService<SystemUnitOfWork>(), pipeline, NullLogger<KnowledgeIngestion>.Instance);

        // The embedder alone, on exactly the passages the pipeline will embed.
        var passages = sources.SelectMany(pipeline.ChunkDocument).Select(c => c.Content).ToList();
        await embeddings.GenerateAsync([passages[0]]);
        var alone = Stopwatch.StartNew();
        foreach (var passage in passages)
        {
            await embeddings.GenerateAsync([passage]);
        }

        var embedderRate = passages.Count / alone.Elapsed.TotalSeconds;

        var ids = new List<Guid>();
        try
        {
            ids.AddRange(await SaveAsync(sources.Select((s, i) => ($"Queue benchmark {i + 1}", s)).ToList()));
            var watch = Stopwatch.StartNew();
            var done = await worker.RunTenantAsync(db.Tenant.Id, limit: Documents + 10);
            var pipelineRate = passages.Count / watch.Elapsed.TotalSeconds;

            // One document of 50 passages, from claim to ready.
            var fifty = string.Join("\n\n", Enumerable.Range(1, 50).Select(i =>
                $"## Part {i}\n\n" + string.Join(" ", Enumerable.Repeat($"Step {i} of the benchmark playbook says how the agency works on item {i}.", 16))));
            ids.AddRange(await SaveAsync([("Queue benchmark, fifty passages", fifty)]));
            var single = Stopwatch.StartNew();
            var result = await worker.RunOnceAsync(db.Tenant.Id, KnowledgeIngestion.DocumentKind);
            var fiftyMs = single.Elapsed.TotalMilliseconds;

            var share = pipelineRate / embedderRate;
            var check = new TargetCheck().AtLeast("share of the embedder alone", share, 0.9).AtMost("50 passages ready", fiftyMs, 3000, " ms");
            var benchResult = BenchResult.OfLatency("8b", "ingestion through the queue", $"{done} documents, {passages.Count:N0} passages; one of {result?.Embedded ?? 0}",
                Target, Percentiles.Summarize([fiftyMs]), check,
                [$"pipeline {pipelineRate:0.0} chunks/s, embedder alone {embedderRate:0.0} chunks/s ({share:P0}); p50 is the 50-passage document, claim to ready"]);
            benchResult.Metrics["chunks_per_second"] = pipelineRate;
            benchResult.Metrics["embedder_chunks_per_second"] = embedderRate;
            benchResult.Metrics["share_of_embedder"] = share;
            benchResult.Metrics["fifty_passages_ms"] = fiftyMs;
            return benchResult with { Measured = $"{pipelineRate:0} chunks/s ({share:P0} of {embedderRate:0})", FixedWorkload = true };
        }
        finally
        {
            await using var cleanup = db.Maintenance.CreateCommand(
                "delete from agency.jobs where tenant_id = @tenant and subject_id = any(@ids); delete from agency.knowledge_documents where tenant_id = @tenant and id = any(@ids)");
            cleanup.Parameters.AddWithValue("tenant", db.Tenant.Id);
            cleanup.Parameters.AddWithValue("ids", ids.ToArray());
            await cleanup.ExecuteNonQueryAsync();
        }
    }

    private Task<List<Guid>> SaveAsync(IReadOnlyList<(string Title, string Content)> documents) =>
        db.InUnitOfWorkAsync(db.App, db.Tenant.Leadership, async (connection, transaction) =>
        {
            var ids = new List<Guid>();
            foreach (var (title, content) in documents)
            {
                await using var insert = new NpgsqlCommand(
                    "insert into agency.knowledge_documents (title, doc_type, content, tags) values (@title, 'other', @content, '{benchmark}') returning id",
                    connection, transaction);
                insert.Parameters.AddWithValue("title", title);
                insert.Parameters.AddWithValue("content", content);
                ids.Add((Guid)(await insert.ExecuteScalarAsync())!);
            }

            return ids;
        });

    private async Task<List<string>> SourcesAsync()
    {
        await using var command = db.Maintenance.CreateCommand(
            "select content from agency.knowledge_documents where tenant_id = @tenant and deleted_at is null order by id limit @limit");
        command.Parameters.AddWithValue("tenant", DemoTenantProfile.Northwind.TenantId);
        command.Parameters.AddWithValue("limit", Documents);
        var documents = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            documents.Add(reader.GetString(0));
        }

        return documents.Count > 0
            ? documents
            : throw new InvalidOperationException("No demo knowledge documents to ingest: run ./workroom seed first.");
    }
}
