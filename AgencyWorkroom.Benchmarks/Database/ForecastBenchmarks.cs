using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Analytics;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Issue 15, the forward forecast (034) timed at the server as the forecast panel calls it, as
/// leadership: IForecastQueries.GetAsync for 12 months from today, tentative work counted, no client
/// filter. Two units of work at once: agency.revenue_forecast (every allocation of the year, priced
/// by agency.rate_for once per person, campaign and rate interval, plus the fees) and
/// agency.capacity_forecast (every active person's weeks, net of time off). The baseline is the
/// same call for 3 months, in the same run.
/// </summary>
public sealed class ForecastBenchmarks(BenchDatabase db, Sampler sampler)
{
    public async Task<List<BenchResult>> RunAsync(IConfiguration configuration)
    {
        await using var leadership = new ScreenServices(configuration, db.Tenant.Id, db.Tenant.Leadership);
        var allocations = await db.ScalarAsync<long>(
            "select count(*) from agency.team_allocations where tenant_id = @tenant and week_start_date >= current_date - 6 and week_start_date < current_date + 366");

        ForecastDto? year = null;
        var twelve = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            year = await leadership.CallAsync<IForecastQueries, ForecastDto>(q => q.GetAsync(12, includeTentative: true))));
        var three = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            await leadership.CallAsync<IForecastQueries, ForecastDto>(q => q.GetAsync(3, includeTentative: true))));

        var booked = year?.Months.Sum(m => m.AllocatedHours) ?? 0;
        return
        [
            BenchResult.OfLatency("20", "forecast: 12 months", $"{allocations:N0} allocations, {year?.Clients.Count ?? 0:N0} clients, 12 months", "p95 ≤ 200 ms", twelve,
                new TargetCheck().AtMost("p95", twelve.P95, 200, " ms")
                    .That(year is { ShowsMoney: true, Months.Count: 12 }, "12 months with money")
                    .That(allocations == 0 || booked > 0, "the allocations are in it"),
                ["IForecastQueries.GetAsync(12, tentative) as leadership: agency.revenue_forecast and agency.capacity_forecast, one unit of work each, at once"],
                three, "3 months"),
        ];
    }
}
