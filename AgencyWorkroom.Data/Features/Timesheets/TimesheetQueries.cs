using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Timesheets;

public interface ITimesheetQueries
{
    /// <summary>A person's week (the caller's when <paramref name="employeeId"/> is null). Another
    /// person's week reads as row-level security lets the caller (pm, finance, leadership: all; others: nothing).</summary>
    Task<WeekDto?> GetWeekAsync(DateOnly week, Guid? employeeId = null, CancellationToken cancellationToken = default);

    /// <summary>Campaigns the caller may log to (open, and on its team or allocated to it), by part of the name or code.</summary>
    Task<IReadOnlyList<LoggableCampaignDto>> SearchCampaignsAsync(string? term, CancellationToken cancellationToken = default);

    /// <summary>The rows of the caller's week before <paramref name="week"/> whose campaign and phase are still open.</summary>
    Task<IReadOnlyList<RowOptionDto>> LastWeekRowsAsync(DateOnly week, CancellationToken cancellationToken = default);

    /// <summary>The caller's allocations of <paramref name="week"/>, as rows.</summary>
    Task<IReadOnlyList<RowOptionDto>> AllocationRowsAsync(DateOnly week, CancellationToken cancellationToken = default);

    /// <summary>The person-weeks waiting for the caller, by person then week: the one function
    /// (agency.timesheet_weeks_awaiting_me) that the dashboard tile and the bell count.</summary>
    Task<IReadOnlyList<ApprovalWeekDto>> ApprovalsAsync(int limit = TimesheetQueries.ApprovalsPage, CancellationToken cancellationToken = default);

    /// <summary>People whose weeks the caller may read (everyone for pm, finance, leadership; else the caller).</summary>
    Task<IReadOnlyList<PersonOptionDto>> TeamAsync(CancellationToken cancellationToken = default);

    /// <summary>Entries of a range the caller may read, oldest first (capped at <see cref="TimesheetQueries.ExportLimit"/>).</summary>
    Task<IReadOnlyList<TimesheetExportRow>> ExportAsync(TimesheetExportFilter filter, CancellationToken cancellationToken = default);
}

/// <summary>
/// The timesheet screens' reads, each one unit of work under the caller's policies: who may read
/// whose time is row-level security's (003, 007), not this class's.
/// </summary>
public sealed class TimesheetQueries(UnitOfWork unitOfWork, ISessionContextSource session) : ITimesheetQueries
{
    public const int ApprovalsPage = 100;
    public const int ExportLimit = 50_000;
    public const int SearchLimit = 20;

    private static readonly string[] OpenStatuses = ["planning", "active", "on_hold"];

    public Task<WeekDto?> GetWeekAsync(DateOnly week, Guid? employeeId = null, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var person = employeeId ?? me;
            var monday = Weeks.StartOf(week);
            return await ReadWeekAsync(db, person, monday, person == me, ct);
        }, cancellationToken);

    /// <summary>The week as the grid shows it; shared with the commands, which answer with the cells they saved.</summary>
    internal static async Task<WeekDto?> ReadWeekAsync(WorkroomDbContext db, Guid person, DateOnly monday, bool mine, CancellationToken ct)
    {
        var employee = await db.Set<Employee>().AsNoTracking()
            .Where(e => e.Id == person)
            .Select(e => new { e.FullName })
            .SingleOrDefaultAsync(ct);
        if (employee is null)
        {
            return null;
        }

        var entries = await (
            from t in db.Set<TimesheetEntry>().AsNoTracking()
            join c in db.Set<Campaign>() on t.CampaignId equals c.Id
            join p in db.Set<CampaignPhase>() on t.PhaseId equals p.Id into phases
            from p in phases.DefaultIfEmpty()
            where t.EmployeeId == person && t.WeekStartDate == monday
            orderby c.Code, p.SortOrder, t.EntryDate, t.CreatedAt
            select new { t.Id, t.CampaignId, c.Code, c.Name, t.PhaseId, PhaseName = p == null ? null : p.Name, t.EntryDate, t.Hours,
                         t.Description, t.Status, t.Version, t.RejectionReason, t.Billable }).ToListAsync(ct);
        var timeOff = await db.Set<TimeOffEntry>().AsNoTracking()
            .Where(o => o.EmployeeId == person && o.WeekStartDate == monday)
            .OrderBy(o => o.EntryDate)
            .Select(o => new TimeOffDto(o.Id, o.EntryDate, o.Kind, o.Hours, o.Status, o.Description))
            .ToListAsync(ct);
        // Locked as the rules judge it (021: a kept lock, or every part approved), not only by the kept row.
        var locked = await db.Database.SqlQuery<bool>($"select agency.week_locked({person}, {monday}) as \"Value\"").SingleAsync(ct);
        var state = (await db.Set<TimesheetWeek>().AsNoTracking()
            .Where(w => w.EmployeeId == person && w.WeekStartDate == monday)
            .Select(w => new WeekStateDto(w.LockedAt != null, w.SignedOffAt, w.UnlockedAt, w.UnlockReason))
            .SingleOrDefaultAsync(ct) ?? WeekStateDto.Open) with { Locked = locked };
        var timer = mine
            ? await db.Set<TimesheetTimer>().AsNoTracking().Where(t => t.EmployeeId == person)
                .Select(t => new TimerDto(t.CampaignId, t.PhaseId, t.StartedAt)).SingleOrDefaultAsync(ct)
            : null;

        var rows = entries
            .GroupBy(e => (e.CampaignId, e.PhaseId))
            .Select(g =>
            {
                var first = g.First();
                var cells = Enumerable.Range(0, 7).Select(d =>
                {
                    var day = monday.AddDays(d);
                    var onDay = g.Where(e => e.EntryDate == day).ToList();
                    if (onDay.Count == 0)
                    {
                        return new CellDto(day, null, null, null, "draft", 0, null);
                    }

                    // Two entries in one cell (imported history): shown together, changed by neither.
                    var e = onDay[0];
                    return onDay.Count == 1
                        ? new CellDto(day, e.Id, e.Hours, e.Description, e.Status, e.Version, e.RejectionReason, e.Billable)
                        : new CellDto(day, e.Id, onDay.Sum(x => x.Hours), e.Description, "split", e.Version, null, e.Billable);
                }).ToList();
                return new WeekRowDto(first.CampaignId, first.Code, first.Name, first.PhaseId, first.PhaseName, first.Billable, cells);
            })
            .ToList();
        // The week's capacity from the person's history less its approved time off: the capacity grid's
        // rules (029: agency.weekly_capacity and agency.net_capacity), not a second reckoning here.
        var capacity = await db.Database.SqlQuery<decimal>(
            $"""
            select agency.net_capacity(agency.weekly_capacity(agency.current_tenant_id(), {person}, {monday}),
                                       (select sum(o.hours) from agency.time_off_entries o
                                        where o.employee_id = {person} and o.week_start_date = {monday} and o.status = 'approved')) as "Value"
            """).SingleAsync(ct);
        return new WeekDto(person, employee.FullName, monday, rows, timeOff, capacity, state, timer, mine);
    }

    public Task<IReadOnlyList<LoggableCampaignDto>> SearchCampaignsAsync(string? term, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<LoggableCampaignDto>>(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var pattern = string.IsNullOrWhiteSpace(term) ? null : SearchPattern.Contains(term);
            var campaigns = Loggable(db, me);
            if (pattern is not null)
            {
                campaigns = campaigns.Where(c => EF.Functions.ILike(c.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.Code, pattern, SearchPattern.Escape));
            }

            var found = await campaigns
                .OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Take(SearchLimit)
                .Select(c => new
                {
                    c.Id, c.Code, c.Name, c.BillableByDefault,
                    OnTeam = db.Set<CampaignTeamMember>().Any(m => m.CampaignId == c.Id && m.EmployeeId == me),
                })
                .ToListAsync(ct);
            var ids = found.Select(c => c.Id).ToList();
            var phases = await db.Set<CampaignPhase>().AsNoTracking()
                .Where(p => ids.Contains(p.CampaignId) && p.Status != "completed")
                .OrderBy(p => p.SortOrder).ThenBy(p => p.StartDate)
                .Select(p => new { p.CampaignId, p.Id, p.Name })
                .ToListAsync(ct);
            return found.Select(c => new LoggableCampaignDto(c.Id, c.Code, c.Name, c.OnTeam,
                phases.Where(p => p.CampaignId == c.Id).Select(p => new PhaseOptionDto(p.Id, p.Name)).ToList(), c.BillableByDefault)).ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<RowOptionDto>> LastWeekRowsAsync(DateOnly week, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<RowOptionDto>>(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var previous = Weeks.StartOf(week).AddDays(-7);
            return await (
                from t in db.Set<TimesheetEntry>()
                join c in Loggable(db, me) on t.CampaignId equals c.Id
                join p in db.Set<CampaignPhase>() on t.PhaseId equals p.Id into phases
                from p in phases.DefaultIfEmpty()
                where t.EmployeeId == me && t.WeekStartDate == previous && (p == null || p.Status != "completed")
                select new RowOptionDto(t.CampaignId, c.Code, c.Name, t.PhaseId, p == null ? null : p.Name, null, c.BillableByDefault))
                .Distinct().ToListAsync(ct);
        }, cancellationToken);

    public Task<IReadOnlyList<RowOptionDto>> AllocationRowsAsync(DateOnly week, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<RowOptionDto>>(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var monday = Weeks.StartOf(week);
            return await (
                from a in db.Set<TeamAllocation>()
                join c in db.Set<Campaign>() on a.CampaignId equals c.Id
                where a.EmployeeId == me && a.WeekStartDate == monday && c.DeletedAt == null && OpenStatuses.Contains(c.Status)
                orderby c.Code
                select new RowOptionDto(c.Id, c.Code, c.Name, null, null, a.Hours, c.BillableByDefault)).ToListAsync(ct);
        }, cancellationToken);

    public Task<IReadOnlyList<ApprovalWeekDto>> ApprovalsAsync(int limit = ApprovalsPage, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ApprovalWeekDto>>(async (db, ct) =>
            (await db.Database.SqlQuery<ApprovalRow>($"""
                select w.employee_id, e.full_name, w.week_start_date as week_start, w.stage, w.entries, w.hours,
                       agency.weekly_capacity(e.tenant_id, e.id, w.week_start_date) as capacity, w.submitted_at
                from agency.timesheet_weeks_awaiting_me() w
                join agency.employees e on e.tenant_id = agency.current_tenant_id() and e.id = w.employee_id
                order by e.full_name, w.employee_id, w.week_start_date, w.stage
                limit {limit}
                """).ToListAsync(ct))
            .Select(r => new ApprovalWeekDto(r.EmployeeId, r.FullName, r.WeekStart, r.Stage, r.Entries, r.Hours, r.Capacity, r.SubmittedAt))
            .ToList(), cancellationToken);

    public Task<IReadOnlyList<PersonOptionDto>> TeamAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<PersonOptionDto>>(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var seesAll = await db.Database.SqlQuery<bool>($"select agency.sees_all_timesheets() as \"Value\"").SingleAsync(ct);
            return await db.Set<Employee>()
                .Where(e => e.DeletedAt == null && e.Active && (seesAll || e.Id == me))
                .OrderBy(e => e.FullName).ThenBy(e => e.Id)
                .Select(e => new PersonOptionDto(e.Id, e.FullName))
                .ToListAsync(ct);
        }, cancellationToken);

    public Task<IReadOnlyList<TimesheetExportRow>> ExportAsync(TimesheetExportFilter filter, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<TimesheetExportRow>>(async (db, ct) =>
        {
            var query =
                from t in db.Set<TimesheetEntry>()
                join e in db.Set<Employee>() on t.EmployeeId equals e.Id
                join c in db.Set<Campaign>() on t.CampaignId equals c.Id
                join p in db.Set<CampaignPhase>() on t.PhaseId equals p.Id into phases
                from p in phases.DefaultIfEmpty()
                where t.EntryDate >= filter.From && t.EntryDate <= filter.To
                      && (filter.EmployeeId == null || t.EmployeeId == filter.EmployeeId)
                      && (filter.CampaignId == null || t.CampaignId == filter.CampaignId)
                orderby t.EntryDate, e.FullName, c.Code, t.Id
                select new TimesheetExportRow(t.EntryDate, e.FullName, c.Code, c.Name, p == null ? null : p.Name, t.Hours, t.Billable, t.Status, t.Description);
            return await query.Take(ExportLimit).ToListAsync(ct);
        }, cancellationToken);

    // Open campaigns the person is on the team of or allocated to.
    private static IQueryable<Campaign> Loggable(WorkroomDbContext db, Guid me) =>
        db.Set<Campaign>().AsNoTracking().Where(c =>
            c.DeletedAt == null && OpenStatuses.Contains(c.Status)
            && (db.Set<CampaignTeamMember>().Any(m => m.CampaignId == c.Id && m.EmployeeId == me)
                || db.Set<TeamAllocation>().Any(a => a.CampaignId == c.Id && a.EmployeeId == me)));

    // A row of timesheet_weeks_awaiting_me with its person, as the snake_case convention maps it.
    private sealed class ApprovalRow
    {
        public Guid EmployeeId { get; init; }

        public string FullName { get; init; } = "";

        public DateOnly WeekStart { get; init; }

        public string Stage { get; init; } = "";

        public long Entries { get; init; }

        public decimal Hours { get; init; }

        public decimal Capacity { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }
    }
}
