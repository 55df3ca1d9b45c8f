using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>The launcher in the top bar, by keyboard, in real Chromium on the seeded demo agencies.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class SuiteLauncherTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Launcher_OpensByKeyboard_EscapeCloses_AndTheWorkroomCardLeadsHome()
    {
        _ = demo;
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
}
