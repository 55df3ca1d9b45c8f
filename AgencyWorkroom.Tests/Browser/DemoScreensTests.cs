using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Data.DemoData;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The Dashboard, Clients and Campaigns screens as the demo people use them, in real Chromium,
/// on the seeded demo agencies. Every screen visited is screenshotted and checked with axe.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoScreensTests(DemoSeedFixture demo, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Dash = "—";

    public static TheoryData<string, bool> MoneyRoles => new() { { "finance", true }, { "creative", false } };

    [Theory]
    [MemberData(nameof(MoneyRoles))]
    public async Task Dashboard_AndCampaign_ShowMoneyOnlyToFinance(string role, bool seesMoney)
    {
        var page = await SignInAsync("northwind", role);
        var campaign = await ActiveCampaignAsync("northwind");

        await Expect(page.GetByTestId("kpi-margin-value")).ToBeVisibleAsync();
        await AssertMoneyAsync(page.GetByTestId("kpi-margin-value"), seesMoney);
        await CheckScreenAsync(page, $"dashboard-{role}");

        await BrowserFixture.OpenAsync(page, $"/campaigns/{campaign.Id}");
        await Expect(page.GetByTestId("campaign-code")).ToHaveTextAsync(campaign.Code);
        await AssertMoneyAsync(page.GetByTestId("campaign-revenue"), seesMoney);
        await CheckScreenAsync(page, $"campaign-{role}");
    }

    [Fact]
    public async Task ListsAndClientPage_PassAxeAndRender()
    {
        var page = await SignInAsync("northwind", "account");

        await BrowserFixture.OpenAsync(page, "/campaigns");
        await Expect(page.GetByTestId("campaign-row").First).ToBeVisibleAsync();
        await CheckScreenAsync(page, "campaigns");

        await BrowserFixture.OpenAsync(page, "/clients");
        await Expect(page.GetByTestId("client-row").First).ToBeVisibleAsync();
        await CheckScreenAsync(page, "clients");

        await page.GetByTestId("client-link").First.ClickAsync();
        await Expect(page.GetByTestId("client-name")).ToBeVisibleAsync();
        await CheckScreenAsync(page, "client");
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1440)]
    public async Task CampaignList_OnALaptopScreen_FitsWithoutScrollingSideways(int width)
    {
        // Finance sees every column (money included): the widest the list gets.
        var page = await SignInAsync("northwind", "finance");
        await page.SetViewportSizeAsync(width, 900);

        await BrowserFixture.OpenAsync(page, "/campaigns");
        await Expect(page.GetByTestId("campaign-row").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>(
            "() => { const t = document.querySelector('[data-testid=campaigns-grid] .mud-table-container'); return t.scrollWidth - t.clientWidth; }");
        var healthRight = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('[data-testid=campaigns-grid] [data-testid=health]')].map(c => c.getBoundingClientRect().right))");

        var columns = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('[data-testid=campaigns-grid] th')].map(h => h.textContent.trim() + ' ' + Math.round(h.getBoundingClientRect().width)).join(', ')");
        Assert.True(overflow <= 0, $"the campaign list is {overflow} px wider than its {width}-px window: {columns}");
        Assert.True(healthRight <= width, $"the health column ends at {healthRight} px, past the {width}-px window");
        await CheckScreenAsync(page, $"campaigns-{width}");
    }

    [Fact]
    public async Task NewCampaign_EndBeforeStart_ShowsTheMessageNextToTheField()
    {
        var page = await SignInAsync("northwind", "pm");
        await BrowserFixture.OpenAsync(page, "/campaigns/new");

        await page.GetByTestId("field-code").Locator("input").FillAsync("BT-DATES");
        await page.GetByTestId("field-name").Locator("input").FillAsync("Dates the wrong way round");
        await page.GetByTestId("field-start-date").Locator("input").FillAsync("2027-03-10");
        await page.GetByTestId("field-start-date").Locator("input").PressAsync("Tab");
        await page.GetByTestId("field-end-date").Locator("input").FillAsync("2027-03-01");
        await page.GetByTestId("field-end-date").Locator("input").PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();

        await Expect(page.GetByTestId("field-end-date").Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync(new Regex("start", RegexOptions.IgnoreCase));
        await CheckScreenAsync(page, "campaign-new-invalid");
        Assert.Contains("/campaigns/new", page.Url);
    }

    [Fact]
    public async Task CampaignExport_HoldsExactlyTheFilteredRows()
    {
        var page = await SignInAsync("northwind", "finance");
        await BrowserFixture.OpenAsync(page, "/campaigns?status=active");
        await Expect(page.GetByTestId("campaign-row").First).ToBeVisibleAsync();
        // The registry's code cell carries the row's test id.
        var firstCode = await page.GetByTestId("campaign-row").First.InnerTextAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-campaigns").ClickAsync());
        var rows = Csv.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("active", r["Status"]));
        Assert.Contains(rows, r => r["Code"] == firstCode.Trim());
        Assert.Equal(await CountAsync("northwind", "status = 'active'"), rows.Count);
    }

    [Fact]
    public async Task GlobalSearch_FromBluebird_NeverFindsANorthwindClient()
    {
        var northwindClient = await ClientNameAsync("northwind", onlyThere: true);
        var bluebirdClient = await ClientNameAsync("bluebird");
        var page = await SignInAsync("bluebird", "creative");
        // MudAutocomplete puts the test id on its input.
        var search = page.GetByTestId("global-search");

        await search.FillAsync(bluebirdClient);
        await Expect(page.GetByTestId("search-hit").Filter(new() { HasText = bluebirdClient }).First).ToBeVisibleAsync();

        await search.FillAsync(northwindClient);
        await Expect(page.GetByText("Nothing matches.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("search-hit").Filter(new() { HasText = northwindClient })).ToHaveCountAsync(0);
    }

    private Task<IPage> SignInAsync(string slug, string role) =>
        browser.SignedInPageAsync(DemoAccounts.EmailOf(role, slug), DemoAccounts.Password);

    private static async Task AssertMoneyAsync(ILocator figure, bool seesMoney)
    {
        var text = (await figure.InnerTextAsync()).Trim();
        if (seesMoney)
        {
            Assert.NotEqual(Dash, text);
            Assert.Matches(@"\d", text);
        }
        else
        {
            Assert.Equal(Dash, text);
        }
    }

    private static async Task CheckScreenAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, name);
        var violations = await BrowserFixture.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name}:\n{string.Join("\n", violations)}");
    }

    private async Task<(Guid Id, string Code)> ActiveCampaignAsync(string slug)
    {
        await using var s = await demo.MaintenanceSessionAsync();
        var row = (await s.QueryAsync(
            "select id, code from agency.campaigns where tenant_id = @t and status = 'active' order by code limit 1",
            ("t", DemoSeedFixture.Profile(slug).TenantId))).Single();
        return ((Guid)row["id"]!, (string)row["code"]!);
    }

    /// <summary>A client's name; with onlyThere, one that no other tenant's client shares.</summary>
    private async Task<string> ClientNameAsync(string slug, bool onlyThere = false)
    {
        await using var s = await demo.MaintenanceSessionAsync();
        return await s.ScalarAsync<string>(
            """
            select c.name from agency.clients c
            where c.tenant_id = @t and c.deleted_at is null
              and not (@only and exists (select from agency.clients o where o.tenant_id <> c.tenant_id and o.name = c.name))
            order by c.code limit 1
            """,
            ("t", DemoSeedFixture.Profile(slug).TenantId), ("only", onlyThere));
    }

    private async Task<int> CountAsync(string slug, string condition)
    {
        await using var s = await demo.MaintenanceSessionAsync();
        return (int)await s.ScalarAsync<long>(
            $"select count(*) from agency.campaigns where tenant_id = @t and deleted_at is null and {condition}",
            ("t", DemoSeedFixture.Profile(slug).TenantId));
    }
}
