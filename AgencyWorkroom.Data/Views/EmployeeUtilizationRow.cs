namespace AgencyWorkroom.Data.Views;

/// <summary>
/// A row of agency.v_employee_utilization: one person's logged and allocated hours in one week.
/// The percentages are fractions of capacity, null when the person has no capacity.
/// </summary>
public sealed class EmployeeUtilizationRow
{
    public Guid TenantId { get; init; }

    public Guid EmployeeId { get; init; }

    public string FullName { get; init; } = "";

    public string? Title { get; init; }

    public string? Department { get; init; }

    public string AgencyRole { get; init; } = "";

    public bool Active { get; init; }

    public DateOnly WeekStartDate { get; init; }

    /// <summary>The week's capacity less the person's approved time off that week (021).</summary>
    public decimal CapacityHours { get; init; }

    public decimal TotalHours { get; init; }

    public decimal BillableHours { get; init; }

    public decimal AllocatedHours { get; init; }

    public decimal? UtilizationPct { get; init; }

    public decimal? BillableUtilizationPct { get; init; }

    public decimal? AllocationPct { get; init; }
}
