namespace AgencyWorkroom.Data.Entities;

/// <summary>gear.checkouts: equipment checked out in Gearroom.</summary>
public sealed class EquipmentCheckout : TenantEntity
{
    public string EquipmentName { get; set; } = "";

    public string AssetTag { get; set; } = "";

    public Guid CheckedOutBy { get; set; }

    public DateTimeOffset CheckedOutAt { get; set; }

    public DateTimeOffset? DueBackAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public decimal DailyRate { get; set; }

    public Guid? AgencyCampaignId { get; set; }
}
