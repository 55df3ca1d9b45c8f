using System.Text;
using AgencyWorkroom.Data.Features.Import;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Features.Import;

/// <summary>
/// The clients' and people's imports (052) on the real database, as an admin of a scratch tenant
/// through <see cref="IImportCommands"/>: what is added, what is there already (client name, person
/// e-mail), every bad row named by the dry run, all or nothing, and refused by the database to
/// anyone but the tenant's admins.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class RosterImportTests(TwoTenantWorld world)
{
    private const string Formula = "=HYPERLINK(\"https://evil.example\",\"x\")";

    [Fact]
    public async Task ImportClients_AddsClientsAndBrands_MakesCodes_KeepsFormulasAsText_AndASecondImportAddsNothing()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var file = $"""
            Name,Code,Industry,Brands
            Northwind Foods,nwf,Food,Northwind Snacks; Northwind Drinks
            "{Formula.Replace("\"", "\"\"")}",,Retail,
            scratch client,,Retail,Scratch Brand | Scratch Kids
            """;

        var dry = await admin.Get<IImportCommands>().ImportClientsAsync(Stream(file), "clients.csv", new ImportOptions(DryRun: true));
        var first = await admin.Get<IImportCommands>().ImportClientsAsync(Stream(file), "clients.csv", new ImportOptions(DryRun: false));
        var again = await admin.Get<IImportCommands>().ImportClientsAsync(Stream(file), "clients.csv", new ImportOptions(DryRun: false));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]);
        var clients = await s.QueryAsync("select id, code, name, sector, status, import_batch_id from agency.clients order by created_at, code");
        var brands = await s.QueryAsync(
            "select c.name as client, b.code, b.name from agency.brands b join agency.clients c on c.id = b.client_id order by b.created_at, b.code");

        Assert.Equal((true, 3, 3, 0), (dry.DryRun, dry.RowsRead, dry.RowsAdded, dry.Rejections.Count));
        Assert.Null(dry.BatchId);
        Assert.True(first.Imported, string.Join("; ", first.Rejections));
        // The scratch client is there already; the row still adds its new brand.
        Assert.Equal((3, 3, 0), (first.RowsRead, first.RowsAdded, first.RowsUnchanged));
        Assert.Equal((3, 0, 3), (again.RowsRead, again.RowsAdded, again.RowsUnchanged));
        Assert.Equal(ImportKind.Clients, first.Kind);
        Assert.Equal(3, clients.Count);
        Assert.Equal(("SCRATCH", (object?)null), ((string)clients[0]["code"]!, clients[0]["import_batch_id"]));
        Assert.Contains(clients, c => (string)c["code"]! == "NWF" && (string)c["name"]! == "Northwind Foods"
                                      && (string?)c["sector"] == "Food" && (string)c["status"]! == "active"
                                      && (Guid?)c["import_batch_id"] == first.BatchId);
        // A cell a spreadsheet would run is a name like any other; its code is made from it.
        Assert.Contains(clients, c => (string)c["name"]! == Formula && (string)c["code"]! == "HYPERLINK-HTTPS-EVIL");
        Assert.Equal(
            [("Northwind Foods", "NORTHWIND-DRINKS"), ("Northwind Foods", "NORTHWIND-SNACKS"), ("Scratch Client", "SCRATCH-BR"), ("Scratch Client", "SCRATCH-KIDS")],
            brands.Select(b => ((string)b["client"]!, (string)b["code"]!)).OrderBy(b => b.Item2));
        Assert.NotNull(first.BatchId);
    }

    [Fact]
    public async Task ImportClients_DryRunNamesEveryBadRow_AndTheRealRunImportsNothing()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        const string File = """
            Name,Code,Status,Brands
            Acme,acme,active,Acme One
            ,X1,,
            ACME,,,
            Beta,SCRATCH,,
            Gamma,B@D,,
            Delta,,closed,
            Epsilon,ACME,,
            Zeta,,,
            """;

        var dry = await admin.Get<IImportCommands>().ImportClientsAsync(Stream(File), "bad.csv", new ImportOptions(DryRun: true));
        var real = await admin.Get<IImportCommands>().ImportClientsAsync(Stream(File), "bad.csv", new ImportOptions(DryRun: false));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        Assert.Equal(
            [
                (3, "no client name"), (4, "client 'ACME' is also on line 2"), (5, "code SCRATCH belongs to client 'Scratch Client'"),
                (6, "bad code 'B@D' (2 to 20 letters, digits or dashes)"), (7, "unknown status 'closed' (prospect, active, inactive, archived)"),
                (8, "code ACME is also on line 2"),
            ],
            dry.Rejections.Select(r => (r.Line, r.Reason)));
        Assert.False(real.Imported);
        Assert.Equal(6, real.Rejections.Count);
        Assert.Null(real.BatchId);
        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.clients"));
        Assert.Equal(1L, await s.ScalarAsync<long>("select count(*) from agency.brands"));
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.import_batches"));
    }

    [Fact]
    public async Task ImportPeople_AddsPeopleWithoutAccounts_GivesNewPeopleTheirFirstRateFromToday_AndASecondImportAddsNothing()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var tag = tenant.Id.ToString("N")[..8];
        await using var admin = tenant.As(world, "admin");
        var file = $"""
            Email,Name,Role,Department,Weekly capacity,Start date,Bill rate,Cost rate
            Ana.Silva@Example.test,Ana Silva,Project manager,Delivery,32,2019-04-01,150,80
            ben@example.test,"{Formula.Replace("\"", "\"\"")}",creative,Design,,,,
            FINANCE@scratch-{tag}.test,Someone Else,admin,,20,,999,999
            """;

        var first = await admin.Get<IImportCommands>().ImportPeopleAsync(Stream(file), "people.csv", new ImportOptions(DryRun: false));
        var again = await admin.Get<IImportCommands>().ImportPeopleAsync(Stream(file), "people.csv", new ImportOptions(DryRun: false));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "finance", tenant.People["finance"]);
        var people = await s.QueryAsync(
            """
            select e.email, e.full_name, e.agency_role, e.department, e.weekly_capacity_hours, e.start_date, e.user_id, e.active, e.import_batch_id,
                   (select count(*) from agency.employee_rates r where r.employee_id = e.id) as rates,
                   (select r.bill_rate from agency.employee_rates r where r.employee_id = e.id and r.effective_from = current_date) as bill,
                   (select r.cost_rate from agency.employee_rates r where r.employee_id = e.id and r.effective_from = current_date) as cost
            from agency.employees e order by e.email
            """);
        var ana = people.Single(p => (string)p["email"]! == "ana.silva@example.test");
        var ben = people.Single(p => (string)p["email"]! == "ben@example.test");
        var finance = people.Single(p => (string)p["email"]! == $"finance@scratch-{tag}.test");

        Assert.True(first.Imported, string.Join("; ", first.Rejections));
        Assert.Equal((3, 2, 1), (first.RowsRead, first.RowsAdded, first.RowsUnchanged));
        Assert.Equal((3, 0, 3), (again.RowsRead, again.RowsAdded, again.RowsUnchanged));
        Assert.Equal(("Ana Silva", "pm", "Delivery", 32m, new DateOnly(2019, 4, 1)),
            ((string)ana["full_name"]!, (string)ana["agency_role"]!, (string?)ana["department"], (decimal)ana["weekly_capacity_hours"]!, (DateOnly?)ana["start_date"]));
        Assert.Null(ana["user_id"]);
        Assert.Equal(true, ana["active"]);
        Assert.Equal(first.BatchId, ana["import_batch_id"]);
        Assert.Equal((1L, 150m, 80m), ((long)ana["rates"]!, (decimal?)ana["bill"], (decimal?)ana["cost"]));
        Assert.Equal((Formula, "creative", 40m, 0L), ((string)ben["full_name"]!, (string)ben["agency_role"]!, (decimal)ben["weekly_capacity_hours"]!, (long)ben["rates"]!));
        // Someone already there is left as they are: their role, and their rates (finance's).
        Assert.Equal(("finance person", "finance", 1L, null), ((string)finance["full_name"]!, (string)finance["agency_role"]!, (long)finance["rates"]!, finance["bill"]));
        Assert.Null(ben["user_id"]);
    }

    [Fact]
    public async Task ImportPeople_DryRunNamesEveryBadRow_AndTheRealRunImportsNothing()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        const string File = """
            Email,Name,Role,Weekly capacity,Start date,Bill rate
            ok@example.test,Fine Person,creative,40,2024-01-01,100
            not-an-email,Bad Mail,creative,,,
            nameless@example.test,,creative,,,
            boss@example.test,The Boss,boss,,,
            busy@example.test,Too Busy,pm,90,,
            OK@example.test,Fine Again,creative,,,
            late@example.test,Late Start,creative,,2024-13-01,
            dear@example.test,Dear Rate,creative,,,abc
            """;

        var dry = await admin.Get<IImportCommands>().ImportPeopleAsync(Stream(File), "bad.csv", new ImportOptions(DryRun: true));
        var real = await admin.Get<IImportCommands>().ImportPeopleAsync(Stream(File), "bad.csv", new ImportOptions(DryRun: false));

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        Assert.Equal(
            [
                (3, "bad e-mail 'not-an-email'"), (4, "no name"), (5, "unknown role 'boss' (finance, leadership, pm, admin, account, creative)"),
                (6, "weekly capacity out of range (90; 0 to 80 hours)"), (7, "e-mail ok@example.test is also on line 2"),
                (8, "bad start date '2024-13-01'"), (9, "bill rate not a number 'abc'"),
            ],
            dry.Rejections.Select(r => (r.Line, r.Reason)));
        Assert.False(real.Imported);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.employees where email like '%@example.test'"));
    }

    [Fact]
    public async Task ImportClientsAndPeople_ByANonAdmin_AreRefusedByTheDatabase()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        foreach (var role in new[] { "account", "creative", "pm", "finance", "leadership" })
        {
            await using var person = tenant.As(world, role);
            var clients = await Assert.ThrowsAsync<PostgresException>(() =>
                person.Get<IImportCommands>().ImportClientsAsync(Stream("Name\nAcme\n"), "c.csv", new ImportOptions(DryRun: false)));
            var people = await Assert.ThrowsAsync<PostgresException>(() =>
                person.Get<IImportCommands>().ImportPeopleAsync(Stream("Email,Name\na@example.test,A\n"), "p.csv", new ImportOptions(DryRun: false)));
            Assert.Equal(("42501", "42501"), (clients.SqlState, people.SqlState));
        }

        // Straight at the functions, with batches staged by the admin in the same transaction; and no
        // rate for a person the admin's running import did not add.
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        var (clientBatch, peopleBatch) = await StageAsync(s);
        var rate = await s.FailureAsync(
            "insert into agency.employee_rates (employee_id, bill_rate, effective_from) values (@p, 1, current_date)", ("p", tenant.People["creative"]));
        await s.SetContextAsync(tenant.Id, "account", tenant.People["account"]);
        var moveClients = await s.FailureAsync("select agency.import_clients(@b)", ("b", clientBatch));
        var checkClients = await s.FailureAsync("select * from agency.client_import_problems(@b)", ("b", clientBatch));
        var movePeople = await s.FailureAsync("select agency.import_people(@b)", ("b", peopleBatch));

        Assert.Equal("42501", rate.SqlState);
        Assert.All(new[] { moveClients, checkClients, movePeople }, e => Assert.Equal(("42501", "import_admin_only"), (e.SqlState, e.ConstraintName)));
    }

    [Fact]
    public async Task ImportClientsAndPeople_AnotherTenantsAdmin_CanNeitherSeeNorMoveABatch()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        var (clientBatch, peopleBatch) = await StageAsync(s);
        await s.SetContextAsync(world.B.Id, "admin", world.B.People["admin"]);

        var moveClients = await s.FailureAsync("select agency.import_clients(@b)", ("b", clientBatch));
        var movePeople = await s.FailureAsync("select agency.import_people(@b)", ("b", peopleBatch));
        var seen = await s.ScalarAsync<long>(
            "select (select count(*) from agency.client_import_rows where batch_id = @c) + (select count(*) from agency.people_import_rows where batch_id = @b)",
            ("c", clientBatch), ("b", peopleBatch));
        var feed = await s.FailureAsync(
            "insert into agency.people_import_rows (tenant_id, batch_id, line_no, email) values (@t, @b, 99, 'x@y.z')", ("t", tenant.Id), ("b", peopleBatch));

        Assert.Equal(("23503", "import_batch_missing"), (moveClients.SqlState, moveClients.ConstraintName));
        Assert.Equal(("23503", "import_batch_missing"), (movePeople.SqlState, movePeople.ConstraintName));
        Assert.Equal(0L, seen);
        Assert.Equal("42501", feed.SqlState);
    }

    private static async Task<(Guid Clients, Guid People)> StageAsync(TestSession s)
    {
        var clients = Guid.NewGuid();
        var people = Guid.NewGuid();
        await s.ExecuteAsync(
            "insert into agency.import_batches (id, kind, file_name, file_sha256) values (@c, 'clients', 'c.csv', repeat('0', 64)), (@p, 'people', 'p.csv', repeat('0', 64))",
            ("c", clients), ("p", people));
        await s.ExecuteAsync("insert into agency.client_import_rows (batch_id, line_no, name) values (@b, 2, 'Acme')", ("b", clients));
        await s.ExecuteAsync(
            "insert into agency.people_import_rows (batch_id, line_no, email, full_name) values (@b, 2, 'a@example.test', 'A')", ("b", people));
        return (clients, people);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
