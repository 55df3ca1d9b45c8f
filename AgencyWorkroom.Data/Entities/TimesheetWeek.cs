namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.timesheet_weeks: the state of one person's week that no entry holds (021): its
/// lock, finance's sign-off, the last unlock and its reason. Written only by the database.</summary>
public sealed class TimesheetWeek : TenantEntity
{
    public Guid EmployeeId { get; set; }

    public DateOnly WeekStartDate { get; set; }

    public DateTimeOffset? LockedAt { get; set; }

    public Guid? SignedOffBy { get; set; }

    public DateTimeOffset? SignedOffAt { get; set; }

    public Guid? UnlockedBy { get; set; }

    public DateTimeOffset? UnlockedAt { get; set; }

    public string? UnlockReason { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>When the week was last submitted (030; the activity feed).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The week's last rejection: when, by whom and why (030; the activity feed).</summary>
    public DateTimeOffset? RejectedAt { get; set; }

    public Guid? RejectedBy { get; set; }

    public string? RejectionReason { get; set; }
}
