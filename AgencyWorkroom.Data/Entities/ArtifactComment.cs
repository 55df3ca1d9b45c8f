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

    public DateTimeOffset? DeletedAt { get; set; }
}
