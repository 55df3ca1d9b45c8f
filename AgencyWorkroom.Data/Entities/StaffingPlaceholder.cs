namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.staffing_placeholders: a role not yet staffed on a campaign (029).</summary>
public sealed class StaffingPlaceholder : AuditedEntity
{
    public Guid CampaignId { get; set; }

    public string RoleName { get; set; } = "";

    public string? Department { get; set; }

    public string? Notes { get; set; }
}
