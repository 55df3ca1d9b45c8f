using AgencyWorkroom.Data.Features.Suite;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Layout;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Layout;

public sealed class SuiteLauncherDialogTests : ComponentTestContext
{
    [Fact]
    public async Task Render_OneNeighbourConnected_OthersSayNotConnectedAndKeepTheirFigures()
    {
        var options = new SuiteOptions(new Dictionary<string, string> { [SuiteOptions.Gearroom] = "https://gear.example.test" });
        var launcher = SuiteQueries.Build(new DashboardKpisRow { ActiveCampaigns = 7 }, new SuiteCountsRow { OpenQuotes = 4, GearOut = 2, GearOverdue = 1 }, options);
        Services.AddSingleton<ISuiteQueries>(new FakeSuiteQueries(launcher: launcher));

        var (host, _) = await ShowDialogAsync(new MudBlazor.DialogParameters<SuiteLauncherDialog>());

        host.WaitForAssertion(() => Assert.Equal(5, host.FindAll("[data-testid^=launcher-card-]").Count));
        Assert.Equal(3, host.FindAll("[data-testid=launcher-not-connected]").Count);
        Assert.Equal("https://gear.example.test", host.Find("[data-testid=launcher-open-Gearroom]").GetAttribute("href"));
        Assert.Equal("/", host.Find("[data-testid=launcher-open-Workroom]").GetAttribute("href"));
        Assert.Contains("Open quotes: 4", host.Find("[data-testid=launcher-card-Procure]").TextContent);
        Assert.Contains("Active campaigns: 7", host.Find("[data-testid=launcher-card-Workroom]").TextContent);
        // No money figure for a role whose margin SQL returned NULL, and no reconciliation link.
        Assert.Empty(host.FindAll("[data-testid=launcher-more-FinancePpm]"));
    }
}
