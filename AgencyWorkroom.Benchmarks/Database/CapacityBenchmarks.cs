using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Issue 15, the capacity screen's own services timed at the server (one unit of work each, as
/// the page calls them), as leadership (who may staff work and reads every person's logged hours):
/// 17a the grid of every active person × 12 weeks from this one, as the page's first render asks
/// for it (035): every matching person in display order, the cells of the first
/// CapacityFilter.FirstRows of them (agency.weekly_capacities for those people, approved time off,
/// the people's-week bookings summary, logged hours, bookings after a campaign's end), the week
/// totals of all of them (bookings summed from the summary's week index, capacity as one week's
/// figure for those whose capacity and time off do not change in the range), and the placeholders;
/// 17d the next rows as they scroll in (ICapacityQueries.RowsAsync, 40 people), 17b one allocation's hours changed with its version (the
/// people's-week summary moves in the same statement, 011's trigger), 17c four weeks allocated in
/// one go (an upsert of four rows and their summaries).
/// </summary>
public sealed class CapacityBenchmarks(BenchDatabase db, Sampler sampler)
{
    public async Task<List<BenchResult>> RunAsync(IConfiguration configuration)
    {
        var results = new List<BenchResult>();
        await using var leadership = new ScreenServices(configuration, db.Tenant.Id, db.Tenant.Leadership);
        var monday = Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today));
        var active = await db.ScalarAsync<long>("select count(*) from agency.employees where tenant_id = @tenant and active and deleted_at is null");

        var people = 0;
        var loaded = 0;
        var totalsCoverAll = true;
        CapacityGridDto? last = null;
        var grid = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
        {
            last = await leadership.CallAsync<ICapacityQueries, CapacityGridDto>(q => q.GridAsync(new CapacityFilter(monday)));
            people = last.People.Count;
            loaded = last.People.Count(p => p.Loaded);
            totalsCoverAll &= last.Totals.Count == CapacityFilter.DefaultWeeks && last.Totals.Sum(t => t.Available) > 0;
        }));
        results.Add(BenchResult.OfLatency("17a", "capacity grid", $"{people:N0} people × {CapacityFilter.DefaultWeeks} weeks", "p95 ≤ 50 ms", grid,
            new TargetCheck().AtMost("p95", grid.P95, 50, " ms").That(people == active, "every active person")
                .That(loaded == Math.Min(CapacityFilter.FirstRows, people), "the first rows' cells").That(totalsCoverAll, "week totals of everyone"),
            [$"ICapacityQueries.GridAsync as leadership: the people in display order, the cells of the first {CapacityFilter.FirstRows}, the week totals of all from the bookings summary (035)"]));

        // The rows that scroll in next: a window of 40 people further down.
        var window = last!.People.Skip(CapacityFilter.FirstRows + 200).Take(40).Select(p => p.EmployeeId).ToList();
        var scrolled = 0;
        var scroll = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            scrolled = (await leadership.CallAsync<ICapacityQueries, IReadOnlyList<CapacityRowDto>>(
                q => q.RowsAsync(new CapacityFilter(monday), window))).Count(r => r.Loaded)));
        results.Add(BenchResult.OfLatency("17d", "capacity grid: rows scrolled in", $"{window.Count} people × {CapacityFilter.DefaultWeeks} weeks", "p95 ≤ 50 ms",
            scroll, new TargetCheck().AtMost("p95", scroll.P95, 50, " ms").That(scrolled == window.Count, "every row's cells"),
            ["ICapacityQueries.RowsAsync as leadership: the cells of the people Virtualize asks for"]) with { FixedWorkload = true });

        // A person with no booking on a campaign in the weeks used, so the writes below start from nothing and are undone after.
        var campaign = await db.ScalarAsync<Guid>(
            """
            select c.id from agency.campaigns c
            where c.tenant_id = @tenant and c.deleted_at is null and c.status in ('planning', 'active', 'on_hold')
            order by c.end_date desc, c.id limit 1
            """);
        var person = db.Tenant.Creative;
        var first = monday.AddDays(7 * 20);
        async Task CleanAsync()
        {
            await using var delete = db.Maintenance.CreateCommand(
                "delete from agency.team_allocations where tenant_id = @tenant and employee_id = @person and campaign_id = @campaign and week_start_date >= @first");
            delete.Parameters.AddWithValue("tenant", db.Tenant.Id);
            delete.Parameters.AddWithValue("person", person);
            delete.Parameters.AddWithValue("campaign", campaign);
            delete.Parameters.AddWithValue("first", first);
            await delete.ExecuteNonQueryAsync();
        }

        await CleanAsync();
        try
        {
            AllocationForm Form(int weeks, int i) => new()
            {
                EmployeeId = person, CampaignId = campaign, FirstWeek = first, LastWeek = first.AddDays(7 * (weeks - 1)), HoursPerWeek = 4 + i % 8,
            };

            var saved = 0;
            var allocate = Percentiles.Summarize(await sampler.TimeAsync(
                async i => saved += (await leadership.CallAsync<ICapacityCommands, SaveResult>(c => c.AllocateAsync(Form(4, i)))).Succeeded ? 1 : 0,
                before: async i =>
                {
                    if (i % 2 == 0)
                    {
                        await CleanAsync();
                    }
                }));
            results.Add(BenchResult.OfLatency("17c", "allocation: four weeks at once", "1 person × 4 weeks", "p95 ≤ 30 ms", allocate,
                new TargetCheck().AtMost("p95", allocate.P95, 30, " ms").That(saved > 0, "allocations saved"),
                ["ICapacityCommands.AllocateAsync: one upsert of four rows; inserts and updates alternate; the summaries' trigger included"])
                with { FixedWorkload = true });

            AllocationDto? current = null;
            var edited = 0;
            var edit = Percentiles.Summarize(await sampler.TimeAsync(
                async i => edited += (await leadership.CallAsync<ICapacityCommands, SaveResult>(
                    c => c.UpdateAllocationAsync(current!.Id, current.Version, 1 + i % 30, i % 3 == 0))).Succeeded ? 1 : 0,
                before: async _ => current = (await leadership.CallAsync<ICapacityQueries, IReadOnlyList<AllocationDto>>(
                    q => q.AllocationsAsync(person, first, first))).Single(a => a.CampaignId == campaign)));
            results.Add(BenchResult.OfLatency("17b", "allocation edit, summaries included", "1 allocation", "p95 ≤ 30 ms", edit,
                new TargetCheck().AtMost("p95", edit.P95, 30, " ms").That(edited > 0, "edits saved"),
                ["ICapacityCommands.UpdateAllocationAsync with the version read before (untimed): read, update where xmin matches, the people's-week summary"])
                with { FixedWorkload = true });
        }
        finally
        {
            await CleanAsync();
        }

        return results;
    }
}
