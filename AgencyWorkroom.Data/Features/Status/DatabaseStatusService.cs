using AgencyWorkroom.Data.Schema;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Status;

/// <summary>Asks the database, through the app's own connection, how far it is migrated.</summary>
public sealed class DatabaseStatusService(NpgsqlDataSource dataSource, SchemaMigrator migrator) : IDatabaseStatus
{
    public Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        migrator.GetStatusAsync(dataSource, cancellationToken);
}
