using AgencyWorkroom.Tests.Data.Features.Artifacts;
using AgencyWorkroom.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgencyWorkroom.Tests.Browser;

/// <summary>
/// Comments and review rounds in real Chromium: a creative on the team quotes a passage of the
/// read view in a comment and submits the brief; the campaign's account director requests
/// changes with a reason and resolves the comment; the creative submits again and the account
/// director approves. The buttons each person sees are the steps the database allows them; axe
/// finds nothing serious on the way.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactReviewScreenTests(TwoTenantWorld world, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Password = "Review-test-1";

    [Fact]
    public async Task CommentQuoteResolve_RequestChangesAndApprove_AsTheRightRoles()
    {
        var w = await ArtifactLibraryWorld.CreateAsync(world);
        await using (var s = await TestSession.BeginAsync(world.Database.Owner, w.Tenant.Id, "pm", w.Tenant.People["pm"]))
        {
            await s.ExecuteAsync("insert into agency.campaign_team (campaign_id, employee_id, team_role) values (@c, @p, 'account_director')",
                ("c", w.TeamCampaign), ("p", w.Tenant.People["account"]));
            await s.CommitAsync();
        }

        // The creative: a comment on a quoted passage, then the brief goes for review.
        var creative = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "creative", Password), Password);
        await BrowserFixture.OpenAsync(creative, $"/artifacts/{w.Brief}?view=read");
        await Expect(creative.GetByTestId("review-submitted")).ToBeVisibleAsync();
        await Expect(creative.GetByTestId("review-approved")).ToHaveCountAsync(0);
        Assert.True(await creative.EvaluateAsync<bool>("""
            quote => {
              const doc = document.querySelector('[data-testid=artifact-document]');
              const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const at = n.nodeValue.indexOf(quote);
                if (at >= 0) {
                  const range = document.createRange();
                  range.setStart(n, at);
                  range.setEnd(n, at + quote.length);
                  getSelection().removeAllRanges();
                  getSelection().addRange(range);
                  return true;
                }
              }
              return false;
            }
            """, "film of the harbour"));
        await creative.GetByTestId("comment-quote").ClickAsync();
        await Expect(creative.GetByTestId("comment-new-quote")).ToContainTextAsync("film of the harbour");
        await creative.GetByTestId("comment-body").FillAsync("Dawn or dusk? @account person");
        await creative.GetByTestId("comment-add").ClickAsync();
        var thread = creative.GetByTestId("comment-thread");
        await Expect(thread).ToHaveCountAsync(1);
        await Expect(thread.GetByTestId("comment-quote-text").Locator("mark")).ToHaveTextAsync("film of the harbour");
        await Expect(thread.GetByTestId("comment-text")).ToHaveTextAsync("Dawn or dusk? @account person");
        await Expect(creative.GetByTestId("artifact-open-comments")).ToHaveTextAsync("1");
        await creative.GetByTestId("review-submitted").ClickAsync();
        await Expect(creative.GetByTestId("artifact-status")).ToHaveTextAsync("In review");
        await Expect(creative.GetByTestId("review-status")).ToHaveTextAsync("In review");
        // A designer on the team neither approves nor requests changes.
        await Expect(creative.GetByTestId("review-approved")).ToHaveCountAsync(0);
        await Expect(creative.GetByTestId("review-changes_requested")).ToHaveCountAsync(0);
        await BrowserFixture.AssertNoSeriousViolationsAsync(creative);
        await BrowserFixture.ScreenshotAsync(creative, "artifact-comments");

        // The account director: changes requested, with the reason; the comment resolved.
        var account = await browser.SignedInPageAsync(await w.Tenant.SignInAccountAsync(world, "account", Password), Password);
        await BrowserFixture.OpenAsync(account, $"/artifacts/{w.Brief}?view=read");
        await Expect(account.GetByTestId("review-approved")).ToBeVisibleAsync();
        await account.GetByTestId("review-changes_requested").ClickAsync();
        var dialog = account.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("review-reason").FillAsync("Say which dawn, and the budget line");
        await BrowserFixture.AssertNoSeriousViolationsAsync(account);
        await dialog.GetByTestId("reason-submit").ClickAsync();
        await Expect(account.GetByTestId("artifact-status")).ToHaveTextAsync("Draft");
        await Expect(account.GetByTestId("review-reason-shown")).ToHaveTextAsync("Say which dawn, and the budget line");
        await account.GetByTestId("comment-resolve").ClickAsync();
        await Expect(account.GetByTestId("comment-thread")).ToHaveAttributeAsync("data-open", "false");
        await Expect(account.GetByTestId("artifact-open-comments")).ToHaveTextAsync("0");
        await account.GetByTestId("comments-open-only").ClickAsync();
        await Expect(account.GetByTestId("comments-empty")).ToHaveTextAsync("No open comments.");

        // The creative sees why, submits again; the account director approves.
        await BrowserFixture.OpenAsync(creative, $"/artifacts/{w.Brief}?view=read");
        await Expect(creative.GetByTestId("review-reason-shown")).ToHaveTextAsync("Say which dawn, and the budget line");
        await creative.GetByTestId("review-submitted").ClickAsync();
        await Expect(creative.GetByTestId("artifact-status")).ToHaveTextAsync("In review");
        await BrowserFixture.OpenAsync(account, $"/artifacts/{w.Brief}?view=read");
        await account.GetByTestId("review-approved").ClickAsync();
        await Expect(account.GetByTestId("artifact-status")).ToHaveTextAsync("Approved");
        await Expect(account.GetByTestId("review-events").Locator("li").First).ToContainTextAsync("Approved by account person");

        await using var check = await TestSession.BeginAsync(world.Database.App, w.Tenant.Id, "admin", w.Tenant.People["admin"]);
        Assert.Equal(
            ["submitted", "changes_requested", "submitted", "approved"],
            (await check.QueryAsync("select step from agency.artifact_review_events where artifact_id = @id order by created_at", ("id", w.Brief)))
                .Select(r => (string)r["step"]!));
    }
}
