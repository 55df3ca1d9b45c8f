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

    private static string Slug(ScratchTenant tenant) => $"scratch-{tenant.Id.ToString("N")[..8]}";

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
