using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Rates;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Rates;

/// <summary>
/// Rates for finance and leadership: cards, people's rates and overrides by period, which rate
/// applies where, a margin calculator and the history. Anyone else is told it is not for them,
/// and the services would return nothing for them anyway (the rate tables' policies).
/// </summary>
public sealed partial class RatesPage
{
    private MeDto? _me;
    private RatesOverviewDto? _overview;
    private RatePickersDto? _pickers;
    private RateHistory? _history;
    private int _tab;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IRateQueries Rates { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool ForFinance => _me?.Role is AgencyRoles.Finance or AgencyRoles.Leadership;

    protected override async Task OnInitializedAsync()
    {
        _me = await People.GetMeAsync();
        if (ForFinance)
        {
            var pickers = Rates.PickersAsync();
            await ReloadAsync();
            _pickers = await pickers;
        }
    }

    private async Task ReloadAsync() => _overview = await Rates.LoadAsync();

    private async Task TabChangedAsync(int tab)
    {
        _tab = tab;
        if (tab == 5 && _history is not null)
        {
            await _history.ReloadAsync();
        }
    }

    private async Task CorrectAsync(RatePeriodDto period)
    {
        var parameters = new DialogParameters<RateCorrectionDialog>
        {
            { d => d.Period, period },
            { d => d.Currency, _overview!.Currency },
        };
        var dialog = await Dialogs.ShowAsync<RateCorrectionDialog>($"Correct {period.Subject}", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"{period.Subject}: the period is corrected and the campaigns repriced.", Severity.Success);
            await ReloadAsync();
        }
    }
}
