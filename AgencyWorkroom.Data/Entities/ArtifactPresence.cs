namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.artifact_presence: a person's mark on an artifact they have open (038); written by its own upsert, not through EF.</summary>
public sealed class ArtifactPresence : TenantEntity
{
    public Guid ArtifactId { get; set; }

    public Guid EmployeeId { get; set; }

    public DateTimeOffset SeenAt { get; set; }
}
