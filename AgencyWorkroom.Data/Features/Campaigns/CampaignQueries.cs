using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Campaigns;

public interface ICampaignQueries
{
    Task<Page<CampaignOverviewRow>> ListAsync(CampaignFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every row the filter selects, in the list's order, for export (capped).</summary>
    Task<List<CampaignOverviewRow>> ExportAsync(CampaignFilter filter, PageRequest order, CancellationToken cancellationToken = default);

    /// <summary>The campaign page; null when there is no such campaign (or row-level security hides it).</summary>
    Task<CampaignDetailDto?> GetAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <summary>The campaign as its edit form holds it; null when there is no such campaign.</summary>
    Task<CampaignForm?> GetFormAsync(Guid campaignId, CancellationToken cancellationToken = default);

    /// <summary>Clients, brands, people and earlier campaigns, for filters and forms.</summary>
    Task<CampaignOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);
}

/// <summary>The campaign registry, from agency.v_campaign_overview under the caller's policies.</summary>
public sealed partial class CampaignQueries(UnitOfWork unitOfWork) : ICampaignQueries
{
    public const int ExportLimit = 50_000;

    public static readonly SortColumns<CampaignOverviewRow> Sort = new SortColumns<CampaignOverviewRow>("start", defaultDescending: true)
        .Add("code", c => c.Code)
        .Add("name", c => c.Name)
        .Add("client", c => c.ClientName)
        .Add("status", c => c.Status)
        .Add("start", c => c.StartDate)
        .Add("end", c => c.EndDate)
        .Add("budget", c => c.BudgetAmount)
        .Add("hours", c => c.TotalHours)
        .Add("spent", c => c.BudgetSpentPct)
        .Add("margin", c => c.Margin)
        .Add("health", c => c.Health);

    public Task<Page<CampaignOverviewRow>> ListAsync(CampaignFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => Filtered(db, filter).ToPageAsync(q => Ordered(q, page), page, ct), cancellationToken);

    public Task<List<CampaignOverviewRow>> ExportAsync(CampaignFilter filter, PageRequest order, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => Ordered(Filtered(db, filter), order).Take(ExportLimit).ToListAsync(ct), cancellationToken);

    // The id breaks ties, so pages never repeat or skip a row.
    private static IOrderedQueryable<CampaignOverviewRow> Ordered(IQueryable<CampaignOverviewRow> query, PageRequest request) =>
        Sort.Apply(query, request).ThenBy(c => c.CampaignId);

    private static IQueryable<CampaignOverviewRow> Filtered(WorkroomDbContext db, CampaignFilter filter)
    {
        var query = db.Set<CampaignOverviewRow>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = SearchPattern.Contains(filter.Search);
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.Code, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.ClientName, pattern, SearchPattern.Escape));
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            query = query.Where(c => c.Status == filter.Status);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(c => c.ClientId == client);
        }

        if (filter.BrandId is { } brand)
        {
            query = query.Where(c => c.BrandId == brand);
        }

        if (!string.IsNullOrWhiteSpace(filter.Phase))
        {
            query = query.Where(c => c.CurrentPhase == filter.Phase);
        }

        // Campaigns running at any time in the range: they start before it ends and end after it starts.
        if (filter.ActiveFrom is { } from)
        {
            query = query.Where(c => c.EndDate >= from);
        }

        if (filter.ActiveTo is { } to)
        {
            query = query.Where(c => c.StartDate <= to);
        }

        if (filter.TeamMemberId is { } member)
        {
            query = query.Where(c => db.Set<Entities.CampaignTeamMember>().Any(t => t.CampaignId == c.CampaignId && t.EmployeeId == member));
        }

        return query;
    }
}
