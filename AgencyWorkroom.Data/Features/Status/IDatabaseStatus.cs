using AgencyWorkroom.Data.Schema;

namespace AgencyWorkroom.Data.Features.Status;

/// <summary>Whether the database is reachable and migrated, as the home page shows it.</summary>
public interface IDatabaseStatus
{
    Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
