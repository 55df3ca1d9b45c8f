-- 032 the rules of time cost little per row, and approvals and imports are audited per person-week
-- (issue 13 "the week save", issue 12 "bulk writes"; decisions 010 and 015).
--
-- What was slow, measured at ×20 on the shared dev database (EXPLAIN ANALYZE as the app role):
--   * 021's check_time_entry took 0.6-1 ms a row: it called SQL helpers that carry their own
--     search_path (agency.time_rules_bind 30 µs, time_import_active 15 µs, week_locked 138 µs
--     twice for an update, day_hours 82 µs), each planned and run as a function call of its own.
--     A week of 56 cells spent 33-53 ms in it; 100,000 approvals some 60 s.
--   * every approval, rejection and imported row wrote an audit row of its own (to_jsonb of the
--     row, a diff, an insert): 100,000 audit rows for an import or a quarter's approval.
--
-- What changed:
--   * check_time_entry keeps every rule, message, constraint name and its order, but asks each
--     question with a query of its own (plpgsql keeps their plans), and only what the row needs:
--     who is bound is pg_has_role and row_security_active (no catalog query); a change of status
--     or content of time that is not approved asks only whether its week holds a kept lock (a week
--     holding that row is not "all approved"); the reviewer check is inline; the day's hours are
--     one query over both tables, after the same advisory lock per person and day.
--   * the approver check that the approvals services and the queue run (may_review_time) has a
--     SQL-standard body, so a WHERE inlines it instead of calling it for each row.
--   * the audit of approvals, rejections and imports is one row per person-week and statement
--     (entity 'timesheet_entries' / 'time_off_entries', entity_id null): who (actor_id, role),
--     when, the action and reason, and in new_values the person, the week, the status, how many
--     entries, their hours and their ids. Unlocks and sign-offs keep their per-week rows (021).

-- ------------------------------------------------------------------ who may review, inlinable
create or replace function agency.may_review_time(p_employee uuid, p_campaign uuid) returns boolean
language sql stable
return p_employee is distinct from agency.current_user_id()
   and agency.current_user_id() is not null
   and (agency.has_role('leadership')
        or (p_campaign is not null and agency.has_role('pm') and exists (
              select 1 from agency.campaign_team tm
              where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign
                and tm.employee_id = agency.current_user_id() and tm.team_role = 'project_manager')));

-- ------------------------------------------------------------------ the rules, per row, cheaply
create or replace function agency.check_time_entry() returns trigger
language plpgsql volatile set search_path = '' as $$
declare
  entries constant boolean := tg_table_name = 'timesheet_entries';
  me uuid;
  tenant uuid;
  content_changed boolean := false;
  new_week date;
  v_locked boolean;
  v_campaign record;
  v_phase record;
  v_ahead integer;
  v_day_total numeric;
  v_reviewer boolean;
begin
  -- Who is bound (agency.time_rules_bind): the web app, a member of agency_app under row-level
  -- security. row_security_active is false for the owner-less bypass (BYPASSRLS, superuser).
  if not (pg_catalog.pg_has_role(current_user, 'agency_app', 'MEMBER') and pg_catalog.row_security_active(tg_relid)) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  -- An admin's audited import (agency.time_import_active): the flag first, it is the cheap half.
  if pg_catalog.current_setting('app.timesheet_import', true) = 'on' and agency.has_role('admin') then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  me := agency.current_user_id();
  tenant := agency.current_tenant_id();

  -- A locked week refuses every change, whoever asks. A row that is not approved is itself a part
  -- of its week that is not approved, so only a kept lock can lock its week; an approved row's
  -- week takes the whole test (agency.week_locked).
  if tg_op in ('UPDATE', 'DELETE') then
    if old.status = 'approved' then
      v_locked := agency.week_locked(old.employee_id, old.week_start_date);
    else
      v_locked := exists (select 1 from agency.timesheet_weeks w
                          where w.tenant_id = tenant and w.employee_id = old.employee_id
                            and w.week_start_date = old.week_start_date and w.locked_at is not null);
    end if;
    if v_locked then
      raise exception 'The week of % is approved and locked; ask finance or leadership to unlock it.', old.week_start_date
        using errcode = '42501', constraint = 'timesheet_week_locked';
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    new_week := new.entry_date - (extract(isodow from new.entry_date)::integer - 1);
    if tg_op = 'INSERT' or new_week is distinct from old.week_start_date or new.employee_id is distinct from old.employee_id
       or old.status = 'approved' then
      -- agency.week_locked, inline (its plan kept by plpgsql; the function call cost 138 µs).
      select exists (select 1 from agency.timesheet_weeks w
                     where w.tenant_id = tenant and w.employee_id = new.employee_id
                       and w.week_start_date = new_week and w.locked_at is not null)
          or (exists (select 1 from agency.timesheet_entries t
                      where t.tenant_id = tenant and t.week_start_date = new_week
                        and t.employee_id = new.employee_id and t.status = 'approved')
              and not exists (select 1 from agency.timesheet_entries t
                              where t.tenant_id = tenant and t.week_start_date = new_week
                                and t.employee_id = new.employee_id and t.status <> 'approved')
              and not exists (select 1 from agency.time_off_entries o
                              where o.tenant_id = tenant and o.week_start_date = new_week
                                and o.employee_id = new.employee_id and o.status <> 'approved')
              and not coalesce((select x.timesheet_finance_signoff from agency.tenants x where x.id = tenant), false))
      into v_locked;
      if v_locked then
        raise exception 'The week of % is approved and locked; ask finance or leadership to unlock it.', new_week
          using errcode = '42501', constraint = 'timesheet_week_locked';
      end if;
    end if;
  end if;

  if tg_op = 'DELETE' then
    if old.employee_id is distinct from me then
      raise exception 'Only the person who logged time may delete it.' using errcode = '42501', constraint = 'timesheet_own_entries';
    end if;
    if old.status not in ('draft', 'rejected') then
      raise exception 'This time is % and cannot be deleted.', old.status using errcode = '42501', constraint = 'timesheet_entry_frozen';
    end if;
    return old;
  end if;

  if tg_op = 'INSERT' then
    if new.employee_id is distinct from me then
      raise exception 'Only the person themself may log their time.' using errcode = '42501', constraint = 'timesheet_own_entries';
    end if;
    if new.status <> 'draft' then
      raise exception 'New time starts as a draft.' using errcode = '42501', constraint = 'timesheet_status_transition';
    end if;
    new.submitted_at := null; new.approved_by := null; new.approved_at := null;
    new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null;
    content_changed := true;
  else
    if new.employee_id is distinct from old.employee_id or new.tenant_id is distinct from old.tenant_id
       or new.id is distinct from old.id then
      raise exception 'Time cannot be moved to another person.' using errcode = '42501', constraint = 'timesheet_own_entries';
    end if;
    content_changed := new.entry_date is distinct from old.entry_date or new.hours is distinct from old.hours
      or new.description is distinct from old.description;
    -- Separate branches: PL/pgSQL resolves a field only where the table has it.
    if entries then
      content_changed := content_changed or new.campaign_id is distinct from old.campaign_id
        or new.phase_id is distinct from old.phase_id or new.billable is distinct from old.billable;
    else
      content_changed := content_changed or new.kind is distinct from old.kind;
    end if;

    if content_changed then
      if old.employee_id is distinct from me then
        raise exception 'Only the person who logged time may change it; approvers approve or reject.'
          using errcode = '42501', constraint = 'timesheet_own_entries';
      end if;
      if old.status not in ('draft', 'rejected') or new.status not in ('draft', 'rejected', 'submitted') then
        raise exception 'This time is % and cannot be changed.', old.status using errcode = '42501', constraint = 'timesheet_entry_frozen';
      end if;
    end if;

    if new.status is distinct from old.status then
      if old.status in ('draft', 'rejected') and new.status = 'submitted' then
        if old.employee_id is distinct from me then
          raise exception 'Only the person may submit their time.' using errcode = '42501', constraint = 'timesheet_status_transition';
        end if;
        new.submitted_at := now();
        new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null;
      elsif old.status = 'submitted' and new.status = 'draft' then
        if old.employee_id is distinct from me then
          raise exception 'Only the person may withdraw their time.' using errcode = '42501', constraint = 'timesheet_status_transition';
        end if;
        new.submitted_at := null;
      elsif old.status = 'submitted' and new.status in ('approved', 'rejected') then
        -- agency.may_review_time, inline: leadership any, a project manager their campaigns, never their own.
        v_reviewer := me is not null and old.employee_id is distinct from me;
        if v_reviewer and not agency.has_role('leadership') then
          if entries then
            v_reviewer := agency.has_role('pm') and exists (
              select 1 from agency.campaign_team tm
              where tm.tenant_id = tenant and tm.campaign_id = old.campaign_id
                and tm.employee_id = me and tm.team_role = 'project_manager');
          else
            v_reviewer := false;
          end if;
        end if;
        if not v_reviewer then
          raise exception 'Only the campaign''s project manager or leadership may approve or reject this time, never their own.'
            using errcode = '42501', constraint = 'timesheet_approver';
        end if;
        if new.status = 'approved' then
          new.approved_by := me; new.approved_at := now();
          new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null;
        else
          if coalesce(btrim(new.rejection_reason), '') = '' then
            raise exception 'Say why the time is rejected.' using errcode = '23514', constraint = 'timesheet_rejection_reason';
          end if;
          new.rejected_by := me; new.rejected_at := now();
          new.approved_by := null; new.approved_at := null;
        end if;
        return new;
      else
        raise exception 'Time cannot go from % to %.', old.status, new.status
          using errcode = '42501', constraint = 'timesheet_status_transition';
      end if;
    end if;

    -- What only a transition sets is not the caller's to write.
    if new.approved_by is distinct from old.approved_by or new.approved_at is distinct from old.approved_at
       or (new.status is not distinct from old.status
           and (new.submitted_at is distinct from old.submitted_at or new.rejected_by is distinct from old.rejected_by
                or new.rejected_at is distinct from old.rejected_at or new.rejection_reason is distinct from old.rejection_reason)) then
      raise exception 'Who approved or rejected time, and when, is set by approving or rejecting it.'
        using errcode = '42501', constraint = 'timesheet_status_transition';
    end if;
  end if;

  if not content_changed then
    return new;
  end if;

  -- The rules of a cell.
  if new.hours * 4 <> trunc(new.hours * 4) then
    raise exception 'Log time in quarter hours (0:15, 0:30, 0:45).' using errcode = '23514', constraint = 'timesheet_quarter_hours';
  end if;

  select t.time_entry_days_ahead into v_ahead from agency.tenants t where t.id = tenant;
  if new.entry_date > current_date + coalesce(v_ahead, 0) then
    raise exception '%', case when coalesce(v_ahead, 0) = 0 then 'No time can be logged after today.'
                              else format('No time can be logged more than %s days ahead.', v_ahead) end
      using errcode = '23514', constraint = 'timesheet_days_ahead';
  end if;

  if entries then
    select c.name, c.status, c.start_date, c.end_date, c.deleted_at into v_campaign
    from agency.campaigns c where c.tenant_id = new.tenant_id and c.id = new.campaign_id;
    if not found then
      raise exception 'No such campaign.' using errcode = '23503', constraint = 'timesheet_entries_tenant_id_campaign_id_fkey';
    end if;
    if v_campaign.deleted_at is not null or v_campaign.status in ('completed', 'cancelled') then
      raise exception 'The campaign is closed; no time can be logged on it.' using errcode = '23514', constraint = 'timesheet_campaign_open';
    end if;
    if new.entry_date < v_campaign.start_date or new.entry_date > v_campaign.end_date then
      raise exception 'The campaign runs from % to %.', v_campaign.start_date, v_campaign.end_date
        using errcode = '23514', constraint = 'timesheet_campaign_dates';
    end if;
    if new.phase_id is not null then
      select p.name, p.status, p.start_date, p.end_date into v_phase
      from agency.campaign_phases p where p.tenant_id = new.tenant_id and p.id = new.phase_id;
      if v_phase.status = 'completed' then
        raise exception 'The phase % is completed; no time can be logged on it.', v_phase.name
          using errcode = '23514', constraint = 'timesheet_phase_open';
      end if;
      if new.entry_date < v_phase.start_date or new.entry_date > v_phase.end_date then
        raise exception 'The phase % runs from % to %.', v_phase.name, v_phase.start_date, v_phase.end_date
          using errcode = '23514', constraint = 'timesheet_phase_dates';
      end if;
    end if;
  end if;

  -- 24 h a day across every row of the person: one writer per person and day at a time, so two
  -- transactions cannot each see room for the same hours. The sum is read after the lock, by a
  -- statement of its own, so it sees what the other committed (agency.day_hours, in one query).
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(
    'time/' || new.tenant_id::text || '/' || new.employee_id::text || '/' || new.entry_date::text, 0));
  select coalesce(sum(x.hours), 0) + new.hours into v_day_total
  from (select t.hours from agency.timesheet_entries t
        where t.tenant_id = tenant and t.employee_id = new.employee_id and t.entry_date = new.entry_date
          and t.id is distinct from new.id
        union all
        select o.hours from agency.time_off_entries o
        where o.tenant_id = tenant and o.employee_id = new.employee_id and o.entry_date = new.entry_date
          and o.id is distinct from new.id) x;
  if v_day_total > 24 then
    raise exception 'That makes % h on %; a day holds at most 24 h.', v_day_total, new.entry_date
      using errcode = '23514', constraint = 'timesheet_day_limit';
  end if;
  return new;
end
$$;

-- ------------------------------------------------------------------ audit per person-week
-- After a statement: an import's rows (whatever it did), or the rows a review moved from submitted
-- to approved or rejected, one audit row per person-week, status and statement. Definer, owned by
-- agency_audit like agency.audit_change (020): the only role that may append to the log. Maintenance
-- loads (no session role) are not people's changes and are not audited.
create or replace function agency.audit_time_sets() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  importing constant boolean := current_setting('app.timesheet_import', true) = 'on';
  v_action text := nullif(current_setting('app.audit_action', true), '');
  v_reason constant text := nullif(btrim(current_setting('app.audit_reason', true)), '');
begin
  if nullif(current_setting('app.current_role', true), '') is null then
    return null;
  end if;
  if importing then
    v_action := coalesce(v_action, 'import');
    if tg_op = 'DELETE' then
      insert into agency.audit_log (tenant_id, entity, action, reason, old_values)
      select o.tenant_id, tg_table_name, v_action, v_reason,
             jsonb_build_object('op', 'delete', 'employee_id', o.employee_id, 'week_start_date', o.week_start_date,
                                'entries', count(*), 'hours', sum(o.hours), 'ids', jsonb_agg(o.id order by o.id))
      from old_rows o group by o.tenant_id, o.employee_id, o.week_start_date;
    else
      insert into agency.audit_log (tenant_id, entity, action, reason, new_values)
      select n.tenant_id, tg_table_name, v_action, v_reason,
             jsonb_build_object('op', lower(tg_op), 'employee_id', n.employee_id, 'week_start_date', n.week_start_date,
                                'status', n.status, 'entries', count(*), 'hours', sum(n.hours),
                                'ids', jsonb_agg(n.id order by n.id))
      from new_rows n group by n.tenant_id, n.employee_id, n.week_start_date, n.status;
    end if;
    return null;
  end if;
  if tg_op <> 'UPDATE' then
    return null;
  end if;
  -- A review: submitted -> approved or rejected.
  insert into agency.audit_log (tenant_id, entity, action, reason, old_values, new_values)
  select n.tenant_id, tg_table_name, coalesce(v_action, case n.status when 'approved' then 'approve' else 'reject' end),
         coalesce(v_reason, max(n.rejection_reason)),
         jsonb_build_object('status', 'submitted'),
         jsonb_build_object('employee_id', n.employee_id, 'week_start_date', n.week_start_date, 'status', n.status,
                            'entries', count(*), 'hours', sum(n.hours), 'ids', jsonb_agg(n.id order by n.id))
  from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
  where o.status = 'submitted' and n.status in ('approved', 'rejected')
  group by n.tenant_id, n.employee_id, n.week_start_date, n.status;
  return null;
end
$fn$;

grant create on schema agency to agency_audit;
alter function agency.audit_time_sets() owner to agency_audit;
revoke create on schema agency from agency_audit;
revoke execute on function agency.audit_time_sets() from public;

drop trigger if exists audit_import on agency.timesheet_entries;
drop trigger if exists audit_review on agency.timesheet_entries;
drop trigger if exists audit_import on agency.time_off_entries;
drop trigger if exists audit_review on agency.time_off_entries;

drop trigger if exists audit_sets_insert on agency.timesheet_entries;
create trigger audit_sets_insert after insert on agency.timesheet_entries referencing new table as new_rows
  for each statement execute function agency.audit_time_sets();
drop trigger if exists audit_sets_update on agency.timesheet_entries;
create trigger audit_sets_update after update on agency.timesheet_entries referencing old table as old_rows new table as new_rows
  for each statement execute function agency.audit_time_sets();
drop trigger if exists audit_sets_delete on agency.timesheet_entries;
create trigger audit_sets_delete after delete on agency.timesheet_entries referencing old table as old_rows
  for each statement execute function agency.audit_time_sets();
drop trigger if exists audit_sets_insert on agency.time_off_entries;
create trigger audit_sets_insert after insert on agency.time_off_entries referencing new table as new_rows
  for each statement execute function agency.audit_time_sets();
drop trigger if exists audit_sets_update on agency.time_off_entries;
create trigger audit_sets_update after update on agency.time_off_entries referencing old table as old_rows new table as new_rows
  for each statement execute function agency.audit_time_sets();
drop trigger if exists audit_sets_delete on agency.time_off_entries;
create trigger audit_sets_delete after delete on agency.time_off_entries referencing old table as old_rows
  for each statement execute function agency.audit_time_sets();
