using System.Text;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// <c>/admin/import</c> as an admin uses it, in real Chromium, in a scratch tenant of the test's
/// own: a small timesheet file uploaded, checked by a dry run, imported after the confirmation,
/// and its hours on the campaign's page. The screen passes axe before and after.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ImportScreenTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Import-test-1";

    [Fact]
    public async Task Import_SmallTimesheetFile_DryRunThenImport_ItsHoursShowOnTheCampaign()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var tag = tenant.Id.ToString("N")[..8];
        var admin = await tenant.SignInAccountAsync(world, "admin", Password);
        var campaign = Guid.NewGuid();
        await using (var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "admin", tenant.People["admin"]))
        {
            await s.ExecuteAsync(
                """
                insert into agency.campaigns (id, client_id, code, name, status, start_date, end_date)
                values (@id, @client, 'IMPORT-1', 'Imported history', 'completed', '2024-01-01', '2024-12-31')
                """, ("id", campaign), ("client", tenant.ClientId));
            await s.CommitAsync();
        }

        var file = $"""
            Date,Email,Client,Campaign code,Hours,Notes
            2024-03-04,creative@scratch-{tag}.test,Scratch Client,IMPORT-1,2.5,Concepts
            2024-03-05,creative@scratch-{tag}.test,Scratch Client,IMPORT-1,3:15,"=HYPERLINK(""https://evil.example"",""x"")"
            2024-03-05,pm@scratch-{tag}.test,Scratch Client,IMPORT-1,1.75,Kick-off
            """;
        var page = await browser.SignedInPageAsync(admin, Password);

        await page.GetByTestId("nav-import").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/import$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "history.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file),
        });
        await Expect(page.GetByTestId("detected-format")).ToContainTextAsync("Recognised as a workroom export");
        await Expect(page.GetByTestId("preview-rows")).ToContainTextAsync("Concepts");

        await page.GetByTestId("dry-run").ClickAsync();
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Dry run: 3 rows read, no row rejected. 3 entries would be added");
        await page.GetByTestId("import").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Imported: 3 entries added, 0 were there already");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-import");

        await BrowserFixture.OpenAsync(page, $"/campaigns/{campaign}");
        await Expect(page.GetByTestId("campaign-hours")).ToHaveTextAsync("7.5 h");
    }

    [Fact]
    public async Task Import_FileWithABadRow_DryRunListsItWithItsLine_AndTheImportStaysClosed()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var admin = await tenant.SignInAccountAsync(world, "admin", Password);

        var page = await browser.SignedInPageAsync(admin, Password);
        await BrowserFixture.OpenAsync(page, "/admin/import");
        await page.GetByTestId("field-kind").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "People" }).First.ClickAsync();
        await Expect(page.GetByTestId("columns-help")).ToContainTextAsync("People: one row per person");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Email,Name,Role\nana@example.test,Ana,pm\nbob@example.test,Bob,wizard\n"),
        });
        await page.GetByTestId("dry-run").ClickAsync();

        await Expect(page.GetByTestId("rejection-line")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("rejection-reason")).ToContainTextAsync("unknown role 'wizard'");
        await Expect(page.GetByTestId("import")).ToBeDisabledAsync();
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
    }
}
