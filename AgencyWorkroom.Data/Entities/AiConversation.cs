namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.ai_conversations: one person's conversation with the assistant; only they see it.</summary>
public sealed class AiConversation : AuditedEntity
{
    /// <summary>The person (agency.employees.id) whose conversation this is; the session's person when left empty.</summary>
    public Guid UserId { get; set; }

    public string Title { get; set; } = "New conversation";

    public DateTimeOffset? DeletedAt { get; set; }
}
