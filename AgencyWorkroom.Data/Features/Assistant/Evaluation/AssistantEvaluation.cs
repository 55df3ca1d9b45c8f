using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Data.Session;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Assistant.Evaluation;

/// <summary>Recall@5 and MRR@10 of one retrieval mode over the knowledge questions.</summary>
public sealed record RetrievalScore(string Mode, int Questions, double RecallAt5, double Mrr);

/// <summary>What one labelled question gave.</summary>
public sealed record QuestionOutcome(
    string Id, string Kind, string Tenant, string Role, string Question, bool Passed, string Detail,
    int? VectorRank = null, int? HybridRank = null);

/// <summary>The evaluation's result: what <c>./workroom eval</c> prints and writes, and what the test asserts.</summary>
public sealed record EvaluationReport(
    DateTimeOffset RanAt,
    RetrievalScore Vector,
    RetrievalScore Hybrid,
    int Figures,
    int FiguresExact,
    int Refusals,
    int RefusalsRight,
    int OtherTenant,
    int OtherTenantEmpty,
    IReadOnlyList<string> Leaks,
    IReadOnlyList<QuestionOutcome> Outcomes,
    double Seconds)
{
    /// <summary>The bar the suite holds: hybrid recall@5 at least this.</summary>
    public const double MinRecallAt5 = 0.85;

    public bool Passes => Hybrid.RecallAt5 >= MinRecallAt5 && FiguresExact == Figures && Leaks.Count == 0;

    public void Print(TextWriter output)
    {
        static string P(double share) => share.ToString("0.000", CultureInfo.InvariantCulture);
        output.WriteLine($"retrieval ({Hybrid.Questions} knowledge questions)   recall@5   MRR@10");
        output.WriteLine($"  vector only                          {P(Vector.RecallAt5),8}   {P(Vector.Mrr)}");
        output.WriteLine($"  hybrid (vector + full text, RRF)     {P(Hybrid.RecallAt5),8}   {P(Hybrid.Mrr)}");
        output.WriteLine($"live figures exactly the screen's:     {FiguresExact}/{Figures}");
        output.WriteLine($"right refusals (not your role):        {RefusalsRight}/{Refusals}");
        output.WriteLine($"other tenant, nothing found:           {OtherTenantEmpty}/{OtherTenant}");
        output.WriteLine($"leaks (another tenant's or role's):    {Leaks.Count}");
        foreach (var leak in Leaks)
        {
            output.WriteLine($"  LEAK {leak}");
        }

        foreach (var miss in Outcomes.Where(o => !o.Passed))
        {
            output.WriteLine($"  miss {miss.Id} [{miss.Tenant} {miss.Role}] {miss.Question} — {miss.Detail}");
        }

        output.WriteLine($"{(Passes ? "PASS" : "FAIL")}: hybrid recall@5 ≥ {P(MinRecallAt5)}, every live figure the screen's, no leak ({Seconds:0.0} s)");
    }
}

/// <summary>
/// Runs the labelled set (<c>eval-set.json</c>) against a database holding the demo tenants, as
/// each question's role through the app's own services: retrieval by <see cref="IKnowledgeRetrieval"/>
/// in both modes, answers by the offline assistant (<see cref="AssistantCommands.ComposeAsync"/>,
/// not stored), expected figures from the screens' services in the same person's unit of work.
/// Placeholders are filled from the demo data at run time. A leak is any id of another tenant in
/// a passage or citation, or a money figure shown to a role whose screen shows none.
/// </summary>
public sealed partial class AssistantEvaluation(IServiceProvider services, NpgsqlDataSource maintenance)
{
    public const int K = 5;

    /// <summary>The figures a refusal question's role may not see (margins: finance and leadership only).</summary>
    private static readonly HashSet<string> WithheldLabels = ["Revenue", "Total cost", "Cost", "Margin", "Margin %"];
    public const int MrrDepth = 10;

    /// <summary>The app's data services for people the evaluation names (one scope per question).</summary>
    public static ServiceProvider CreateServices(IConfiguration configuration, IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        var collection = new ServiceCollection().AddLogging().AddWorkroomData(configuration);
        collection.AddScoped<EvaluationSession>();
        collection.AddScoped<ISessionContextSource>(provider => provider.GetRequiredService<EvaluationSession>());
        if (embedder is not null)
        {
            collection.AddSingleton(embedder);
        }

        return collection.BuildServiceProvider();
    }

    public async Task<EvaluationReport> RunAsync(EvaluationSet set, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var outcomes = new List<QuestionOutcome>();
        var leaks = new List<string>();
        var askers = new Dictionary<(string, string), Asker>();
        var ranks = new List<(int? Vector, int? Hybrid)>();
        var figures = (Total: 0, Exact: 0);
        var refusals = (Total: 0, Right: 0);
        var others = (Total: 0, Empty: 0);

        foreach (var q in set.Questions)
        {
            if (!askers.TryGetValue((q.Tenant, q.Role), out var asker))
            {
                askers[(q.Tenant, q.Role)] = asker = await AskerAsync(set, q.Tenant, q.Role, cancellationToken);
            }

            var question = Fill(q.Question, asker.Names);
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<EvaluationSession>().Current = new SessionContext(asker.TenantId, asker.EmployeeId);
            var found = new List<string>();
            QuestionOutcome outcome;
            switch (q.Kind)
            {
                case EvaluationKinds.Knowledge:
                {
                    var vector = await EmbedAsync(sp, question, cancellationToken);
                    var retrieval = sp.GetRequiredService<IKnowledgeRetrieval>();
                    var byVector = await retrieval.SearchAsync(vector, question, MrrDepth, RetrievalMode.VectorOnly, 0.0, cancellationToken);
                    var byHybrid = await retrieval.SearchAsync(vector, question, MrrDepth, RetrievalMode.Hybrid, 0.0, cancellationToken);
                    var documents = q.Documents!.Select(d => Fill(d, asker.Names)).ToList();
                    var rank = (Vector: RankOf(byVector, documents, q.Section), Hybrid: RankOf(byHybrid, documents, q.Section));
                    ranks.Add(rank);
                    await LeaksOfAsync(asker, byVector.Concat(byHybrid).Select(p => p.ChunkId), found, cancellationToken);
                    outcome = new QuestionOutcome(q.Id, q.Kind, q.Tenant, q.Role, question, rank.Hybrid is <= K,
                        $"expected {string.Join(" or ", documents)}{(q.Section is null ? "" : $" § {q.Section}")}; hybrid top: {string.Join(" | ", byHybrid.Take(3).Select(p => p.DocumentTitle))}",
                        rank.Vector, rank.Hybrid);
                    break;
                }

                case EvaluationKinds.Figure:
                {
                    figures.Total++;
                    var answer = await sp.GetRequiredService<AssistantCommands>().ComposeAsync(question, AssistantPageContext.None, null, cancellationToken);
                    var expected = await ExpectedAsync(sp, q, asker, cancellationToken);
                    var actual = answer.Figures.Where(f => f.Label == expected.Label).Select(f => new Row(f.Subject, f.Value, f.Text)).ToList();
                    if (expected.Unordered)
                    {
                        actual = [.. actual.OrderBy(r => r.Subject, StringComparer.Ordinal)];
                    }

                    var exact = actual.SequenceEqual(expected.Rows);
                    figures.Exact += exact ? 1 : 0;
                    await LeaksOfAsync(asker, answer, found, cancellationToken);
                    if (expected.Rows.Any(r => r.Value is null && r.Text is null) && actual.Any(r => r.Value is not null))
                    {
                        found.Add($"{q.Id}: a figure the screen withholds from {q.Role} was shown");
                    }

                    outcome = new QuestionOutcome(q.Id, q.Kind, q.Tenant, q.Role, question, exact,
                        exact ? $"{expected.Label}: {Show(expected.Rows)}"
                            : $"intent {answer.Intent}; screen {expected.Label}: {Show(expected.Rows)}; answer: {Show(actual)}; \"{Short(answer.Content)}\"");
                    break;
                }

                case EvaluationKinds.Refusal:
                {
                    refusals.Total++;
                    var answer = await sp.GetRequiredService<AssistantCommands>().ComposeAsync(question, AssistantPageContext.None, null, cancellationToken);
                    var money = answer.Figures.Where(f => f.Unit is FigureUnits.Money or FigureUnits.Percent).ToList();
                    var right = money.Count > 0 && money.All(f => f.Value is null)
                        && answer.Content.Contains("not available to your role", StringComparison.Ordinal);
                    refusals.Right += right ? 1 : 0;
                    found.AddRange(answer.Figures.Where(f => f.Value is not null && WithheldLabels.Contains(f.Label))
                        .Select(f => $"{q.Id}: {q.Role} was shown {f.Subject} {f.Label}"));
                    await LeaksOfAsync(asker, answer, found, cancellationToken);
                    outcome = new QuestionOutcome(q.Id, q.Kind, q.Tenant, q.Role, question, right, $"intent {answer.Intent}; \"{Short(answer.Content)}\"");
                    break;
                }

                case EvaluationKinds.OtherTenant:
                {
                    others.Total++;
                    var answer = await sp.GetRequiredService<AssistantCommands>().ComposeAsync(question, AssistantPageContext.None, null, cancellationToken);
                    var vector = await EmbedAsync(sp, question, cancellationToken);
                    var passages = await sp.GetRequiredService<IKnowledgeRetrieval>()
                        .SearchAsync(vector, question, MrrDepth, RetrievalMode.Hybrid, 0.0, cancellationToken);
                    await LeaksOfAsync(asker, answer, found, cancellationToken);
                    await LeaksOfAsync(asker, passages.Select(p => p.ChunkId), found, cancellationToken);
                    var names = asker.Names.Where(n => n.Key.StartsWith("other:", StringComparison.Ordinal) && q.Question.Contains($"{{{n.Key}}}", StringComparison.Ordinal))
                        .Select(n => n.Value).ToList();
                    var text = string.Join(" ", [answer.Content, .. answer.Figures.Select(f => f.Subject), .. answer.Citations.Select(c => c.Title + " " + c.Quote),
                        .. passages.Select(p => p.DocumentTitle + " " + p.Content)]);
                    found.AddRange(names.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{q.Id}: the other tenant's \"{n}\" came back"));
                    var empty = found.Count == 0;
                    others.Empty += empty ? 1 : 0;
                    outcome = new QuestionOutcome(q.Id, q.Kind, q.Tenant, q.Role, question, empty, $"intent {answer.Intent}; \"{Short(answer.Content)}\"");
                    break;
                }

                default:
                    throw new InvalidOperationException($"{q.Id}: unknown kind '{q.Kind}'.");
            }

            leaks.AddRange(found);
            outcomes.Add(found.Count == 0 ? outcome : outcome with { Passed = false, Detail = outcome.Detail + "; " + string.Join("; ", found) });
        }

        RetrievalScore Score(string mode, Func<(int? Vector, int? Hybrid), int?> of) => new(mode, ranks.Count,
            ranks.Count == 0 ? 0 : ranks.Count(r => of(r) is <= K) / (double)ranks.Count,
            ranks.Count == 0 ? 0 : ranks.Sum(r => of(r) is { } n ? 1.0 / n : 0) / ranks.Count);

        return new EvaluationReport(DateTimeOffset.UtcNow, Score("vector", r => r.Vector), Score("hybrid", r => r.Hybrid),
            figures.Total, figures.Exact, refusals.Total, refusals.Right, others.Total, others.Empty, leaks, outcomes, watch.Elapsed.TotalSeconds);
    }

    // ------------------------------------------------------------------ expected figures, from the screens

    private sealed record Row(string Subject, decimal? Value, string? Text);

    private sealed record Expected(string Label, IReadOnlyList<Row> Rows, bool Unordered = false);

    private static async Task<Expected> ExpectedAsync(IServiceProvider sp, EvaluationQuestion q, Asker asker, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var figure = q.Figure ?? throw new InvalidOperationException($"{q.Id}: a figure question names its figure.");
        if (figure.StartsWith("campaign.", StringComparison.Ordinal))
        {
            var key = CampaignPlaceholder().Match(q.Question) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"{q.Id}: no {{campaignN}}.");
            var c = (await sp.GetRequiredService<ICampaignQueries>().GetAsync(asker.Ids[key], ct))!.Overview;
            return figure switch
            {
                "campaign.budget" => new("Budget", [new(c.Name, c.BudgetAmount, null)]),
                "campaign.spent" => new("Spent", [new(c.Name, c.Spend, null)]),
                "campaign.budget_spent_pct" => new("Budget spent", [new(c.Name, c.BudgetSpentPct, null)]),
                "campaign.hours" => new("Hours logged", [new(c.Name, c.TotalHours, null)]),
                "campaign.billable_hours" => new("Billable hours", [new(c.Name, c.BillableHours, null)]),
                "campaign.hours_this_week" => new("Hours this week", [new(c.Name, c.HoursThisWeek, null)]),
                "campaign.health" => new("Health", [new(c.Name, null, AssistantTools.Health(c.Health))]),
                "campaign.margin" => new("Margin", [new(c.Name, c.Margin, null)]),
                "campaign.margin_pct" => new("Margin %", [new(c.Name, c.MarginPct, null)]),
                "campaign.revenue" => new("Revenue", [new(c.Name, c.Revenue, null)]),
                _ => throw new InvalidOperationException($"{q.Id}: unknown figure '{figure}'."),
            };
        }

        switch (figure)
        {
            case "utilization.person" or "utilization.mine" or "utilization.departments":
            {
                Guid? person = figure switch
                {
                    "utilization.person" => asker.Ids["person"],
                    "utilization.mine" => asker.EmployeeId,
                    _ => null,
                };
                var range = AnalyticsPeriod.Of(AssistantCommands.PeriodOf(q.Question), today);
                var rows = await sp.GetRequiredService<IAnalyticsQueries>().UtilizationAsync(new UtilizationQuery(range.From, range.To, UtilizationGrains.Month,
                    person is null ? UtilizationGroups.Department : UtilizationGroups.Person, EmployeeId: person), ct);
                return new("Utilization", rows.Take(3 * AssistantTools.ListShown)
                    .Select(r => new Row($"{r.GroupLabel}, {r.PeriodStart:MMM yyyy}", r.UtilizationPct, null)).ToList());
            }

            case "at_risk":
            {
                var board = await sp.GetRequiredService<IDashboardQueries>().GetAsync(ct);
                return new("Health", board.Health.Where(c => c.Health != "on_track")
                    .Select(c => new Row(c.Name, null, AssistantTools.Health(c.Health))).OrderBy(r => r.Subject, StringComparer.Ordinal).ToList(), Unordered: true);
            }

            case "approvals.count":
            {
                var weeks = await sp.GetRequiredService<ITimesheetQueries>().ApprovalsAsync(cancellationToken: ct);
                return new("Weeks waiting", [new("Approvals", weeks.Count, null)]);
            }

            case "client.active_campaigns":
            {
                var page = await sp.GetRequiredService<ICampaignQueries>().ListAsync(
                    new CampaignFilter(Status: "active", ClientId: asker.Ids["client1"]), new PageRequest(0, AssistantTools.ListShown, "name"), ct);
                return new("Hours logged", page.Items.Select(c => new Row(c.Name, c.TotalHours, null)).ToList());
            }

            case "over_allocated":
            {
                var monday = Weeks.StartOf(today).AddDays(7);
                var grid = await sp.GetRequiredService<ICapacityQueries>().GridAsync(new CapacityFilter(monday, Weeks: 1, MinFree: -1_000_000m), ct);
                return new("Over by", grid.People.Where(p => p.Cells.Count > 0 && p.Cells[0].Free(true) < 0).Take(AssistantTools.ListShown)
                    .Select(p => new Row(p.FullName, -p.Cells[0].Free(true), null)).ToList());
            }

            default:
                throw new InvalidOperationException($"{q.Id}: unknown figure '{figure}'.");
        }
    }

    // ------------------------------------------------------------------ who asks, and the names they know

    private sealed record Asker(Guid TenantId, Guid EmployeeId, Guid OtherTenantId, Dictionary<string, string> Names, Dictionary<string, Guid> Ids);

    private async Task<Asker> AskerAsync(EvaluationSet set, string slug, string role, CancellationToken ct)
    {
        var tenant = DemoIds.TenantId(slug);
        var otherSlug = set.Questions.Select(q => q.Tenant).Distinct().FirstOrDefault(s => s != slug)
            ?? DemoTenantProfile.DemoAgencies.First(p => p.Slug != slug).Slug;
        var other = DemoIds.TenantId(otherSlug);
        // The person of the role on the most campaign teams: a creative who has work to ask about.
        var employee = await ScalarAsync<Guid?>(
            """
            select e.id from agency.employees e
            where e.tenant_id = $1 and e.agency_role = $2 and e.active and e.deleted_at is null
            order by (select count(*) from agency.campaign_team t where t.tenant_id = e.tenant_id and t.employee_id = e.id) desc, e.email
            limit 1
            """, ct, tenant, role) ?? throw new InvalidOperationException($"No {role} in {slug}: is the demo data loaded (./workroom seed)?");
        var asker = new Asker(tenant, employee, other, [], []);

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<EvaluationSession>().Current = new SessionContext(tenant, employee);
        var campaigns = scope.ServiceProvider.GetRequiredService<ICampaignQueries>();
        // Active campaigns whose name no other campaign's contains (or is contained in): one campaign a name.
        var n = 0;
        foreach (var (id, name) in await RowsAsync(
            """
            select c.id, c.name from agency.campaigns c
            where c.tenant_id = $1 and c.status = 'active' and c.deleted_at is null and c.name ~ '\s'
              and not exists (select 1 from agency.campaigns o where o.tenant_id = c.tenant_id and o.id <> c.id
                              and (strpos(lower(o.name), lower(c.name)) > 0 or strpos(lower(c.name), lower(o.name)) > 0))
            order by c.code
            """, ct, tenant))
        {
            if (n < 3 && await campaigns.GetAsync(id, ct) is not null)
            {
                n++;
                Name(asker, $"campaign{n}", id, name);
            }
        }

        if (asker.Ids.ContainsKey("campaign1"))
        {
            asker.Names["campaign1~"] = Misspell(asker.Names["campaign1"]);
        }

        var client = (await RowsAsync(
            """
            select c.id, c.name from agency.clients c
            where c.tenant_id = $1 and c.deleted_at is null
              and exists (select 1 from agency.campaigns p where p.tenant_id = c.tenant_id and p.client_id = c.id and p.status = 'active' and p.deleted_at is null)
              and not exists (select 1 from agency.clients o where o.tenant_id = c.tenant_id and o.id <> c.id
                              and (strpos(lower(o.name), lower(c.name)) > 0 or strpos(lower(c.name), lower(o.name)) > 0))
            order by c.name limit 1
            """, ct, tenant)).FirstOrDefault();
        if (client.Id != Guid.Empty)
        {
            Name(asker, "client1", client.Id, client.Name);
            asker.Names["client1~"] = Misspell(client.Name);
        }

        var person = (await RowsAsync(
            """
            select e.id, e.full_name from agency.employees e
            where e.tenant_id = $1 and e.agency_role = 'creative' and e.active and e.deleted_at is null
              and not exists (select 1 from agency.employees o where o.tenant_id = e.tenant_id and o.id <> e.id
                              and (o.full_name = e.full_name or split_part(o.full_name, ' ', 2) = split_part(e.full_name, ' ', 2)))
              and exists (select 1 from agency.timesheet_entries t where t.tenant_id = e.tenant_id and t.employee_id = e.id
                          and t.entry_date >= date_trunc('month', current_date))
            order by e.email limit 1
            """, ct, tenant)).FirstOrDefault();
        if (person.Id != Guid.Empty)
        {
            Name(asker, "person", person.Id, person.Name);
        }

        foreach (var (key, t) in new[] { ("", tenant), ("other:", other) })
        {
            var brand = (await RowsAsync(
                $"""
                select b.id, b.name from agency.brands b
                where b.tenant_id = $1 and b.deleted_at is null
                  and exists (select 1 from agency.knowledge_documents d where d.tenant_id = b.tenant_id and d.title = b.name || ' brand guidelines')
                  and {(key == "" ? "$2::uuid is not null" : Unheard("b.name"))}
                order by b.name limit 1
                """, ct, t, tenant)).FirstOrDefault();
            if (brand.Id != Guid.Empty)
            {
                Name(asker, key + "brand", brand.Id, brand.Name);
            }
        }

        var postMortem = (await RowsAsync(
            """
            select c.id, c.name from agency.campaigns c
            where c.tenant_id = $1 and exists (select 1 from agency.knowledge_documents d where d.tenant_id = c.tenant_id and d.title = c.name || ' post-mortem')
            order by c.code limit 1
            """, ct, tenant)).FirstOrDefault();
        if (postMortem.Id != Guid.Empty)
        {
            Name(asker, "postmortem", postMortem.Id, postMortem.Name);
        }

        // The other tenant's names that ours does not have (not even as part of a name).
        foreach (var (key, table, extra) in new[] { ("other:campaign", "campaigns", "and x.status = 'active'"), ("other:client", "clients", "") })
        {
            var row = (await RowsAsync(
                $"""
                select x.id, x.name from agency.{table} x
                where x.tenant_id = $1 and x.deleted_at is null {extra} and x.name ~ '\s'
                  and not exists (select 1 from agency.{table} o where o.tenant_id = $2
                                  and (strpos(lower(o.name), lower(x.name)) > 0 or strpos(lower(x.name), lower(o.name)) > 0))
                  and {Unheard("x.name")}
                order by x.name limit 1
                """, ct, other, tenant)).FirstOrDefault();
            if (row.Id != Guid.Empty)
            {
                Name(asker, key, row.Id, row.Name);
            }
        }

        return asker;
    }

    /// <summary>SQL: the name ($1's) appears nowhere in tenant $2: no brand, client or campaign name and no passage holds it.</summary>
    private static string Unheard(string name) =>
        $"""
        not exists (select 1 from agency.brands o where o.tenant_id = $2 and strpos(lower(o.name), lower({name})) > 0)
        and not exists (select 1 from agency.clients o where o.tenant_id = $2 and strpos(lower(o.name), lower({name})) > 0)
        and not exists (select 1 from agency.campaigns o where o.tenant_id = $2 and strpos(lower(o.name), lower({name})) > 0)
        and not exists (select 1 from agency.knowledge_chunks o where o.tenant_id = $2 and strpos(lower(o.content), lower({name})) > 0)
        """;

    private static void Name(Asker asker, string key, Guid id, string name)
    {
        asker.Ids[key] = id;
        asker.Names[key] = name;
    }

    /// <summary>The name with one letter dropped from the middle of its longest (first longest) word: "Casper" → "Caser".</summary>
    public static string Misspell(string name)
    {
        var words = name.Split(' ');
        var longest = words.Select((w, i) => (w, i)).Where(x => x.w.Length >= 5).OrderByDescending(x => x.w.Length).ThenBy(x => x.i).FirstOrDefault();
        if (longest.w is null)
        {
            return name;
        }

        words[longest.i] = longest.w.Remove(longest.w.Length / 2, 1);
        return string.Join(' ', words);
    }

    private static string Fill(string text, Dictionary<string, string> names) => Placeholder().Replace(text, m =>
        names.TryGetValue(m.Groups[1].Value, out var name) ? name : throw new InvalidOperationException(
            $"The demo data has nothing for {m.Value} (is it loaded? ./workroom seed)."));

    // ------------------------------------------------------------------ scoring and leaks

    private static int? RankOf(IReadOnlyList<PassageRow> passages, IReadOnlyList<string> documents, string? section)
    {
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            if (documents.Any(d => string.Equals(d, p.DocumentTitle, StringComparison.OrdinalIgnoreCase))
                && (section is null || p.Content.Contains(section, StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }

        return null;
    }

    private Task LeaksOfAsync(Asker asker, ComposedAnswer answer, List<string> found, CancellationToken ct)
    {
        var ids = answer.Citations.SelectMany(c => GuidIn().Matches(c.Href).Select(m => Guid.Parse(m.Value))
                .Concat(new[] { c.DocumentId, c.ChunkId }.OfType<Guid>()))
            .Concat(answer.DidYouMean.Select(d => d.Id));
        return LeaksOfAsync(asker, ids, found, ct);
    }

    /// <summary>Any of these ids that is a row of another tenant (campaign, client, person, document, passage, artifact) is a leak.</summary>
    private async Task LeaksOfAsync(Asker asker, IEnumerable<Guid> ids, List<string> found, CancellationToken ct)
    {
        var list = ids.Distinct().ToArray();
        if (list.Length == 0)
        {
            return;
        }

        foreach (var (id, what) in await RowsAsync(
            """
            select id, 'campaign ' || name from agency.campaigns where id = any($1) and tenant_id <> $2
            union all select id, 'client ' || name from agency.clients where id = any($1) and tenant_id <> $2
            union all select id, 'person ' || full_name from agency.employees where id = any($1) and tenant_id <> $2
            union all select id, 'document ' || title from agency.knowledge_documents where id = any($1) and tenant_id <> $2
            union all select id, 'passage ' || left(content, 60) from agency.knowledge_chunks where id = any($1) and tenant_id <> $2
            union all select id, 'artifact ' || title from agency.artifacts where id = any($1) and tenant_id <> $2
            """, ct, list, asker.TenantId))
        {
            found.Add($"another tenant's {what} ({id})");
        }
    }

    private static async Task<ReadOnlyMemory<float>> EmbedAsync(IServiceProvider sp, string text, CancellationToken ct) =>
        (await sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync([text], cancellationToken: ct))[0].Vector;

    private static string Show(IEnumerable<Row> rows) =>
        rows.Any() ? string.Join(", ", rows.Take(4).Select(r => $"{r.Subject}={(r.Text ?? r.Value?.ToString(CultureInfo.InvariantCulture) ?? "NULL")}")) + (rows.Count() > 4 ? $" (+{rows.Count() - 4})" : "") : "none";

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 120 ? line : line[..119] + "…";
    }

    private async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = maintenance.CreateCommand(sql);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)value;
    }

    private async Task<List<(Guid Id, string Name)>> RowsAsync(string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = maintenance.CreateCommand(sql);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var rows = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return rows;
    }

    [GeneratedRegex(@"\{([a-z:0-9~]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{(campaign[0-9])~?\}")]
    private static partial Regex CampaignPlaceholder();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidIn();
}

/// <summary>The person an evaluation question is asked as (set per scope).</summary>
public sealed class EvaluationSession : ISessionContextSource
{
    public SessionContext? Current { get; set; }

    public Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current);
}
