namespace AgencyWorkroom.Data.Features.Campaigns;

/// <summary>What the campaign registry can be narrowed by; every field optional.</summary>
public sealed record CampaignFilter(
    string? Search = null,
    string? Status = null,
    Guid? ClientId = null,
    Guid? BrandId = null,
    string? Phase = null,
    DateOnly? ActiveFrom = null,
    DateOnly? ActiveTo = null,
    Guid? TeamMemberId = null);
