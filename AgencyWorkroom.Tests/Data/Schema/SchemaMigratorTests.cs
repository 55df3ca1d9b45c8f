using AgencyWorkroom.Data;
using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>The migrator on a scratch database of its own, created and dropped by the test.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SchemaMigratorTests(TwoTenantWorld world) : IAsyncLifetime
{
    private readonly string _scratchName = $"workroom_scratch_{Guid.NewGuid():N}";
    private NpgsqlDataSource _scratch = null!;

    // A fingerprint of everything the scripts create: relations, columns, policies, functions, indexes.
    private const string SchemaFingerprint = """
        select md5(string_agg(item, E'\n' order by item)) from (
          select 'rel ' || c.oid::regclass || ' ' || c.relkind::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
          from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear', 'meta')
          union all
          select 'col ' || attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod)
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear') and attnum > 0 and not attisdropped
          union all
          select 'pol ' || schemaname || '.' || tablename || '.' || policyname || ' ' || coalesce(qual, '') || coalesce(with_check, '')
          from pg_policies
          union all
          select 'fn ' || p.oid::regprocedure || ' ' || md5(p.prosrc) from pg_proc p
          where p.pronamespace in ('agency'::regnamespace)
          union all
          select 'con ' || conrelid::regclass || ' ' || conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear')
          union all
          select 'ledger ' || version || ' ' || checksum from meta.schema_migrations
        ) items (item)
        """;

    public async Task InitializeAsync()
    {
        await OnTestDatabaseAsync($"create database {_scratchName}");
        var builder = new NpgsqlConnectionStringBuilder(world.Database.OwnerConnectionString) { Database = _scratchName, Pooling = false };
        _scratch = DataServiceExtensions.CreateDataSource(builder.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _scratch.DisposeAsync();
        // Without FORCE: our connections are closed (no pooling), and a plain drop stops autovacuum
        // workers itself, where FORCE would need the right to signal them.
        await OnTestDatabaseAsync($"drop database if exists {_scratchName}");
    }

    // create and drop database cannot run inside a transaction.
    private async Task OnTestDatabaseAsync(string sql)
    {
        await using var connection = await world.Database.Owner.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task MigrateAsync_Twice_SecondRunChangesNothing()
    {
        var migrator = new SchemaMigrator();

        var first = await migrator.MigrateAsync(_scratch);
        var afterFirst = await FingerprintAsync();
        var second = await migrator.MigrateAsync(_scratch);

        Assert.Equal(migrator.Scripts.Select(s => s.Version), first.Applied.Select(s => s.Version));
        Assert.Empty(second.Applied);
        Assert.Equal(afterFirst, await FingerprintAsync());
        Assert.Equal(migrator.ExpectedLevel, second.Level);
    }

    [Fact]
    public async Task MigrateAsync_ScriptsRunAgainDirectly_AreIdempotent()
    {
        // The files also apply with plain psql in order, over and over: running each again changes nothing.
        var migrator = new SchemaMigrator();
        await migrator.MigrateAsync(_scratch);
        var before = await FingerprintAsync();

        await using (var connection = await _scratch.OpenConnectionAsync())
        {
            foreach (var script in migrator.Scripts)
            {
                await using var command = new NpgsqlCommand(script.Sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptEdited_IsRefusedWithItsName()
    {
        var original = SchemaMigrator.LoadEmbeddedScripts();
        await new SchemaMigrator(original).MigrateAsync(_scratch);
        var edited = original
            .Select(s => s.Version == 3 ? s with { Sql = s.Sql + "\n-- edited after it was applied\n" } : s)
            .ToList();

        var refused = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(
            () => new SchemaMigrator(edited).MigrateAsync(_scratch));

        Assert.Contains("003_agency_timesheets.sql", refused.Message);
    }

    [Fact]
    public async Task GetStatusAsync_ReportsLevelAndUnreachableDatabase()
    {
        var migrator = new SchemaMigrator();
        Assert.Null((await migrator.GetStatusAsync(_scratch)).Level);
        await migrator.MigrateAsync(_scratch);

        var status = await migrator.GetStatusAsync(_scratch);
        await using var nowhere = DataServiceExtensions.CreateDataSource("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2");
        var unreachable = await migrator.GetStatusAsync(nowhere);

        Assert.True(status.Connected);
        Assert.Equal(migrator.ExpectedLevel, status.Level);
        Assert.False(unreachable.Connected);
        Assert.IsAssignableFrom<NpgsqlException>(unreachable.Failure);
    }

    private async Task<string> FingerprintAsync()
    {
        await using var connection = await _scratch.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(SchemaFingerprint, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
