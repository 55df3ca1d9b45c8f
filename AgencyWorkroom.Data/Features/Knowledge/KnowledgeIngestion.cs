using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pgvector;
using System.Threading.Channels;

namespace AgencyWorkroom.Data.Features.Knowledge;

/// <summary>What one indexing job did: its end (done, queued for a retry, failed, or lost when its lease had passed to another worker), and the passages embedded and reused.</summary>
public sealed record IngestionResult(Guid JobId, string Status, int Embedded, int Reused, string? Error);

/// <summary>
/// Indexes knowledge documents and artifacts in the background, in each tenant as its system
/// actor (decision 007, 039): claims a job from <c>agency.jobs</c> (FOR UPDATE SKIP LOCKED, a
/// lease), chunks the subject's current text, embeds only the passages whose hash is not stored
/// yet for this model, writes the passages and ends the job in one transaction. A failure is
/// retried by <c>agency.finish_job</c> with backoff (2, 4, 8, 16 minutes) and failed after five
/// tries; a worker that stops half-way (the app restarting) leaves its job running until the
/// lease runs out, and then any worker takes it again. Progress (n of m passages embedded) is
/// written on the job after every batch.
/// </summary>
/// <remarks>
/// The job's <c>created_by</c> is not checked (decision 007 asks a worker to): what the job does
/// is a function of its subject's current text only, so whoever asked, the passages come out the
/// same; and it reads the subject as the system actor, so no one learns anything by asking.
/// </remarks>
public sealed class KnowledgeIngestion(
    SystemUnitOfWork system, KnowledgePipeline pipeline, ILogger<KnowledgeIngestion> logger) : BackgroundService
{
    public const string DocumentKind = "index_document";
    public const string ArtifactKind = "index_artifact";

    /// <summary>The channel a queued job is announced on, with its tenant's id (049).</summary>
    public const string NotifyChannel = "workroom_jobs";

    /// <summary>
    /// How often every tenant's queue is looked at without being told: for retries, which
    /// finish_job puts minutes ahead, leases that ran out, and jobs queued while nobody listened.
    /// A saved document is started when its transaction commits, by the notification.
    /// </summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds before another worker may take the job again.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    private static readonly string[] Kinds = [DocumentKind, ArtifactKind];

    /// <summary>Claims one job of <paramref name="kind"/> in the tenant and does it; null when none is due.</summary>
    /// <remarks>Cancelled half-way, it leaves the job to its lease (as a stopped app would).</remarks>
    public async Task<IngestionResult?> RunOnceAsync(Guid tenantId, string kind, TimeSpan? lease = null, CancellationToken cancellationToken = default)
    {
        var job = await system.RunAsync(tenantId, async (db, ct) => await db.Database.SqlQuery<ClaimedJob>(
                $"select id, subject_id, leased_until from agency.claim_jobs({kind}, 1, {lease ?? DefaultLease})").SingleOrDefaultAsync(ct),
            cancellationToken);
        if (job is null)
        {
            return null;
        }

        try
        {
            return await IndexAsync(tenantId, kind, job, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ex is LeaseLostException ? null : $"{ex.GetType().Name}: {ex.Message}";
            var status = error is null ? null : await system.RunAsync(tenantId, (db, ct) => db.Database.SqlQuery<string>(
                $"select agency.finish_job({job.Id}, {job.LeasedUntil}, {error}) as \"Value\"").SingleAsync(ct), CancellationToken.None);
            logger.LogWarning(ex, "Indexing job {JobId} ({Kind}) failed in tenant {TenantId}: now {Status}", job.Id, kind, tenantId, status ?? "lost");
            return new IngestionResult(job.Id, status ?? "lost", 0, 0, error);
        }
    }

    /// <summary>Works the tenant's queue until it is empty or <paramref name="limit"/> jobs are done; returns how many were.</summary>
    public async Task<int> RunTenantAsync(Guid tenantId, int limit = 20, CancellationToken cancellationToken = default)
    {
        var done = 0;
        foreach (var kind in Kinds)
        {
            while (done < limit && await RunOnceAsync(tenantId, kind, cancellationToken: cancellationToken) is not null)
            {
                done++;
            }
        }

        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // No sweep of its own here: the listener asks for the first once its LISTEN holds (so
        // nothing queued before it is missed), and if it cannot listen the interval sweeps.
        var listening = ListenAsync(wakeUps.Writer, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var sweepDue = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            sweepDue.CancelAfter(SweepInterval);
            Guid tenant;
            try
            {
                tenant = await wakeUps.Reader.ReadAsync(sweepDue.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                tenant = Guid.Empty;
            }

            if (tenant == Guid.Empty)
            {
                await VisitEveryTenantAsync(stoppingToken);
            }
            else if (await IsServedAsync(tenant, stoppingToken))
            {
                await VisitTenantAsync(tenant, stoppingToken);
            }
        }

        await listening;
    }

    /// <summary>
    /// Holds one connection that LISTENs on <see cref="NotifyChannel"/> and passes each tenant told of
    /// on; when the connection is lost (the database restarting), it connects again after a pause
    /// and asks for a sweep, for what was queued meanwhile.
    /// </summary>
    private async Task ListenAsync(ChannelWriter<Guid> wakeUps, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await system.ListenAsync(
                    NotifyChannel,
                    payload =>
                    {
                        if (Guid.TryParse(payload, out var tenant))
                        {
                            wakeUps.TryWrite(tenant);
                        }
                    },
                    () => wakeUps.TryWrite(Guid.Empty),
                    stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Knowledge ingestion lost its notification connection; it listens again in {Pause}", ListenRetryPause);
                try
                {
                    await Task.Delay(ListenRetryPause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static readonly TimeSpan ListenRetryPause = TimeSpan.FromSeconds(5);

    /// <summary>A tenant's id when a job was queued there; <see cref="Guid.Empty"/> asks for a sweep of every tenant.</summary>
    private readonly Channel<Guid> wakeUps = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    private async Task VisitEveryTenantAsync(CancellationToken cancellationToken)
    {
        if (await RefreshTenantsAsync(cancellationToken))
        {
            foreach (var tenant in served)
            {
                await VisitTenantAsync(tenant, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whether the worker serves the tenant it was told of: the tenants with members, as a sweep
    /// visits (a tenant without sign-in accounts, such as the tests' own, is left to whoever runs
    /// its queue). A tenant not seen before is looked up once more: it may be new.
    /// </summary>
    private async Task<bool> IsServedAsync(Guid tenant, CancellationToken cancellationToken) =>
        served.Contains(tenant) || await RefreshTenantsAsync(cancellationToken) && served.Contains(tenant);

    private async Task<bool> RefreshTenantsAsync(CancellationToken cancellationToken)
    {
        try
        {
            served = [.. await system.TenantsAsync(cancellationToken)];
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Knowledge ingestion could not list the tenants; it tries again in {Interval}", SweepInterval);
            return false;
        }
    }

    private HashSet<Guid> served = [];

    /// <summary>Works a tenant's queue; a tenant with more than one turn's jobs goes to the back of the line, so others are not kept waiting.</summary>
    private async Task VisitTenantAsync(Guid tenant, CancellationToken cancellationToken)
    {
        const int turn = 20;
        try
        {
            if (await RunTenantAsync(tenant, turn, cancellationToken) == turn)
            {
                wakeUps.Writer.TryWrite(tenant);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Knowledge ingestion failed in tenant {TenantId}; it tries again in {Interval}", tenant, SweepInterval);
        }
    }

    private async Task<IngestionResult> IndexAsync(Guid tenantId, string kind, ClaimedJob job, CancellationToken cancellationToken)
    {
        var subjectId = job.SubjectId ?? throw new InvalidOperationException("An indexing job names no subject.");

        // What the subject says now, and the passages stored for it, in one snapshot.
        var plan = await system.RunAsync(tenantId, async (db, ct) =>
        {
            var subject = kind == DocumentKind
                ? await db.Set<KnowledgeDocument>().AsNoTracking().Where(d => d.Id == subjectId)
                    .Select(d => new Subject(d.Title, d.Content, d.DeletedAt != null)).SingleOrDefaultAsync(ct)
                : await db.Set<Artifact>().AsNoTracking().Where(a => a.Id == subjectId)
                    .Select(a => new Subject(a.Title, a.Content, a.DeletedAt != null)).SingleOrDefaultAsync(ct);
            var passages = subject is null || subject.Deleted ? []
                : kind == DocumentKind ? pipeline.ChunkDocument(subject.Content)
                : pipeline.ChunkArtifact(subject.Title, subject.Content);
            var texts = passages.Select(p => p.Content).ToArray();
            var hashes = texts.Length == 0 ? [] : await db.Database.SqlQuery<byte[]>(
                $"select agency.knowledge_content_hash(x.t) as \"Value\" from unnest({texts}) with ordinality as x (t, n) order by x.n").ToListAsync(ct);
            var stored = await StoredPassages(db, kind, subjectId)
                .Select(c => new StoredPassage(c.Id, c.ChunkIndex, c.ContentHash, c.EmbeddingModel, c.Embedding)).ToListAsync(ct);
            return new Plan(texts, hashes, stored);
        }, cancellationToken);

        var reusable = new Dictionary<string, float[]>();
        foreach (var s in plan.Stored.Where(s => s.Model == pipeline.Model))
        {
            reusable.TryAdd(Convert.ToHexString(s.Hash), s.Embedding.ToArray());
        }

        var missing = plan.Hashes.Select((h, i) => (Key: Convert.ToHexString(h), Text: plan.Texts[i]))
            .Where(p => !reusable.ContainsKey(p.Key)).DistinctBy(p => p.Key).ToList();
        await ProgressAsync(tenantId, job, 0, missing.Count, cancellationToken);
        var vectors = await pipeline.EmbedAsync(missing.Select(m => m.Text).ToList(),
            done => ProgressAsync(tenantId, job, done, missing.Count, cancellationToken), cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            reusable[missing[i].Key] = vectors[i];
        }

        // The passages written and the job ended together: a worker whose lease was taken writes nothing.
        var keys = plan.Hashes.Select(Convert.ToHexString).ToList();
        return await system.RunAsync(tenantId, async (db, ct) =>
        {
            var kept = plan.Stored.Where(s => s.Model == pipeline.Model && s.Index < keys.Count && keys[s.Index] == Convert.ToHexString(s.Hash))
                .Select(s => s.Index).ToHashSet();
            var stale = plan.Stored.Where(s => !kept.Contains(s.Index) || s.Model != pipeline.Model).Select(s => s.Id).ToList();
            await db.Set<KnowledgeChunk>().Where(c => stale.Contains(c.Id)).ExecuteDeleteAsync(ct);
            for (var i = 0; i < keys.Count; i++)
            {
                if (kept.Contains(i))
                {
                    continue;
                }

                db.Add(new KnowledgeChunk
                {
                    DocumentId = kind == DocumentKind ? subjectId : null,
                    ArtifactId = kind == ArtifactKind ? subjectId : null,
                    ChunkIndex = i,
                    Content = plan.Texts[i],
                    TokenCount = pipeline.CountTokens(plan.Texts[i]),
                    Embedding = new Vector(reusable[keys[i]]),
                    EmbeddingModel = pipeline.Model,
                });
            }

            await db.SaveChangesAsync(ct);
            var status = await db.Database.SqlQuery<string>(
                $"select agency.finish_job({job.Id}, {job.LeasedUntil}) as \"Value\"").SingleAsync(ct);
            return status is null ? throw new LeaseLostException() : new IngestionResult(job.Id, status, missing.Count, keys.Count - missing.Count, null);
        }, cancellationToken);
    }

    private static IQueryable<KnowledgeChunk> StoredPassages(WorkroomDbContext db, string kind, Guid subjectId) =>
        kind == DocumentKind
            ? db.Set<KnowledgeChunk>().AsNoTracking().Where(c => c.DocumentId == subjectId)
            : db.Set<KnowledgeChunk>().AsNoTracking().Where(c => c.ArtifactId == subjectId);

    private Task ProgressAsync(Guid tenantId, ClaimedJob job, int done, int total, CancellationToken cancellationToken) =>
        system.RunAsync(tenantId, (db, ct) => db.Database.ExecuteSqlAsync(
            $"update agency.jobs set progress_done = {done}, progress_total = {total} where id = {job.Id} and leased_until = {job.LeasedUntil}", ct),
            cancellationToken);

    private sealed class ClaimedJob
    {
        public Guid Id { get; init; }

        public Guid? SubjectId { get; init; }

        public DateTimeOffset LeasedUntil { get; init; }
    }

    private sealed record Subject(string Title, string Content, bool Deleted);

    private sealed record StoredPassage(Guid Id, int Index, byte[] Hash, string Model, Vector Embedding);

    private sealed record Plan(string[] Texts, List<byte[]> Hashes, List<StoredPassage> Stored);

    private sealed class LeaseLostException() : Exception("The job's lease ran out and another worker took it.");
}
