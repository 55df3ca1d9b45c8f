namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.employees: a person of the agency, and the role that decides what they may do.</summary>
public sealed class Employee : AuditedEntity
{
    /// <summary>The sign-in account; null for people who never sign in.</summary>
    public Guid? UserId { get; set; }

    public string FullName { get; set; } = "";

    public string Email { get; set; } = "";

    public string? Title { get; set; }

    public string? Department { get; set; }

    public string AgencyRole { get; set; } = "creative";

    /// <summary>The figure in force today; the history (agency.employee_capacity_periods, 029) is the source.</summary>
    public decimal WeeklyCapacityHours { get; set; } = 40m;

    /// <summary>Skills as tags (029), for the capacity grid's filter.</summary>
    public string[] Skills { get; set; } = [];

    public bool Active { get; set; } = true;

    /// <summary>Set while the person's sign-in account is still being made (never active meanwhile).</summary>
    public DateTimeOffset? AccountPendingSince { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The import that brought it (052); null for one added on a screen. Written by the import only.</summary>
    public Guid? ImportBatchId { get; private set; }
}
