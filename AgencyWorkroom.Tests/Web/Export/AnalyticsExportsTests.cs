using System.Text;
using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Tests.Data.Features.Analytics;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Export;
using ClosedXML.Excel;

namespace AgencyWorkroom.Tests.Web.Export;

/// <summary>The analytics downloads: the Excel file read back equals the service's figures, and the
/// files of a role without money rights carry none.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AnalyticsExportsTests(TwoTenantWorld world)
{
    private static readonly ProfitabilityQuery March =
        new(AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, ProfitDimensions.Campaign);

    [Fact]
    public async Task ProfitabilityWorkbook_ReadBack_EqualsTheServiceFigures()
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var finance = fixture.Tenant.As(world, "finance");
        var rows = await finance.Get<IAnalyticsQueries>().ProfitabilityAsync(March);

        using var workbook = new XLWorkbook(new MemoryStream(ExcelWorkbook.Write(AnalyticsExports.Profitability, rows)));
        var sheet = workbook.Worksheet("Profitability");

        Assert.Equal(AnalyticsExports.Profitability.Header, sheet.Row(1).Cells(1, AnalyticsExports.Profitability.Columns.Count).Select(c => c.GetString()));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(rows.Count + 1, sheet.LastRowUsed().RowNumber());
        for (var i = 0; i < rows.Count; i++)
        {
            var line = sheet.Row(i + 2);
            Assert.Equal(rows[i].GroupLabel, line.Cell(1).GetString());
            Assert.Equal(rows[i].TotalHours, line.Cell(4).GetValue<decimal>());
            Assert.Equal(rows[i].EarnedValue, line.Cell(6).GetValue<decimal>());
            Assert.Equal(rows[i].RecognisedRevenue, line.Cell(7).GetValue<decimal>());
            Assert.Equal(rows[i].Cost, line.Cell(10).GetValue<decimal>());
            Assert.Equal(rows[i].Margin, line.Cell(11).GetValue<decimal>());
            Assert.Equal(rows[i].MarginPct, line.Cell(12).GetValue<decimal>());
            Assert.Equal(ExcelWorkbook.MoneyFormat, line.Cell(6).Style.NumberFormat.Format);
            Assert.Equal(ExcelWorkbook.PercentFormat, line.Cell(12).Style.NumberFormat.Format);
            Assert.Equal(ExcelWorkbook.HoursFormat, line.Cell(4).Style.NumberFormat.Format);
        }

        var ff = sheet.RowsUsed().Single(r => r.Cell(1).GetString().StartsWith("FF ", StringComparison.Ordinal));
        Assert.Equal((1200m, 7500m, -280m), (ff.Cell(6).GetValue<decimal>(), ff.Cell(7).GetValue<decimal>(), ff.Cell(11).GetValue<decimal>()));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("account")]
    public async Task ProfitabilityDownloads_ForARoleWithoutMoneyRights_HaveNoMoney(string role)
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var person = fixture.Tenant.As(world, role);
        var rows = await person.Get<IAnalyticsQueries>().ProfitabilityAsync(March);
        Assert.NotEmpty(rows);
        var table = AnalyticsExports.Profitability;
        int[] money = [.. Enumerable.Range(0, table.Columns.Count)
            .Where(i => table.Columns[i].Format is ExportFormat.Money or ExportFormat.Percent && table.Columns[i].Header != "Budget")];

        using var workbook = new XLWorkbook(new MemoryStream(ExcelWorkbook.Write(table, rows)));
        foreach (var line in workbook.Worksheet(1).RowsUsed().Skip(1))
        {
            Assert.All(money, i => Assert.True(line.Cell(i + 1).IsEmpty(), $"{table.Columns[i].Header} has a value"));
            Assert.False(line.Cell(4).IsEmpty());
        }

        var csv = Encoding.UTF8.GetString(ExportEndpoints.ToCsv(table.Header, rows, table.Record));
        foreach (var record in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var cells = record.TrimEnd('\r').Split(',');
            Assert.All(money, i => Assert.Equal("", cells[^(table.Columns.Count - i)]));
        }
    }

    [Theory]
    [InlineData("finance", true)]
    [InlineData("creative", false)]
    public async Task ForecastWorkbook_ReadBack_EqualsTheServiceByMonthAndByClient_MoneyOnlyForFinance(string role, bool seesMoney)
    {
        await using var person = PersonServices.For(world, world.A, role);
        var forecast = await person.Get<IForecastQueries>().GetAsync(new ForecastRequest(3, IncludeTentative: true));

        using var workbook = new XLWorkbook(new MemoryStream(ForecastExports.Workbook(forecast)));

        Assert.Equal(["Forecast by month", "Forecast by client"], workbook.Worksheets.Select(w => w.Name).ToArray());
        var months = workbook.Worksheet(1);
        Assert.Equal(forecast.Months.Count + 1, months.LastRowUsed()!.RowNumber());
        for (var i = 0; i < forecast.Months.Count; i++)
        {
            var m = forecast.Months[i];
            var line = months.Row(i + 2);
            Assert.Equal(m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), line.Cell(1).GetString());
            Assert.Equal(m.AllocatedHours, line.Cell(2).GetValue<decimal>());
            Assert.Equal(m.SellableHours, line.Cell(6).GetValue<decimal>());
            Assert.Equal(seesMoney, !line.Cell(10).IsEmpty());
            if (seesMoney)
            {
                Assert.Equal(m.Revenue, line.Cell(10).GetValue<decimal>());
            }
        }

        var clients = workbook.Worksheet(2);
        Assert.Equal(forecast.Clients.Count + 1, clients.LastRowUsed()!.RowNumber());
        Assert.All(clients.RowsUsed().Skip(1), line => Assert.Equal(seesMoney, !line.Cell(7).IsEmpty()));
    }
}
