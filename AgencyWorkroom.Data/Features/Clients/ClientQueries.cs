using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Clients;

public interface IClientQueries
{
    Task<Page<Client360Row>> ListAsync(ClientFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every row the filter selects, in the list's order, for export (capped).</summary>
    Task<List<Client360Row>> ExportAsync(ClientFilter filter, PageRequest order, CancellationToken cancellationToken = default);

    /// <summary>The sectors clients are in, for the list's filter.</summary>
    Task<List<string>> SectorsAsync(CancellationToken cancellationToken = default);

    /// <summary>The client page; null when there is no such client (or row-level security hides it).</summary>
    Task<ClientDetailDto?> GetAsync(Guid clientId, CancellationToken cancellationToken = default);

    Task<ClientForm?> GetFormAsync(Guid clientId, CancellationToken cancellationToken = default);
}

/// <summary>Clients from agency.v_client_360 and their brands, campaigns and documents, under the caller's policies.</summary>
public sealed class ClientQueries(UnitOfWork unitOfWork) : IClientQueries
{
    public const int ExportLimit = 50_000;

    public static readonly SortColumns<Client360Row> Sort = new SortColumns<Client360Row>("name")
        .Add("code", c => c.Code)
        .Add("name", c => c.Name)
        .Add("sector", c => c.Sector)
        .Add("status", c => c.Status)
        .Add("brands", c => c.BrandCount)
        .Add("active", c => c.ActiveCampaignCount)
        .Add("budget", c => c.TotalBudget)
        .Add("spent", c => c.BudgetSpentPct)
        .Add("quarter", c => c.HoursThisQuarter)
        .Add("activity", c => c.LastActivityAt)
        .Add("margin", c => c.Margin);

    public Task<Page<Client360Row>> ListAsync(ClientFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => Filtered(db, filter).ToPageAsync(q => Ordered(q, page), page, ct), cancellationToken);

    public Task<List<Client360Row>> ExportAsync(ClientFilter filter, PageRequest order, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => Ordered(Filtered(db, filter), order).Take(ExportLimit).ToListAsync(ct), cancellationToken);

    public Task<List<string>> SectorsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => db.Set<Client>()
            .Where(c => c.DeletedAt == null && c.Sector != null)
            .Select(c => c.Sector!).Distinct().OrderBy(s => s)
            .ToListAsync(ct), cancellationToken);

    public Task<ClientDetailDto?> GetAsync(Guid clientId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var summary = await db.Set<Client360Row>().AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
            if (summary is null)
            {
                return null;
            }

            var notes = await db.Set<Client>().Where(c => c.Id == clientId).Select(c => c.Notes).SingleAsync(ct);
            var campaigns = await db.Set<CampaignOverviewRow>().AsNoTracking()
                .Where(c => c.ClientId == clientId)
                .OrderByDescending(c => c.StartDate).ThenBy(c => c.CampaignId)
                .ToListAsync(ct);
            var brands = await db.Set<Brand>()
                .Where(b => b.ClientId == clientId && b.DeletedAt == null)
                .OrderBy(b => b.Name)
                .Select(b => new BrandDto(b.Id, b.Code, b.Name, b.Description, 0, b.Version))
                .ToListAsync(ct);
            var artifacts = await db.Set<ArtifactLibraryRow>().AsNoTracking()
                .Where(a => a.ClientId == clientId)
                .OrderByDescending(a => a.UpdatedAt)
                .Take(50)
                .ToListAsync(ct);
            var knowledge = await db.Set<KnowledgeDocument>()
                .Where(k => k.ClientId == clientId && k.DeletedAt == null)
                .OrderBy(k => k.Title)
                .Select(k => new KnowledgeDocumentDto(k.Id, k.Title, k.DocType, k.UpdatedAt))
                .ToListAsync(ct);
            return new ClientDetailDto(
                summary,
                notes,
                [.. brands.Select(b => b with { CampaignCount = campaigns.Count(c => c.BrandId == b.Id) })],
                campaigns,
                artifacts,
                knowledge,
                ProfitByBrand(campaigns));
        }, cancellationToken);

    public Task<ClientForm?> GetFormAsync(Guid clientId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => db.Set<Client>()
            .Where(c => c.Id == clientId && c.DeletedAt == null)
            .Select(c => new ClientForm
            {
                Id = c.Id,
                Version = c.Version,
                Code = c.Code,
                Name = c.Name,
                Sector = c.Sector,
                Status = c.Status,
                Website = c.Website,
                PrimaryContactName = c.PrimaryContactName,
                PrimaryContactEmail = c.PrimaryContactEmail,
                Notes = c.Notes,
            })
            .SingleOrDefaultAsync(ct), cancellationToken);

    // Sums of the view's money: null stays null (SUM of nulls), so a role without finance sees "—".
    private static List<BrandProfitDto> ProfitByBrand(IEnumerable<CampaignOverviewRow> campaigns) =>
    [
        .. campaigns
            .GroupBy(c => (c.BrandId, c.BrandName))
            .OrderBy(g => g.Key.BrandName ?? "")
            .Select(g => new BrandProfitDto(
                g.Key.BrandId,
                g.Key.BrandName ?? "No brand",
                g.Count(),
                g.Select(c => c.Revenue).SumOrNull(),
                g.Select(c => c.TotalCost).SumOrNull(),
                g.Select(c => c.Margin).SumOrNull())),
    ];

    // The id breaks ties, so pages never repeat or skip a row.
    private static IOrderedQueryable<Client360Row> Ordered(IQueryable<Client360Row> query, PageRequest request) =>
        Sort.Apply(query, request).ThenBy(c => c.ClientId);

    private static IQueryable<Client360Row> Filtered(WorkroomDbContext db, ClientFilter filter)
    {
        var query = db.Set<Client360Row>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = SearchPattern.Contains(filter.Search);
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.Code, pattern, SearchPattern.Escape));
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            query = query.Where(c => c.Status == filter.Status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Sector))
        {
            query = query.Where(c => c.Sector == filter.Sector);
        }

        return query;
    }
}
