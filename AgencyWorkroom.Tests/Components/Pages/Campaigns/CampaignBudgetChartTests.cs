using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Campaigns;
using Bunit;

namespace AgencyWorkroom.Tests.Components.Pages.Campaigns;

/// <summary>The campaign page's burn chart as drawn: the four faults issue 15 names, each checked on the SVG.</summary>
public sealed class CampaignBudgetChartTests : ComponentTestContext
{
    [Fact]
    public void BurnChart_YearLongCampaign_RoundCurrencyTicks_MonthLabelsThatFit()
    {
        var start = new DateOnly(2025, 11, 3);
        // 52 weeks of spend rising to 81,000 against a budget of 90,000, one quiet week in the middle.
        var burn = Enumerable.Range(0, 52).Where(i => i != 20)
            .Select(i => new BurnPointRow { WeekStart = start.AddDays(7 * i), CumulativeSpend = 81_000m * (i + 1) / 52 })
            .ToList();

        var chart = Render<CampaignBudget>(p => p.Add(c => c.Detail, Detail(start, burn)).Add(c => c.Today, start.AddDays(7 * 52)));

        var (yLabels, xLabels) = AxisLabels(chart);
        // Round ticks from zero, in the currency, never negative, at most six.
        Assert.Equal(["USD 0", "USD 20k", "USD 40k", "USD 60k", "USD 80k", "USD 100k"], yLabels);
        // Every week a point (the quiet one carried), labelled by month, at most eight labels.
        Assert.Equal(52, xLabels.Count);
        var shown = xLabels.Where(l => l != "").ToList();
        Assert.InRange(shown.Count, 2, 8);
        Assert.All(shown, l => Assert.Matches(@"^[A-Z][a-z]{2} \d{4}$", l));
        Assert.Equal("Nov 2025", shown[0]);
    }

    [Fact]
    public void BurnChart_ShortCampaign_LabelsWeeksByTheirMonday()
    {
        var start = new DateOnly(2026, 3, 2);
        var burn = Enumerable.Range(0, 6).Select(i => new BurnPointRow { WeekStart = start.AddDays(7 * i), CumulativeSpend = 1_300m * (i + 1) }).ToList();

        var chart = Render<CampaignBudget>(p => p.Add(c => c.Detail, Detail(start, burn, budget: 10_000m)).Add(c => c.Today, start.AddDays(42)));

        var (yLabels, xLabels) = AxisLabels(chart);
        Assert.Equal(["USD 0", "USD 2k", "USD 4k", "USD 6k", "USD 8k", "USD 10k"], yLabels);
        Assert.Equal(["2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar", "6 Apr"], xLabels);
    }

    // The value axis's texts are right-aligned left of the plot; the x labels sit under it.
    private static (List<string> Y, List<string> X) AxisLabels(IRenderedComponent<CampaignBudget> chart)
    {
        var texts = chart.FindAll("[data-testid=burn-chart] svg text").Select(t => (X: Attr(t, "x"), Y: Attr(t, "y"), Text: t.TextContent.Trim())).ToList();
        var left = texts.Min(t => t.X);
        var y = texts.Where(t => t.X == left).OrderByDescending(t => t.Y).Select(t => t.Text).ToList();
        var bottom = texts.Where(t => t.X != left).Max(t => t.Y);
        var x = texts.Where(t => t.X != left && t.Y == bottom).OrderBy(t => t.X).Select(t => t.Text).ToList();
        return (y, x);
    }

    private static double Attr(AngleSharp.Dom.IElement element, string name) =>
        double.Parse(element.GetAttribute(name) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static CampaignDetailDto Detail(DateOnly start, List<BurnPointRow> burn, decimal budget = 90_000m) => new(
        new CampaignOverviewRow
        {
            CampaignId = Guid.NewGuid(), Code = "BURN-1", Name = "Burn", Status = "active", BudgetType = "time_and_materials",
            ClientName = "Acme", StartDate = start, EndDate = start.AddDays(7 * 60), BudgetAmount = budget, Currency = "USD",
            AlertThresholds = [50, 100], Health = "on_track", Spend = burn[^1].CumulativeSpend, Revenue = burn[^1].CumulativeSpend,
        },
        [], [], [], [], null, [], burn, []);
}
