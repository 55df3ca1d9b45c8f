using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>
/// The database as an attacker from another tenant would try it, table by table, as the web
/// app's login role. Every statement runs in a transaction that is rolled back.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TenantIsolationTests(TwoTenantWorld world)
{
    private const string InsufficientPrivilege = PostgresErrorCodes.InsufficientPrivilege;

    public static TheoryData<string> Tables => TenantTables.All;

    [Fact]
    public async Task TenantTables_ListMatchesTheDatabase()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        var rows = await s.QueryAsync(
            """
            select n.nspname || '.' || c.relname as name
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear')
            """);
        Assert.Equal(TenantTables.Writers.Keys.Concat(TenantTables.Summaries).Order(), rows.Select(r => (string)r["name"]!).Order());
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task NoContext_SeesNoRowsAndWritesNothing(string table)
    {
        var copy = await CopyOfRowAsync(world.A, table);

        foreach (var unset in new[] { (string?)null, "" })
        {
            await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);
            if (unset is not null)
            {
                await s.SetContextAsync(unset, unset, unset);
            }

            Assert.Equal(0L, await s.ScalarAsync<long>($"select count(*) from {table}"));
            Assert.Equal(0, await s.ExecuteAsync($"update {table} set updated_at = updated_at"));
            Assert.Equal(0, await s.ExecuteAsync($"delete from {table}"));
            var refused = await s.FailureAsync(copy.Sql, copy.Parameters);
            Assert.Equal(InsufficientPrivilege, refused.SqlState);
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task OtherTenant_RowsCannotBeSeenChangedOrDeleted(string table)
    {
        var writer = TenantTables.Writers[table];
        var theirs = world.B.Rows[table];
        await using var s = await world.AppSessionAsync(world.A, writer.Role);

        Assert.Equal(0L, await s.ScalarAsync<long>($"select count(*) from {table} where tenant_id = @b", ("b", world.B.Id)));
        Assert.Equal(0L, await s.ScalarAsync<long>($"select count(*) from {table} where id = @id", ("id", theirs)));
        Assert.Equal(0, await s.ExecuteAsync($"update {table} set updated_at = now() where id = @id", ("id", theirs)));
        Assert.Equal(0, await s.ExecuteAsync($"delete from {table} where id = @id", ("id", theirs)));

        // The same role does reach its own tenant's row: the zeros above are isolation at work.
        Assert.Equal(1L, await s.ScalarAsync<long>($"select count(*) from {table} where id = @id", ("id", world.A.Rows[table])));
        if (writer.CanUpdate)
        {
            Assert.Equal(1, await s.ExecuteAsync($"update {table} set updated_at = now() where id = @id", ("id", world.A.Rows[table])));
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task InsertForOtherTenant_IsRefused(string table)
    {
        var copy = await CopyOfRowAsync(world.B, table);
        await using var s = await world.AppSessionAsync(world.A, TenantTables.Writers[table].Role);

        var refused = await s.FailureAsync(copy.Sql, copy.Parameters);

        Assert.Equal(InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task MovingOwnRowToOtherTenant_IsRefused(string table)
    {
        var writer = TenantTables.Writers[table];
        // tenants.tenant_id is generated from id, so a tenant row moves by its id.
        var column = table == "agency.tenants" ? "id" : "tenant_id";
        await using var s = await world.AppSessionAsync(world.A, writer.Role);
        var sql = $"update {table} set {column} = @b where id = @id";
        (string, object?)[] parameters = [("b", world.B.Id), ("id", world.A.Rows[table])];

        if (writer.CanUpdate)
        {
            var refused = await s.FailureAsync(sql, parameters);
            Assert.Equal(InsufficientPrivilege, refused.SqlState);
        }
        else
        {
            Assert.Equal(0, await s.ExecuteAsync(sql, parameters));
        }

        Assert.Equal(1L, await s.ScalarAsync<long>($"select count(*) from {table} where id = @id", ("id", world.A.Rows[table])));
    }

    [Fact]
    public async Task ForeignKeyToOtherTenantsRow_IsRefused()
    {
        var foreignKeys = await ForeignKeysAsync();
        Assert.NotEmpty(foreignKeys);

        // Summaries are written by their triggers only (CampaignHealthTests shows the app cannot write them).
        foreach (var (table, column, target) in foreignKeys.Where(k => !TenantTables.Summaries.Contains(k.Table)))
        {
            var writer = TenantTables.Writers[table];
            await using var s = await world.AppSessionAsync(world.A, writer.Role);
            var theirs = world.B.Rows[target];

            // Versions are never updated, so the attempt is a new version pointing at their artifact.
            // A passage has one source (039): pointed at their artifact, it leaves its document.
            var alsoClear = (table, column) == ("agency.knowledge_chunks", "artifact_id") ? ", document_id = null" : "";
            var refused = writer.CanUpdate
                ? await s.FailureAsync($"update {table} set {column} = @theirs{alsoClear} where id = @id",
                    ("theirs", theirs), ("id", world.A.Rows[table]))
                : await FailedCopyAsync(s, table, column, theirs);

            // Columns that name the acting person (owner, author, user) meet their policy first.
            Assert.True(refused.SqlState is PostgresErrorCodes.ForeignKeyViolation or InsufficientPrivilege,
                $"{table}.{column} -> {target}: expected a refusal, got {refused.SqlState} {refused.MessageText}");
        }
    }

    /// <summary>Each foreign key's last column (the one after tenant_id) and its target table,
    /// from the catalog; the key to agency.tenants itself is left out.</summary>
    private async Task<List<(string Table, string Column, string Target)>> ForeignKeysAsync()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        var rows = await s.QueryAsync(
            """
            select c.conrelid::regclass::text as tbl, a.attname as col, c.confrelid::regclass::text as target
            from pg_constraint c
            join pg_namespace n on n.oid = c.connamespace
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[array_length(c.conkey, 1)]
            where c.contype = 'f' and n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear')
              and c.confrelid <> 'agency.tenants'::regclass
            order by 1, 2
            """);
        return [.. rows.Select(r => ((string)r["tbl"]!, (string)r["col"]!, (string)r["target"]!))];
    }

    private async Task<PostgresException> FailedCopyAsync(TestSession s, string table, string column, Guid theirs)
    {
        var copy = await CopyOfRowAsync(world.A, table, (column, theirs));
        return await s.FailureAsync(copy.Sql, copy.Parameters);
    }

    private sealed record RowCopy(string Sql, (string, object?)[] Parameters);

    /// <summary>
    /// An insert of a copy of the tenant's seeded row under a new id (and a version number of
    /// its own), read as the owner in that tenant's context; generated columns are left out.
    /// </summary>
    private async Task<RowCopy> CopyOfRowAsync(SeededTenant source, string table, (string Column, Guid Value)? change = null)
    {
        var writer = TenantTables.Writers[table].Role;
        await using var s = await TestSession.BeginAsync(world.Database.Owner, source.Id, writer, source.Person(writer));
        var json = await s.ScalarAsync<string>(
            $"select (to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(), 'version_number', 99))::text from {table} x where id = @id",
            ("id", source.Rows[table]));
        Assert.NotNull(json);
        var columns = await s.QueryAsync(
            """
            select column_name from information_schema.columns
            where table_schema || '.' || table_name = @table and is_generated = 'NEVER'
            order by ordinal_position
            """,
            ("table", table));
        var list = string.Join(", ", columns.Select(c => (string)c["column_name"]!));
        var changed = change is { } c ? $" || jsonb_build_object('{c.Column}', @value)" : "";
        return new RowCopy(
            $"insert into {table} ({list}) select {list} from jsonb_populate_record(null::{table}, @row::jsonb{changed})",
            [("row", json), ("value", change?.Value)]);
    }
}
