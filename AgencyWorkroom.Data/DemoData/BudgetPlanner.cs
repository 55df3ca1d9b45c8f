namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Sets budgets from what campaigns actually spent, so burn looks like a finance lead expects:
/// finished work mostly lands under budget, live work burns in step with its schedule, and a
/// few campaigns are over budget or burning ahead of schedule (agency.v_campaign_overview's
/// "at risk": spend share more than 15 points ahead of time elapsed). Spend is counted exactly
/// as that view counts it: billable hours at the person's bill rate on the day, expenses not
/// rejected, equipment days, and the approved vendor quote.
/// </summary>
internal static class BudgetPlanner
{
    private static readonly (string Type, decimal Share)[] PhaseShares =
        [("strategy", 0.12m), ("creative", 0.33m), ("production", 0.38m), ("post", 0.12m)];

    public static void Plan(DemoTenantData data, List<CampaignPlan> campaigns)
    {
        var f = DemoRandom.For(data.Profile.Slug, "budgets");
        var ids = new DemoIds(data.Profile.Slug);
        var today = data.Calendar.Today;
        MeasureSpend(data, campaigns);

        var live = f.Random.Shuffle(campaigns.Where(c => c.Row.Status == "active" && c.Spend > 0 && Elapsed(c, today) < 0.6)).ToList();
        var atRisk = live.Take(data.Profile.Scaled(5)).ToHashSet();
        var overspent = live.Skip(atRisk.Count).Take(data.Profile.Scaled(3)).ToHashSet();

        foreach (var campaign in campaigns)
        {
            var spend = campaign.Spend;
            var elapsed = Elapsed(campaign, today);
            campaign.Row.BudgetAmount = campaign.Row.Status switch
            {
                _ when overspent.Contains(campaign) => Floor500(spend / (decimal)f.Random.Between(1.04, 1.18)),
                _ when atRisk.Contains(campaign) => Floor500(spend / (decimal)Math.Min(0.97, elapsed + f.Random.Between(0.22, 0.35))),
                "completed" when f.Random.Bool(0.08f) => Floor500(spend / (decimal)f.Random.Between(1.03, 1.2)),
                "completed" => Ceiling500(spend / (decimal)f.Random.Between(0.8, 0.99)),
                "cancelled" => Ceiling500(spend / (decimal)f.Random.Between(0.3, 0.6)),
                "active" or "on_hold" when spend > 0 => Ceiling500(spend / (decimal)Math.Max(elapsed, 0.05) * (decimal)f.Random.Between(1.0, 1.15)),
                _ => Estimate(campaign),
            };

            foreach (var phase in campaign.Phases)
            {
                var share = PhaseShares.Single(s => s.Type == phase.PhaseType).Share;
                phase.BudgetAmount = Math.Floor(campaign.Row.BudgetAmount * share / 100) * 100;
            }

            if (campaign.Row.Status != "planning")
            {
                data.PpmProjects.Add(new PpmProjectRow(ids.Of("ppm_project", data.PpmProjects.Count),
                    $"PPM-{campaign.Row.Code}", campaign.Row.Name, campaign.Row.BudgetAmount, campaign.Row.Id));
            }
        }
    }

    /// <summary>Share of the campaign's days gone by today, as the view computes it.</summary>
    public static double Elapsed(CampaignPlan campaign, DateOnly today) =>
        Math.Clamp((today.DayNumber - campaign.StartDate.DayNumber + 1.0) / (campaign.EndDate.DayNumber - campaign.StartDate.DayNumber + 1.0), 0, 1);

    private static void MeasureSpend(DemoTenantData data, List<CampaignPlan> campaigns)
    {
        var byId = campaigns.ToDictionary(c => c.Row.Id);
        var rates = data.EmployeeRates.ToLookup(r => r.EmployeeId);
        foreach (var entry in data.TimesheetEntries)
        {
            var campaign = byId[entry.CampaignId];
            campaign.TotalHours += entry.Hours;
            if (entry.Billable)
            {
                var rate = rates[entry.EmployeeId].Last(r => r.EffectiveFrom <= entry.EntryDate);
                campaign.Spend += entry.Hours * rate.BillRate;
            }
        }

        foreach (var expense in data.ExpenseLines.Where(e => e.CampaignId is not null && e.Status != "rejected"))
        {
            byId[expense.CampaignId!.Value].Spend += expense.Amount;
        }

        foreach (var checkout in data.Checkouts)
        {
            // Kit still out is counted to midday today, so two runs on one day plan the same budgets.
            var until = checkout.ReturnedAt ?? data.Calendar.Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            var days = Math.Max(1, Math.Ceiling((until - checkout.CheckedOutAt).TotalDays));
            byId[checkout.CampaignId].Spend += checkout.DailyRate * (decimal)days;
        }

        var byQuote = campaigns.Where(c => c.Row.ProcureQuoteId is not null).ToDictionary(c => c.Row.ProcureQuoteId!.Value);
        foreach (var quote in data.Quotes.Where(q => q.Status == "approved"))
        {
            byQuote[quote.Id].Spend += quote.Amount;
        }
    }

    // Before any spend: the team at a third of its time for the campaign's weeks at a typical rate, plus the quote.
    private static decimal Estimate(CampaignPlan campaign)
    {
        var weeks = (campaign.EndDate.DayNumber - campaign.StartDate.DayNumber + 1) / 7m;
        var teamHours = campaign.Team.Sum(t => t.Member.Row.WeeklyCapacityHours) / 3 * weeks;
        return Math.Max(5000, Ceiling500(teamHours * 165m));
    }

    private static decimal Floor500(decimal amount) => Math.Max(500, Math.Floor(amount / 500) * 500);

    private static decimal Ceiling500(decimal amount) => Math.Max(500, Math.Ceiling(amount / 500) * 500);
}
