namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.notifications: one alert for one person, raised by the system or a trigger: budget
/// alerts (a campaign and a threshold) and the steps of a timesheet week (021: a week).</summary>
public sealed class Notification : AuditedEntity
{
    public Guid RecipientId { get; set; }

    /// <summary>budget_alert, or timesheet_submitted, _approved, _rejected, _unlocked, _signed_off, _reminder; artifact_review, artifact_mention.</summary>
    public string Kind { get; set; } = "";

    public Guid? CampaignId { get; set; }

    /// <summary>The percent of the budget spent that was crossed.</summary>
    public int? Threshold { get; set; }

    /// <summary>The timesheet week a timesheet notification is about.</summary>
    public DateOnly? WeekStartDate { get; set; }

    /// <summary>The artifact a review step or a mention is about (036).</summary>
    public Guid? ArtifactId { get; set; }

    /// <summary>The equipment checkout an <c>equipment_overdue</c> notification is about (041).</summary>
    public Guid? CheckoutId { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset? ReadAt { get; set; }
}
