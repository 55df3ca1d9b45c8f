using AgencyWorkroom.Data.Features.Common;
using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Rows in the neighbouring systems, linked to campaigns: vendor quotes (Procure), expense
/// lines (T&amp;E) and equipment checkouts (Gearroom), so a campaign's costs are not only time.
/// </summary>
internal static class IntegrationGenerator
{
    private static readonly string[] QuoteScopes =
    [
        "Two-day location shoot with a crew of eight", "Print run for in-store point of sale", "Media buying fee for the out-of-home flight",
        "Casting and talent usage for twelve months", "Motion graphics package", "Sound design and music licence",
        "3D product renders", "Event build and staffing",
    ];

    private static readonly (string Category, float Weight, int Min, int Max, string[] Descriptions)[] ExpenseKinds =
    [
        ("travel", 0.25f, 40, 900, AgencyVocabulary.ExpenseTravel),
        ("meals", 0.2f, 25, 300, AgencyVocabulary.ExpenseMeals),
        ("lodging", 0.08f, 120, 900, ["Hotel for the location shoot", "Hotel near the client's head office"]),
        ("production", 0.2f, 200, 6000, AgencyVocabulary.ExpenseProduction),
        ("talent", 0.08f, 300, 5000, AgencyVocabulary.ExpenseTalent),
        ("media", 0.07f, 200, 3000, AgencyVocabulary.ExpenseMedia),
        ("software", 0.07f, 20, 400, AgencyVocabulary.ExpenseSoftware),
        ("other", 0.05f, 20, 300, ["Courier for artwork proofs", "Printing for the client workshop"]),
    ];

    public static void Generate(DemoTenantData data, List<CampaignPlan> campaigns, List<StaffMember> staff)
    {
        var f = DemoRandom.For(data.Profile.Slug, "integration");
        var ids = new DemoIds(data.Profile.Slug);
        foreach (var campaign in campaigns)
        {
            AddQuote(data, campaign, f, ids);
            if (campaign.Row.Status != "planning")
            {
                AddExpenses(data, campaign, f, ids);
                AddCheckouts(data, campaign, f, ids);
            }
        }

        // Agency overheads booked to no campaign.
        var office = staff.Where(s => s.Title.AgencyRole is AgencyRoles.Admin or AgencyRoles.Finance).ToList();
        for (var i = 0; i < data.Profile.Scaled(40); i++)
        {
            var day = data.Calendar.HistoryStart.AddDays(f.Random.Int(0, data.Calendar.Today.DayNumber - data.Calendar.HistoryStart.DayNumber));
            data.ExpenseLines.Add(new ExpenseLineRow(ids.Of("expense_line", data.ExpenseLines.Count), f.Random.ListItem(office).Id, day,
                "software", f.Random.ArrayElement(AgencyVocabulary.ExpenseSoftware), f.Random.Int(20, 400), ExpenseStatus(data, day, f), null));
        }
    }

    private static void AddQuote(DemoTenantData data, CampaignPlan campaign, Faker f, DemoIds ids)
    {
        var planning = campaign.Row.Status == "planning";
        if (!f.Random.Bool(planning ? 0.4f : 0.38f))
        {
            return;
        }

        var status = planning
            ? f.Random.ArrayElement(new[] { "draft", "submitted" })
            : f.Random.WeightedRandom(["approved", "rejected", "submitted"], [0.85f, 0.08f, 0.07f]);
        var created = data.Calendar.At(campaign.StartDate.AddDays(f.Random.Int(0, 14)), 11);
        var quote = new QuoteRow(ids.Of("quote", data.Quotes.Count), $"Q-{created.Year % 100:D2}{data.Quotes.Count + 1:D4}",
            f.Random.ArrayElement(AgencyVocabulary.Vendors), f.Random.ArrayElement(QuoteScopes),
            f.Random.Int(4, 40) * 1000m + f.Random.Int(0, 19) * 50m, status, created);
        data.Quotes.Add(quote);
        campaign.Row.ProcureQuoteId = quote.Id;
    }

    private static void AddExpenses(DemoTenantData data, CampaignPlan campaign, Faker f, DemoIds ids)
    {
        var last = campaign.LastWorkDay(data.Calendar.Today);
        var days = last.DayNumber - campaign.StartDate.DayNumber;
        if (days < 0)
        {
            return;
        }

        var claimants = campaign.Team.Where(t => t.TeamRole is "account_director" or "project_manager" or "producer").Select(t => t.Member).ToList();
        for (var i = 0; i < f.Random.Int(2, 4 + days / 14); i++)
        {
            var kind = f.Random.WeightedRandom(ExpenseKinds, ExpenseKinds.Select(k => k.Weight).ToArray());
            var day = campaign.StartDate.AddDays(f.Random.Int(0, days));
            var amount = Math.Round((decimal)f.Random.Between(kind.Min, kind.Max), 2);
            data.ExpenseLines.Add(new ExpenseLineRow(ids.Of("expense_line", data.ExpenseLines.Count), f.Random.ListItem(claimants).Id, day,
                kind.Category, f.Random.ArrayElement(kind.Descriptions), amount, ExpenseStatus(data, day, f), campaign.Row.Id));
        }
    }

    private static string ExpenseStatus(DemoTenantData data, DateOnly day, Faker f)
    {
        var age = data.Calendar.Today.DayNumber - day.DayNumber;
        return age > 30 ? f.Random.WeightedRandom(["reimbursed", "approved", "rejected"], [0.6f, 0.35f, 0.05f])
            : age > 7 ? f.Random.WeightedRandom(["approved", "submitted", "rejected"], [0.7f, 0.25f, 0.05f])
            : f.Random.WeightedRandom(["submitted", "draft"], [0.7f, 0.3f]);
    }

    // Kit goes out during production and comes back a few days later; some is still out.
    private static void AddCheckouts(DemoTenantData data, CampaignPlan campaign, Faker f, DemoIds ids)
    {
        var calendar = data.Calendar;
        var production = campaign.Phases.Single(p => p.PhaseType == "production");
        var lastDay = new[] { production.EndDate, campaign.LastWorkDay(calendar.Today), calendar.Today.AddDays(-1) }.Min();
        if (lastDay < production.StartDate || !f.Random.Bool(0.55f))
        {
            return;
        }

        var crew = campaign.Team.Where(t => t.TeamRole is "producer" or "project_manager").Select(t => t.Member).ToList();
        for (var i = f.Random.Int(1, 4); i > 0; i--)
        {
            var (name, prefix, rate) = f.Random.ArrayElement(AgencyVocabulary.Equipment);
            var outDay = production.StartDate.AddDays(f.Random.Int(0, lastDay.DayNumber - production.StartDate.DayNumber));
            var checkedOut = outDay.ToDateTime(new TimeOnly(8 + f.Random.Int(0, 2), 0), DateTimeKind.Utc);
            var dueDay = outDay.AddDays(f.Random.Int(1, 6));
            // Returned on the due day, a day early or now and then late; kit due back today or later is still out.
            var returnDay = dueDay.AddDays(f.Random.Bool(0.06f) ? f.Random.Int(1, 3) : -f.Random.Int(0, 1));
            returnDay = returnDay > outDay ? returnDay : outDay.AddDays(1);
            DateTime? returned = returnDay < calendar.Today && f.Random.Bool(0.97f)
                ? returnDay.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc)
                : null;

            data.Checkouts.Add(new CheckoutRow(ids.Of("checkout", data.Checkouts.Count), name, $"{prefix}-{f.Random.Int(1, 12):D3}",
                f.Random.ListItem(crew).Id, checkedOut, dueDay.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), returned, rate, campaign.Row.Id));
        }
    }
}
