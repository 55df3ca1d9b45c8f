namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.rate_cards: default rates by role. Only finance and leadership see them.</summary>
public sealed class RateCard : AuditedEntity
{
    public string RoleName { get; set; } = "";

    public decimal BillRate { get; set; }

    public decimal CostRate { get; set; }

    /// <summary>The tenant's currency; the database fills it when left null and refuses any other.</summary>
    public string? Currency { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }
}
