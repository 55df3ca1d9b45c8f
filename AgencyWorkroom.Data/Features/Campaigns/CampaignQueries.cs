using AgencyWorkroom.Data.Entities;
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

/// <summary>
/// The campaign registry, from agency.v_campaign_overview under the caller's policies; the
/// campaign page and the campaign form. The money comes as the views and functions return it:
/// null unless the caller is finance or leadership, decided in SQL. Raw SQL results map to their
/// row types by the snake_case naming convention, like the mapped views.
/// </summary>
public sealed class CampaignQueries(UnitOfWork unitOfWork) : ICampaignQueries
{
    public const int ExportLimit = 50_000;

    public const int TemplatesOffered = 200;
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

    public Task<CampaignDetailDto?> GetAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var overview = await db.Set<CampaignOverviewRow>().AsNoTracking().SingleOrDefaultAsync(c => c.CampaignId == campaignId, ct);
            if (overview is null)
            {
                return null;
            }

            var phases = await db.Set<CampaignPhase>()
                .Where(p => p.CampaignId == campaignId)
                .OrderBy(p => p.SortOrder).ThenBy(p => p.StartDate)
                .Select(p => new PhaseDto(p.Id, p.PhaseType, p.Name, p.SortOrder, p.Status, p.StartDate, p.EndDate, p.BudgetAmount, p.Version))
                .ToListAsync(ct);
            var team = await db.Set<CampaignTeamMember>()
                .Where(t => t.CampaignId == campaignId)
                .Join(db.Set<Employee>(), t => t.EmployeeId, e => e.Id, (t, e) => new { t.TeamRole, e.Id, e.FullName, e.Title })
                .OrderBy(t => t.TeamRole).ThenBy(t => t.FullName)
                .Select(t => new TeamMemberDto(t.Id, t.FullName, t.Title, t.TeamRole))
                .ToListAsync(ct);
            var expenses = await db.Database.SqlQuery<ExpenseCategoryRow>($"""
                select category, line_count, total_amount, currency::text as currency, last_expense_date
                from agency.get_campaign_expenses({campaignId})
                """).ToListAsync(ct);
            var equipment = await db.Database.SqlQuery<EquipmentRow>($"""
                select equipment_name, asset_tag, checked_out_at, returned_at, days_out, equipment_cost
                from agency.get_campaign_equipment({campaignId})
                """).ToListAsync(ct);
            var quote = (await db.Database.SqlQuery<QuoteRow>($"""
                select q.quote_number, q.vendor_name, q.status,
                       case when agency.can_see_financials() then q.amount end as amount
                from agency.campaigns c
                join procure.project_quotes q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id
                where c.id = {campaignId}
                """).ToListAsync(ct)).SingleOrDefault();
            var timesheets = await db.Set<TimesheetSummaryByCampaignRow>().AsNoTracking()
                .Where(t => t.CampaignId == campaignId)
                .OrderBy(t => t.WeekStartDate)
                .ToListAsync(ct);
            var artifacts = await db.Set<ArtifactLibraryRow>().AsNoTracking()
                .Where(a => a.CampaignId == campaignId)
                .OrderByDescending(a => a.UpdatedAt)
                .ToListAsync(ct);
            return new CampaignDetailDto(overview, phases, team, expenses, equipment, quote, timesheets,
                await BurnAsync(db, campaignId, ct), artifacts);
        }, cancellationToken);

    public Task<CampaignForm?> GetFormAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var campaign = await db.Set<Campaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId && c.DeletedAt == null, ct);
            return campaign is null ? null : new CampaignForm
            {
                Id = campaign.Id,
                Version = campaign.Version,
                ClientId = campaign.ClientId,
                BrandId = campaign.BrandId,
                Code = campaign.Code,
                Name = campaign.Name,
                Description = campaign.Description,
                Status = campaign.Status,
                BudgetType = campaign.BudgetType,
                BudgetAmount = campaign.BudgetAmount,
                Currency = campaign.Currency,
                BillableByDefault = campaign.BillableByDefault,
                StartDate = campaign.StartDate.ToDateTime(TimeOnly.MinValue),
                EndDate = campaign.EndDate.ToDateTime(TimeOnly.MinValue),
                AlertThresholds = CampaignForm.FormatThresholds(campaign.AlertThresholds),
            };
        }, cancellationToken);

    public Task<CampaignOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var clients = await db.Set<Client>()
                .Where(c => c.DeletedAt == null && c.Status != "archived")
                .OrderBy(c => c.Name)
                .Select(c => new OptionDto(c.Id, c.Name))
                .ToListAsync(ct);
            var brands = await db.Set<Brand>()
                .Where(b => b.DeletedAt == null)
                .OrderBy(b => b.Name)
                .Select(b => new BrandOptionDto(b.Id, b.ClientId, b.Name))
                .ToListAsync(ct);
            var people = await db.Set<Employee>()
                .Where(e => e.Active && e.DeletedAt == null)
                .OrderBy(e => e.FullName)
                .Select(e => new OptionDto(e.Id, e.FullName))
                .ToListAsync(ct);
            var templates = await db.Set<Campaign>()
                .Where(c => c.DeletedAt == null)
                .OrderByDescending(c => c.StartDate).ThenBy(c => c.Code)
                .Take(TemplatesOffered)
                .Select(c => new CampaignOptionDto(c.Id, c.Code, c.Name))
                .ToListAsync(ct);
            return new CampaignOptionsDto(clients, brands, people, templates);
        }, cancellationToken);

    // Spend by week, cumulative: the lines agency.campaign_spend_lines counts, the one definition
    // v_campaign_overview.spend and the health summary use too.
    private static Task<List<BurnPointRow>> BurnAsync(WorkroomDbContext db, Guid campaignId, CancellationToken ct) =>
        db.Database.SqlQuery<BurnPointRow>($"""
            select l.week_start_date as week_start,
                   case when agency.can_see_financials() then sum(sum(l.amount)) over (order by l.week_start_date) end as cumulative_spend
            from agency.campaign_spend_lines l
            where l.tenant_id = agency.current_tenant_id() and l.campaign_id = {campaignId}
            group by l.week_start_date
            order by l.week_start_date
            """).ToListAsync(ct);
}
