namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.campaign_phases: strategy, creative, production, post.</summary>
public sealed class CampaignPhase : AuditedEntity, IVersionedEntity
{
    public uint Version { get; set; }

    public Guid CampaignId { get; set; }

    public string PhaseType { get; set; } = "";

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public string Status { get; set; } = "not_started";

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public decimal BudgetAmount { get; set; }
}
