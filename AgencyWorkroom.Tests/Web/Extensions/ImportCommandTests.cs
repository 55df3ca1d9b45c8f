using AgencyWorkroom.Tests.Data.Features.Import;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Extensions;

namespace AgencyWorkroom.Tests.Web.Extensions;

/// <summary>The <c>import</c> verb as a person runs it, against the test database's scratch tenants.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ImportCommandTests(TwoTenantWorld world)
{
    [Fact]
    public async Task RunAsync_HarvestFile_DryRunThenImport_SaysWhatItDidAndExitsZero()
    {
        var (tenant, _, _) = await TimesheetImportTests.AgencyAsync(world);
        var file = TimesheetImportTests.FixturePath("harvest-detailed-time.csv");

        var dry = await RunAsync("timesheets", file, "--tenant", Slug(tenant), "--dry-run");
        var real = await RunAsync("timesheets", file, "--tenant", Slug(tenant));
        var again = await RunAsync("timesheets", file, "--tenant", Slug(tenant));

        Assert.Equal((0, ""), (dry.Code, dry.Error));
        Assert.Contains("dry run: 7 entries would be added", dry.Output, StringComparison.Ordinal);
        Assert.Contains($"as admin@scratch-", dry.Output, StringComparison.Ordinal);
        Assert.Equal(0, real.Code);
        Assert.Contains("imported: 7 entries added", real.Output, StringComparison.Ordinal);
        Assert.Contains("imported: 0 entries added", again.Output, StringComparison.Ordinal);
        Assert.Contains("7 were imported already", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RejectedRows_ListsEachWithItsLine_AndExitsOne()
    {
        var (tenant, _, _) = await TimesheetImportTests.AgencyAsync(world);
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Date,Person,Campaign code,Hours\n2025-01-06,Maya Chen,SPRING-25,2\n2025-01-07,Ghost Writer,SPRING-25,2\n");
        try
        {
            var run = await RunAsync("timesheets", file, "--tenant", Slug(tenant));

            Assert.Equal(1, run.Code);
            Assert.Contains("1 rows rejected; nothing was imported", run.Output, StringComparison.Ordinal);
            Assert.Contains("line 3: unknown person 'Ghost Writer'", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("timesheets")]
    [InlineData("invoices", "x.csv", "--tenant", "t")]
    [InlineData("timesheets", "x.csv")]
    public async Task RunAsync_BadArguments_SayHowAndExitTwo(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.Code);
        Assert.StartsWith("import: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownTenant_SaysSoAndExitsOne()
    {
        var file = TimesheetImportTests.FixturePath("kimai-export.csv");

        var run = await RunAsync("timesheets", file, "--tenant", "no-such-agency");

        Assert.Equal(1, run.Code);
        Assert.Contains("no tenant 'no-such-agency' with an active admin", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClientsAndPeople_DryRunThenImport_SaysWhatItDid_AndASecondRunAddsNothing()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var clients = await TempFileAsync("Name,Code,Brands\nNorthwind Foods,NWF,Northwind Snacks\nScratch Client,,\n");
        var people = await TempFileAsync("Email,Name,Role,Weekly capacity\nana@example.test,Ana Silva,pm,32\n");
        try
        {
            var dryClients = await RunAsync("clients", clients, "--tenant", Slug(tenant), "--dry-run");
            var realClients = await RunAsync("clients", clients, "--tenant", Slug(tenant));
            var againClients = await RunAsync("clients", clients, "--tenant", Slug(tenant));
            var realPeople = await RunAsync("people", people, "--tenant", Slug(tenant));

            Assert.Equal((0, ""), (dryClients.Code, dryClients.Error));
            Assert.Contains("dry run: 1 rows of clients (with their brands) would be added, 1 are there already", dryClients.Output, StringComparison.Ordinal);
            Assert.Equal(0, realClients.Code);
            Assert.Contains("imported: 1 rows of clients (with their brands) added, 1 were there already", realClients.Output, StringComparison.Ordinal);
            Assert.Contains("imported: 0 rows of clients (with their brands) added, 2 were there already", againClients.Output, StringComparison.Ordinal);
            Assert.Equal((0, ""), (realPeople.Code, realPeople.Error));
            Assert.Contains("imported: 1 rows of people added, 0 were there already", realPeople.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(clients);
            File.Delete(people);
        }
    }

    [Fact]
    public async Task RunAsync_PeopleWithABadRow_ListsItWithItsLine_AndExitsOne()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var people = await TempFileAsync("Email,Name,Role\nana@example.test,Ana Silva,pm\nbob@example.test,Bob,wizard\n");
        try
        {
            var run = await RunAsync("people", people, "--tenant", Slug(tenant));

            Assert.Equal(1, run.Code);
            Assert.Contains("1 rows rejected; nothing was imported", run.Output, StringComparison.Ordinal);
            Assert.Contains("line 3: unknown role 'wizard'", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(people);
        }
    }

    private static async Task<string> TempFileAsync(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    private static string Slug(ScratchTenant tenant) => $"scratch-{tenant.Id.ToString("N")[..8]}";

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
