using System.Text;
using AgencyWorkroom.Tests.Data.Features.Knowledge;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// The knowledge screen in real Chromium, with the app's own ingestion service running: an admin
/// is refused a PDF next to the upload, uploads a Markdown file, saves, and watches the document
/// become ready; a creative reads the list without the writing controls. Both states pass axe.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class KnowledgeScreenTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Knowledge-test-1";

    [Fact]
    public async Task Admin_UploadsAMarkdownFile_AndWatchesItBecomeReady()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var page = await browser.SignedInPageAsync(await tenant.SignInAccountAsync(world, "admin", Password), Password);

        await BrowserFixture.OpenAsync(page, "/knowledge");
        await Expect(page.GetByTestId("knowledge-empty")).ToBeVisibleAsync();
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);

        await BrowserFixture.OpenAsync(page, "/knowledge/new");
        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload
        {
            Name = "deck.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4"),
        });
        await Expect(page.GetByTestId("upload-error")).ToContainTextAsync("is not a Markdown (.md) or text (.txt) file");
        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload
        {
            Name = "pitch-playbook.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(KnowledgeIngestionTests.Sections(3)),
        });
        await Expect(page.GetByTestId("upload-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("field-title").Locator("input")).ToHaveValueAsync("pitch playbook");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await page.GetByTestId("save").ClickAsync();

        await page.WaitForURLAsync("**/knowledge");
        // Woken by the job's notification at commit (049); the sweep alone would come after 30 s.
        await Expect(page.GetByTestId("document-status")).ToHaveAttributeAsync("data-status", "ready", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("document-status")).ToContainTextAsync("3 passages");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "knowledge");

        var creative = await browser.SignedInPageAsync(await tenant.SignInAccountAsync(world, "creative", Password), Password);
        await BrowserFixture.OpenAsync(creative, "/knowledge");
        await Expect(creative.GetByTestId("document-title")).ToHaveTextAsync("pitch playbook");
        await Expect(creative.GetByTestId("new-document")).ToHaveCountAsync(0);
        await Expect(creative.GetByTestId("delete")).ToHaveCountAsync(0);
    }
}
