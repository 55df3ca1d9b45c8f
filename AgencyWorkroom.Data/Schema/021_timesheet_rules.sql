-- 021 the rules of time (issue 13; decision 010). Tried on the landed schema as the app role, a
-- creative's unit of work set 15 of their own entries to approved, 28 more hours went into a day
-- that already had 7, and a project manager's changed the hours of an approved entry. Row-level
-- security says whose rows a role may touch, not what it may do to them; these rules say that.
--
-- Who is bound: every member of agency_app that cannot bypass row-level security, i.e. the web
-- app. The schema owner (who could drop any trigger) and the maintenance loader (BYPASSRLS: the
-- demo seed copies approved history in) are not; nor are the definer functions below, which do
-- the steps a caller may not do by hand (lock, sign-off, unlock) after checking the caller.
--
--   entries            a person writes their own entries only, in quarter hours, at most 24 h a
--                      day across every row and time off (an advisory lock per person and day
--                      holds it under concurrent writers), on an open campaign and phase within
--                      their dates, never later than today + tenants.time_entry_days_ahead, and
--                      only while an entry is draft or rejected and its week is not locked.
--   status             the person: draft/rejected -> submitted, submitted -> draft (withdraw).
--                      An approver (the campaign's project_manager in campaign_team, or
--                      leadership), never for their own entries: submitted -> approved, or
--                      -> rejected with a reason. approved_by/at and the rejection's who and when
--                      are set here, never taken from the caller.
--   weeks              agency.timesheet_weeks: locked when every entry of a person-week is
--                      approved (and signed off by finance where tenants.timesheet_finance_signoff);
--                      a locked week refuses every insert, update and delete until
--                      agency.unlock_timesheet_week (finance, leadership, a reason; audited).
--   time off           agency.time_off_entries (holiday, sick, leave): no campaign, never
--                      billable, never in a campaign's summaries, approved like time (by
--                      leadership), counted in the 24 h of a day and netted out of capacity.
--   import             agency.begin_timesheet_import(reason): an admin's unit of work may write
--                      history that breaks the entry-time rules (odd minutes, closed campaigns,
--                      already approved), never another tenant's rows; every row it writes is
--                      in the audit log with the reason.
--   notifications      new kinds with an optional campaign and threshold, raised by a trigger
--                      (definer) on submit, approve, reject, unlock and sign-off, and by the
--                      reminder job (the system actor) for a week not submitted.
--   timer              agency.timesheet_timers, one per person; stop_timer adds the time,
--                      rounded to the quarter hour, to today's cell of its row.
--   the queue          agency.timesheet_weeks_awaiting_me(): the person-weeks that wait for the
--                      caller; pending_timesheet_approvals() (the dashboard tile, the bell)
--                      counts it.

-- ------------------------------------------------------------------ the acting role
do $$
begin
  if not exists (select from pg_roles where rolname = 'agency_timesheets') then
    create role agency_timesheets nologin;
  end if;
end
$$;

grant agency_timesheets to current_user;
grant usage on schema agency to agency_timesheets;

-- ------------------------------------------------------------------ columns the schema lacked
alter table agency.timesheet_entries add column if not exists rejected_by uuid;
alter table agency.timesheet_entries add column if not exists rejected_at timestamptz;
alter table agency.timesheet_entries add column if not exists rejection_reason text
  check (rejection_reason is null or length(btrim(rejection_reason)) between 1 and 1000);
alter table agency.timesheet_entries drop constraint if exists timesheet_entries_rejected_by_fkey;
alter table agency.timesheet_entries add constraint timesheet_entries_rejected_by_fkey
  foreign key (tenant_id, rejected_by) references agency.employees (tenant_id, id);
create index if not exists timesheet_entries_rejected_by_idx on agency.timesheet_entries (tenant_id, rejected_by)
  where rejected_by is not null;
-- A person's day, for the 24 h rule and the week grid.
create index if not exists timesheet_entries_person_week_idx
  on agency.timesheet_entries (tenant_id, employee_id, week_start_date, entry_date);

-- ------------------------------------------------------------------ time off
create table if not exists agency.time_off_entries (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null default agency.current_user_id(),
  kind text not null check (kind in ('holiday', 'sick', 'leave')),
  entry_date date not null,
  hours numeric(5,2) not null check (hours > 0 and hours <= 24),
  description text check (description is null or length(description) <= 1000),
  week_start_date date not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'rejected')),
  submitted_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  rejected_by uuid,
  rejected_at timestamptz,
  rejection_reason text check (rejection_reason is null or length(btrim(rejection_reason)) between 1 and 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, approved_by) references agency.employees (tenant_id, id),
  foreign key (tenant_id, rejected_by) references agency.employees (tenant_id, id)
);

create index if not exists time_off_person_week_idx on agency.time_off_entries (tenant_id, employee_id, week_start_date, entry_date);
create index if not exists time_off_week_idx on agency.time_off_entries (tenant_id, week_start_date, employee_id);
create index if not exists time_off_pending_idx on agency.time_off_entries (tenant_id, week_start_date) where status = 'submitted';
create index if not exists time_off_approved_by_idx on agency.time_off_entries (tenant_id, approved_by) where approved_by is not null;
create index if not exists time_off_rejected_by_idx on agency.time_off_entries (tenant_id, rejected_by) where rejected_by is not null;

create or replace function agency.set_time_off_week() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  new.week_start_date := new.entry_date - (extract(isodow from new.entry_date)::integer - 1);
  return new;
end
$$;

drop trigger if exists set_week_start on agency.time_off_entries;
create trigger set_week_start before insert or update of entry_date, week_start_date on agency.time_off_entries
  for each row execute function agency.set_time_off_week();
drop trigger if exists set_updated_at on agency.time_off_entries;
create trigger set_updated_at before update on agency.time_off_entries
  for each row execute function agency.update_updated_at_column();

alter table agency.time_off_entries enable row level security;
alter table agency.time_off_entries force row level security;
drop policy if exists tenant_isolation on agency.time_off_entries;
create policy tenant_isolation on agency.time_off_entries as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
-- As entries: the person, and those who read every week.
drop policy if exists time_off_own_or_manager on agency.time_off_entries;
create policy time_off_own_or_manager on agency.time_off_entries
  using (employee_id = (select agency.current_user_id()) or (select agency.sees_all_timesheets()))
  with check (employee_id = (select agency.current_user_id()) or (select agency.sees_all_timesheets()));
grant select, insert, update, delete on agency.time_off_entries to agency_app;

-- ------------------------------------------------------------------ person-weeks
create table if not exists agency.timesheet_weeks (
  tenant_id uuid not null references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  week_start_date date not null check (extract(isodow from week_start_date) = 1),
  locked_at timestamptz,
  signed_off_by uuid,
  signed_off_at timestamptz,
  unlocked_by uuid,
  unlocked_at timestamptz,
  unlock_reason text,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, employee_id, week_start_date),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, signed_off_by) references agency.employees (tenant_id, id),
  foreign key (tenant_id, unlocked_by) references agency.employees (tenant_id, id)
);

create index if not exists timesheet_weeks_signed_off_by_idx on agency.timesheet_weeks (tenant_id, signed_off_by) where signed_off_by is not null;
create index if not exists timesheet_weeks_unlocked_by_idx on agency.timesheet_weeks (tenant_id, unlocked_by) where unlocked_by is not null;

alter table agency.timesheet_weeks enable row level security;
alter table agency.timesheet_weeks force row level security;
drop policy if exists tenant_isolation on agency.timesheet_weeks;
create policy tenant_isolation on agency.timesheet_weeks as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists week_read on agency.timesheet_weeks;
create policy week_read on agency.timesheet_weeks for select
  using (employee_id = (select agency.current_user_id()) or (select agency.sees_all_timesheets()));
-- Only the definer functions below write weeks (locks, sign-off, unlock, reminders).
drop policy if exists week_keep on agency.timesheet_weeks;
create policy week_keep on agency.timesheet_weeks for all to agency_timesheets using (true) with check (true);
drop policy if exists week_remind on agency.timesheet_weeks;
create policy week_remind on agency.timesheet_weeks for select using ((select agency.has_role('system')));
-- DELETE for the maintenance loader (BYPASSRLS) that clears a tenant before seeding it again; no
-- policy lets the app's role delete a week.
grant select, delete on agency.timesheet_weeks to agency_app;
grant select, insert, update on agency.timesheet_weeks to agency_timesheets;

-- Unlocks and sign-offs are audited (locks follow from the audited approvals).
drop trigger if exists audit_weeks on agency.timesheet_weeks;
create trigger audit_weeks after update on agency.timesheet_weeks for each row
  when ((old.locked_at is not null and new.locked_at is null) or old.signed_off_at is distinct from new.signed_off_at)
  execute function agency.audit_change('timesheet_week');
drop trigger if exists audit_week_sign_off on agency.timesheet_weeks;
create trigger audit_week_sign_off after insert on agency.timesheet_weeks for each row
  when (new.signed_off_at is not null)
  execute function agency.audit_change('timesheet_week');

-- ------------------------------------------------------------------ timer
create table if not exists agency.timesheet_timers (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null default agency.current_user_id(),
  campaign_id uuid not null,
  phase_id uuid,
  started_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  -- One running timer per person.
  unique (tenant_id, employee_id),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade,
  foreign key (tenant_id, campaign_id, phase_id) references agency.campaign_phases (tenant_id, campaign_id, id) on delete cascade
);

create index if not exists timesheet_timers_campaign_idx on agency.timesheet_timers (tenant_id, campaign_id, phase_id);
drop trigger if exists set_updated_at on agency.timesheet_timers;
create trigger set_updated_at before update on agency.timesheet_timers
  for each row execute function agency.update_updated_at_column();

alter table agency.timesheet_timers enable row level security;
alter table agency.timesheet_timers force row level security;
drop policy if exists tenant_isolation on agency.timesheet_timers;
create policy tenant_isolation on agency.timesheet_timers as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists timer_own on agency.timesheet_timers;
create policy timer_own on agency.timesheet_timers
  using (employee_id = (select agency.current_user_id()))
  with check (employee_id = (select agency.current_user_id()));
grant select, insert, update, delete on agency.timesheet_timers to agency_app;

-- ------------------------------------------------------------------ who the rules bind
-- The web app: a member of agency_app that cannot bypass row-level security. Not the owner, not
-- the maintenance loader, not a definer function's role.
create or replace function agency.time_rules_bind() returns boolean
language sql stable set search_path = '' as $$
  select pg_catalog.pg_has_role(current_user, 'agency_app', 'MEMBER')
         and not coalesce((select r.rolbypassrls from pg_catalog.pg_roles r where r.rolname = current_user), false)
$$;

-- An admin's audited import (begin_timesheet_import) is under way in this transaction.
create or replace function agency.time_import_active() returns boolean
language sql stable set search_path = '' as $$
  select coalesce(current_setting('app.timesheet_import', true) = 'on', false) and agency.has_role('admin')
$$;

create or replace function agency.begin_timesheet_import(p_reason text) returns void
language plpgsql volatile set search_path = '' as $$
begin
  if not agency.has_role('admin') then
    raise exception 'only an admin may import time' using errcode = '42501';
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'an import needs a reason' using errcode = '23514';
  end if;
  perform pg_catalog.set_config('app.timesheet_import', 'on', true);
  perform pg_catalog.set_config('app.audit_action', 'import', true);
  perform pg_catalog.set_config('app.audit_reason', p_reason, true);
end
$$;

grant execute on function agency.begin_timesheet_import(text) to agency_app;

-- An import writes anyone's entries and time off within the tenant (tenant_isolation still holds).
drop policy if exists timesheet_import on agency.timesheet_entries;
create policy timesheet_import on agency.timesheet_entries for insert
  with check ((select agency.time_import_active()));
drop policy if exists time_off_import on agency.time_off_entries;
create policy time_off_import on agency.time_off_entries for insert
  with check ((select agency.time_import_active()));

-- Every row an import writes is audited with its reason; so is every approval and rejection.
drop trigger if exists audit_import on agency.timesheet_entries;
create trigger audit_import after insert or update or delete on agency.timesheet_entries for each row
  when (current_setting('app.timesheet_import', true) = 'on')
  execute function agency.audit_change('timesheet_entry');
drop trigger if exists audit_import on agency.time_off_entries;
create trigger audit_import after insert or update or delete on agency.time_off_entries for each row
  when (current_setting('app.timesheet_import', true) = 'on')
  execute function agency.audit_change('time_off_entry');
drop trigger if exists audit_review on agency.timesheet_entries;
create trigger audit_review after update of status on agency.timesheet_entries for each row
  when (old.status = 'submitted' and new.status in ('approved', 'rejected'))
  execute function agency.audit_change('timesheet_entry');
drop trigger if exists audit_review on agency.time_off_entries;
create trigger audit_review after update of status on agency.time_off_entries for each row
  when (old.status = 'submitted' and new.status in ('approved', 'rejected'))
  execute function agency.audit_change('time_off_entry');

-- ------------------------------------------------------------------ the rules
-- May the caller approve or reject this entry? Leadership any; a project manager those of the
-- campaigns they manage; nobody their own. Time off (no campaign) is leadership's.
create or replace function agency.may_review_time(p_employee uuid, p_campaign uuid) returns boolean
language sql stable set search_path = '' as $$
  select p_employee is distinct from agency.current_user_id()
     and agency.current_user_id() is not null
     and (agency.has_role('leadership')
          or (p_campaign is not null and agency.has_role('pm') and exists (
                select 1 from agency.campaign_team tm
                where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign
                  and tm.employee_id = agency.current_user_id() and tm.team_role = 'project_manager')))
$$;

grant execute on function agency.may_review_time(uuid, uuid) to agency_app;

-- Hours of a person's day in both tables, leaving out one row (the one being written).
create or replace function agency.day_hours(p_employee uuid, p_day date, p_except uuid) returns numeric
language sql stable set search_path = '' as $$
  select coalesce((select sum(t.hours) from agency.timesheet_entries t
                   where t.tenant_id = agency.current_tenant_id() and t.employee_id = p_employee
                     and t.entry_date = p_day and t.id is distinct from p_except), 0)
       + coalesce((select sum(o.hours) from agency.time_off_entries o
                   where o.tenant_id = agency.current_tenant_id() and o.employee_id = p_employee
                     and o.entry_date = p_day and o.id is distinct from p_except), 0)
$$;

-- A week is locked when its lock is kept (finance signed it off, or its last part was approved
-- here), and also when every part of it is approved and the tenant asks for no sign-off: history
-- loaded approved (the demo seed, an import) is locked without a kept row.
create or replace function agency.week_locked(p_employee uuid, p_week date) returns boolean
language sql stable set search_path = '' as $$
  select exists (select 1 from agency.timesheet_weeks w
                 where w.tenant_id = agency.current_tenant_id() and w.employee_id = p_employee
                   and w.week_start_date = p_week and w.locked_at is not null)
      or (exists (select 1 from agency.timesheet_entries t
                  where t.tenant_id = agency.current_tenant_id() and t.week_start_date = p_week
                    and t.employee_id = p_employee and t.status = 'approved')
          and not exists (select 1 from agency.timesheet_entries t
                          where t.tenant_id = agency.current_tenant_id() and t.week_start_date = p_week
                            and t.employee_id = p_employee and t.status <> 'approved')
          and not exists (select 1 from agency.time_off_entries o
                          where o.tenant_id = agency.current_tenant_id() and o.week_start_date = p_week
                            and o.employee_id = p_employee and o.status <> 'approved')
          and not coalesce((select x.timesheet_finance_signoff from agency.tenants x where x.id = agency.current_tenant_id()), false))
$$;

-- One function for both tables (time off has no campaign, phase or billable).
create or replace function agency.check_time_entry() returns trigger
language plpgsql volatile set search_path = '' as $$
declare
  entries constant boolean := tg_table_name = 'timesheet_entries';
  me constant uuid := agency.current_user_id();
  content_changed boolean := false;
  v_campaign record;
  v_phase record;
  v_ahead integer;
  v_day_total numeric;
  v_reviewer boolean;
begin
  if not agency.time_rules_bind() then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if agency.time_import_active() then
    -- History as it was; the caller says nothing about who approved it that the audit does not keep.
    return case when tg_op = 'DELETE' then old else new end;
  end if;

  -- A locked week refuses every change, whoever asks.
  if tg_op in ('UPDATE', 'DELETE') and agency.week_locked(old.employee_id, old.week_start_date) then
    raise exception 'The week of % is approved and locked; ask finance or leadership to unlock it.', old.week_start_date
      using errcode = '42501', constraint = 'timesheet_week_locked';
  end if;
  if tg_op in ('INSERT', 'UPDATE')
     and agency.week_locked(new.employee_id, new.entry_date - (extract(isodow from new.entry_date)::integer - 1)) then
    raise exception 'The week of % is approved and locked; ask finance or leadership to unlock it.',
      new.entry_date - (extract(isodow from new.entry_date)::integer - 1)
      using errcode = '42501', constraint = 'timesheet_week_locked';
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
        if entries then
          v_reviewer := agency.may_review_time(old.employee_id, old.campaign_id);
        else
          v_reviewer := agency.may_review_time(old.employee_id, null);
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

  select t.time_entry_days_ahead into v_ahead from agency.tenants t where t.id = agency.current_tenant_id();
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
  -- statement of its own, so it sees what the other committed.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(
    'time/' || new.tenant_id::text || '/' || new.employee_id::text || '/' || new.entry_date::text, 0));
  v_day_total := agency.day_hours(new.employee_id, new.entry_date, new.id) + new.hours;
  if v_day_total > 24 then
    raise exception 'That makes % h on %; a day holds at most 24 h.', v_day_total, new.entry_date
      using errcode = '23514', constraint = 'timesheet_day_limit';
  end if;
  return new;
end
$$;

drop trigger if exists check_rules on agency.timesheet_entries;
create trigger check_rules before insert or update or delete on agency.timesheet_entries
  for each row execute function agency.check_time_entry();
drop trigger if exists check_rules on agency.time_off_entries;
create trigger check_rules before insert or update or delete on agency.time_off_entries
  for each row execute function agency.check_time_entry();

-- Time off is never billable and names no campaign: it has no such columns, so it cannot.

-- ------------------------------------------------------------------ weeks, locks and notifications
-- After a statement changed statuses: lock the person-weeks whose every entry is now approved
-- (and signed off where the tenant asks for it), and notify. Definer: the caller may not write
-- weeks or raise notifications; this role may do only that, inside the caller's tenant.
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

drop trigger if exists after_status on agency.timesheet_entries;
create trigger after_status after update on agency.timesheet_entries
  referencing old table as old_rows new table as new_rows
  for each statement execute function agency.after_time_status();
drop trigger if exists after_status on agency.time_off_entries;
create trigger after_status after update on agency.time_off_entries
  referencing old table as old_rows new table as new_rows
  for each statement execute function agency.after_time_status();

-- Finance signs a fully approved week off (where the tenant asks for it), which locks it.
create or replace function agency.sign_off_timesheet_week(p_employee uuid, p_week date) returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if not agency.has_any_role(array['finance', 'leadership']) or p_employee = agency.current_user_id() then
    raise exception 'Only finance or leadership may sign a week off, never their own.' using errcode = '42501';
  end if;
  if not exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = p_employee
                   and t.week_start_date = p_week)
     or exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = p_employee
                  and t.week_start_date = p_week and t.status <> 'approved')
     or exists (select 1 from agency.time_off_entries o where o.tenant_id = tenant and o.employee_id = p_employee
                  and o.week_start_date = p_week and o.status <> 'approved') then
    raise exception 'Only a week whose time is all approved can be signed off.' using errcode = '23514';
  end if;
  perform set_config('app.audit_action', 'sign_off', true);
  insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, locked_at, signed_off_by, signed_off_at)
  values (tenant, p_employee, p_week, now(), agency.current_user_id(), now())
  on conflict (tenant_id, employee_id, week_start_date) do update
    set locked_at = now(), signed_off_by = excluded.signed_off_by, signed_off_at = now(), updated_at = now();
  insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
  values (tenant, p_employee, 'timesheet_signed_off', p_week, format('Your week of %s is signed off and locked', p_week));
  perform set_config('app.audit_action', '', true);
end
$fn$;

-- Finance or leadership reopen a locked week, with a reason: its time goes back to draft, the
-- person may correct and submit it again. Audited (timesheet_week, action 'unlock').
create or replace function agency.unlock_timesheet_week(p_employee uuid, p_week date, p_reason text) returns integer
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  reopened integer;
begin
  if not agency.has_any_role(array['finance', 'leadership']) then
    raise exception 'Only finance or leadership may unlock a week.' using errcode = '42501';
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'Say why the week is unlocked.' using errcode = '23514', constraint = 'timesheet_unlock_reason';
  end if;
  if not agency.week_locked(p_employee, p_week) then
    raise exception 'The week of % is not locked.', p_week using errcode = '23514';
  end if;
  perform set_config('app.audit_action', 'unlock', true);
  perform set_config('app.audit_reason', p_reason, true);
  update agency.timesheet_weeks
  set locked_at = null, signed_off_by = null, signed_off_at = null,
      unlocked_by = agency.current_user_id(), unlocked_at = now(), unlock_reason = p_reason, updated_at = now()
  where tenant_id = tenant and employee_id = p_employee and week_start_date = p_week;
  update agency.timesheet_entries
  set status = 'draft', submitted_at = null, approved_by = null, approved_at = null
  where tenant_id = tenant and employee_id = p_employee and week_start_date = p_week;
  get diagnostics reopened = row_count;
  update agency.time_off_entries
  set status = 'draft', submitted_at = null, approved_by = null, approved_at = null
  where tenant_id = tenant and employee_id = p_employee and week_start_date = p_week;
  insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
  values (tenant, p_employee, 'timesheet_unlocked', p_week,
          left(format('Your week of %s was unlocked: %s', p_week, p_reason), 300));
  perform set_config('app.audit_action', '', true);
  perform set_config('app.audit_reason', '', true);
  return reopened;
end
$fn$;

-- The definer role reads and (for unlock) reopens entries within the caller's tenant.
drop policy if exists timesheets_keep on agency.timesheet_entries;
create policy timesheets_keep on agency.timesheet_entries for all to agency_timesheets using (true) with check (true);
drop policy if exists timesheets_keep on agency.time_off_entries;
create policy timesheets_keep on agency.time_off_entries for all to agency_timesheets using (true) with check (true);
grant select, update on agency.timesheet_entries, agency.time_off_entries to agency_timesheets;
grant select on agency.tenants, agency.employees, agency.campaign_team to agency_timesheets;

-- ------------------------------------------------------------------ notifications
alter table agency.notifications alter column campaign_id drop not null;
alter table agency.notifications alter column threshold drop not null;
alter table agency.notifications add column if not exists week_start_date date;
alter table agency.notifications drop constraint if exists notifications_kind_check;
alter table agency.notifications add constraint notifications_kind_check check (kind in (
  'budget_alert', 'timesheet_submitted', 'timesheet_approved', 'timesheet_rejected', 'timesheet_unlocked',
  'timesheet_signed_off', 'timesheet_reminder'));
alter table agency.notifications drop constraint if exists notifications_budget_alert_check;
alter table agency.notifications add constraint notifications_budget_alert_check check (
  kind <> 'budget_alert' or (campaign_id is not null and threshold is not null));
alter table agency.notifications drop constraint if exists notifications_timesheet_week_check;
alter table agency.notifications add constraint notifications_timesheet_week_check check (
  kind = 'budget_alert' or week_start_date is not null);
-- A reminder for a week goes once.
create unique index if not exists notifications_reminder_once
  on agency.notifications (tenant_id, recipient_id, week_start_date) where kind = 'timesheet_reminder';

drop policy if exists notification_raise_time on agency.notifications;
create policy notification_raise_time on agency.notifications as permissive for insert to agency_timesheets
  with check (kind <> 'budget_alert');
-- SELECT too: a reminder's ON CONFLICT names the columns of its unique index.
grant select, insert on agency.notifications to agency_timesheets;

-- Reminders: the system actor (decision 007) notifies the active people whose previous week has
-- time not submitted, or no time at all, once. It reads which people have which week's state
-- through this function (it reads no entries itself).
create or replace function agency.raise_timesheet_reminders(p_week date) returns integer
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  raised integer;
begin
  if not agency.has_role('system') then
    raise exception 'only the system actor sends reminders' using errcode = '42501';
  end if;
  insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
  select tenant, e.id, 'timesheet_reminder', p_week, format('Your week of %s is not submitted yet', p_week)
  from agency.employees e
  where e.tenant_id = tenant and e.active and e.deleted_at is null and e.weekly_capacity_hours > 0
    and (e.start_date is null or e.start_date <= p_week + 6)
    and (exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = e.id
                   and t.week_start_date = p_week and t.status in ('draft', 'rejected'))
         or not exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = e.id
                          and t.week_start_date = p_week))
  on conflict (tenant_id, recipient_id, week_start_date) where kind = 'timesheet_reminder' do nothing;
  get diagnostics raised = row_count;
  return raised;
end
$fn$;

-- ------------------------------------------------------------------ the approvals queue
-- The person-weeks that wait for the caller: submitted time on a campaign they manage (pm),
-- any submitted time or time off (leadership), a fully approved week to sign off (finance and
-- leadership, where the tenant asks for it). Never the caller's own. The dashboard tile and
-- the bell count it; the approvals page lists it.
create or replace function agency.timesheet_weeks_awaiting_me()
returns table (employee_id uuid, week_start_date date, stage text, entries bigint, hours numeric, submitted_at timestamptz)
language sql stable set search_path = '' as $$
  select x.employee_id, x.week_start_date, 'approve'::text, count(*), sum(x.hours), max(x.submitted_at)
  from (
    select t.employee_id, t.week_start_date, t.hours, t.submitted_at
    from agency.timesheet_entries t
    where t.tenant_id = agency.current_tenant_id() and t.status = 'submitted'
      and t.employee_id is distinct from agency.current_user_id()
      and (agency.has_role('leadership')
           or (agency.has_role('pm') and exists (
                 select 1 from agency.campaign_team tm
                 where tm.tenant_id = t.tenant_id and tm.campaign_id = t.campaign_id
                   and tm.employee_id = agency.current_user_id() and tm.team_role = 'project_manager')))
    union all
    select o.employee_id, o.week_start_date, o.hours, o.submitted_at
    from agency.time_off_entries o
    where o.tenant_id = agency.current_tenant_id() and o.status = 'submitted' and agency.has_role('leadership')
      and o.employee_id is distinct from agency.current_user_id()
  ) x
  group by x.employee_id, x.week_start_date
  union all
  select t.employee_id, t.week_start_date, 'sign_off', count(*), sum(t.hours), max(t.approved_at)
  from agency.timesheet_entries t
  where t.tenant_id = agency.current_tenant_id() and agency.has_any_role(array['finance', 'leadership'])
    and t.employee_id is distinct from agency.current_user_id()
    and (select x.timesheet_finance_signoff from agency.tenants x where x.id = agency.current_tenant_id())
    and t.status = 'approved'
    and t.week_start_date >= agency.current_week_start() - 7 * 26
    and not exists (select 1 from agency.timesheet_weeks w where w.tenant_id = t.tenant_id and w.employee_id = t.employee_id
                      and w.week_start_date = t.week_start_date and w.locked_at is not null)
    and not exists (select 1 from agency.timesheet_entries u where u.tenant_id = t.tenant_id
                      and u.employee_id = t.employee_id and u.week_start_date = t.week_start_date and u.status <> 'approved')
  group by t.employee_id, t.week_start_date
$$;

create or replace function agency.pending_timesheet_approvals() returns bigint
language sql stable set search_path = '' as $$
  select count(*) from agency.timesheet_weeks_awaiting_me()
$$;

grant execute on function agency.timesheet_weeks_awaiting_me() to agency_app;

-- ------------------------------------------------------------------ timer
create or replace function agency.start_timer(p_campaign uuid, p_phase uuid) returns timestamptz
language plpgsql volatile set search_path = '' as $$
declare
  v_started timestamptz;
begin
  if agency.current_user_id() is null then
    raise exception 'no person' using errcode = '42501';
  end if;
  insert into agency.timesheet_timers (employee_id, campaign_id, phase_id)
  values (agency.current_user_id(), p_campaign, p_phase)
  on conflict (tenant_id, employee_id) do nothing
  returning started_at into v_started;
  if v_started is null then
    raise exception 'A timer is already running; stop it first.' using errcode = '23505', constraint = 'timesheet_timers_tenant_id_employee_id_key';
  end if;
  return v_started;
end
$$;

-- Stops the caller's timer; its time, rounded to the nearest quarter hour, goes into today's cell
-- of its row (the draft or rejected entry of that campaign and phase today, or a new one).
-- Returns the hours added (0 when it ran under eight minutes).
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
    insert into agency.timesheet_entries (campaign_id, phase_id, entry_date, hours, billable)
    values (v_timer.campaign_id, v_timer.phase_id, current_date, v_hours, true);
  else
    update agency.timesheet_entries set hours = hours + v_hours where tenant_id = v_timer.tenant_id and id = v_entry;
  end if;
  return v_hours;
end
$$;

grant execute on function agency.start_timer(uuid, uuid), agency.stop_timer() to agency_app;

-- ------------------------------------------------------------------ capacity net of time off
-- v_employee_utilization: capacity_hours is the week's capacity less the person's approved time
-- off that week; utilization is logged over that net capacity. The same columns as before (an
-- earlier script run again must be able to replace the view).
create or replace view agency.v_employee_utilization with (security_invoker = true) as
select e.tenant_id, e.id as employee_id, e.full_name, e.title, e.department, e.agency_role, e.active, w.week_start_date,
       greatest(e.weekly_capacity_hours - coalesce(o.hours, 0), 0)::numeric(5,2) as capacity_hours,
       w.total_hours, w.billable_hours, w.allocated_hours,
       round(w.total_hours / nullif(greatest(e.weekly_capacity_hours - coalesce(o.hours, 0), 0), 0), 4) as utilization_pct,
       round(w.billable_hours / nullif(greatest(e.weekly_capacity_hours - coalesce(o.hours, 0), 0), 0), 4) as billable_utilization_pct,
       round(w.allocated_hours / nullif(greatest(e.weekly_capacity_hours - coalesce(o.hours, 0), 0), 0), 4) as allocation_pct
from (select s.tenant_id, s.employee_id, s.week_start_date, s.total_hours, s.billable_hours, s.allocated_hours
      from agency.employee_week_hours s
      where (select agency.sees_all_timesheets())
      union all
      select x.tenant_id, x.employee_id, x.week_start_date, coalesce(sum(x.logged), 0),
             coalesce(sum(x.logged) filter (where x.billable), 0), coalesce(sum(x.allocated), 0)
      from (select t.tenant_id, t.employee_id, t.week_start_date, t.hours as logged, t.billable, null::numeric as allocated
            from agency.timesheet_entries t
            where t.employee_id = (select agency.current_user_id())
            union all
            select a.tenant_id, a.employee_id, a.week_start_date, null::numeric, false, a.hours
            from agency.team_allocations a) x
      where not (select agency.sees_all_timesheets())
      group by x.tenant_id, x.employee_id, x.week_start_date) w
join agency.employees e on e.tenant_id = w.tenant_id and e.id = w.employee_id
-- Approved time off of the week, as far as the caller may read it (their own, or everyone's).
left join lateral (
  select sum(t.hours) as hours
  from agency.time_off_entries t
  where t.tenant_id = w.tenant_id and t.employee_id = w.employee_id and t.week_start_date = w.week_start_date
    and t.status = 'approved') o on true
where e.deleted_at is null;

-- ------------------------------------------------------------------ definer functions' owner
grant create on schema agency to agency_timesheets;
alter function agency.after_time_status() owner to agency_timesheets;
alter function agency.sign_off_timesheet_week(uuid, date) owner to agency_timesheets;
alter function agency.unlock_timesheet_week(uuid, date, text) owner to agency_timesheets;
alter function agency.raise_timesheet_reminders(date) owner to agency_timesheets;
revoke create on schema agency from agency_timesheets;
revoke execute on function agency.sign_off_timesheet_week(uuid, date), agency.unlock_timesheet_week(uuid, date, text),
  agency.raise_timesheet_reminders(date), agency.after_time_status() from public;
grant execute on function agency.sign_off_timesheet_week(uuid, date), agency.unlock_timesheet_week(uuid, date, text),
  agency.raise_timesheet_reminders(date) to agency_app;
grant execute on function agency.week_locked(uuid, date), agency.day_hours(uuid, date, uuid),
  agency.time_rules_bind(), agency.time_import_active() to agency_app, agency_timesheets;
