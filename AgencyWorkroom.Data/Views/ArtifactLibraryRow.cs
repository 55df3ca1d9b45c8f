namespace AgencyWorkroom.Data.Views;

/// <summary>A row of agency.v_artifact_library: an artifact with its campaign, client, owner and comment counts.</summary>
public sealed class ArtifactLibraryRow
{
    public Guid TenantId { get; init; }

    public Guid ArtifactId { get; init; }

    public string Title { get; init; } = "";

    public string ArtifactType { get; init; } = "";

    public string Status { get; init; } = "";

    public string ContentPreview { get; init; } = "";

    public string[] Tags { get; init; } = [];

    public int CurrentVersion { get; init; }

    public Guid CampaignId { get; init; }

    public string CampaignCode { get; init; } = "";

    public string CampaignName { get; init; } = "";

    public Guid ClientId { get; init; }

    public string ClientName { get; init; } = "";

    public Guid? BrandId { get; init; }

    public Guid OwnerId { get; init; }

    public string OwnerName { get; init; } = "";

    public long CommentCount { get; init; }

    public long OpenCommentCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
