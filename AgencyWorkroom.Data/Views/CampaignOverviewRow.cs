namespace AgencyWorkroom.Data.Views;

/// <summary>
/// A row of agency.v_campaign_overview: a campaign with its hours, team, artifacts, costs and
/// health. The money (revenue through budget_spent_pct) is null unless the session's role is
/// finance or leadership. Percentages are fractions (0.25 is 25%).
/// </summary>
public sealed class CampaignOverviewRow
{
    public Guid TenantId { get; init; }

    public Guid CampaignId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public string Status { get; init; } = "";

    public string BudgetType { get; init; } = "";

    public Guid ClientId { get; init; }

    public string ClientName { get; init; } = "";

    public Guid? BrandId { get; init; }

    public string? BrandName { get; init; }

    public DateOnly StartDate { get; init; }

    public DateOnly EndDate { get; init; }

    public int DurationWeeks { get; init; }

    public decimal BudgetAmount { get; init; }

    public string Currency { get; init; } = "";

    public string[] Tags { get; init; } = [];

    public int[] AlertThresholds { get; init; } = [];

    public Guid? ProcureQuoteId { get; init; }

    /// <summary>The phase whose dates include today, if any.</summary>
    public string? CurrentPhase { get; init; }

    public decimal TotalHours { get; init; }

    public decimal BillableHours { get; init; }

    public decimal HoursThisWeek { get; init; }

    public DateOnly? LastEntryDate { get; init; }

    public long TeamSize { get; init; }

    public long ArtifactCount { get; init; }

    public decimal ScheduleElapsedPct { get; init; }

    public decimal? Revenue { get; init; }

    public decimal? LaborCost { get; init; }

    public decimal? DirectCost { get; init; }

    public decimal? TotalCost { get; init; }

    public decimal? Margin { get; init; }

    public decimal? MarginPct { get; init; }

    public decimal? Spend { get; init; }

    public decimal? BudgetSpentPct { get; init; }

    /// <summary>on_track, at_risk or off_track.</summary>
    public string Health { get; init; } = "";

    public string? HealthReason { get; init; }
}
