namespace AgencyWorkroom.Data.Features.Search;

/// <summary>What a search hit is; the screens decide where each leads.</summary>
public enum SearchKind
{
    Client,
    Brand,
    Campaign,
    Artifact,
}

/// <param name="Id">The hit's own id.</param>
/// <param name="ParentId">The client of a brand, the campaign of an artifact; null otherwise.</param>
public sealed record SearchHit(SearchKind Kind, Guid Id, string Title, string? Detail, Guid? ParentId = null);
