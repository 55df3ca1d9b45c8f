using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Timesheets;

public interface ITimesheetCommands
{
    /// <summary>Saves changed cells of the caller's week in one unit of work, each cell on its own
    /// (a refused or conflicting cell leaves the others saved); the outcomes in the order given.</summary>
    Task<IReadOnlyList<CellOutcome>> SaveCellsAsync(IReadOnlyList<CellChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Moves the caller's draft and rejected time of the week to submitted.</summary>
    Task<StepResult> SubmitWeekAsync(DateOnly week, CancellationToken cancellationToken = default);

    /// <summary>Approves the submitted time of a person-week that the caller may approve (their campaigns; leadership all).</summary>
    Task<StepResult> ApproveAsync(Guid employeeId, DateOnly week, CancellationToken cancellationToken = default);

    /// <summary>Approves several person-weeks in one unit of work.</summary>
    Task<StepResult> ApproveManyAsync(IReadOnlyList<(Guid EmployeeId, DateOnly Week)> weeks, CancellationToken cancellationToken = default);

    /// <summary>Rejects the submitted time of a person-week that the caller may approve, with a reason.</summary>
    Task<StepResult> RejectAsync(Guid employeeId, DateOnly week, string reason, CancellationToken cancellationToken = default);

    /// <summary>Finance's sign-off of a fully approved week (where the tenant asks for it); locks it.</summary>
    Task<StepResult> SignOffAsync(Guid employeeId, DateOnly week, CancellationToken cancellationToken = default);

    /// <summary>Reopens a locked week (finance, leadership), with a reason; audited.</summary>
    Task<StepResult> UnlockAsync(Guid employeeId, DateOnly week, string reason, CancellationToken cancellationToken = default);

    Task<StepResult> StartTimerAsync(Guid campaignId, Guid? phaseId, CancellationToken cancellationToken = default);

    /// <summary>Stops the caller's timer: its time, to the nearest quarter hour, goes into today's cell of its row.</summary>
    Task<StepResult> StopTimerAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The timesheet writes. The rules (whose time, which status, quarter hours, 24 h a day, dates,
/// locks) are the database's (021); this class sends the writes and turns refusals into the
/// sentences the database wrote for them, next to the cell they concern.
/// </summary>
public sealed class TimesheetCommands(UnitOfWork unitOfWork, ISessionContextSource session) : ITimesheetCommands
{
    public const string Refused = "You may not change this time.";

    public async Task<IReadOnlyList<CellOutcome>> SaveCellsAsync(IReadOnlyList<CellChange> changes, CancellationToken cancellationToken = default)
    {
        if (changes.Count == 0)
        {
            return [];
        }

        // By day, then row: two saves of the same person take their day locks in one order, so they
        // wait for each other rather than deadlock.
        var ordered = changes.Select((c, i) => (Change: c, Index: i)).OrderBy(x => x.Change.Date).ThenBy(x => x.Change.RowKey).ToList();
        var outcomes = await unitOfWork.RunAsync(async (db, ct) =>
        {
            var me = (await session.GetAsync(ct))!.EmployeeId;
            var transaction = db.Database.CurrentTransaction!;
            var results = new CellOutcome[changes.Count];
            foreach (var (change, index) in ordered)
            {
                await transaction.CreateSavepointAsync("cell", ct);
                try
                {
                    results[index] = await SaveCellAsync(db, me, change, ct);
                    await transaction.ReleaseSavepointAsync("cell", ct);
                }
                catch (PostgresException ex) when (Message(ex) is { } message)
                {
                    await transaction.RollbackToSavepointAsync("cell", ct);
                    results[index] = new CellOutcome(change, null, message);
                }
            }

            return results;
        }, cancellationToken);
        return outcomes;
    }

    private static async Task<CellOutcome> SaveCellAsync(WorkroomDbContext db, Guid me, CellChange change, CancellationToken ct)
    {
        // The person's day, locked as the 24 h rule locks it: the cell's check and write below are
        // not interleaved with another tab's save of the same day.
        await db.Database.ExecuteSqlAsync($"""
            select pg_advisory_xact_lock(hashtextextended(
              'time/' || agency.current_tenant_id()::text || '/' || agency.current_user_id()::text || '/' || {change.Date}::date::text, 0))
            """, ct);
        var hours = change.Hours is > 0 ? change.Hours : null;
        var note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim();
        var current = await CurrentAsync(db, me, change, ct);

        if (change.EntryId is null)
        {
            if (current is not null)
            {
                // Another tab (or the timer) filled the cell since it was read: theirs is kept and shown.
                return current.Hours == hours && current.Note == note
                    ? new CellOutcome(change, current, null)
                    : new CellOutcome(change, null, ConflictMessage(current), current);
            }

            if (hours is null)
            {
                return new CellOutcome(change, Empty(change.Date), null);
            }

            var id = Guid.CreateVersion7();
            await db.Database.ExecuteSqlAsync($"""
                insert into agency.timesheet_entries (id, campaign_id, phase_id, entry_date, hours, billable, description)
                values ({id}, {change.CampaignId}, {change.PhaseId}, {change.Date}, {hours}, {change.Billable}, {note})
                """, ct);
            return new CellOutcome(change, await CurrentAsync(db, me, change, ct), null);
        }

        if (current is null || current.EntryId != change.EntryId)
        {
            // Cleared elsewhere: clearing it here too loses nothing; a value typed here is saved anew.
            if (hours is null || current is not null)
            {
                return current is null ? new CellOutcome(change, Empty(change.Date), null)
                    : new CellOutcome(change, null, ConflictMessage(current), current);
            }

            return await SaveCellAsync(db, me, change with { EntryId = null, Version = null }, ct);
        }

        if (change.Version is { } version && current.Version != version)
        {
            return current.Hours == hours && current.Note == note
                ? new CellOutcome(change, current, null)
                : new CellOutcome(change, null, ConflictMessage(current), current);
        }

        if (hours is null)
        {
            await db.Database.ExecuteSqlAsync($"delete from agency.timesheet_entries where id = {current.EntryId}", ct);
            return new CellOutcome(change, Empty(change.Date), null);
        }

        await db.Database.ExecuteSqlAsync($"""
            update agency.timesheet_entries set hours = {hours}, description = {note}, billable = {change.Billable}
            where id = {current.EntryId}
            """, ct);
        return new CellOutcome(change, await CurrentAsync(db, me, change, ct), null);
    }

    // The caller's entry in the cell now, with its version (the first, if history holds two).
    private static Task<CellDto?> CurrentAsync(WorkroomDbContext db, Guid me, CellChange change, CancellationToken ct) =>
        db.Set<Entities.TimesheetEntry>().AsNoTracking()
            .Where(t => t.EmployeeId == me && t.CampaignId == change.CampaignId && t.PhaseId == change.PhaseId && t.EntryDate == change.Date)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new CellDto(t.EntryDate, t.Id, t.Hours, t.Description, t.Status, t.Version, t.RejectionReason))
            .FirstOrDefaultAsync(ct);

    private static CellDto Empty(DateOnly day) => new(day, null, null, null, "draft", 0, null);

    private static string ConflictMessage(CellDto theirs) =>
        $"Saved elsewhere meanwhile as {(theirs.Hours is { } h ? HoursParser.Format(h) : "empty")}; yours was not saved. Type it again to replace theirs.";

    public Task<StepResult> SubmitWeekAsync(DateOnly week, CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            var monday = Weeks.StartOf(week);
            var changed = await db.Database.ExecuteSqlAsync($"""
                update agency.timesheet_entries set status = 'submitted'
                where employee_id = agency.current_user_id() and week_start_date = {monday} and status in ('draft', 'rejected')
                """, ct);
            changed += await db.Database.ExecuteSqlAsync($"""
                update agency.time_off_entries set status = 'submitted'
                where employee_id = agency.current_user_id() and week_start_date = {monday} and status in ('draft', 'rejected')
                """, ct);
            return changed == 0 ? StepResult.Refused("Nothing in this week is waiting to be submitted.") : StepResult.Done(changed);
        }, cancellationToken);

    public Task<StepResult> ApproveAsync(Guid employeeId, DateOnly week, CancellationToken cancellationToken = default) =>
        ApproveManyAsync([(employeeId, week)], cancellationToken);

    public Task<StepResult> ApproveManyAsync(IReadOnlyList<(Guid EmployeeId, DateOnly Week)> weeks, CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            await AuditContext.SetAsync(db, "approve", null, ct);
            var changed = 0;
            foreach (var (employeeId, week) in weeks)
            {
                changed += await ReviewAsync(db, employeeId, Weeks.StartOf(week), "approved", null, ct);
            }

            return changed == 0 ? StepResult.Refused("Nothing here is waiting for your approval.") : StepResult.Done(changed);
        }, cancellationToken);

    public Task<StepResult> RejectAsync(Guid employeeId, DateOnly week, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(StepResult.Refused("Say why the time is rejected."));
        }

        return StepAsync(async (db, ct) =>
        {
            await AuditContext.SetAsync(db, "reject", reason.Trim(), ct);
            var changed = await ReviewAsync(db, employeeId, Weeks.StartOf(week), "rejected", reason.Trim(), ct);
            return changed == 0 ? StepResult.Refused("Nothing here is waiting for your approval.") : StepResult.Done(changed);
        }, cancellationToken);
    }

    // The submitted time of the person-week that the caller may review: a project manager's
    // campaigns only, so that one week on two campaigns is approved by each manager for their part.
    private static async Task<int> ReviewAsync(WorkroomDbContext db, Guid employeeId, DateOnly monday, string status, string? reason, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            update agency.timesheet_entries set status = {status}, rejection_reason = {reason}
            where employee_id = {employeeId} and week_start_date = {monday} and status = 'submitted'
              and agency.may_review_time(employee_id, campaign_id)
            """, ct)
        + await db.Database.ExecuteSqlAsync($"""
            update agency.time_off_entries set status = {status}, rejection_reason = {reason}
            where employee_id = {employeeId} and week_start_date = {monday} and status = 'submitted'
              and agency.may_review_time(employee_id, null)
            """, ct);

    public Task<StepResult> SignOffAsync(Guid employeeId, DateOnly week, CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            await db.Database.ExecuteSqlAsync($"select agency.sign_off_timesheet_week({employeeId}, {Weeks.StartOf(week)})", ct);
            return StepResult.Done(1);
        }, cancellationToken);

    public Task<StepResult> UnlockAsync(Guid employeeId, DateOnly week, string reason, CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            var reopened = await db.Database.SqlQuery<int>(
                $"select agency.unlock_timesheet_week({employeeId}, {Weeks.StartOf(week)}, {reason}) as \"Value\"").SingleAsync(ct);
            return StepResult.Done(reopened);
        }, cancellationToken);

    public Task<StepResult> StartTimerAsync(Guid campaignId, Guid? phaseId, CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            await db.Database.ExecuteSqlAsync($"select agency.start_timer({campaignId}, {phaseId})", ct);
            return StepResult.Done(1);
        }, cancellationToken);

    public Task<StepResult> StopTimerAsync(CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            var added = await db.Database.SqlQuery<decimal>($"select agency.stop_timer() as \"Value\"").SingleAsync(ct);
            return StepResult.Done((int)(added * 4));
        }, cancellationToken);

    private async Task<StepResult> StepAsync(Func<WorkroomDbContext, CancellationToken, Task<StepResult>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await unitOfWork.RunAsync(step, cancellationToken);
        }
        catch (PostgresException ex) when (Message(ex) is { } message)
        {
            return StepResult.Refused(message);
        }
    }

    /// <summary>The sentence for a refusal: the rules of 021 wrote theirs for people to read.</summary>
    internal static string? Message(PostgresException ex) => ex switch
    {
        { ConstraintName: { } name } when name.StartsWith("timesheet_", StringComparison.Ordinal) => ex.MessageText,
        { SqlState: PostgresErrorCodes.InsufficientPrivilege } when ex.Routine is "exec_stmt_raise" => ex.MessageText,
        { SqlState: PostgresErrorCodes.InsufficientPrivilege } => Refused,
        { SqlState: PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation }
            when ex.Routine is "exec_stmt_raise" => ex.MessageText,
        { SqlState: PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation } =>
            $"The database refused the change ({ex.ConstraintName}).",
        _ => null,
    };
}
