using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Data.Features.Assistant;

/// <summary>What a tool found: its figures, the screen they come from, and a sentence without numbers.</summary>
public sealed record ToolResult(string Tool, string Summary, IReadOnlyList<AssistantFigure> Figures, AssistantCitation? Source)
{
    /// <summary>Money or shares the database returned as NULL: not available to the asker's role.</summary>
    public bool Withheld => Figures.Count > 0 && Figures.Where(f => f.Unit is FigureUnits.Money or FigureUnits.Percent).All(f => f.Value is null)
        && Figures.Any(f => f.Unit is FigureUnits.Money or FigureUnits.Percent);

    public static ToolResult Nothing(string tool, string summary) => new(tool, summary, [], null);
}

/// <summary>
/// The assistant's typed tools. Each calls the service of the screen that shows the figure, as the
/// asker (the services run their units of work in the asker's context), and passes its figures on
/// untouched: a figure here is the screen's figure, and money arrives NULL for a role that may not
/// see it because the views return NULL. Nothing here computes a figure of its own.
/// </summary>
public sealed class AssistantTools(
    ICampaignQueries campaigns,
    IAnalyticsQueries analytics,
    ICapacityQueries capacity,
    ITimesheetQueries timesheets,
    IDashboardQueries dashboard)
{
    public const int ListShown = 10;

    /// <summary>A campaign's budget, hours, health or margin, from the campaign page's own read.</summary>
    public async Task<ToolResult> CampaignAsync(Guid campaignId, string intent, CancellationToken cancellationToken = default)
    {
        var detail = await campaigns.GetAsync(campaignId, cancellationToken);
        if (detail is null)
        {
            return ToolResult.Nothing(intent, "That campaign can't be found, or isn't one you may see.");
        }

        var c = detail.Overview;
        var source = new AssistantCitation(1, AssistantCitation.Screen, $"{c.Name} ({c.Code}), campaign page", AssistantLinks.Campaign(c.CampaignId));
        var figures = intent switch
        {
            AssistantIntents.CampaignHours => new List<AssistantFigure>
            {
                new(c.Name, "Hours logged", c.TotalHours, FigureUnits.Hours),
                new(c.Name, "Billable hours", c.BillableHours, FigureUnits.Hours),
                new(c.Name, "Hours this week", c.HoursThisWeek, FigureUnits.Hours),
            },
            AssistantIntents.CampaignHealth => new List<AssistantFigure>
            {
                new(c.Name, "Health", null, FigureUnits.Text, Health(c.Health)),
                new(c.Name, "Why", null, FigureUnits.Text, c.HealthReason ?? "—"),
                new(c.Name, "Schedule elapsed", c.ScheduleElapsedPct, FigureUnits.Percent),
                new(c.Name, "Budget spent", c.BudgetSpentPct, FigureUnits.Percent),
            },
            AssistantIntents.CampaignMargin => new List<AssistantFigure>
            {
                new(c.Name, "Revenue", c.Revenue, FigureUnits.Money, Currency: c.Currency),
                new(c.Name, "Total cost", c.TotalCost, FigureUnits.Money, Currency: c.Currency),
                new(c.Name, "Margin", c.Margin, FigureUnits.Money, Currency: c.Currency),
                new(c.Name, "Margin %", c.MarginPct, FigureUnits.Percent),
            },
            _ => new List<AssistantFigure>
            {
                new(c.Name, "Budget", c.BudgetAmount, FigureUnits.Money, Currency: c.Currency),
                new(c.Name, "Spent", c.Spend, FigureUnits.Money, Currency: c.Currency),
                new(c.Name, "Budget spent", c.BudgetSpentPct, FigureUnits.Percent),
            },
        };
        var what = intent switch
        {
            AssistantIntents.CampaignHours => "hours",
            AssistantIntents.CampaignHealth => "health",
            AssistantIntents.CampaignMargin => "margin",
            _ => "budget",
        };
        return new ToolResult(intent, $"{c.Name}: {what}, as the campaign page shows it.", figures, source);
    }

    /// <summary>A client's margin over a period, from the analytics screen's profitability by client.</summary>
    public async Task<ToolResult> ClientMarginAsync(Guid clientId, PeriodPreset period, DateOnly today, CancellationToken cancellationToken = default)
    {
        var range = AnalyticsPeriod.Of(period, today);
        var rows = await analytics.ProfitabilityAsync(new ProfitabilityQuery(range.From, range.To, ProfitDimensions.Client, clientId), cancellationToken);
        var row = rows.FirstOrDefault(r => r.GroupKey == clientId.ToString());
        if (row is null)
        {
            return ToolResult.Nothing(AssistantIntents.CampaignMargin, $"No work for that client {Describe(period)}.");
        }

        var source = new AssistantCitation(1, AssistantCitation.Screen, $"Analytics, profitability by client, {Describe(period)}", "/analytics?view=profitability");
        return new ToolResult(AssistantIntents.CampaignMargin, $"{row.GroupLabel}: margin {Describe(period)}, as the analytics screen shows it.",
        [
            new(row.GroupLabel, "Hours logged", row.TotalHours, FigureUnits.Hours),
            new(row.GroupLabel, "Cost", row.Cost, FigureUnits.Money),
            new(row.GroupLabel, "Margin", row.Margin, FigureUnits.Money),
            new(row.GroupLabel, "Margin %", row.MarginPct, FigureUnits.Percent),
        ], source);
    }

    /// <summary>A person's utilization, or every department's when no person is named, by month (the analytics screen at grain month).</summary>
    public async Task<ToolResult> UtilizationAsync(Guid? employeeId, PeriodPreset period, DateOnly today, CancellationToken cancellationToken = default)
    {
        var range = AnalyticsPeriod.Of(period, today);
        var query = new UtilizationQuery(range.From, range.To, UtilizationGrains.Month,
            employeeId is null ? UtilizationGroups.Department : UtilizationGroups.Person, EmployeeId: employeeId);
        var rows = await analytics.UtilizationAsync(query, cancellationToken);
        var source = new AssistantCitation(1, AssistantCitation.Screen, $"Analytics, utilization by month, {Describe(period)}", AssistantLinks.Utilization(employeeId));
        if (rows.Count == 0)
        {
            return new ToolResult(AssistantIntents.Utilization, $"No capacity or time {Describe(period)} for that.", [], source);
        }

        var figures = rows.Take(3 * ListShown).SelectMany(r => new AssistantFigure[]
        {
            new(Subject(r), "Utilization", r.UtilizationPct, FigureUnits.Percent),
            new(Subject(r), "Billable utilization", r.BillableUtilizationPct, FigureUnits.Percent),
            new(Subject(r), "Hours logged", r.TotalHours, FigureUnits.Hours),
            new(Subject(r), "Capacity", r.CapacityHours, FigureUnits.Hours),
        }).ToList();
        var who = employeeId is null ? "Utilization by department" : $"{rows[0].GroupLabel}'s utilization";
        return new ToolResult(AssistantIntents.Utilization, $"{who} {Describe(period)}, as the analytics screen shows it.", figures, source);

        static string Subject(UtilizationRowDto r) => $"{r.GroupLabel}, {r.PeriodStart:MMM yyyy}";
    }

    /// <summary>The open campaigns the dashboard lists as at risk or off track.</summary>
    public async Task<ToolResult> AtRiskAsync(CancellationToken cancellationToken = default)
    {
        var board = await dashboard.GetAsync(cancellationToken);
        var risky = board.Health.Where(c => c.Health != "on_track").ToList();
        var source = new AssistantCitation(1, AssistantCitation.Screen, "Dashboard, campaign health", AssistantLinks.Dashboard);
        if (risky.Count == 0)
        {
            return new ToolResult(AssistantIntents.AtRisk, "No open campaign is at risk or off track.", [], source);
        }

        var figures = risky.SelectMany(c => new AssistantFigure[]
        {
            new(c.Name, "Health", null, FigureUnits.Text, Health(c.Health)),
            new(c.Name, "Why", null, FigureUnits.Text, c.HealthReason ?? "—"),
            new(c.Name, "Budget spent", c.BudgetSpentPct, FigureUnits.Percent),
        }).ToList();
        return new ToolResult(AssistantIntents.AtRisk, "The campaigns at risk or off track, as the dashboard lists them.", figures, source);
    }

    /// <summary>People booked beyond what they have available next week, from the capacity grid's cells.</summary>
    public async Task<ToolResult> OverAllocatedAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var monday = Weeks.StartOf(today).AddDays(7);
        // MinFree below any week's free hours: the grid reckons everyone's cells and keeps everyone.
        var grid = await capacity.GridAsync(new CapacityFilter(monday, Weeks: 1, MinFree: -1_000_000m), cancellationToken);
        var over = grid.People.Where(p => p.Cells.Count > 0 && p.Cells[0].Free(true) < 0).ToList();
        var source = new AssistantCitation(1, AssistantCitation.Screen, $"Capacity, week of {monday:d MMM yyyy}", AssistantLinks.Capacity(monday));
        if (over.Count == 0)
        {
            return new ToolResult(AssistantIntents.OverAllocated, $"Nobody is booked beyond their available hours in the week of {monday:d MMM}.", [], source);
        }

        var figures = over.Take(ListShown).SelectMany(p => new AssistantFigure[]
        {
            new(p.FullName, "Booked", p.Cells[0].Allocated(true), FigureUnits.Hours),
            new(p.FullName, "Available", p.Cells[0].Available, FigureUnits.Hours),
            new(p.FullName, "Over by", -p.Cells[0].Free(true), FigureUnits.Hours),
        }).ToList();
        return new ToolResult(AssistantIntents.OverAllocated, $"Booked beyond their available hours in the week of {monday:d MMM}, as the capacity grid shows it.", figures, source);
    }

    /// <summary>A client's active campaigns, from the campaign registry filtered to the client.</summary>
    public async Task<ToolResult> ClientCampaignsAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var page = await campaigns.ListAsync(new CampaignFilter(Status: "active", ClientId: clientId), new PageRequest(0, ListShown, "name"), cancellationToken);
        var client = page.Items.FirstOrDefault()?.ClientName;
        var source = new AssistantCitation(1, AssistantCitation.Screen, $"{client ?? "The client"}, client page", AssistantLinks.Client(clientId));
        if (page.Items.Count == 0)
        {
            return new ToolResult(AssistantIntents.ClientCampaigns, "That client has no active campaign you may see.", [], source);
        }

        var figures = page.Items.SelectMany(c => new AssistantFigure[]
        {
            new(c.Name, "Ends", null, FigureUnits.Text, c.EndDate.ToString("d MMM yyyy")),
            new(c.Name, "Hours logged", c.TotalHours, FigureUnits.Hours),
            new(c.Name, "Health", null, FigureUnits.Text, Health(c.Health)),
        }).ToList();
        return new ToolResult(AssistantIntents.ClientCampaigns, $"{client}'s active campaigns, as the campaign list shows them.", figures, source);
    }

    /// <summary>The timesheet weeks waiting for the asker's approval, from the approvals queue.</summary>
    public async Task<ToolResult> PendingApprovalsAsync(CancellationToken cancellationToken = default)
    {
        var weeks = await timesheets.ApprovalsAsync(cancellationToken: cancellationToken);
        var source = new AssistantCitation(1, AssistantCitation.Screen, "Timesheet approvals", AssistantLinks.Approvals);
        var figures = new List<AssistantFigure> { new("Approvals", "Weeks waiting", weeks.Count, FigureUnits.Count) };
        figures.AddRange(weeks.Take(ListShown).Select(w => new AssistantFigure($"{w.FullName}, week of {w.WeekStart:d MMM}", "Hours", w.Hours, FigureUnits.Hours)));
        return new ToolResult(AssistantIntents.PendingApprovals, "Timesheet weeks waiting for your approval, as the approvals queue shows them.", figures, source);
    }

    /// <summary>The dashboard's recent activity feed.</summary>
    public async Task<ToolResult> RecentActivityAsync(CancellationToken cancellationToken = default)
    {
        var board = await dashboard.GetAsync(cancellationToken);
        var source = new AssistantCitation(1, AssistantCitation.Screen, "Dashboard, recent activity", AssistantLinks.Dashboard);
        var figures = board.Activity.Take(ListShown).Select(a =>
            new AssistantFigure(a.ActorName ?? "Someone", a.OccurredAt.ToString("d MMM HH:mm"), null, FigureUnits.Text, a.Title)).ToList();
        return new ToolResult(AssistantIntents.RecentActivity, "The latest activity, as the dashboard shows it.", figures, source);
    }

    public static string Health(string health) => health switch
    {
        "on_track" => "On track",
        "at_risk" => "At risk",
        "off_track" => "Off track",
        _ => health,
    };

    public static string Describe(PeriodPreset period) => period switch
    {
        PeriodPreset.LastMonth => "last month",
        PeriodPreset.ThisQuarter => "this quarter",
        PeriodPreset.Last12Months => "over the last 12 months",
        _ => "this month",
    };
}
