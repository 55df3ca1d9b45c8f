namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.time_off_entries: a person's holiday, sick or leave hours on one day (021). No
/// campaign, never billable, approved like time; netted out of capacity once approved.</summary>
public sealed class TimeOffEntry : AuditedEntity
{
    /// <summary>The session's person when left empty.</summary>
    public Guid EmployeeId { get; set; }

    /// <summary>holiday, sick or leave.</summary>
    public string Kind { get; set; } = "holiday";

    public DateOnly EntryDate { get; set; }

    public decimal Hours { get; set; }

    public string? Description { get; set; }

    /// <summary>The Monday of <see cref="EntryDate"/>, kept by a trigger; read only.</summary>
    public DateOnly WeekStartDate { get; private set; }

    public string Status { get; set; } = "draft";

    public DateTimeOffset? SubmittedAt { get; set; }

    public Guid? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? RejectedBy { get; set; }

    public DateTimeOffset? RejectedAt { get; set; }

    public string? RejectionReason { get; set; }
}
