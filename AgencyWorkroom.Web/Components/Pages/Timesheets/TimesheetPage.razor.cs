using AgencyWorkroom.Data.Features.Common;
using System.Globalization;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Timesheets;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgencyWorkroom.Web.Components.Pages.Timesheets;

/// <summary>
/// My week: rows of campaign × phase by Monday to Sunday, saved cell by cell as the person leaves
/// a cell, each cell's refusal or conflict next to it. The week (and, for those who read everyone's
/// time, the person) is in the URL. Every rule is the database's (021); this page only shows it.
/// </summary>
public sealed partial class TimesheetPage : IAsyncDisposable
{
    private static readonly string[] Readers = ["pm", "finance", "leadership"];

    private readonly List<GridRow> _rows = [];
    private readonly SemaphoreSlim _saves = new(1, 1);
    private WeekDto? _week;
    private MeDto? _me;
    private IReadOnlyList<PersonOptionDto> _team = [];
    private string? _error;
    private string? _message;
    private int _saving;
    private bool _busy;
    private LoggableCampaignDto? _newCampaign;
    private Guid? _newPhase;
    private string _unlockReason = "";
    private (int Row, int Col)? _focused;
    private ElementReference _grid;
    private IJSObjectReference? _module;
    private DateOnly? _loaded;
    private Guid? _loadedPerson;
    private string _offKind = "holiday";
    private DateTime? _offFrom;
    private DateTime? _offTo;
    private string _offHours = "8:00";
    private string? _offNote;
    private bool _offWeekends;
    private string? _offError;

    [Inject]
    private ITimesheetQueries Queries { get; set; } = default!;

    [Inject]
    private ITimesheetCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Any day of the week shown; this week when absent.</summary>
    [SupplyParameterFromQuery(Name = "week")]
    public DateOnly? Week { get; set; }

    /// <summary>Whose week (team view); the signed-in person's when absent.</summary>
    [SupplyParameterFromQuery(Name = "person")]
    public Guid? Person { get; set; }

    private DateOnly Monday => Weeks.StartOf(Week ?? DateOnly.FromDateTime(DateTime.Today));

    private bool Mine => _week?.IsMine ?? true;

    private bool Editable => Mine && _week is { State.Locked: false };

    private bool SeesTeam => _me is not null && Readers.Contains(_me.Role);

    private bool MayUnlock => _me is { Role: "finance" or "leadership" } && _week is { State.Locked: true };

    private int NeedAttention => _rows.Sum(r => r.Cells.Count(c => c.Error is not null));

    private string SaveState => _saving > 0 ? "Saving…" : NeedAttention > 0 ? $"{NeedAttention} cell(s) not saved" : "All changes saved";

    protected override async Task OnInitializedAsync()
    {
        _me = await People.GetMeAsync();
        _team = SeesTeam ? await Queries.TeamAsync() : [];
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == Monday && _loadedPerson == Person)
        {
            return;
        }

        _loaded = Monday;
        _loadedPerson = Person;
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_week is not null && Editable)
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Timesheets/TimesheetPage.razor.js");
            await _module.InvokeVoidAsync("attachGrid", _grid);
        }
    }

    private async Task LoadAsync()
    {
        _error = null;
        _message = null;
        _week = null;
        try
        {
            _week = await Queries.GetWeekAsync(Monday, Person);
            _rows.Clear();
            _rows.AddRange((_week?.Rows ?? []).Select(GridRow.From));
            if (_week is null)
            {
                _error = "There is no such person.";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = "The week can't be loaded right now.";
        }
    }

    private void GoTo(DateOnly day) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["week"] = Weeks.StartOf(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["person"] = Person,
        }));

    private void ShowPerson(Guid? person) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["week"] = Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["person"] = person == _me?.EmployeeId ? null : person,
        }));

    private async Task CellChangedAsync(GridRow row, int col, string? text)
    {
        var cell = row.Cells[col];
        cell.Text = text ?? "";
        var parsed = HoursParser.Parse(text);
        if (!parsed.Ok)
        {
            cell.Error = parsed.Error;
            return;
        }

        // Unchanged from what was last asked for (saved, or on its way): nothing to send.
        if (parsed.Hours == cell.Wanted && cell.Error is null)
        {
            cell.Text = Show(parsed.Hours);
            return;
        }

        cell.Wanted = parsed.Hours;
        await SaveAsync(row, col);
    }

    /// <summary>Billable is the entry's: the focused cell's entry is saved with the other value.</summary>
    private async Task BillableChangedAsync(bool billable)
    {
        if (_focused is not { } at || at.Row >= _rows.Count || _rows[at.Row].Cells[at.Col] is not { EntryId: { } entry } cell)
        {
            return;
        }

        var row = _rows[at.Row];
        if (billable == cell.Billable)
        {
            return;
        }

        cell.Error = null;
        await _saves.WaitAsync();
        try
        {
            // The saved hours and note with the other billable; a value typed meanwhile stays wanted,
            // and its own save (queued behind this one) sends it at the version this one returns.
            var outcome = (await Commands.SaveCellsAsync(
                [new CellChange(row.CampaignId, row.PhaseId, cell.Date, cell.Hours, cell.Note, cell.EntryId ?? entry, cell.Version, billable)])).Single();
            if (outcome.Saved is { } saved)
            {
                var (wanted, wantedNote, text) = (cell.Wanted, cell.WantedNote, cell.Text);
                cell.Take(saved);
                if (wanted != saved.Hours || wantedNote != saved.Note)
                {
                    (cell.Wanted, cell.WantedNote, cell.Text) = (wanted, wantedNote, text);
                }
            }
            else
            {
                cell.Error = outcome.Error;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            cell.Error = "Not saved: the database can't be reached. Try again.";
        }
        finally
        {
            _saves.Release();
        }
    }

    private async Task NoteChangedAsync(string? note)
    {
        if (_focused is not { } at || at.Row >= _rows.Count)
        {
            return;
        }

        var row = _rows[at.Row];
        var cell = row.Cells[at.Col];
        if (cell.Hours is null)
        {
            cell.Error = "Log time in the cell before adding a note.";
            return;
        }

        cell.WantedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await SaveAsync(row, at.Col);
    }

    private async Task SaveAsync(GridRow row, int col)
    {
        var cell = row.Cells[col];
        _saving++;
        cell.Error = null;
        // One save at a time, each built when its turn comes from what the cell wants by then (the
        // last value typed) and the entry and version the save before it returned: saves of one cell
        // typed twice in quick succession end with the last value, whatever order they ran in.
        await _saves.WaitAsync();
        try
        {
            if (cell.Hours == cell.Wanted && cell.Note == cell.WantedNote && cell.Error is null)
            {
                return;
            }

            // A new cell starts as the row's billable (its campaign's default); a saved one keeps its own.
            var change = new CellChange(row.CampaignId, row.PhaseId, cell.Date, cell.Wanted, cell.WantedNote, cell.EntryId,
                cell.EntryId is null ? null : cell.Version, cell.EntryId is null ? row.Billable : null);
            var outcome = (await Commands.SaveCellsAsync([change])).Single();
            if (outcome.Saved is { } saved)
            {
                var (wanted, wantedNote, text) = (cell.Wanted, cell.WantedNote, cell.Text);
                cell.Take(saved);
                if (wanted != change.Hours || wantedNote != change.Note)
                {
                    // Typed again while this one was on its way: the cell keeps showing it, and the
                    // next save in the queue sends it.
                    (cell.Wanted, cell.WantedNote, cell.Text) = (wanted, wantedNote, text);
                }
            }
            else
            {
                cell.Error = outcome.Error;
                if (outcome.Theirs is { } theirs)
                {
                    // Theirs is kept; what was typed stays in the cell, and saving it again replaces theirs knowingly.
                    cell.EntryId = theirs.EntryId;
                    cell.Version = theirs.Version;
                    cell.Hours = theirs.Hours;
                    cell.Note = theirs.Note;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            cell.Error = "Not saved: the database can't be reached. Try again.";
        }
        finally
        {
            _saves.Release();
            _saving--;
        }
    }

    private void AddRow()
    {
        if (_newCampaign is null)
        {
            return;
        }

        var phase = _newCampaign.Phases.FirstOrDefault(p => p.Id == _newPhase);
        Add(new RowOptionDto(_newCampaign.Id, _newCampaign.Code, _newCampaign.Name, phase?.Id, phase?.Name, null, _newCampaign.BillableByDefault));
        _newCampaign = null;
        _newPhase = null;
    }

    private void Add(RowOptionDto option)
    {
        if (_rows.Any(r => r.CampaignId == option.CampaignId && r.PhaseId == option.PhaseId))
        {
            return;
        }

        _rows.Add(GridRow.Empty(option, Monday));
    }

    private async Task CopyLastWeekAsync() => await AddRowsAsync(() => Queries.LastWeekRowsAsync(Monday), "last week");

    private async Task FillFromAllocationsAsync() => await AddRowsAsync(() => Queries.AllocationRowsAsync(Monday), "your allocations");

    private async Task AddRowsAsync(Func<Task<IReadOnlyList<RowOptionDto>>> read, string source)
    {
        var rows = await read();
        var before = _rows.Count;
        foreach (var row in rows)
        {
            Add(row);
        }

        _message = rows.Count == 0 ? $"Nothing to take from {source}." : $"{_rows.Count - before} row(s) added from {source}.";
    }

    private async Task<IEnumerable<LoggableCampaignDto>> SearchAsync(string? term, CancellationToken cancellationToken) =>
        await Queries.SearchCampaignsAsync(term, cancellationToken);

    private async Task StepAsync(Func<Task<StepResult>> step, string done)
    {
        _busy = true;
        try
        {
            var result = await step();
            _message = result.Succeeded ? done : null;
            _error = result.Error;
            if (result.Succeeded)
            {
                await LoadAsync();
                _message = done;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task SubmitAsync() => StepAsync(() => Commands.SubmitWeekAsync(Monday), "Week submitted for approval.");

    private Task StartTimerAsync(GridRow row) => StepAsync(() => Commands.StartTimerAsync(row.CampaignId, row.PhaseId), "Timer started.");

    private Task StopTimerAsync() => StepAsync(() => Commands.StopTimerAsync(), "Timer stopped; its time is in today's cell.");

    private Task UnlockAsync() => StepAsync(() => Commands.UnlockAsync(_week!.EmployeeId, Monday, _unlockReason), "Week unlocked.");

    private Task BookTimeOffAsync()
    {
        var hours = HoursParser.Parse(_offHours);
        if (!hours.Ok || hours.Hours is not { } perDay)
        {
            _offError = hours.Error ?? "Say how many hours a day.";
            return Task.CompletedTask;
        }

        if (_offFrom is not { } from)
        {
            _offError = "Choose the first day.";
            return Task.CompletedTask;
        }

        _offError = null;
        var first = PickerDates.FromPicker(from);
        var last = PickerDates.FromPicker(_offTo) ?? first;
        return StepAsync(() => Commands.AddTimeOffAsync(new TimeOffRequest(_offKind, first, last, perDay, _offNote, _offWeekends)),
            "Time off booked as drafts: submit each week with its time to have it approved.");
    }

    private Task RemoveTimeOffAsync(TimeOffDto off) => StepAsync(() => Commands.RemoveTimeOffAsync(off.Id), "Time off removed.");

    private static string Show(decimal? hours) => hours is { } h ? HoursParser.Format(h) : "";

    private static string Day(DateOnly day) => day.ToString("ddd d", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _saves.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    /// <summary>A row as the grid holds it while the person types.</summary>
    private sealed class GridRow
    {
        public Guid CampaignId { get; init; }

        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public Guid? PhaseId { get; init; }

        public string? PhaseName { get; init; }

        /// <summary>What the row's new cells start as: its campaign's default, or its first entry's.</summary>
        public bool Billable { get; init; } = true;

        public GridCell[] Cells { get; init; } = [];

        public decimal Total => Cells.Sum(c => c.Hours ?? 0);

        public static GridRow From(WeekRowDto row) => new()
        {
            CampaignId = row.CampaignId, Code = row.CampaignCode, Name = row.CampaignName, PhaseId = row.PhaseId,
            PhaseName = row.PhaseName, Billable = row.Billable, Cells = [.. row.Cells.Select(GridCell.From)],
        };

        public static GridRow Empty(RowOptionDto option, DateOnly monday) => new()
        {
            CampaignId = option.CampaignId, Code = option.CampaignCode, Name = option.CampaignName, PhaseId = option.PhaseId,
            PhaseName = option.PhaseName, Billable = option.Billable,
            Cells = [.. Enumerable.Range(0, 7).Select(d => GridCell.From(new CellDto(monday.AddDays(d), null, null, null, "draft", 0, null)))],
        };
    }

    /// <summary>A cell: the entry behind it (id and version), what it shows and what went wrong.</summary>
    private sealed class GridCell
    {
        public DateOnly Date { get; init; }

        public Guid? EntryId { get; set; }

        public uint Version { get; set; }

        public decimal? Hours { get; set; }

        public string? Note { get; set; }

        public string Status { get; set; } = "draft";

        public bool Billable { get; set; } = true;

        public string Text { get; set; } = "";

        public string? Error { get; set; }

        /// <summary>The hours last asked for: saved, or on their way.</summary>
        public decimal? Wanted { get; set; }

        /// <summary>The note last asked for.</summary>
        public string? WantedNote { get; set; }

        public bool Editable => Status is "draft" or "rejected";

        public static GridCell From(CellDto cell)
        {
            var grid = new GridCell { Date = cell.Date };
            grid.Take(cell);
            return grid;
        }

        public void Take(CellDto cell)
        {
            EntryId = cell.EntryId;
            Version = cell.Version;
            Hours = cell.Hours;
            Wanted = cell.Hours;
            Note = cell.Note;
            WantedNote = cell.Note;
            Status = cell.Status;
            Billable = cell.Billable;
            Text = Show(cell.Hours);
            Error = null;
        }
    }
}
