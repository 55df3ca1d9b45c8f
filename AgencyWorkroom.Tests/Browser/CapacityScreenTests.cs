using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The capacity grid as its people use it, in real Chromium, in a scratch tenant of the test's
/// own: the project manager filters to a department, selects two weeks of a person, allocates them
/// on a campaign, marks one week tentative and leaves tentative work out of the totals; a creative
/// sees the same grid with nothing to change. The screen passes axe.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CapacityScreenTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Capacity-test-1";

    [Fact]
    public async Task Grid_Filtered_CellsSelectedAndAllocated_TentativeLeavesTheTotals_ReadOnlyForACreative()
    {
        var (tenant, emails) = await TenantWithAccountsAsync();
        var pm = await browser.SignedInPageAsync(emails["pm"], Password);

        await BrowserFixture.OpenAsync(pm, "/capacity");
        await Expect(pm.GetByTestId("capacity-row")).ToHaveCountAsync(6);
        await pm.GetByTestId("filter-department").ClickAsync();
        await pm.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Design" }).ClickAsync();
        await Expect(pm.GetByTestId("capacity-row")).ToHaveCountAsync(1);
        await Expect(pm).ToHaveURLAsync(new Regex("department=Design"));
        await BrowserFixture.AssertNoSeriousViolationsAsync(pm);

        // Line 0 is the department's heading; line 1 the creative. Weeks 1 and 2 of the range.
        await pm.GetByTestId("cell-1-1").ClickAsync();
        await pm.GetByTestId("cell-1-2").ClickAsync();
        await Expect(pm.GetByTestId("selection-panel")).ToContainTextAsync("creative person");
        await pm.GetByTestId("allocate").ClickAsync();
        var dialog = pm.GetByTestId("allocation-dialog");
        await dialog.GetByTestId("field-campaign").ClickAsync();
        await pm.Locator(".mud-popover-open .mud-list-item", new() { HasText = "CAPB" }).ClickAsync();
        // As below: typing before the select's closing render lands in a field that render resets.
        await Expect(pm.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await dialog.GetByTestId("field-hours").Locator("input").FillAsync("10");
        await Expect(dialog.GetByTestId("field-hours").Locator("input")).ToHaveValueAsync("10");
        await dialog.GetByTestId("save").ClickAsync();

        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("20 h of 480 h");
        await Expect(pm.GetByTestId("cell-1-1")).ToContainTextAsync("10/40");
        await Expect(pm.GetByTestId("allocation")).ToHaveCountAsync(2);
        await pm.GetByTestId("allocation-tentative").First.ClickAsync();
        await Expect(pm.Locator("td.tentative [data-testid=cell-1-1]")).ToHaveCountAsync(1);
        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("20 h of 480 h");
        await pm.GetByTestId("include-tentative").ClickAsync();
        await Expect(pm).ToHaveURLAsync(new Regex("tentative=0"));
        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("10 h of 480 h");
        await Expect(pm.GetByTestId("week-total-1")).ToHaveTextAsync("0/40");
        await Expect(pm.GetByTestId("week-total-2")).ToHaveTextAsync("10/40");
        await BrowserFixture.AssertNoSeriousViolationsAsync(pm);
        await BrowserFixture.ScreenshotAsync(pm, "capacity-grid");

        // An unstaffed role on the campaign: a row of its own until someone is assigned.
        await pm.GetByTestId("add-placeholder").ClickAsync();
        var add = pm.GetByTestId("placeholder-dialog");
        await add.GetByTestId("field-placeholder-campaign").ClickAsync();
        await pm.Locator(".mud-popover-open .mud-list-item", new() { HasText = "CAPB" }).ClickAsync();
        // The select closes its list and takes the focus back after a round trip: typing before that
        // lands in a field the closing render resets.
        await Expect(pm.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await add.GetByTestId("field-placeholder-role").Locator("input").FillAsync("Motion designer");
        await Expect(add.GetByTestId("field-placeholder-role").Locator("input")).ToHaveValueAsync("Motion designer");
        await add.GetByTestId("field-placeholder-department").Locator("input").FillAsync("Design");
        await add.GetByTestId("save").ClickAsync();
        await Expect(pm.GetByTestId("placeholder-row")).ToContainTextAsync("Motion designer");
        await pm.GetByTestId("placeholder-assign").ClickAsync();
        await pm.GetByTestId("assign-dialog").GetByTestId("field-person").ClickAsync();
        await pm.Locator(".mud-popover-open .mud-list-item", new() { HasText = "creative person" }).ClickAsync();
        await pm.GetByTestId("assign-save").ClickAsync();
        await Expect(pm.GetByTestId("placeholder-row")).ToHaveCountAsync(0);
        // Four weeks of 8 h, firm, added to the two weeks booked: the tentative week becomes firm
        // (tentative only if both were), so all of it counts: 4 × 8 + 10 + 10.
        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("52 h of 480 h");

        var creative = await browser.SignedInPageAsync(emails["creative"], Password);
        await BrowserFixture.OpenAsync(creative, "/capacity?department=Design");
        await Expect(creative.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(creative.GetByTestId("row-total")).ToHaveTextAsync("52 h of 480 h");
        await creative.GetByTestId("cell-1-1").ClickAsync();
        await Expect(creative.GetByTestId("allocation")).ToHaveCountAsync(1);
        await Expect(creative.GetByTestId("allocate")).ToHaveCountAsync(0);
        await Expect(creative.GetByTestId("allocation-remove")).ToHaveCountAsync(0);
        await BrowserFixture.AssertNoSeriousViolationsAsync(creative);
    }

    [Fact]
    public async Task Grid_DraggedCellMovesItsWeek_ItsGripExtendsIt_AndTheKeyboardExtendsAWeek()
    {
        var (tenant, emails) = await TenantWithAccountsAsync();
        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            await s.ExecuteAsync(
                """
                insert into agency.team_allocations (employee_id, campaign_id, week_start_date, hours)
                select @p, c.id, current_date, 10 from agency.campaigns c where c.code = 'CAPB'
                """, ("p", tenant.People["creative"]));
            await s.CommitAsync();
        }

        var pm = await browser.SignedInPageAsync(emails["pm"], Password);
        await BrowserFixture.OpenAsync(pm, "/capacity?department=Design");
        await Expect(pm.GetByTestId("cell-1-0")).ToContainTextAsync("10/40");

        // Line 1 is the creative: this week's booking dragged two weeks on.
        await pm.GetByTestId("cell-1-0").DragToAsync(pm.GetByTestId("cell-1-2"));
        await Expect(pm.GetByTestId("cell-1-2")).ToContainTextAsync("10/40");
        await Expect(pm.GetByTestId("cell-1-0")).ToContainTextAsync("0/40");
        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("10 h of 480 h");

        // Its grip dragged two weeks further: the weeks between are booked alike.
        await pm.GetByTestId("grip-1-2").DragToAsync(pm.GetByTestId("cell-1-4"));
        await Expect(pm.GetByTestId("cell-1-4")).ToContainTextAsync("10/40");
        await Expect(pm.GetByTestId("cell-1-3")).ToContainTextAsync("10/40");
        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("30 h of 480 h");

        // Without a mouse: select the last week, extend it a week.
        await pm.GetByTestId("cell-1-4").FocusAsync();
        await pm.Keyboard.PressAsync("Enter");
        await Expect(pm.GetByTestId("allocation")).ToHaveCountAsync(1);
        await pm.GetByTestId("allocation-extend").FocusAsync();
        await pm.Keyboard.PressAsync("Enter");
        await Expect(pm.GetByTestId("cell-1-5")).ToContainTextAsync("10/40");
        await Expect(pm.GetByTestId("row-total")).ToHaveTextAsync("40 h of 480 h");
        await BrowserFixture.AssertNoSeriousViolationsAsync(pm);
    }


    private async Task<(ScratchTenant Tenant, Dictionary<string, string> Emails)> TenantWithAccountsAsync()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var emails = tenant.People.ToDictionary(p => p.Key, p => $"{p.Key}@t{tenant.Id:N}.test");
        await using (var s = await TestSession.BeginAsync(world.Database.Owner, tenant.Id, "admin", tenant.People["admin"]))
        {
            foreach (var role in new[] { "creative", "pm" })
            {
                await s.ExecuteAsync("update agency.employees set email = @email where id = @id", ("email", emails[role]), ("id", tenant.People[role]));
            }

            await s.ExecuteAsync("update agency.employees set department = 'Design' where id = @id", ("id", tenant.People["creative"]));
            await SignInAccounts.UpsertAsync(s.Connection, s.Transaction,
                new[] { "creative", "pm" }.Select(r => (tenant.Id, tenant.People[r], emails[r])), Password);
            await s.CommitAsync();
        }

        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "pm", tenant.People["pm"]))
        {
            await s.ExecuteAsync(
                """
                insert into agency.campaigns (client_id, code, name, status, start_date, end_date)
                values (@client, 'CAPB', 'Capacity browser', 'active', current_date - 10, current_date + 180)
                """, ("client", tenant.ClientId));
            await s.CommitAsync();
        }

        return (tenant, emails);
    }
}
