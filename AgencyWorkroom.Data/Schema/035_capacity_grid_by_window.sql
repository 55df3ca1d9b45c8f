-- 035 the capacity grid asks for the rows on screen (issue 15, bench #17a).
--
-- Before: every render of /capacity reckoned all 15,240 cells of 1,270 people × 12 weeks at ×20
-- and summed 30,095 team_allocations rows (joined to their campaigns) to draw the first 20 rows:
-- p95 463 ms at the server, the SQL alone 190-270 ms. Summing the allocations by week alone,
-- with no join, took 33-45 ms on this machine: more than the page's budget on its own.
--
-- Now:
-- - agency.employee_week_bookings: firm and tentative hours per person and week, kept by a
--   statement trigger on team_allocations as 011 keeps its summaries (decision 004). Unlike
--   employee_week_hours (which carries logged time, read by pm, finance and leadership only), it
--   holds nothing but allocations, which everyone in the tenant reads already; so every role's
--   grid reads it. The week totals of everyone who matches the filters read 12,000 rows from its
--   index instead of 30,000 allocations and their campaigns.
-- - agency.weekly_capacities(tenant, from, to, people): the rule of 029 for the people given
--   (null: everyone), so the cells of the rows on screen cost their own rows only; the 3-argument
--   form is that one with null. The week totals take, for the people whose capacity does not
--   change within the range and who have no time off in it, the one week's figure times the weeks;
--   the few others are reckoned week by week (CapacityQueries.GridAsync).
-- Trigger and table follow 011: owned by agency_summaries, read-only to the app; tenant_isolation
-- applies; a recount (agency.rebuild_week_bookings) is there for a repair and for the upgrade.

create table if not exists agency.employee_week_bookings (
  tenant_id uuid not null references agency.tenants (id),
  employee_id uuid not null,
  week_start_date date not null,
  firm_hours numeric not null default 0,
  tentative_hours numeric not null default 0,
  allocation_count integer not null default 0,
  primary key (tenant_id, employee_id, week_start_date)
);
-- The week totals read a range of weeks of everyone from the index alone.
create index if not exists employee_week_bookings_week_idx on agency.employee_week_bookings (tenant_id, week_start_date)
  include (employee_id, firm_hours, tentative_hours);

alter table agency.employee_week_bookings enable row level security;
alter table agency.employee_week_bookings force row level security;
drop policy if exists tenant_isolation on agency.employee_week_bookings;
create policy tenant_isolation on agency.employee_week_bookings as restrictive for all
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists bookings_read on agency.employee_week_bookings;
create policy bookings_read on agency.employee_week_bookings for select using (true);
drop policy if exists summaries_maintain on agency.employee_week_bookings;
create policy summaries_maintain on agency.employee_week_bookings for all to agency_summaries using (true);
grant select on agency.employee_week_bookings to agency_app;
grant select, insert, update, delete on agency.employee_week_bookings to agency_summaries;

-- The person-weeks a statement touched are counted again from team_allocations (an index probe
-- each): a week whose allocations are gone loses its row. Counting again, not adding signed
-- changes, because a tentative flag that flips moves hours between the two columns without any
-- hour moving; a statement that changes nothing counted (notes) touches its weeks to no effect.
create or replace function agency.keep_week_bookings() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  touched constant text := case tg_op
    when 'INSERT' then 'select tenant_id, employee_id, week_start_date from new_rows'
    when 'DELETE' then 'select tenant_id, employee_id, week_start_date from old_rows'
    else 'select tenant_id, employee_id, week_start_date from new_rows union select tenant_id, employee_id, week_start_date from old_rows' end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  people uuid[];
  weeks date[];
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', touched) loop
    perform set_config('app.current_tenant', tenant::text, true);
    execute format('select array_agg(k.employee_id), array_agg(k.week_start_date)
                    from (select distinct employee_id, week_start_date from (%s) c where c.tenant_id = $1) k', touched)
      into people, weeks
      using tenant;

    with counted as (
      select k.employee_id, k.week_start_date,
             coalesce(sum(a.hours) filter (where not a.tentative), 0) as firm,
             coalesce(sum(a.hours) filter (where a.tentative), 0) as tentative,
             count(a.hours)::integer as n
      from unnest(people, weeks) as k (employee_id, week_start_date)
      left join agency.team_allocations a
        on a.tenant_id = tenant and a.employee_id = k.employee_id and a.week_start_date = k.week_start_date
      group by k.employee_id, k.week_start_date),
    gone as (
      delete from agency.employee_week_bookings b
      using counted c
      where b.tenant_id = tenant and b.employee_id = c.employee_id and b.week_start_date = c.week_start_date and c.n = 0)
    insert into agency.employee_week_bookings as b (tenant_id, employee_id, week_start_date, firm_hours, tentative_hours, allocation_count)
    select tenant, c.employee_id, c.week_start_date, c.firm, c.tentative, c.n
    from counted c
    where c.n > 0
    on conflict (tenant_id, employee_id, week_start_date) do update
      set firm_hours = excluded.firm_hours, tentative_hours = excluded.tentative_hours, allocation_count = excluded.allocation_count
      where (b.firm_hours, b.tentative_hours, b.allocation_count)
            is distinct from (excluded.firm_hours, excluded.tentative_hours, excluded.allocation_count);
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

-- The current tenant's bookings counted again from its allocations.
create or replace function agency.rebuild_week_bookings() returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if tenant is null then
    raise exception 'rebuild_week_bookings needs a tenant context' using errcode = '42501';
  end if;
  delete from agency.employee_week_bookings where tenant_id = tenant;
  insert into agency.employee_week_bookings (tenant_id, employee_id, week_start_date, firm_hours, tentative_hours, allocation_count)
  select tenant, a.employee_id, a.week_start_date,
         coalesce(sum(a.hours) filter (where not a.tentative), 0), coalesce(sum(a.hours) filter (where a.tentative), 0), count(*)
  from agency.team_allocations a
  where a.tenant_id = tenant
  group by a.employee_id, a.week_start_date;
end
$fn$;

grant create on schema agency to agency_summaries;
alter function agency.keep_week_bookings() owner to agency_summaries;
alter function agency.rebuild_week_bookings() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.keep_week_bookings() from public;
revoke execute on function agency.rebuild_week_bookings() from public;

drop trigger if exists keep_bookings_insert on agency.team_allocations;
create trigger keep_bookings_insert after insert on agency.team_allocations
  referencing new table as new_rows for each statement execute function agency.keep_week_bookings();
drop trigger if exists keep_bookings_update on agency.team_allocations;
create trigger keep_bookings_update after update on agency.team_allocations
  referencing old table as old_rows new table as new_rows for each statement execute function agency.keep_week_bookings();
drop trigger if exists keep_bookings_delete on agency.team_allocations;
create trigger keep_bookings_delete after delete on agency.team_allocations
  referencing old table as old_rows for each statement execute function agency.keep_week_bookings();

-- Existing allocations: counted once, by the owner with FORCE lifted for this transaction only
-- (under it the owner would see no tenant's rows; 029 does the same for capacity periods).
alter table agency.team_allocations no force row level security;
alter table agency.employee_week_bookings no force row level security;
insert into agency.employee_week_bookings (tenant_id, employee_id, week_start_date, firm_hours, tentative_hours, allocation_count)
select a.tenant_id, a.employee_id, a.week_start_date,
       coalesce(sum(a.hours) filter (where not a.tentative), 0), coalesce(sum(a.hours) filter (where a.tentative), 0), count(*)
from agency.team_allocations a
group by a.tenant_id, a.employee_id, a.week_start_date
on conflict (tenant_id, employee_id, week_start_date) do update
  set firm_hours = excluded.firm_hours, tentative_hours = excluded.tentative_hours, allocation_count = excluded.allocation_count;
alter table agency.employee_week_bookings force row level security;
alter table agency.team_allocations force row level security;

-- ------------------------------------------------------------------ capacity of some people
-- 029's rule (agency.capacity_change, the period in force on each Monday), for the people given;
-- null for everyone. Created through EXECUTE as 029 does (a SQL-standard body).
do $do$
begin
  execute $ddl$
create or replace function agency.weekly_capacities(p_tenant uuid, p_from date, p_to date, p_employees uuid[])
returns table (employee_id uuid, week_start_date date, capacity_hours numeric)
language sql stable parallel safe
begin atomic
  with weeks as (
    select g.d::date as monday
    from generate_series((p_from - (extract(isodow from p_from)::integer - 1))::timestamp, p_to::timestamp, interval '7 days') as g (d)),
  periods as (
    select p.employee_id, p.effective_from, p.effective_to, p.weekly_hours, p.previous_hours
    from agency.employee_capacity_periods p
    where p.tenant_id = p_tenant and (p_employees is null or p.employee_id = any (p_employees)))
  select coalesce(b.employee_id, c.employee_id), coalesce(b.monday, c.monday),
         round(coalesce(b.weekly_hours, 0) + coalesce(c.change, 0), 2)
  from (select p.employee_id, w.monday, p.weekly_hours
        from weeks w
        join periods p on p.effective_from <= w.monday and (p.effective_to is null or p.effective_to > w.monday)) b
  full join (
        select p.employee_id, w.monday, sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, w.monday)) as change
        from weeks w
        join periods p on p.effective_from > w.monday and p.effective_from < w.monday + 5
        group by p.employee_id, w.monday) c
    on c.employee_id = b.employee_id and c.monday = b.monday;
end
$ddl$;
  execute $ddl$
create or replace function agency.weekly_capacities(p_tenant uuid, p_from date, p_to date)
returns table (employee_id uuid, week_start_date date, capacity_hours numeric)
language sql stable parallel safe
begin atomic
  select k.employee_id, k.week_start_date, k.capacity_hours from agency.weekly_capacities(p_tenant, p_from, p_to, null::uuid[]) k;
end
$ddl$;
end
$do$;

-- ------------------------------------------------------------------ per-person utilization targets
-- A person's target by period (issue 15: "editable per person and period by leadership"): each from
-- a date until the next one's; before the first, and for anyone without one, the tenant's
-- utilization_target. ONE function resolves it, agency.utilization_target_for(person, day), which
-- Analytics reads (033 defines it provisionally as the tenant's target; this replaces that body
-- under the same signature). Leadership writes; everyone in the tenant reads (a target is no secret
-- from the person it is set for, and the utilization screens show it to all).
create table if not exists agency.employee_utilization_targets (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  effective_from date not null,
  target numeric(4,3) not null check (target between 0 and 1),
  note text check (note is null or length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, employee_id, effective_from),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id)
);

drop trigger if exists set_updated_at on agency.employee_utilization_targets;
create trigger set_updated_at before update on agency.employee_utilization_targets
  for each row execute function agency.update_updated_at_column();

alter table agency.employee_utilization_targets enable row level security;
alter table agency.employee_utilization_targets force row level security;
drop policy if exists tenant_isolation on agency.employee_utilization_targets;
create policy tenant_isolation on agency.employee_utilization_targets as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists targets_read on agency.employee_utilization_targets;
create policy targets_read on agency.employee_utilization_targets for select using (true);
drop policy if exists targets_manage on agency.employee_utilization_targets;
create policy targets_manage on agency.employee_utilization_targets
  using ((select agency.has_role('leadership'))) with check ((select agency.has_role('leadership')));
grant select, insert, update, delete on agency.employee_utilization_targets to agency_app;

-- The target in force for a person on a day: their latest period from that day or before, else the
-- tenant's. Its parameters keep the names of whichever definition came first (033's or none), since
-- CREATE OR REPLACE may not rename them; the body refers to them by position.
do $do$
declare
  names text[];
begin
  select p.proargnames into names from pg_proc p where p.oid = to_regprocedure('agency.utilization_target_for(uuid, date)');
  names := coalesce(names, array['p_employee_id', 'p_on']);
  execute format($ddl$
create or replace function agency.utilization_target_for(%1$I uuid, %2$I date) returns numeric
language sql stable parallel safe
return coalesce(
  (select t.target from agency.employee_utilization_targets t
   where t.tenant_id = agency.current_tenant_id() and t.employee_id = $1 and t.effective_from <= $2
   order by t.effective_from desc
   limit 1),
  (select n.utilization_target from agency.tenants n where n.id = agency.current_tenant_id()))
$ddl$, names[1], names[2]);
end
$do$;
grant execute on function agency.utilization_target_for(uuid, date) to agency_app;
