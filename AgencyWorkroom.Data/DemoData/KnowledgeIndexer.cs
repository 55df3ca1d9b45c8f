using AgencyWorkroom.Data.Features.Knowledge;
using Microsoft.Extensions.AI;
using Npgsql;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Turns a tenant's knowledge documents and artifacts into embedded chunks through the app's own
/// <see cref="KnowledgePipeline"/> (the one the ingestion service uses). The scale tenant instead borrows the
/// demo agencies' embedded document passages from the database, text and vector together (the
/// vector nudged a little so no two are identical), because embedding thousands of documents would
/// dominate a benchmark load without making it any more realistic; its artifacts are not indexed.
/// </summary>
internal sealed class KnowledgeIndexer(
    IEmbeddingGenerator<string, Embedding<float>> embeddings, IProgress<DemoSeedProgress>? progress)
{
    private const int BatchSize = 32;
    private const float Nudge = 0.005f;

    private readonly KnowledgePipeline _pipeline = new(embeddings);

    /// <summary>
    /// Embeds the tenant's documents and artifacts, chunked as the ingestion service chunks them, so
    /// the assistant can cite a brief or a post-mortem from the first start (the load bypasses the
    /// queue: a write with no person enqueues nothing). A passage whose text the tenant already has,
    /// embedded by the same model, keeps its vector, as an edit in the app does: seeding again
    /// embeds only what changed.
    /// </summary>
    /// <returns>A line for the person running the seed: what was embedded.</returns>
    public async Task<string> EmbedAsync(DemoTenantData data, NpgsqlDataSource maintenance, CancellationToken cancellationToken)
    {
        var ids = new DemoIds(data.Profile.Slug);
        var passages = data.KnowledgeDocuments
            .SelectMany(d => _pipeline.ChunkDocument(d.Content).Select(c => (DocumentId: (Guid?)d.Id, ArtifactId: (Guid?)null, Chunk: c)))
            .Concat(data.Artifacts
                .SelectMany(a => _pipeline.ChunkArtifact(a.Title, a.Content).Select(c => (DocumentId: (Guid?)null, ArtifactId: (Guid?)a.Id, Chunk: c))))
            .ToList();
        var vectors = await EmbeddedBeforeAsync(data.TenantId, maintenance, cancellationToken);
        var toEmbed = passages.Select(p => p.Chunk.Content).Where(text => !vectors.ContainsKey(text)).Distinct().ToList();

        for (var start = 0; start < toEmbed.Count; start += BatchSize)
        {
            progress?.Report(new DemoSeedProgress(data.Profile.Slug, "embedding knowledge", start, toEmbed.Count));
            var batch = toEmbed.Skip(start).Take(BatchSize).ToList();
            var embedded = await _pipeline.EmbedAsync(batch, cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                vectors[batch[i]] = embedded[i];
            }
        }

        foreach (var (documentId, artifactId, chunk) in passages)
        {
            data.KnowledgeChunks.Add(new KnowledgeChunkRow(ids.Of("knowledge_chunk", data.KnowledgeChunks.Count), documentId, artifactId,
                chunk.ChunkIndex, chunk.Content, _pipeline.CountTokens(chunk.Content), vectors[chunk.Content], _pipeline.Model));
        }

        progress?.Report(new DemoSeedProgress(data.Profile.Slug, "embedding knowledge", toEmbed.Count, toEmbed.Count));
        var fromArtifacts = passages.Count(p => p.ArtifactId is not null);
        return FormattableString.Invariant(
            $"{data.KnowledgeDocuments.Count:N0} documents and {data.Artifacts.Count:N0} artifacts: {passages.Count - fromArtifacts:N0} + {fromArtifacts:N0} passages, ") +
            FormattableString.Invariant($"{toEmbed.Count:N0} embedded now with {_pipeline.Model}");
    }

    /// <summary>The tenant's passages as they stand, text to vector, of this model only (vectors of two models never mix).</summary>
    private async Task<Dictionary<string, float[]>> EmbeddedBeforeAsync(Guid tenantId, NpgsqlDataSource maintenance, CancellationToken cancellationToken)
    {
        await using var command = maintenance.CreateCommand(
            "select content, embedding from agency.knowledge_chunks where tenant_id = @tenant and embedding_model = @model");
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("model", _pipeline.Model);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            vectors[reader.GetString(0)] = reader.GetFieldValue<Pgvector.Vector>(1).ToArray();
        }

        return vectors;
    }

    /// <summary>Knowledge for the scale tenant from the passages already embedded for the demo agencies.</summary>
    public async Task<string> BorrowAsync(DemoTenantData data, NpgsqlDataSource maintenance, CancellationToken cancellationToken)
    {
        var sources = await ReadDemoDocumentsAsync(maintenance, cancellationToken);
        if (sources.Count == 0)
        {
            throw new InvalidOperationException("The scale tenant borrows the demo agencies' embedded knowledge, and there is none: seed them first.");
        }

        var f = DemoRandom.For(data.Profile.Slug, "knowledge");
        var ids = new DemoIds(data.Profile.Slug);
        var brands = data.Brands;
        var finished = data.Campaigns.Where(c => c.Status == "completed").ToList();
        var documentCount = Math.Max(1, (int)Math.Round(sources.Count / (double)DemoTenantProfile.DemoAgencies.Count * data.Profile.Volume));
        var passages = 0;
        for (var i = 0; i < documentCount; i++)
        {
            var source = sources[i % sources.Count];
            var brand = source.DocType == "brand_guidelines" ? brands[i % brands.Count] : null;
            var campaign = source.DocType is "post_mortem" or "case_study" && finished.Count > 0 ? finished[i % finished.Count] : null;
            var document = new KnowledgeDocumentRow(ids.Of("knowledge_document", i), brand?.ClientId ?? campaign?.ClientId, brand?.Id ?? campaign?.BrandId,
                campaign?.Id, source.Title, source.DocType, $"https://intranet.{data.Profile.Slug}.example/knowledge/{i + 1}", source.Content,
                source.Tags, data.Calendar.At(data.Calendar.HistoryStart.AddDays(f.Random.Int(0, DemoCalendar.HistoryWeeks * 7)), 12));
            data.KnowledgeDocuments.Add(document);
            foreach (var chunk in source.Chunks)
            {
                var vector = chunk.Embedding.Select(x => x + (float)f.Random.Between(-Nudge, Nudge)).ToArray();
                var length = MathF.Sqrt(vector.Sum(x => x * x));
                data.KnowledgeChunks.Add(new KnowledgeChunkRow(ids.Of("knowledge_chunk", data.KnowledgeChunks.Count), document.Id, null, chunk.Index,
                    chunk.Content, chunk.TokenCount, vector.Select(x => x / length).ToArray(), chunk.Model));
                passages++;
            }

            if (i % 100 == 0)
            {
                progress?.Report(new DemoSeedProgress(data.Profile.Slug, "borrowing knowledge", i, documentCount));
            }
        }

        return FormattableString.Invariant(
            $"{documentCount:N0} documents, {passages:N0} passages reusing the {sources.Sum(s => s.Chunks.Count):N0} passages embedded for ") +
            $"{string.Join(" and ", DemoTenantProfile.DemoAgencies.Select(a => a.Slug))} (vectors nudged slightly); none embedded now";
    }

    private sealed record SourceChunk(int Index, string Content, int? TokenCount, float[] Embedding, string Model);

    private sealed record SourceDocument(string Title, string DocType, string Content, string[] Tags, List<SourceChunk> Chunks);

    private static async Task<List<SourceDocument>> ReadDemoDocumentsAsync(NpgsqlDataSource maintenance, CancellationToken cancellationToken)
    {
        await using var command = maintenance.CreateCommand(
            """
            select d.tenant_id, d.id, d.title, d.doc_type, d.content, d.tags, c.chunk_index, c.content, c.token_count, c.embedding, c.embedding_model
            from agency.knowledge_documents d
            join agency.knowledge_chunks c on c.tenant_id = d.tenant_id and c.document_id = d.id
            where d.tenant_id = any(@tenants)
            order by d.tenant_id, d.id, c.chunk_index
            """);
        command.Parameters.AddWithValue("tenants", DemoTenantProfile.DemoAgencies.Select(a => a.TenantId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<SourceDocument>();
        (Guid, Guid) current = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetGuid(0), reader.GetGuid(1));
            if (documents.Count == 0 || key != current)
            {
                documents.Add(new SourceDocument(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<string[]>(5), []));
                current = key;
            }

            documents[^1].Chunks.Add(new SourceChunk(reader.GetInt32(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.GetFieldValue<Pgvector.Vector>(9).ToArray(), reader.GetString(10)));
        }

        return documents;
    }
}
