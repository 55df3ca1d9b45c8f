using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Capacity;

public interface ICapacityQueries
{
    /// <summary>People × weeks: capacity net of approved time off against what is booked, and the placeholders.</summary>
    Task<CapacityGridDto> GridAsync(CapacityFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The rows of the people given (as they scroll into view), with their cells, in the order given.</summary>
    Task<IReadOnlyList<CapacityRowDto>> RowsAsync(CapacityFilter filter, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken = default);

    /// <summary>A person's allocations in a range of weeks, for the cell's editor.</summary>
    Task<IReadOnlyList<AllocationDto>> AllocationsAsync(Guid employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Planned against logged per person and campaign for one week (a past or the current one);
    /// one campaign's team when <paramref name="campaignId"/> is given. Logged as far as the caller may read time.</summary>
    Task<IReadOnlyList<PlannedActualDto>> PlannedVsActualAsync(DateOnly week, Guid? campaignId = null, CancellationToken cancellationToken = default);

    /// <summary>A campaign's staffing: planned (allocated on it) against logged (on it) per person and week, for the
    /// last <paramref name="weeks"/> weeks up to this one (from the campaign's start), for its team and anyone booked
    /// or logging there; with each person's whole week beside it, for the conflicts.</summary>
    Task<IReadOnlyList<StaffingCellDto>> CampaignStaffingAsync(Guid campaignId, int weeks = 8, CancellationToken cancellationToken = default);

    /// <summary>The filters' and the allocation dialog's choices.</summary>
    Task<CapacityOptionsDto> OptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>A person's utilization targets by period, oldest first, and the tenant's target that applies outside them.</summary>
    Task<UtilizationTargetsDto> UtilizationTargetsAsync(Guid employeeId, CancellationToken cancellationToken = default);

    /// <summary>The target in force for the person on the day (agency.utilization_target_for).</summary>
    Task<decimal?> UtilizationTargetAsync(Guid employeeId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>The person's skills (their tags), for the person's capacity settings.</summary>
    Task<IReadOnlyList<string>> SkillsAsync(Guid employeeId, CancellationToken cancellationToken = default);

    /// <summary>A person's capacity history, oldest first.</summary>
    Task<IReadOnlyList<CapacityPeriodDto>> CapacityHistoryAsync(Guid employeeId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The capacity screen's reads, each one unit of work under the caller's policies. The weeks'
/// capacity and its net of time off are the database's rules (029: agency.weekly_capacities and
/// agency.net_capacity); bookings come from the people's-week bookings summary (035). The grid
/// reckons the cells of the rows on screen only, and the week totals of everyone who matches the
/// filters without their cells: at ×20 (1,270 people × 12 weeks) reckoning all 15,240 cells and
/// summing 30,095 allocations took 190-270 ms of SQL a render (decision 018).
/// </summary>
public sealed class CapacityQueries(UnitOfWork unitOfWork) : ICapacityQueries
{
    private static readonly string[] OpenStatuses = ["planning", "active", "on_hold"];

    public Task<CapacityGridDto> GridAsync(CapacityFilter filter, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var weeks = WeeksOf(filter);
            var found = await PeopleAsync(db, filter, ct);
            if (filter.MinFree is { } minFree)
            {
                // Free time is a property of every cell: the database reckons everyone's cells and sends
                // back only who has a week free enough (CapacityCellDto.Free's rule over the same cells).
                var includeTentative = filter.IncludeTentative;
                var free = (await CellQuery(db, filter, found.Select(p => p.EmployeeId).ToArray())
                    .Where(c => c.Available - c.Firm - (includeTentative ? c.Tentative : 0m) >= minFree)
                    .Select(c => c.EmployeeId).Distinct().ToListAsync(ct)).ToHashSet();
                found = found.Where(p => free.Contains(p.EmployeeId)).ToList();
            }

            // The cells of the first rows only; the totals of everyone kept from the summaries (035).
            var first = await CellsAsync(db, filter, found.Take(CapacityFilter.FirstRows).ToList(), ct);
            IReadOnlyList<CapacityRowDto> people = [.. first, .. found.Skip(CapacityFilter.FirstRows)];
            var totals = await TotalsAsync(db, filter, found.Select(p => p.EmployeeId).ToArray(), ct);

            var placeholders = filter.NarrowsPeopleOnly ? [] : await PlaceholdersAsync(db, filter, weeks, ct);
            return new CapacityGridDto(filter, weeks, people, placeholders, totals);
        }, cancellationToken);

    public Task<IReadOnlyList<CapacityRowDto>> RowsAsync(CapacityFilter filter, IReadOnlyCollection<Guid> employeeIds, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<CapacityRowDto>>(async (db, ct) =>
        {
            if (employeeIds.Count == 0)
            {
                return [];
            }

            var ids = employeeIds.ToArray();
            var found = await db.Set<Employee>().AsNoTracking()
                .Where(e => ids.Contains(e.Id))
                .Select(e => new CapacityRowDto(e.Id, e.FullName, e.Department, e.AgencyRole, e.Title, e.Skills, Array.Empty<CapacityCellDto>()))
                .ToListAsync(ct);
            var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            return await CellsAsync(db, filter, found.OrderBy(p => order[p.EmployeeId]).ToList(), ct);
        }, cancellationToken);

    private static List<DateOnly> WeeksOf(CapacityFilter filter) =>
        Enumerable.Range(0, filter.WeekCount).Select(i => filter.Monday.AddDays(7 * i)).ToList();

    /// <summary>Everyone who matches the filters, in the order the grid draws them (by group, then name), without cells.</summary>
    private static async Task<List<CapacityRowDto>> PeopleAsync(WorkroomDbContext db, CapacityFilter filter, CancellationToken ct)
    {
        var from = filter.Monday;
        var to = filter.LastMonday;
        var people = db.Set<Employee>().AsNoTracking().Where(e => e.Active && e.DeletedAt == null);
        if (filter.Department is { } department)
        {
            people = people.Where(e => e.Department == department);
        }

        if (filter.Role is { } role)
        {
            people = people.Where(e => e.AgencyRole == role);
        }

        if (filter.Skill is { } skill)
        {
            people = people.Where(e => e.Skills.Contains(skill));
        }

        if (filter.CampaignId is { } campaign)
        {
            people = people.Where(e => db.Set<TeamAllocation>().Any(a =>
                a.EmployeeId == e.Id && a.CampaignId == campaign && a.WeekStartDate >= from && a.WeekStartDate <= to));
        }

        if (filter.ClientId is { } client)
        {
            people = people.Where(e => db.Set<TeamAllocation>().Any(a =>
                a.EmployeeId == e.Id && a.WeekStartDate >= from && a.WeekStartDate <= to
                && db.Set<Campaign>().Any(c => c.Id == a.CampaignId && c.ClientId == client)));
        }

        var found = await people
            .Select(e => new CapacityRowDto(e.Id, e.FullName, e.Department, e.AgencyRole, e.Title, e.Skills, Array.Empty<CapacityCellDto>()))
            .ToListAsync(ct);
        return found
            .OrderBy(p => p.Group(filter.Grouping), StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.FullName, StringComparer.Ordinal)
            .ThenBy(p => p.EmployeeId)
            .ToList();
    }

    /// <summary>The people given with their cells, every week of the range (see <see cref="CellQuery"/>).</summary>
    private static async Task<List<CapacityRowDto>> CellsAsync(WorkroomDbContext db, CapacityFilter filter, List<CapacityRowDto> people, CancellationToken ct)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var weeks = WeeksOf(filter);
        var cells = await CellQuery(db, filter, people.Select(p => p.EmployeeId).ToArray()).ToListAsync(ct);
        var byPerson = cells.ToLookup(c => c.EmployeeId);
        return people.Select(p =>
        {
            var mine = byPerson[p.EmployeeId].ToDictionary(c => c.Week);
            return p with
            {
                Cells = weeks.Select(w => mine.TryGetValue(w, out var c)
                    ? new CapacityCellDto(w, c.Capacity, c.TimeOff, c.Available, c.Firm, c.Tentative, c.Logged, c.AfterEnd)
                    : new CapacityCellDto(w, 0, 0, 0, 0, 0, null, false)).ToList(),
            };
        }).ToList();
    }

    /// <summary>The cells of the people given as a query the caller may still filter (one statement in the end):
    /// capacity (agency.weekly_capacities for them alone), approved time off, firm and tentative bookings (the
    /// summary of 035), logged hours where the caller may read them, and whether a booking lies after its
    /// campaign's end. Written as one select around its common table expressions, so EF Core can compose on it.</summary>
    private static IQueryable<CellRow> CellQuery(WorkroomDbContext db, CapacityFilter filter, Guid[] ids)
    {
        var from = filter.Monday;
        var to = filter.LastMonday;
        return db.Database.SqlQuery<CellRow>($"""
            select * from (
            with weeks as (
              select w::date as week from generate_series({from}::date, {to}::date, interval '7 days') w),
            booked as (
              select b.employee_id, b.week_start_date, b.firm_hours, b.tentative_hours
              from agency.employee_week_bookings b
              where b.tenant_id = (select agency.current_tenant_id()) and b.employee_id = any ({ids}) and b.week_start_date between {from} and {to}),
            ended as (
              select distinct a.employee_id, a.week_start_date
              from agency.team_allocations a
              join agency.campaigns c on c.tenant_id = a.tenant_id and c.id = a.campaign_id
              where a.tenant_id = (select agency.current_tenant_id()) and a.employee_id = any ({ids}) and a.week_start_date between {from} and {to}
                and c.end_date < a.week_start_date),
            off as (
              select o.employee_id, o.week_start_date, sum(o.hours) as hours
              from agency.time_off_entries o
              where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'approved' and o.employee_id = any ({ids})
                and o.week_start_date between {from} and {to}
              group by 1, 2),
            logged as (
              select s.employee_id, s.week_start_date, s.total_hours
              from agency.employee_week_hours s
              where s.tenant_id = (select agency.current_tenant_id()) and s.employee_id = any ({ids}) and s.week_start_date between {from} and {to})
            select p.id as employee_id, w.week, coalesce(k.capacity_hours, 0) as capacity, coalesce(o.hours, 0) as time_off,
                   agency.net_capacity(coalesce(k.capacity_hours, 0), o.hours) as available,
                   coalesce(b.firm_hours, 0) as firm, coalesce(b.tentative_hours, 0) as tentative, l.total_hours as logged,
                   e.employee_id is not null as after_end
            from unnest({ids}) as p (id)
            cross join weeks w
            left join agency.weekly_capacities((select agency.current_tenant_id()), {from}, {to}, {ids}) k
              on k.employee_id = p.id and k.week_start_date = w.week
            left join booked b on b.employee_id = p.id and b.week_start_date = w.week
            left join ended e on e.employee_id = p.id and e.week_start_date = w.week
            left join off o on o.employee_id = p.id and o.week_start_date = w.week
            left join logged l on l.employee_id = p.id and l.week_start_date = w.week
            ) cells
            """);
    }

    /// <summary>
    /// The week totals of everyone given, without reckoning their cells: bookings summed from the
    /// summary's week index (12,431 rows at ×20, not 30,095 allocations and their campaigns); capacity
    /// as one week's figure (agency.weekly_capacities for the first week) for the people whose capacity
    /// does not change within the range and who have no approved time off in it, and week by week
    /// (the same function, net of time off) for the few who have. The people are joined as a set
    /// (unnest, hashed), not tested with <c>= any (array)</c>: once Npgsql prepares the statement,
    /// PostgreSQL may switch to a generic plan, where <c>= any</c> over a parameter is a linear
    /// search per row (12,431 bookings × 1,270 people: 250 ms at ×20, against 20 ms planned per call).
    /// </summary>
    private static async Task<IReadOnlyList<CapacityWeekTotalDto>> TotalsAsync(WorkroomDbContext db, CapacityFilter filter, Guid[] ids, CancellationToken ct)
    {
        var from = filter.Monday;
        var to = filter.LastMonday;
        var weeks = WeeksOf(filter);
        if (ids.Length == 0)
        {
            return weeks.Select(w => new CapacityWeekTotalDto(w, 0, 0, 0, 0)).ToList();
        }

        var rows = await db.Database.SqlQuery<TotalRow>($"""
            with weeks as (
              select w::date as week from generate_series({from}::date, {to}::date, interval '7 days') w),
            people as (
              select p.id as employee_id from unnest({ids}) as p (id)),
            booked as (
              select b.week_start_date as week, sum(b.firm_hours) as firm, sum(b.tentative_hours) as tentative
              from agency.employee_week_bookings b
              join people p on p.employee_id = b.employee_id
              where b.tenant_id = (select agency.current_tenant_id()) and b.week_start_date between {from} and {to}
              group by 1),
            off as (
              select o.employee_id, o.week_start_date, sum(o.hours) as hours
              from agency.time_off_entries o
              join people p on p.employee_id = o.employee_id
              where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'approved'
                and o.week_start_date between {from} and {to}
              group by 1, 2),
            changing as (
              select c.employee_id
              from agency.employee_capacity_periods c
              join people p on p.employee_id = c.employee_id
              where c.tenant_id = (select agency.current_tenant_id())
                and c.effective_from > {from} and c.effective_from < {to}::date + 5
              union
              select o.employee_id from off o),
            steady as (
              select coalesce(sum(k.capacity_hours), 0) as hours
              from agency.weekly_capacities((select agency.current_tenant_id()), {from}, {from}, null) k
              join people p on p.employee_id = k.employee_id
              where k.employee_id not in (select c.employee_id from changing c)),
            exact as (
              select k.week_start_date as week, sum(k.capacity_hours) as capacity, sum(agency.net_capacity(k.capacity_hours, o.hours)) as available
              from agency.weekly_capacities((select agency.current_tenant_id()), {from}, {to},
                                            coalesce((select array_agg(c.employee_id) from changing c), array[]::uuid[])) k
              left join off o on o.employee_id = k.employee_id and o.week_start_date = k.week_start_date
              group by 1)
            select w.week, (select s.hours from steady s) + coalesce(x.capacity, 0) as capacity,
                   (select s.hours from steady s) + coalesce(x.available, 0) as available,
                   coalesce(b.firm, 0) as firm, coalesce(b.tentative, 0) as tentative
            from weeks w
            left join booked b on b.week = w.week
            left join exact x on x.week = w.week
            order by w.week
            """).ToListAsync(ct);
        return rows.Select(r => new CapacityWeekTotalDto(r.Week, r.Capacity, r.Available, r.Firm, r.Tentative)).ToList();
    }

    private static async Task<IReadOnlyList<PlaceholderRowDto>> PlaceholdersAsync(
        WorkroomDbContext db, CapacityFilter filter, List<DateOnly> weeks, CancellationToken ct)
    {
        var first = weeks[0];
        var last = weeks[^1];
        var query =
            from p in db.Set<StaffingPlaceholder>().AsNoTracking()
            join c in db.Set<Campaign>() on p.CampaignId equals c.Id
            where db.Set<PlaceholderAllocation>().Any(a => a.PlaceholderId == p.Id && a.WeekStartDate >= first && a.WeekStartDate <= last)
            select new { p.Id, p.CampaignId, c.Code, c.Name, c.ClientId, p.RoleName, p.Department };
        if (filter.CampaignId is { } campaign)
        {
            query = query.Where(p => p.CampaignId == campaign);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(p => p.ClientId == client);
        }

        if (filter.Department is { } department)
        {
            query = query.Where(p => p.Department == department);
        }

        var found = await query.OrderBy(p => p.Code).ThenBy(p => p.RoleName).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = found.Select(p => p.Id).ToList();
        var cells = (await db.Set<PlaceholderAllocation>().AsNoTracking()
                .Where(a => ids.Contains(a.PlaceholderId) && a.WeekStartDate >= first && a.WeekStartDate <= last)
                .Select(a => new { a.PlaceholderId, a.WeekStartDate, a.Hours, a.Tentative })
                .ToListAsync(ct))
            .ToLookup(a => a.PlaceholderId);
        return found.Select(p =>
        {
            var mine = cells[p.Id].ToDictionary(a => a.WeekStartDate);
            return new PlaceholderRowDto(p.Id, p.CampaignId, p.Code, p.Name, p.RoleName, p.Department,
                weeks.Select(w => mine.TryGetValue(w, out var a) ? new PlaceholderCellDto(w, a.Hours, a.Tentative) : new PlaceholderCellDto(w, 0, false))
                    .ToList());
        }).ToList();
    }

    public Task<IReadOnlyList<AllocationDto>> AllocationsAsync(Guid employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<AllocationDto>>(async (db, ct) =>
        {
            var first = Weeks.StartOf(from);
            var last = Weeks.StartOf(to);
            return await (
                from a in db.Set<TeamAllocation>().AsNoTracking()
                join c in db.Set<Campaign>() on a.CampaignId equals c.Id
                where a.EmployeeId == employeeId && a.WeekStartDate >= first && a.WeekStartDate <= last
                orderby a.WeekStartDate, c.Code
                select new AllocationDto(a.Id, a.EmployeeId, a.CampaignId, c.Code, c.Name, a.WeekStartDate, a.Hours, a.Tentative,
                    c.EndDate, a.Notes, a.Version)).ToListAsync(ct);
        }, cancellationToken);

    public Task<IReadOnlyList<PlannedActualDto>> PlannedVsActualAsync(DateOnly week, Guid? campaignId = null, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<PlannedActualDto>>(async (db, ct) =>
        {
            var monday = Weeks.StartOf(week);
            // Allocations everyone may read; entries as row-level security lets the caller (their own, or everyone's).
            // Summed per person and campaign first, then named: joined before the sum, a generic plan (Npgsql
            // prepares repeated statements) guessed a handful of rows and nested its loops, 2.9 s at ×20 for a
            // week's 9,451 rows, against 45 ms now either way.
            return (await db.Database.SqlQuery<PlannedActualRow>($"""
                select x.employee_id, e.full_name, x.campaign_id, c.code as campaign_code, c.name as campaign_name,
                       x.planned, x.logged
                from (select u.employee_id, u.campaign_id, sum(u.planned) as planned, sum(u.logged) as logged
                      from (select a.employee_id, a.campaign_id, a.hours as planned, 0::numeric as logged
                            from agency.team_allocations a
                            where a.tenant_id = (select agency.current_tenant_id()) and a.week_start_date = {monday}
                              and ({campaignId}::uuid is null or a.campaign_id = {campaignId}::uuid)
                            union all
                            select t.employee_id, t.campaign_id, 0, t.hours
                            from agency.timesheet_entries t
                            where t.tenant_id = (select agency.current_tenant_id()) and t.week_start_date = {monday}
                              and ({campaignId}::uuid is null or t.campaign_id = {campaignId}::uuid)) u
                      group by u.employee_id, u.campaign_id) x
                join agency.employees e on e.tenant_id = (select agency.current_tenant_id()) and e.id = x.employee_id
                join agency.campaigns c on c.tenant_id = (select agency.current_tenant_id()) and c.id = x.campaign_id
                order by e.full_name, c.code
                """).ToListAsync(ct))
                .Select(r => new PlannedActualDto(r.EmployeeId, r.FullName, r.CampaignId, r.CampaignCode, r.CampaignName, r.Planned, r.Logged))
                .ToList();
        }, cancellationToken);

    public Task<IReadOnlyList<StaffingCellDto>> CampaignStaffingAsync(Guid campaignId, int weeks = 8, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<StaffingCellDto>>(async (db, ct) =>
        {
            var to = Weeks.StartOf(DateOnly.FromDateTime(DateTime.Today));
            var campaign = await db.Set<Campaign>().AsNoTracking().Where(c => c.Id == campaignId)
                .Select(c => new { c.StartDate, c.EndDate }).SingleOrDefaultAsync(ct);
            if (campaign is null)
            {
                return [];
            }

            var from = Weeks.StartOf(to.AddDays(-7 * (Math.Clamp(weeks, 1, 26) - 1)));
            if (campaign.StartDate is { } start && Weeks.StartOf(start) > from)
            {
                from = Weeks.StartOf(start);
            }

            if (from > to)
            {
                return [];
            }

            // Capacity and its net of time off by 029's rules; the person's whole week from the bookings summary (035);
            // logged hours as row-level security lets the caller read entries (their own, or everyone's).
            return (await db.Database.SqlQuery<StaffingRow>($"""
                with weeks as (
                  select w::date as week from generate_series({from}::date, {to}::date, interval '7 days') w),
                people as (
                  select t.employee_id from agency.campaign_team t
                  where t.tenant_id = (select agency.current_tenant_id()) and t.campaign_id = {campaignId}
                  union
                  select a.employee_id from agency.team_allocations a
                  where a.tenant_id = (select agency.current_tenant_id()) and a.campaign_id = {campaignId} and a.week_start_date between {from} and {to}
                  union
                  select e.employee_id from agency.timesheet_entries e
                  where e.tenant_id = (select agency.current_tenant_id()) and e.campaign_id = {campaignId} and e.week_start_date between {from} and {to}),
                planned as (
                  select a.employee_id, a.week_start_date, sum(a.hours) as hours, bool_or(a.tentative) as tentative
                  from agency.team_allocations a
                  where a.tenant_id = (select agency.current_tenant_id()) and a.campaign_id = {campaignId} and a.week_start_date between {from} and {to}
                  group by 1, 2),
                logged as (
                  select e.employee_id, e.week_start_date, sum(e.hours) as hours
                  from agency.timesheet_entries e
                  where e.tenant_id = (select agency.current_tenant_id()) and e.campaign_id = {campaignId} and e.week_start_date between {from} and {to}
                  group by 1, 2),
                booked as (
                  select b.employee_id, b.week_start_date, b.firm_hours + b.tentative_hours as hours
                  from agency.employee_week_bookings b
                  where b.tenant_id = (select agency.current_tenant_id()) and b.week_start_date between {from} and {to}
                    and b.employee_id in (select employee_id from people)),
                off as (
                  select o.employee_id, o.week_start_date, sum(o.hours) as hours
                  from agency.time_off_entries o
                  where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'approved' and o.week_start_date between {from} and {to}
                    and o.employee_id in (select employee_id from people)
                  group by 1, 2)
                select p.employee_id, e.full_name, w.week, coalesce(pl.hours, 0) as planned, coalesce(pl.tentative, false) as tentative,
                       coalesce(l.hours, 0) as logged, coalesce(b.hours, 0) as booked,
                       agency.net_capacity(coalesce(k.capacity_hours, 0), o.hours) as available, coalesce(o.hours, 0) as time_off,
                       coalesce(c.end_date < w.week and pl.hours > 0, false) as after_end
                from people p
                join agency.employees e on e.tenant_id = (select agency.current_tenant_id()) and e.id = p.employee_id
                join agency.campaigns c on c.tenant_id = (select agency.current_tenant_id()) and c.id = {campaignId}
                cross join weeks w
                left join agency.weekly_capacities((select agency.current_tenant_id()), {from}, {to},
                                                   array(select employee_id from people)) k
                  on k.employee_id = p.employee_id and k.week_start_date = w.week
                left join planned pl on pl.employee_id = p.employee_id and pl.week_start_date = w.week
                left join logged l on l.employee_id = p.employee_id and l.week_start_date = w.week
                left join booked b on b.employee_id = p.employee_id and b.week_start_date = w.week
                left join off o on o.employee_id = p.employee_id and o.week_start_date = w.week
                order by e.full_name, p.employee_id, w.week
                """).ToListAsync(ct))
                .Select(r => new StaffingCellDto(r.EmployeeId, r.FullName, r.Week, r.Planned, r.Tentative, r.Logged, r.Booked, r.Available, r.TimeOff, r.AfterEnd))
                .ToList();
        }, cancellationToken);

    public Task<CapacityOptionsDto> OptionsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var people = db.Set<Employee>().AsNoTracking().Where(e => e.Active && e.DeletedAt == null);
            var departments = await people.Where(e => e.Department != null).Select(e => e.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
            var skills = await db.Database.SqlQuery<string>(
                $"select distinct s as \"Value\" from agency.employees e, unnest(e.skills) s where e.active and e.deleted_at is null order by 1").ToListAsync(ct);
            var clients = await db.Set<Client>().AsNoTracking().Where(c => c.DeletedAt == null).OrderBy(c => c.Name)
                .Select(c => new OptionDto(c.Id, c.Name)).ToListAsync(ct);
            var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => c.DeletedAt == null && OpenStatuses.Contains(c.Status))
                .OrderBy(c => c.Code).Select(c => new CampaignOptionDto(c.Id, c.Code, c.Name, c.EndDate)).ToListAsync(ct);
            var everyone = await people.OrderBy(e => e.FullName).Select(e => new OptionDto(e.Id, e.FullName)).ToListAsync(ct);
            return new CapacityOptionsDto(departments, skills, clients, campaigns, everyone);
        }, cancellationToken);

    public Task<UtilizationTargetsDto> UtilizationTargetsAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var periods = await db.Database.SqlQuery<TargetRow>($"""
                select t.id, t.effective_from, lead(t.effective_from) over (order by t.effective_from) as effective_to, t.target, t.note
                from agency.employee_utilization_targets t
                where t.tenant_id = (select agency.current_tenant_id()) and t.employee_id = {employeeId}
                order by t.effective_from
                """).ToListAsync(ct);
            var tenant = await db.Database.SqlQuery<decimal>($"""
                select n.utilization_target as "Value" from agency.tenants n where n.id = (select agency.current_tenant_id())
                """).SingleAsync(ct);
            return new UtilizationTargetsDto(tenant,
                periods.Select(p => new UtilizationTargetDto(p.Id, p.EffectiveFrom, p.EffectiveTo, p.Target, p.Note)).ToList());
        }, cancellationToken);

    public Task<decimal?> UtilizationTargetAsync(Guid employeeId, DateOnly day, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) => await db.Database.SqlQuery<decimal?>($"""
            select agency.utilization_target_for({employeeId}, {day}) as "Value"
            """).SingleAsync(ct), cancellationToken);

    public Task<IReadOnlyList<string>> SkillsAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<string>>(async (db, ct) =>
            (await db.Set<Employee>().AsNoTracking().Where(e => e.Id == employeeId).Select(e => e.Skills).SingleOrDefaultAsync(ct)) ?? [],
            cancellationToken);

    public Task<IReadOnlyList<CapacityPeriodDto>> CapacityHistoryAsync(Guid employeeId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<CapacityPeriodDto>>(async (db, ct) =>
            (await db.Set<EmployeeCapacityPeriod>().AsNoTracking()
                .Where(p => p.EmployeeId == employeeId)
                .OrderBy(p => p.EffectiveFrom)
                .Select(p => new { p.Id, p.EffectiveFrom, p.EffectiveTo, p.WeeklyHours, p.Note })
                .ToListAsync(ct))
            .Select(p => new CapacityPeriodDto(p.Id, p.EffectiveFrom == DateOnly.MinValue ? null : p.EffectiveFrom, p.EffectiveTo, p.WeeklyHours, p.Note))
            .ToList(), cancellationToken);

    // Rows of raw SQL: EF binds them by property, through the snake_case convention.
    private sealed class CellRow
    {
        public Guid EmployeeId { get; init; }
        public DateOnly Week { get; init; }
        public decimal Capacity { get; init; }
        public decimal TimeOff { get; init; }
        public decimal Available { get; init; }
        public decimal Firm { get; init; }
        public decimal Tentative { get; init; }
        public decimal? Logged { get; init; }
        public bool AfterEnd { get; init; }
    }

    private sealed class StaffingRow
    {
        public Guid EmployeeId { get; init; }
        public string FullName { get; init; } = "";
        public DateOnly Week { get; init; }
        public decimal Planned { get; init; }
        public bool Tentative { get; init; }
        public decimal Logged { get; init; }
        public decimal Booked { get; init; }
        public decimal Available { get; init; }
        public decimal TimeOff { get; init; }
        public bool AfterEnd { get; init; }
    }

    private sealed class TargetRow
    {
        public Guid Id { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly? EffectiveTo { get; init; }
        public decimal Target { get; init; }
        public string? Note { get; init; }
    }

    private sealed class TotalRow
    {
        public DateOnly Week { get; init; }
        public decimal Capacity { get; init; }
        public decimal Available { get; init; }
        public decimal Firm { get; init; }
        public decimal Tentative { get; init; }
    }

    private sealed class PlannedActualRow
    {
        public Guid EmployeeId { get; init; }
        public string FullName { get; init; } = "";
        public Guid CampaignId { get; init; }
        public string CampaignCode { get; init; } = "";
        public string CampaignName { get; init; } = "";
        public decimal Planned { get; init; }
        public decimal Logged { get; init; }
    }
}
