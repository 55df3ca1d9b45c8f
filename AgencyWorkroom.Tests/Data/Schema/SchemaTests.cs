using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Schema;

/// <summary>The spec's post-deployment checklist, and the checks a Supabase-style linter makes.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SchemaTests(TwoTenantWorld world)
{
    private static readonly string[] SpecTables =
    [
        "clients", "brands", "campaigns", "campaign_phases", "artifacts", "artifact_versions", "artifact_comments",
        "timesheet_entries", "team_allocations", "knowledge_documents", "knowledge_chunks", "ai_conversations", "ai_messages",
        "tenants", "employees", "rate_cards", "employee_rates", "campaign_team",
    ];

    private static readonly string[] SpecViews =
    [
        "v_dashboard_kpis", "v_campaign_overview", "v_client_360", "v_employee_utilization", "v_artifact_library",
        "v_timesheet_summary_by_campaign",
    ];

    private static readonly string[] SpecFunctions =
    [
        "update_updated_at_column", "create_artifact_version", "set_week_start_date", "get_campaign_expenses",
        "get_campaign_equipment", "current_tenant_id", "current_user_role", "has_role", "has_any_role",
        "get_recent_activity", "search_knowledge",
    ];

    private const string OurSchemas = "('agency', 'procure', 'finance_ppm', 'te', 'gear')";

    [Fact]
    public async Task SpecTablesViewsAndFunctions_Exist()
    {
        await using var s = await OwnerAsync();

        var tables = await NamesAsync(s, "select table_name from information_schema.tables where table_schema = 'agency' and table_type = 'BASE TABLE'");
        var views = await NamesAsync(s, "select table_name from information_schema.views where table_schema = 'agency'");
        var functions = await NamesAsync(s, "select proname from pg_proc where pronamespace = 'agency'::regnamespace");

        Assert.Empty(SpecTables.Except(tables));
        Assert.Empty(SpecViews.Except(views));
        Assert.Empty(SpecFunctions.Except(functions));
        Assert.Empty(await NamesAsync(s, """
            select n.nspname || '.' || c.relname from (values ('procure', 'project_quotes'), ('finance_ppm', 'projects'),
              ('te', 'expense_lines'), ('gear', 'checkouts')) l (nsp, rel)
            join pg_namespace n on n.nspname = l.nsp
            left join pg_class c on c.relnamespace = n.oid and c.relname = l.rel
            where c.oid is null
            """));
    }

    [Fact]
    public async Task EveryTenantTable_HasRowSecurityEnabledAndForced()
    {
        await using var s = await OwnerAsync();

        var unprotected = await NamesAsync(s, $"""
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and n.nspname in {OurSchemas} and not (c.relrowsecurity and c.relforcerowsecurity)
            """);

        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task Linter_NoTableWithPoliciesButRowSecurityOff()
    {
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, """
            select distinct p.schemaname || '.' || p.tablename from pg_policies p
            join pg_class c on c.oid = (quote_ident(p.schemaname) || '.' || quote_ident(p.tablename))::regclass
            where not c.relrowsecurity
            """));
    }

    [Fact]
    public async Task Linter_NoTableWithRowSecurityButNoPolicy()
    {
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, """
            select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and c.relrowsecurity
              and not exists (select from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname)
            """));
    }

    [Fact]
    public async Task Linter_EveryTableHasAPermissivePolicyBesideTenantIsolation()
    {
        // A restrictive policy alone admits nothing; each table needs someone who may use it.
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, $"""
            select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and n.nspname in {OurSchemas}
              and not exists (select from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                              and p.permissive = 'PERMISSIVE')
              or c.relkind = 'r' and n.nspname in {OurSchemas}
              and not exists (select from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                              and p.policyname = 'tenant_isolation' and p.permissive = 'RESTRICTIVE' and p.cmd = 'ALL'
                              and p.with_check is not null)
            """));
    }

    [Fact]
    public async Task Linter_EveryViewRunsAsItsCaller()
    {
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, $"""
            select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('v', 'm') and n.nspname in {OurSchemas}
              and not coalesce('security_invoker=true' = any (c.reloptions), false)
            """));
    }

    [Fact]
    public async Task Linter_NoFunctionWithMutableSearchPath_AndDefinerRightsOnlyForSummariesAndTheTrail()
    {
        // The summary triggers (011, 016, 017) and the audit trigger (020) are the places that run
        // with other rights: as agency_summaries, a NOLOGIN role that reads entries and rates and
        // keeps summaries, and as agency_audit, a NOLOGIN role that may only append to the trail.
        // A function either pins its search_path or has a SQL-standard body, whose names were
        // bound when it was created (015: the policy helpers, so that they can be inlined).
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, $"""
            select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in {OurSchemas}
              and ((p.prosecdef and pg_get_userbyid(p.proowner) not in ('agency_summaries', 'agency_audit', 'agency_timesheets', 'agency_reviews', 'agency_links'))
                   or not (exists (select from unnest(p.proconfig) c where c like 'search_path=%')
                           or p.prosqlbody is not null and not p.prosecdef))
            """));
        Assert.Equal(
            ["agency.audit_change()", "agency.audit_time_sets()", "agency.check_currency_change()", "agency.fold_week_summaries_into_months()", "agency.keep_campaign_health()", "agency.keep_knowledge_chunk_counts()",
             "agency.keep_submitted_parts()", "agency.keep_time_summaries()", "agency.keep_week_bookings()", "agency.rebuild_submitted_parts()",
             "agency.rebuild_time_summaries()", "agency.rebuild_week_bookings()",
             "agency.refresh_campaign_health(uuid[])", "agency.refresh_stale_campaign_health()",
             "agency.reprice_campaign_summaries()"],
            await NamesAsync(s, $"""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in {OurSchemas} and p.prosecdef and pg_get_userbyid(p.proowner) not in ('agency_timesheets', 'agency_reviews', 'agency_links') order by 1
                """));
        // 021: the steps of time a caller may not take by hand, each checking the caller first.
        Assert.Equal(
            ["agency.after_time_status()", "agency.raise_timesheet_reminders(date)", "agency.sign_off_timesheet_week(uuid,date)",
             "agency.unlock_timesheet_week(uuid,date,text)"],
            await NamesAsync(s, $"""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in {OurSchemas} and p.prosecdef and pg_get_userbyid(p.proowner) = 'agency_timesheets' order by 1
                """));
        // 036: what a review step and a mention leave behind (events, notifications), which the caller may not write.
        Assert.Equal(
            ["agency.after_artifact_comment()", "agency.after_artifact_review()"],
            await NamesAsync(s, $"""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in {OurSchemas} and p.prosecdef and pg_get_userbyid(p.proowner) = 'agency_reviews' order by 1
                """));
        // 041: the links of a campaign to the neighbours, for finance, leadership, admin and its project manager (decision 023).
        Assert.Equal(
            ["agency.campaign_link_candidates(uuid,text,text,integer)", "agency.campaign_neighbour_lines(uuid)",
             "agency.link_campaign_record(uuid,text,uuid,boolean)"],
            await NamesAsync(s, $"""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in {OurSchemas} and p.prosecdef and pg_get_userbyid(p.proowner) = 'agency_links' order by 1
                """));
    }

    [Fact]
    public async Task Linter_PoliciesCallHelpersOncePerStatement()
    {
        // A bare helper call in a policy runs once per row; wrapped in (select ...) it runs once.
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, $"""
            select schemaname || '.' || tablename || '.' || policyname from pg_policies
            where schemaname in {OurSchemas}
              and (regexp_replace(coalesce(qual, '') || coalesce(with_check, ''), '\(\s*SELECT\s+agency\.\w+\([^)]*\)', '', 'gi')
                   ~ 'agency\.(current_\w+|has_\w+)\(')
            """));
    }

    [Fact]
    public async Task PolicyHelpers_AreInlinedIntoThePlan()
    {
        // A helper that is called rather than inlined costs a function call, and with SET
        // search_path a settings switch, in every InitPlan of every policy (015).
        await using var s = await world.AppSessionAsync(world.A, "creative");

        var plan = string.Join("\n", (await s.QueryAsync(
            "explain (verbose, costs off) select count(*) from agency.artifact_comments c join agency.v_employee_utilization u on u.employee_id = c.author_id"))
            .Select(r => r.Values.Single()));

        Assert.Contains("current_setting('app.current_tenant'", plan);
        Assert.Contains("current_setting('app.current_role'", plan);
        Assert.DoesNotMatch(@"agency\.(current_\w+|has_\w+|sees_\w+|can_\w+)\(", plan);
    }

    [Fact]
    public async Task EveryForeignKey_IsIndexed()
    {
        await using var s = await OwnerAsync();

        Assert.Empty(await NamesAsync(s, $"""
            select c.conrelid::regclass || ' ' || c.conname from pg_constraint c
            join pg_namespace n on n.oid = c.connamespace
            where c.contype = 'f' and n.nspname in {OurSchemas}
              and not exists (
                select from pg_index i
                where i.indrelid = c.conrelid
                  and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
                  and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)
            """));
    }

    [Fact]
    public async Task AppRole_IsNotPrivilegedOwnsNothingAndCannotTruncate()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.App);

        var role = (await s.QueryAsync("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")).Single();
        Assert.All(role.Values, v => Assert.Equal(false, v));
        Assert.Equal(0L, await s.ScalarAsync<long>("""
            select count(*) from pg_class c join pg_roles r on r.oid = c.relowner
            where pg_has_role(current_user, r.oid, 'MEMBER')
            """));
        Assert.Empty(await NamesAsync(s, $"""
            select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in {OurSchemas} and c.relkind = 'r' and has_table_privilege(current_user, c.oid, 'TRUNCATE')
            """));
    }

    [Fact]
    public async Task SetWeekStartDate_MovesEntriesAndAllocationsToTheirMonday()
    {
        await using var s = await world.AppSessionAsync(world.A, "pm");

        // The allocation first: time goes only on campaigns of one's team or allocations (030).
        var allocated = await s.ScalarAsync<DateOnly>("""
            insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours)
            values (@who, @campaign, '2026-11-25', 10) returning week_start_date
            """, ("who", world.A.People["pm"]), ("campaign", world.A.Rows["agency.campaigns"]));
        var week = await s.ScalarAsync<DateOnly>("""
            insert into agency.timesheet_entries (employee_id, campaign_id, entry_date, hours)
            values (@who, @campaign, '2026-11-29', 2) returning week_start_date
            """, ("who", world.A.People["pm"]), ("campaign", world.A.Rows["agency.campaigns"]));

        Assert.Equal(new DateOnly(2026, 11, 23), week);
        Assert.Equal(new DateOnly(2026, 11, 23), allocated);
    }

    [Fact]
    public async Task ArtifactEdits_AreVersionedAutomatically()
    {
        await using var s = await world.AppSessionAsync(world.A, "creative");
        var artifact = world.A.Rows["agency.artifacts"];

        await s.ExecuteAsync("update agency.artifacts set content = '# Brief v2' where id = @id", ("id", artifact));
        await s.ExecuteAsync("update agency.artifacts set status = 'in_review' where id = @id", ("id", artifact));

        var versions = await s.QueryAsync(
            "select version_number, content from agency.artifact_versions where artifact_id = @id order by version_number", ("id", artifact));
        Assert.Equal([1, 2], versions.Select(v => (int)v["version_number"]!));
        Assert.Equal("# Brief v2", versions[^1]["content"]);
        Assert.Equal(2, await s.ScalarAsync<int>("select current_version from agency.artifacts where id = @id", ("id", artifact)));
    }

    private Task<TestSession> OwnerAsync() => TestSession.BeginWithoutContextAsync(world.Database.Owner);

    private static async Task<List<string>> NamesAsync(TestSession s, string sql) =>
        [.. (await s.QueryAsync(sql)).Select(r => r.Values.Single()?.ToString() ?? "")];
}
