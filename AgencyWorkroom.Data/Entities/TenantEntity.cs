namespace AgencyWorkroom.Data.Entities;

/// <summary>
/// The columns every tenant table has: the key <c>(tenant_id, id)</c> and the two timestamps.
/// Left at their defaults (<see cref="Guid.Empty"/>, <c>default</c>), the key and the timestamps
/// are not sent on insert: the database fills them, the tenant from the session
/// (<c>agency.current_tenant_id()</c>), and EF reads them back.
/// </summary>
public abstract class TenantEntity
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
