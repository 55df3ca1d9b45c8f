using AgencyWorkroom.Benchmarks.Harness;
using AgencyWorkroom.Data.Features.Assistant;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Paging;
using Microsoft.Extensions.Configuration;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// Issue 16, the assistant's answer without a chat model (question to composed answer, server
/// side, not stored), as leadership: the question embedded (MiniLM), its intent by nearest
/// example, names by trigram similarity (040), then the tool (the screen's own service) or the
/// knowledge base. Questions cycle through a campaign's budget, a client's campaigns, utilization
/// and a knowledge question. Baseline in the same run: the campaign page's own read, which the
/// budget answer makes. Target p95 ≤ 150 ms at x20 with 100k chunks.
/// Not yet in Program.cs: hook in with
/// <c>await RunAsync(21, "assistant", async () => await new AssistantBenchmarks(db, sampler).RunAsync(configuration));</c>
/// </summary>
public sealed class AssistantBenchmarks(BenchDatabase db, Sampler sampler)
{
    public async Task<List<BenchResult>> RunAsync(IConfiguration configuration)
    {
        await using var leadership = new ScreenServices(configuration, db.Tenant.Id, db.Tenant.Leadership);
        var campaign = (await leadership.CallAsync<ICampaignQueries, Page<Data.Views.CampaignOverviewRow>>(
            q => q.ListAsync(new CampaignFilter(Status: "active"), new PageRequest(0, 1, "name")))).Items.Single();
        string[] questions =
        [
            $"How much of the budget of {campaign.Name} is spent?",
            $"What campaigns are active for {campaign.ClientName}?",
            "What was the team's utilization last month?",
            "What is our process for vendor quotes?",
        ];
        // The examples are embedded once per process; the first question must not pay for them here.
        await leadership.CallAsync<IntentClassifier, bool>(async c =>
        {
            await c.WarmUpAsync();
            return true;
        });

        var next = 0;
        var answered = 0;
        var answers = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
        {
            var question = questions[next++ % questions.Length];
            var answer = await leadership.CallAsync<AssistantCommands, ComposedAnswer>(
                a => a.ComposeAsync(question, AssistantPageContext.None, null, CancellationToken.None));
            answered += answer.Figures.Count + answer.Citations.Count > 0 ? 1 : 0;
        }));
        var page = Percentiles.Summarize(await sampler.TimeAsync(async _ =>
            await leadership.CallAsync<ICampaignQueries, CampaignDetailDto?>(q => q.GetAsync(campaign.CampaignId))));
        return
        [
            BenchResult.OfLatency("21", "assistant answer without a chat model", $"{questions.Length} questions in turn, as leadership",
                "p95 ≤ 150 ms", answers,
                new TargetCheck().AtMost("p95", answers.P95, 150, " ms").That(answered > 0, "answers with figures or passages"),
                ["AssistantCommands.ComposeAsync: embed, intent, agency.assistant_resolve_names, one tool or agency.search_knowledge"],
                page, "the campaign page's read (ICampaignQueries.GetAsync)"),
        ];
    }
}
