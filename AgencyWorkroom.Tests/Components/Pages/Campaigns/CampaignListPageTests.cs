using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

public sealed class CampaignListPageTests : ComponentTestContext
{
    [Fact]
    public void Render_FiltersInTheUrl_ReachTheQueryAndTheExportLink()
    {
        var client = FakeCampaignQueries.Client.Id;
        var member = Guid.NewGuid();
        var queries = new FakeCampaignQueries();

        var page = Show("pm", queries, $"/campaigns?status=active&client={client}&phase=Creative&from=2026-01-01&to=2026-03-31&member={member}");

        var expected = new CampaignFilter(null, "active", client, null, "Creative", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), member);
        page.WaitForAssertion(() => Assert.Contains(expected, queries.Filters));
        var export = page.Find("[data-testid=export-campaigns]").GetAttribute("href")!;
        Assert.StartsWith("/export/campaigns.csv?", export);
        foreach (var part in new[] { "status=active", $"client={client}", "phase=Creative", "from=2026-01-01", "to=2026-03-31", $"member={member}" })
        {
            Assert.Contains(part, export);
        }
    }

    [Fact]
    public void Render_Rows_ShowMarginOrADash()
    {
        var page = Show("finance", new FakeCampaignQueries
        {
            Rows =
            [
                new CampaignOverviewRow { CampaignId = Guid.NewGuid(), Code = "A-1", Name = "One", Status = "active", Health = "on_track", Currency = "USD", Margin = 900m },
                new CampaignOverviewRow { CampaignId = Guid.NewGuid(), Code = "B-2", Name = "Two", Status = "active", Health = "at_risk", Currency = "USD" },
            ],
        });

        page.WaitForAssertion(() => Assert.Equal(["USD 900", "—"], page.FindAll("[data-testid=campaign-margin]").Select(c => c.TextContent.Trim())));
        Assert.Empty(page.FindAll("[data-testid=campaigns-empty]"));
        Assert.NotNull(page.Find("[data-testid=read-only]"));
        Assert.Empty(page.FindAll("[data-testid=new-campaign]"));
    }

    [Theory]
    [InlineData(null, "1-25 of 30")]
    [InlineData(28, "1-25 of more than 28")]
    public void Render_Pager_SaysWhenTheCountStopped(int? countStopsAt, string expected)
    {
        var rows = Enumerable.Range(1, 30).Select(i => new CampaignOverviewRow
        {
            CampaignId = Guid.NewGuid(), Code = $"C-{i}", Name = $"Campaign {i}", Status = "active", Health = "on_track", Currency = "USD",
        }).ToList();

        var page = Show("pm", new FakeCampaignQueries { Rows = rows, CountStopsAt = countStopsAt });

        page.WaitForAssertion(() => Assert.Contains(expected, page.Markup));
    }

    [Fact]
    public void Render_NoRows_ShowsTheEmptyState()
    {
        var page = Show("pm", new FakeCampaignQueries { Rows = [] });

        page.WaitForAssertion(() => Assert.Equal("No campaigns match these filters.", page.Find("[data-testid=campaigns-empty]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=campaign-margin]"));
    }

    private IRenderedComponent<CampaignListPage> Show(string role, FakeCampaignQueries queries, string url = "/campaigns")
    {
        Services.AddSingleton<ICampaignQueries>(queries);
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(new MeDto(Guid.NewGuid(), "Someone", role, "Northwind Creative")));
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudBlazor.MudPopoverProvider>();
        return Render<CampaignListPage>();
    }
}
