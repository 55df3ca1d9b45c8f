using AgencyWorkroom.Data.Features.Common;

namespace AgencyWorkroom.Data.Features.Capacity;

/// <summary>
/// What the capacity grid shows: weeks from <see cref="From"/> (a Monday), people and placeholders
/// narrowed by the filters. <see cref="MinFree"/> keeps people with at least that many hours free in
/// some week of the range (tentative work counting as booked when <see cref="IncludeTentative"/>).
/// </summary>
public sealed record CapacityFilter(
    DateOnly From,
    int Weeks = CapacityFilter.DefaultWeeks,
    string? Department = null,
    string? Role = null,
    Guid? CampaignId = null,
    Guid? ClientId = null,
    string? Skill = null,
    decimal? MinFree = null,
    bool IncludeTentative = true,
    CapacityGrouping Grouping = CapacityGrouping.Department)
{
    public const int DefaultWeeks = 12;
    public const int MaxWeeks = 26;

    /// <summary>The people whose cells come with the grid: the first screenful and the rows drawn
    /// around it (38 px rows, about 20 on a screen, 8 more each side); the rest as they scroll in.</summary>
    public const int FirstRows = 48;

    public DateOnly Monday => Common.Weeks.StartOf(From);

    public int WeekCount => Math.Clamp(Weeks, 1, MaxWeeks);

    public DateOnly LastMonday => Monday.AddDays(7 * (WeekCount - 1));

    /// <summary>Filters that only people have: placeholders are left out while one is set.</summary>
    public bool NarrowsPeopleOnly => Role is not null || Skill is not null || MinFree is not null;
}

/// <summary>One person's week: capacity from their history, approved time off, and what is booked.</summary>
/// <param name="Capacity">agency.weekly_capacities: the week's hours from the person's capacity periods.</param>
/// <param name="Available">agency.net_capacity: capacity less approved time off, never below 0.</param>
/// <param name="Firm">Allocated hours that are not tentative.</param>
/// <param name="Logged">Hours logged that week, where the caller may read them (pm, finance, leadership); else null.</param>
/// <param name="AfterCampaignEnd">Some of the week's hours are on a campaign that ended before the week began.</param>
public sealed record CapacityCellDto(
    DateOnly Week, decimal Capacity, decimal TimeOff, decimal Available, decimal Firm, decimal Tentative, decimal? Logged, bool AfterCampaignEnd)
{
    public decimal Allocated(bool includeTentative) => Firm + (includeTentative ? Tentative : 0);

    public decimal Free(bool includeTentative) => Available - Allocated(includeTentative);

    public bool OverBooked(bool includeTentative) => Allocated(includeTentative) > Available;

    /// <summary>Booked in a week with approved time off.</summary>
    public bool OnLeave => TimeOff > 0 && Firm + Tentative > 0;

    public bool HasConflict(bool includeTentative) => OverBooked(includeTentative) || OnLeave || AfterCampaignEnd;

    /// <summary>Booked over available, for the heat map (0 free, 1 full, above 1 over-booked; 2 when nothing is available but work is booked).</summary>
    public decimal Load(bool includeTentative) =>
        Available > 0 ? Allocated(includeTentative) / Available : Allocated(includeTentative) > 0 ? 2m : 0m;
}

/// <summary>A person's row; <see cref="Cells"/> is empty until the row is loaded (it comes within the
/// grid's first rows, or from <see cref="ICapacityQueries.RowsAsync"/> as it scrolls into view).</summary>
public sealed record CapacityRowDto(
    Guid EmployeeId, string FullName, string? Department, string AgencyRole, string? Title, IReadOnlyList<string> Skills,
    IReadOnlyList<CapacityCellDto> Cells)
{
    public bool Loaded => Cells.Count > 0;

    public decimal Allocated(bool includeTentative) => Cells.Sum(c => c.Allocated(includeTentative));

    public decimal Available => Cells.Sum(c => c.Available);

    public string Group(CapacityGrouping grouping) => grouping == CapacityGrouping.Role
        ? AgencyRoles.Label(AgencyRole)
        : string.IsNullOrWhiteSpace(Department) ? "No department" : Department;
}

public enum CapacityGrouping
{
    Department,
    Role,
}

public sealed record PlaceholderCellDto(DateOnly Week, decimal Hours, bool Tentative);

/// <summary>A role not yet staffed on a campaign, with its weeks in the range.</summary>
public sealed record PlaceholderRowDto(
    Guid Id, Guid CampaignId, string CampaignCode, string CampaignName, string RoleName, string? Department,
    IReadOnlyList<PlaceholderCellDto> Cells)
{
    public decimal Allocated(bool includeTentative) => Cells.Where(c => includeTentative || !c.Tentative).Sum(c => c.Hours);
}

/// <summary>One week of everyone who matches the filters (loaded on screen or not).</summary>
public sealed record CapacityWeekTotalDto(DateOnly Week, decimal Capacity, decimal Available, decimal Firm, decimal Tentative)
{
    public decimal Allocated(bool includeTentative) => Firm + (includeTentative ? Tentative : 0);
}

/// <summary>
/// The grid: every person who matches the filters, in display order (grouped as the filter says),
/// with the cells of the first <see cref="CapacityFilter.FirstRows"/> (the rest load as they scroll
/// in), the week totals of them all, and the placeholders.
/// </summary>
public sealed record CapacityGridDto(
    CapacityFilter Filter, IReadOnlyList<DateOnly> Weeks, IReadOnlyList<CapacityRowDto> People, IReadOnlyList<PlaceholderRowDto> Placeholders,
    IReadOnlyList<CapacityWeekTotalDto> Totals)
{
    public decimal WeekAllocated(int week, bool includeTentative) =>
        Totals[week].Allocated(includeTentative) + Placeholders.Sum(p => p.Cells[week].Tentative && !includeTentative ? 0 : p.Cells[week].Hours);

    public decimal WeekAvailable(int week) => Totals[week].Available;
}

/// <summary>One allocation, as the cell's editor shows it.</summary>
public sealed record AllocationDto(
    Guid Id, Guid EmployeeId, Guid CampaignId, string CampaignCode, string CampaignName, DateOnly Week, decimal Hours, bool Tentative,
    DateOnly? CampaignEnd, string? Notes, uint Version)
{
    public bool AfterCampaignEnd => CampaignEnd is { } end && end < Week;
}

/// <summary>Planned against logged, for one person on one campaign in one week.</summary>
public sealed record PlannedActualDto(
    Guid EmployeeId, string FullName, Guid CampaignId, string CampaignCode, string CampaignName, decimal Planned, decimal Logged)
{
    public decimal Difference => Logged - Planned;
}

public sealed record CapacityOptionsDto(
    IReadOnlyList<string> Departments, IReadOnlyList<string> Skills, IReadOnlyList<OptionDto> Clients, IReadOnlyList<CampaignOptionDto> Campaigns,
    IReadOnlyList<OptionDto> People);

public sealed record CampaignOptionDto(Guid Id, string Code, string Name, DateOnly? EndDate);

/// <summary>A capacity period as the person's history lists it.</summary>
public sealed record CapacityPeriodDto(Guid Id, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, decimal WeeklyHours, string? Note);

/// <summary>One person's week on a campaign (its staffing tab): planned there against logged there, and the
/// person's whole week beside it for the conflicts.</summary>
/// <param name="Booked">Everything the person is allocated that week, on any campaign.</param>
/// <param name="Available">Capacity less approved time off (agency.net_capacity).</param>
/// <param name="AfterCampaignEnd">Planned on the campaign in a week that begins after its end date.</param>
public sealed record StaffingCellDto(
    Guid EmployeeId, string FullName, DateOnly Week, decimal Planned, bool Tentative, decimal Logged, decimal Booked, decimal Available,
    decimal TimeOff, bool AfterCampaignEnd)
{
    public decimal Difference => Logged - Planned;

    /// <summary>Booked on all campaigns beyond what the person has that week, while planned here.</summary>
    public bool OverBooked => Planned > 0 && Booked > Available;

    public bool OnLeave => Planned > 0 && TimeOff > 0;

    public bool HasConflict => OverBooked || OnLeave || AfterCampaignEnd;
}

/// <summary>A person's utilization target from a date until the next one (0 to 1).</summary>
public sealed record UtilizationTargetDto(Guid Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, decimal Target, string? Note);

/// <summary>A person's targets by period; <see cref="TenantTarget"/> applies before the first and to anyone without one.</summary>
public sealed record UtilizationTargetsDto(decimal TenantTarget, IReadOnlyList<UtilizationTargetDto> Periods);
