namespace AgencyWorkroom.Data.Features.Knowledge;

/// <summary>The knowledge list's filters, as the URL holds them.</summary>
public sealed record KnowledgeFilter(string? Search = null, string? Scope = null, string? Tag = null, string? Status = null);

/// <summary>Where a document stands in the index: its latest indexing job, or none.</summary>
public static class IndexStatus
{
    public const string Queued = "queued";
    public const string Embedding = "embedding";
    public const string Ready = "ready";
    public const string Failed = "failed";

    /// <summary>Indexed before the queue existed (the seed), or never: passages or none.</summary>
    public const string NotIndexed = "not_indexed";

    public static string Of(string? jobStatus, int passages) => jobStatus switch
    {
        "queued" => Queued,
        "running" => Embedding,
        "done" => Ready,
        "failed" => Failed,
        _ => passages > 0 ? Ready : NotIndexed,
    };
}

public sealed class KnowledgeDocumentRow
{
    public Guid Id { get; init; }

    public string Title { get; init; } = "";

    public string DocType { get; init; } = "";

    public string Scope { get; init; } = "";

    public string? ScopeName { get; init; }

    public bool TeamOnly { get; init; }

    public string[] Tags { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public int Passages { get; init; }

    public string Status { get; init; } = "";

    public int? ProgressDone { get; init; }

    public int? ProgressTotal { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }
}

public sealed class KnowledgeDocumentDetail
{
    public Guid Id { get; init; }

    public uint Version { get; init; }

    public string Title { get; init; } = "";

    public string DocType { get; init; } = "";

    public Guid? ClientId { get; init; }

    public Guid? CampaignId { get; init; }

    public bool TeamOnly { get; init; }

    public string[] Tags { get; init; } = [];

    public string Content { get; init; } = "";
}
