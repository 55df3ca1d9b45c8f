using AgencyWorkroom.Data.DemoData;
using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Rendering;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The library and the editor in real Chromium: a creative types, adds a heading and a task list
/// from the "/" menu, sees it saved and finds it after a reload; both screens pass axe; and every
/// demo artifact goes through the editor's Markdown round trip to the same HTML.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactScreensTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Artifact-test-1";

    [Fact]
    public async Task Editor_TypeSlashHeadingAndTasks_Saved_ThereAfterReload()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        var email = await w.Tenant.SignInAccountAsync(world, "creative", Password);
        var page = await browser.SignedInPageAsync(email, Password);

        await BrowserFixture.OpenAsync(page, "/artifacts");
        await Expect(page.GetByTestId("artifact-link")).ToHaveCountAsync(2);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.OpenAsync(page, "/artifacts?search=ferries");
        await Expect(page.GetByTestId("artifact-link")).ToHaveTextAsync("Radio script");
        await Expect(page.GetByTestId("artifact-snippet").Locator("mark")).ToHaveTextAsync("ferries");

        await BrowserFixture.OpenAsync(page, $"/artifacts/{w.Brief}");
        var editor = page.GetByTestId("editor-content");
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Harbour launch");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("/head");
        await Expect(page.GetByTestId("slash-menu")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Ferry timetable");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("/task");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Book the boat");
        await Expect(editor.Locator("h1", new() { HasText = "Ferry timetable" })).ToHaveCountAsync(1);

        await Expect(page.GetByTestId("save-state")).ToHaveAttributeAsync("data-saves", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("Saved");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "artifact-editor");

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("editor-content").Locator("h1", new() { HasText = "Ferry timetable" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("editor-content").Locator("li", new() { HasText = "Book the boat" })).ToHaveCountAsync(1);
        await using var s = await TestSession.BeginAsync(world.Database.App, w.Tenant.Id, "admin", w.Tenant.People["admin"]);
        var content = await s.ScalarAsync<string>("select content from agency.artifacts where id = @id", ("id", w.Brief));
        Assert.Contains("# Ferry timetable", content);
        Assert.Matches(@"- \[ \] Book the boat", content);
    }

    [Fact]
    public async Task Editor_PasteAnImage_ShownSavedThereAfterReload_InTheLibrary_AndAnSvgIsRefusedWithAMessage()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        var page = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "creative", Password), Password);
        await BrowserFixture.OpenAsync(page, $"/artifacts/{w.Brief}");
        var editor = page.GetByTestId("editor-content");
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Harbour launch");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");

        // A paste with an image file on the clipboard, as the browser sends it.
        const string Paste = """
            async ([b64, name, type]) => {
              const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
              const data = new DataTransfer();
              data.items.add(new File([bytes], name, { type }));
              document.querySelector('[data-testid=editor-content]')
                .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """;
        await page.EvaluateAsync(Paste, new[] { Convert.ToBase64String(ArtifactAttachmentTests.Png), "harbour board.png", "image/png" });

        var image = editor.Locator("img[src^='/attachments/']");
        await Expect(image).ToHaveCountAsync(1);
        await Expect(image).ToHaveAttributeAsync("alt", "harbour board");
        // Loaded through the endpoint, as this person.
        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid=editor-content] img[src^='/attachments/']\")?.naturalWidth === 1");
        await Expect(page.GetByTestId("save-state")).ToHaveAttributeAsync("data-saves", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("Saved");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);

        // An SVG (it can carry script) is refused, with the reason next to the editor; nothing is inserted.
        await page.EvaluateAsync(Paste, new[] { Convert.ToBase64String(ArtifactAttachmentTests.Svg), "logo.svg", "image/svg+xml" });
        await Expect(page.GetByTestId("image-error")).ToContainTextAsync("Only PNG, JPEG, GIF and WebP images can be added");
        await Expect(editor.Locator("img:not(.ProseMirror-separator)")).ToHaveCountAsync(1);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("editor-content").Locator("img[src^='/attachments/']")).ToHaveCountAsync(1);
        await using (var s = await TestSession.BeginAsync(world.Database.App, w.Tenant.Id, "admin", w.Tenant.People["admin"]))
        {
            var id = await s.ScalarAsync<Guid>("select id from agency.artifact_attachments where artifact_id = @a", ("a", w.Brief));
            Assert.Contains($"![harbour board](/attachments/{id})", await s.ScalarAsync<string>("select content from agency.artifacts where id = @id", ("id", w.Brief)));
            Assert.Equal("image/webp", await s.ScalarAsync<string>("select thumbnail_type from agency.artifact_attachments where id = @id", ("id", id)));
        }

        await BrowserFixture.OpenAsync(page, "/artifacts");
        await Expect(page.GetByTestId("artifact-thumbnail")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=artifact-thumbnail]')?.naturalWidth === 1");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Comment_TypingAt_OffersWhoCanSeeIt_KeyboardPicks_AndTheMentionIsTold()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        var page = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "creative", Password), Password);
        await BrowserFixture.OpenAsync(page, $"/artifacts/{w.Brief}");
        var box = page.GetByTestId("comment-body");

        await box.ClickAsync();
        await box.PressSequentiallyAsync("Look at the dawn shot @");
        await Expect(page.GetByTestId("mention-item")).ToHaveTextAsync(["admin person", "leadership person", "pm person"]);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await box.PressSequentiallyAsync("p");
        await Expect(page.GetByTestId("mention-item")).ToHaveTextAsync(["admin person", "leadership person", "pm person"]);
        await box.PressSequentiallyAsync("m");
        await Expect(page.GetByTestId("mention-item")).ToHaveTextAsync(["pm person"]);
        await box.PressAsync("Backspace");
        await box.PressAsync("Backspace");
        await box.PressSequentiallyAsync("le");
        await Expect(page.GetByTestId("mention-item")).ToHaveTextAsync(["leadership person"]);
        await box.PressAsync("Enter");
        await Expect(page.GetByTestId("mention-menu")).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync("Look at the dawn shot @leadership person ");
        await box.PressSequentiallyAsync("please");
        await page.GetByTestId("comment-add").ClickAsync();
        await Expect(page.GetByTestId("comment-thread")).ToHaveCountAsync(1);

        await using var s = await TestSession.BeginAsync(world.Database.App, w.Tenant.Id, "leadership", w.Tenant.People["leadership"]);
        Assert.Equal(1L, await s.ScalarAsync<long>(
            "select count(*) from agency.notifications where recipient_id = @p and kind = 'artifact_mention' and artifact_id = @a",
            ("p", w.Tenant.People["leadership"]), ("a", w.Brief)));
    }

    [Fact]
    public async Task History_ComparesTheLastTwoVersions_AndARestoreAfterAskingIsANewVersion()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        await using (var pm = w.Tenant.As(world, "pm"))
        {
            var version = (await pm.Get<IArtifactQueries>().GetAsync(w.Brief))!.Version;
            Assert.True((await pm.Get<IArtifactCommands>().SaveVersionAsync(w.Brief, version, "# Harbour launch\n\nA film of the harbour at dusk.", "Dusk, not dawn")).Saved);
        }

        var page = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "creative", Password), Password);
        await BrowserFixture.OpenAsync(page, $"/artifacts/{w.Brief}?view=history");

        await Expect(page.GetByTestId("history-version")).ToHaveTextAsync(["2", "1"]);
        await Expect(page.GetByTestId("compare-summary")).ToHaveTextAsync("Version 2 against 1: 1 line added, 1 removed.");
        await Expect(page.GetByTestId("compare-lines").Locator(".added")).ToHaveTextAsync("+ A film of the harbour at dusk.");
        await Expect(page.GetByTestId("compare-lines").Locator(".removed")).ToContainTextAsync("− The harbour launch needs a budget");
        // Within the changed line, its changed words are marked; the words both versions share are not.
        await Expect(page.GetByTestId("compare-lines").Locator(".added ins").Filter(new() { HasText = "dusk" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("compare-lines").Locator(".added ins").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^harbour$") })).ToHaveCountAsync(0);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await page.GetByText("Side by side", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("compare-side").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("compare-side").Locator("td.removed del").Filter(new() { HasText = "dawn" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("compare-side").Locator("td.added ins").Filter(new() { HasText = "dusk" })).ToHaveCountAsync(1);
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "artifact-history");

        await page.GetByTestId("restore-1").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();

        await Expect(page.GetByTestId("history-version")).ToHaveTextAsync(["3", "2", "1"]);
        await Expect(page.GetByTestId("compare-summary")).ToHaveTextAsync("Version 3 against 2: 1 line added, 1 removed.");
        await using var s = await TestSession.BeginAsync(world.Database.App, w.Tenant.Id, "admin", w.Tenant.People["admin"]);
        Assert.StartsWith("# Harbour launch\n\nThe harbour launch needs a budget", await s.ScalarAsync<string>("select content from agency.artifacts where id = @id", ("id", w.Brief)));
    }

    [Fact]
    public async Task EveryDemoArtifact_ThroughTheEditor_RendersToTheSameHtml()
    {
        var calendar = DemoCalendar.At(new DateTimeOffset(2026, 3, 18, 9, 30, 0, TimeSpan.Zero));
        var originals = new[] { DemoTenantProfile.Northwind, DemoTenantProfile.Bluebird }
            .SelectMany(p => DemoDataGenerator.Generate(p, calendar).Artifacts.Select(a => a.Content))
            .Distinct()
            .ToList();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        var trips = await page.EvaluateAsync<string[]>(
            "async all => { const m = await import('/lib/editor/workroom-editor.js'); return all.map(md => m.roundTrip(md)); }", originals);

        Assert.Equal(originals.Count, trips.Length);
        var changed = originals.Select((md, i) => (md, trip: trips[i]))
            .Where(t => SafeMarkdown.ToHtml(t.md) != SafeMarkdown.ToHtml(t.trip))
            .ToList();
        Assert.True(changed.Count == 0,
            $"{changed.Count} of {originals.Count} change on the way through the editor; the first:\n{changed.FirstOrDefault().md}\n---\n{changed.FirstOrDefault().trip}");
    }

    [Fact]
    public async Task Images_ThroughTheEditor_KeepTheirMarkdownAndRenderToTheSameHtml()
    {
        var id = Guid.CreateVersion7();
        string[] originals =
        [
            $"# Board\n\n![harbour board](/attachments/{id})\n\nThe dawn frame.",
            $"Before ![frame one](/attachments/{id}) and ![web](https://example.com/a.png) after.",
            "![kept, not shown](/export/artifacts.csv)",
        ];
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        var trips = await page.EvaluateAsync<string[]>(
            "async all => { const m = await import('/lib/editor/workroom-editor.js'); return all.map(md => m.roundTrip(md)); }", originals);

        Assert.Equal(originals.Select(SafeMarkdown.ToHtml), trips.Select(SafeMarkdown.ToHtml));
        Assert.Contains($"![harbour board](/attachments/{id})", trips[0]);
        Assert.Contains("<img src=\"/attachments/", SafeMarkdown.ToHtml(trips[0]));
        Assert.Contains("/export/artifacts.csv", trips[2]);
    }

    [Fact]
    public async Task NewArtifact_FromATemplate_OpensInTheEditor_ExportsAsMarkdown_AndAdminsKeepTheTemplates()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        var page = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "creative", Password), Password);

        await BrowserFixture.OpenAsync(page, "/artifacts");
        await page.GetByTestId("new-artifact").ClickAsync();
        var dialog = page.GetByTestId("new-artifact-dialog");
        await dialog.GetByTestId("field-template").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Deck outline" }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(dialog.GetByTestId("field-title").Locator("input")).ToHaveValueAsync("Deck outline");
        // Only the campaign whose team the creative is on is offered.
        await dialog.GetByTestId("field-campaign").Locator("input").FillAsync("1");
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync(["TEAM-1 · TEAM-1"]);
        await page.Locator(".mud-popover-open .mud-list-item").ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await dialog.GetByTestId("field-title").Locator("input").FillAsync("Pitch deck");
        await Expect(dialog.GetByTestId("field-title").Locator("input")).ToHaveValueAsync("Pitch deck");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByTestId("save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/artifacts/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("artifact-title")).ToHaveTextAsync("Pitch deck");
        await Expect(page.GetByTestId("editor-content").Locator("h1")).ToHaveTextAsync("Deck outline");
        await page.GetByTestId("export-menu").ClickAsync();
        var markdown = await page.GetByTestId("export-markdown").GetAttributeAsync("href");
        var download = await page.APIRequest.GetAsync(markdown!);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("# Deck outline", await download.TextAsync());

        var admin = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "admin", Password), Password);
        await BrowserFixture.OpenAsync(admin, "/admin/templates");
        await Expect(admin.GetByTestId("template-name")).ToHaveCountAsync(5);
        await admin.GetByTestId("add-template").ClickAsync();
        var editor = admin.GetByTestId("template-dialog");
        await editor.GetByTestId("field-template-name").Locator("input").FillAsync("Launch checklist");
        await editor.GetByTestId("field-template-content").Locator("textarea").FillAsync("# Launch checklist\n\n- [ ] Legal");
        await Expect(editor.GetByTestId("template-preview").Locator("h1")).ToHaveTextAsync("Launch checklist");
        await BrowserFixture.AssertNoSeriousViolationsAsync(admin);
        await editor.GetByTestId("save").ClickAsync();
        await Expect(admin.GetByTestId("template-name")).ToHaveCountAsync(6);
        await Expect(admin.GetByTestId("template-name").Filter(new() { HasText = "Launch checklist" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Editor_SecondPersonOpensIt_SeesTheFirstIsThere()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        var pm = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "pm", Password), Password);
        var creative = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "creative", Password), Password);

        await BrowserFixture.OpenAsync(pm, $"/artifacts/{w.Brief}");
        await Expect(pm.GetByTestId("editor-content").Locator("h1")).ToHaveTextAsync("Harbour launch");
        await Expect(pm.GetByTestId("presence")).ToHaveCountAsync(0);
        await BrowserFixture.OpenAsync(creative, $"/artifacts/{w.Brief}");

        await Expect(creative.GetByTestId("presence")).ToContainTextAsync("pm person is here too");
        await BrowserFixture.AssertNoSeriousViolationsAsync(creative);
    }
}
