namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.employee_utilization_targets: a person's utilization target (0 to 1) from a date until their next one (035);
/// read through agency.utilization_target_for.</summary>
public sealed class EmployeeUtilizationTarget : AuditedEntity
{
    public Guid EmployeeId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public decimal Target { get; set; }

    public string? Note { get; set; }
}
