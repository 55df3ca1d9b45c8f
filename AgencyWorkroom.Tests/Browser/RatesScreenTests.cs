using AgencyWorkroom.Data.Features.Rates;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The Rates and Settings screens in real Chromium on the demo agencies: finance corrects a rate
/// (seeing what it changes first) and the campaign's margin follows; others are told the screen
/// is not theirs. Each screen is checked with axe.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class RatesScreenTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Finance_CorrectsACampaignRate_AfterThePreview_AndTheCampaignsMarginChanges()
    {
        var (campaign, code) = await CampaignWithRevenueAsync();
        // A campaign rate of 1 an hour over its whole life, for this test (the loader's role: no person, no audit).
        await using (var s = await demo.MaintenanceSessionAsync())
        {
            await s.ExecuteAsync(
                """
                insert into agency.campaign_rate_overrides (tenant_id, campaign_id, bill_rate, effective_from, note)
                select tenant_id, id, 1, start_date, 'Browser test' from agency.campaigns where id = @c
                """, ("c", campaign));
            await s.CommitAsync();
        }

        try
        {
            var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("finance", "northwind"), DemoAccounts.Password);
            await BrowserFixture.OpenAsync(page, $"/campaigns/{campaign}");
            var marginBefore = (await page.GetByTestId("campaign-margin").InnerTextAsync()).Trim();

            await BrowserFixture.OpenAsync(page, "/rates");
            await Expect(page.GetByTestId("rates-currency")).ToContainTextAsync("USD");
            await CheckScreenAsync(page, "rates-cards");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Overrides" }).ClickAsync();
            var row = page.GetByTestId("overrides-table").Locator("tr").Filter(new() { HasText = code });
            await row.GetByTestId("correct").ClickAsync();
            var dialog = page.GetByTestId("correction-dialog");
            await dialog.GetByTestId("field-correct-bill").Locator("input").FillAsync("400");
            await dialog.GetByTestId("field-reason").Locator("textarea").First.FillAsync("Agreed launch rate, entered wrong");
            await Expect(dialog.GetByTestId("save")).ToBeDisabledAsync();
            await dialog.GetByTestId("preview").ClickAsync();
            await Expect(dialog.GetByTestId("correction-preview")).ToContainTextAsync("This changes revenue of 1 campaign by +USD");
            await CheckScreenAsync(page, "rates-correction");
            await dialog.GetByTestId("save").ClickAsync();
            await Expect(page.GetByTestId("correction-dialog")).ToHaveCountAsync(0);
            await Expect(row.GetByTestId("period-bill")).ToContainTextAsync("USD 400.00");

            await BrowserFixture.OpenAsync(page, $"/campaigns/{campaign}");
            await Expect(page.GetByTestId("campaign-margin")).Not.ToHaveTextAsync(marginBefore);
        }
        finally
        {
            await using var s = await demo.AppSessionAsync("northwind", "finance");
            await s.ExecuteAsync("select set_config('app.audit_reason', 'Browser test cleans up', true)");
            await s.ExecuteAsync("delete from agency.campaign_rate_overrides where campaign_id = @c", ("c", campaign));
            await s.CommitAsync();
        }
    }

    [Fact]
    public async Task Finance_LooksUpARate_AndSeesWhereItCameFrom_ThenWorksOutAMarginInTheCalculator()
    {
        var (campaign, _) = await CampaignWithRevenueAsync();
        await using var s = await demo.AppSessionAsync("northwind", "finance");
        var expected = (await s.QueryAsync(
            """
            select e.full_name, c.name as campaign_name, r.bill_rate, r.bill_source
            from agency.campaign_team tm
            join agency.employees e on e.tenant_id = tm.tenant_id and e.id = tm.employee_id
            join agency.campaigns c on c.tenant_id = tm.tenant_id and c.id = tm.campaign_id
            cross join lateral agency.rate_for(tm.tenant_id, tm.employee_id, tm.campaign_id, current_date) r
            where tm.campaign_id = @c and r.bill_rate is not null
            order by e.full_name limit 1
            """, ("c", campaign))).Single();
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("finance", "northwind"), DemoAccounts.Password);
        await BrowserFixture.OpenAsync(page, "/rates");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Lookup" }).ClickAsync();
        await ChooseAsync(page, "lookup-person", (string)expected["full_name"]!);
        await ChooseAsync(page, "lookup-campaign", (string)expected["campaign_name"]!);
        await page.GetByTestId("lookup").ClickAsync();

        await Expect(page.GetByTestId("lookup-bill")).ToHaveTextAsync($"USD {(decimal)expected["bill_rate"]!:N2}");
        await Expect(page.GetByTestId("lookup-bill-source")).ToContainTextAsync(RateTables.DescribeSource((string)expected["bill_source"]!));
        await CheckScreenAsync(page, "rates-lookup");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Calculator" }).ClickAsync();
        await page.GetByTestId("calc-bill").Locator("input").FillAsync("200");
        await page.GetByTestId("calc-cost").Locator("input").FillAsync("80");
        await page.GetByTestId("calc-target").Locator("input").FillAsync("50");

        await Expect(page.GetByTestId("calc-margin")).ToHaveTextAsync("USD 120.00");
        await Expect(page.GetByTestId("calc-margin-pct")).ToHaveTextAsync("60 %");
        await Expect(page.GetByTestId("calc-markup-pct")).ToHaveTextAsync("150 %");
        await Expect(page.GetByTestId("calc-required")).ToHaveTextAsync("USD 160.00");
        await CheckScreenAsync(page, "rates-calculator");
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    public async Task OtherRoles_AreToldRatesAreForFinanceAndLeadership(string role)
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf(role, "northwind"), DemoAccounts.Password);

        await BrowserFixture.OpenAsync(page, "/rates");

        await Expect(page.GetByTestId("rates-not-for-you")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tab-cards")).ToHaveCountAsync(0);
        await CheckScreenAsync(page, $"rates-{role}");
    }

    [Fact]
    public async Task Admin_SeesTheSettings_AndTheyPassAxe()
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("admin", "northwind"), DemoAccounts.Password);

        await BrowserFixture.OpenAsync(page, "/admin/settings");

        await Expect(page.GetByTestId("field-currency").Locator("input")).ToHaveValueAsync("USD");
        await CheckScreenAsync(page, "settings");
    }

    private async Task<(Guid Id, string Code)> CampaignWithRevenueAsync()
    {
        await using var s = await demo.AppSessionAsync("northwind", "finance");
        var row = (await s.QueryAsync(
            "select campaign_id, code from agency.v_campaign_overview where status = 'active' and revenue > 0 order by code limit 1")).Single();
        return ((Guid)row["campaign_id"]!, (string)row["code"]!);
    }

    /// <summary>Opens a MudSelect by its wrapper's test id and picks the option with that text.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option }).First.ClickAsync();
        await Expect(page.GetByTestId(testId)).ToContainTextAsync(option);
    }

    private static async Task CheckScreenAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, name);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }
}
