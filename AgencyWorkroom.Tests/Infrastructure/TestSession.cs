using Npgsql;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// One transaction on one connection, with the RLS session variables set transaction-locally
/// (or deliberately not set), rolled back when disposed so tests leave no trace.
/// </summary>
public sealed class TestSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private TestSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public NpgsqlConnection Connection => _connection;

    public NpgsqlTransaction Transaction => _transaction;

    /// <summary>A session as the given person; pass nulls (or empty strings) to set nothing.</summary>
    public static async Task<TestSession> BeginAsync(NpgsqlDataSource dataSource, Guid? tenant, string? role, Guid? user)
    {
        var session = await BeginWithoutContextAsync(dataSource);
        await session.SetContextAsync(tenant?.ToString(), role, user?.ToString());
        return session;
    }

    public static async Task<TestSession> BeginWithoutContextAsync(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        return new TestSession(connection, transaction);
    }

    /// <summary>Switches the person within the transaction (the seeder acts as several).</summary>
    public Task SetContextAsync(string? tenant, string? role, string? user) =>
        ExecuteAsync(
            "select set_config('app.current_tenant', @t, true), set_config('app.current_role', @r, true), " +
            "set_config('app.current_user_id', @u, true)",
            ("t", tenant ?? ""), ("r", role ?? ""), ("u", user ?? ""));

    public Task SetContextAsync(Guid tenant, string role, Guid user) =>
        SetContextAsync(tenant.ToString(), role, user.ToString());

    /// <summary>Runs a statement; returns the rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    /// <summary>Each row as column name to value (DBNull as null).</summary>
    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs a statement expected to fail; returns PostgreSQL's error. The transaction
    /// goes on behind a savepoint, so one refusal does not end the test's session.</summary>
    public async Task<PostgresException> FailureAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await _transaction.SaveAsync("expected_failure");
        try
        {
            await using var command = Command(sql, parameters);
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex)
        {
            await _transaction.RollbackAsync("expected_failure");
            return ex;
        }

        throw new Xunit.Sdk.XunitException($"Expected PostgreSQL to refuse, but it ran: {sql}");
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
