namespace AgencyWorkroom.Data.Views;

/// <summary>
/// A row of agency.v_dashboard_kpis: the tenant's figures for this week and this month.
/// The money is null unless the session's role is finance or leadership.
/// </summary>
public sealed class DashboardKpisRow
{
    public Guid TenantId { get; init; }

    public string TenantName { get; init; } = "";

    public decimal UtilizationTarget { get; init; }

    public DateOnly WeekStartDate { get; init; }

    public long ActiveCampaigns { get; init; }

    public long CampaignsAtRisk { get; init; }

    public decimal HoursThisWeek { get; init; }

    public decimal BillableHoursThisWeek { get; init; }

    public decimal CapacityHoursThisWeek { get; init; }

    /// <summary>A fraction; null when nobody has capacity.</summary>
    public decimal? BillableUtilizationThisWeek { get; init; }

    public long PendingTimesheetApprovals { get; init; }

    public decimal? RevenueThisMonth { get; init; }

    public decimal? CostThisMonth { get; init; }

    public decimal? MarginThisMonth { get; init; }
}
