namespace AgencyWorkroom.Tests.Data.DemoData;

/// <summary>Each demo agency has the sizes issue 4 asks for, table by table.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoDataCountsTests(DemoSeedFixture fixture)
{
    private static readonly (string Table, int Min, int Max)[] Ranges =
    [
        ("agency.employees", 50, 80),
        ("agency.clients", 30, 40),
        ("agency.brands", 60, 80),
        ("agency.campaigns", 150, 150),
        ("agency.campaign_phases", 600, 600),
        ("agency.campaign_team", 750, 1200),
        ("agency.artifacts", 800, 1200),
        ("agency.artifact_versions", 801, 4800),
        ("agency.artifact_comments", 500, 6000),
        ("agency.timesheet_entries", 40_000, 60_000),
        ("agency.team_allocations", 500, 5000),
        ("agency.rate_cards", 40, 80),
        ("agency.employee_rates", 51, 160),
        ("agency.knowledge_documents", 100, 200),
        ("agency.knowledge_chunks", 1000, 3000),
        ("procure.project_quotes", 20, 150),
        ("finance_ppm.projects", 100, 150),
        ("te.expense_lines", 300, 3000),
        ("gear.checkouts", 30, 600),
    ];

    public static TheoryData<string, string, int, int> Cases()
    {
        var cases = new TheoryData<string, string, int, int>();
        foreach (var slug in new[] { "northwind", "bluebird" })
        {
            foreach (var (table, min, max) in Ranges)
            {
                cases.Add(slug, table, min, max);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Seed_Table_RowCountInRange(string slug, string table, int min, int max)
    {
        await using var s = await fixture.MaintenanceSessionAsync();

        var rows = await s.ScalarAsync<long>($"select count(*) from {table} where tenant_id = @tenant",
            ("tenant", DemoSeedFixture.Profile(slug).TenantId));

        Assert.InRange(rows, min, max);
        Assert.Equal(rows, fixture.Summary(slug).RowsIn(table));
    }

    [Theory]
    [InlineData("northwind", "Northwind Creative")]
    [InlineData("bluebird", "Bluebird Studio")]
    public async Task Seed_Tenant_HasItsSlugAndName(string slug, string name)
    {
        await using var s = await fixture.MaintenanceSessionAsync();

        var stored = await s.ScalarAsync<string>("select name from agency.tenants where slug = @slug", ("slug", slug));

        Assert.Equal(name, stored);
    }
}
