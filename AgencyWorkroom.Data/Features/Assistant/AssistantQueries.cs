using System.Text.Json;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Assistant;

public interface IAssistantQueries
{
    /// <summary>The asker's conversations, latest first (policy: only their own).</summary>
    Task<IReadOnlyList<ConversationDto>> ConversationsAsync(int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>A conversation's messages in order; empty when it is not the asker's.</summary>
    Task<IReadOnlyList<AssistantMessageDto>> MessagesAsync(Guid conversationId, CancellationToken cancellationToken = default);

    /// <summary>Campaigns, clients and people the question may name, best first, among what the asker may see.</summary>
    Task<IReadOnlyList<NameCandidate>> ResolveNamesAsync(string question, CancellationToken cancellationToken = default);
}

/// <summary>Conversations and messages from agency.ai_conversations / ai_messages, and names by trigram similarity (040).</summary>
public sealed class AssistantQueries(UnitOfWork unitOfWork) : IAssistantQueries
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Task<IReadOnlyList<ConversationDto>> ConversationsAsync(int limit = 50, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ConversationDto>>(async (db, ct) => await db.Set<AiConversation>().AsNoTracking()
            .Where(c => c.DeletedAt == null)
            .OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new ConversationDto(c.Id, c.Title, c.UpdatedAt))
            .ToListAsync(ct), cancellationToken);

    public Task<IReadOnlyList<AssistantMessageDto>> MessagesAsync(Guid conversationId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<AssistantMessageDto>>(async (db, ct) =>
        {
            var rows = await db.Set<AiMessage>().AsNoTracking()
                .Where(m => m.ConversationId == conversationId && (m.Role == "user" || m.Role == "assistant"))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Role == "assistant")
                .ToListAsync(ct);
            return rows.Select(ToDto).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<NameCandidate>> ResolveNamesAsync(string question, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<NameCandidate>>(async (db, ct) => await ResolveAsync(db, question, ct), cancellationToken);

    internal static async Task<IReadOnlyList<NameCandidate>> ResolveAsync(WorkroomDbContext db, string question, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<NameRow>($"""
            select kind, id, name, score from agency.assistant_resolve_names({question})
            """).ToListAsync(ct);
        return rows.Select(r => new NameCandidate(r.Kind, r.Id, r.Name, r.Score)).ToList();
    }

    internal static AssistantMessageDto ToDto(AiMessage m)
    {
        // ai_messages.citations is an array (005); "did you mean" candidates ride in it as entries of kind "candidate".
        var items = JsonSerializer.Deserialize<List<JsonElement>>(m.Citations, Json) ?? [];
        static bool IsCandidate(JsonElement i) => i.TryGetProperty("kind", out var k) && k.GetString() == Candidate;
        return new AssistantMessageDto(
            m.Id, m.Role, m.Content, m.Intent,
            JsonSerializer.Deserialize<List<AssistantFigure>>(m.Figures, Json) ?? [],
            items.Where(i => !IsCandidate(i)).Select(i => i.Deserialize<AssistantCitation>(Json)!).ToList(),
            items.Where(IsCandidate).Select(i => new NameCandidate(i.GetProperty("candidate_kind").GetString()!, i.GetProperty("id").GetGuid(),
                i.GetProperty("name").GetString()!, (float)i.GetProperty("score").GetDouble())).ToList(),
            m.Model, m.CreatedAt);
    }

    internal const string Candidate = "candidate";

    /// <summary>The citations and the candidates as ai_messages.citations keeps them.</summary>
    internal static string CitationsJson(IReadOnlyList<AssistantCitation> citations, IReadOnlyList<NameCandidate> candidates) =>
        JsonSerializer.Serialize(
            citations.Select(c => (object)c).Concat(candidates.Select(c => new { Kind = Candidate, CandidateKind = c.Kind, c.Id, c.Name, c.Score })),
            Json);

    private sealed class NameRow
    {
        public string Kind { get; init; } = "";

        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public float Score { get; init; }
    }
}
