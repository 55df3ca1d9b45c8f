using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Analytics;

public interface IForecastQueries
{
    Task<ForecastDto> GetAsync(ForecastRequest request, CancellationToken cancellationToken = default);

    /// <summary>The panel's three questions: how far ahead, tentative work in or out, and for which client.</summary>
    Task<ForecastDto> GetAsync(int months, bool includeTentative, Guid? clientId = null, CancellationToken cancellationToken = default) =>
        GetAsync(new ForecastRequest(months, includeTentative, clientId), cancellationToken);
}

/// <summary>
/// The forward forecast, from agency.revenue_forecast and agency.capacity_forecast (034, decision
/// 017): every figure is reckoned in SQL, under the caller's row-level security; money is null
/// there for roles that may not see it. This class only lays the rows out by month and by client.
/// </summary>
public sealed class ForecastQueries(UnitOfWork unitOfWork) : IForecastQueries
{
    /// <remarks>
    /// Two units of work at once, each on its own connection: revenue prices every allocation and
    /// capacity reckons every person's weeks, and neither needs the other (each reads its own
    /// snapshot; a forecast is an estimate, not a ledger).
    /// </remarks>
    public async Task<ForecastDto> GetAsync(ForecastRequest request, CancellationToken cancellationToken = default)
    {
        var from = request.From ?? DateOnly.FromDateTime(DateTime.Today);
        var months = request.Horizon;
        var tentative = request.IncludeTentative;
        var client = request.ClientId;

        var revenue = unitOfWork.RunAsync(async (db, ct) =>
        {
            var rows = await db.Database.SqlQuery<RevenueRow>($"""
                select f.month_start, f.client_id, c.name as client_name, f.allocated_hours, f.placeholder_hours,
                       f.time_revenue, f.fee_revenue, f.revenue, f.cost, f.margin, f.unpriced_hours
                from agency.revenue_forecast({from}, {months}, {tentative}) f
                join agency.clients c on c.tenant_id = (select agency.current_tenant_id()) and c.id = f.client_id
                where {client}::uuid is null or f.client_id = {client}::uuid
                """).ToListAsync(ct);
            var facts = await db.Database.SqlQuery<FactsRow>($"""
                select t.default_currency as currency, agency.can_see_financials() as shows_money
                from agency.tenants t where t.id = (select agency.current_tenant_id())
                """).SingleAsync(ct);
            return (Rows: rows, Facts: facts);
        }, cancellationToken);
        var capacity = unitOfWork.RunAsync((db, ct) => db.Database.SqlQuery<CapacityRow>($"""
            select month_start, capacity_hours, free_hours, sellable_hours
            from agency.capacity_forecast({from}, {months}, {tentative})
            """).ToListAsync(ct), cancellationToken);
        await Task.WhenAll(revenue, capacity);

        var (rows, facts) = await revenue;
        var money = facts.ShowsMoney;
        var byMonth = rows.ToLookup(r => r.MonthStart);
        var capacityByMonth = (await capacity).ToDictionary(c => c.MonthStart);
        var first = new DateOnly(from.Year, from.Month, 1);
        var monthList = Enumerable.Range(0, months).Select(i =>
        {
            var month = first.AddMonths(i);
            var lines = byMonth[month].ToList();
            var room = capacityByMonth.GetValueOrDefault(month);
            return new ForecastMonthDto(
                month, lines.Sum(l => l.AllocatedHours), lines.Sum(l => l.PlaceholderHours),
                Money(money, lines.Select(l => l.TimeRevenue)), Money(money, lines.Select(l => l.FeeRevenue)),
                Money(money, lines.Select(l => l.Revenue)), Money(money, lines.Select(l => l.Cost)),
                Money(money, lines.Select(l => l.Margin)), Money(money, lines.Select(l => l.UnpricedHours)),
                room?.CapacityHours ?? 0, room?.FreeHours ?? 0, room?.SellableHours ?? 0);
        }).ToList();
        var clients = rows.GroupBy(r => (r.ClientId, r.ClientName))
            .Select(g => new ForecastClientDto(
                g.Key.ClientId, g.Key.ClientName, g.Sum(l => l.AllocatedHours), g.Sum(l => l.PlaceholderHours),
                Money(money, g.Select(l => l.TimeRevenue)), Money(money, g.Select(l => l.FeeRevenue)),
                Money(money, g.Select(l => l.Revenue)), Money(money, g.Select(l => l.Cost)), Money(money, g.Select(l => l.Margin))))
            .OrderByDescending(c => c.Revenue ?? 0).ThenByDescending(c => c.AllocatedHours + c.PlaceholderHours).ThenBy(c => c.ClientName)
            .ToList();
        return new ForecastDto(request with { Months = months, From = from }, from, facts.Currency, money, monthList, clients);
    }

    // A sum of what SQL returned, kept null where SQL withheld it (never 0 for a role without money).
    private static decimal? Money(bool shown, IEnumerable<decimal?> amounts) => shown ? amounts.Sum(a => a ?? 0) : null;

    private sealed class RevenueRow
    {
        public DateOnly MonthStart { get; init; }
        public Guid ClientId { get; init; }
        public string ClientName { get; init; } = "";
        public decimal AllocatedHours { get; init; }
        public decimal PlaceholderHours { get; init; }
        public decimal? TimeRevenue { get; init; }
        public decimal? FeeRevenue { get; init; }
        public decimal? Revenue { get; init; }
        public decimal? Cost { get; init; }
        public decimal? Margin { get; init; }
        public decimal? UnpricedHours { get; init; }
    }

    private sealed class CapacityRow
    {
        public DateOnly MonthStart { get; init; }
        public decimal CapacityHours { get; init; }
        public decimal FreeHours { get; init; }
        public decimal SellableHours { get; init; }
    }

    private sealed class FactsRow
    {
        public string Currency { get; init; } = "";
        public bool ShowsMoney { get; init; }
    }
}
