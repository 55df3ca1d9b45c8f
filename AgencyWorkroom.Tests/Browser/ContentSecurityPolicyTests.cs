using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The app under its Content-Security-Policy in real Chromium (decision 026): the main screens work,
/// and not one violation is reported — neither a <c>securitypolicyviolation</c> event nor the
/// console's "Refused to …" line.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class ContentSecurityPolicyTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ViolationMark = "csp-violation:";

    [Fact]
    public async Task MainScreens_UnderThePolicy_WorkAndReportNoViolation()
    {
        var (campaign, artifact) = await RecordsAsync("northwind");
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await page.Context.AddInitScriptAsync(
            $$"""document.addEventListener('securitypolicyviolation', e => console.error('{{ViolationMark}} ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));""");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains(ViolationMark, StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.EmailOf("pm", "northwind"));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/Account/Login')");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("kpi-margin-value")).ToBeVisibleAsync();

        await VisitAsync(page, "/clients", page.GetByTestId("client-row").First);
        await VisitAsync(page, "/campaigns", page.GetByTestId("campaign-row").First);
        await VisitAsync(page, $"/campaigns/{campaign}", page.GetByTestId("campaign-code"));
        await VisitAsync(page, "/timesheets", page.GetByTestId("week-picker"));
        await VisitAsync(page, "/capacity", page.Locator("[data-interactive=true]"));
        await VisitAsync(page, "/knowledge", page.Locator("[data-interactive=true]"));
        await VisitAsync(page, $"/artifacts/{artifact}", page.GetByTestId("editor-content"));
        // The editor's own script ran: Tiptap made the element editable and drew the text into it.
        await Expect(page.GetByTestId("editor-content")).ToHaveAttributeAsync("contenteditable", "true");
        await Expect(page.GetByTestId("editor-content").Locator("h1").First).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Alt+KeyA");
        var panel = page.GetByTestId("assistant-panel");
        await Expect(panel).ToBeVisibleAsync();
        await panel.Locator("textarea").First.FillAsync("which campaigns are over budget?");
        await panel.GetByTestId("assistant-ask").ClickAsync();
        await Expect(panel.GetByTestId("assistant-answer").Last).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task VisitAsync(IPage page, string path, ILocator shown)
    {
        await BrowserFixture.OpenAsync(page, path);
        await Expect(shown).ToBeVisibleAsync();
    }

    private async Task<(Guid Campaign, Guid Artifact)> RecordsAsync(string slug)
    {
        await using var s = await demo.MaintenanceSessionAsync();
        var tenant = DemoSeedFixture.Profile(slug).TenantId;
        var pm = DemoAccounts.EmailOf("pm", slug);
        // A campaign and an artifact the demo pm may open: one of their own team's.
        var row = (await s.QueryAsync(
            """
            select a.campaign_id, a.id as artifact
            from agency.artifacts a
            join agency.campaign_team t on t.tenant_id = a.tenant_id and t.campaign_id = a.campaign_id
            join agency.employees e on e.tenant_id = t.tenant_id and e.id = t.employee_id
            where a.tenant_id = @t and e.email = @pm and a.deleted_at is null
            order by a.id limit 1
            """,
            ("t", tenant), ("pm", pm))).Single();
        return ((Guid)row["campaign_id"]!, (Guid)row["artifact"]!);
    }
}
