using System.Globalization;
using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Web.Components.Charts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Analytics;

/// <summary>
/// The forecast, for the analytics page's forecast tab. Its parameters are where it starts; the
/// horizon and the toggle then change inside it and are reported through the callbacks, so a page
/// can put them in its URL (the component never writes its own parameters).
/// </summary>
public sealed partial class ForecastPanel
{
    public const int ClientsShown = 15;

    private int _months = ForecastRequest.DefaultMonths;
    private bool _tentative = true;
    private (int Months, bool Tentative, Guid? Client)? _shown;
    private ForecastDto? _forecast;
    private string? _error;
    private string[] _labels = [];
    private List<ChartSeries<double>> _moneySeries = [];
    private List<ChartSeries<double>> _hoursSeries = [];
    private LineChartOptions _moneyOptions = new();
    private StackedBarChartOptions _hoursOptions = new();

    [Inject]
    private IForecastQueries Forecasts { get; set; } = default!;

    /// <summary>Months ahead: 3, 6 or 12 (anything else reads as 6).</summary>
    [Parameter]
    public int Months { get; set; } = ForecastRequest.DefaultMonths;

    [Parameter]
    public EventCallback<int> MonthsChanged { get; set; }

    [Parameter]
    public bool IncludeTentative { get; set; } = true;

    [Parameter]
    public EventCallback<bool> IncludeTentativeChanged { get; set; }

    /// <summary>One client's revenue and cost; capacity stays the agency's.</summary>
    [Parameter]
    public Guid? ClientId { get; set; }

    private string ExportHref(string format) =>
        $"/export/forecast.{format}?months={_months}&tentative={(_tentative ? "true" : "false")}" + (ClientId is { } c ? $"&client={c}" : "");

    protected override async Task OnParametersSetAsync()
    {
        _months = new ForecastRequest(Months).Horizon;
        _tentative = IncludeTentative;
        await LoadAsync();
    }

    private async Task SetMonthsAsync(int months)
    {
        _months = months;
        await LoadAsync();
        await MonthsChanged.InvokeAsync(months);
    }

    private async Task SetTentativeAsync(bool tentative)
    {
        _tentative = tentative;
        await LoadAsync();
        await IncludeTentativeChanged.InvokeAsync(tentative);
    }

    private async Task LoadAsync()
    {
        var wanted = (_months, _tentative, ClientId);
        if (_shown == wanted && _error is null)
        {
            return;
        }

        _shown = wanted;
        _forecast = null;
        _error = null;
        try
        {
            var forecast = await Forecasts.GetAsync(_months, _tentative, ClientId);
            if (_shown == wanted)
            {
                Show(forecast);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = "The forecast could not be reckoned just now. Try again in a moment.";
            _shown = null;
        }
    }

    private void Show(ForecastDto forecast)
    {
        _forecast = forecast;
        var months = forecast.Months;
        _labels = ChartAxes.Months([.. months.Select(m => m.Month)]);
        _moneySeries = !forecast.ShowsMoney ? [] :
        [
            new ChartSeries<double> { Name = "Revenue", Data = months.Select(m => (double)(m.Revenue ?? 0)).ToArray() },
            new ChartSeries<double> { Name = "Cost", Data = months.Select(m => (double)(m.Cost ?? 0)).ToArray() },
        ];
        _moneyOptions = ChartAxes.Line(_moneySeries, value => ChartAxes.Money(value, forecast.Currency));
        _hoursSeries =
        [
            new ChartSeries<double> { Name = "Booked", Data = months.Select(m => (double)(m.AllocatedHours + m.PlaceholderHours)).ToArray() },
            new ChartSeries<double> { Name = "Could still sell", Data = months.Select(m => (double)m.SellableHours).ToArray() },
        ];
        _hoursOptions = ChartAxes.StackedBar(_hoursSeries, ChartAxes.Hours);
    }

    private static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
