namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.notifications: one alert for one person, raised once (the budget alerts).</summary>
public sealed class Notification : AuditedEntity
{
    public Guid RecipientId { get; set; }

    /// <summary>budget_alert.</summary>
    public string Kind { get; set; } = "";

    public Guid CampaignId { get; set; }

    /// <summary>The percent of the budget spent that was crossed.</summary>
    public int Threshold { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset? ReadAt { get; set; }
}
