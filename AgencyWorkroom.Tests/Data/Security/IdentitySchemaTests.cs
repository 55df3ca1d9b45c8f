using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>
/// Sign-in data (password hashes, security stamps, Data Protection keys) is Identity's: the web
/// app's UnitOfWork role is refused on every table of schema identity (042, decision 024).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class IdentitySchemaTests(TwoTenantWorld world)
{
    [Fact]
    public async Task AppRole_IsRefusedOnEveryIdentityTable()
    {
        var tables = await IdentityTablesAsync();
        Assert.Contains("identity.users", tables);

        foreach (var table in tables)
        {
            foreach (var context in new[] { "none", "admin" })
            {
                await using var s = context == "none"
                    ? await TestSession.BeginWithoutContextAsync(world.Database.App)
                    : await world.AppSessionAsync(world.A, context);
                foreach (var sql in new[]
                         {
                             $"select count(*) from {table}", $"update {table} set {await FirstColumnAsync(table)} = {await FirstColumnAsync(table)}",
                             $"delete from {table}", $"insert into {table} default values", $"truncate {table}",
                         })
                {
                    var refused = await s.FailureAsync(sql);
                    Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege && refused.MessageText.StartsWith("permission denied", StringComparison.Ordinal),
                        $"{sql} as the app ({context}): {refused.SqlState} {refused.MessageText}");
                }
            }
        }
    }

    [Fact]
    public async Task OnlyIdentityStore_IsGrantedOnIdentity_AndTheAppIsNotAMember()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);

        var grantees = await s.QueryAsync("""
            select distinct pg_get_userbyid(a.grantee) as grantee from pg_class c
            join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
            where n.nspname = 'identity' and a.grantee <> c.relowner
            union
            select distinct case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end from pg_namespace n, aclexplode(n.nspacl) a
            where n.nspname = 'identity' and a.grantee <> n.nspowner
            """);
        Assert.Equal(["identity_store"], grantees.Select(r => (string)r["grantee"]!));

        var app = new NpgsqlConnectionStringBuilder(world.Database.AppConnectionString).Username!;
        Assert.False(await s.ScalarAsync<bool>("select pg_has_role(@app, 'identity_store', 'MEMBER')", ("app", app)));
        Assert.False(await s.ScalarAsync<bool>("select pg_has_role('agency_app', 'identity_store', 'MEMBER')"));
    }

    [Fact]
    public async Task IdentityRole_ReadsAccountsButNoAgencyData()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Identity);

        Assert.True(await s.ScalarAsync<long>("select count(*) from identity.users where tenant_id = @a", ("a", world.A.Id)) > 0);
        var refused = await s.FailureAsync("select count(*) from agency.employees");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.False(await s.ScalarAsync<bool>("select rolbypassrls or rolsuper from pg_roles where rolname = current_user"));
    }

    private async Task<List<string>> IdentityTablesAsync()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        return [.. (await s.QueryAsync("select c.oid::regclass::text as name from pg_class c where c.relnamespace = 'identity'::regnamespace and c.relkind in ('r', 'p') order by 1"))
            .Select(r => (string)r["name"]!)];
    }

    private async Task<string> FirstColumnAsync(string table)
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        return await s.ScalarAsync<string>(
            "select quote_ident(attname) from pg_attribute where attrelid = @t::regclass and attnum > 0 and not attisdropped order by attnum limit 1", ("t", table));
    }
}
