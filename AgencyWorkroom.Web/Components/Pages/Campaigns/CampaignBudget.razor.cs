using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Web.Components.Charts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Campaigns;

public partial class CampaignBudget
{
    private BurnForecast? _forecast;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private LineChartOptions _options = new();

    [Parameter, EditorRequired]
    public CampaignDetailDto Detail { get; set; } = default!;

    /// <summary>Today, as the projection counts from it.</summary>
    [Parameter]
    public DateOnly Today { get; set; } = DateOnly.FromDateTime(DateTime.Today);

    private Data.Views.CampaignOverviewRow O => Detail.Overview;

    // A part with nothing in it is 0 where the database showed the total spend, and stays "—"
    // where it withheld the money.
    private decimal? Part(decimal? amount) => amount ?? (O.Spend is null ? null : 0m);

    protected override void OnParametersSet()
    {
        _forecast = BurnForecast.Project(Detail.Burn, O.BudgetAmount, O.StartDate, Today);
        var points = Weekly(Detail.Burn.Where(p => p.CumulativeSpend is not null).ToList());
        // Round ticks in the campaign's currency, weeks (or months, for a long campaign) that never
        // overlap: the one chart helper (Components/Charts/ChartAxes).
        _labels = ChartAxes.Weeks([.. points.Select(p => p.Week)]);
        _series = points.Count == 0 ? [] :
        [
            new ChartSeries<double> { Name = "Spent", Data = points.Select(p => (double)p.Spent).ToArray() },
            new ChartSeries<double> { Name = "Budget", Data = points.Select(_ => (double)O.BudgetAmount).ToArray() },
        ];
        _options = ChartAxes.Line(_series, value => ChartAxes.Money(value, O.Currency));
    }

    // Every week from the first with spend to the last, a week without spend carrying the total on,
    // so the x axis runs evenly in time.
    private static List<(DateOnly Week, decimal Spent)> Weekly(List<BurnPointRow> points)
    {
        var weeks = new List<(DateOnly, decimal)>();
        for (var i = 0; i < points.Count; i++)
        {
            var next = i + 1 < points.Count ? points[i + 1].WeekStart : points[i].WeekStart.AddDays(7);
            for (var week = points[i].WeekStart; week < next; week = week.AddDays(7))
            {
                weeks.Add((week, points[i].CumulativeSpend!.Value));
            }
        }

        return weeks;
    }
}
