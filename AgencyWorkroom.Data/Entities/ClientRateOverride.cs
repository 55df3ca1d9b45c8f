namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.client_rate_overrides (022): a client's bill rate, for every role or one card's role. Only finance and leadership see them.</summary>
public sealed class ClientRateOverride : AuditedEntity
{
    public Guid ClientId { get; set; }

    /// <summary>Null: every role; else only people whose card has this role.</summary>
    public string? RoleName { get; set; }

    public decimal BillRate { get; set; }

    /// <summary>The tenant's currency; the database fills it when left null and refuses any other.</summary>
    public string? Currency { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Exclusive; null while the rate is current.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public string? Note { get; set; }
}
