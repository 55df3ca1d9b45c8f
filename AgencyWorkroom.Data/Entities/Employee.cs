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

    public decimal WeeklyCapacityHours { get; set; } = 40m;

    public bool Active { get; set; } = true;

    /// <summary>Set while the person's sign-in account is still being made (never active meanwhile).</summary>
    public DateTimeOffset? AccountPendingSince { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
