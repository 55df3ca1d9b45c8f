using AgencyWorkroom.Data.Features.Knowledge;
using AgencyWorkroom.Data.Knowledge;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector;

namespace AgencyWorkroom.Tests.Data.Features.Knowledge;

/// <summary>
/// The ingestion queue (039, decision 021) with the real MiniLM model on real PostgreSQL, in
/// tenants of the tests' own (no sign-in accounts, so the app's own worker never visits them).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class KnowledgeIngestionTests(TwoTenantWorld world)
{
    private static readonly MiniLmEmbeddingGenerator MiniLm = new();

    [Fact]
    public async Task QueuingAJob_WakesTheWorker_ByANotificationWithTheTenant_SentAtCommitOnly()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var listener = await world.Database.App.OpenConnectionAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"listen {KnowledgeIngestion.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await using (var rolledBack = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]))
        {
            await rolledBack.ExecuteAsync("insert into agency.knowledge_documents (title, content) values ('Rolled back', 'Never saved.')");
        }

        await using var admin = tenant.As(world, "admin");
        Assert.True((await admin.Get<IKnowledgeCommands>().SaveAsync(Document("Pitch playbook", Sections(1)))).Succeeded);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!heard.Contains(tenant.Id.ToString()) && DateTime.UtcNow < deadline)
        {
            await listener.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        // Notifications arrive in commit order: the rolled-back insert's would have come first.
        Assert.Equal(1, heard.Count(p => p == tenant.Id.ToString()));
    }

    [Fact]
    public async Task Saving_QueuesTheDocument_AndTheWorkerIndexesIt_WithItsModelAndHashes()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = Document("Pitch playbook", Sections(3));
        Assert.True((await admin.Get<IKnowledgeCommands>().SaveAsync(form)).Succeeded);

        var queued = Assert.Single(await admin.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));
        var counting = new CountingEmbedder(MiniLm);
        var result = await Worker(admin, counting).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind);
        var ready = Assert.Single(await admin.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]);
        var passages = await s.QueryAsync(
            "select chunk_index, embedding_model, content_hash = agency.knowledge_content_hash(content) as hashed from agency.knowledge_chunks where document_id = @id order by 1",
            ("id", form.Id));
        Assert.Equal(IndexStatus.Queued, queued.Status);
        Assert.Equal("done", result!.Status);
        Assert.Equal(IndexStatus.Ready, ready.Status);
        Assert.Equal(3, passages.Count);
        Assert.Equal(3, counting.Embedded);
        Assert.All(passages, p => Assert.Equal(MiniLmEmbeddingGenerator.ModelId, p["embedding_model"]));
        Assert.All(passages, p => Assert.True((bool)p["hashed"]!));
        Assert.Equal(3, ready.ProgressDone);
        Assert.Equal(3, ready.ProgressTotal);
        // Nothing else was queued: the worker finds the queue empty.
        Assert.Null(await Worker(admin, counting).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind));
    }

    [Fact]
    public async Task EditingOneParagraph_ReembedsOnlyThatPassage()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = Document("Timesheet policy", Sections(4));
        Assert.True((await admin.Get<IKnowledgeCommands>().SaveAsync(form)).Succeeded);
        await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind);
        var before = await PassageIdsAsync(tenant, form.Id);

        var edit = await EditFormAsync(admin, form.Id);
        edit.Content = edit.Content.Replace("Section 3 says", "Section 3, rewritten, now says");
        Assert.True((await admin.Get<IKnowledgeCommands>().SaveAsync(edit)).Succeeded);
        var counting = new CountingEmbedder(MiniLm);
        var result = await Worker(admin, counting).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind);
        var after = await PassageIdsAsync(tenant, form.Id);

        Assert.Equal(1, counting.Embedded);
        Assert.Equal(1, result!.Embedded);
        Assert.Equal(3, result.Reused);
        Assert.Equal(4, after.Count);
        // The three passages that did not change are the same rows; the third is new.
        Assert.Equal(3, before.Intersect(after).Count());
        Assert.NotEqual(before[2], after[2]);
    }

    [Fact]
    public async Task AJobCutOffHalfWay_IsTakenAgainAfterItsLease_AndFinishedByAnotherWorker()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = Document("Rebrand playbook", Sections(12));
        Assert.True((await admin.Get<IKnowledgeCommands>().SaveAsync(form)).Succeeded);

        // The first worker stops (the app is shut down) after its first batch of passages.
        using var stopping = new CancellationTokenSource();
        var first = new StoppingEmbedder(MiniLm, KnowledgePipeline.BatchSize, stopping);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Worker(admin, first).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind, TimeSpan.FromMinutes(1), stopping.Token));
        var halfWay = Assert.Single(await admin.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));
        // Within the lease nobody else takes it.
        Assert.Null(await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind));

        // The minute passes (moved, not waited for).
        await SystemScalarAsync<int>(tenant,
            "with x as (update agency.jobs set leased_until = now() - interval '1 second' where subject_id = @id returning 1) select count(*)::int from x", form.Id);
        var second = await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind);
        var done = Assert.Single(await admin.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));

        Assert.Equal(IndexStatus.Embedding, halfWay.Status);
        Assert.Equal(KnowledgePipeline.BatchSize, halfWay.ProgressDone);
        Assert.Equal(12, halfWay.ProgressTotal);
        Assert.Equal("done", second!.Status);
        Assert.Equal(IndexStatus.Ready, done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(12, done.Passages);
    }

    [Fact]
    public async Task AFailingEmbedder_IsRetriedWithBackoff_ThenShownFailed_AndRetryQueuesItAgain()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = Document("Travel policy", Sections(1));
        Assert.True((await admin.Get<IKnowledgeCommands>().SaveAsync(form)).Succeeded);
        var broken = new BrokenEmbedder();

        var first = await Worker(admin, broken).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind);
        var retryIn = await SystemScalarAsync<double>(tenant, "select extract(epoch from run_after - now())::float8 from agency.jobs where subject_id = @id", form.Id);
        // Due again later: the worker finds nothing now.
        Assert.Null(await Worker(admin, broken).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind));
        var statuses = new List<string> { first!.Status };
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await SystemScalarAsync<int>(tenant, "with x as (update agency.jobs set run_after = now() where subject_id = @id returning 1) select count(*)::int from x", form.Id);
            statuses.Add((await Worker(admin, broken).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind))!.Status);
        }

        var failed = Assert.Single(await admin.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));
        var retried = await admin.Get<IKnowledgeCommands>().RetryAsync(form.Id);
        var requeued = Assert.Single(await admin.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));
        var fixedWorker = await Worker(admin, MiniLm).RunOnceAsync(tenant.Id, KnowledgeIngestion.DocumentKind);

        Assert.Equal("queued", first.Status);
        Assert.InRange(retryIn, 60, 180);
        Assert.Equal(["queued", "queued", "queued", "queued", "failed"], statuses);
        Assert.Equal(IndexStatus.Failed, failed.Status);
        Assert.Contains("the embedding server is down", failed.LastError);
        Assert.True(retried.Succeeded);
        Assert.Equal(IndexStatus.Queued, requeued.Status);
        Assert.Equal("done", fixedWorker!.Status);
    }

    [Fact]
    public async Task OnlyAdminsAndLeadership_AddDocuments_AndTheRefusalComesFromTheDatabase()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var creative = tenant.As(world, "creative");
        await using var leadership = tenant.As(world, "leadership");

        var refused = await creative.Get<IKnowledgeCommands>().SaveAsync(Document("Mine", "Text."));
        var saved = await leadership.Get<IKnowledgeCommands>().SaveAsync(Document("Theirs", "Text."));

        Assert.Equal(KnowledgeCommands.RefusedMessage, refused.Error);
        Assert.True(saved.Succeeded);
        Assert.Single(await creative.Get<IKnowledgeQueries>().ListAsync(new KnowledgeFilter()));
    }

    [Theory]
    [InlineData("notes.md", 1000, null)]
    [InlineData("notes.TXT", 1000, null)]
    [InlineData("deck.pdf", 1000, "deck.pdf is not a Markdown (.md) or text (.txt) file; other types can't be read.")]
    [InlineData("big.md", 2_500_000, "big.md is 2.5 MB; the limit is 1 MB.")]
    public void Upload_RefusesOtherTypesAndLargeFiles(string name, long size, string? refusal) =>
        Assert.Equal(refusal, KnowledgeUpload.Refusal(name, size));

    internal static KnowledgeIngestion Worker(PersonServices services, IEmbeddingGenerator<string, Embedding<float>> embedder) =>
        new(services.Get<SystemUnitOfWork>(), new KnowledgePipeline(embedder), NullLogger<KnowledgeIngestion>.Instance);

    internal static KnowledgeDocumentForm Document(string title, string content) => new() { Title = title, Content = content, Tags = "policy" };

    /// <summary>Sections long enough that each is a passage of its own.</summary>
    internal static string Sections(int count) => string.Join("\n\n", Enumerable.Range(1, count).Select(i =>
        $"## Part {i}\n\nSection {i} says: " + string.Join(" ", Enumerable.Repeat($"passage {i} explains how the agency works on item {i}.", 18))));

    private async Task<KnowledgeDocumentForm> EditFormAsync(PersonServices services, Guid id)
    {
        var detail = (await services.Get<IKnowledgeQueries>().GetAsync(id))!;
        return new KnowledgeDocumentForm { Id = id, Version = detail.Version, Title = detail.Title, Content = detail.Content, Tags = string.Join(", ", detail.Tags) };
    }

    private async Task<List<Guid>> PassageIdsAsync(ScratchTenant tenant, Guid documentId)
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        return (await s.QueryAsync("select id from agency.knowledge_chunks where document_id = @id order by chunk_index", ("id", documentId)))
            .Select(r => (Guid)r["id"]!).ToList();
    }

    private async Task<T> SystemScalarAsync<T>(ScratchTenant tenant, string sql, Guid id)
    {
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "system", null);
        var value = await s.ScalarAsync<T>(sql, ("id", id));
        await s.CommitAsync();
        return value;
    }

    internal sealed class CountingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Embedded;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            Interlocked.Add(ref Embedded, texts.Count);
            return inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }

    /// <summary>Embeds <paramref name="allowed"/> passages, then the app stops: cancels and throws as a shutdown would.</summary>
    private sealed class StoppingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner, int allowed, CancellationTokenSource stopping)
        : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _embedded;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            if (_embedded + texts.Count > allowed)
            {
                stopping.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }

            _embedded += texts.Count;
            return inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }

    private sealed class BrokenEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("the embedding server is down");

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("broken", null, "broken-model", 384) : null;

        public void Dispose()
        {
        }
    }
}
