using AgencyWorkroom.Data.Features.Timesheets;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Timesheets;

/// <summary>
/// The person-weeks waiting for the signed-in person (agency.timesheet_weeks_awaiting_me: the
/// dashboard tile and the bell count the same), grouped by person, each week's grid read-only on
/// demand, with capacity flags, approve, reject with a reason, bulk approve and finance's sign-off.
/// </summary>
public sealed partial class ApprovalsPage
{
    private readonly HashSet<string> _selected = [];
    private readonly Dictionary<string, string> _reasons = [];
    private readonly Dictionary<string, WeekDto?> _open = [];
    private IReadOnlyList<ApprovalWeekDto>? _queue;
    private string? _error;
    private string? _message;
    private bool _busy;

    [Inject]
    private ITimesheetQueries Queries { get; set; } = default!;

    [Inject]
    private ITimesheetCommands Commands { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private static string Key(ApprovalWeekDto week) => $"{week.EmployeeId:N}/{week.WeekStart:yyyy-MM-dd}/{week.Stage}";

    private async Task LoadAsync()
    {
        try
        {
            _queue = await Queries.ApprovalsAsync();
            foreach (var week in _queue)
            {
                _reasons.TryAdd(Key(week), "");
            }

            _selected.IntersectWith(_queue.Select(Key));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = "The approvals can't be loaded right now.";
        }
    }

    private void Select(string key, bool selected)
    {
        if (selected)
        {
            _selected.Add(key);
        }
        else
        {
            _selected.Remove(key);
        }
    }

    private async Task ToggleAsync(ApprovalWeekDto week)
    {
        var key = Key(week);
        if (!_open.Remove(key))
        {
            _open[key] = await Queries.GetWeekAsync(week.WeekStart, week.EmployeeId);
        }
    }

    private Task ApproveAsync(ApprovalWeekDto week) =>
        StepAsync(() => Commands.ApproveAsync(week.EmployeeId, week.WeekStart), n => $"Approved {n} entries of {week.FullName}.");

    private Task RejectAsync(ApprovalWeekDto week) =>
        StepAsync(() => Commands.RejectAsync(week.EmployeeId, week.WeekStart, _reasons.GetValueOrDefault(Key(week)) ?? ""),
            n => $"Rejected {n} entries of {week.FullName}; they are told why.");

    private Task SignOffAsync(ApprovalWeekDto week) =>
        StepAsync(() => Commands.SignOffAsync(week.EmployeeId, week.WeekStart), _ => $"Signed off and locked {week.FullName}'s week.");

    private Task ApproveSelectedAsync()
    {
        var weeks = (_queue ?? []).Where(w => _selected.Contains(Key(w))).Select(w => (w.EmployeeId, w.WeekStart)).ToList();
        return StepAsync(() => Commands.ApproveManyAsync(weeks), n => $"Approved {n} entries in {weeks.Count} weeks.");
    }

    private async Task StepAsync(Func<Task<StepResult>> step, Func<int, string> done)
    {
        _busy = true;
        _message = null;
        _error = null;
        try
        {
            var result = await step();
            if (result.Succeeded)
            {
                _message = done(result.Changed);
                _open.Clear();
                await LoadAsync();
            }
            else
            {
                _error = result.Error;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
