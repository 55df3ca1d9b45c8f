using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Capacity;

public interface ICapacityQueries
{
    /// <summary>People × weeks: capacity net of approved time off against what is booked, and the placeholders.</summary>
    Task<CapacityGridDto> GridAsync(CapacityFilter filter, CancellationToken cancellationToken = default);

    /// <summary>A person's allocations in a range of weeks, for the cell's editor.</summary>
    Task<IReadOnlyList<AllocationDto>> AllocationsAsync(Guid employeeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Planned against logged per person and campaign for one week (a past or the current one);
    /// one campaign's team when <paramref name="campaignId"/> is given. Logged as far as the caller may read time.</summary>
    Task<IReadOnlyList<PlannedActualDto>> PlannedVsActualAsync(DateOnly week, Guid? campaignId = null, CancellationToken cancellationToken = default);

    /// <summary>The filters' and the allocation dialog's choices.</summary>
    Task<CapacityOptionsDto> OptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>A person's capacity history, oldest first.</summary>
    Task<IReadOnlyList<CapacityPeriodDto>> CapacityHistoryAsync(Guid employeeId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The capacity screen's reads, each one unit of work under the caller's policies. The weeks'
/// capacity and its net of time off are the database's rules (029: agency.weekly_capacities, one
/// join of the people's periods to the weeks, and agency.net_capacity); the bookings are summed by
/// week in the same statement, so the grid of 1,270 people × 12 weeks is one query.
/// </summary>
public sealed class CapacityQueries(UnitOfWork unitOfWork) : ICapacityQueries
{
    private static readonly string[] OpenStatuses = ["planning", "active", "on_hold"];

    public Task<CapacityGridDto> GridAsync(CapacityFilter filter, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var from = filter.Monday;
            var to = filter.LastMonday;
            var weeks = Enumerable.Range(0, filter.WeekCount).Select(i => from.AddDays(7 * i)).ToList();

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
                .OrderBy(e => e.Department).ThenBy(e => e.FullName).ThenBy(e => e.Id)
                .Select(e => new { e.Id, e.FullName, e.Department, e.AgencyRole, e.Title, e.Skills })
                .ToListAsync(ct);
            var ids = found.Select(p => p.Id).ToArray();

            var cells = ids.Length == 0 ? [] : await db.Database.SqlQuery<CellRow>($"""
                with weeks as (
                  select w::date as week from generate_series({from}::date, {to}::date, interval '7 days') w),
                booked as (
                  select a.employee_id, a.week_start_date,
                         coalesce(sum(a.hours) filter (where not a.tentative), 0) as firm,
                         coalesce(sum(a.hours) filter (where a.tentative), 0) as tentative,
                         bool_or(c.end_date < a.week_start_date) as after_end
                  from agency.team_allocations a
                  join agency.campaigns c on c.tenant_id = a.tenant_id and c.id = a.campaign_id
                  where a.tenant_id = (select agency.current_tenant_id()) and a.week_start_date between {from} and {to}
                  group by 1, 2),
                off as (
                  select o.employee_id, o.week_start_date, sum(o.hours) as hours
                  from agency.time_off_entries o
                  where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'approved'
                    and o.week_start_date between {from} and {to}
                  group by 1, 2),
                logged as (
                  select s.employee_id, s.week_start_date, s.total_hours
                  from agency.employee_week_hours s
                  where s.tenant_id = (select agency.current_tenant_id()) and s.week_start_date between {from} and {to})
                select p.id as employee_id, w.week, coalesce(k.capacity_hours, 0) as capacity, coalesce(o.hours, 0) as time_off,
                       agency.net_capacity(coalesce(k.capacity_hours, 0), o.hours) as available,
                       coalesce(b.firm, 0) as firm, coalesce(b.tentative, 0) as tentative, l.total_hours as logged,
                       coalesce(b.after_end, false) as after_end
                from unnest({ids}::uuid[]) as p (id)
                cross join weeks w
                left join agency.weekly_capacities((select agency.current_tenant_id()), {from}, {to}) k
                  on k.employee_id = p.id and k.week_start_date = w.week
                left join booked b on b.employee_id = p.id and b.week_start_date = w.week
                left join off o on o.employee_id = p.id and o.week_start_date = w.week
                left join logged l on l.employee_id = p.id and l.week_start_date = w.week
                """).ToListAsync(ct);

            var byPerson = cells.ToLookup(c => c.EmployeeId);
            var rows = new List<CapacityRowDto>(found.Count);
            foreach (var p in found)
            {
                var mine = byPerson[p.Id].ToDictionary(c => c.Week);
                var row = new CapacityRowDto(p.Id, p.FullName, p.Department, p.AgencyRole, p.Title, p.Skills,
                    weeks.Select(w => mine.TryGetValue(w, out var c)
                        ? new CapacityCellDto(w, c.Capacity, c.TimeOff, c.Available, c.Firm, c.Tentative, c.Logged, c.AfterEnd)
                        : new CapacityCellDto(w, 0, 0, 0, 0, 0, null, false)).ToList());
                if (filter.MinFree is not { } minFree || row.Cells.Any(c => c.Free(filter.IncludeTentative) >= minFree))
                {
                    rows.Add(row);
                }
            }

            var placeholders = filter.NarrowsPeopleOnly ? [] : await PlaceholdersAsync(db, filter, weeks, ct);
            return new CapacityGridDto(filter, weeks, rows, placeholders);
        }, cancellationToken);

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
            return (await db.Database.SqlQuery<PlannedActualRow>($"""
                select x.employee_id, e.full_name, x.campaign_id, c.code as campaign_code, c.name as campaign_name,
                       sum(x.planned) as planned, sum(x.logged) as logged
                from (select a.employee_id, a.campaign_id, a.hours as planned, 0::numeric as logged
                      from agency.team_allocations a
                      where a.tenant_id = (select agency.current_tenant_id()) and a.week_start_date = {monday}
                        and ({campaignId}::uuid is null or a.campaign_id = {campaignId}::uuid)
                      union all
                      select t.employee_id, t.campaign_id, 0, t.hours
                      from agency.timesheet_entries t
                      where t.tenant_id = (select agency.current_tenant_id()) and t.week_start_date = {monday}
                        and ({campaignId}::uuid is null or t.campaign_id = {campaignId}::uuid)) x
                join agency.employees e on e.tenant_id = (select agency.current_tenant_id()) and e.id = x.employee_id
                join agency.campaigns c on c.tenant_id = (select agency.current_tenant_id()) and c.id = x.campaign_id
                group by x.employee_id, e.full_name, x.campaign_id, c.code, c.name
                order by e.full_name, c.code
                """).ToListAsync(ct))
                .Select(r => new PlannedActualDto(r.EmployeeId, r.FullName, r.CampaignId, r.CampaignCode, r.CampaignName, r.Planned, r.Logged))
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
