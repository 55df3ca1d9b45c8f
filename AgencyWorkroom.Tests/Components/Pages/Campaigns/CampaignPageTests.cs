using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

public sealed class CampaignPageTests : ComponentTestContext
{
    [Fact]
    public void Render_Hours_EqualTheTimesheetSummaryTotal()
    {
        var page = Show("pm", Detail(money: true));

        Assert.Equal("12.5 h", page.Find("[data-testid=campaign-hours]").TextContent.Trim());
        Assert.Equal("12.5 h", page.Find("[data-testid=timesheet-total-hours]").TextContent.Trim());
        Assert.Equal(2, page.FindAll("[data-testid=timesheet-week]").Count);
    }

    [Fact]
    public void Render_Finance_ShowsBudgetAgainstActualByPart()
    {
        var page = Show("finance", Detail(money: true));

        Assert.Equal("USD 1,875", Text(page, "budget-time"));
        Assert.Equal("USD 250", Text(page, "budget-expenses"));
        Assert.Equal("USD 200", Text(page, "budget-equipment"));
        Assert.Equal("USD 1,000", Text(page, "budget-quote"));
        Assert.Equal("USD 3,325", Text(page, "budget-spent"));
        Assert.Equal("USD 6,675", Text(page, "budget-remaining"));
        Assert.NotNull(page.Find("[data-testid=burn-chart]"));
        Assert.Equal(["true", "false", "false", "false"], page.FindAll("[data-testid=threshold]").Select(t => t.GetAttribute("data-reached")));
    }

    [Fact]
    public void Render_ViewReturnedNullMoney_ShowsDashesNotZeros()
    {
        var page = Show("creative", Detail(money: false));

        foreach (var cell in new[] { "budget-time", "budget-expenses", "budget-equipment", "budget-quote", "budget-spent", "budget-remaining", "campaign-margin", "campaign-spend" })
        {
            Assert.Equal("—", Text(page, cell));
        }

        Assert.All(page.FindAll("[data-testid=threshold]"), t => Assert.Equal("unknown", t.GetAttribute("data-reached")));
        Assert.Equal("Run-out date: —", Text(page, "burn-runout"));
    }

    [Theory]
    [InlineData("creative", false)]
    [InlineData("finance", false)]
    [InlineData("pm", true)]
    [InlineData("account", true)]
    public void Render_EditAndPhaseButtons_OnlyForRolesThatMayWrite(string role, bool canWrite)
    {
        var page = Show(role, Detail(money: false));

        Assert.Equal(canWrite, page.FindAll("[data-testid=edit-campaign]").Count == 1);
        Assert.Equal(canWrite, page.FindAll("[data-testid=add-phase]").Count == 1);
        Assert.Equal(canWrite, page.FindAll("[data-testid=edit-phase]").Count == 1);
    }

    private IRenderedComponent<CampaignPage> Show(string role, CampaignDetailDto detail)
    {
        Services.AddSingleton<ICampaignQueries>(new FakeCampaignQueries { Detail = detail });
        Services.AddSingleton<ICampaignCommands>(new FakeCampaignCommands());
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(new MeDto(Guid.NewGuid(), "Someone", role, "Northwind Creative")));
        Render<MudBlazor.MudPopoverProvider>();
        return Render<CampaignPage>(p => p.Add(c => c.CampaignId, detail.Overview.CampaignId));
    }

    private static string Text(IRenderedComponent<CampaignPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    private static CampaignDetailDto Detail(bool money)
    {
        var start = new DateOnly(2026, 3, 2);
        decimal? M(decimal value) => money ? value : null;
        var overview = new CampaignOverviewRow
        {
            CampaignId = Guid.NewGuid(), Code = "SPRING-26", Name = "Spring launch", Status = "active", BudgetType = "fixed_fee",
            ClientName = "Acme Foods", StartDate = start, EndDate = start.AddDays(90), BudgetAmount = 10_000m, Currency = "USD",
            AlertThresholds = [25, 50, 90, 100], TotalHours = 12.5m, BillableHours = 12.5m, Health = "on_track",
            Revenue = M(1_875m), Spend = M(3_325m), Margin = M(500m), BudgetSpentPct = M(0.3325m),
        };
        return new CampaignDetailDto(
            overview,
            [new PhaseDto(Guid.NewGuid(), "creative", "Creative", 2, "in_progress", start, start.AddDays(30), 4_000m, 1)],
            [new TeamMemberDto(Guid.NewGuid(), "Cam Creative", "Designer", "designer")],
            [new ExpenseCategoryRow { Category = "travel", LineCount = 1, TotalAmount = M(250m), Currency = "USD" }],
            [new EquipmentRow { EquipmentName = "Camera", AssetTag = "CAM-1", DaysOut = 2, EquipmentCost = M(200m) }],
            new QuoteRow { QuoteNumber = "Q-1", VendorName = "Print Co", Status = "approved", Amount = M(1_000m) },
            [
                new TimesheetSummaryByCampaignRow { WeekStartDate = start, TotalHours = 8m, BillableHours = 8m, Revenue = M(1_200m) },
                new TimesheetSummaryByCampaignRow { WeekStartDate = start.AddDays(7), TotalHours = 4.5m, BillableHours = 4.5m, Revenue = M(675m) },
            ],
            [new BurnPointRow { WeekStart = start, CumulativeSpend = M(2_650m) }, new BurnPointRow { WeekStart = start.AddDays(7), CumulativeSpend = M(3_325m) }],
            []);
    }
}
