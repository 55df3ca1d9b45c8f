namespace AgencyWorkroom.Data.Features.Analytics;

/// <summary>The named periods of the analytics screen; <see cref="Custom"/> takes its own dates.</summary>
public enum PeriodPreset
{
    ThisMonth,
    LastMonth,
    ThisQuarter,
    Last12Months,
    Custom,
}

/// <summary>A period, first and last day included. Presets start on the first of a month, so they
/// count whole week-month buckets of the summaries (033).</summary>
public sealed record AnalyticsPeriod(DateOnly From, DateOnly To)
{
    public static AnalyticsPeriod Of(PeriodPreset preset, DateOnly today, DateOnly? from = null, DateOnly? to = null)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            PeriodPreset.LastMonth => new(month.AddMonths(-1), month.AddDays(-1)),
            PeriodPreset.ThisQuarter => Quarter(today),
            PeriodPreset.Last12Months => new(month.AddMonths(-11), month.AddMonths(1).AddDays(-1)),
            PeriodPreset.Custom when from is { } f && to is { } t => f <= t ? new(f, t) : new(t, f),
            _ => new(month, month.AddMonths(1).AddDays(-1)),
        };
    }

    private static AnalyticsPeriod Quarter(DateOnly today)
    {
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return new(first, first.AddMonths(3).AddDays(-1));
    }
}

public static class UtilizationGrains
{
    public const string Week = "week";
    public const string Month = "month";
    public static readonly string[] All = [Week, Month];
}

public static class UtilizationGroups
{
    public const string Person = "person";
    public const string Department = "department";
    public const string Role = "role";
    public static readonly string[] All = [Person, Department, Role];
}

public static class ProfitDimensions
{
    public const string Client = "client";
    public const string Brand = "brand";
    public const string Campaign = "campaign";
    public const string Department = "department";
    public const string Person = "person";
    public static readonly string[] All = [Client, Brand, Campaign, Department, Person];
}

/// <summary>What agency.analytics_utilization is asked: a period, week or month, grouped by person,
/// department or role, narrowed to a department, a role or one person (the drill-down).</summary>
public sealed record UtilizationQuery(
    DateOnly From, DateOnly To, string Grain = UtilizationGrains.Week, string Group = UtilizationGroups.Department,
    string? Department = null, string? Role = null, Guid? EmployeeId = null);

/// <summary>What agency.analytics_profitability is asked: a period and a dimension, optionally one client.</summary>
public sealed record ProfitabilityQuery(DateOnly From, DateOnly To, string Dimension = ProfitDimensions.Client, Guid? ClientId = null);

/// <summary>One group's period: hours against capacity net of time off and against the target.
/// Shares are of capacity (0.75 = 75 %).</summary>
public sealed record UtilizationRowDto(
    string GroupKey, string GroupLabel, string? Department, string? AgencyRole, DateOnly PeriodStart, int People,
    decimal CapacityHours, decimal TotalHours, decimal BillableHours, decimal TargetHours,
    decimal? UtilizationPct, decimal? BillableUtilizationPct, decimal? TargetPct);

/// <summary>One client, brand, campaign, department or person over the period. Every amount is
/// NULL for a role that may not see money (the database decides); recognised revenue, budget, spend
/// and projection are NULL for departments and people (a fee is not earned by a person).</summary>
public sealed record ProfitabilityRowDto(
    string GroupKey, string GroupLabel, string? ClientName, int? CampaignCount, decimal TotalHours, decimal BillableHours,
    decimal? EarnedValue, decimal? RecognisedRevenue, decimal? LaborCost, decimal? DirectCost, decimal? Cost,
    decimal? Margin, decimal? MarginPct, decimal? RecognisedMargin, decimal? RecognisedMarginPct,
    decimal? Budget, decimal? SpendToDate, decimal? ProjectedAtCompletion);

/// <summary>The filters' choices.</summary>
public sealed record AnalyticsOptionsDto(
    IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, IReadOnlyList<Common.OptionDto> Clients, string Currency, bool SeesMoney);

/// <summary>One line of an invoice: <c>time</c> (hours × rate = amount, dated by the period) or
/// <c>expense</c> (dated, described, amount only), in the campaign's currency.</summary>
public sealed class InvoiceLineDto
{
    public Guid ClientId { get; init; }
    public string ClientCode { get; init; } = "";
    public string ClientName { get; init; } = "";
    public string Kind { get; init; } = "";
    public string CampaignCode { get; init; } = "";
    public string CampaignName { get; init; } = "";
    public string Person { get; init; } = "";
    public string? RoleName { get; init; }
    public DateOnly? LineDate { get; init; }
    public string? Description { get; init; }
    public decimal? Hours { get; init; }
    public decimal? Rate { get; init; }

    /// <summary>Null for time without a rate in force: billed at nothing until someone sets one.</summary>
    public decimal? Amount { get; init; }

    public string Currency { get; init; } = "";
}

/// <summary>The invoice export's lines for a period, or <see cref="IsRefused"/> when the caller's role may not bill.</summary>
public sealed record InvoiceLines(DateOnly From, DateOnly To, IReadOnlyList<InvoiceLineDto> Lines, bool IsRefused = false)
{
    public static InvoiceLines Refused(DateOnly from, DateOnly to) => new(from, to, [], IsRefused: true);
}
