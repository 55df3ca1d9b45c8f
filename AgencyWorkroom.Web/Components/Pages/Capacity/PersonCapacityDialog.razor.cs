using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Capacity;

/// <summary>A person's capacity history, skills and utilization targets; opened from the capacity grid and the people page.</summary>
public sealed partial class PersonCapacityDialog
{
    private IReadOnlyList<CapacityPeriodDto>? _history;
    private UtilizationTargetsDto? _targets;
    private List<string>? _skills;
    private DateTime? _capacityFrom;
    private decimal _capacityHours = 40;
    private string? _capacityError;
    private string? _newSkill;
    private string? _skillsError;
    private DateTime? _targetFrom;
    private decimal _targetPercent = 75;
    private string? _targetError;
    private bool _changed;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid EmployeeId { get; set; }

    /// <summary>The viewer's role: admins change capacity and skills, leadership targets.</summary>
    [Parameter, EditorRequired]
    public string ViewerRole { get; set; } = "";

    private bool CanEditCapacity => ViewerRole == AgencyRoles.Admin;

    private bool CanEditTargets => ViewerRole == AgencyRoles.Leadership;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    protected override async Task OnInitializedAsync()
    {
        _capacityFrom = _targetFrom = PickerDates.ToPicker(Weeks.StartOf(Today).AddDays(7));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var history = Queries.CapacityHistoryAsync(EmployeeId);
        var targets = Queries.UtilizationTargetsAsync(EmployeeId);
        var skills = Queries.SkillsAsync(EmployeeId);
        _history = await history;
        _targets = await targets;
        _skills = [.. await skills];
    }

    private async Task AddPeriodAsync()
    {
        _capacityError = _capacityFrom is null ? "Choose the date the change starts." : null;
        if (_capacityFrom is { } from)
        {
            _capacityError = await AfterAsync(await Commands.ChangeCapacityAsync(EmployeeId, PickerDates.FromPicker(from), _capacityHours));
        }
    }

    private async Task RemovePeriodAsync(CapacityPeriodDto period) =>
        _capacityError = await AfterAsync(await Commands.RemoveCapacityPeriodAsync(period.Id));

    private async Task AddSkillAsync()
    {
        if (string.IsNullOrWhiteSpace(_newSkill) || _skills is null)
        {
            _skillsError = "Type the skill first.";
            return;
        }

        _skillsError = await AfterAsync(await Commands.SetSkillsAsync(EmployeeId, [.. _skills, _newSkill]));
        if (_skillsError is null)
        {
            _newSkill = null;
        }
    }

    private async Task RemoveSkillAsync(string skill) =>
        _skillsError = await AfterAsync(await Commands.SetSkillsAsync(EmployeeId, _skills!.Where(s => s != skill)));

    private async Task AddTargetAsync()
    {
        _targetError = _targetFrom is null ? "Choose the date the target starts." : null;
        if (_targetFrom is { } from)
        {
            _targetError = await AfterAsync(await Commands.SetUtilizationTargetAsync(EmployeeId, PickerDates.FromPicker(from), Math.Round(_targetPercent / 100m, 3)));
        }
    }

    private async Task RemoveTargetAsync(UtilizationTargetDto target) =>
        _targetError = await AfterAsync(await Commands.RemoveUtilizationTargetAsync(target.Id));

    /// <summary>Reloads after a save; the error to show beside the section otherwise.</summary>
    private async Task<string?> AfterAsync(SaveResult result)
    {
        if (!result.Succeeded)
        {
            return result.Error ?? string.Join(" ", result.FieldErrors.Values);
        }

        _changed = true;
        await LoadAsync();
        return null;
    }

    private void Close() => Dialog.Close(DialogResult.Ok(_changed));
}
