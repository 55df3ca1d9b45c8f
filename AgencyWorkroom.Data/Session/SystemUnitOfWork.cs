using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgencyWorkroom.Data.Session;

/// <summary>
/// Units of work for background jobs, which no person runs: as the tenant's system actor
/// (<c>agency.start_system_unit_of_work</c>: the tenant set, the role <c>system</c>, no person).
/// What that actor may do is written in 018 and decision 007, and nowhere else.
/// </summary>
public sealed class SystemUnitOfWork(
    IDbContextFactory<WorkroomDbContext> contexts, IdentityDataSource accounts, NpgsqlDataSource dataSource, ILogger<SystemUnitOfWork> logger)
{
    public async Task<T> RunAsync<T>(Guid tenantId, Func<WorkroomDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenantId, ["Actor"] = "system" });
        return await Transactions.RunAsync(contexts, (command, ct) => StartAsync(command, tenantId, ct), work, cancellationToken);
    }

    /// <summary>
    /// The tenants that have members, from the sign-in accounts: the one table read before any
    /// tenant is known (008), so the one place a job can learn which tenants to visit. Read through
    /// Identity's connection: the units of work have no grant on schema identity (042).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> TenantsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = accounts.DataSource.CreateCommand("select distinct tenant_id from identity.users order by 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(reader.GetGuid(0));
        }

        return tenants;
    }

    /// <summary>
    /// LISTENs on <paramref name="channel"/> on a connection of its own and passes each payload
    /// to <paramref name="heard"/> (after <paramref name="listening"/>, once the LISTEN holds),
    /// until cancelled; a lost connection throws, for the caller to listen again. No tenant is
    /// set and nothing is read: a payload only tells a job where to look.
    /// </summary>
    public async Task ListenAsync(string channel, Action<string> heard, Action listening, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) => heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"listen {channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        listening();
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private static async Task StartAsync(DbCommand command, Guid tenantId, CancellationToken cancellationToken)
    {
        command.CommandText = "select agency.start_system_unit_of_work(@tenant)";
        command.Parameters.Add(new NpgsqlParameter<Guid>("tenant", tenantId));
        try
        {
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException($"No tenant {tenantId}: a system unit of work needs an existing tenant.", ex);
        }
    }
}
