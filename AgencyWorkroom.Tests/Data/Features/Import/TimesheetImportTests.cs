using System.Text;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Tests.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Features.Import;

/// <summary>
/// The timesheet import (045) on the real database, as an admin of a scratch tenant through
/// <see cref="IImportCommands"/>: Harvest's and Kimai's exports, all or nothing, idempotent, the
/// summaries of 011 recounted, and refused to anyone but the tenant's admins by the database.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class TimesheetImportTests(TwoTenantWorld world)
{
    private const string Harvest = "harvest-detailed-time.csv";
    private const string Kimai = "kimai-export.csv";
    private const string Formula = "=HYPERLINK(\"https://example.com/brief\",\"brief\")";

    [Fact]
    public async Task ImportTimesheets_HarvestExport_ArrivesApprovedLockedAndMarked_AndASecondImportAddsNothing()
    {
        var (tenant, people, campaigns) = await AgencyAsync(world);
        await using var admin = tenant.As(world, "admin");
        var import = admin.Get<IImportCommands>();

        var first = await ImportAsync(import, Harvest, dryRun: false);
        var again = await ImportAsync(import, Harvest, dryRun: false);

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        var entries = await s.QueryAsync(
            """
            select e.employee_id, e.campaign_id, e.entry_date, e.hours, e.billable, e.description, e.status, e.approved_by,
                   e.import_batch_id, agency.week_locked(e.employee_id, e.week_start_date) as locked
            from agency.timesheet_entries e order by e.entry_date, e.hours
            """);
        var batches = await s.ScalarAsync<long>("select count(*) from agency.audit_log where action = 'import' and reason like 'import of harvest%'");

        Assert.Equal(TimesheetFormat.Harvest, first.Format);
        Assert.True(first.Imported, string.Join("; ", first.Rejections));
        Assert.Equal((7, 7, 0), (first.RowsRead, first.RowsAdded, first.RowsUnchanged));
        Assert.Equal((7, 0, 7), (again.RowsRead, again.RowsAdded, again.RowsUnchanged));
        Assert.Equal(7, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("approved", e["status"]);
            Assert.Equal(tenant.People["admin"], e["approved_by"]);
            Assert.Equal(first.BatchId, e["import_batch_id"]);
            Assert.Equal(true, e["locked"]);
        });
        // Odd minutes, a closed campaign, other people's time and two identical stand-ups: all history.
        Assert.Equal(13.08m, entries.Sum(e => (decimal)e["hours"]!));
        Assert.Equal(2, entries.Count(e => (string?)e["description"] == "Stand-up"));
        Assert.Equal(5, entries.Count(e => (Guid)e["employee_id"]! == people["Maya Chen"]));
        Assert.Equal(2, entries.Count(e => (Guid)e["campaign_id"]! == campaigns["AUTUMN-RET"]));
        Assert.Equal(2, entries.Count(e => (bool)e["billable"]! == false));
        // Cells that a spreadsheet would run are kept as text, unchanged.
        Assert.Contains(entries, e => (string?)e["description"] == Formula);
        Assert.Contains(entries, e => (string?)e["description"] == "+1 variant for social");
        Assert.True(batches >= 1);
        Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));
    }

    [Fact]
    public async Task ImportTimesheets_KimaiExport_ReadsDurationsAsClockOrSeconds_AndTheSummariesStayRight()
    {
        var (tenant, people, campaigns) = await AgencyAsync(world);
        await using var admin = tenant.As(world, "admin");

        var dry = await ImportAsync(admin.Get<IImportCommands>(), Kimai, dryRun: true);
        await using (var before = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]))
        {
            Assert.Equal(0L, await before.ScalarAsync<long>("select count(*) from agency.timesheet_entries"));
            Assert.Equal(0L, await before.ScalarAsync<long>("select count(*) from agency.campaign_week_hours"));
        }

        var summary = await ImportAsync(admin.Get<IImportCommands>(), Kimai, dryRun: false);

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        var hours = await s.QueryAsync("select employee_id, campaign_id, hours, billable, description from agency.timesheet_entries order by entry_date, hours desc");
        var onAutumn = await s.ScalarAsync<decimal>("select total_hours from agency.v_campaign_overview where campaign_id = @c", ("c", campaigns["AUTUMN-RET"]));

        Assert.Equal(TimesheetFormat.Kimai, dry.Format);
        Assert.Equal((true, 4, 4), (dry.DryRun, dry.RowsRead, dry.RowsAdded));
        Assert.Null(dry.BatchId);
        Assert.True(summary.Imported);
        Assert.Equal([1.5m, 0.67m, 4m, 0.33m], hours.Select(h => (decimal)h["hours"]!));
        Assert.Equal([true, false, true, true], hours.Select(h => (bool)h["billable"]!));
        Assert.Equal(people["Tom Berger"], hours[2]["employee_id"]);
        Assert.Equal("@team weekly sync", hours[1]["description"]);
        Assert.Equal("-- budget review --", hours[2]["description"]);
        Assert.Equal(2.17m, onAutumn);
        Assert.Equal(0L, await s.ScalarAsync<long>(TimeSummaryTests.Drift));
    }

    [Fact]
    public async Task ImportTimesheets_OneBadRowInTenThousand_ImportsNothing_AndTheDryRunNamesIt()
    {
        var (tenant, _, _) = await AgencyAsync(world);
        await using var admin = tenant.As(world, "admin");
        var file = new StringBuilder("Date,Person,Client,Campaign,Campaign code,Hours,Notes\n");
        for (var i = 0; i < 10_000; i++)
        {
            var person = i == 6_000 ? "Nobody Known" : i % 2 == 0 ? "Maya Chen" : "Tom Berger";
            file.Append($"{new DateOnly(2024, 1, 1).AddDays(i % 365):yyyy-MM-dd},{person},Scratch Client,,SPRING-25,0.5,row {i}\n");
        }

        var progress = new List<ImportProgress>();
        var dry = await admin.Get<IImportCommands>().ImportTimesheetsAsync(
            Stream(file.ToString()), "history.csv", new TimesheetImportOptions(DryRun: true), new Recorder(progress));
        var real = await admin.Get<IImportCommands>().ImportTimesheetsAsync(
            Stream(file.ToString()), "history.csv", new TimesheetImportOptions(DryRun: false));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        Assert.Equal(TimesheetFormat.Workroom, dry.Format);
        Assert.Equal(10_000, dry.RowsRead);
        // Line 1 is the header, so row i is on line i + 2.
        Assert.Equal([new ImportRejection(6_002, "unknown person 'Nobody Known'")], dry.Rejections);
        Assert.False(real.Imported);
        Assert.Equal(0, real.RowsAdded);
        Assert.Single(real.Rejections);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_entries"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.campaign_week_hours"));
        Assert.Contains(progress, p => p.Stage == "reading");
        Assert.Equal("done", progress[^1].Stage);
    }

    [Fact]
    public async Task ImportTimesheets_DryRun_NamesEveryBadRowWithItsReason()
    {
        var (tenant, _, _) = await AgencyAsync(world);
        await using var admin = tenant.As(world, "admin");
        const string File = """
            Date,Person,Client,Campaign,Hours,Billable,Notes
            2025-02-30,Maya Chen,Scratch Client,Spring Launch,1,yes,bad date
            2025-02-03,Maya Chen,Scratch Client,Spring Launch,25,yes,too long
            2025-02-03,Maya Chen,Scratch Client,Spring Launch,0,yes,nothing
            2025-02-03,Maya Chen,Other Client,Spring Launch,1,yes,unknown client
            2025-02-03,Maya Chen,Scratch Client,Winter Sale,1,yes,unknown campaign
            2025-02-03,Maya Chen,Scratch Client,Spring Launch,1,maybe,billable
            2025-02-03,Maya Chen,Scratch Client,Spring Launch,1:15,no,fine
            """;

        var dry = await admin.Get<IImportCommands>().ImportTimesheetsAsync(Stream(File), "bad.csv", new TimesheetImportOptions(DryRun: true));

        Assert.Equal(
            [
                (2, "bad date '2025-02-30'"), (3, "hours out of range (25; more than 0 and at most 24)"),
                (4, "hours out of range (0; more than 0 and at most 24)"), (5, "unknown client 'Other Client'"),
                (6, "unknown campaign 'Winter Sale' of client 'Scratch Client'"), (7, "billable must be yes or no, not 'maybe'"),
            ],
            dry.Rejections.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public async Task ImportTimesheets_ByANonAdmin_IsRefusedByTheDatabase()
    {
        var (tenant, _, _) = await AgencyAsync(world);
        foreach (var role in new[] { "creative", "pm", "finance", "leadership" })
        {
            await using var person = tenant.As(world, role);
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                ImportAsync(person.Get<IImportCommands>(), Harvest, dryRun: true));
            Assert.Equal("42501", refused.SqlState);
        }

        // Straight at the functions, with a batch staged by the admin in the same transaction.
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        var batch = await StageAsync(s);
        await s.SetContextAsync(tenant.Id, "leadership", tenant.People["leadership"]);
        var move = await s.FailureAsync("select agency.import_timesheets(@b)", ("b", batch));
        var check = await s.FailureAsync("select * from agency.timesheet_import_problems(@b)", ("b", batch));
        var flag = await s.FailureAsync("select agency.begin_timesheet_import('by hand')");
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.timesheet_import_rows"));

        Assert.All(new[] { move, check, flag }, e => Assert.Equal("42501", e.SqlState));
        Assert.Equal("import_admin_only", move.ConstraintName);
    }

    [Fact]
    public async Task ImportTimesheets_AnotherTenantsAdmin_CanNeitherSeeNorMoveNorFeedABatch()
    {
        var (tenant, _, _) = await AgencyAsync(world);
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        var batch = await StageAsync(s);
        await s.SetContextAsync(world.B.Id, "admin", world.B.People["admin"]);

        var move = await s.FailureAsync("select agency.import_timesheets(@b)", ("b", batch));
        var seen = await s.ScalarAsync<long>("select (select count(*) from agency.import_batches where id = @b) + (select count(*) from agency.timesheet_import_rows where batch_id = @b)", ("b", batch));
        var feed = await s.FailureAsync(
            "insert into agency.timesheet_import_rows (tenant_id, batch_id, line_no, person_name) values (@t, @b, 99, 'x')", ("t", tenant.Id), ("b", batch));
        var own = await s.FailureAsync(
            "insert into agency.timesheet_import_rows (batch_id, line_no, person_name) values (@b, 99, 'x')", ("b", batch));

        Assert.Equal(("23503", "import_batch_missing"), (move.SqlState, move.ConstraintName));
        Assert.Equal(0L, seen);
        Assert.Equal("42501", feed.SqlState);
        // Its own tenant's row cannot point at the other tenant's batch: the key carries the tenant.
        Assert.Equal("23503", own.SqlState);
    }

    private static async Task<Guid> StageAsync(TestSession s)
    {
        var batch = Guid.NewGuid();
        await s.ExecuteAsync("insert into agency.import_batches (id, kind, file_name, file_sha256) values (@b, 'timesheets', 'x.csv', repeat('0', 64))", ("b", batch));
        await s.ExecuteAsync(
            "insert into agency.timesheet_import_rows (batch_id, line_no, person_name, campaign_code, entry_date, hours) values (@b, 2, 'Maya Chen', 'SPRING-25', '2025-01-06', 2)",
            ("b", batch));
        return batch;
    }

    private static Task<ImportSummary> ImportAsync(IImportCommands import, string fixture, bool dryRun)
    {
        var path = FixturePath(fixture);
        return Run();

        async Task<ImportSummary> Run()
        {
            await using var file = File.OpenRead(path);
            return await import.ImportTimesheetsAsync(file, fixture, new TimesheetImportOptions(dryRun));
        }
    }

    internal static string FixturePath(string fixture) => Path.Combine(AppContext.BaseDirectory, "Data", "Features", "Import", "Fixtures", fixture);

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A scratch agency with the fixtures' two people and two campaigns (one closed), and nobody on their teams.</summary>
    internal static async Task<(ScratchTenant Tenant, Dictionary<string, Guid> People, Dictionary<string, Guid> Campaigns)> AgencyAsync(TwoTenantWorld world)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var tag = tenant.Id.ToString("N")[..8];
        var people = new Dictionary<string, Guid> { ["Maya Chen"] = Guid.NewGuid(), ["Tom Berger"] = Guid.NewGuid() };
        var campaigns = new Dictionary<string, Guid> { ["SPRING-25"] = Guid.NewGuid(), ["AUTUMN-RET"] = Guid.NewGuid() };
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        foreach (var (name, id) in people)
        {
            await s.ExecuteAsync("insert into agency.employees (id, full_name, email, agency_role) values (@id, @name, @email, 'creative')",
                ("id", id), ("name", name), ("email", $"{name.Replace(' ', '.').ToLowerInvariant()}@scratch-{tag}.test"));
        }

        foreach (var (code, name, status) in new[] { ("SPRING-25", "Spring Launch", "active"), ("AUTUMN-RET", "Autumn Retainer", "completed") })
        {
            await s.ExecuteAsync(
                """
                insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date)
                values (@id, @client, @code, @name, @status, '2024-01-01', '2025-12-31')
                """, ("id", campaigns[code]), ("client", tenant.ClientId), ("code", code), ("name", name), ("status", status));
        }

        await s.CommitAsync();
        return (tenant, people, campaigns);
    }

    private sealed class Recorder(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => seen.Add(value);
    }
}
