namespace AgencyWorkroom.Data.Views;

/// <summary>
/// A row of agency.v_client_360: a client with its brands, campaigns and totals. The money
/// (revenue through budget_spent_pct) is null unless the session's role is finance or leadership.
/// </summary>
public sealed class Client360Row
{
    public Guid TenantId { get; init; }

    public Guid ClientId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Sector { get; init; }

    public string Status { get; init; } = "";

    public string? Website { get; init; }

    public string? PrimaryContactName { get; init; }

    public string? PrimaryContactEmail { get; init; }

    public Guid? AccountLeadId { get; init; }

    public string? AccountLeadName { get; init; }

    public long BrandCount { get; init; }

    public string[] BrandNames { get; init; } = [];

    public long CampaignCount { get; init; }

    public long ActiveCampaignCount { get; init; }

    public decimal TotalBudget { get; init; }

    public decimal TotalHours { get; init; }

    public decimal HoursThisQuarter { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    public decimal? Revenue { get; init; }

    public decimal? Cost { get; init; }

    public decimal? Margin { get; init; }

    public decimal? MarginPct { get; init; }

    public decimal? Spend { get; init; }

    public decimal? BudgetSpentPct { get; init; }
}
