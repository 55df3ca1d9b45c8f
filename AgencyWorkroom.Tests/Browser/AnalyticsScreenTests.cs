using System.Globalization;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The analytics screen in real Chromium on the demo agencies: finance opens profitability,
/// downloads it as Excel, and the file's figures are the screen's; a creative sees hours and no
/// money; both views pass axe.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class AnalyticsScreenTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Profitability = "/analytics?view=profitability&period=last-month";

    [Fact]
    public async Task Finance_ExportsProfitabilityToExcel_AndTheFileHoldsTheScreensFigures()
    {
        _ = demo;
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("finance", "northwind"), DemoAccounts.Password);
        await BrowserFixture.OpenAsync(page, Profitability);
        await Expect(page.GetByTestId("profit-name").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("profitability-ranking")).ToBeVisibleAsync();
        await CheckScreenAsync(page, "analytics-profitability");

        var names = await page.GetByTestId("profit-name").AllInnerTextsAsync();
        var earned = await page.GetByTestId("profit-earned").AllInnerTextsAsync();
        var cost = await page.GetByTestId("profit-cost").AllInnerTextsAsync();
        var margin = await page.GetByTestId("profit-margin").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-profitability-xlsx").ClickAsync());
        await using var file = File.OpenRead((await download.PathAsync())!);
        using var workbook = new XLWorkbook(file);
        var sheet = workbook.Worksheet("Profitability");
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        int Column(string name) => header.IndexOf(name) + 1;

        Assert.Equal(names.Count, sheet.LastRowUsed().RowNumber() - 1);
        for (var i = 0; i < names.Count; i++)
        {
            var row = sheet.Row(i + 2);
            Assert.Equal(names[i].Trim(), row.Cell(Column("Name")).GetString());
            Assert.Equal(Screen(earned[i]), row.Cell(Column("Earned value")).GetValue<decimal>());
            Assert.Equal(Screen(cost[i]), row.Cell(Column("Cost")).GetValue<decimal>());
            Assert.Equal(Screen(margin[i]), row.Cell(Column("Margin")).GetValue<decimal>());
        }
    }

    [Fact]
    public async Task Creative_SeesUtilizationAndHours_ButNoMoney()
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("creative", "northwind"), DemoAccounts.Password);
        await BrowserFixture.OpenAsync(page, "/analytics?period=last-month&group=person");
        await Expect(page.GetByTestId("utilization-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("utilization-trend")).ToBeVisibleAsync();
        await CheckScreenAsync(page, "analytics-utilization-creative");

        await BrowserFixture.OpenAsync(page, Profitability);
        await Expect(page.GetByTestId("profit-hours").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("profit-earned")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("profitability-ranking")).ToContainTextAsync("Hours logged");
    }

    private static decimal Screen(string text) => decimal.Parse(text.Trim(), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static async Task CheckScreenAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, name);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }
}
