using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>A campaign as the generator sees it: its row and the creative platform every document about it shares.</summary>
internal sealed class CampaignPlan(CampaignRow row, ClientPlan client, string brandName, string category, string audience)
{
    public CampaignRow Row { get; } = row;

    public ClientPlan Client { get; } = client;

    public string BrandName { get; } = brandName;

    public string Category { get; } = category;

    public string Audience { get; } = audience;

    public required string Objective { get; init; }

    public required string Insight { get; init; }

    public required string Proposition { get; init; }

    public required string Tone { get; init; }

    public required string Kpi { get; init; }

    public required string[] Channels { get; init; }

    /// <summary>For a campaign on hold: the day work stopped.</summary>
    public DateOnly? PausedFrom { get; init; }

    public List<PhaseRow> Phases { get; } = [];

    /// <summary>Spend as agency.v_campaign_overview counts it; set once time, expenses and equipment exist.</summary>
    public decimal Spend { get; set; }

    public decimal TotalHours { get; set; }

    public List<(StaffMember Member, string TeamRole)> Team { get; } = [];

    public StaffMember ProjectManager => Team.First(t => t.TeamRole == "project_manager").Member;

    public DateOnly StartDate => Row.StartDate;

    public DateOnly EndDate => Row.EndDate;

    /// <summary>The last day anyone can book time to it: its end, the day before it paused, or today.</summary>
    public DateOnly LastWorkDay(DateOnly today)
    {
        var last = EndDate < today ? EndDate : today;
        return PausedFrom is { } paused && paused.AddDays(-1) < last ? paused.AddDays(-1) : last;
    }

    public PhaseRow PhaseOn(DateOnly day) => Phases.Last(p => p.StartDate <= day);

    public bool Overlaps(DateOnly from, DateOnly to) => StartDate <= to && EndDate >= from;
}

/// <summary>
/// Campaigns over the eighteen months of history and a little into the future, with four phases
/// each and statuses that fit their dates, then teams balanced so nobody sits idle for long.
/// </summary>
internal static class CampaignGenerator
{
    private static readonly (string Type, string Name, double Share)[] PhasePlan =
    [
        ("strategy", "Strategy", 0.15), ("creative", "Creative development", 0.35),
        ("production", "Production", 0.35), ("post", "Post-production and launch", 0.15),
    ];

    public static List<CampaignPlan> Generate(DemoTenantData data, List<ClientPlan> clients, List<StaffMember> staff)
    {
        var f = DemoRandom.For(data.Profile.Slug, "campaigns");
        var ids = new DemoIds(data.Profile.Slug);
        var calendar = data.Calendar;
        var campaigns = new List<CampaignPlan>();

        for (var i = 0; i < data.Profile.Scaled(150); i++)
        {
            var client = f.Random.Weighted(clients, c => c.Weight);
            // One in ten is a corporate campaign for the client as a whole, not for a brand.
            (BrandRow Row, string Category, string Audience)? brand =
                client.Brands.Count > 0 && f.Random.Bool(0.9f) ? f.Random.ListItem(client.Brands) : null;
            var brandName = brand?.Row.Name ?? client.Row.Name;
            var category = brand?.Category ?? f.Random.ArrayElement(client.Sector.Categories);
            var audience = brand?.Audience ?? f.Random.ArrayElement(client.Sector.Audiences);
            var budgetType = f.Random.WeightedRandom(["time_and_materials", "fixed_fee", "retainer"], [0.45f, 0.35f, 0.2f]);
            var (start, end) = Dates(f, calendar, budgetType);

            var status = "active";
            DateOnly? pausedFrom = null;
            if (start > calendar.Today)
            {
                status = "planning";
            }
            else if (end < calendar.Today)
            {
                status = "completed";
                if (f.Random.Bool(0.05f))
                {
                    status = "cancelled";
                    end = start.AddDays(Math.Max(14, (int)((end.DayNumber - start.DayNumber) * f.Random.Between(0.35, 0.7))));
                }
            }
            else if (f.Random.Bool(0.07f))
            {
                status = "on_hold";
                var paused = calendar.Today.AddDays(-f.Random.Int(10, 28));
                pausedFrom = paused > start.AddDays(7) ? paused : start.AddDays(7);
            }

            var theme = f.Random.ArrayElement(AgencyVocabulary.CampaignThemes);
            var name = f.Random.Bool(0.5f) ? $"{brandName} {theme} {start.Year}" : $"{brandName} {theme}";
            var channels = f.Random.ArrayElements(AgencyVocabulary.Channels, f.Random.Int(2, 3));
            var objective = AgencyVocabulary.Fill(f.Random.ArrayElement(AgencyVocabulary.Objectives), brandName, category, audience);
            var created = calendar.At(start.AddDays(-f.Random.Int(10, 30)), 9, 30);
            var updated = status switch
            {
                "completed" or "cancelled" => calendar.At(end.AddDays(f.Random.Int(1, 10)), 16),
                "planning" => calendar.At(DateOnly.FromDateTime(created).AddDays(f.Random.Int(1, 5)), 11),
                _ => calendar.At(calendar.Today.AddDays(-f.Random.Int(0, 6)), 15),
            };

            var row = new CampaignRow(ids.Of("campaign", i), client.Row.Id, brand?.Row.Id, $"{client.Row.Code}-{i + 1:D3}", name,
                $"{AgencyVocabulary.Capitalize(objective)} through {string.Join(" and ", channels)}.", status, budgetType,
                start, end, channels.Select(c => c.Replace(' ', '-')).Append(budgetType == "retainer" ? "always-on" : "project").ToArray(),
                created, updated)
            {
                CreatedBy = client.Row.AccountLeadId,
            };

            var plan = new CampaignPlan(row, client, brandName, category, audience)
            {
                Objective = objective,
                Insight = AgencyVocabulary.Fill(f.Random.ArrayElement(AgencyVocabulary.Insights), brandName, category, audience),
                Proposition = AgencyVocabulary.Fill(f.Random.ArrayElement(AgencyVocabulary.Propositions), brandName, category, audience),
                Tone = f.Random.ArrayElement(AgencyVocabulary.Tones),
                Kpi = f.Random.ArrayElement(AgencyVocabulary.Kpis),
                Channels = channels,
                PausedFrom = pausedFrom,
            };
            AddPhases(plan, calendar, ids, data.Phases.Count);
            data.Phases.AddRange(plan.Phases);
            campaigns.Add(plan);
            data.Campaigns.Add(row);
        }

        StaffTeams(data, campaigns, staff, f, ids);
        SetClientStatuses(clients, campaigns, calendar);
        return campaigns;
    }

    // Start weeks are spread from before the history window to ten weeks ahead; those that would
    // start before it start at its beginning, so the agency is as busy in its first week as later.
    private static (DateOnly Start, DateOnly End) Dates(Faker f, DemoCalendar calendar, string budgetType)
    {
        var weeks = budgetType == "retainer" ? f.Random.Int(26, 52) : f.Random.Int(6, 20);
        var start = calendar.ThisWeek.AddDays(7 * f.Random.Int(-92, 9) + f.Random.Int(0, 3));
        var end = DemoCalendar.MondayOf(start).AddDays(7 * weeks - 3);
        if (start < calendar.HistoryStart)
        {
            start = calendar.HistoryStart.AddDays(f.Random.Int(0, 4));
        }

        var shortest = DemoCalendar.MondayOf(start).AddDays(7 * 4 - 3);
        return (start, end < shortest ? shortest : end);
    }

    private static void AddPhases(CampaignPlan plan, DemoCalendar calendar, DemoIds ids, int firstIndex)
    {
        var days = plan.EndDate.DayNumber - plan.StartDate.DayNumber + 1;
        var elapsedShare = 0.0;
        for (var k = 0; k < PhasePlan.Length; k++)
        {
            var (type, name, share) = PhasePlan[k];
            var start = plan.StartDate.AddDays((int)Math.Round(days * elapsedShare));
            elapsedShare += share;
            var end = k == PhasePlan.Length - 1 ? plan.EndDate : plan.StartDate.AddDays((int)Math.Round(days * elapsedShare) - 1);
            var status = plan.Row.Status switch
            {
                "planning" => "not_started",
                "completed" or "cancelled" => "completed",
                _ when end < calendar.Today => "completed",
                _ when start <= calendar.Today => "in_progress",
                _ => "not_started",
            };
            plan.Phases.Add(new PhaseRow(ids.Of("phase", firstIndex + k), plan.Row.Id, type, name, k + 1, status, start, end));
        }
    }

    // Every team: an account director, a project manager and a creative director, then two to
    // five crew, always including a designer and a copywriter. Each seat goes to one of the
    // three least busy people able to fill it over the campaign's dates.
    private static void StaffTeams(DemoTenantData data, List<CampaignPlan> campaigns, List<StaffMember> staff, Faker f, DemoIds ids)
    {
        var crew = staff.Where(s => s.Title.Staffing == Staffing.Crew).ToList();
        foreach (var campaign in campaigns.OrderBy(c => c.StartDate).ThenBy(c => c.Row.Code, StringComparer.Ordinal))
        {
            var seats = new List<(string Role, List<StaffMember> Candidates)>
            {
                ("account_director", staff.Where(s => s.Title.Staffing == Staffing.AccountDirector).ToList()),
                ("project_manager", staff.Where(s => s.Title.Staffing == Staffing.ProjectManager).ToList()),
                ("creative_director", staff.Where(s => s.Title.Staffing == Staffing.CreativeDirector).ToList()),
            };
            var crewRoles = new List<string> { "designer", "copywriter" };
            var extraRoles = new[] { "producer", "strategist", "editor", "designer", "other", "producer" };
            crewRoles.AddRange(f.Random.ArrayElements(extraRoles, f.Random.Int(0, 3)));
            foreach (var role in crewRoles)
            {
                var able = crew.Where(s => s.Title.CrewRole == role).ToList();
                seats.Add((role, able.Count > 0 ? able : crew));
            }

            foreach (var (role, candidates) in seats)
            {
                var free = candidates.Where(c => campaign.Team.All(t => t.Member != c)).ToList();
                if (free.Count == 0)
                {
                    continue;
                }

                var leastBusy = free
                    .Select(c => (Member: c, Load: c.Campaigns.Count(other => other.Overlaps(campaign.StartDate, campaign.EndDate)), Tie: f.Random.Double()))
                    .OrderBy(c => c.Load).ThenBy(c => c.Tie)
                    .Take(3).ToList();
                var member = f.Random.ListItem(leastBusy).Member;
                // A crew seat filled from outside its craft takes the person's own team role.
                var teamRole = role is "account_director" or "project_manager" or "creative_director" ? role : member.TeamRole;
                campaign.Team.Add((member, teamRole));
                member.Campaigns.Add(campaign);
                data.TeamMembers.Add(new TeamMemberRow(ids.Of("team_member", data.TeamMembers.Count), campaign.Row.Id, member.Id, teamRole));
            }

            campaign.Row.UpdatedBy = campaign.ProjectManager.Id;
        }
    }

    private static void SetClientStatuses(List<ClientPlan> clients, List<CampaignPlan> campaigns, DemoCalendar calendar)
    {
        foreach (var client in clients)
        {
            var own = campaigns.Where(c => c.Client == client).ToList();
            client.Row.Status = own.Count == 0 ? "prospect"
                : own.Any(c => c.Row.Status is "active" or "on_hold" or "planning" || c.EndDate >= calendar.Today.AddDays(-180)) ? "active"
                : "inactive";
        }
    }
}
