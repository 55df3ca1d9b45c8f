using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Suite;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

public sealed class CampaignLinksTests : ComponentTestContext
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly NeighbourLineRow Expense = new()
    {
        Kind = LinkKinds.Expense, RecordId = Guid.NewGuid(), Reference = "travel", Label = "Train", Category = "travel", Status = "submitted",
    };

    [Fact]
    public void Unlink_ByOneWhoMayLink_CallsTheCommandAndTellsThePage()
    {
        var commands = new FakeSuiteCommands();
        var changed = 0;
        Setup(new CampaignLinksDto(true, true, [Expense], null), commands);

        var cut = Render<CampaignLinks>(p => p.Add(c => c.CampaignId, Campaign).Add(c => c.OnChanged, () => changed++));
        cut.Find("[data-testid=unlink]").Click();

        Assert.Equal((Campaign, LinkKinds.Expense, Expense.RecordId, false), Assert.Single(commands.Calls));
        Assert.Equal(1, changed);
    }

    [Fact]
    public void Render_WithoutTheRightToLink_ShowsTheLinesWithoutControls()
    {
        Setup(new CampaignLinksDto(false, true, [Expense], null), new FakeSuiteCommands());

        var cut = Render<CampaignLinks>(p => p.Add(c => c.CampaignId, Campaign));

        Assert.Single(cut.FindAll("[data-testid=linked-record]"));
        Assert.Empty(cut.FindAll("[data-testid=unlink]"));
        Assert.Empty(cut.FindAll("[data-testid=link-search]"));
    }

    [Fact]
    public void Unlink_Refused_ShowsTheDatabasesWords()
    {
        var commands = new FakeSuiteCommands(SaveResult.Refused("Only finance, leadership, admin and the campaign's project manager link records to it"));
        Setup(new CampaignLinksDto(true, true, [Expense], null), commands);

        var cut = Render<CampaignLinks>(p => p.Add(c => c.CampaignId, Campaign));
        cut.Find("[data-testid=unlink]").Click();

        Assert.Contains("project manager", cut.Find("[data-testid=link-error]").TextContent);
    }

    private void Setup(CampaignLinksDto links, FakeSuiteCommands commands)
    {
        Services.AddSingleton<ISuiteQueries>(new FakeSuiteQueries(links: links));
        Services.AddSingleton<ISuiteCommands>(commands);
        Render<MudBlazor.MudPopoverProvider>();
    }
}
