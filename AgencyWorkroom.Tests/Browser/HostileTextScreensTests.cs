using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Tests.Web.Rendering;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// Text that tries to become script, saved in every place a person types text that others read —
/// a client's, a brand's, a campaign's and a person's name, a timesheet note, a knowledge document,
/// an artifact and its comment — then every screen that shows it, opened in real Chromium: no
/// dialog opens, no element or handler comes out of the text, and the text reads as typed.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class HostileTextScreensTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Hostile-text-1";

    /// <summary>Elements and attributes only a payload would have made: an image of src "x", an inline
    /// handler, a script that calls alert, a javascript:/data:/vbscript: link (a base too), a frame or an object.</summary>
    private const string InjectedElements = """
        () => [...document.querySelectorAll('*')].filter(e =>
                (e.tagName === 'IMG' && e.getAttribute('src') === 'x')
                || [...e.attributes].some(a => /^on/i.test(a.name))
                || (e.tagName === 'SCRIPT' && /alert\(/.test(e.textContent))
                || (e.hasAttribute('href') && /^\s*(javascript|data|vbscript):/i.test(e.getAttribute('href')))
                || ['IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName)
                || (e.tagName === 'META' && /refresh/i.test(e.getAttribute('http-equiv') ?? '')))
            .map(e => e.outerHTML.slice(0, 200))
        """;

    private static string Hostile(string place) => $"\"><img src=x onerror=alert('{place}')><script>alert('{place}')</script>";

    [Fact]
    public async Task HostileText_OnEveryScreenThatShowsIt_StaysText_AndRunsNothing()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var campaign = await tenant.CampaignWithCreativeOnTeamAsync(world);
        var (document, artifact) = await SaveHostileTextAsync(tenant, campaign);
        var dialogs = new List<string>();

        var admin = await browser.SignedInPageAsync(await tenant.SignInAccountAsync(world, "admin", Password), Password);
        admin.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        var screens = new (string Path, string? TestId, string? Place)[]
        {
            ("/", null, null),
            ("/clients", "client-link", "client"),
            ($"/clients/{tenant.ClientId}", "client-name", "client"),
            ("/campaigns", null, "campaign"),
            ($"/campaigns/{campaign}", "campaign-name", "campaign"),
            ("/admin/people", null, "person"),
            ("/knowledge", "document-row", "document"),
            ($"/knowledge/{document}/edit", null, null),
            ("/artifacts", "artifact-link", "artifact"),
            ($"/artifacts/{artifact}", null, "comment"),
            ("/capacity", null, null),
            ("/timesheets/approvals", null, null),
            ("/analytics", null, null),
        };
        foreach (var (path, testId, place) in screens)
        {
            await BrowserFixture.OpenAsync(admin, path);
            if (testId is not null)
            {
                await Expect(admin.GetByTestId(testId).Filter(new() { HasText = Hostile(place!) }).First).ToBeVisibleAsync();
            }
            else if (place is not null)
            {
                await Expect(admin.GetByText(Hostile(place)).First).ToBeAttachedAsync();
            }

            await AssertNothingInjectedAsync(admin, $"{path} made elements from text");
        }

        // The campaign's team names the person.
        await BrowserFixture.OpenAsync(admin, $"/campaigns/{campaign}");
        await admin.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Team") }).ClickAsync();
        await Expect(admin.GetByTestId("team-member").Filter(new() { HasText = Hostile("person") })).ToBeVisibleAsync();
        await AssertNothingInjectedAsync(admin, "the team tab made elements from text");

        // The top bar's search shows the names it finds as text too.
        await BrowserFixture.OpenAsync(admin, "/");
        // MudAutocomplete puts the test id on its input.
        await admin.GetByTestId("global-search").FillAsync("onerror");
        await Expect(admin.GetByTestId("search-hit").First).ToBeVisibleAsync();
        await AssertNothingInjectedAsync(admin, "the search results made elements from text");

        // The creative reads their own week, with the note.
        var creative = await browser.SignedInPageAsync(await tenant.SignInAccountAsync(world, "creative", Password), Password);
        creative.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        await BrowserFixture.OpenAsync(creative, "/timesheets");
        await Expect(creative.GetByTestId("timesheet-row")).ToHaveCountAsync(1);
        await AssertNothingInjectedAsync(creative, "the week made elements from text");

        Assert.Empty(dialogs);
    }

    private static async Task AssertNothingInjectedAsync(IPage page, string where)
    {
        var injected = await page.EvaluateAsync<string[]>(InjectedElements);
        Assert.True(injected.Length == 0, $"{where}: {string.Join(" | ", injected)}");
    }

    /// <summary>Saves the payloads as the people who would type them; returns the document and the artifact.</summary>
    private async Task<(Guid Document, Guid Artifact)> SaveHostileTextAsync(ScratchTenant tenant, Guid campaign)
    {
        var (document, artifact) = (Guid.NewGuid(), Guid.NewGuid());
        var corpus = string.Join("\n\n", XssCorpus.Payloads);
        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]))
        {
            await s.ExecuteAsync("update agency.clients set name = @name where id = @id", ("name", Hostile("client")), ("id", tenant.ClientId));
            await s.ExecuteAsync("update agency.brands set name = @name where id = @id", ("name", Hostile("brand")), ("id", tenant.BrandId));
            await s.ExecuteAsync("update agency.campaigns set name = @name where id = @id", ("name", Hostile("campaign")), ("id", campaign));
            await s.ExecuteAsync("update agency.employees set full_name = @name where id = @id", ("name", Hostile("person")), ("id", tenant.People["creative"]));
            await s.ExecuteAsync(
                "insert into agency.knowledge_documents (id, title, doc_type, content) values (@id, @title, 'policy', @content)",
                ("id", document), ("title", Hostile("document")), ("content", corpus));
            await s.ExecuteAsync(
                "insert into agency.artifacts (id, campaign_id, artifact_type, title, content) values (@id, @campaign, 'brief', @title, @content)",
                ("id", artifact), ("campaign", campaign), ("title", Hostile("artifact")), ("content", corpus));
            await s.ExecuteAsync("insert into agency.artifact_comments (artifact_id, body) values (@artifact, @body)",
                ("artifact", artifact), ("body", Hostile("comment") + "\n" + corpus));
            await s.CommitAsync();
        }

        await using (var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "creative", tenant.People["creative"]))
        {
            var today = DateOnly.FromDateTime(DateTime.Today);
            await s.ExecuteAsync(
                """
                insert into agency.timesheet_entries (campaign_id, entry_date, hours, billable, description, week_start_date)
                values (@campaign, @day, 2, true, @note, @week)
                """,
                ("campaign", campaign), ("day", Weeks.StartOf(today)), ("note", Hostile("note")), ("week", Weeks.StartOf(today)));
            await s.CommitAsync();
        }

        return (document, artifact);
    }
}
