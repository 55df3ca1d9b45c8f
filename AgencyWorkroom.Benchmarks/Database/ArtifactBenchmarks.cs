using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.Search;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Issue 14's library targets, through the screen's own service as the leadership person of the
/// scale tenant (who reads every artifact, so every match is ranked): the library's first page
/// with its count, and full-text searches of a word in about 1 % of the artifacts and of one in
/// about 20 %, each a first page of 25 with snippets, plus the top bar's artifact search.
/// Hook-in (Program.cs, the integrator's): <c>await RunAsync(20, "artifacts", async () => await new ArtifactBenchmarks(sampler).RunAsync(screens, db));</c>
/// </summary>
public sealed class ArtifactBenchmarks(Sampler sampler)
{
    private const string Target = "p95 ≤ 50 ms";
    private const double MaxP95Ms = 50;

    public async Task<List<BenchResult>> RunAsync(ScreenServices screens, BenchDatabase db)
    {
        var artifacts = await db.ScalarAsync<long>("select count(*) from agency.artifacts where tenant_id = @tenant and deleted_at is null");
        // Words by how many artifacts hold them, from the search vectors themselves (once, as maintenance).
        string WordSql(double share) =>
            $"""
            select word from ts_stat('select search_vector from agency.artifacts where tenant_id = ''{db.Tenant.Id}''')
            where word ~ '^[a-z][a-z][a-z][a-z]+$' order by abs(ndoc - {share.ToString(System.Globalization.CultureInfo.InvariantCulture)} * {artifacts}), word limit 1
            """;
        var rare = await db.ScalarAsync<string>(WordSql(0.01));
        var common = await db.ScalarAsync<string>(WordSql(0.20));

        var results = new List<BenchResult>
        {
            await PageAsync("18a", "artifact library: ListAsync, first page and count", $"25 of {artifacts:N0} artifacts", screens, new ArtifactFilter(),
                "IArtifactQueries.ListAsync as leadership, default filters and order (updated, newest first)"),
            await PageAsync("18b", "artifact search: a word in ~1 % of artifacts", $"\"{rare}\" in {artifacts:N0} artifacts", screens, new ArtifactFilter(Search: rare),
                "IArtifactQueries.ListAsync with a search: websearch_to_tsquery, ts_rank_cd order, count ahead, ts_headline for the page's 25"),
            await PageAsync("18c", "artifact search: a word in ~20 % of artifacts", $"\"{common}\" in {artifacts:N0} artifacts", screens, new ArtifactFilter(Search: common),
                "the same; every match is ranked before the first page is known"),
        };

        var hits = 0;
        var topBar = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            hits = await screens.CallAsync<ISearchQueries, int>(async s => (await s.SearchAsync(rare[..^1])).Count)));
        results.Add(BenchResult.OfLatency("18d", "top bar search (clients, brands, campaigns, artifacts)", $"\"{rare[..^1]}\", 5 of each kind", Target, topBar,
            new TargetCheck().AtMost("p95", topBar.P95, MaxP95Ms, " ms"), [$"ISearchQueries.SearchAsync as leadership: {hits} hits; artifacts by prefix tsquery"])
            with { FixedWorkload = true });
        return results;
    }

    private async Task<BenchResult> PageAsync(string id, string name, string workload, ScreenServices screens, ArtifactFilter filter, string note)
    {
        var total = 0;
        var more = false;
        var m = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
        {
            var page = await screens.CallAsync<IArtifactQueries, Page<ArtifactListItem>>(q => q.ListAsync(filter, new PageRequest()));
            total = page.TotalCount;
            more = page.MoreThanCounted;
        }));
        return BenchResult.OfLatency(id, name, workload, Target, m, new TargetCheck().AtMost("p95", m.P95, MaxP95Ms, " ms"),
            [$"{note}; {(more ? "more than " : "")}{total:N0} rows counted"]) with { FixedWorkload = true };
    }
}
