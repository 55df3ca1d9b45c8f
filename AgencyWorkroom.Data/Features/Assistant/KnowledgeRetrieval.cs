using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Pgvector;

namespace AgencyWorkroom.Data.Features.Assistant;

/// <summary>A passage as <c>agency.search_hybrid</c> (or <c>search_passages</c>) returns it (snake_case columns).</summary>
public sealed class PassageRow
{
    public Guid ChunkId { get; init; }

    /// <summary>The document the passage is from; null for an artifact's passage.</summary>
    public Guid? DocumentId { get; init; }

    /// <summary>The artifact the passage is from; null for a document's passage.</summary>
    public Guid? ArtifactId { get; init; }

    public int ChunkIndex { get; init; }

    public string Content { get; init; } = "";

    public string DocumentTitle { get; init; } = "";

    public string DocType { get; init; } = "";

    public Guid? ClientId { get; init; }

    public Guid? CampaignId { get; init; }

    public double Similarity { get; init; }

    /// <summary>Where a citation of this passage leads: the document at the passage, or the artifact.</summary>
    public string Href => ArtifactId is { } artifact ? AssistantLinks.Artifact(artifact) : AssistantLinks.Document(DocumentId ?? Guid.Empty, ChunkIndex);
}

/// <summary>How passages are found: vector similarity alone, or fused with full-text rank (the default).</summary>
public enum RetrievalMode
{
    Hybrid,
    VectorOnly,
}

public interface IKnowledgeRetrieval
{
    /// <summary>The best passages for a question (its text and its embedding), best first, among what the asker may read.</summary>
    Task<IReadOnlyList<PassageRow>> SearchAsync(ReadOnlyMemory<float> question, string questionText, int count, CancellationToken cancellationToken = default);

    /// <summary>The search in either mode (the evaluation compares them); <paramref name="minSimilarity"/> 0 keeps every row found.</summary>
    Task<IReadOnlyList<PassageRow>> SearchAsync(ReadOnlyMemory<float> question, string questionText, int count, RetrievalMode mode,
        double minSimilarity, CancellationToken cancellationToken = default);
}

/// <summary>
/// The assistant's one way to the knowledge base, inside the asker's unit of work (what they may
/// not read is never retrieved): <c>agency.search_hybrid</c> (047), vector similarity and
/// full-text rank fused by reciprocal rank fusion, so names, codes and rare words are found too.
/// A passage found by the vector side alone must be at least <see cref="MinSimilarity"/> similar;
/// one the text side found is kept whatever its similarity (it shares words with the question).
/// </summary>
public sealed class KnowledgeRetrieval(UnitOfWork unitOfWork) : IKnowledgeRetrieval
{
    /// <summary>Passages less similar than this (and not found by their words) are not worth quoting.</summary>
    public const double MinSimilarity = 0.25;

    public Task<IReadOnlyList<PassageRow>> SearchAsync(ReadOnlyMemory<float> question, string questionText, int count, CancellationToken cancellationToken = default) =>
        SearchAsync(question, questionText, count, RetrievalMode.Hybrid, MinSimilarity, cancellationToken);

    public Task<IReadOnlyList<PassageRow>> SearchAsync(ReadOnlyMemory<float> question, string questionText, int count, RetrievalMode mode,
        double minSimilarity, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<PassageRow>>(async (db, ct) =>
        {
            var embedding = new Vector(question);
            var filters = "{}";
            return mode == RetrievalMode.VectorOnly
                ? await db.Database.SqlQuery<PassageRow>($"""
                    select chunk_id, document_id, artifact_id, chunk_index, content, document_title, doc_type, client_id, campaign_id, similarity
                    from agency.search_passages({embedding}, {minSimilarity}, {count}, cast({filters} as jsonb))
                    """).ToListAsync(ct)
                : await db.Database.SqlQuery<PassageRow>($"""
                    select chunk_id, document_id, artifact_id, chunk_index, content, document_title, doc_type, client_id, campaign_id, similarity
                    from agency.search_hybrid({questionText}, {embedding}, {count}, cast({filters} as jsonb))
                    where similarity >= {minSimilarity} or text_rank is not null
                    """).ToListAsync(ct);
        }, cancellationToken);
}

/// <summary>Where a citation leads. One place, so the knowledge screen's routes are named once here.</summary>
public static class AssistantLinks
{
    public static string Campaign(Guid id) => $"/campaigns/{id}";

    public static string Client(Guid id) => $"/clients/{id}";

    public static string Document(Guid documentId, int chunkIndex) => $"/knowledge/{documentId}#passage-{chunkIndex}";

    public static string Artifact(Guid artifactId) => $"/artifacts/{artifactId}";

    public static string Utilization(Guid? employeeId) =>
        employeeId is { } id ? $"/analytics?view=utilization&grain=month&group=person&person={id}" : "/analytics?view=utilization&grain=month";

    public const string Dashboard = "/";
    public const string Approvals = "/timesheets/approvals";

    public static string Capacity(DateOnly monday) => $"/capacity?from={monday:yyyy-MM-dd}";
}
