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

    /// <summary>
    /// #18e issue 14's autosave round trip: the editor's own save call (IArtifactCommands.SaveContentAsync,
    /// with the version it started from) of one artifact of 5,000 words, as the scale tenant's leadership,
    /// a word changed each time, as typing does; each save goes through the artifact_edit policy, the
    /// version trigger (one autosave version per author per burst, 028) and the search vector.
    /// Hook-in (Program.cs, the integrator's): <c>await RunAsync(18, "artifact-autosave", async () => [await new ArtifactBenchmarks(sampler).AutosaveAsync(screens, db)]);</c>
    /// </summary>
    public async Task<BenchResult> AutosaveAsync(ScreenServices screens, BenchDatabase db)
    {
        const int Words = 5_000;
        var id = await db.ScalarAsync<Guid>("select id from agency.artifacts where tenant_id = @tenant and deleted_at is null order by updated_at desc, id limit 1");
        var vocabulary = new[] { "harbour", "launch", "ferry", "dawn", "campaign", "poster", "radio", "budget", "film", "copy", "brand", "summer" };
        string Text(int round) => "# Long brief\n\n" + string.Join(' ', Enumerable.Range(0, Words).Select(i =>
            (i % 97 == 96 ? ".\n\n" : "") + (i == round % Words ? $"edit{round}" : vocabulary[i % vocabulary.Length])));
        var version = (await screens.CallAsync<IArtifactQueries, ArtifactDetailDto?>(q => q.GetAsync(id)))!.Version;
        version = (await screens.CallAsync<IArtifactCommands, ArtifactSaveOutcome>(c => c.SaveContentAsync(id, version, Text(0)))).Version;
        var round = 0;
        var refused = 0;
        var m = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
        {
            var text = Text(++round);
            var outcome = await screens.CallAsync<IArtifactCommands, ArtifactSaveOutcome>(c => c.SaveContentAsync(id, version, text));
            if (outcome.Saved)
            {
                version = outcome.Version;
            }
            else
            {
                refused++;
            }
        }));
        return BenchResult.OfLatency("18e", "artifact autosave round trip, 5,000 words", $"{Words:N0} words (~{Text(0).Length / 1024:N0} KB), a word changed each save",
            Target, m, new TargetCheck().AtMost("p95", m.P95, MaxP95Ms, " ms").That(refused == 0, "every save stored"),
            [$"IArtifactCommands.SaveContentAsync as leadership with the version it started from: policy, version burst trigger, search vector; {refused} refused"])
            with { FixedWorkload = true };
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
