using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Export;
using ClosedXML.Excel;

namespace AgencyWorkroom.Tests.Data.Features.Analytics;

/// <summary>
/// The invoice export (043) on the hand-worked fixture (<see cref="AnalyticsFixture"/>) once March's
/// time is approved, except the creative's 10 h of 4 March, and one more expense is approved: only
/// approved billable time and approved expenses are billed, a rate change makes two lines, and only
/// finance and leadership may run it.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class InvoiceLinesTests(TwoTenantWorld world)
{
    private static async Task<AnalyticsFixture> ApprovedMarchAsync(TwoTenantWorld world)
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
        await s.ExecuteAsync(
            """
            update agency.timesheet_entries set status = 'approved'
            where tenant_id = @t and not (employee_id = @creative and entry_date = '2025-03-04');
            insert into te.expense_lines (tenant_id, employee_id, expense_date, category, description, amount, status, agency_campaign_id)
            values (@t, @pm, '2025-03-12', 'production', '=HYPERLINK("x")', 80.50, 'approved', @tm),
                   (@t, @pm, '2025-04-02', 'meals', 'April', 40, 'approved', @tm)
            """,
            ("t", fixture.Tenant.Id), ("creative", fixture.Creative), ("pm", fixture.Pm), ("tm", fixture.TimeAndMaterials));
        await s.CommitAsync();
        return fixture;
    }

    [Theory]
    [InlineData("finance")]
    [InlineData("leadership")]
    public async Task InvoiceLines_March_BillApprovedBillableTimeByRateAndApprovedExpenses(string role)
    {
        var fixture = await ApprovedMarchAsync(world);
        await using var person = fixture.Tenant.As(world, role);

        var invoices = await person.Get<IAnalyticsQueries>().InvoiceLinesAsync(AnalyticsFixture.March, AnalyticsFixture.EndOfMarch);

        Assert.False(invoices.IsRefused);
        var time = invoices.Lines.Where(l => l.Kind == "time")
            .Select(l => (l.CampaignCode, l.Person, l.Hours, l.Rate, l.Amount)).OrderBy(l => l.CampaignCode).ThenBy(l => l.Person).ThenBy(l => l.Rate).ToList();
        // The creative's 4 March is a draft and 5 March not billable; the pm's rate changed on 17 March.
        Assert.Equal(
        [
            ("FF", "creative person", 8m, 150m, 1200m),
            ("TM", "pm person", 5m, 150m, 750m),
            ("TM", "pm person", 4m, 200m, 800m),
        ], time.Select(l => (l.CampaignCode, l.Person, l.Hours!.Value, l.Rate!.Value, l.Amount!.Value)).ToList());
        // The fixture's travel expense is only submitted; April's is outside the period.
        var expense = Assert.Single(invoices.Lines, l => l.Kind == "expense");
        Assert.Equal(("TM", new DateOnly(2025, 3, 12), "production: =HYPERLINK(\"x\")", 80.50m, "USD"),
            (expense.CampaignCode, expense.LineDate!.Value, expense.Description!, expense.Amount!.Value, expense.Currency));

        var total = Assert.Single(InvoiceWorkbook.Totals(invoices.Lines));
        Assert.Equal(("SCRATCH", 17m, 2750m, 80.50m, 2830.50m), (total.ClientCode, total.Hours, total.Time, total.Expenses, total.Total));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("account")]
    [InlineData("pm")]
    [InlineData("admin")]
    public async Task InvoiceLines_ForARoleThatDoesNotBill_AreRefusedByTheDatabase(string role)
    {
        var fixture = await ApprovedMarchAsync(world);
        await using var person = fixture.Tenant.As(world, role);

        var invoices = await person.Get<IAnalyticsQueries>().InvoiceLinesAsync(AnalyticsFixture.March, AnalyticsFixture.EndOfMarch);

        Assert.True(invoices.IsRefused);
        Assert.Empty(invoices.Lines);
    }

    [Fact]
    public async Task InvoiceLines_AnotherTenantsFinance_SeesNoneOfTheFixture()
    {
        var fixture = await ApprovedMarchAsync(world);
        await using var other = PersonServices.For(world, world.A, "finance");

        var invoices = await other.Get<IAnalyticsQueries>().InvoiceLinesAsync(AnalyticsFixture.March, AnalyticsFixture.EndOfMarch);

        Assert.DoesNotContain(invoices.Lines, l => l.ClientId == fixture.Tenant.ClientId);
    }

    [Fact]
    public async Task InvoiceWorkbook_HasASummaryAndASheetPerClient_FormulasStayText()
    {
        var fixture = await ApprovedMarchAsync(world);
        await using var finance = fixture.Tenant.As(world, "finance");
        var invoices = await finance.Get<IAnalyticsQueries>().InvoiceLinesAsync(AnalyticsFixture.March, AnalyticsFixture.EndOfMarch);

        using var workbook = new XLWorkbook(new MemoryStream(InvoiceWorkbook.Write(invoices)));

        Assert.Equal(["Summary", "SCRATCH Scratch Client"], workbook.Worksheets.Select(w => w.Name).ToArray());
        var summary = workbook.Worksheet("Summary");
        Assert.Equal("Total", summary.Cell(1, 7).GetString());
        Assert.Equal(2830.50, summary.Cell(2, 7).GetDouble());
        var lines = workbook.Worksheet(2);
        Assert.Equal(5, lines.LastRowUsed()!.RowNumber());
        var description = lines.Column(9).CellsUsed().Single(c => c.GetString().Contains("HYPERLINK"));
        Assert.False(description.HasFormula);
    }
}
