using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace AgencyWorkroom.Tests.Data.Security;

/// <summary>
/// Tenant A's people (every role, the system actor, no context and an empty context) attack
/// tenant B through every table, view and function the catalog lists at test time: a table,
/// view or function added later is attacked without anyone editing this file. A statement
/// "leaks" when it reads one of B's rows, changes one, or makes a function answer for B's ids
/// otherwise than for ids that do not exist; after each table and each call, B's rows in every
/// tenant table are re-read and must be unchanged. Docs: docs/decisions/024-the-isolation-battery.md.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class IsolationBatteryTests(TwoTenantWorld world, ITestOutputHelper output)
{
    /// <summary>The schemas that hold the app's data; identity (sign-in) and meta (migrations) are apart.</summary>
    internal const string DataSchemas = "n.nspname not in ('identity', 'meta', 'public', 'information_schema') and n.nspname !~ '^pg_'";

    /// <summary>
    /// The functions that set who is acting. The app role vouches for the signed-in person (the
    /// cookie's claims, decision 002), so these answer for any tenant's ids by design; what they
    /// refuse (a person who is not an active member) SystemActorTests and RoleAccessTests prove.
    /// </summary>
    private static readonly string[] SessionStarters = ["start_unit_of_work", "start_system_unit_of_work"];

    /// <summary>
    /// Tables the two-tenant world leaves empty, each attacked with rows of its own elsewhere:
    /// review events (ArtifactReviewTests), submitted parts and week locks (TimesheetRulesTests).
    /// Seeding them in the world would change what the timesheet and review tests count.
    /// </summary>
    private static readonly string[] WithoutSeededRows =
        ["agency.artifact_review_events", "agency.timesheet_submitted_parts", "agency.timesheet_weeks"];

    /// <summary>The acting contexts: each agency role through a unit of work, the system actor, nothing set, empty strings.</summary>
    public static IEnumerable<string> Contexts => [.. AgencyRoles.All, "system", "none", "empty"];

    [Fact]
    public async Task EveryTableViewAndFunction_RefusesAnotherTenant()
    {
        var result = await RunAsync(world.Database.Maintenance, world);
        output.WriteLine(result.Summary);
        foreach (var leak in result.Leaks)
        {
            output.WriteLine("LEAK " + leak);
        }

        foreach (var (kind, count) in result.Denials.OrderBy(d => d.Key))
        {
            output.WriteLine($"  {kind}: {count}");
        }

        WriteForTheRunSummary(result.Summary);
        Assert.True(result.Cases > 500, result.Summary);
        Assert.True(result.Leaks.Count == 0, result.Summary + "\n" + string.Join("\n", result.Leaks));
    }

    internal sealed record BatteryResult(string Summary, int Cases, IReadOnlyList<string> Leaks, IReadOnlyDictionary<string, int> Denials);

    /// <summary>
    /// The battery over the database behind <paramref name="maintenance"/>: the test database, or a
    /// restored copy of it (BackupRestoreTests), which holds the same two tenants' rows.
    /// </summary>
    internal static async Task<BatteryResult> RunAsync(NpgsqlDataSource maintenance, TwoTenantWorld world)
    {
        var clock = Stopwatch.StartNew();
        var catalog = await CatalogAsync(maintenance, world);
        var report = new BatteryReport();

        foreach (var context in Contexts)
        {
            await using var connection = await maintenance.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var attack = new Attack(connection, transaction, world, catalog, report, context);
            var before = await attack.FingerprintAsync();
            await attack.SetContextAsync();

            foreach (var table in catalog.Tables)
            {
                await attack.TableAsync(table, before);
            }

            foreach (var view in catalog.Views)
            {
                await attack.ViewAsync(view, before);
            }

            foreach (var function in catalog.Functions)
            {
                await attack.FunctionAsync(function, before);
            }

            await transaction.RollbackAsync();
        }

        clock.Stop();
        var summary = $"Isolation battery: {report.Cases} cases over {catalog.Tables.Count} tables, {catalog.Views.Count} views and "
                      + $"{catalog.Functions.Count} functions in {Contexts.Count()} contexts, {report.Leaks.Count} leaks, {clock.Elapsed.TotalSeconds:0.0} s";
        return new BatteryResult(summary, report.Cases, report.Leaks, report.Denials);
    }

    [Fact]
    public async Task EveryTenantTable_HasARowOfEachTenantToAttack()
    {
        // Without a victim row the battery can only show that nothing is read or moved: it cannot
        // try inserting a copy. A table listed by this test needs a row per tenant in TwoTenantWorld
        // (a trigger-kept summary gets one from its sources), or a place in WithoutSeededRows.
        var catalog = await CatalogAsync(world.Database.Maintenance, world);

        Assert.Empty(catalog.Tables.Where(t => (t.VictimRow is null || t.OwnRow is null) && !WithoutSeededRows.Contains(t.Name)).Select(t => t.Name));
    }

    [Fact]
    public async Task EveryRelationInTheDataSchemas_CarriesATenant()
    {
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);

        var rows = await s.QueryAsync($"""
            select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where {DataSchemas} and c.relkind in ('r', 'p')
              and not exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
            """);

        Assert.Empty(rows.Select(r => (string)r["name"]!));
    }

    private void WriteForTheRunSummary(string summary)
    {
        if (Environment.GetEnvironmentVariable("WORKROOM_TEST_RESULTS") is { Length: > 0 } results)
        {
            Directory.CreateDirectory(results);
            File.WriteAllText(Path.Combine(results, "isolation-battery.txt"), summary + "\n");
        }
    }

    private static async Task<Catalog> CatalogAsync(NpgsqlDataSource maintenance, TwoTenantWorld world)
    {
        await using var s = await TestSession.BeginWithoutContextAsync(maintenance);
        var tables = new List<TableInfo>();
        foreach (var row in await s.QueryAsync($"""
            select c.oid::regclass::text as name,
                   exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'id' and not a.attisdropped) as has_id,
                   coalesce((select a.attgenerated <> '' from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'), false) as generated_tenant,
                   (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                    order by a.attnum limit 1) as first_column,
                   (select string_agg(quote_ident(a.attname), ', ' order by a.attnum) from pg_attribute a
                    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and a.attidentity = '') as columns
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where {DataSchemas} and c.relkind in ('r', 'p')
              and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
            order by 1
            """))
        {
            var name = (string)row["name"]!;
            var hasId = (bool)row["has_id"]!;
            tables.Add(new TableInfo(
                name, hasId, (bool)row["generated_tenant"]!, (string)row["first_column"]!, (string)row["columns"]!,
                await RowOfAsync(s, name, hasId, world.B), await RowOfAsync(s, name, hasId, world.A), []));
        }

        foreach (var fk in await s.QueryAsync($"""
            select c.conrelid::regclass::text as tbl, a.attname as col, c.confrelid::regclass::text as target, fa.attname as target_col
            from pg_constraint c
            join pg_namespace n on n.oid = c.connamespace
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[array_length(c.conkey, 1)]
            join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[array_length(c.confkey, 1)]
            where c.contype = 'f' and {DataSchemas} and a.attname <> 'tenant_id' and a.attgenerated = ''
            order by 1, 2
            """))
        {
            var table = tables.SingleOrDefault(t => t.Name == (string)fk["tbl"]!);
            if (table is null)
            {
                continue;
            }

            var target = await s.ScalarAsync<Guid?>(
                $"select {fk["target_col"]} from {fk["target"]} where tenant_id = @b limit 1", ("b", world.B.Id));
            table.ForeignKeys.Add(new ForeignKey((string)fk["col"]!, (string)fk["target"]!, target));
        }

        var views = (await s.QueryAsync($"""
            select c.oid::regclass::text as name,
                   exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as has_tenant
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where {DataSchemas} and c.relkind in ('v', 'm') order by 1
            """)).Select(r => new ViewInfo((string)r["name"]!, (bool)r["has_tenant"]!)).ToList();

        var functions = (await s.QueryAsync($"""
            select p.oid::regprocedure::text as signature, p.oid::int8 as oid, n.nspname || '.' || p.proname as name,
                   p.proretset as returns_set, p.prorettype = 'void'::regtype as returns_void,
                   coalesce(p.proargnames, array[]::text[]) as arg_names,
                   array(select format_type(t, null) from unnest(p.proargtypes::oid[]) t) as arg_types
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where {DataSchemas} and p.prokind = 'f'
              and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
              and has_function_privilege('agency_app', p.oid, 'execute')
            order by 1
            """)).Select(r => new FunctionInfo(
                (string)r["signature"]!, (string)r["name"]!, (string[])r["arg_names"]!, (string[])r["arg_types"]!)).ToList();

        var victimIds = new HashSet<Guid>([world.B.Id, .. world.B.People.Values, .. world.B.Rows.Values]);
        foreach (var table in tables.Where(t => t.HasId))
        {
            foreach (var id in (await s.QueryAsync($"select id from {table.Name} where tenant_id = @b and pg_typeof(id) = 'uuid'::regtype", ("b", world.B.Id)))
                         .Select(r => r["id"]).OfType<Guid>())
            {
                victimIds.Add(id);
            }
        }

        return new Catalog(tables, views, functions, victimIds);
    }

    /// <summary>A row of the tenant's as JSON: the seeded one where the world names it, otherwise any.</summary>
    private static async Task<string?> RowOfAsync(TestSession s, string table, bool hasId, SeededTenant tenant)
    {
        Guid? id = hasId && tenant.Rows.TryGetValue(table, out var seededId) ? seededId : null;
        return await s.ScalarAsync<string?>(
            $"select to_jsonb(x)::text from {table} x where tenant_id = @t{(id is null ? "" : " and id = @id")} limit 1",
            ("t", tenant.Id), ("id", id));
    }

    internal sealed record Catalog(List<TableInfo> Tables, List<ViewInfo> Views, List<FunctionInfo> Functions, HashSet<Guid> VictimIds)
    {
        /// <summary>Matches a row's JSON that holds any id of tenant B's.</summary>
        public string VictimPattern { get; } = string.Join("|", VictimIds.Select(id => id.ToString()));
    }

    internal sealed record TableInfo(
        string Name, bool HasId, bool GeneratedTenant, string FirstColumn, string Columns, string? VictimRow, string? OwnRow, List<ForeignKey> ForeignKeys);

    internal sealed record ForeignKey(string Column, string Target, Guid? VictimTarget);

    internal sealed record ViewInfo(string Name, bool HasTenant);

    internal sealed record FunctionInfo(string Signature, string Name, string[] ArgNames, string[] ArgTypes);

    private sealed class BatteryReport
    {
        public int Cases { get; set; }

        public List<string> Leaks { get; } = [];

        public Dictionary<string, int> Denials { get; } = [];

        public void Denied(string kind) => Denials[kind] = Denials.GetValueOrDefault(kind) + 1;
    }

    /// <summary>One context's attacks, in one transaction of the maintenance role's that acts as
    /// agency_app (whose grants are the web app's login role's only ones: CatalogLintTests) and
    /// steps back to its own BYPASSRLS rights only to re-read tenant B.</summary>
    private sealed class Attack(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TwoTenantWorld world, Catalog catalog, BatteryReport report, string context)
    {
        private SeededTenant A => world.A;

        private SeededTenant B => world.B;

        public async Task SetContextAsync()
        {
            switch (context)
            {
                case "none":
                    break;
                case "empty":
                    await RunAsync("select set_config('app.current_tenant', '', true), set_config('app.current_role', '', true), set_config('app.current_user_id', '', true)");
                    break;
                case "system":
                    await RunAsync("select agency.start_system_unit_of_work(@a)", ("a", A.Id));
                    break;
                default:
                    await RunAsync("select agency.start_unit_of_work(@a, @person)", ("a", A.Id), ("person", A.People[context]));
                    break;
            }
        }

        /// <summary>Tenant B's rows in every tenant table, hashed table by table, read with BYPASSRLS.</summary>
        public async Task<Dictionary<string, string>> FingerprintAsync()
        {
            var sql = string.Join(" union all ", catalog.Tables.Select(t =>
                $"select '{t.Name}' as t, md5(coalesce(string_agg(to_jsonb(x)::text, '' order by to_jsonb(x)::text), '')) as h from {t.Name} x where tenant_id = @b"));
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("b", B.Id);
            await using var reader = await command.ExecuteReaderAsync();
            var hashes = new Dictionary<string, string>();
            while (await reader.ReadAsync())
            {
                hashes[reader.GetString(0)] = reader.GetString(1);
            }

            return hashes;
        }

        public async Task TableAsync(TableInfo table, Dictionary<string, string> before)
        {
            await transaction.SaveAsync("relation");
            await RunAsync("set local role agency_app");

            await ExpectNothingAsync(table.Name, "select",
                $"select count(*) from {table.Name} x where x.tenant_id = @b or to_jsonb(x)::text ~ @pattern", scalar: true);
            await ExpectNothingAsync(table.Name, "update",
                $"update {table.Name} set {Quote(table.FirstColumn)} = {Quote(table.FirstColumn)} where tenant_id = @b");
            await ExpectNothingAsync(table.Name, "delete", $"delete from {table.Name} where tenant_id = @b");
            if (table.VictimRow is not null)
            {
                await ExpectErrorAsync(table.Name, "insert a copy of B's row", CopySql(table), ("row", table.VictimRow));
            }

            if (table.OwnRow is not null)
            {
                await ExpectErrorAsync(table.Name, "insert A's row under B",
                    CopySql(table, $" || jsonb_build_object('{(table.GeneratedTenant ? "id" : "tenant_id")}', @b::text)"), ("row", table.OwnRow));
            }

            var tenantColumn = table.GeneratedTenant ? "id" : "tenant_id";
            await ExpectNothingAsync(table.Name, "move A's rows to B", $"update {table.Name} set {tenantColumn} = @b where tenant_id = @a");
            foreach (var fk in table.ForeignKeys.Where(k => k.VictimTarget is not null))
            {
                await ExpectNothingAsync(table.Name, $"point {fk.Column} at B's {fk.Target}",
                    $"update {table.Name} set {Quote(fk.Column)} = @target where tenant_id = @a", ("target", fk.VictimTarget));
            }

            await RunAsync("set local role none");
            await CompareAsync(before, $"{table.Name} as {context}");
            await transaction.RollbackAsync("relation");
        }

        public async Task ViewAsync(ViewInfo view, Dictionary<string, string> before)
        {
            await transaction.SaveAsync("relation");
            await RunAsync("set local role agency_app");
            await ExpectNothingAsync(view.Name, "select", $"select count(*) from {view.Name} x where to_jsonb(x)::text ~ @pattern", scalar: true);
            if (view.HasTenant)
            {
                await ExpectNothingAsync(view.Name, "update", $"update {view.Name} set tenant_id = tenant_id where tenant_id = @b");
                await ExpectNothingAsync(view.Name, "delete", $"delete from {view.Name} where tenant_id = @b");
            }

            await RunAsync("set local role none");
            await CompareAsync(before, $"{view.Name} as {context}");
            await transaction.RollbackAsync("relation");
        }

        public async Task FunctionAsync(FunctionInfo function, Dictionary<string, string> before)
        {
            var victims = Arguments(function, victim: true);
            var strangers = Arguments(function, victim: false);
            var sql = $"select coalesce(string_agg(x::text, '|' order by x::text), '') from {function.Name}({string.Join(", ", victims.Select((a, i) => $"@p{i}::{a.Type}"))}) as x";
            var callsWithIds = function.ArgTypes.Any(t => t is "uuid" or "uuid[]");

            await transaction.SaveAsync("fn");
            await RunAsync("set local role agency_app");
            var theirs = await OutcomeAsync(sql, victims);
            if (callsWithIds && theirs.Error is null && !SessionStarters.Any(s => function.Name.EndsWith("." + s, StringComparison.Ordinal)))
            {
                if (Regex.IsMatch(theirs.Value!, catalog.VictimPattern))
                {
                    report.Leaks.Add($"{function.Signature} as {context}: answers with B's ids: {Shorten(theirs.Value!)}");
                }
            }

            await RunAsync("set local role none");
            await CompareAsync(before, $"{function.Signature} as {context}");
            await transaction.RollbackAsync("fn");

            report.Cases++;
            if (!callsWithIds || SessionStarters.Any(s => function.Name.EndsWith("." + s, StringComparison.Ordinal)))
            {
                report.Denied(theirs.Error is null ? "function without ids ran; B unchanged" : "function without ids refused");
                return;
            }

            // The same call with ids nobody has: B's ids must look exactly like those.
            await transaction.SaveAsync("fn");
            await RunAsync("set local role agency_app");
            var nobodys = await OutcomeAsync(sql, strangers);
            await transaction.RollbackAsync("fn");
            if (theirs.Error is null && (nobodys.Error is not null || theirs.Value != nobodys.Value))
            {
                report.Leaks.Add($"{function.Signature} as {context}: B's ids answer '{Shorten(theirs.Value!)}', unknown ids "
                                 + (nobodys.Error ?? $"'{Shorten(nobodys.Value!)}'"));
            }
            else
            {
                report.Denied(theirs.Error is null ? "function: same answer as unknown ids" : "function refused: " + theirs.Error);
            }
        }

        private (string Type, object Value)[] Arguments(FunctionInfo function, bool victim)
        {
            var names = function.ArgNames.Take(function.ArgTypes.Length).Select(n => n.StartsWith("p_", StringComparison.Ordinal) ? n[2..] : n).ToArray();
            var rateTable = "employee_rates";
            return [.. function.ArgTypes.Select((type, i) =>
            {
                var name = i < names.Length ? names[i] : "";
                object value = type switch
                {
                    "uuid" => victim ? VictimId(name, rateTable) : Guid.NewGuid(),
                    "uuid[]" => victim ? new[] { VictimId(name.TrimEnd('s'), rateTable) } : new[] { Guid.NewGuid() },
                    "date" => DateTime.Today,
                    "timestamp with time zone" => DateTime.UtcNow.AddHours(1),
                    "integer" or "bigint" or "smallint" => 10,
                    "numeric" or "double precision" or "real" => 1.0,
                    "boolean" => true,
                    "interval" => TimeSpan.FromMinutes(5),
                    "jsonb" or "json" => name == "changes" ? "{\"bill_rate\": 1}" : "{}",
                    "vector" => "[" + string.Join(",", Enumerable.Repeat("0.05", 384)) + "]",
                    _ => TextArgument(name, rateTable),
                };
                return (type, value);
            })];
        }

        /// <summary>An id of B's for an argument, by its name: p_campaign, p_employee, p_tenant_id, ...</summary>
        private Guid VictimId(string name, string rateTable)
        {
            var bare = name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : name;
            return bare switch
            {
                "tenant" => B.Id,
                "employee" or "owner" or "user" or "person" or "reviewer" => B.People["creative"],
                "except" => B.Rows["agency.timesheet_entries"],
                "id" => B.Rows["agency." + rateTable],
                "phase" => B.Rows["agency.campaign_phases"],
                _ => B.Rows.TryGetValue("agency." + bare + "s", out var id) ? id
                    : catalog.Tables.FirstOrDefault(t => t.Name.EndsWith("." + bare + "s", StringComparison.Ordinal) && t.VictimRow is not null) is { } t
                        ? Guid.Parse(System.Text.Json.JsonDocument.Parse(t.VictimRow!).RootElement.GetProperty("id").GetString()!)
                        : B.Id,
            };
        }

        private static string TextArgument(string name, string rateTable) => name switch
        {
            "table" => rateTable,
            "dimension" => "client",
            "grain" => "month",
            "group" => "person",
            "to" => "in_review",
            "step" => "approve",
            "kind" => "embed_document",
            _ => "battery",
        };

        private async Task<(string? Value, string? Error)> OutcomeAsync(string sql, (string Type, object Value)[] arguments)
        {
            await transaction.SaveAsync("outcome");
            try
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                for (var i = 0; i < arguments.Length; i++)
                {
                    command.Parameters.AddWithValue("p" + i, arguments[i].Value);
                }

                var value = (string?)await command.ExecuteScalarAsync() ?? "";
                await transaction.ReleaseAsync("outcome");
                return (value, null);
            }
            catch (PostgresException ex)
            {
                await transaction.RollbackAsync("outcome");
                return (null, ex.SqlState);
            }
        }

        private static string CopySql(TableInfo table, string change = "") =>
            $"insert into {table.Name} ({table.Columns}) select {table.Columns} from jsonb_populate_record(null::{table.Name}, @row::jsonb"
            + (table.HasId ? " || jsonb_build_object('id', gen_random_uuid())" : "")
            + $" || jsonb_build_object('version_number', 99){change})";

        /// <summary>A statement that must read or change none of B's rows: zero rows, or refused.</summary>
        private async Task ExpectNothingAsync(string relation, string what, string sql, params (string, object?)[] extra) =>
            await ExpectNothingAsync(relation, what, sql, scalar: false, extra);

        private async Task ExpectNothingAsync(string relation, string what, string sql, bool scalar, params (string, object?)[] extra)
        {
            report.Cases++;
            var (affected, error) = await TryAsync(sql, scalar, extra);
            if (error is not null)
            {
                report.Denied($"{what.Split(' ')[0]} refused ({error.SqlState})");
            }
            else if (affected > 0)
            {
                report.Leaks.Add($"{relation} {what} as {context}: {affected} row(s)");
            }
            else
            {
                report.Denied($"{what.Split(' ')[0]}: zero rows");
            }
        }

        /// <summary>A write that must be refused outright (WITH CHECK or a missing grant).</summary>
        private async Task ExpectErrorAsync(string relation, string what, string sql, params (string, object?)[] extra)
        {
            report.Cases++;
            var (_, error) = await TryAsync(sql, false, extra);
            if (error is null)
            {
                report.Leaks.Add($"{relation} {what} as {context}: ran");
            }
            else if (error.SqlState != PostgresErrorCodes.InsufficientPrivilege)
            {
                // Refused, though not by the grants or the policies: counted, and listed when the run fails.
                report.Denied($"insert refused by something else ({error.SqlState}: {relation})");
            }
            else
            {
                report.Denied("insert refused (42501)");
            }
        }

        private async Task<(long Affected, PostgresException? Error)> TryAsync(string sql, bool scalar, (string, object?)[] extra)
        {
            await transaction.SaveAsync("attempt");
            try
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.AddWithValue("a", A.Id);
                command.Parameters.AddWithValue("b", B.Id);
                command.Parameters.AddWithValue("pattern", catalog.VictimPattern);
                foreach (var (name, value) in extra)
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                var unused = command.Parameters.Where(p => !Regex.IsMatch(sql, "@" + p.ParameterName + @"\b")).ToList();
                foreach (var parameter in unused)
                {
                    command.Parameters.Remove(parameter);
                }

                long affected = scalar ? Convert.ToInt64(await command.ExecuteScalarAsync()) : await command.ExecuteNonQueryAsync();
                await transaction.RollbackAsync("attempt");
                return (affected, null);
            }
            catch (PostgresException ex)
            {
                await transaction.RollbackAsync("attempt");
                return (0, ex);
            }
        }

        private async Task CompareAsync(Dictionary<string, string> before, string after)
        {
            report.Cases++;
            var now = await FingerprintAsync();
            foreach (var (table, hash) in before.Where(b => now.GetValueOrDefault(b.Key) != b.Value))
            {
                report.Leaks.Add($"B's rows in {table} changed after {after}");
            }
        }

        private async Task RunAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        private static string Shorten(string value) => value.Length > 160 ? value[..160] + "…" : value;
    }
}
