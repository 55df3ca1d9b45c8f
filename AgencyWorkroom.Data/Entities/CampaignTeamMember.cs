namespace AgencyWorkroom.Data.Entities;

/// <summary>A row of agency.campaign_team: a person in one role on one campaign.</summary>
public sealed class CampaignTeamMember : AuditedEntity
{
    public Guid CampaignId { get; set; }

    public Guid EmployeeId { get; set; }

    public string TeamRole { get; set; } = "";
}
