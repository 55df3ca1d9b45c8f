using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Pgvector;

namespace AgencyWorkroom.Data.Features.Assistant;

/// <summary>A passage as <c>agency.search_knowledge</c> returns it (snake_case columns).</summary>
public sealed class PassageRow
{
    public Guid ChunkId { get; init; }

    public Guid DocumentId { get; init; }

    public int ChunkIndex { get; init; }

    public string Content { get; init; } = "";

    public string DocumentTitle { get; init; } = "";

    public string DocType { get; init; } = "";

    public Guid? ClientId { get; init; }

    public Guid? CampaignId { get; init; }

    public double Similarity { get; init; }
}

public interface IKnowledgeRetrieval
{
    /// <summary>The best passages for an embedded question, best first, among what the asker may read.</summary>
    Task<IReadOnlyList<PassageRow>> SearchAsync(ReadOnlyMemory<float> question, string questionText, int count, CancellationToken cancellationToken = default);
}

/// <summary>
/// The assistant's one way to the knowledge base, inside the asker's unit of work (what they may
/// not read is never retrieved). Today: <c>agency.search_knowledge</c> (005/016), vector only; the
/// question's text is passed so a hybrid search (vector and full text fused) can replace the call here alone.
/// </summary>
public sealed class KnowledgeRetrieval(UnitOfWork unitOfWork) : IKnowledgeRetrieval
{
    /// <summary>Passages less similar than this are not worth quoting.</summary>
    public const double MinSimilarity = 0.25;

    public Task<IReadOnlyList<PassageRow>> SearchAsync(ReadOnlyMemory<float> question, string questionText, int count, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<PassageRow>>(async (db, ct) =>
        {
            var embedding = new Vector(question);
            return await db.Database.SqlQuery<PassageRow>($"""
                select chunk_id, document_id, chunk_index, content, document_title, doc_type, client_id, campaign_id, similarity
                from agency.search_knowledge({embedding}, {MinSimilarity}, {count}, cast({"{}"} as jsonb))
                """).ToListAsync(ct);
        }, cancellationToken);
}

/// <summary>Where a citation leads. One place, so the knowledge screen's routes are named once here.</summary>
public static class AssistantLinks
{
    public static string Campaign(Guid id) => $"/campaigns/{id}";

    public static string Client(Guid id) => $"/clients/{id}";

    public static string Document(Guid documentId, int chunkIndex) => $"/knowledge/{documentId}#passage-{chunkIndex}";

    public static string Utilization(Guid? employeeId) =>
        employeeId is { } id ? $"/analytics?view=utilization&grain=month&group=person&person={id}" : "/analytics?view=utilization&grain=month";

    public const string Dashboard = "/";
    public const string Approvals = "/timesheets/approvals";

    public static string Capacity(DateOnly monday) => $"/capacity?from={monday:yyyy-MM-dd}";
}
