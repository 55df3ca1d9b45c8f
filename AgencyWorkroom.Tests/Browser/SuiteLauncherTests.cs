using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>The launcher in the top bar (by keyboard), a campaign's Costs and links tab and the PPM reconciliation, in real Chromium on the seeded demo agencies.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class SuiteLauncherTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Launcher_OpensByKeyboard_EscapeCloses_AndTheWorkroomCardLeadsHome()
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("finance", "northwind"), DemoAccounts.Password);
        await BrowserFixture.OpenAsync(page, "/campaigns");

        await page.GetByTestId("launcher-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var launcher = page.GetByTestId("launcher-cards");
        await Expect(launcher).ToBeVisibleAsync();
        await Expect(page.GetByTestId("launcher-card-Workroom")).ToContainTextAsync("Active campaigns");
        // The test app configures no neighbour: each shows its figures and says it is not connected.
        await Expect(page.GetByTestId("launcher-not-connected")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("launcher-card-Gearroom")).ToContainTextAsync("Gear out");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, "launcher");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.Keyboard.PressAsync("Escape");
        await Expect(launcher).ToHaveCountAsync(0);

        await page.GetByTestId("launcher-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("launcher-open-Workroom").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("kpi-margin-value")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("launcher-cards")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CostsTab_AndReconciliation_ShowFinanceTheLinkedRecords_AndPassAxe()
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("finance", "northwind"), DemoAccounts.Password);
        var campaign = await LinkedCampaignAsync();

        await BrowserFixture.OpenAsync(page, "/suite/reconciliation");
        await Expect(page.GetByTestId("reconciliation-row").First).ToBeVisibleAsync();
        await CheckScreenAsync(page, "reconciliation");

        await BrowserFixture.OpenAsync(page, $"/campaigns/{campaign}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Costs and links" }).ClickAsync();
        await Expect(page.GetByTestId("links-who")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reconciliation")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("linked-record").Filter(new() { HasText = "PPM project" }).First).ToBeVisibleAsync();
        await page.GetByTestId("link-search-button").ClickAsync();
        await Expect(page.GetByTestId("candidates").Or(page.GetByTestId("candidates-empty"))).ToBeVisibleAsync();
        await CheckScreenAsync(page, "campaign-costs-and-links");
    }

    private static async Task CheckScreenAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, name);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    private async Task<Guid> LinkedCampaignAsync()
    {
        await using var s = await demo.MaintenanceSessionAsync();
        return await s.ScalarAsync<Guid>(
            """
            select c.id from agency.campaigns c
            join finance_ppm.projects p on p.tenant_id = c.tenant_id and p.agency_campaign_id = c.id
            where c.tenant_id = @t and c.deleted_at is null order by c.code limit 1
            """,
            ("t", DemoSeedFixture.Profile("northwind").TenantId));
    }
}
