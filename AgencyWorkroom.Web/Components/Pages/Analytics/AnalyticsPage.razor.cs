using System.Globalization;
using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Web.Components.Shared;
using AgencyWorkroom.Web.Export;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Analytics;

/// <summary>
/// Utilization and profitability, pictures first and tables beneath. The view, the period and every
/// filter live in the URL (the same names the CSV and Excel downloads read), so a view can be
/// shared. Every figure is the database's (033); money arrives NULL for a role that may not see it,
/// and its columns are then left out here.
/// </summary>
public sealed partial class AnalyticsPage
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private const int ChartGroups = 6;
    private const int Ranked = 5;

    private AnalyticsOptionsDto? _options;
    private IReadOnlyList<UtilizationRowDto>? _utilization;
    private IReadOnlyList<ProfitabilityRowDto>? _profitability;
    private bool _loading;
    private string? _error;
    private string? _loadedUri;

    private List<ChartSeries<double>> _trend = [];
    private string[] _trendLabels = [];
    private LineChartOptions _trendOptions = new();
    private List<ChartSeries<double>> _stacked = [];
    private StackedBarChartOptions _stackedOptions = new();
    private List<ChartSeries<double>> _ranking = [];
    private string[] _rankingLabels = [];
    private BarChartOptions _rankingOptions = new();
    private string _rankingTitle = "";

    [Inject]
    private IAnalyticsQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>utilization (default), profitability or forecast.</summary>
    [SupplyParameterFromQuery(Name = "view")]
    public string? View { get; set; }

    [SupplyParameterFromQuery(Name = "period")]
    public string? Period { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [SupplyParameterFromQuery(Name = "grain")]
    public string? Grain { get; set; }

    [SupplyParameterFromQuery(Name = "group")]
    public string? Group { get; set; }

    [SupplyParameterFromQuery(Name = "department")]
    public string? Department { get; set; }

    [SupplyParameterFromQuery(Name = "role")]
    public string? Role { get; set; }

    [SupplyParameterFromQuery(Name = "person")]
    public Guid? Person { get; set; }

    [SupplyParameterFromQuery(Name = "dimension")]
    public string? Dimension { get; set; }

    [SupplyParameterFromQuery(Name = "client")]
    public Guid? Client { get; set; }

    /// <summary>The forecast's horizon in months (3, 6 or 12).</summary>
    [SupplyParameterFromQuery(Name = "months")]
    public int? Months { get; set; }

    /// <summary>The forecast leaves tentative work out when false.</summary>
    [SupplyParameterFromQuery(Name = "tentative")]
    public bool? Tentative { get; set; }

    private string ActiveView => View is "profitability" or "forecast" ? View : "utilization";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private AnalyticsQueryString Query => new(Period, From, To, Grain, Group, Department, Role, Person, Dimension, Client);

    private AnalyticsPeriod CurrentPeriod => Query.ToPeriod(Today);

    private PeriodPreset Preset => AnalyticsUrl.ParsePreset(Period);

    private string GrainOrDefault => Grain == UtilizationGrains.Month ? UtilizationGrains.Month : UtilizationGrains.Week;

    private string GroupOrDefault => UtilizationGroups.All.Contains(Group) ? Group! : UtilizationGroups.Department;

    private string DimensionOrDefault => ProfitDimensions.All.Contains(Dimension) ? Dimension! : ProfitDimensions.Client;

    private bool SeesMoney => _options?.SeesMoney == true;

    private string Currency => _options?.Currency ?? "";

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _options = await Queries.OptionsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = "Analytics can't be loaded right now. Try again in a moment.";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // Reload when the URL's view, period or filters change, not on every render.
        if (_loadedUri == Navigation.Uri)
        {
            return;
        }

        _loadedUri = Navigation.Uri;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            if (ActiveView == "utilization")
            {
                _utilization = await Queries.UtilizationAsync(Query.ToUtilization(Today));
                BuildUtilizationCharts(_utilization);
            }
            else if (ActiveView == "profitability")
            {
                _profitability = await Queries.ProfitabilityAsync(Query.ToProfitability(Today));
                BuildProfitabilityChart(_profitability);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = "These figures can't be loaded right now. Try again in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void BuildUtilizationCharts(IReadOnlyList<UtilizationRowDto> rows)
    {
        var periods = rows.Select(r => r.PeriodStart).Distinct().Order().ToList();
        _trendLabels = ChartAxis.PeriodLabels(periods, GrainOrDefault == UtilizationGrains.Month);

        // The groups with the most capacity, one line each; a share is the database's, per group and period.
        var groups = rows.GroupBy(r => r.GroupKey).OrderByDescending(g => g.Sum(r => r.CapacityHours)).Take(ChartGroups).ToList();
        _trend = groups.Select(g =>
        {
            var byPeriod = g.ToDictionary(r => r.PeriodStart);
            return new ChartSeries<double>
            {
                Name = ChartAxis.Short(g.First().GroupLabel, 24),
                Data = periods.Select(p => byPeriod.TryGetValue(p, out var r) ? (double)(r.UtilizationPct ?? 0) * 100 : 0).ToArray(),
            };
        }).ToList();
        var maxShare = _trend.SelectMany(s => s.Data.Values).DefaultIfEmpty(0).Max();
        // Shares are drawn as percentages (0-100), so the ticks fall on whole, round numbers.
        var (shareStep, shareTop) = ChartAxis.Nice(Math.Max(maxShare, 100.0));
        _trendOptions = new LineChartOptions
        {
            YAxisTicks = (int)shareStep,
            MaxNumYAxisTicks = 6,
            YAxisSuggestedMax = shareTop,
            YAxisToStringFunc = v => ChartAxis.Percent(v / 100),
            YAxisRequireZeroPoint = true,
            ShowDataMarkers = periods.Count <= 26,
        };

        // Billable and the rest of the hours logged, summed over the groups shown in the table.
        var billable = periods.Select(p => (double)rows.Where(r => r.PeriodStart == p).Sum(r => r.BillableHours)).ToArray();
        var other = periods.Select(p => (double)rows.Where(r => r.PeriodStart == p).Sum(r => r.TotalHours - r.BillableHours)).ToArray();
        _stacked = periods.Count == 0 ? [] :
        [
            new ChartSeries<double> { Name = "Billable hours", Data = billable },
            new ChartSeries<double> { Name = "Other hours", Data = other },
        ];
        var maxHours = billable.Zip(other, (b, o) => b + o).DefaultIfEmpty(0).Max();
        var (hoursStep, hoursTop) = ChartAxis.Nice(maxHours);
        _stackedOptions = new StackedBarChartOptions
        {
            YAxisTicks = (int)Math.Max(1, hoursStep),
            MaxNumYAxisTicks = 6,
            YAxisSuggestedMax = hoursTop,
            YAxisToStringFunc = ChartAxis.Hours,
        };
    }

    private void BuildProfitabilityChart(IReadOnlyList<ProfitabilityRowDto> rows)
    {
        // Finance and leadership: the most and least profitable by margin. Others: where the hours went.
        List<(string Label, double Value)> ranked;
        if (SeesMoney)
        {
            var withMargin = rows.Where(r => r.Margin is not null).OrderByDescending(r => r.Margin).ToList();
            var top = withMargin.Take(Ranked).ToList();
            var bottom = withMargin.Skip(Ranked).TakeLast(Ranked).ToList();
            ranked = [.. top.Concat(bottom).Select(r => (r.GroupLabel, (double)r.Margin!.Value))];
            _rankingTitle = withMargin.Count > Ranked ? $"Margin: the {Ranked} best and the {Math.Min(Ranked, bottom.Count)} worst" : "Margin";
        }
        else
        {
            ranked = [.. rows.OrderByDescending(r => r.TotalHours).Take(2 * Ranked).Select(r => (r.GroupLabel, (double)r.TotalHours))];
            _rankingTitle = "Hours logged (money is for finance and leadership)";
        }

        _rankingLabels = ranked.Select(r => ChartAxis.Short(r.Label)).ToArray();
        _ranking = ranked.Count == 0 ? [] : [new ChartSeries<double> { Name = SeesMoney ? "Margin" : "Hours", Data = ranked.Select(r => r.Value).ToArray() }];
        var max = ranked.Select(r => Math.Abs(r.Value)).DefaultIfEmpty(0).Max();
        var (step, top2) = ChartAxis.Nice(max);
        _rankingOptions = new BarChartOptions
        {
            YAxisTicks = (int)Math.Max(1, step),
            MaxNumYAxisTicks = 6,
            YAxisSuggestedMax = top2,
            YAxisToStringFunc = SeesMoney ? v => ChartAxis.Money(v, Currency) : ChartAxis.Hours,
            XAxisLabelRotation = 30,
        };
    }

    private string ViewHref(string view) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["view"] = view == "utilization" ? null : view });

    private string ExportHref(string table, string format) =>
        $"/export/analytics/{table}.{format}" + new Uri(Navigation.Uri).Query;

    private void Navigate(IReadOnlyDictionary<string, object?> changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes));

    private void SetPreset(PeriodPreset preset)
    {
        var period = CurrentPeriod;
        Navigate(new Dictionary<string, object?>
        {
            ["period"] = preset == PeriodPreset.ThisMonth ? null : AnalyticsUrl.Name(preset),
            ["from"] = preset == PeriodPreset.Custom ? period.From.ToString("yyyy-MM-dd", Culture) : null,
            ["to"] = preset == PeriodPreset.Custom ? period.To.ToString("yyyy-MM-dd", Culture) : null,
        });
    }

    private void SetCustom(DateTime? from, DateTime? to)
    {
        var period = CurrentPeriod;
        Navigate(new Dictionary<string, object?>
        {
            ["period"] = AnalyticsUrl.Name(PeriodPreset.Custom),
            ["from"] = PickerDates.ToQuery(from ?? PickerDates.ToPicker(period.From)),
            ["to"] = PickerDates.ToQuery(to ?? PickerDates.ToPicker(period.To)),
        });
    }

    private void Set(string name, object? value) => Navigate(new Dictionary<string, object?> { [name] = value });

    private void SetGroup(string value) => Set("group", value == UtilizationGroups.Department ? null : value);

    private void SetGrain(string value) => Set("grain", value == UtilizationGrains.Week ? null : value);

    private void SetDepartment(string? value) => Set("department", string.IsNullOrEmpty(value) ? null : value);

    private void SetRole(string? value) => Set("role", string.IsNullOrEmpty(value) ? null : value);

    private void SetDimension(string value) => Set("dimension", value == ProfitDimensions.Client ? null : value);

    private void SetClient(Guid? value) => Set("client", value);

    /// <summary>From a department or role to its people; from a person to their weeks.</summary>
    private string DrillHref(UtilizationRowDto row) => Navigation.GetUriWithQueryParameters(GroupOrDefault switch
    {
        UtilizationGroups.Department => new Dictionary<string, object?> { ["group"] = UtilizationGroups.Person, ["department"] = row.GroupKey, ["person"] = null },
        UtilizationGroups.Role => new Dictionary<string, object?> { ["group"] = UtilizationGroups.Person, ["role"] = row.GroupKey, ["person"] = null },
        _ => new Dictionary<string, object?> { ["group"] = UtilizationGroups.Person, ["person"] = row.GroupKey, ["grain"] = null },
    });

    private string ClearDrillHref() => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["group"] = null, ["department"] = null, ["role"] = null, ["person"] = null,
    });

    private static string Amount(decimal? value) => value is { } v ? v.ToString("#,0.00", Culture) : Formats.Missing;

    private string PeriodLabel(DateOnly start) =>
        GrainOrDefault == UtilizationGrains.Month ? start.ToString("MMMM yyyy", Culture) : "Week of " + Formats.Date(start);

    private static string RoleLabel(string? role) => role is null ? "" : AgencyRoles.Label(role);
}
