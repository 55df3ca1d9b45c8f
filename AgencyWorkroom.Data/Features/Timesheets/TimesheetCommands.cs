using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>Books the caller's time off over a range, a draft entry a day, in one statement (the rules check each day).</summary>
    Task<StepResult> AddTimeOffAsync(TimeOffRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes one of the caller's draft or rejected time off entries.</summary>
    Task<StepResult> RemoveTimeOffAsync(Guid id, CancellationToken cancellationToken = default);

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

            // The week as sets: a statement for the cleared cells, one for the changed, one for the new
            // (bench #16b: 56 cells cell by cell were 1.8-2.4 s at x20). Refused as a set (a rule, or a
            // cell changed under the day locks), it is rolled back and saved cell by cell below, so
            // each refused cell gets its own message.
            await transaction.CreateSavepointAsync("week", ct);
            try
            {
                var saved = await SaveSetAsync(db, me, changes, ct);
                if (saved is not null)
                {
                    await transaction.ReleaseSavepointAsync("week", ct);
                    return saved;
                }
            }
            catch (PostgresException ex) when (Message(ex) is not null)
            {
            }

            await transaction.RollbackToSavepointAsync("week", ct);
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

    private enum CellWrite { None, Insert, Update, Delete }

    /// <summary>
    /// Saves the cells as sets, with the same decisions as <see cref="SaveCellAsync"/> (conflicts
    /// are answered, not written); null when the sets did not write what was decided (a cell
    /// changed meanwhile), which the caller rolls back and retries cell by cell.
    /// </summary>
    private static async Task<IReadOnlyList<CellOutcome>?> SaveSetAsync(WorkroomDbContext db, Guid me, IReadOnlyList<CellChange> changes, CancellationToken ct)
    {
        if (changes.Select(c => (c.CampaignId, c.PhaseId, c.Date)).Distinct().Count() != changes.Count)
        {
            return null;
        }

        // The person's days, locked as the 24 h rule locks them, in day order.
        var days = changes.Select(c => c.Date).Distinct().Order().ToArray();
        await db.Database.ExecuteSqlRawAsync(
            """
            select count(pg_advisory_xact_lock(hashtextextended(
              'time/' || agency.current_tenant_id()::text || '/' || agency.current_user_id()::text || '/' || d.day::text, 0)))
            from (select day from unnest(@days) day order by day) d
            """, [new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days }], ct);
        var current = await CurrentCellsAsync(db, me, changes, days, ct);

        var results = new CellOutcome?[changes.Count];
        var writes = new (CellWrite Kind, Guid Id, uint Version, decimal Hours, string? Note)[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var hours = change.Hours is > 0 ? change.Hours : null;
            var note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim();
            var now = current.GetValueOrDefault((change.CampaignId, change.PhaseId, change.Date));
            bool Same() => now!.Hours == hours && now.Note == note;

            if (change.EntryId is null || now is null || now.EntryId != change.EntryId)
            {
                if (now is not null)
                {
                    // Another tab (or the timer) filled the cell since it was read: theirs is kept and shown.
                    results[i] = change.EntryId is null && Same() ? new CellOutcome(change, now, null)
                        : new CellOutcome(change, null, ConflictMessage(now), now);
                }
                else if (hours is null)
                {
                    // Empty, or cleared elsewhere: clearing it here too loses nothing.
                    results[i] = new CellOutcome(change, Empty(change.Date), null);
                }
                else
                {
                    // A value typed into an empty cell (or one cleared elsewhere) is saved anew.
                    writes[i] = (CellWrite.Insert, Guid.CreateVersion7(), 0, hours.Value, note);
                }
            }
            else if (change.Version is { } version && now.Version != version)
            {
                results[i] = Same() ? new CellOutcome(change, now, null) : new CellOutcome(change, null, ConflictMessage(now), now);
            }
            else
            {
                writes[i] = hours is null ? (CellWrite.Delete, now.EntryId!.Value, now.Version, 0, null)
                    : (CellWrite.Update, now.EntryId!.Value, now.Version, hours.Value, note);
            }
        }

        int[] Of(CellWrite kind) => Enumerable.Range(0, changes.Count).Where(i => writes[i].Kind == kind).ToArray();
        var (deletes, updates, inserts) = (Of(CellWrite.Delete), Of(CellWrite.Update), Of(CellWrite.Insert));
        NpgsqlParameter Uuids(string name, IEnumerable<Guid> values) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = values.ToArray() };
        NpgsqlParameter Versions(int[] set) => new("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = set.Select(i => (long)writes[i].Version).ToArray() };
        NpgsqlParameter Hours(int[] set) => new("hours", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = set.Select(i => writes[i].Hours).ToArray() };
        NpgsqlParameter Notes(int[] set) => new("notes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = set.Select(i => writes[i].Note).ToArray() };
        NpgsqlParameter Billable(int[] set) => new("billable", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = set.Select(i => changes[i].Billable).ToArray() };

        // Cleared cells first (they make room in a day), then changes, then new cells. Each updates
        // or deletes only at the version it was read at (xmin); fewer rows than decided means a cell
        // changed under the locks (the timer does not take them first), and the caller retries.
        if (deletes.Length > 0 && await db.Database.ExecuteSqlRawAsync(
                """
                delete from agency.timesheet_entries t using unnest(@ids, @versions) as c(id, version)
                where t.id = c.id and t.employee_id = agency.current_user_id() and t.xmin::text::bigint = c.version
                """, [Uuids("ids", deletes.Select(i => writes[i].Id)), Versions(deletes)], ct) != deletes.Length)
        {
            return null;
        }

        if (updates.Length > 0 && await db.Database.ExecuteSqlRawAsync(
                """
                update agency.timesheet_entries t set hours = c.hours, description = c.note, billable = coalesce(c.billable, t.billable)
                from unnest(@ids, @versions, @hours, @notes, @billable) as c(id, version, hours, note, billable)
                where t.id = c.id and t.employee_id = agency.current_user_id() and t.xmin::text::bigint = c.version
                """, [Uuids("ids", updates.Select(i => writes[i].Id)), Versions(updates), Hours(updates), Notes(updates), Billable(updates)], ct)
            != updates.Length)
        {
            return null;
        }

        if (inserts.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                insert into agency.timesheet_entries (id, campaign_id, phase_id, entry_date, hours, billable, description)
                select c.id, c.campaign, c.phase, c.day, c.hours, c.billable, c.note
                from unnest(@ids, @campaigns, @phases, @days, @hours, @billable, @notes) as c(id, campaign, phase, day, hours, billable, note)
                """,
                [
                    Uuids("ids", inserts.Select(i => writes[i].Id)), Uuids("campaigns", inserts.Select(i => changes[i].CampaignId)),
                    new NpgsqlParameter("phases", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = inserts.Select(i => changes[i].PhaseId).ToArray() },
                    new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = inserts.Select(i => changes[i].Date).ToArray() },
                    Hours(inserts), Billable(inserts), Notes(inserts),
                ], ct);
        }

        if (deletes.Length + updates.Length + inserts.Length > 0)
        {
            current = await CurrentCellsAsync(db, me, changes, days, ct);
        }

        return changes.Select((change, i) => results[i] ?? (writes[i].Kind == CellWrite.Delete
                ? new CellOutcome(change, Empty(change.Date), null)
                : new CellOutcome(change, current.GetValueOrDefault((change.CampaignId, change.PhaseId, change.Date)), null)))
            .ToList();
    }

    // The caller's entries in the given cells now, with their versions (the first of a cell, if history holds two).
    private static async Task<Dictionary<(Guid, Guid?, DateOnly), CellDto>> CurrentCellsAsync(
        WorkroomDbContext db, Guid me, IReadOnlyList<CellChange> changes, DateOnly[] days, CancellationToken ct)
    {
        var campaigns = changes.Select(c => c.CampaignId).Distinct().ToArray();
        var rows = await db.Set<Entities.TimesheetEntry>().AsNoTracking()
            .Where(t => t.EmployeeId == me && days.Contains(t.EntryDate) && campaigns.Contains(t.CampaignId))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new { t.CampaignId, t.PhaseId, Cell = new CellDto(t.EntryDate, t.Id, t.Hours, t.Description, t.Status, t.Version, t.RejectionReason, t.Billable) })
            .ToListAsync(ct);
        var cells = new Dictionary<(Guid, Guid?, DateOnly), CellDto>();
        foreach (var row in rows)
        {
            cells.TryAdd((row.CampaignId, row.PhaseId, row.Cell.Date), row.Cell);
        }

        return cells;
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
            update agency.timesheet_entries set hours = {hours}, description = {note}, billable = coalesce({change.Billable}, billable)
            where id = {current.EntryId}
            """, ct);
        return new CellOutcome(change, await CurrentAsync(db, me, change, ct), null);
    }

    // The caller's entry in the cell now, with its version (the first, if history holds two).
    private static Task<CellDto?> CurrentAsync(WorkroomDbContext db, Guid me, CellChange change, CancellationToken ct) =>
        db.Set<Entities.TimesheetEntry>().AsNoTracking()
            .Where(t => t.EmployeeId == me && t.CampaignId == change.CampaignId && t.PhaseId == change.PhaseId && t.EntryDate == change.Date)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new CellDto(t.EntryDate, t.Id, t.Hours, t.Description, t.Status, t.Version, t.RejectionReason, t.Billable))
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
            var changed = await ReviewAsync(db, weeks, "approved", null, ct);
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
            var changed = await ReviewAsync(db, [(employeeId, week)], "rejected", reason.Trim(), ct);
            return changed == 0 ? StepResult.Refused("Nothing here is waiting for your approval.") : StepResult.Done(changed);
        }, cancellationToken);
    }

    // The submitted time of the person-weeks that the caller may review, one statement per table for
    // all of them: a project manager's campaigns only, so that one week on two campaigns is approved
    // by each manager for their part. may_review_time is inlined (030), the rules check each row once.
    private static async Task<int> ReviewAsync(
        WorkroomDbContext db, IReadOnlyList<(Guid EmployeeId, DateOnly Week)> weeks, string status, string? reason, CancellationToken ct)
    {
        var pairs = weeks.Select(w => (w.EmployeeId, Week: Weeks.StartOf(w.Week))).Distinct().ToArray();
        NpgsqlParameter[] Parameters() =>
        [
            new("people", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pairs.Select(p => p.EmployeeId).ToArray() },
            new("weeks", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = pairs.Select(p => p.Week).ToArray() },
            new("status", NpgsqlDbType.Text) { Value = status },
            new("reason", NpgsqlDbType.Text) { Value = (object?)reason ?? DBNull.Value },
        ];
        return await db.Database.ExecuteSqlRawAsync(
                """
                update agency.timesheet_entries t set status = @status, rejection_reason = @reason
                from unnest(@people, @weeks) as w(employee_id, week)
                where t.employee_id = w.employee_id and t.week_start_date = w.week and t.status = 'submitted'
                  and agency.may_review_time(t.employee_id, t.campaign_id)
                """, Parameters(), ct)
            + await db.Database.ExecuteSqlRawAsync(
                """
                update agency.time_off_entries t set status = @status, rejection_reason = @reason
                from unnest(@people, @weeks) as w(employee_id, week)
                where t.employee_id = w.employee_id and t.week_start_date = w.week and t.status = 'submitted'
                  and agency.may_review_time(t.employee_id, null)
                """, Parameters(), ct);
    }

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

    public Task<StepResult> AddTimeOffAsync(TimeOffRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Problem is { } problem)
        {
            return Task.FromResult(StepResult.Refused(problem));
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return StepAsync(async (db, ct) =>
        {
            var added = await db.Database.ExecuteSqlAsync($"""
                insert into agency.time_off_entries (kind, entry_date, hours, description)
                select {request.Kind}, d::date, {request.HoursPerDay}, {note}
                from generate_series({request.From}::date, {request.To}::date, interval '1 day') d
                where {request.IncludeWeekends} or extract(isodow from d) < 6
                order by d
                """, ct);
            return added == 0 ? StepResult.Refused("No working day in that range; include weekends to book them.") : StepResult.Done(added);
        }, cancellationToken);
    }

    public Task<StepResult> RemoveTimeOffAsync(Guid id, CancellationToken cancellationToken = default) =>
        StepAsync(async (db, ct) =>
        {
            var removed = await db.Database.ExecuteSqlAsync($"delete from agency.time_off_entries where id = {id} and employee_id = agency.current_user_id()", ct);
            return removed == 0 ? StepResult.Refused("No such time off of yours.") : StepResult.Done(removed);
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
