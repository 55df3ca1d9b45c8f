namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.employee_rates: a person's own rates. Only finance and leadership see them.</summary>
public sealed class EmployeeRate : AuditedEntity
{
    public Guid EmployeeId { get; set; }

    public Guid? RateCardId { get; set; }

    /// <summary>Null: the person bills at their card (agency.rate_for).</summary>
    public decimal? BillRate { get; set; }

    /// <summary>Null: the person costs at their card.</summary>
    public decimal? CostRate { get; set; }

    /// <summary>The tenant's currency; the database fills it when left null and refuses any other.</summary>
    public string? Currency { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Exclusive; null while the rate is current.</summary>
    public DateOnly? EffectiveTo { get; set; }
}
