namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.artifact_templates: the agency's starting text for a kind of artifact (037); admins keep them.</summary>
public sealed class ArtifactTemplate : AuditedEntity, IVersionedEntity
{
    public uint Version { get; set; }

    public string ArtifactType { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Markdown.</summary>
    public string Content { get; set; } = "";
}
