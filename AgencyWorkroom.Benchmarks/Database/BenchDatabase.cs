using AgencyWorkroom.Data;
using AgencyWorkroom.Data.DemoData;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AgencyWorkroom.Benchmarks.Database;

/// <summary>
/// The dev database the benchmarks read: the web app's role (row-level security applies), the
/// maintenance role (BYPASSRLS: the baselines and the bulk top-up, always naming the tenant)
/// and the scale tenant's people the app-role work runs as.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(NpgsqlDataSource app, NpgsqlDataSource maintenance, NpgsqlDataSource? owner, ScaleTenant tenant)
    {
        App = app;
        Maintenance = maintenance;
        Owner = owner;
        Tenant = tenant;
    }

    /// <summary>The web app's login role: not the owner, NOBYPASSRLS.</summary>
    public NpgsqlDataSource App { get; }

    /// <summary>BYPASSRLS, for baselines without row-level security and for bulk loads; every statement names the tenant.</summary>
    public NpgsqlDataSource Maintenance { get; }

    /// <summary>The schema owner, when configured: only to ANALYZE after a bulk load.</summary>
    public NpgsqlDataSource? Owner { get; }

    public ScaleTenant Tenant { get; }

    public static async Task<BenchDatabase> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var app = DataServiceExtensions.CreateDataSource(configuration.GetRequiredConnectionString(DataServiceExtensions.ConnectionStringName));
        var maintenance = DataServiceExtensions.CreateDataSource(configuration.GetRequiredConnectionString(DemoSeeder.ConnectionStringName));
        var owner = configuration.GetConnectionString(DataServiceExtensions.OwnerConnectionStringName) is { Length: > 0 } ownerConnection
            ? DataServiceExtensions.CreateDataSource(ownerConnection)
            : null;
        var tenant = await ScaleTenant.FindAsync(maintenance, cancellationToken);
        return new BenchDatabase(app, maintenance, owner, tenant);
    }

    /// <summary>
    /// One unit of work as the app runs it: a transaction whose first statement is
    /// agency.start_unit_of_work (tenant, person; the role read from the employee row).
    /// </summary>
    public async Task<T> InUnitOfWorkAsync<T>(
        NpgsqlDataSource source, Guid employee, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, bool commit = true,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var start = new NpgsqlCommand("select agency.start_unit_of_work(@tenant, @employee)", connection, transaction))
        {
            start.Parameters.AddWithValue("tenant", Tenant.Id);
            start.Parameters.AddWithValue("employee", employee);
            await start.ExecuteScalarAsync(cancellationToken);
        }

        var result = await work(connection, transaction);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Runs a query and reads every row (the transfer counts), returning how many there were.</summary>
    public static async Task<int> DrainAsync(NpgsqlCommand command, CancellationToken cancellationToken = default)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of a query in the same unit of work as the benchmark ran it,
    /// written to <paramref name="file"/>; returns the plan's execution-time line.
    /// </summary>
    public async Task<string> ExplainAsync(
        NpgsqlDataSource source, Guid employee, string sql, Action<NpgsqlParameterCollection> parameters, string file)
    {
        var plan = await InUnitOfWorkAsync(source, employee, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("explain (analyze, buffers) " + sql, connection, transaction);
            parameters(command.Parameters);
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return lines;
        }, commit: false);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllLinesAsync(file, [sql, "", .. plan]);
        return plan.LastOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "";
    }

    /// <summary>A single value from the maintenance role; <c>@tenant</c> in the SQL is the scale tenant.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Maintenance.CreateCommand(sql);
        if (sql.Contains("@tenant", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("tenant", Tenant.Id);
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Maintenance.DisposeAsync();
        if (Owner is not null)
        {
            await Owner.DisposeAsync();
        }
    }
}
