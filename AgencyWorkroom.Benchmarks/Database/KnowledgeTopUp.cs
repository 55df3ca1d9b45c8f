using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Brings the scale tenant's knowledge base to the vector benchmarks' size by copying its own
/// documents and their embedded passages. Each copy keeps the client, brand, campaign, title and
/// text of its source; its vector is the source's blended with two other passages'
/// (<see cref="Perturb"/>: 50 to 75 % source, a little Gaussian noise, unit length again).
/// Noise alone would give every passage hundreds of near-twins (the scale tenant's passages are
/// already copies of the demo agencies' few hundred), and recall@10 would then measure how an
/// index orders twins rather than how it finds passages. Copies are tagged <see cref="Tag"/>; a
/// reseed of the scale tenant removes them with the rest.
/// </summary>
public sealed class KnowledgeTopUp(BenchDatabase db)
{
    public const string Tag = "bench-copy";
    public const double Noise = 0.01;

    private sealed record SourceDocument(Guid Id, Guid? Client, Guid? Brand, Guid? Campaign, string Title, string DocType, string Content, string[] Tags)
    {
        public List<SourceChunk> Chunks { get; } = [];
    }

    private sealed record SourceChunk(int Index, string Content, int? TokenCount, float[] Embedding);

    /// <returns>A line saying what the knowledge base holds and how much of it was copied.</returns>
    public async Task<string> EnsureAsync(int chunks, Action<string> progress)
    {
        var existing = await CountAsync();
        var copies = await db.ScalarAsync<long>(
            "select count(*) from agency.knowledge_chunks c join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id " +
            "where c.tenant_id = @tenant and @tag = any(d.tags)", ("tag", Tag));
        if (existing >= chunks)
        {
            return Describe(existing, copies, added: 0);
        }

        var sources = await ReadSourcesAsync();
        if (sources.Sum(s => s.Chunks.Count) == 0)
        {
            throw new InvalidOperationException("The scale tenant has no embedded knowledge to copy; reload it with ./workroom seed --scale N.");
        }

        var needed = chunks - existing;
        progress($"topping up the scale tenant's knowledge: {existing:N0} chunks, copying {needed:N0} more (kept for later runs)");
        var added = await CopyAsync(sources, needed, progress);
        await VacuumAnalyzeAsync();
        return Describe(existing + added, copies + added, added);
    }

    private static string Describe(long total, long copies, long added) =>
        $"{total:N0} knowledge chunks in the scale tenant, {copies:N0} of them copies of its own passages, each vector blended " +
        $"with two other passages' (25-50 % together) plus noise (σ {Noise}) and renormalized, tagged '{Tag}'" +
        (added > 0 ? $"; {added:N0} added by this run" : "");

    private Task<long> CountAsync() => db.ScalarAsync<long>("select count(*) from agency.knowledge_chunks where tenant_id = @tenant");

    private async Task<List<SourceDocument>> ReadSourcesAsync()
    {
        await using var command = db.Maintenance.CreateCommand(
            """
            select d.id, d.client_id, d.brand_id, d.campaign_id, d.title, d.doc_type, d.content, d.tags,
                   c.chunk_index, c.content, c.token_count, c.embedding
            from agency.knowledge_documents d
            join agency.knowledge_chunks c on c.tenant_id = d.tenant_id and c.document_id = d.id
            where d.tenant_id = @tenant and d.deleted_at is null and not (@tag = any(d.tags))
            order by d.id, c.chunk_index
            """);
        command.Parameters.AddWithValue("tenant", db.Tenant.Id);
        command.Parameters.AddWithValue("tag", Tag);
        var documents = new List<SourceDocument>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (documents.Count == 0 || documents[^1].Id != id)
            {
                documents.Add(new SourceDocument(id, NullableGuid(reader, 1), NullableGuid(reader, 2), NullableGuid(reader, 3),
                    reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<string[]>(7)));
            }

            documents[^1].Chunks.Add(new SourceChunk(reader.GetInt32(8), reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.GetFieldValue<Vector>(11).ToArray()));
        }

        return documents;
    }

    private async Task<long> CopyAsync(List<SourceDocument> sources, long needed, Action<string> progress)
    {
        // Plan the copies first: round after round over the sources, until enough passages.
        var plan = new List<(SourceDocument Source, int Round)>();
        long planned = 0;
        for (var round = 1; planned < needed; round++)
        {
            foreach (var source in sources.Where(s => s.Chunks.Count > 0))
            {
                if (planned >= needed)
                {
                    break;
                }

                plan.Add((source, round));
                planned += source.Chunks.Count;
            }
        }

        await using var connection = await db.Maintenance.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var documents = await connection.BeginBinaryImportAsync(
                         "copy agency.knowledge_documents (tenant_id, id, client_id, brand_id, campaign_id, title, doc_type, source_uri, content, tags) " +
                         "from stdin (format binary)"))
        {
            foreach (var (source, round) in plan)
            {
                await documents.StartRowAsync();
                await documents.WriteAsync(db.Tenant.Id, NpgsqlDbType.Uuid);
                await documents.WriteAsync(CopyId(source.Id, round), NpgsqlDbType.Uuid);
                await WriteNullableAsync(documents, source.Client);
                await WriteNullableAsync(documents, source.Brand);
                await WriteNullableAsync(documents, source.Campaign);
                await documents.WriteAsync(source.Title, NpgsqlDbType.Text);
                await documents.WriteAsync(source.DocType, NpgsqlDbType.Text);
                await documents.WriteAsync($"bench://copy/{round}/{source.Id}", NpgsqlDbType.Text);
                await documents.WriteAsync(source.Content, NpgsqlDbType.Text);
                await documents.WriteAsync(source.Tags.Append(Tag).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await documents.CompleteAsync();
        }

        var everyChunk = sources.SelectMany(s => s.Chunks).ToList();
        long added = 0;
        await using (var chunks = await connection.BeginBinaryImportAsync(
                         "copy agency.knowledge_chunks (tenant_id, document_id, chunk_index, content, token_count, embedding) from stdin (format binary)"))
        {
            foreach (var (source, round) in plan)
            {
                var document = CopyId(source.Id, round);
                foreach (var chunk in source.Chunks)
                {
                    if (added >= needed)
                    {
                        break;
                    }

                    await chunks.StartRowAsync();
                    await chunks.WriteAsync(db.Tenant.Id, NpgsqlDbType.Uuid);
                    await chunks.WriteAsync(document, NpgsqlDbType.Uuid);
                    await chunks.WriteAsync(chunk.Index, NpgsqlDbType.Integer);
                    await chunks.WriteAsync(chunk.Content, NpgsqlDbType.Text);
                    if (chunk.TokenCount is { } tokens)
                    {
                        await chunks.WriteAsync(tokens, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        await chunks.WriteNullAsync();
                    }

                    var seed = Seed(document, chunk.Index);
                    var first = everyChunk[(int)((uint)seed % (uint)everyChunk.Count)];
                    var second = everyChunk[(int)((uint)(seed * 31 + 17) % (uint)everyChunk.Count)];
                    await chunks.WriteAsync(new Vector(Perturb(chunk.Embedding, first.Embedding, second.Embedding, seed)), "vector");
                    if (++added % 10_000 == 0)
                    {
                        progress($"  {added:N0} of {needed:N0} copied (each goes into the HNSW index)");
                    }
                }
            }

            await chunks.CompleteAsync();
        }

        await transaction.CommitAsync();
        return added;
    }

    /// <summary>
    /// The source vector blended with two partners' (25 to 50 % for the partners together, split
    /// at random, by the seed), plus Gaussian noise of σ <see cref="Noise"/> a dimension, at unit
    /// length again; the same seed gives the same vector.
    /// </summary>
    public static float[] Perturb(float[] vector, float[] first, float[] second, int seed)
    {
        var random = new Random(seed);
        var partners = 0.25 + 0.25 * random.NextDouble();
        var split = random.NextDouble();
        var result = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            // Box-Muller: a standard normal from two uniforms.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            result[i] = (float)((1 - partners) * vector[i] + partners * (split * first[i] + (1 - split) * second[i]) + Noise * gaussian);
        }

        var length = MathF.Sqrt(result.Sum(x => x * x));
        return length == 0 ? result : [.. result.Select(x => x / length)];
    }

    // Statistics for the planner after a bulk load: ANALYZE is the owner's to run.
    // Vacuumed too, as after any bulk load: otherwise autovacuum walks the new HNSW index while
    // the search benchmarks run, and measured them at three times their latency.
    private async Task VacuumAnalyzeAsync()
    {
        if (db.Owner is null)
        {
            return;
        }

        // One statement a command: VACUUM refuses to run inside the transaction a batch makes.
        foreach (var table in new[] { "agency.knowledge_documents", "agency.knowledge_chunks" })
        {
            await using var vacuum = db.Owner.CreateCommand($"vacuum (analyze) {table}");
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    private static Guid CopyId(Guid source, int round) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{Tag}:{round}:{source}")));

    // Not HashCode.Combine: that changes from process to process, and the copies must not.
    private static int Seed(Guid document, int chunk) => BitConverter.ToInt32(document.ToByteArray(), 0) ^ (chunk * 7919);

    private static Guid? NullableGuid(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value) =>
        value is { } id ? importer.WriteAsync(id, NpgsqlDbType.Uuid) : importer.WriteNullAsync();
}
