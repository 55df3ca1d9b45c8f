namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.clients.</summary>
public sealed class Client : AuditedEntity, IVersionedEntity
{
    public uint Version { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Sector { get; set; }

    public string Status { get; set; } = "active";

    public string? Website { get; set; }

    public string? PrimaryContactName { get; set; }

    public string? PrimaryContactEmail { get; set; }

    public string? Notes { get; set; }

    public Guid? AccountLeadId { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The import that brought it (052); null for one added on a screen. Written by the import only.</summary>
    public Guid? ImportBatchId { get; private set; }
}
