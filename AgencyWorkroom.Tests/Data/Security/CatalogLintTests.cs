using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>
/// Splinter-style lints over the whole catalog (every schema that holds the app's data, found at
/// test time), beside SchemaTests' older ones: what the isolation battery relies on.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CatalogLintTests(TwoTenantWorld world)
{
    private const string DataSchemas = IsolationBatteryTests.DataSchemas;

    [Fact]
    public async Task EveryTable_HasRowSecurityEnabledAndForced()
    {
        Assert.Empty(await NamesAsync($"""
            select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where {DataSchemas} and c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)
            """));
    }

    [Fact]
    public async Task NoPolicy_OnATableWithoutRowSecurity()
    {
        Assert.Empty(await NamesAsync("""
            select p.polrelid::regclass::text || ' ' || p.polname from pg_policy p join pg_class c on c.oid = p.polrelid
            where not (c.relrowsecurity and c.relforcerowsecurity)
            """));
    }

    [Fact]
    public async Task NoPolicy_AdmitsRowsWhenASettingIsMissing()
    {
        // "x is null or ..." in a policy lets a row through when the context is not set.
        Assert.Empty(await NamesAsync("""
            select schemaname || '.' || tablename || ' ' || policyname from pg_policies
            where coalesce(qual, '') || ' ' || coalesce(with_check, '') ~* 'is\s+null\s+or\b'
            """));
    }

    [Fact]
    public async Task SecurityDefinerFunctions_FixTheirSearchPath()
    {
        Assert.Empty(await NamesAsync("""
            select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where p.prosecdef and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'
              and not exists (select from unnest(p.proconfig) c where c like 'search_path=%')
            """));
    }

    [Fact]
    public async Task AppRole_OwnsNothingCannotBypassAndIsGrantedOnlyThroughItsGroup()
    {
        // The isolation battery attacks as agency_app; that is the web app's login role exactly
        // when the login role has no grant, ownership or membership of its own.
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);
        var login = await s.ScalarAsync<string>("select current_user::text");

        Assert.Equal(0L, await s.ScalarAsync<long>("""
            select count(*) from pg_roles where rolname in (current_user, 'agency_app') and (rolsuper or rolbypassrls or rolcreaterole or rolcreatedb)
            """));
        Assert.Equal(["agency_app"], await ListAsync(s, """
            select m.rolname from pg_auth_members a join pg_roles m on m.oid = a.roleid where a.member = current_user::regrole order by 1
            """));
        Assert.Empty(await ListAsync(s, """
            select 'relation ' || c.oid::regclass from pg_class c where pg_has_role(current_user, c.relowner, 'MEMBER')
            union all select 'function ' || p.oid::regprocedure from pg_proc p where pg_has_role(current_user, p.proowner, 'MEMBER')
            union all select 'schema ' || n.nspname from pg_namespace n where pg_has_role(current_user, n.nspowner, 'MEMBER')
            union all select 'type ' || t.oid::regtype from pg_type t where pg_has_role(current_user, t.typowner, 'MEMBER')
            """));
        Assert.Empty(await ListAsync(s, """
            select c.oid::regclass::text from pg_class c, aclexplode(c.relacl) a where a.grantee = current_user::regrole
            union all select p.oid::regprocedure::text from pg_proc p, aclexplode(p.proacl) a where a.grantee = current_user::regrole
            union all select n.nspname::text from pg_namespace n, aclexplode(n.nspacl) a where a.grantee = current_user::regrole
            """));
        Assert.NotEqual("agency_app", login);
    }

    private async Task<List<string>> NamesAsync(string sql)
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        return await ListAsync(s, sql);
    }

    private static async Task<List<string>> ListAsync(TestSession s, string sql) =>
        [.. (await s.QueryAsync(sql)).Select(r => (string)r.Values.Single()!)];
}
