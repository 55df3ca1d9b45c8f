namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.timesheet_timers: the one running timer of a person (021), kept in the database
/// so that it survives a reload or a reconnect; agency.stop_timer turns it into time.</summary>
public sealed class TimesheetTimer : AuditedEntity
{
    public Guid EmployeeId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid? PhaseId { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}
