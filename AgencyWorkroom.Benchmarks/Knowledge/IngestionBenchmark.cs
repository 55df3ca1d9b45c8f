using System.Diagnostics;
using AgencyWorkroom.Benchmarks.Database;
using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Knowledge;
using Npgsql;
using Pgvector;

namespace AgencyWorkroom.Benchmarks.Knowledge;

/// <summary>
/// #8: documents into the knowledge base end to end: chunked with <see cref="MarkdownChunker"/>,
/// embedded with <see cref="MiniLmEmbeddingGenerator"/> in batches (token counts included, as the
/// seeder does), and inserted as the app role in a leadership person's unit of work, into an
/// HNSW index of the full benchmark size. Each round is rolled back, so the index work is done
/// and measured but nothing stays.
/// </summary>
public sealed class IngestionBenchmark(BenchDatabase db, MiniLmEmbeddingGenerator embeddings)
{
    public const string Target = "≥ 100 chunks/s";
    private const int Documents = 40;
    private const int Rounds = 3;
    private const int BatchSize = 32;

    public async Task<BenchResult> RunAsync()
    {
        var sources = await SourcesAsync();
        var chunker = new MarkdownChunker();
        var rates = new List<double>();
        var times = new List<double>();
        var chunks = 0;
        var embedShare = new List<double>();
        var tokens = 0.0;
        for (var round = 0; round < Rounds + 1; round++)
        {
            var watch = Stopwatch.StartNew();
            (chunks, var embedding, tokens) = await IngestAsync(sources, chunker);
            // The first round loads the model's code paths and the index pages: warm-up.
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                rates.Add(chunks / watch.Elapsed.TotalSeconds);
                embedShare.Add(embedding.TotalMilliseconds / watch.Elapsed.TotalMilliseconds);
            }
        }

        var rate = Percentiles.Of(rates, 50);
        var check = new TargetCheck().AtLeast("chunks/s", rate, 100);
        var result = BenchResult.OfLatency("8", "ingestion: chunk + embed + insert", $"{sources.Count} documents, {chunks:N0} chunks a round",
            Target, Percentiles.Summarize(times), check,
            [$"median of {Rounds} rounds (after one warm-up round); p50/p95 are of a whole round; rounds are rolled back; " +
             $"chunking and embedding took {Percentiles.Of(embedShare, 50):P0} of a round, the inserts the rest; " +
             $"{tokens:0} word pieces a chunk on average ({Percentiles.Of(times, 50) / chunks:0} ms a chunk)"]);
        result.Metrics["chunks_per_second"] = rate;
        return result with { Measured = $"{rate:0} chunks/s", FixedWorkload = true };
    }

    /// <returns>Chunks ingested, how long chunking and embedding took, and the mean word pieces a chunk.</returns>
    private async Task<(int Chunks, TimeSpan Embedding, double Tokens)> IngestAsync(IReadOnlyList<string> documents, MarkdownChunker chunker)
    {
        var watch = Stopwatch.StartNew();
        var passages = documents.Select(d => chunker.Chunk(d)).ToList();
        var embedded = new List<(int Document, MarkdownChunk Chunk, float[] Vector, int Tokens)>();
        var flat = passages.SelectMany((chunks, d) => chunks.Select(c => (Document: d, Chunk: c))).ToList();
        foreach (var batch in flat.Chunk(BatchSize))
        {
            var vectors = await embeddings.GenerateAsync(batch.Select(b => b.Chunk.Content));
            embedded.AddRange(batch.Select((b, i) => (b.Document, b.Chunk, vectors[i].Vector.ToArray(), embeddings.CountTokens(b.Chunk.Content))));
        }

        var embedding = watch.Elapsed;
        var chunks = await db.InUnitOfWorkAsync(db.App, db.Tenant.Leadership, async (connection, transaction) =>
        {
            var ids = documents.Select(_ => Guid.NewGuid()).ToArray();
            await using var batch = new NpgsqlBatch(connection, transaction);
            for (var d = 0; d < documents.Count; d++)
            {
                var insert = new NpgsqlBatchCommand(
                    "insert into agency.knowledge_documents (id, title, doc_type, content, tags) values (@id, @title, 'other', @content, '{benchmark}')");
                insert.Parameters.AddWithValue("id", ids[d]);
                insert.Parameters.AddWithValue("title", $"Ingestion benchmark {d + 1}");
                insert.Parameters.AddWithValue("content", documents[d]);
                batch.BatchCommands.Add(insert);
            }

            foreach (var (document, chunk, vector, tokens) in embedded)
            {
                var insert = new NpgsqlBatchCommand(
                    "insert into agency.knowledge_chunks (document_id, chunk_index, content, token_count, embedding) values (@document, @index, @content, @tokens, @embedding)");
                insert.Parameters.AddWithValue("document", ids[document]);
                insert.Parameters.AddWithValue("index", chunk.ChunkIndex);
                insert.Parameters.AddWithValue("content", chunk.Content);
                insert.Parameters.AddWithValue("tokens", tokens);
                insert.Parameters.AddWithValue("embedding", new Vector(vector));
                batch.BatchCommands.Add(insert);
            }

            await batch.ExecuteNonQueryAsync();
            return embedded.Count;
        }, commit: false);
        return (chunks, embedding, embedded.Average(e => e.Tokens));
    }

    // The demo agencies' own documents: real Markdown of the kinds the knowledge base holds.
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
