using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Analytics;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Issue 15, the analytics screen's own services timed at the server (one unit of work each, as
/// the page calls them), as leadership (who sees money and everyone's time):
/// 19a profitability by client for the last twelve months (agency.analytics_profitability: the
/// campaign-week summaries of hours and money, direct costs, recognised fees and each campaign's
/// spend to date), 19b utilization by department per month for the same year
/// (agency.analytics_utilization: every person-week's capacity, time off, logged hours and target).
/// Not yet in Program.cs: hook in with
/// <c>await RunAsync(19, "analytics", async () => await new AnalyticsBenchmarks(db, sampler).RunAsync(configuration));</c>
/// </summary>
public sealed class AnalyticsBenchmarks(BenchDatabase db, Sampler sampler)
{
    public async Task<List<BenchResult>> RunAsync(IConfiguration configuration)
    {
        var results = new List<BenchResult>();
        await using var leadership = new ScreenServices(configuration, db.Tenant.Id, db.Tenant.Leadership);
        var year = AnalyticsPeriod.Of(PeriodPreset.Last12Months, DateOnly.FromDateTime(DateTime.Today));

        var clients = 0;
        var profit = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            clients = (await leadership.CallAsync<IAnalyticsQueries, IReadOnlyList<ProfitabilityRowDto>>(
                q => q.ProfitabilityAsync(new ProfitabilityQuery(year.From, year.To, ProfitDimensions.Client)))).Count));
        results.Add(BenchResult.OfLatency("19a", "profitability by client, a year", $"{clients:N0} clients, {year.From:yyyy-MM} to {year.To:yyyy-MM}",
            "p95 ≤ 100 ms", profit,
            new TargetCheck().AtMost("p95", profit.P95, 100, " ms").That(clients > 0, "clients with figures"),
            ["IAnalyticsQueries.ProfitabilityAsync as leadership: agency.analytics_profitability(from, to, 'client')"]));

        var rows = 0;
        var utilization = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            rows = (await leadership.CallAsync<IAnalyticsQueries, IReadOnlyList<UtilizationRowDto>>(
                q => q.UtilizationAsync(new UtilizationQuery(year.From, year.To, UtilizationGrains.Month, UtilizationGroups.Department)))).Count));
        results.Add(BenchResult.OfLatency("19b", "utilization by department per month, a year", $"{rows:N0} department-months",
            "(no target)", utilization, null,
            ["IAnalyticsQueries.UtilizationAsync as leadership: agency.analytics_utilization(from, to, 'month', 'department')"]));
        return results;
    }
}
