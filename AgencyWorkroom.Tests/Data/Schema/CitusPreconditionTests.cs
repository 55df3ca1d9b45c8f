using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>
/// What Citus needs to distribute the tenant tables by tenant_id, which the schema can guarantee
/// now (docs/SCALING.md): every primary key, unique constraint or index, and foreign key of a
/// distributed table includes tenant_id. agency.tenants is the one reference table.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CitusPreconditionTests(TwoTenantWorld world)
{
    private const string ReferenceTables = "('agency.tenants'::regclass)";

    [Fact]
    public async Task EveryKeyAndForeignKeyOfADistributedTable_IncludesTenantId()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);

        var rows = await s.QueryAsync($"""
            select c.conrelid::regclass::text || ' ' || pg_get_constraintdef(c.oid) as name
            from pg_constraint c join pg_namespace n on n.oid = c.connamespace
            where {Security.IsolationBatteryTests.DataSchemas} and c.contype in ('p', 'u', 'f', 'x')
              and c.conrelid not in {ReferenceTables}
              and not exists (select from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any (c.conkey) and a.attname = 'tenant_id')
            union all
            select i.indexrelid::regclass::text || ' ' || pg_get_indexdef(i.indexrelid)
            from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
            where {Security.IsolationBatteryTests.DataSchemas} and i.indisunique and i.indrelid not in {ReferenceTables}
              and not exists (select from pg_attribute a where a.attrelid = i.indrelid and a.attnum = any (i.indkey) and a.attname = 'tenant_id')
            """);

        Assert.Empty(rows.Select(r => (string)r["name"]!));
    }

    [Fact]
    public async Task DistributedTables_ReferToEachOtherOnlyWithTheTenantInTheKey()
    {
        // A foreign key between distributed tables must be co-located: its first referencing and
        // referenced columns pair tenant_id with tenant_id.
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);

        var rows = await s.QueryAsync($"""
            select c.conrelid::regclass::text || ' ' || pg_get_constraintdef(c.oid) as name
            from pg_constraint c join pg_namespace n on n.oid = c.connamespace
            where {Security.IsolationBatteryTests.DataSchemas} and c.contype = 'f' and c.confrelid not in {ReferenceTables}
              and not exists (
                select from unnest(c.conkey, c.confkey) k (own, theirs)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.own
                join pg_attribute f on f.attrelid = c.confrelid and f.attnum = k.theirs
                where a.attname = 'tenant_id' and f.attname = 'tenant_id')
            """);

        Assert.Empty(rows.Select(r => (string)r["name"]!));
    }
}
