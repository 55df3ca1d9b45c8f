namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.artifact_versions: a snapshot of an artifact, written by its triggers.</summary>
public sealed class ArtifactVersion : AuditedEntity
{
    public Guid ArtifactId { get; set; }

    public int VersionNumber { get; set; }

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public string? ChangeSummary { get; set; }
}
