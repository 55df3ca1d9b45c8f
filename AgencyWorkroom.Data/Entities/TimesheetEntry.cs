namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.timesheet_entries: hours one person logged on one campaign on one day.</summary>
public sealed class TimesheetEntry : AuditedEntity, IVersionedEntity
{
    public uint Version { get; set; }

    /// <summary>The session's person when left empty.</summary>
    public Guid EmployeeId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid? PhaseId { get; set; }

    public DateOnly EntryDate { get; set; }

    public decimal Hours { get; set; }

    public bool Billable { get; set; } = true;

    public string? Description { get; set; }

    /// <summary>The Monday of <see cref="EntryDate"/>, kept by the set_week_start trigger; read only.</summary>
    public DateOnly WeekStartDate { get; private set; }

    public string Status { get; set; } = "draft";

    public DateTimeOffset? SubmittedAt { get; set; }

    public Guid? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? RejectedBy { get; set; }

    public DateTimeOffset? RejectedAt { get; set; }

    /// <summary>Why an approver rejected it (021: required to reject); cleared when submitted again.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>The import that brought it (045); null for time logged here. Written by the import only.</summary>
    public Guid? ImportBatchId { get; private set; }

    /// <summary>What makes a second import of the same line add nothing (045, decision 025); read only.</summary>
    public Guid? ImportKey { get; private set; }
}
