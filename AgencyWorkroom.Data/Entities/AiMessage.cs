namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.ai_messages: one message of a conversation.</summary>
public sealed class AiMessage : AuditedEntity
{
    public Guid ConversationId { get; set; }

    /// <summary>user, assistant, system or tool.</summary>
    public string Role { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>A JSON array: <c>[{"chunk_id": ..., "document_id": ..., "title": ..., "similarity": ...}, ...]</c>.</summary>
    public string Citations { get; set; } = "[]";

    public string? Model { get; set; }

    public int? PromptTokens { get; set; }

    public int? CompletionTokens { get; set; }
}
