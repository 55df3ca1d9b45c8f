namespace AgencyWorkroom.Data.Entities;

/// <summary>
/// A table of the agency schema: also who made the row (<c>created_by</c>, the session's person
/// when left null) and who last changed it (<c>updated_by</c>, kept by the set_updated_at trigger).
/// </summary>
public abstract class AuditedEntity : TenantEntity
{
    public Guid? CreatedBy { get; set; }

    public Guid? UpdatedBy { get; set; }
}
