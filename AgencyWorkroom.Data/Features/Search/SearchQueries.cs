using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Search;

public interface ISearchQueries
{
    /// <summary>Clients, brands and campaigns whose name or code contains the text, and artifacts whose words begin with its words; a few of each.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int perKind = 5, CancellationToken cancellationToken = default);
}

/// <summary>The app bar's global search. Row-level security decides what it can find, as everywhere.</summary>
public sealed class SearchQueries(UnitOfWork unitOfWork) : ISearchQueries
{
    public const int MinimumLength = 2;

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int perKind = 5, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < MinimumLength)
        {
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        }

        var pattern = SearchPattern.Contains(text);
        return unitOfWork.RunAsync<IReadOnlyList<SearchHit>>(async (db, ct) =>
        {
            var clients = await db.Set<Client>()
                .Where(c => c.DeletedAt == null && (EF.Functions.ILike(c.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.Code, pattern, SearchPattern.Escape)))
                .OrderBy(c => c.Name).Take(perKind)
                .Select(c => new SearchHit(SearchKind.Client, c.Id, c.Name, c.Code, null))
                .ToListAsync(ct);
            var brands = await db.Set<Brand>()
                .Where(b => b.DeletedAt == null && (EF.Functions.ILike(b.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(b.Code, pattern, SearchPattern.Escape)))
                .Join(db.Set<Client>(), b => b.ClientId, c => c.Id, (b, c) => new { Brand = b, ClientName = c.Name })
                .OrderBy(x => x.Brand.Name).Take(perKind)
                .Select(x => new SearchHit(SearchKind.Brand, x.Brand.Id, x.Brand.Name, x.ClientName, x.Brand.ClientId))
                .ToListAsync(ct);
            var campaigns = await db.Set<CampaignOverviewRow>()
                .Where(c => EF.Functions.ILike(c.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.Code, pattern, SearchPattern.Escape))
                .OrderByDescending(c => c.StartDate).Take(perKind)
                .Select(c => new SearchHit(SearchKind.Campaign, c.CampaignId, c.Name, c.Code + " · " + c.ClientName, null))
                .ToListAsync(ct);
            // Artifacts by full-text search over their title and content, as the library searches,
            // each word matched by its beginning while the person types; best ranked first.
            var words = PrefixSearch.ToTsQuery(text);
            var artifacts = words is null ? [] : await (
                    from a in db.Set<ArtifactLibraryRow>()
                    join x in db.Set<Artifact>() on a.ArtifactId equals x.Id
                    where x.SearchVector.Matches(EF.Functions.ToTsQuery(ArtifactQueries.TextSearchConfig, words))
                    orderby x.SearchVector.RankCoverDensity(EF.Functions.ToTsQuery(ArtifactQueries.TextSearchConfig, words)) descending,
                        a.UpdatedAt descending, a.ArtifactId
                    select new SearchHit(SearchKind.Artifact, a.ArtifactId, a.Title, a.CampaignName, a.CampaignId))
                .Take(perKind)
                .ToListAsync(ct);
            return [.. clients, .. brands, .. campaigns, .. artifacts];
        }, cancellationToken);
    }
}
