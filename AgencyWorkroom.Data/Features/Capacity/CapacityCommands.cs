using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Capacity;

public interface ICapacityCommands
{
    /// <summary>Books the person on the campaign for every week of the range at the form's hours (a week already booked takes the new hours).</summary>
    Task<SaveResult> AllocateAsync(AllocationForm form, CancellationToken cancellationToken = default);

    /// <summary>Changes one allocation, provided it is still at <paramref name="version"/>.</summary>
    Task<SaveResult> UpdateAllocationAsync(Guid allocationId, uint version, decimal hours, bool tentative, CancellationToken cancellationToken = default);

    Task<SaveResult> RemoveAllocationAsync(Guid allocationId, CancellationToken cancellationToken = default);

    /// <summary>Removes the person's allocations on the campaign in the range.</summary>
    Task<SaveResult> RemoveRangeAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, CancellationToken cancellationToken = default);

    /// <summary>Marks the person's allocations on the campaign in the range tentative or firm.</summary>
    Task<SaveResult> SetTentativeAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, bool tentative, CancellationToken cancellationToken = default);

    /// <summary>Moves the person's allocations on the campaign in the range by whole weeks and, when
    /// <paramref name="toEmployeeId"/> is given, to another person (the drag of the grid). Hours meeting
    /// hours already booked there are added together.</summary>
    Task<SaveResult> MoveAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, int shiftWeeks, Guid? toEmployeeId = null,
        CancellationToken cancellationToken = default);

    /// <summary>Extends the person's allocation on the campaign in <paramref name="week"/> to every week from there to
    /// <paramref name="toWeek"/> (later or earlier), at its hours and tentative flag; a week already booked on the
    /// campaign takes them (the drag of a cell's grip, and "Extend a week").</summary>
    Task<SaveResult> ExtendAsync(Guid employeeId, Guid campaignId, DateOnly week, DateOnly toWeek, CancellationToken cancellationToken = default);

    Task<SaveResult> CreatePlaceholderAsync(PlaceholderForm form, CancellationToken cancellationToken = default);

    /// <summary>Turns the placeholder's weeks into the person's allocations (agency.assign_placeholder) and removes it.</summary>
    Task<SaveResult> AssignPlaceholderAsync(Guid placeholderId, Guid employeeId, CancellationToken cancellationToken = default);

    Task<SaveResult> RemovePlaceholderAsync(Guid placeholderId, CancellationToken cancellationToken = default);

    /// <summary>The person's weekly hours from <paramref name="effectiveFrom"/> until their next recorded change (admins).</summary>
    Task<SaveResult> ChangeCapacityAsync(Guid employeeId, DateOnly effectiveFrom, decimal weeklyHours, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a capacity period that has not started yet (admins); the history before today stays.</summary>
    Task<SaveResult> RemoveCapacityPeriodAsync(Guid periodId, CancellationToken cancellationToken = default);

    /// <summary>The person's utilization target (0 to 1) from <paramref name="effectiveFrom"/> until their next one (leadership).</summary>
    Task<SaveResult> SetUtilizationTargetAsync(Guid employeeId, DateOnly effectiveFrom, decimal target, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Removes one of a person's utilization targets (leadership); the tenant's applies where none is left.</summary>
    Task<SaveResult> RemoveUtilizationTargetAsync(Guid targetId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the person's skills (admins); trimmed, without repeats.</summary>
    Task<SaveResult> SetSkillsAsync(Guid employeeId, IEnumerable<string> skills, CancellationToken cancellationToken = default);
}

/// <summary>
/// Writes to allocations and placeholders (row-level security admits project managers, leadership
/// and admins) and to capacity and skills (admins). Each is one unit of work; a statement that
/// changes nothing the caller can see counts as refused. The people's-week summaries follow every
/// allocation write through 011's triggers.
/// </summary>
public sealed class CapacityCommands(UnitOfWork unitOfWork) : ICapacityCommands
{
    public const string RefusedMessage = "Only project managers, leadership and admins can staff work. You can still view the grid.";
    public const string CapacityRefusedMessage = "Only admins change a person's capacity and skills.";
    public const string TargetRefusedMessage = "Only leadership sets utilization targets.";

    /// <summary>The roles the allocation and placeholder policies admit. The database decides; this only spares the others a form they cannot send.</summary>
    public static readonly string[] Writers = [AgencyRoles.Pm, AgencyRoles.Leadership, AgencyRoles.Admin];

    private static readonly WriteErrors Errors = new WriteErrors(RefusedMessage)
        .On("team_allocations_hours_check", nameof(AllocationForm.HoursPerWeek), "Hours a week run from 0 to 80.")
        .On("placeholder_allocations_hours_check", nameof(PlaceholderForm.HoursPerWeek), "Hours a week run from 0.25 to 80.")
        .On("staffing_placeholders_role_name_check", nameof(PlaceholderForm.RoleName), "Name the role in 1 to 100 characters.")
        .On("placeholder_gone", "", "That placeholder is no longer there: someone assigned or removed it.");

    private static readonly WriteErrors CapacityErrors = new WriteErrors(CapacityRefusedMessage)
        .On("employee_capacity_periods_weekly_hours_check", "WeeklyHours", "Weekly hours run from 0 to 80.")
        .On("employees_skills_check", "Skills", "Up to 30 skills.");

    private static readonly WriteErrors TargetErrors = new WriteErrors(TargetRefusedMessage)
        .On("employee_utilization_targets_target_check", "Target", "A target runs from 0 % to 100 %.");

    public Task<SaveResult> AllocateAsync(AllocationForm form, CancellationToken cancellationToken = default)
    {
        var weeks = form.Mondays();
        if (weeks.Count == 0 || form.EmployeeId is not { } person || form.CampaignId is not { } campaign)
        {
            return Task.FromResult(SaveResult.Field(nameof(AllocationForm.LastWeek), "The last week can't be before the first."));
        }

        return Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
        {
            var ids = await db.Database.SqlQuery<Guid>($"""
                insert into agency.team_allocations as l (employee_id, campaign_id, week_start_date, hours, tentative, notes)
                select {person}, {campaign}, w, {form.HoursPerWeek}, {form.Tentative}, {form.Notes}::text
                from unnest({weeks.ToArray()}::date[]) w
                on conflict (tenant_id, employee_id, campaign_id, week_start_date) do update
                  set hours = excluded.hours, tentative = excluded.tentative, notes = coalesce(excluded.notes, l.notes)
                returning l.id as "Value"
                """).ToListAsync(ct);
            return ids.Count == weeks.Count ? ids[0] : null;
        }, cancellationToken));
    }

    public Task<SaveResult> UpdateAllocationAsync(Guid allocationId, uint version, decimal hours, bool tentative, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<TeamAllocation>(Errors, a => a.Id == allocationId, version, a =>
        {
            a.Hours = hours;
            a.Tentative = tentative;
        }, cancellationToken);

    public Task<SaveResult> RemoveAllocationAsync(Guid allocationId, CancellationToken cancellationToken = default) =>
        Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<TeamAllocation>().Where(a => a.Id == allocationId).ExecuteDeleteAsync(ct) == 1 ? allocationId : null,
            cancellationToken));

    public Task<SaveResult> RemoveRangeAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, CancellationToken cancellationToken = default)
    {
        var (first, last) = (Weeks.StartOf(firstWeek), Weeks.StartOf(lastWeek));
        return Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<TeamAllocation>()
                .Where(a => a.EmployeeId == employeeId && a.CampaignId == campaignId && a.WeekStartDate >= first && a.WeekStartDate <= last)
                .ExecuteDeleteAsync(ct) > 0 ? campaignId : null, cancellationToken));
    }

    public Task<SaveResult> SetTentativeAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, bool tentative,
        CancellationToken cancellationToken = default)
    {
        var (first, last) = (Weeks.StartOf(firstWeek), Weeks.StartOf(lastWeek));
        return Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<TeamAllocation>()
                .Where(a => a.EmployeeId == employeeId && a.CampaignId == campaignId && a.WeekStartDate >= first && a.WeekStartDate <= last)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Tentative, tentative), ct) > 0 ? campaignId : null, cancellationToken));
    }

    public Task<SaveResult> MoveAsync(Guid employeeId, Guid campaignId, DateOnly firstWeek, DateOnly lastWeek, int shiftWeeks, Guid? toEmployeeId = null,
        CancellationToken cancellationToken = default)
    {
        var (first, last) = (Weeks.StartOf(firstWeek), Weeks.StartOf(lastWeek));
        var target = toEmployeeId ?? employeeId;
        var days = 7 * shiftWeeks;
        // Taken out and put back in one statement: a move by one week within its own range would
        // otherwise meet itself on the unique key halfway through.
        return Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            (await db.Database.SqlQuery<Guid>($"""
                with gone as (
                  delete from agency.team_allocations a
                  where a.tenant_id = (select agency.current_tenant_id()) and a.employee_id = {employeeId} and a.campaign_id = {campaignId}
                    and a.week_start_date between {first} and {last}
                  returning a.week_start_date, a.hours, a.tentative, a.notes)
                insert into agency.team_allocations as l (employee_id, campaign_id, week_start_date, hours, tentative, notes)
                select {target}, {campaignId}, g.week_start_date + {days}, g.hours, g.tentative, g.notes from gone g
                on conflict (tenant_id, employee_id, campaign_id, week_start_date) do update
                  set hours = least(l.hours + excluded.hours, 80), tentative = l.tentative and excluded.tentative
                returning l.id as "Value"
                """).ToListAsync(ct)).Count > 0 ? campaignId : null, cancellationToken));
    }

    public Task<SaveResult> ExtendAsync(Guid employeeId, Guid campaignId, DateOnly week, DateOnly toWeek, CancellationToken cancellationToken = default)
    {
        var (source, target) = (Weeks.StartOf(week), Weeks.StartOf(toWeek));
        if (source == target)
        {
            return Task.FromResult(SaveResult.Field("ToWeek", "Choose another week to extend to."));
        }

        var (first, last) = source < target ? (source.AddDays(7), target) : (target, source.AddDays(-7));
        return Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            (await db.Database.SqlQuery<Guid>($"""
                insert into agency.team_allocations as l (employee_id, campaign_id, week_start_date, hours, tentative, notes)
                select a.employee_id, a.campaign_id, w::date, a.hours, a.tentative, a.notes
                from agency.team_allocations a
                cross join generate_series({first}::date, {last}::date, interval '7 days') w
                where a.tenant_id = (select agency.current_tenant_id()) and a.employee_id = {employeeId} and a.campaign_id = {campaignId}
                  and a.week_start_date = {source}
                on conflict (tenant_id, employee_id, campaign_id, week_start_date) do update
                  set hours = excluded.hours, tentative = excluded.tentative
                returning l.id as "Value"
                """).ToListAsync(ct)).Count > 0 ? campaignId : null, cancellationToken));
    }

    public Task<SaveResult> CreatePlaceholderAsync(PlaceholderForm form, CancellationToken cancellationToken = default)
    {
        var weeks = form.Mondays();
        if (weeks.Count == 0 || form.CampaignId is not { } campaign)
        {
            return Task.FromResult(SaveResult.Field(nameof(PlaceholderForm.LastWeek), "The last week can't be before the first."));
        }

        var placeholder = new StaffingPlaceholder
        {
            CampaignId = campaign,
            RoleName = form.RoleName.Trim(),
            Department = string.IsNullOrWhiteSpace(form.Department) ? null : form.Department.Trim(),
        };
        return unitOfWork.InsertAsync(Errors, form, placeholder, cancellationToken, async (db, saved, ct) =>
        {
            db.AddRange(weeks.Select(w => new PlaceholderAllocation
            {
                PlaceholderId = saved.Id, WeekStartDate = w, Hours = form.HoursPerWeek, Tentative = form.Tentative,
            }));
            await db.SaveChangesAsync(ct);
        });
    }

    public Task<SaveResult> AssignPlaceholderAsync(Guid placeholderId, Guid employeeId, CancellationToken cancellationToken = default) =>
        Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
        {
            await db.Database.SqlQuery<int>($"select agency.assign_placeholder({placeholderId}, {employeeId}) as \"Value\"").SingleAsync(ct);
            return employeeId;
        }, cancellationToken));

    public Task<SaveResult> RemovePlaceholderAsync(Guid placeholderId, CancellationToken cancellationToken = default) =>
        Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<StaffingPlaceholder>().Where(p => p.Id == placeholderId).ExecuteDeleteAsync(ct) == 1 ? placeholderId : null,
            cancellationToken));

    public Task<SaveResult> ChangeCapacityAsync(Guid employeeId, DateOnly effectiveFrom, decimal weeklyHours, string? note = null,
        CancellationToken cancellationToken = default) =>
        CapacityErrors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            (await db.Database.SqlQuery<Guid>($"""
                insert into agency.employee_capacity_periods as p (employee_id, effective_from, weekly_hours, note)
                values ({employeeId}, {effectiveFrom}, {weeklyHours}, {note}::text)
                on conflict (tenant_id, employee_id, effective_from) do update set weekly_hours = excluded.weekly_hours, note = excluded.note
                returning p.id as "Value"
                """).ToListAsync(ct)).Cast<Guid?>().SingleOrDefault(), cancellationToken));

    public Task<SaveResult> RemoveCapacityPeriodAsync(Guid periodId, CancellationToken cancellationToken = default) =>
        CapacityErrors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Database.ExecuteSqlAsync($"""
                delete from agency.employee_capacity_periods p
                where p.tenant_id = (select agency.current_tenant_id()) and p.id = {periodId} and p.effective_from > current_date
                """, ct) == 1 ? periodId : null, cancellationToken));

    public Task<SaveResult> SetUtilizationTargetAsync(Guid employeeId, DateOnly effectiveFrom, decimal target, string? note = null,
        CancellationToken cancellationToken = default) =>
        TargetErrors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            (await db.Database.SqlQuery<Guid>($"""
                insert into agency.employee_utilization_targets as t (employee_id, effective_from, target, note)
                values ({employeeId}, {effectiveFrom}, {target}, {note}::text)
                on conflict (tenant_id, employee_id, effective_from) do update set target = excluded.target, note = excluded.note
                returning t.id as "Value"
                """).ToListAsync(ct)).Cast<Guid?>().SingleOrDefault(), cancellationToken));

    public Task<SaveResult> RemoveUtilizationTargetAsync(Guid targetId, CancellationToken cancellationToken = default) =>
        TargetErrors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Database.ExecuteSqlAsync($"""
                delete from agency.employee_utilization_targets t
                where t.tenant_id = (select agency.current_tenant_id()) and t.id = {targetId}
                """, ct) == 1 ? targetId : null, cancellationToken));

    public Task<SaveResult> SetSkillsAsync(Guid employeeId, IEnumerable<string> skills, CancellationToken cancellationToken = default)
    {
        var tags = skills.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToArray();
        return CapacityErrors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<Employee>().Where(e => e.Id == employeeId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Skills, tags), ct) == 1 ? employeeId : null, cancellationToken));
    }
}
