using System.Data;
using Npgsql;

namespace AgencyWorkroom.Data.Schema;

/// <summary>
/// Applies the ordered <c>Schema/NNN_name.sql</c> scripts and keeps their ledger in
/// <c>meta.schema_migrations</c>. Each script runs with its ledger row in one transaction,
/// so a failed script leaves nothing behind; an applied script must never change.
/// </summary>
public sealed class SchemaMigrator
{
    /// <summary>The group role the web app's login role belongs to; it may read the ledger.</summary>
    public const string AppRole = "agency_app";

    // One fixed key: every migrator on the same database waits for the one before it
    // (parallel test runs, several app instances starting at once).
    private const long AdvisoryLockKey = 0x_4147_454E_4359_4D49; // "AGENCYMI"

    private const string ResourcePrefix = "AgencyWorkroom.Data.Schema.";

    private const string CreateLedgerSql = """
        create schema if not exists meta;
        create table if not exists meta.schema_migrations (
            version int primary key,
            name text not null,
            checksum text not null,
            applied_at timestamptz not null default now()
        );
        """;

    private const string GrantLedgerSql = $$"""
        do $$
        begin
            if exists (select from pg_roles where rolname = '{{AppRole}}') then
                grant usage on schema meta to {{AppRole}};
                grant select on meta.schema_migrations to {{AppRole}};
            end if;
        end
        $$;
        """;

    private const string LevelSql = "select version, name from meta.schema_migrations order by version desc limit 1";

    /// <summary>Uses the scripts embedded in this assembly.</summary>
    public SchemaMigrator()
        : this(LoadEmbeddedScripts())
    {
    }

    /// <summary>Uses the given scripts instead, e.g. a test's edited copy.</summary>
    public SchemaMigrator(IReadOnlyList<MigrationScript> scripts)
    {
        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.FileName))}.",
                nameof(scripts));
        }

        Scripts = [.. scripts.OrderBy(s => s.Version)];
    }

    /// <summary>The scripts in the order they apply.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; }

    /// <summary>The version the database reaches once every script is applied; 0 when there are none.</summary>
    public int ExpectedLevel => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Applies the scripts not yet in the ledger.</summary>
    /// <param name="owner">Connects as the role that owns the schema.</param>
    /// <exception cref="MigrationChecksumMismatchException">An applied script was edited.</exception>
    /// <exception cref="MigrationFailedException">A script's SQL failed; it was rolled back.</exception>
    public async Task<MigrationReport> MigrateAsync(NpgsqlDataSource owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await owner.OpenConnectionAsync(cancellationToken);

        // A session lock rather than a transaction one: each script commits on its own.
        await ExecuteAsync(connection, "select pg_advisory_lock(@key)", cancellationToken, LockKeyParameter());
        try
        {
            await ExecuteAsync(connection, CreateLedgerSql, cancellationToken);
            var recorded = await ReadLedgerAsync(connection, cancellationToken);

            // Refuse before changing anything when an applied script was edited.
            foreach (var script in Scripts)
            {
                if (recorded.TryGetValue(script.Version, out var recordedChecksum) && recordedChecksum != script.Checksum)
                {
                    throw new MigrationChecksumMismatchException(script, recordedChecksum);
                }
            }

            var applied = new List<MigrationScript>();
            foreach (var script in Scripts.Where(s => !recorded.ContainsKey(s.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken);
                applied.Add(script);
            }

            await ExecuteAsync(connection, GrantLedgerSql, cancellationToken);
            var (level, levelName) = await ReadLevelAsync(connection, cancellationToken);
            return new MigrationReport(applied, Scripts.Count - applied.Count, level, levelName);
        }
        finally
        {
            // Pooled connections keep session locks until reset, so release it explicitly;
            // a broken connection has lost its session, and the lock with it.
            if (connection.State == ConnectionState.Open)
            {
                await ExecuteAsync(connection, "select pg_advisory_unlock(@key)", CancellationToken.None, LockKeyParameter());
            }
        }
    }

    /// <summary>
    /// Reports whether the database is reachable and how far it is migrated. Never throws for
    /// database trouble: a connection failure comes back as <c>Connected = false</c> with its exception.
    /// </summary>
    /// <param name="anyRole">Any role that may read <c>meta.schema_migrations</c>, e.g. the app's.</param>
    public async Task<SchemaStatus> GetStatusAsync(NpgsqlDataSource anyRole, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await anyRole.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever stops the connection (refused, unknown host, bad password, timeout) means "not reachable".
            return new SchemaStatus(false, null, null, ExpectedLevel, ex);
        }

        await using (connection)
        {
            try
            {
                var (level, levelName) = await ReadLevelAsync(connection, cancellationToken);
                return new SchemaStatus(true, level, levelName, ExpectedLevel, null);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InvalidSchemaName or PostgresErrorCodes.UndefinedTable)
            {
                // No ledger yet: a database that has never been migrated.
                return new SchemaStatus(true, null, null, ExpectedLevel, null);
            }
            catch (NpgsqlException ex)
            {
                return new SchemaStatus(true, null, null, ExpectedLevel, ex);
            }
        }
    }

    /// <summary>Reads the <c>Schema/*.sql</c> files embedded in this assembly.</summary>
    public static IReadOnlyList<MigrationScript> LoadEmbeddedScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) ||
                !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream); // UTF-8; drops a BOM if there is one
            scripts.Add(MigrationScript.FromFile(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return scripts;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            // A script may build indexes over seed data: no command timeout.
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction) { CommandTimeout = 0 })
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand(
                "insert into meta.schema_migrations (version, name, checksum) values (@version, @name, @checksum)",
                connection,
                transaction))
            {
                record.Parameters.AddWithValue("version", script.Version);
                record.Parameters.AddWithValue("name", script.Name);
                record.Parameters.AddWithValue("checksum", script.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new MigrationFailedException(script, ex);
        }
    }

    private static async Task<Dictionary<int, string>> ReadLedgerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version, checksum from meta.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var recorded = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded.Add(reader.GetInt32(0), reader.GetString(1));
        }

        return recorded;
    }

    private static async Task<(int? Level, string? Name)> ReadLevelAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LevelSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetString(1)) : (null, null);
    }

    private static NpgsqlParameter<long> LockKeyParameter() => new("key", AdvisoryLockKey);

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        string sql,
        CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
