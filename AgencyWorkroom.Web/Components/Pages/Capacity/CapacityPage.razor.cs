using System.Globalization;
using AgencyWorkroom.Data.Features.Capacity;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Capacity;

/// <summary>
/// People × weeks: what is booked against what is available (capacity from each person's history,
/// less approved time off: the database's rules of 029), as a heat map. The range, the filters,
/// the grouping and whether tentative work counts are in the URL. Rows are virtualized and their
/// cells asked for as they scroll in (the grid comes with the first rows' cells and the week totals
/// of everyone who matches), so a render reckons the visible window, not 15,240 cells. Project managers,
/// leadership and admins select weeks to allocate, and edit, move or remove what is booked; the
/// database refuses anyone else, and the page does not offer it to them.
/// </summary>
public sealed partial class CapacityPage
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private MeDto? _me;
    private CapacityOptionsDto? _options;
    private CapacityGridDto? _grid;
    private List<GridLine> _lines = [];
    private Dictionary<Guid, CapacityRowDto> _rows = [];
    private Virtualize<GridLine>? _virtualize;
    private string? _error;
    private Selection? _selection;
    private Drag? _drag;
    private IReadOnlyList<AllocationDto>? _allocations;
    private IReadOnlyList<PlannedActualDto>? _planned;
    private DateOnly _plannedWeek;
    private int _plannedPage = 1;
    private string? _loadedUri;

    [Inject]
    private ICapacityQueries Queries { get; set; } = default!;

    [Inject]
    private ICapacityCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Any day of the first week; this week when absent.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [SupplyParameterFromQuery(Name = "weeks")]
    public int? WeekCount { get; set; }

    [SupplyParameterFromQuery(Name = "department")]
    public string? Department { get; set; }

    [SupplyParameterFromQuery(Name = "role")]
    public string? Role { get; set; }

    [SupplyParameterFromQuery(Name = "client")]
    public Guid? Client { get; set; }

    [SupplyParameterFromQuery(Name = "campaign")]
    public Guid? Campaign { get; set; }

    [SupplyParameterFromQuery(Name = "skill")]
    public string? Skill { get; set; }

    [SupplyParameterFromQuery(Name = "free")]
    public decimal? Free { get; set; }

    /// <summary>"role" groups by role; anything else by department.</summary>
    [SupplyParameterFromQuery(Name = "group")]
    public string? Group { get; set; }

    /// <summary>"0" leaves tentative work out of the totals.</summary>
    [SupplyParameterFromQuery(Name = "tentative")]
    public string? Tentative { get; set; }

    private static DateOnly ThisMonday => Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today));

    /// <summary>Planned vs actual shows a page of rows at a time: at ×20 a week holds ~3,000 person-campaign
    /// rows, which drew 1 MB of the first render's HTML below the grid (bench #17e).</summary>
    private const int PlannedPageSize = 25;

    private int PlannedPages => _planned is null ? 1 : Math.Max(1, (_planned.Count + PlannedPageSize - 1) / PlannedPageSize);

    private bool CanEdit => _me is not null && CapacityCommands.Writers.Contains(_me.Role);

    private bool IncludeTentative => Tentative != "0";

    private string GroupBy => Group == "role" ? "role" : "department";

    private CapacityFilter Filter => new(From ?? ThisMonday, WeekCount ?? CapacityFilter.DefaultWeeks, Blank(Department), Blank(Role), Campaign, Client,
        Blank(Skill), Free, IncludeTentative, GroupBy == "role" ? CapacityGrouping.Role : CapacityGrouping.Department);

    private DateOnly SelectionFirst => _grid!.Weeks[_selection!.First];

    private DateOnly SelectionLast => _grid!.Weeks[_selection!.Last];

    protected override async Task OnInitializedAsync()
    {
        _plannedWeek = ThisMonday;
        var me = People.GetMeAsync();
        var options = Queries.OptionsAsync();
        _me = await me;
        _options = await options;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Planned vs actual lies below the grid: it is read once the page is interactive, not in the
        // first server render, which covers what is on screen (bench #17e).
        if (firstRender)
        {
            await LoadPlannedAsync();
            StateHasChanged();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // The grid reloads when the URL's range or filters change, not on every render.
        var key = Navigation.Uri;
        if (_loadedUri == key)
        {
            return;
        }

        _loadedUri = key;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            var grid = await Queries.GridAsync(Filter);
            _rows = grid.People.Where(p => p.Loaded).ToDictionary(p => p.EmployeeId);
            _lines = Lines(grid);
            _grid = grid;
            if (_virtualize is not null)
            {
                await _virtualize.RefreshDataAsync();
            }

            if (_selection is { } s && grid.People.FirstOrDefault(p => p.EmployeeId == s.Person.EmployeeId) is { } person)
            {
                _selection = s with { Person = person };
                await LoadAllocationsAsync();
            }
            else
            {
                ClearSelection();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _grid ??= null;
            _error = "The grid can't be loaded right now. Try again in a moment.";
        }
    }

    private static List<GridLine> Lines(CapacityGridDto grid)
    {
        // The people come in display order (by group, then name): a heading wherever the group changes.
        var lines = new List<GridLine>();
        string? current = null;
        foreach (var person in grid.People)
        {
            var group = person.Group(grid.Filter.Grouping);
            if (lines.Count == 0 || !string.Equals(group, current, StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(new GridLine(lines.Count, group, null, null));
                current = group;
            }

            lines.Add(new GridLine(lines.Count, null, person, null));
        }

        if (grid.Placeholders.Count > 0)
        {
            lines.Add(new GridLine(lines.Count, "Unstaffed roles", null, null));
            foreach (var placeholder in grid.Placeholders)
            {
                lines.Add(new GridLine(lines.Count, null, null, placeholder));
            }
        }

        // Indexes in display order: a person's cells are cell-{line}-{week}.
        return lines;
    }

    /// <summary>The lines Virtualize asks for, with the cells of the people among them that are not loaded yet (one query).</summary>
    private async ValueTask<ItemsProviderResult<GridLine>> ProvideLinesAsync(ItemsProviderRequest request)
    {
        var (grid, lines) = (_grid, _lines);
        var slice = lines.Skip(request.StartIndex).Take(request.Count).ToList();
        var missing = slice.Where(l => l.Person is { } p && !_rows.ContainsKey(p.EmployeeId)).Select(l => l.Person!.EmployeeId).ToList();
        if (grid is not null && missing.Count > 0)
        {
            foreach (var row in await Queries.RowsAsync(grid.Filter, missing, request.CancellationToken))
            {
                _rows[row.EmployeeId] = row;
            }
        }

        return new ItemsProviderResult<GridLine>(
            slice.Select(l => l.Person is { } p && _rows.TryGetValue(p.EmployeeId, out var row) ? l with { Person = row } : l), lines.Count);
    }

    private Task FilterAsync(Func<CapacityFilter, CapacityFilter> change)
    {
        var f = change(Filter);
        Navigate(new Dictionary<string, object?>
        {
            ["department"] = f.Department,
            ["role"] = f.Role,
            ["client"] = f.ClientId,
            ["campaign"] = f.CampaignId,
            ["skill"] = f.Skill,
            ["free"] = f.MinFree,
        });
        return Task.CompletedTask;
    }

    private Task ShiftAsync(int weeks)
    {
        Navigate(new Dictionary<string, object?> { ["from"] = Filter.Monday.AddDays(7 * weeks).ToString("yyyy-MM-dd", Culture) });
        return Task.CompletedTask;
    }

    private Task ThisWeekAsync()
    {
        Navigate(new Dictionary<string, object?> { ["from"] = null });
        return Task.CompletedTask;
    }

    private Task GroupAsync(string group)
    {
        Navigate(new Dictionary<string, object?> { ["group"] = group == "role" ? "role" : null });
        return Task.CompletedTask;
    }

    private Task TentativeAsync(bool include)
    {
        Navigate(new Dictionary<string, object?> { ["tentative"] = include ? null : "0" });
        return Task.CompletedTask;
    }

    private void Navigate(IReadOnlyDictionary<string, object?> changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes));

    private async Task SelectAsync(CapacityRowDto person, int week)
    {
        _selection = _selection is { } s && s.Person.EmployeeId == person.EmployeeId
            ? new Selection(person, Math.Min(s.Anchor, week), Math.Max(s.Anchor, week), s.Anchor)
            : new Selection(person, week, week, week);
        await LoadAllocationsAsync();
    }

    private void ClearSelection()
    {
        _selection = null;
        _allocations = null;
    }

    private async Task LoadAllocationsAsync()
    {
        _allocations = null;
        if (_selection is not null && _grid is not null)
        {
            _allocations = await Queries.AllocationsAsync(_selection.Person.EmployeeId, SelectionFirst, SelectionLast);
        }
    }

    private async Task AllocateAsync()
    {
        var selection = _selection!;
        var form = new AllocationForm
        {
            EmployeeId = selection.Person.EmployeeId, FirstWeek = SelectionFirst, LastWeek = SelectionLast, CampaignId = Campaign,
        };
        var parameters = new DialogParameters<AllocationDialog>
        {
            { d => d.Form, form },
            { d => d.PersonName, selection.Person.FullName },
            { d => d.Campaigns, _options?.Campaigns ?? [] },
        };
        var dialog = await Dialogs.ShowAsync<AllocationDialog>("Allocate", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"{selection.Person.FullName} is booked.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task UpdateAsync(AllocationDto allocation, decimal hours, bool tentative) =>
        await AfterAsync(await Commands.UpdateAllocationAsync(allocation.Id, allocation.Version, hours, tentative));

    private async Task ExtendAsync(AllocationDto allocation, int weeks) =>
        await AfterAsync(await Commands.ExtendAsync(allocation.EmployeeId, allocation.CampaignId, allocation.Week, allocation.Week.AddDays(7 * weeks)));

    private void DragStart(CapacityRowDto person, int week, bool extend) => _drag = new Drag(person, week, extend);

    /// <summary>
    /// A booked cell dropped on another: its week's allocations (or those of the selected weeks, when it
    /// was dragged from within them) move by as many weeks, and to the person dropped on; dragged by its
    /// grip, the week's allocations extend to the week dropped on. Only the filtered campaign's, when one is.
    /// Each campaign is one move (or extend) command, as the selection panel's buttons send them.
    /// </summary>
    private async Task DropAsync(CapacityRowDto target, int week)
    {
        if (_drag is not { } drag || _grid is null || !CanEdit)
        {
            return;
        }

        _drag = null;
        var sameRow = drag.Person.EmployeeId == target.EmployeeId;
        if ((sameRow && drag.Week == week) || (drag.Extend && !sameRow))
        {
            return;
        }

        var (first, last) = !drag.Extend && _selection is { } s && s.Person.EmployeeId == drag.Person.EmployeeId && drag.Week >= s.First && drag.Week <= s.Last
            ? (s.First, s.Last)
            : (drag.Week, drag.Week);
        var booked = await Queries.AllocationsAsync(drag.Person.EmployeeId, _grid.Weeks[first], _grid.Weeks[last]);
        var campaigns = booked.Select(a => a.CampaignId).Distinct().Where(c => Campaign is null || c == Campaign).ToList();
        var result = SaveResult.Refused("Nothing booked there to move.");
        foreach (var campaign in campaigns)
        {
            result = drag.Extend
                ? await Commands.ExtendAsync(drag.Person.EmployeeId, campaign, _grid.Weeks[drag.Week], _grid.Weeks[week])
                : await Commands.MoveAsync(drag.Person.EmployeeId, campaign, _grid.Weeks[first], _grid.Weeks[last], week - drag.Week,
                    sameRow ? null : target.EmployeeId);
            if (!result.Succeeded)
            {
                break;
            }
        }

        if (result.Succeeded)
        {
            ClearSelection();
        }

        await AfterAsync(result);
    }

    private async Task MoveAsync(AllocationDto allocation, int weeks) =>
        await AfterAsync(await Commands.MoveAsync(allocation.EmployeeId, allocation.CampaignId, allocation.Week, allocation.Week, weeks));

    private async Task RemoveAsync(AllocationDto allocation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Remove {Formats.Hours(allocation.Hours)} on {allocation.CampaignCode}?",
            $"The week of {Formats.Date(allocation.Week)} is no longer booked for {_selection?.Person.FullName}.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed == true)
        {
            await AfterAsync(await Commands.RemoveAllocationAsync(allocation.Id));
        }
    }

    private async Task AddPlaceholderAsync()
    {
        var weeks = _grid!.Weeks;
        var form = new PlaceholderForm { CampaignId = Campaign, FirstWeek = weeks[0], LastWeek = weeks[Math.Min(3, weeks.Count - 1)] };
        var parameters = new DialogParameters<PlaceholderDialog>
        {
            { d => d.Form, form },
            { d => d.Campaigns, _options?.Campaigns ?? [] },
            { d => d.Weeks, weeks },
        };
        var dialog = await Dialogs.ShowAsync<PlaceholderDialog>("Unstaffed role", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"{form.RoleName} is on the grid, waiting for a person.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task PersonAsync(CapacityRowDto person)
    {
        var parameters = new DialogParameters<PersonCapacityDialog>
        {
            { d => d.EmployeeId, person.EmployeeId },
            { d => d.ViewerRole, _me?.Role ?? "" },
        };
        var dialog = await Dialogs.ShowAsync<PersonCapacityDialog>(person.FullName, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false, Data: true })
        {
            await LoadAsync();
        }
    }

    private async Task AssignAsync(PlaceholderRowDto placeholder)
    {
        var parameters = new DialogParameters<AssignPlaceholderDialog>
        {
            { d => d.Placeholder, placeholder },
            { d => d.People, _options?.People ?? [] },
        };
        var dialog = await Dialogs.ShowAsync<AssignPlaceholderDialog>("Assign", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private async Task RemovePlaceholderAsync(PlaceholderRowDto placeholder)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Remove the {placeholder.RoleName} placeholder?", $"Its weeks on {placeholder.CampaignCode} go with it.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed == true)
        {
            await AfterAsync(await Commands.RemovePlaceholderAsync(placeholder.Id));
        }
    }

    private async Task AfterAsync(SaveResult result)
    {
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error ?? string.Join(" ", result.FieldErrors.Values), Severity.Warning);
        }

        await LoadAsync();
    }

    private async Task PlannedWeekAsync(int weeks)
    {
        _plannedWeek = _plannedWeek.AddDays(7 * weeks);
        await LoadPlannedAsync();
    }

    private async Task LoadPlannedAsync()
    {
        _planned = null;
        _plannedPage = 1;
        _planned = await Queries.PlannedVsActualAsync(_plannedWeek);
    }

    private bool IsSelected(Guid person, int week) =>
        _selection is { } s && s.Person.EmployeeId == person && week >= s.First && week <= s.Last;

    private string CellClass(Guid person, int week, CapacityCellDto cell)
    {
        var load = cell.Load(IncludeTentative);
        var heat = cell.OverBooked(IncludeTentative) ? "over" : load <= 0 ? "load-0" : load < 0.5m ? "load-1" : load < 0.85m ? "load-2" : "load-3";
        return string.Join(' ', new[]
        {
            heat,
            // Tentative work is drawn hatched whether or not it counts in the totals.
            cell.Tentative > 0 ? "tentative" : null,
            cell.OnLeave ? "leave" : null,
            cell.AfterCampaignEnd ? "ended" : null,
            IsSelected(person, week) ? "selected" : null,
            cell.Week == ThisMonday ? "now" : null,
        }.OfType<string>());
    }

    private string CellTitle(CapacityCellDto cell)
    {
        var parts = new List<string>
        {
            $"Week of {Formats.Date(cell.Week)}: {Formats.Hours(cell.Firm)} booked",
            $"{Formats.Hours(cell.Tentative)} tentative",
            $"{Formats.Hours(cell.Available)} available of {Formats.Hours(cell.Capacity)}",
        };
        if (cell.TimeOff > 0)
        {
            parts.Add($"{Formats.Hours(cell.TimeOff)} time off");
        }

        if (cell.Logged is { } logged)
        {
            parts.Add($"{Formats.Hours(logged)} logged");
        }

        if (cell.OverBooked(IncludeTentative))
        {
            parts.Add("over-booked");
        }

        if (cell.OnLeave)
        {
            parts.Add("booked while on leave");
        }

        if (cell.AfterCampaignEnd)
        {
            parts.Add("booked after a campaign's end");
        }

        return string.Join(", ", parts);
    }

    private static string Short(decimal hours) => hours.ToString("0.#", Culture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record GridLine(int Index, string? Group, CapacityRowDto? Person, PlaceholderRowDto? Placeholder);

    private sealed record Drag(CapacityRowDto Person, int Week, bool Extend);

    private sealed record Selection(CapacityRowDto Person, int First, int Last, int Anchor);
}
