using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Rates;

public interface IRateQueries
{
    /// <summary>The agency's currency and every period of every rate: nothing for roles the rate tables' policies refuse.</summary>
    Task<RatesOverviewDto> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>People, open campaigns, clients and card roles, for the screen's pickers.</summary>
    Task<RatePickersDto> PickersAsync(CancellationToken cancellationToken = default);

    /// <summary>Which rate applies to the person on the campaign on the day, and where each figure came from (<c>agency.rate_for</c>).</summary>
    Task<RateLookupDto> LookupAsync(Guid employeeId, Guid campaignId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The audit trail of rates, newest first: who changed which rate, when, from what to what, and why.</summary>
    Task<IReadOnlyList<RateHistoryDto>> HistoryAsync(int limit = 200, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Rates screen's reads. Every figure comes through row-level security: for anyone but
/// finance and leadership the rate tables, the lookup and the audit trail are empty, because the
/// database's policies say so (022, 020), not because this class asks who is calling.
/// </summary>
public sealed class RateQueries(UnitOfWork unitOfWork) : IRateQueries
{
    /// <summary>The audit log's names for the rate tables (020, 022).</summary>
    public static readonly string[] RateEntities = ["rate_card", "employee_rate", "client_rate_override", "campaign_rate_override"];

    public Task<RatesOverviewDto> LoadAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var currency = await CurrencyAsync(db, ct);
            var cards = await db.Set<RateCard>().AsNoTracking()
                .OrderBy(c => c.RoleName).ThenByDescending(c => c.EffectiveFrom)
                .Select(c => new RatePeriodDto(c.Id, RateTable.RateCards, null, c.RoleName, c.RoleName, c.BillRate, c.CostRate,
                    c.Currency ?? currency, c.EffectiveFrom, c.EffectiveTo, null))
                .ToListAsync(ct);
            var people = await db.Set<EmployeeRate>().AsNoTracking()
                .Join(db.Set<Employee>(), r => r.EmployeeId, e => e.Id, (r, e) => new { r, e.FullName })
                .GroupJoin(db.Set<RateCard>(), x => x.r.RateCardId, c => c.Id, (x, c) => new { x.r, x.FullName, c })
                .SelectMany(x => x.c.DefaultIfEmpty(), (x, c) => new { x.r, x.FullName, Role = c == null ? null : c.RoleName })
                .OrderBy(x => x.FullName).ThenByDescending(x => x.r.EffectiveFrom)
                .Select(x => new RatePeriodDto(x.r.Id, RateTable.EmployeeRates, x.r.EmployeeId, x.FullName, x.Role, x.r.BillRate, x.r.CostRate,
                    x.r.Currency ?? currency, x.r.EffectiveFrom, x.r.EffectiveTo, null))
                .ToListAsync(ct);
            var clients = await db.Set<ClientRateOverride>().AsNoTracking()
                .Join(db.Set<Client>(), o => o.ClientId, c => c.Id, (o, c) => new { o, c.Name })
                .Select(x => new RatePeriodDto(x.o.Id, RateTable.ClientOverrides, x.o.ClientId, x.Name, x.o.RoleName, x.o.BillRate, null,
                    x.o.Currency ?? currency, x.o.EffectiveFrom, x.o.EffectiveTo, x.o.Note))
                .ToListAsync(ct);
            var campaigns = await db.Set<CampaignRateOverride>().AsNoTracking()
                .Join(db.Set<Campaign>(), o => o.CampaignId, c => c.Id, (o, c) => new { o, Name = c.Code + " " + c.Name })
                .Select(x => new RatePeriodDto(x.o.Id, RateTable.CampaignOverrides, x.o.CampaignId, x.Name, x.o.RoleName, x.o.BillRate, null,
                    x.o.Currency ?? currency, x.o.EffectiveFrom, x.o.EffectiveTo, x.o.Note))
                .ToListAsync(ct);
            var overrides = campaigns.Concat(clients)
                .OrderBy(o => o.Table).ThenBy(o => o.Subject).ThenBy(o => o.RoleName).ThenByDescending(o => o.EffectiveFrom)
                .ToList();
            return new RatesOverviewDto(currency, cards, people, overrides);
        }, cancellationToken);

    public Task<RatePickersDto> PickersAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var people = await db.Set<Employee>().AsNoTracking()
                .Where(e => e.Active && e.DeletedAt == null)
                .OrderBy(e => e.FullName).Select(e => new OptionDto(e.Id, e.FullName)).ToListAsync(ct);
            var campaigns = await db.Set<Campaign>().AsNoTracking()
                .Where(c => c.DeletedAt == null && c.Status != "cancelled")
                .OrderBy(c => c.Code).Select(c => new OptionDto(c.Id, c.Code + " " + c.Name)).ToListAsync(ct);
            var clients = await db.Set<Client>().AsNoTracking()
                .Where(c => c.DeletedAt == null)
                .OrderBy(c => c.Name).Select(c => new OptionDto(c.Id, c.Name)).ToListAsync(ct);
            // The card a person's period names: the latest period of each role.
            var cards = (await db.Set<RateCard>().AsNoTracking()
                    .OrderBy(c => c.RoleName).ThenByDescending(c => c.EffectiveFrom)
                    .Select(c => new OptionDto(c.Id, c.RoleName)).ToListAsync(ct))
                .DistinctBy(c => c.Name).ToList();
            return new RatePickersDto(people, campaigns, clients, cards);
        }, cancellationToken);

    public Task<RateLookupDto> LookupAsync(Guid employeeId, Guid campaignId, DateOnly day, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var currency = await CurrencyAsync(db, ct);
            var row = await db.Database.SqlQuery<RateForRow>($"""
                select r.bill_rate, r.bill_source, r.bill_source_id, r.cost_rate, r.cost_source, r.cost_source_id, r.role_name
                from agency.rate_for(agency.current_tenant_id(), {employeeId}, {campaignId}, {day}) r
                """).SingleAsync(ct);
            return new RateLookupDto(row.BillRate, row.BillSource, row.BillSourceId, row.CostRate, row.CostSource, row.CostSourceId,
                row.RoleName, currency);
        }, cancellationToken);

    public Task<IReadOnlyList<RateHistoryDto>> HistoryAsync(int limit = 200, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<RateHistoryDto>>(async (db, ct) => (await db.Database.SqlQuery<HistoryRow>($"""
            select a.id, a.occurred_at, e.full_name as actor_name, a.actor_role, a.entity, a.entity_id, a.action, a.reason,
                   a.old_values::text as old_values, a.new_values::text as new_values
            from agency.audit_log a
            left join agency.employees e on e.tenant_id = a.tenant_id and e.id = a.actor_id
            where a.entity = any ({RateEntities})
            order by a.occurred_at desc, a.id desc
            limit {Math.Clamp(limit, 1, 1000)}
            """).ToListAsync(ct))
            .Select(h => new RateHistoryDto(h.Id, h.OccurredAt, h.ActorName, h.ActorRole, h.Entity, h.EntityId, h.Action, h.Reason,
                h.OldValues, h.NewValues))
            .ToList(), cancellationToken);

    /// <summary>The tenant's one currency (every member reads the tenant's row).</summary>
    internal static Task<string> CurrencyAsync(WorkroomDbContext db, CancellationToken ct) =>
        db.Set<Tenant>().AsNoTracking().Select(t => t.DefaultCurrency).SingleAsync(ct);

    private sealed class RateForRow
    {
        public decimal? BillRate { get; init; }

        public string? BillSource { get; init; }

        public Guid? BillSourceId { get; init; }

        public decimal? CostRate { get; init; }

        public string? CostSource { get; init; }

        public Guid? CostSourceId { get; init; }

        public string? RoleName { get; init; }
    }

    private sealed class HistoryRow
    {
        public long Id { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public string? ActorName { get; init; }

        public string? ActorRole { get; init; }

        public string Entity { get; init; } = "";

        public Guid? EntityId { get; init; }

        public string Action { get; init; } = "";

        public string? Reason { get; init; }

        public string? OldValues { get; init; }

        public string? NewValues { get; init; }
    }
}
