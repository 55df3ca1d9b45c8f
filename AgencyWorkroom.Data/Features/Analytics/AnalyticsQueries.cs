using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Analytics;

public interface IAnalyticsQueries
{
    /// <summary>Utilization per group and week or month (agency.analytics_utilization).</summary>
    Task<IReadOnlyList<UtilizationRowDto>> UtilizationAsync(UtilizationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Profitability per client, brand, campaign, department or person (agency.analytics_profitability).</summary>
    Task<IReadOnlyList<ProfitabilityRowDto>> ProfitabilityAsync(ProfitabilityQuery query, CancellationToken cancellationToken = default);

    /// <summary>What finance bills each client for a period: approved billable time by campaign, person, role
    /// and rate, and approved expenses (agency.invoice_lines). Refused for anyone else, by the database.</summary>
    Task<InvoiceLines> InvoiceLinesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>The filters' choices, the tenant's currency and whether the caller sees money.</summary>
    Task<AnalyticsOptionsDto> OptionsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The analytics screen's reads. Every figure is the database's (033): the rules of capacity,
/// target, earned value, recognised fees, cost and projection live there once, and money arrives
/// NULL for a role that may not see it. This class only passes the period and filters through.
/// </summary>
public sealed class AnalyticsQueries(UnitOfWork unitOfWork) : IAnalyticsQueries
{
    public Task<IReadOnlyList<UtilizationRowDto>> UtilizationAsync(UtilizationQuery query, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<UtilizationRowDto>>(async (db, ct) =>
        {
            var grain = UtilizationGrains.All.Contains(query.Grain) ? query.Grain : UtilizationGrains.Week;
            var group = UtilizationGroups.All.Contains(query.Group) ? query.Group : UtilizationGroups.Department;
            var rows = await db.Database.SqlQuery<UtilizationRow>($"""
                select * from agency.analytics_utilization({query.From}, {query.To}, {grain}, {group},
                                                           {query.Department}, {query.Role}, {query.EmployeeId})
                """).ToListAsync(ct);
            return rows.Select(r => new UtilizationRowDto(
                r.GroupKey, r.GroupLabel, r.Department, r.AgencyRole, r.PeriodStart, r.People, r.CapacityHours, r.TotalHours,
                r.BillableHours, r.TargetHours, r.UtilizationPct, r.BillableUtilizationPct, r.TargetPct)).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<ProfitabilityRowDto>> ProfitabilityAsync(ProfitabilityQuery query, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ProfitabilityRowDto>>(async (db, ct) =>
        {
            var dimension = ProfitDimensions.All.Contains(query.Dimension) ? query.Dimension : ProfitDimensions.Client;
            var rows = await db.Database.SqlQuery<ProfitabilityRow>($"""
                select * from agency.analytics_profitability({query.From}, {query.To}, {dimension}, {query.ClientId})
                """).ToListAsync(ct);
            return rows.Select(r => new ProfitabilityRowDto(
                r.GroupKey, r.GroupLabel, r.ClientName, r.CampaignCount, r.TotalHours, r.BillableHours, r.EarnedValue,
                r.RecognisedRevenue, r.LaborCost, r.DirectCost, r.Cost, r.Margin, r.MarginPct, r.RecognisedMargin,
                r.RecognisedMarginPct, r.Budget, r.SpendToDate, r.ProjectedAtCompletion)).ToList();
        }, cancellationToken);

    public async Task<InvoiceLines> InvoiceLinesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                var rows = await db.Database.SqlQuery<InvoiceLineDto>($"select * from agency.invoice_lines({from}, {to})").ToListAsync(ct);
                return new InvoiceLines(from, to, rows);
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return InvoiceLines.Refused(from, to);
        }
    }

    public Task<AnalyticsOptionsDto> OptionsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var people = db.Set<Employee>().AsNoTracking().Where(e => e.DeletedAt == null);
            var departments = await people.Where(e => e.Department != null).Select(e => e.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
            var roles = await people.Select(e => e.AgencyRole).Distinct().OrderBy(r => r).ToListAsync(ct);
            var clients = await db.Set<Client>().AsNoTracking().Where(c => c.DeletedAt == null).OrderBy(c => c.Name)
                .Select(c => new OptionDto(c.Id, c.Name)).ToListAsync(ct);
            var context = await db.Database.SqlQuery<ContextRow>($"""
                select t.default_currency::text as currency, agency.can_see_financials() as sees_money
                from agency.tenants t where t.id = agency.current_tenant_id()
                """).SingleAsync(ct);
            return new AnalyticsOptionsDto(departments, roles, clients, context.Currency, context.SeesMoney);
        }, cancellationToken);

    // Column names follow the snake_case convention, as for the mapped views.
    private sealed class UtilizationRow
    {
        public string GroupKey { get; init; } = "";
        public string GroupLabel { get; init; } = "";
        public string? Department { get; init; }
        public string? AgencyRole { get; init; }
        public DateOnly PeriodStart { get; init; }
        public int People { get; init; }
        public decimal CapacityHours { get; init; }
        public decimal TotalHours { get; init; }
        public decimal BillableHours { get; init; }
        public decimal TargetHours { get; init; }
        public decimal? UtilizationPct { get; init; }
        public decimal? BillableUtilizationPct { get; init; }
        public decimal? TargetPct { get; init; }
    }

    private sealed class ProfitabilityRow
    {
        public string GroupKey { get; init; } = "";
        public string GroupLabel { get; init; } = "";
        public string? ClientName { get; init; }
        public int? CampaignCount { get; init; }
        public decimal TotalHours { get; init; }
        public decimal BillableHours { get; init; }
        public decimal? EarnedValue { get; init; }
        public decimal? RecognisedRevenue { get; init; }
        public decimal? LaborCost { get; init; }
        public decimal? DirectCost { get; init; }
        public decimal? Cost { get; init; }
        public decimal? Margin { get; init; }
        public decimal? MarginPct { get; init; }
        public decimal? RecognisedMargin { get; init; }
        public decimal? RecognisedMarginPct { get; init; }
        public decimal? Budget { get; init; }
        public decimal? SpendToDate { get; init; }
        public decimal? ProjectedAtCompletion { get; init; }
    }

    private sealed class ContextRow
    {
        public string Currency { get; init; } = "";
        public bool SeesMoney { get; init; }
    }
}
