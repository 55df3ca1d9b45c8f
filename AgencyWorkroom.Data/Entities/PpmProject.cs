namespace AgencyWorkroom.Data.Entities;

/// <summary>finance_ppm.projects: a project in Finance PPM.</summary>
public sealed class PpmProject : TenantEntity
{
    public string ProjectCode { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal BudgetAmount { get; set; }

    public string Currency { get; set; } = "USD";

    public Guid? AgencyCampaignId { get; set; }
}
