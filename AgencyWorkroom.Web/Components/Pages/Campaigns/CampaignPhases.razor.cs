using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Campaigns;

/// <summary>A campaign's phases on a timeline, with add, edit and delete for the roles that may.</summary>
public sealed partial class CampaignPhases
{
    [Inject]
    private ICampaignCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private string? _error;

    [Parameter, EditorRequired]
    public CampaignDetailDto Detail { get; set; } = default!;

    [Parameter]
    public bool CanWrite { get; set; }

    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>The phase's place and length as percentages of the campaign's span.</summary>
    private string BarStyle(PhaseDto phase)
    {
        var start = Detail.Overview.StartDate.DayNumber;
        var span = Math.Max(1, Detail.Overview.EndDate.DayNumber - start + 1);
        var left = Math.Clamp((phase.StartDate.DayNumber - start) * 100.0 / span, 0, 100);
        var width = Math.Clamp((phase.EndDate.DayNumber - phase.StartDate.DayNumber + 1) * 100.0 / span, 1, 100 - left);
        return FormattableString.Invariant($"left: {left:0.#}%; width: {width:0.#}%");
    }

    private async Task EditAsync(PhaseDto? phase)
    {
        var form = phase is null
            ? new PhaseForm { StartDate = PickerDates.ToPicker(Detail.Overview.StartDate), EndDate = PickerDates.ToPicker(Detail.Overview.EndDate) }
            : new PhaseForm
            {
                Id = phase.Id, Version = phase.Version, PhaseType = phase.PhaseType, Name = phase.Name, Status = phase.Status, BudgetAmount = phase.BudgetAmount,
                StartDate = PickerDates.ToPicker(phase.StartDate), EndDate = PickerDates.ToPicker(phase.EndDate),
            };
        var parameters = new DialogParameters<PhaseEditDialog> { { d => d.CampaignId, Detail.Overview.CampaignId }, { d => d.Form, form } };
        var dialog = await Dialogs.ShowAsync<PhaseEditDialog>(phase is null ? "Add a phase" : $"Edit {phase.Name}", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            await OnChanged.InvokeAsync();
        }
    }

    private async Task DeleteAsync(PhaseDto phase)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Delete the {phase.Name} phase?",
            "Its dates and budget go with it. A phase with hours logged against it can't be deleted.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Commands.DeletePhaseAsync(Detail.Overview.CampaignId, phase.Id);
        _error = result.Error;
        if (result.Succeeded)
        {
            await OnChanged.InvokeAsync();
        }
    }
}
