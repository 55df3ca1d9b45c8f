using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AgencyWorkroom.Data.Session;

/// <summary>
/// The only way to the agency data: one short-lived context, one transaction, and as its first
/// statement <c>agency.start_unit_of_work</c>, which sets <c>app.current_tenant</c>,
/// <c>app.current_user_id</c> and <c>app.current_role</c> transaction-locally
/// (<c>set_config(..., true)</c>), the role read fresh from the person's employee row. The
/// settings end with the transaction, so a pooled connection never carries them further.
/// </summary>
public sealed class UnitOfWork(
    IDbContextFactory<WorkroomDbContext> contexts,
    ISessionContextSource session,
    ILogger<UnitOfWork> logger)
{
    public async Task<T> RunAsync<T>(Func<WorkroomDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var context = await session.GetAsync(cancellationToken) ?? throw new NoSessionContextException();
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["TenantId"] = context.TenantId,
            ["EmployeeId"] = context.EmployeeId,
        });

        return await Transactions.RunAsync(contexts, (command, ct) => StartAsync(command, context, ct), work, cancellationToken);
    }

    public Task RunAsync(Func<WorkroomDbContext, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        RunAsync<bool>(async (db, ct) =>
        {
            await work(db, ct);
            return true;
        }, cancellationToken);

    private static async Task StartAsync(DbCommand command, SessionContext context, CancellationToken cancellationToken)
    {
        command.CommandText = "select agency.start_unit_of_work(@tenant, @employee)";
        command.Parameters.Add(new NpgsqlParameter<Guid>("tenant", context.TenantId));
        command.Parameters.Add(new NpgsqlParameter<Guid>("employee", context.EmployeeId));
        try
        {
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new AccessRevokedException(context);
        }
    }
}
