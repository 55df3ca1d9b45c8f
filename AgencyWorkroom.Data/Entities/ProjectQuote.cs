namespace AgencyWorkroom.Data.Entities;

/// <summary>procure.project_quotes: a vendor quote in Procure.</summary>
public sealed class ProjectQuote : TenantEntity
{
    public string QuoteNumber { get; set; } = "";

    public string VendorName { get; set; } = "";

    public string? Description { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "USD";

    public string Status { get; set; } = "draft";
}
