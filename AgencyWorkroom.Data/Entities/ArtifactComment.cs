namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.artifact_comments: a comment on an artifact, or a reply to one.</summary>
public sealed class ArtifactComment : AuditedEntity
{
    public Guid ArtifactId { get; set; }

    public Guid? ParentCommentId { get; set; }

    /// <summary>The session's person when left empty.</summary>
    public Guid AuthorId { get; set; }

    public string Body { get; set; } = "";

    public bool Resolved { get; set; }

    /// <summary>Who resolved it and when (036; kept by the check_comment trigger).</summary>
    public Guid? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The passage the comment was made on, as it read then (036).</summary>
    public string? QuoteText { get; set; }

    /// <summary>Where the passage began in the artifact's Markdown then (0-based), when found there.</summary>
    public int? QuoteStart { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
