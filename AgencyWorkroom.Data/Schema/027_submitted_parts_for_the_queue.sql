-- 027 what awaits approval is kept as it changes, so the count behind the bell costs what it counts
-- (issue 12).
--
-- Every page's bell and the dashboard's tile count the person-weeks awaiting the caller
-- (timesheet_weeks_awaiting_me, 021/026). For leadership that walked every submitted entry of the
-- tenant through the heap, then sorted and grouped them: 11,696 entries for 1,037 person-weeks at
-- ×20, 27-34 ms, twice on a dashboard and once on every other page; 20 concurrent clients got 36
-- empty pages a second. Here the submitted entries are summed per person × week × campaign as they
-- change (3,018 rows at ×20), by a statement trigger beside 011's, run as agency_summaries like
-- them; the queue reads the sums. The campaign stays in the key because a PM's queue holds only the
-- parts on the campaigns they manage.
--
-- The sums are additive (+1 for an entry that becomes submitted, -1 for one that stops being so),
-- so concurrent writers compose, as in 011; a part whose count reaches 0 is removed.
-- submitted_at is the latest submission of the part still counted, or of one just removed with it:
-- a part is submitted as a whole, so the two agree but in a partial approval.

create table if not exists agency.timesheet_submitted_parts (
  tenant_id uuid not null references agency.tenants (id),
  employee_id uuid not null,
  week_start_date date not null,
  campaign_id uuid not null,
  entries integer not null,
  hours numeric not null,
  submitted_at timestamptz,
  primary key (tenant_id, employee_id, week_start_date, campaign_id)
);

alter table agency.timesheet_submitted_parts enable row level security;
alter table agency.timesheet_submitted_parts force row level security;
drop policy if exists tenant_isolation on agency.timesheet_submitted_parts;
create policy tenant_isolation on agency.timesheet_submitted_parts as restrictive for all
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists summaries_maintain on agency.timesheet_submitted_parts;
create policy summaries_maintain on agency.timesheet_submitted_parts for all to agency_summaries using (true);
-- Who reads the sums reads the entries they sum (timesheet_own_or_manager).
drop policy if exists parts_read on agency.timesheet_submitted_parts;
create policy parts_read on agency.timesheet_submitted_parts for select
  using (employee_id = (select agency.current_user_id()) or (select agency.sees_all_timesheets()));
grant select on agency.timesheet_submitted_parts to agency_app;
grant select, insert, update, delete on agency.timesheet_submitted_parts to agency_summaries;

-- A statement's submitted entries, signed, move their parts. Each tenant's inside its own
-- isolation, and the caller's tenant is put back, as keep_time_summaries does.
create or replace function agency.keep_submitted_parts() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  cols constant text := 'tenant_id, employee_id, week_start_date, campaign_id, hours, submitted_at';
  added constant text := case when tg_op <> 'DELETE'
    then format('select %s, 1 as sign from new_rows where status = ''submitted''', cols) end;
  removed constant text := case when tg_op <> 'INSERT'
    then format('select %s, -1 as sign from old_rows where status = ''submitted''', cols) end;
  changes constant text := coalesce(added || ' union all ' || removed, added, removed);
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  gone_people uuid[];
  gone_weeks date[];
  gone_campaigns uuid[];
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', changes) loop
    perform set_config('app.current_tenant', tenant::text, true);
    execute format($q$
      with delta as (
        select employee_id, week_start_date, campaign_id, sum(sign)::integer as entries, sum(sign * hours) as hours,
               max(submitted_at) filter (where sign > 0) as submitted_at
        from (%s) c
        where tenant_id = $1
        group by employee_id, week_start_date, campaign_id
        having sum(sign) <> 0 or sum(sign * hours) <> 0
      ), kept as (
        insert into agency.timesheet_submitted_parts as p
          (tenant_id, employee_id, week_start_date, campaign_id, entries, hours, submitted_at)
        select $1, employee_id, week_start_date, campaign_id, entries, hours, submitted_at from delta
        on conflict (tenant_id, employee_id, week_start_date, campaign_id) do update
          set entries = p.entries + excluded.entries, hours = p.hours + excluded.hours,
              submitted_at = greatest(p.submitted_at, excluded.submitted_at)
        returning employee_id, week_start_date, campaign_id, entries
      )
      select array_agg(employee_id), array_agg(week_start_date), array_agg(campaign_id) from kept where entries <= 0
      $q$, changes)
      into gone_people, gone_weeks, gone_campaigns
      using tenant;
    if gone_people is not null then
      delete from agency.timesheet_submitted_parts p
      using unnest(gone_people, gone_weeks, gone_campaigns) as g(employee_id, week_start_date, campaign_id)
      where p.tenant_id = tenant and p.employee_id = g.employee_id and p.week_start_date = g.week_start_date
        and p.campaign_id = g.campaign_id and p.entries <= 0;
    end if;
  end loop;
  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

-- The current tenant's parts summed again from its entries: for the entries there before this
-- migration, and for a repair.
create or replace function agency.rebuild_submitted_parts() returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if tenant is null then
    raise exception 'rebuild_submitted_parts needs a tenant context' using errcode = '42501';
  end if;
  delete from agency.timesheet_submitted_parts where tenant_id = tenant;
  insert into agency.timesheet_submitted_parts (tenant_id, employee_id, week_start_date, campaign_id, entries, hours, submitted_at)
  select tenant, t.employee_id, t.week_start_date, t.campaign_id, count(*), sum(t.hours), max(t.submitted_at)
  from agency.timesheet_entries t
  where t.tenant_id = tenant and t.status = 'submitted'
  group by t.employee_id, t.week_start_date, t.campaign_id;
end
$fn$;

-- A new owner needs CREATE on the schema at the moment of the handover, and only then.
grant create on schema agency to agency_summaries;
alter function agency.keep_submitted_parts() owner to agency_summaries;
alter function agency.rebuild_submitted_parts() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.keep_submitted_parts() from public;
revoke execute on function agency.rebuild_submitted_parts() from public;

drop trigger if exists keep_submitted_parts_insert on agency.timesheet_entries;
create trigger keep_submitted_parts_insert after insert on agency.timesheet_entries
  referencing new table as new_rows for each statement execute function agency.keep_submitted_parts();
drop trigger if exists keep_submitted_parts_update on agency.timesheet_entries;
create trigger keep_submitted_parts_update after update on agency.timesheet_entries
  referencing old table as old_rows new table as new_rows for each statement execute function agency.keep_submitted_parts();
drop trigger if exists keep_submitted_parts_delete on agency.timesheet_entries;
create trigger keep_submitted_parts_delete after delete on agency.timesheet_entries
  referencing old table as old_rows for each statement execute function agency.keep_submitted_parts();

-- The queue: the same rows and columns as 026, its approval stage read from the parts. Time off
-- and the finance sign-off stage are read as before (few rows; the sign-off only when the tenant
-- has the step). A SQL-standard body, so the count is inlined; through EXECUTE, as 026 says why.
do $do$
begin
  execute $ddl$
create or replace function agency.timesheet_weeks_awaiting_me()
returns table (employee_id uuid, week_start_date date, stage text, entries bigint, hours numeric, submitted_at timestamptz)
language sql stable
begin atomic
  select x.employee_id, x.week_start_date, 'approve'::text, sum(x.entries)::bigint, sum(x.hours), max(x.submitted_at)
  from (
    select p.employee_id, p.week_start_date, p.entries, p.hours, p.submitted_at
    from agency.timesheet_submitted_parts p
    where p.tenant_id = (select agency.current_tenant_id())
      and p.employee_id is distinct from (select agency.current_user_id())
      and ((select agency.has_role('leadership'))
           or ((select agency.has_role('pm')) and exists (
                 select 1 from agency.campaign_team tm
                 where tm.tenant_id = p.tenant_id and tm.campaign_id = p.campaign_id
                   and tm.employee_id = (select agency.current_user_id()) and tm.team_role = 'project_manager')))
    union all
    select o.employee_id, o.week_start_date, 1, o.hours, o.submitted_at
    from agency.time_off_entries o
    where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'submitted' and (select agency.has_role('leadership'))
      and o.employee_id is distinct from (select agency.current_user_id())
  ) x
  group by x.employee_id, x.week_start_date
  union all
  select t.employee_id, t.week_start_date, 'sign_off', count(*), sum(t.hours), max(t.approved_at)
  from agency.timesheet_entries t
  where t.tenant_id = (select agency.current_tenant_id()) and (select agency.has_any_role(array['finance', 'leadership']))
    and t.employee_id is distinct from (select agency.current_user_id())
    and (select x.timesheet_finance_signoff from agency.tenants x where x.id = (select agency.current_tenant_id()))
    and t.status = 'approved'
    and t.week_start_date >= (select agency.current_week_start()) - 7 * 26
    and not exists (select 1 from agency.timesheet_weeks w where w.tenant_id = t.tenant_id and w.employee_id = t.employee_id
                      and w.week_start_date = t.week_start_date and w.locked_at is not null)
    and not exists (select 1 from agency.timesheet_entries u where u.tenant_id = t.tenant_id
                      and u.employee_id = t.employee_id and u.week_start_date = t.week_start_date and u.status <> 'approved')
  group by t.employee_id, t.week_start_date;
end
$ddl$;
end
$do$;

-- The parts of the entries already stored (none on a new database), each tenant inside its own
-- isolation, with FORCE on the tenants' list lifted for this transaction only (as 011).
alter table agency.tenants no force row level security;
do $$
declare t uuid;
begin
  for t in select id from agency.tenants loop
    perform set_config('app.current_tenant', t::text, true);
    perform agency.rebuild_submitted_parts();
  end loop;
  perform set_config('app.current_tenant', '', true);
end
$$;
alter table agency.tenants force row level security;
