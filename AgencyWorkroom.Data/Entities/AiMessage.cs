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

    /// <summary>A JSON array of the figures the answer used, as the tools returned them (040): every number an answer shows is one of these.</summary>
    public string Figures { get; set; } = "[]";

    /// <summary>What the question was routed to (a tool's name, or knowledge), for the assistant's own answers.</summary>
    public string? Intent { get; set; }

    public string? Model { get; set; }

    public int? PromptTokens { get; set; }

    public int? CompletionTokens { get; set; }
}
