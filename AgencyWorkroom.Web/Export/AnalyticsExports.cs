using AgencyWorkroom.Data.Features.Analytics;

namespace AgencyWorkroom.Web.Export;

/// <summary>
/// The analytics screen's tables, column by column, for its CSV and Excel downloads. The figures are
/// the service's rows as they come: money the caller may not see is null there, so it is an empty
/// cell here (the database decides, not this class).
/// </summary>
public static class AnalyticsExports
{
    public static readonly ExportTable<UtilizationRowDto> Utilization = new("Utilization",
    [
        new("Group", ExportFormat.Text, r => r.GroupLabel),
        new("Department", ExportFormat.Text, r => r.Department),
        new("Role", ExportFormat.Text, r => r.AgencyRole),
        new("Period", ExportFormat.Date, r => r.PeriodStart),
        new("People", ExportFormat.Count, r => r.People),
        new("Capacity hours", ExportFormat.Hours, r => r.CapacityHours),
        new("Hours", ExportFormat.Hours, r => r.TotalHours),
        new("Billable hours", ExportFormat.Hours, r => r.BillableHours),
        new("Target hours", ExportFormat.Hours, r => r.TargetHours),
        new("Utilization", ExportFormat.Percent, r => r.UtilizationPct),
        new("Billable utilization", ExportFormat.Percent, r => r.BillableUtilizationPct),
        new("Target", ExportFormat.Percent, r => r.TargetPct),
    ]);

    public static readonly ExportTable<ProfitabilityRowDto> Profitability = new("Profitability",
    [
        new("Name", ExportFormat.Text, r => r.GroupLabel),
        new("Client", ExportFormat.Text, r => r.ClientName),
        new("Campaigns", ExportFormat.Count, r => r.CampaignCount),
        new("Hours", ExportFormat.Hours, r => r.TotalHours),
        new("Billable hours", ExportFormat.Hours, r => r.BillableHours),
        new("Earned value", ExportFormat.Money, r => r.EarnedValue),
        new("Recognised revenue", ExportFormat.Money, r => r.RecognisedRevenue),
        new("Labour cost", ExportFormat.Money, r => r.LaborCost),
        new("Direct cost", ExportFormat.Money, r => r.DirectCost),
        new("Cost", ExportFormat.Money, r => r.Cost),
        new("Margin", ExportFormat.Money, r => r.Margin),
        new("Margin %", ExportFormat.Percent, r => r.MarginPct),
        new("Recognised margin", ExportFormat.Money, r => r.RecognisedMargin),
        new("Recognised margin %", ExportFormat.Percent, r => r.RecognisedMarginPct),
        new("Budget", ExportFormat.Money, r => r.Budget),
        new("Spend to date", ExportFormat.Money, r => r.SpendToDate),
        new("Projected at completion", ExportFormat.Money, r => r.ProjectedAtCompletion),
    ]);
}

/// <summary>The analytics screen's URL query, which its downloads read too.</summary>
public sealed record AnalyticsQueryString(
    string? Period, DateOnly? From, DateOnly? To, string? Grain, string? Group, string? Department, string? Role, Guid? Person,
    string? Dimension, Guid? Client)
{
    public AnalyticsPeriod ToPeriod(DateOnly today) =>
        AnalyticsPeriod.Of(AnalyticsUrl.ParsePreset(Period), today, From, To);

    public UtilizationQuery ToUtilization(DateOnly today)
    {
        var period = ToPeriod(today);
        return new UtilizationQuery(period.From, period.To, Grain ?? UtilizationGrains.Week, Group ?? UtilizationGroups.Department,
            Department, Role, Person);
    }

    public ProfitabilityQuery ToProfitability(DateOnly today)
    {
        var period = ToPeriod(today);
        return new ProfitabilityQuery(period.From, period.To, Dimension ?? ProfitDimensions.Client, Client);
    }
}

/// <summary>The URL names of the period presets.</summary>
public static class AnalyticsUrl
{
    public static readonly (PeriodPreset Preset, string Name, string Label)[] Presets =
    [
        (PeriodPreset.ThisMonth, "this-month", "This month"),
        (PeriodPreset.LastMonth, "last-month", "Last month"),
        (PeriodPreset.ThisQuarter, "this-quarter", "This quarter"),
        (PeriodPreset.Last12Months, "last-12-months", "Last 12 months"),
        (PeriodPreset.Custom, "custom", "Custom"),
    ];

    public static PeriodPreset ParsePreset(string? name)
    {
        foreach (var p in Presets)
        {
            if (p.Name == name)
            {
                return p.Preset;
            }
        }

        return PeriodPreset.ThisMonth;
    }

    public static string Name(PeriodPreset preset) => Presets.First(p => p.Preset == preset).Name;
}
