namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.employee_capacity_periods: a person's weekly hours from a date until the next period's (029).</summary>
public sealed class EmployeeCapacityPeriod : AuditedEntity
{
    public Guid EmployeeId { get; set; }

    /// <summary><see cref="DateOnly.MinValue"/> (-infinity) for the figure before any recorded change.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The next period's start, kept by the database; null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public decimal WeeklyHours { get; set; }

    /// <summary>The previous period's weekly hours, kept by the database (what this change changes).</summary>
    public decimal? PreviousHours { get; set; }

    public string? Note { get; set; }
}
