namespace AgencyWorkroom.Data.Entities;

/// <summary>
/// agency.jobs: durable background work, enqueued by a person and worked by the tenant's system
/// actor (018), claimed through <c>agency.claim_jobs</c> and ended through <c>agency.finish_job</c>.
/// </summary>
public sealed class Job : AuditedEntity
{
    /// <summary>What the work is (embed_document, say); the worker that claims that kind knows the payload.</summary>
    public string Kind { get; set; } = "";

    /// <summary>JSON the worker reads.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>queued, running, done or failed.</summary>
    public string Status { get; set; } = "queued";

    public int Attempts { get; set; }

    public DateTimeOffset RunAfter { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>The row the job is about (a knowledge document, an artifact), when it is about one (039).</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>How far the running attempt got: <see cref="ProgressDone"/> of <see cref="ProgressTotal"/>.</summary>
    public int? ProgressDone { get; set; }

    public int? ProgressTotal { get; set; }
}
