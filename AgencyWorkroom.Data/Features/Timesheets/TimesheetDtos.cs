namespace AgencyWorkroom.Data.Features.Timesheets;

/// <summary>One day of a row: the entry behind it (none yet: no id), its hours, note and state.</summary>
/// <param name="Version">The entry's <c>xmin</c> when read: a save sends it back, and a newer one means another tab or person saved in between.</param>
/// <param name="Billable">The entry's own (it starts as its campaign's billable_by_default, 030).</param>
public sealed record CellDto(
    DateOnly Date, Guid? EntryId, decimal? Hours, string? Note, string Status, uint Version, string? RejectionReason, bool Billable = true)
{
    /// <summary>Only draft and rejected time may change (021).</summary>
    public bool Editable => Status is "draft" or "rejected";
}

/// <summary>A row of the week: one campaign and phase, Monday to Sunday.</summary>
public sealed record WeekRowDto(
    Guid CampaignId, string CampaignCode, string CampaignName, Guid? PhaseId, string? PhaseName, bool Billable, IReadOnlyList<CellDto> Cells)
{
    public decimal Total => Cells.Sum(c => c.Hours ?? 0);

    public string Key => RowKey(CampaignId, PhaseId);

    public static string RowKey(Guid campaignId, Guid? phaseId) => $"{campaignId:N}/{phaseId:N}";
}

/// <summary>A person's time off of one day (holiday, sick, leave).</summary>
public sealed record TimeOffDto(Guid Id, DateOnly Date, string Kind, decimal Hours, string Status, string? Note);

/// <summary>Time off to book over a range of days: one draft entry a day (weekends only when asked),
/// submitted with its week and approved like time.</summary>
public sealed record TimeOffRequest(string Kind, DateOnly From, DateOnly To, decimal HoursPerDay, string? Note = null, bool IncludeWeekends = false)
{
    public static readonly IReadOnlyList<string> Kinds = ["holiday", "sick", "leave"];

    /// <summary>What is wrong with the request before the database is asked, or null.</summary>
    public string? Problem =>
        !Kinds.Contains(Kind) ? "Choose holiday, sick or leave."
        : To < From ? "The last day comes before the first."
        : To.DayNumber - From.DayNumber > 365 ? "Book at most a year at a time."
        : HoursPerDay is <= 0 or > 24 ? "Hours per day are between 0:15 and 24:00."
        : null;
}

/// <summary>The week's state: its lock, finance's sign-off, the last unlock and why.</summary>
public sealed record WeekStateDto(bool Locked, DateTimeOffset? SignedOffAt, DateTimeOffset? UnlockedAt, string? UnlockReason)
{
    public static readonly WeekStateDto Open = new(false, null, null, null);
}

/// <summary>The running timer: its row and since when.</summary>
public sealed record TimerDto(Guid CampaignId, Guid? PhaseId, DateTimeOffset StartedAt);

/// <summary>One person's week: rows, time off, capacity and state.</summary>
/// <param name="Capacity">The week's capacity less its approved time off (agency.net_capacity, as the capacity grid).</param>
public sealed record WeekDto(
    Guid EmployeeId, string FullName, DateOnly WeekStart, IReadOnlyList<WeekRowDto> Rows, IReadOnlyList<TimeOffDto> TimeOff,
    decimal Capacity, WeekStateDto State, TimerDto? Timer, bool IsMine)
{
    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(WeekStart.AddDays);

    public decimal Total => Rows.Sum(r => r.Total);

    public decimal DayTotal(DateOnly day) =>
        Rows.Sum(r => r.Cells.Where(c => c.Date == day).Sum(c => c.Hours ?? 0)) + TimeOff.Where(t => t.Date == day).Sum(t => t.Hours);

    /// <summary>Draft or rejected time that submitting would send.</summary>
    public bool CanSubmit => IsMine && !State.Locked && Rows.Any(r => r.Cells.Any(c => c.EntryId is not null && c.Editable));

    /// <summary>The reasons of rejected time, to show above the grid.</summary>
    public IEnumerable<string> Rejections =>
        Rows.SelectMany(r => r.Cells).Where(c => c.Status == "rejected" && c.RejectionReason is not null)
            .Select(c => c.RejectionReason!).Distinct();
}

/// <summary>A changed cell to save. <paramref name="Hours"/> null or 0 clears it.</summary>
/// <param name="Billable">Null: a new entry takes its campaign's default (030) and a saved one keeps its own.</param>
/// <param name="EntryId">The entry the cell showed (none for an empty cell).</param>
/// <param name="Version">The version the cell was read at; the save refuses to overwrite a newer one.</param>
public sealed record CellChange(
    Guid CampaignId, Guid? PhaseId, DateOnly Date, decimal? Hours, string? Note, Guid? EntryId, uint? Version, bool? Billable = null)
{
    public string RowKey => WeekRowDto.RowKey(CampaignId, PhaseId);
}

/// <summary>How one cell's save ended: saved (the cell as it is now), a conflict (the value someone
/// else saved, which the grid shows beside what was typed), or refused with the database's reason.</summary>
public sealed record CellOutcome(CellChange Change, CellDto? Saved, string? Error, CellDto? Theirs = null)
{
    public bool Succeeded => Error is null;

    public bool IsConflict => Theirs is not null;
}

/// <summary>A campaign the person may log to, with its open phases.</summary>
public sealed record LoggableCampaignDto(Guid Id, string Code, string Name, bool OnTeam, IReadOnlyList<PhaseOptionDto> Phases, bool BillableByDefault = true);

public sealed record PhaseOptionDto(Guid Id, string Name);

/// <summary>A row to add to the grid (copied from last week, or from an allocation).</summary>
/// <param name="Billable">The campaign's billable_by_default: what the row's new cells start as.</param>
public sealed record RowOptionDto(
    Guid CampaignId, string CampaignCode, string CampaignName, Guid? PhaseId, string? PhaseName, decimal? AllocatedHours = null, bool Billable = true);

/// <summary>A person-week waiting for the caller (agency.timesheet_weeks_awaiting_me).</summary>
/// <param name="Stage">approve (submitted time) or sign_off (finance's step).</param>
public sealed record ApprovalWeekDto(
    Guid EmployeeId, string FullName, DateOnly WeekStart, string Stage, long Entries, decimal Hours, decimal Capacity, DateTimeOffset? SubmittedAt)
{
    public bool OverCapacity => Hours > Capacity;

    /// <summary>Under three quarters of capacity.</summary>
    public bool UnderCapacity => Capacity > 0 && Hours < Capacity * 0.75m;
}

/// <summary>One entry of an export.</summary>
public sealed record TimesheetExportRow(
    DateOnly Date, string Person, string CampaignCode, string CampaignName, string? Phase, decimal Hours, bool Billable, string Status, string? Note);

/// <summary>What an export takes: a range and, optionally, one person or one campaign.</summary>
public sealed record TimesheetExportFilter(DateOnly From, DateOnly To, Guid? EmployeeId = null, Guid? CampaignId = null);

/// <summary>A step on whole person-weeks (submit, approve, reject, unlock, sign off): done, or why not.</summary>
public sealed record StepResult(int Changed, string? Error)
{
    public bool Succeeded => Error is null;

    public static StepResult Done(int changed) => new(changed, null);

    public static StepResult Refused(string error) => new(0, error);
}

/// <summary>A person the team view may show.</summary>
public sealed record PersonOptionDto(Guid Id, string FullName);
