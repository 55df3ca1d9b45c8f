using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The assistant's panel in real Chromium on the demo agencies: opened on a campaign page with the
/// shortcut, "how much of the budget is spent?" answers with that campaign's figure as the page
/// shows it, the citation leads to the campaign, the conversation is on /assistant; axe passes.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class AssistantPanelTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("pm")]
    [InlineData("finance")]
    public async Task Panel_OnACampaignPage_AnswersWithThePagesBudgetFigure(string role)
    {
        var campaign = await ActiveCampaignAsync("northwind");
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf(role, "northwind"), DemoAccounts.Password);
        await BrowserFixture.OpenAsync(page, $"/campaigns/{campaign}");
        var onPage = (await page.GetByTestId("budget-spent-pct").InnerTextAsync()).Trim();

        await page.Keyboard.PressAsync("Alt+KeyA");
        var panel = page.GetByTestId("assistant-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("assistant-page-context")).ToContainTextAsync("this campaign");
        await panel.Locator("textarea").First.FillAsync("how much of the budget is spent?");
        await panel.GetByTestId("assistant-ask").ClickAsync();

        var answer = panel.GetByTestId("assistant-answer").Last;
        // The first answer of a process may wait for the model (the examples are embedded at start, on a shared machine).
        await Expect(answer.GetByTestId("assistant-provenance")).ToHaveTextAsync("Retrieved, not generated", new() { Timeout = 30_000 });
        var spent = answer.GetByTestId("assistant-figure").Filter(new() { Has = page.GetByTestId("assistant-figure-label").GetByText("Budget spent", new() { Exact = true }) });
        await Expect(spent.GetByTestId("assistant-figure-value")).ToHaveTextAsync(onPage);
        await CheckAsync(page, $"assistant-panel-{role}");

        await answer.GetByTestId("assistant-citation-mark").First.ClickAsync();
        await page.WaitForURLAsync($"**/campaigns/{campaign}");

        await page.GetByTestId("assistant-all").ClickAsync();
        await page.WaitForURLAsync("**/assistant/*");
        await Expect(page.GetByTestId("conversation-link").First).ToContainTextAsync("how much of the budget is spent?");
        await Expect(page.GetByTestId("assistant-conversation").Last.GetByTestId("assistant-figure-value").First).ToBeVisibleAsync();
        await CheckAsync(page, $"assistant-page-{role}");
    }

    [Fact]
    public async Task Panel_ATooLongQuestion_SaysSoNextToTheField()
    {
        var page = await browser.SignedInPageAsync(DemoAccounts.EmailOf("creative", "northwind"), DemoAccounts.Password);
        await page.GetByTestId("assistant-button").ClickAsync();
        var panel = page.GetByTestId("assistant-panel");
        await panel.Locator("textarea").First.FillAsync(new string('a', 1001));
        await panel.GetByTestId("assistant-ask").ClickAsync();

        await Expect(panel).ToContainTextAsync("Questions are at most 1000 characters");
        await Expect(panel.GetByTestId("assistant-answer")).ToHaveCountAsync(0);
    }

    private async Task<Guid> ActiveCampaignAsync(string slug)
    {
        await using var s = await demo.MaintenanceSessionAsync();
        return await s.ScalarAsync<Guid>(
            "select id from agency.campaigns where tenant_id = @t and status = 'active' and deleted_at is null order by code limit 1",
            ("t", DemoSeedFixture.Profile(slug).TenantId));
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, name);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }
}
