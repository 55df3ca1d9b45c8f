namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.employee_rates: a person's own rates. Only finance and leadership see them.</summary>
public sealed class EmployeeRate : AuditedEntity
{
    public Guid EmployeeId { get; set; }

    public Guid? RateCardId { get; set; }

    public decimal BillRate { get; set; }

    public decimal CostRate { get; set; }

    public string Currency { get; set; } = "USD";

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Exclusive; null while the rate is current.</summary>
    public DateOnly? EffectiveTo { get; set; }
}
