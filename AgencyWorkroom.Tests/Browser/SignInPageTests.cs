using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>What a person does at the door, in real Chromium.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SignInPageTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_AsFinance_LandsHomeGreeted()
    {
        var page = await browser.SignedInPageAsync(world.A.Email("finance"), TwoTenantWorld.Password);

        await Assertions.Expect(page.GetByText("Welcome, finance person")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "home-finance");
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheMessageAndPassesAxe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(world.A.Email("pm"));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an active account");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-error");
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
