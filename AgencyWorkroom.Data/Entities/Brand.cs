namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.brands: a brand of one client.</summary>
public sealed class Brand : AuditedEntity, IVersionedEntity
{
    public uint Version { get; set; }

    public Guid ClientId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
