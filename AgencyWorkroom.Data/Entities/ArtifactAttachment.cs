namespace AgencyWorkroom.Data.Entities;

/// <summary>
/// agency.artifact_attachments (053): an image of an artifact, its type what its first bytes say.
/// Written and read by <c>Features/Artifacts/ArtifactAttachment*</c> in SQL (the bytes never pass
/// through the change tracker); mapped so that the model covers every table.
/// </summary>
public sealed class ArtifactAttachment : TenantEntity
{
    public Guid ArtifactId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    /// <summary>Generated from the content's length.</summary>
    public int ByteSize { get; private set; }

    public byte[]? Thumbnail { get; set; }

    public string? ThumbnailType { get; set; }

    public Guid CreatedBy { get; set; }
}
