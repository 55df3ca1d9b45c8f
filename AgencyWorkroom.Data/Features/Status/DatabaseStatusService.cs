using AgencyWorkroom.Data.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Status;

/// <summary>Asks the database, through the app's own connection, how far it is migrated.</summary>
public sealed class DatabaseStatusService(NpgsqlDataSource dataSource, SchemaMigrator migrator, ILogger<DatabaseStatusService> logger)
    : IDatabaseStatus
{
    public async Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var status = await migrator.GetStatusAsync(dataSource, cancellationToken);
        if (status.Failure is { } failure)
        {
            // The page says only "not reachable"; what went wrong, and where, is for whoever reads the log.
            logger.LogWarning(failure, "Database status check failed (connected: {Connected})", status.Connected);
        }

        return status;
    }
}
