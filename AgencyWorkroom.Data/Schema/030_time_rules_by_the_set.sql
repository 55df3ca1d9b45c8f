-- 030 the rules of time cost little per row, and approvals and imports are audited per person-week
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
--     one query over both tables by the person-week index, after the same advisory lock per person
--     and day.
--   * only campaigns the person may log to (on the team or allocated; issue 13) is a rule of the
--     trigger, 'timesheet_campaign_member', no longer only the grid's offer; an import steps aside.
--   * time off may be booked ahead of today (the days-ahead rule is for logged work); it is
--     submitted and approved with its week, like time.
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

  -- Work is logged up to today (or the tenant's days ahead); time off is booked ahead (a holiday next
  -- month), and stays a draft until its week is submitted with the rest of the week.
  if entries then
    select t.time_entry_days_ahead into v_ahead from agency.tenants t where t.id = tenant;
  end if;
  if entries and new.entry_date > current_date + coalesce(v_ahead, 0) then
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
    -- Only campaigns the person may log to: on its team, or allocated to it (the grid's offer,
    -- now a rule). Asked when time comes onto a campaign, not for each change of its hours.
    if (tg_op = 'INSERT' or new.campaign_id is distinct from old.campaign_id)
       and not exists (select 1 from agency.campaign_team tm
                       where tm.tenant_id = tenant and tm.campaign_id = new.campaign_id and tm.employee_id = new.employee_id)
       and not exists (select 1 from agency.team_allocations a
                       where a.tenant_id = tenant and a.employee_id = new.employee_id and a.campaign_id = new.campaign_id) then
      raise exception 'You are not on the team of % nor allocated to it; ask its project manager to add you.', v_campaign.name
        using errcode = '42501', constraint = 'timesheet_campaign_member';
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
        where t.tenant_id = tenant and t.employee_id = new.employee_id and t.week_start_date = new_week and t.entry_date = new.entry_date
          and t.id is distinct from new.id
        union all
        select o.hours from agency.time_off_entries o
        where o.tenant_id = tenant and o.employee_id = new.employee_id and o.week_start_date = new_week and o.entry_date = new.entry_date
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

-- ------------------------------------------------------------------ billable by default, per campaign
-- Billable is the entry's (the person may toggle it per entry); what it starts as is the campaign's:
-- campaigns.billable_by_default (decision 015: not derived from budget_type, whose three kinds are
-- all client work; an internal campaign, a pitch or the agency's own, says false here). An insert
-- that names no billable takes it, whoever writes (the grid, the timer, an import, a seed).
alter table agency.campaigns add column if not exists billable_by_default boolean not null default true;
alter table agency.timesheet_entries alter column billable drop default;

create or replace function agency.billable_from_campaign() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  select c.billable_by_default into new.billable
  from agency.campaigns c where c.tenant_id = new.tenant_id and c.id = new.campaign_id;
  new.billable := coalesce(new.billable, true);
  return new;
end
$$;

-- Before the rules (triggers of one kind fire by name): only when the insert named none.
drop trigger if exists billable_from_campaign on agency.timesheet_entries;
create trigger billable_from_campaign before insert on agency.timesheet_entries
  for each row when (new.billable is null) execute function agency.billable_from_campaign();

-- The timer's time starts as its campaign says (021 wrote true).
create or replace function agency.stop_timer() returns numeric
language plpgsql volatile set search_path = '' as $$
declare
  v_timer agency.timesheet_timers;
  v_hours numeric;
  v_entry uuid;
begin
  delete from agency.timesheet_timers t
  where t.tenant_id = agency.current_tenant_id() and t.employee_id = agency.current_user_id()
  returning * into v_timer;
  if v_timer.employee_id is null then
    raise exception 'No timer is running.' using errcode = '23514';
  end if;
  v_hours := round(extract(epoch from now() - v_timer.started_at) / 900) / 4;
  if v_hours <= 0 then
    return 0;
  end if;
  v_hours := least(v_hours, 24);
  select e.id into v_entry
  from agency.timesheet_entries e
  where e.tenant_id = v_timer.tenant_id and e.employee_id = v_timer.employee_id and e.campaign_id = v_timer.campaign_id
    and e.phase_id is not distinct from v_timer.phase_id and e.entry_date = current_date and e.status in ('draft', 'rejected')
  order by e.created_at
  limit 1;
  if v_entry is null then
    insert into agency.timesheet_entries (campaign_id, phase_id, entry_date, hours)
    values (v_timer.campaign_id, v_timer.phase_id, current_date, v_hours);
  else
    update agency.timesheet_entries set hours = hours + v_hours where tenant_id = v_timer.tenant_id and id = v_entry;
  end if;
  return v_hours;
end
$$;

-- ------------------------------------------------------------------ the activity feed's timesheet steps
-- Issue 13: each step shows in the activity feed. Approvals were there (from the entries); a week's
-- last submission and last rejection (who, when, why) are now kept on its row of timesheet_weeks by
-- the status trigger, and its last unlock was already there. The feed reads each from a
-- small partial index, newest first, as far as the caller may read weeks (their own, or everyone's).
alter table agency.timesheet_weeks add column if not exists submitted_at timestamptz;
alter table agency.timesheet_weeks add column if not exists rejected_at timestamptz;
alter table agency.timesheet_weeks add column if not exists rejected_by uuid;
alter table agency.timesheet_weeks add column if not exists rejection_reason text;
alter table agency.timesheet_weeks drop constraint if exists timesheet_weeks_rejected_by_fkey;
alter table agency.timesheet_weeks add constraint timesheet_weeks_rejected_by_fkey
  foreign key (tenant_id, rejected_by) references agency.employees (tenant_id, id);
create index if not exists timesheet_weeks_submitted_idx on agency.timesheet_weeks (tenant_id, submitted_at desc)
  where submitted_at is not null;
create index if not exists timesheet_weeks_rejected_idx on agency.timesheet_weeks (tenant_id, rejected_at desc)
  where rejected_at is not null;
create index if not exists timesheet_weeks_rejected_by_idx on agency.timesheet_weeks (tenant_id, rejected_by)
  where rejected_by is not null;
create index if not exists timesheet_weeks_unlocked_idx on agency.timesheet_weeks (tenant_id, unlocked_at desc)
  where unlocked_at is not null;

create or replace function agency.after_time_status() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  me constant uuid := agency.current_user_id();
  signoff boolean;
  w record;
begin
  if tenant is null then
    return null;
  end if;
  select t.timesheet_finance_signoff into signoff from agency.tenants t where t.id = tenant;

  for w in
    select n.employee_id, n.week_start_date, n.status,
           max(n.rejection_reason) as reason, count(*) as entries, sum(n.hours) as hours
    from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    where n.tenant_id = tenant and n.status is distinct from o.status
    group by 1, 2, 3
  loop
    if w.status = 'approved' and not coalesce(signoff, false)
       and not exists (select 1 from agency.timesheet_entries t
                       where t.tenant_id = tenant and t.employee_id = w.employee_id
                         and t.week_start_date = w.week_start_date and t.status <> 'approved')
       and not exists (select 1 from agency.time_off_entries o
                       where o.tenant_id = tenant and o.employee_id = w.employee_id
                         and o.week_start_date = w.week_start_date and o.status <> 'approved') then
      insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, locked_at)
      values (tenant, w.employee_id, w.week_start_date, now())
      on conflict (tenant_id, employee_id, week_start_date) do update set locked_at = now(), updated_at = now()
        where k.locked_at is null;
    end if;

    -- The feed's step of the week (submitted or rejected; approvals it reads from the entries).
    if w.status = 'submitted' then
      insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, submitted_at)
      values (tenant, w.employee_id, w.week_start_date, now())
      on conflict (tenant_id, employee_id, week_start_date) do update set submitted_at = now(), updated_at = now();
    elsif w.status = 'rejected' then
      insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, rejected_at, rejected_by, rejection_reason)
      values (tenant, w.employee_id, w.week_start_date, now(), me, w.reason)
      on conflict (tenant_id, employee_id, week_start_date) do update
        set rejected_at = now(), rejected_by = excluded.rejected_by, rejection_reason = excluded.rejection_reason, updated_at = now();
    end if;

    if w.status in ('approved', 'rejected') then
      insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
      values (tenant, w.employee_id, 'timesheet_' || w.status, w.week_start_date,
              case w.status when 'approved' then format('%s h of your week of %s approved', w.hours, w.week_start_date)
                   else left(format('%s h of your week of %s rejected: %s', w.hours, w.week_start_date, w.reason), 300) end);
    elsif w.status = 'submitted' then
      -- To who will review it: the project managers of its campaigns, else leadership.
      insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
      select tenant, r.id, 'timesheet_submitted', w.week_start_date,
             left(format('%s submitted the week of %s', p.full_name, w.week_start_date), 300)
      from agency.employees p
      cross join lateral (
        select distinct tm.employee_id as id
        from agency.timesheet_entries t
        join agency.campaign_team tm on tm.tenant_id = t.tenant_id and tm.campaign_id = t.campaign_id
          and tm.team_role = 'project_manager'
        where t.tenant_id = tenant and t.employee_id = w.employee_id and t.week_start_date = w.week_start_date
          and t.status = 'submitted' and tm.employee_id <> w.employee_id
        union
        select e.id from agency.employees e
        where e.tenant_id = tenant and e.agency_role = 'leadership' and e.active and e.deleted_at is null
          and e.id <> w.employee_id
          and (tg_table_name = 'time_off_entries' or not exists (
                select 1 from agency.timesheet_entries t
                join agency.campaign_team tm on tm.tenant_id = t.tenant_id and tm.campaign_id = t.campaign_id
                  and tm.team_role = 'project_manager'
                where t.tenant_id = tenant and t.employee_id = w.employee_id and t.week_start_date = w.week_start_date
                  and t.status = 'submitted' and tm.employee_id <> w.employee_id))) r
      where p.tenant_id = tenant and p.id = w.employee_id;
    end if;
  end loop;
  return null;
end
$fn$;


grant create on schema agency to agency_timesheets;
alter function agency.after_time_status() owner to agency_timesheets;
revoke create on schema agency from agency_timesheets;
revoke execute on function agency.after_time_status() from public;

create or replace function agency.get_recent_activity(p_limit integer default 20, p_user_id uuid default null)
returns table (activity_type text, occurred_at timestamptz, actor_id uuid, actor_name text,
               entity_type text, entity_id uuid, title text, detail text, campaign_id uuid)
language plpgsql stable set search_path = '' as $fn$
begin
  return query
  select x.activity_type, x.occurred_at, x.actor_id, e.full_name, x.entity_type, x.entity_id, x.title, x.detail, x.campaign_id
  from (
    (select case when v.version_number = 1 then 'artifact_created' else 'artifact_edited' end as activity_type,
            v.created_at as occurred_at, v.created_by as actor_id, 'artifact' as entity_type, a.id as entity_id,
            a.title, 'Version ' || v.version_number as detail, a.campaign_id
     from agency.artifact_versions v
     join agency.artifacts a on a.tenant_id = v.tenant_id and a.id = v.artifact_id
     where v.tenant_id = agency.current_tenant_id() and a.deleted_at is null
       and (p_user_id is null or v.created_by = p_user_id)
     order by v.created_at desc limit p_limit)
    union all
    (select 'comment_added', cm.created_at, cm.author_id, 'artifact', a.id, a.title, left(cm.body, 140), a.campaign_id
     from agency.artifact_comments cm
     join agency.artifacts a on a.tenant_id = cm.tenant_id and a.id = cm.artifact_id
     where cm.tenant_id = agency.current_tenant_id() and cm.deleted_at is null and a.deleted_at is null
       and (p_user_id is null or cm.author_id = p_user_id)
     order by cm.created_at desc limit p_limit)
    union all
    (select 'timesheet_approved', r.approved_at, r.approved_by, 'timesheet', r.employee_id,
            'Week of ' || to_char(r.week_start_date, 'YYYY-MM-DD'), r.hours || ' h approved', null::uuid
     from agency.recent_timesheet_approvals(p_limit, p_user_id) r)
    union all
    (select 'timesheet_submitted', w.submitted_at, w.employee_id, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), 'Submitted for approval', null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.submitted_at is not null
       and (p_user_id is null or w.employee_id = p_user_id)
     order by w.submitted_at desc limit p_limit)
    union all
    (select 'timesheet_rejected', w.rejected_at, w.rejected_by, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), left('Rejected: ' || w.rejection_reason, 140), null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.rejected_at is not null
       and (p_user_id is null or w.rejected_by = p_user_id)
     order by w.rejected_at desc limit p_limit)
    union all
    (select 'timesheet_unlocked', w.unlocked_at, w.unlocked_by, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), left('Unlocked: ' || w.unlock_reason, 140), null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.unlocked_at is not null
       and (p_user_id is null or w.unlocked_by = p_user_id)
     order by w.unlocked_at desc limit p_limit)
    union all
    (select 'campaign_updated', c.updated_at, c.updated_by, 'campaign', c.id, c.name,
            'Status: ' || replace(c.status, '_', ' '), c.id
     from agency.campaigns c
     where c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
       and (p_user_id is null or c.updated_by = p_user_id)
     order by c.updated_at desc limit p_limit)
  ) x
  left join agency.employees e on e.tenant_id = agency.current_tenant_id() and e.id = x.actor_id
  order by x.occurred_at desc
  limit p_limit;
end
$fn$;
