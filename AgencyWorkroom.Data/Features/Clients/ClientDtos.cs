using System.ComponentModel.DataAnnotations;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Data.Features.Clients;

/// <summary>What the client list can be narrowed by; every field optional.</summary>
public sealed record ClientFilter(string? Search = null, string? Status = null, string? Sector = null);

/// <summary>A brand of a client; <see cref="Version"/> goes into its edit form.</summary>
public sealed record BrandDto(Guid Id, string Code, string Name, string? Description, int CampaignCount, uint Version);

public sealed record KnowledgeDocumentDto(Guid Id, string Title, string DocType, DateTimeOffset UpdatedAt);

/// <summary>A brand's campaigns summed; the money is null where the view returned null (roles without finance).</summary>
public sealed record BrandProfitDto(Guid? BrandId, string BrandName, int CampaignCount, decimal? Revenue, decimal? Cost, decimal? Margin)
{
    public decimal? MarginPct => Revenue is > 0 && Margin is { } margin ? Math.Round(margin / Revenue.Value, 4) : null;
}

/// <summary>Everything the client page shows.</summary>
public sealed record ClientDetailDto(
    Client360Row Summary,
    string? Notes,
    IReadOnlyList<BrandDto> Brands,
    IReadOnlyList<CampaignOverviewRow> Campaigns,
    IReadOnlyList<ArtifactLibraryRow> Artifacts,
    IReadOnlyList<KnowledgeDocumentDto> Knowledge,
    IReadOnlyList<BrandProfitDto> ProfitByBrand);

/// <summary>The client statuses, in the order the screens list them.</summary>
public static class ClientStatuses
{
    public static readonly string[] All = ["prospect", "active", "inactive", "archived"];
}
