using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Timesheets for the history window and allocations for the weeks ahead. A person books time
/// only to their own campaigns, only on days those run (and before any pause), on working days
/// bar the odd production Saturday, never more than 11.5 hours a day and never in a holiday
/// week. Weekly hours land at 64-90 % of capacity (leadership 35-55 %). Older weeks are
/// approved by the campaign's project manager, last week is submitted, this week is a draft.
/// </summary>
internal static class TimesheetGenerator
{
    private const double MaxHoursPerDay = 11.5;

    private static readonly string[] AllocationNotes = ["Shoot week", "Client presentation", "Cover for a holiday", "Pitch support"];

    public static void Generate(DemoTenantData data, List<StaffMember> staff)
    {
        var f = DemoRandom.For(data.Profile.Slug, "timesheets");
        var ids = new DemoIds(data.Profile.Slug);
        var projectManagers = staff.Where(s => s.Title.Staffing == Staffing.ProjectManager).ToList();

        foreach (var member in staff.Where(s => s.LogsTime))
        {
            var firstDay = member.Row.StartDate > data.Calendar.HistoryStart ? member.Row.StartDate : data.Calendar.HistoryStart;
            for (var week = DemoCalendar.MondayOf(firstDay); week <= data.Calendar.ThisWeek; week = week.AddDays(7))
            {
                if (!member.HolidayWeeks.Contains(week))
                {
                    LogWeek(data, member, week, projectManagers, f, ids);
                }
            }
        }

        AllocateAhead(data, staff, f, ids);
    }

    private static void LogWeek(DemoTenantData data, StaffMember member, DateOnly week, List<StaffMember> projectManagers, Faker f, DemoIds ids)
    {
        var today = data.Calendar.Today;
        var days = Enumerable.Range(0, 5).Select(week.AddDays).Where(d => d >= member.Row.StartDate && d <= today).ToList();
        var running = member.Campaigns
            .Where(c => c.Row.Status != "planning" && c.StartDate <= week.AddDays(6) && c.LastWorkDay(today) >= week)
            .Select(c => (Campaign: c, Weight: f.Random.Between(0.5, 2.0)))
            .ToList();
        var workDays = days.Where(d => running.Any(r => IsOpen(r.Campaign, d, today))).ToList();
        if (workDays.Count == 0)
        {
            return;
        }

        var (low, high) = member.WeeklyUtilization;
        var weekHours = (double)member.Row.WeeklyCapacityHours * f.Random.Between(low, high) * days.Count / 5;
        foreach (var day in workDays)
        {
            var dayHours = Math.Min(MaxHoursPerDay, weekHours / workDays.Count * f.Random.Between(0.8, 1.2));
            var open = running.Where(r => IsOpen(r.Campaign, day, today)).ToList();
            var entries = Math.Min(open.Count, f.Random.WeightedRandom([1, 2, 3, 4], [0.06f, 0.24f, 0.38f, 0.32f]));
            Book(data, member, day, dayHours, Pick(f, open, entries), projectManagers, f, ids);
        }

        // Now and then a shoot runs into Saturday.
        var saturday = week.AddDays(5);
        var shoot = running.Select(r => r.Campaign)
            .FirstOrDefault(c => saturday >= member.Row.StartDate && IsOpen(c, saturday, today) && c.PhaseOn(saturday).PhaseType == "production");
        if (shoot is not null && f.Random.Bool(0.04f))
        {
            Book(data, member, saturday, f.Random.Between(2, 5), [shoot], projectManagers, f, ids);
        }
    }

    private static bool IsOpen(CampaignPlan campaign, DateOnly day, DateOnly today) =>
        campaign.StartDate <= day && day <= campaign.LastWorkDay(today);

    private static List<CampaignPlan> Pick(Faker f, List<(CampaignPlan Campaign, double Weight)> choices, int count)
    {
        var left = choices.ToList();
        var picked = new List<CampaignPlan>();
        while (picked.Count < count)
        {
            var choice = f.Random.Weighted(left, c => c.Weight);
            picked.Add(choice.Campaign);
            left.Remove(choice);
        }

        return picked;
    }

    // Splits a day's hours over its campaigns in quarter hours, at least half an hour each.
    private static void Book(DemoTenantData data, StaffMember member, DateOnly day, double hours, List<CampaignPlan> campaigns,
        List<StaffMember> projectManagers, Faker f, DemoIds ids)
    {
        var total = Math.Max(0.5m, DemoRandom.QuarterHours(hours));
        var parts = Math.Max(1, Math.Min(campaigns.Count, (int)(total / 0.5m)));
        var weights = Enumerable.Range(0, parts).Select(_ => f.Random.Between(0.5, 1.5)).ToArray();
        var left = total;
        for (var i = 0; i < parts; i++)
        {
            // The last entry takes what is left; the others leave at least half an hour for each still to come.
            var keepForRest = 0.5m * (parts - 1 - i);
            var share = i == parts - 1
                ? left
                : Math.Clamp(DemoRandom.QuarterHours((double)total * weights[i] / weights.Sum()), 0.5m, left - keepForRest);
            left -= share;
            data.TimesheetEntries.Add(Entry(data, member, campaigns[i], day, share, projectManagers, f, ids));
        }
    }

    private static TimesheetEntryRow Entry(DemoTenantData data, StaffMember member, CampaignPlan campaign, DateOnly day, decimal hours,
        List<StaffMember> projectManagers, Faker f, DemoIds ids)
    {
        var calendar = data.Calendar;
        var week = DemoCalendar.MondayOf(day);
        var phase = campaign.PhaseOn(day);
        var billable = f.Random.Bool(member.Title.AgencyRole == "leadership" ? 0.7f : 0.93f);
        var description = f.Random.ArrayElement(AgencyVocabulary.WorkByPhase[phase.PhaseType]);
        var friday = week.AddDays(4);

        string status;
        DateTime? submittedAt = null, approvedAt = null;
        Guid? approvedBy = null;
        if (week < calendar.LastWeek)
        {
            status = "approved";
            submittedAt = calendar.At(friday, 16 + f.Random.Int(0, 2), f.Random.Int(0, 59));
            approvedAt = calendar.At(friday.AddDays(3 + f.Random.Int(0, 2)), 9 + f.Random.Int(0, 7), f.Random.Int(0, 59));
            var approver = campaign.ProjectManager != member ? campaign.ProjectManager : projectManagers.First(p => p != member);
            approvedBy = approver.Id;
        }
        else if (week == calendar.LastWeek)
        {
            status = "submitted";
            submittedAt = calendar.At(friday, 17, f.Random.Int(0, 59));
        }
        else
        {
            status = "draft";
        }

        return new TimesheetEntryRow(ids.Of("timesheet_entry", data.TimesheetEntries.Count), member.Id, campaign.Row.Id, phase.Id, day,
            hours, billable, description, status, submittedAt, approvedBy, approvedAt, calendar.At(day, 17, f.Random.Int(0, 59)));
    }

    // This week and the eleven after: most people planned at 55-95 % of capacity, a few over.
    private static void AllocateAhead(DemoTenantData data, List<StaffMember> staff, Faker f, DemoIds ids)
    {
        for (var w = 0; w < DemoCalendar.AllocationWeeks; w++)
        {
            var week = data.Calendar.ThisWeek.AddDays(7 * w);
            foreach (var member in staff.Where(s => s.LogsTime && !s.HolidayWeeks.Contains(week)))
            {
                var open = member.Campaigns
                    .Where(c => c.Row.Status is "active" or "planning" && c.Overlaps(week, week.AddDays(4)))
                    .Select(c => (Campaign: c, Weight: f.Random.Between(0.5, 2.0)))
                    .ToList();
                if (open.Count == 0)
                {
                    continue;
                }

                var planned = f.Random.Bool(0.06f) ? f.Random.Between(1.05, 1.3) : f.Random.Between(0.55, 0.95);
                var hours = (double)member.Row.WeeklyCapacityHours * planned * (member.Title.AgencyRole == "leadership" ? 0.5 : 1);
                var campaigns = Pick(f, open, Math.Min(open.Count, 3));
                foreach (var campaign in campaigns)
                {
                    var share = Math.Max(2, Math.Round(hours / campaigns.Count * f.Random.Between(0.7, 1.3)));
                    data.Allocations.Add(new AllocationRow(ids.Of("allocation", data.Allocations.Count), member.Id, campaign.Row.Id, week,
                        (decimal)share, f.Random.Bool(0.1f) ? f.Random.ArrayElement(AllocationNotes) : null));
                }
            }
        }
    }
}
