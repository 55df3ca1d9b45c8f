-- 029 capacity planning (issue 15): capacity that changes from a date, tentative allocations,
-- placeholders for a role not yet staffed, and skills as tags on people.
--
-- Capacity was one figure per person (employees.weekly_capacity_hours): someone going to 24 h a
-- week from a date changed every week, past and future. Now a history of periods
-- (employee_capacity_periods, each from a date until the next one's) is the source, and ONE
-- function, agency.weekly_capacities(tenant, from, to), says what each week holds: each weekday
-- (Monday to Friday) counts a fifth of the weekly hours of the period in force that day, so a
-- change on a Wednesday gives that week 2/5 of the old figure and 3/5 of the new one.
-- agency.net_capacity takes the week's approved time off away (021, decision 010), never below 0.
-- v_employee_utilization, the capacity grid and the timesheet week read these two; decision 014.
--
-- employees.weekly_capacity_hours stays, as the figure in force today, kept in step both ways:
--   * a new person gets a first period from -infinity with their figure;
--   * changing the figure on the person (the people page) is a change from this week's Monday;
--   * a period written or removed puts the figure in force today back on the person.
--
-- Who may do what, by row-level security as everywhere:
--   employee_capacity_periods   everyone in the tenant reads; admin writes (as the person record).
--   staffing_placeholders,
--   placeholder_allocations,
--   team_allocations            everyone in the tenant reads; pm, leadership and admin write.
-- Tentative allocations count in the people's-week summaries (011) as any allocation: the
-- summaries say what is booked; the grid shows the tentative part and may leave it out.

-- ------------------------------------------------------------------ skills
alter table agency.employees add column if not exists skills text[] not null default '{}';
alter table agency.employees drop constraint if exists employees_skills_check;
alter table agency.employees add constraint employees_skills_check
  check (cardinality(skills) <= 30 and array_position(skills, null) is null);
create index if not exists employees_skills_idx on agency.employees using gin (skills);

-- ------------------------------------------------------------------ capacity history
create table if not exists agency.employee_capacity_periods (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  -- '-infinity' for the figure a person had before any recorded change.
  effective_from date not null,
  -- The next period's effective_from, kept by the trigger below; null while open-ended.
  effective_to date,
  weekly_hours numeric(5,2) not null check (weekly_hours >= 0 and weekly_hours <= 80),
  -- The previous period's weekly hours, kept by the trigger below (what a change changes).
  previous_hours numeric(5,2),
  note text check (note is null or length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, employee_id, effective_from),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id)
);

drop trigger if exists set_updated_at on agency.employee_capacity_periods;
create trigger set_updated_at before update on agency.employee_capacity_periods
  for each row execute function agency.update_updated_at_column();

alter table agency.employee_capacity_periods enable row level security;
alter table agency.employee_capacity_periods force row level security;
drop policy if exists tenant_isolation on agency.employee_capacity_periods;
create policy tenant_isolation on agency.employee_capacity_periods as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists capacity_read on agency.employee_capacity_periods;
create policy capacity_read on agency.employee_capacity_periods for select using (true);
drop policy if exists capacity_manage on agency.employee_capacity_periods;
create policy capacity_manage on agency.employee_capacity_periods
  using ((select agency.has_role('admin'))) with check ((select agency.has_role('admin')));
grant select, insert, update, delete on agency.employee_capacity_periods to agency_app;

-- Existing people: their figure, from always. The owner reads every tenant's people and writes
-- their periods with FORCE lifted for this transaction only (under it, the owner would see no one).
alter table agency.employees no force row level security;
alter table agency.employee_capacity_periods no force row level security;
insert into agency.employee_capacity_periods (tenant_id, employee_id, effective_from, weekly_hours)
select e.tenant_id, e.id, '-infinity', e.weekly_capacity_hours
from agency.employees e
where not exists (select from agency.employee_capacity_periods p where p.tenant_id = e.tenant_id and p.employee_id = e.id);
alter table agency.employee_capacity_periods force row level security;
alter table agency.employees force row level security;

-- THE rule: what a period's start does to the week it starts in. A week holds the hours of the
-- period in force on its Monday, plus, for each change from Tuesday to Friday, the change times
-- the weekdays left of the week over five: a change on a Wednesday gives that week 2/5 of the
-- old figure and 3/5 of the new. A change on a weekend starts with the next week. Inlined (a
-- plain expression), so the set and the single-week readers below apply it at no call's cost.
create or replace function agency.capacity_change(p_hours numeric, p_previous numeric, p_from date, p_monday date) returns numeric
language sql immutable parallel safe
return (p_hours - coalesce(p_previous, 0)) * ((p_monday + 5) - p_from) / 5.0;

-- Every person's weeks of a range: the period in force each Monday (one row each, no grouping;
-- grouping 15,240 person-weeks cost 50 ms of numeric sums), plus the rare changes within a week.
-- A SQL-standard body (names bound at creation), created through EXECUTE as 026 does, because the
-- migrator would split BEGIN ATOMIC at its semicolons.
do $do$
begin
  execute $ddl$
create or replace function agency.weekly_capacities(p_tenant uuid, p_from date, p_to date)
returns table (employee_id uuid, week_start_date date, capacity_hours numeric)
language sql stable parallel safe
begin atomic
  with weeks as (
    select g.d::date as monday
    from generate_series((p_from - (extract(isodow from p_from)::integer - 1))::timestamp, p_to::timestamp, interval '7 days') as g (d))
  select coalesce(b.employee_id, c.employee_id), coalesce(b.monday, c.monday),
         round(coalesce(b.weekly_hours, 0) + coalesce(c.change, 0), 2)
  from (select p.employee_id, w.monday, p.weekly_hours
        from weeks w
        join agency.employee_capacity_periods p
          on p.tenant_id = p_tenant and p.effective_from <= w.monday and (p.effective_to is null or p.effective_to > w.monday)) b
  full join (
        select p.employee_id, w.monday, sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, w.monday)) as change
        from weeks w
        join agency.employee_capacity_periods p
          on p.tenant_id = p_tenant and p.effective_from > w.monday and p.effective_from < w.monday + 5
        group by p.employee_id, w.monday) c
    on c.employee_id = b.employee_id and c.monday = b.monday;
end
$ddl$;
end
$do$;

-- One person's week, by the same rule (the timesheet week, the approvals queue).
create or replace function agency.weekly_capacity(p_tenant uuid, p_employee uuid, p_week date) returns numeric
language sql stable parallel safe
return (
  select round(coalesce((select p.weekly_hours from agency.employee_capacity_periods p
                         where p.tenant_id = p_tenant and p.employee_id = p_employee
                           and p.effective_from <= m.monday and (p.effective_to is null or p.effective_to > m.monday)), 0)
             + coalesce((select sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, m.monday))
                         from agency.employee_capacity_periods p
                         where p.tenant_id = p_tenant and p.employee_id = p_employee
                           and p.effective_from > m.monday and p.effective_from < m.monday + 5), 0), 2)
  from (select p_week - (extract(isodow from p_week)::integer - 1) as monday) m);

-- Capacity less the week's approved time off, never below nothing.
create or replace function agency.net_capacity(p_capacity numeric, p_time_off numeric) returns numeric
language sql immutable parallel safe
return greatest(p_capacity - coalesce(p_time_off, 0), 0);

-- Periods end where the next begins; the person's figure is the one in force today.
create or replace function agency.keep_capacity_periods() returns trigger
language plpgsql set search_path = '' as $$
declare
  tenants uuid[];
  people uuid[];
begin
  execute format(
    'select array_agg(tenant_id), array_agg(employee_id) from (select distinct tenant_id, employee_id from (%s) c) d',
    case tg_op when 'INSERT' then 'select tenant_id, employee_id from new_rows'
               when 'DELETE' then 'select tenant_id, employee_id from old_rows'
               else 'select tenant_id, employee_id from new_rows union all select tenant_id, employee_id from old_rows' end)
    into tenants, people;
  if tenants is null then
    return null;
  end if;

  update agency.employee_capacity_periods p
  set effective_to = n.next_from, previous_hours = n.previous_hours
  from (select q.tenant_id, q.id,
               lead(q.effective_from) over w as next_from, lag(q.weekly_hours) over w as previous_hours
        from agency.employee_capacity_periods q
        join unnest(tenants, people) as g (tenant_id, employee_id)
          on q.tenant_id = g.tenant_id and q.employee_id = g.employee_id
        window w as (partition by q.tenant_id, q.employee_id order by q.effective_from)) n
  where p.tenant_id = n.tenant_id and p.id = n.id
    and (p.effective_to is distinct from n.next_from or p.previous_hours is distinct from n.previous_hours);

  update agency.employees e
  set weekly_capacity_hours = p.weekly_hours
  from unnest(tenants, people) as g (tenant_id, employee_id), agency.employee_capacity_periods p
  where e.tenant_id = g.tenant_id and e.id = g.employee_id
    and p.tenant_id = e.tenant_id and p.employee_id = e.id
    and p.effective_from <= current_date and (p.effective_to is null or p.effective_to > current_date)
    and e.weekly_capacity_hours is distinct from p.weekly_hours;
  return null;
end
$$;

-- Keeping effective_to and previous_hours fires the update trigger once more, which finds every period in step.
drop trigger if exists keep_periods_insert on agency.employee_capacity_periods;
create trigger keep_periods_insert after insert on agency.employee_capacity_periods
  referencing new table as new_rows for each statement execute function agency.keep_capacity_periods();
drop trigger if exists keep_periods_update on agency.employee_capacity_periods;
create trigger keep_periods_update after update on agency.employee_capacity_periods
  referencing old table as old_rows new table as new_rows for each statement execute function agency.keep_capacity_periods();
drop trigger if exists keep_periods_delete on agency.employee_capacity_periods;
create trigger keep_periods_delete after delete on agency.employee_capacity_periods
  referencing old table as old_rows for each statement execute function agency.keep_capacity_periods();

-- A new person starts with their figure from always; a changed figure on the person is a change
-- from this week's Monday (unless it is already the figure in force, as when the trigger above
-- puts it there).
create or replace function agency.capacity_from_person() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    insert into agency.employee_capacity_periods (tenant_id, employee_id, effective_from, weekly_hours)
    select n.tenant_id, n.id, '-infinity', n.weekly_capacity_hours from new_rows n;
  else
    insert into agency.employee_capacity_periods as p (tenant_id, employee_id, effective_from, weekly_hours)
    select n.tenant_id, n.id, agency.current_week_start(), n.weekly_capacity_hours
    from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    where n.weekly_capacity_hours is distinct from o.weekly_capacity_hours
      and not exists (
        select from agency.employee_capacity_periods q
        where q.tenant_id = n.tenant_id and q.employee_id = n.id and q.weekly_hours = n.weekly_capacity_hours
          and q.effective_from <= current_date and (q.effective_to is null or q.effective_to > current_date))
    on conflict (tenant_id, employee_id, effective_from) do update set weekly_hours = excluded.weekly_hours;
  end if;
  return null;
end
$$;

drop trigger if exists capacity_on_insert on agency.employees;
create trigger capacity_on_insert after insert on agency.employees
  referencing new table as new_rows for each statement execute function agency.capacity_from_person();
drop trigger if exists capacity_on_update on agency.employees;
create trigger capacity_on_update after update on agency.employees
  referencing old table as old_rows new table as new_rows for each statement execute function agency.capacity_from_person();

-- ------------------------------------------------------------------ tentative allocations
alter table agency.team_allocations add column if not exists tentative boolean not null default false;

-- ------------------------------------------------------------------ placeholders
-- A role not yet staffed on a campaign ("a senior designer, 20 h a week for six weeks"): a row of
-- its own in the grid; assigning it turns its weeks into a person's allocations.
create table if not exists agency.staffing_placeholders (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  role_name text not null check (length(btrim(role_name)) between 1 and 100),
  department text check (department is null or length(department) <= 100),
  notes text check (notes is null or length(notes) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id)
);
create index if not exists staffing_placeholders_campaign_idx on agency.staffing_placeholders (tenant_id, campaign_id);

create table if not exists agency.placeholder_allocations (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  placeholder_id uuid not null,
  week_start_date date not null,
  hours numeric(5,2) not null check (hours > 0 and hours <= 80),
  tentative boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, placeholder_id, week_start_date),
  foreign key (tenant_id, placeholder_id) references agency.staffing_placeholders (tenant_id, id) on delete cascade
);
create index if not exists placeholder_allocations_week_idx on agency.placeholder_allocations (tenant_id, week_start_date);

drop trigger if exists set_updated_at on agency.staffing_placeholders;
create trigger set_updated_at before update on agency.staffing_placeholders
  for each row execute function agency.update_updated_at_column();
drop trigger if exists set_updated_at on agency.placeholder_allocations;
create trigger set_updated_at before update on agency.placeholder_allocations
  for each row execute function agency.update_updated_at_column();
drop trigger if exists set_week_start on agency.placeholder_allocations;
create trigger set_week_start before insert or update of week_start_date on agency.placeholder_allocations
  for each row execute function agency.set_week_start_date();

do $$
declare t text;
begin
  foreach t in array array['staffing_placeholders', 'placeholder_allocations'] loop
    execute format('alter table agency.%I enable row level security', t);
    execute format('alter table agency.%I force row level security', t);
    execute format('drop policy if exists tenant_isolation on agency.%I', t);
    execute format($p$create policy tenant_isolation on agency.%I as restrictive
                      using (tenant_id = (select agency.current_tenant_id()))
                      with check (tenant_id = (select agency.current_tenant_id()))$p$, t);
    execute format('drop policy if exists placeholder_read on agency.%I', t);
    execute format('create policy placeholder_read on agency.%I for select using (true)', t);
    execute format('drop policy if exists placeholder_manage on agency.%I', t);
    execute format($p$create policy placeholder_manage on agency.%I
                      using ((select agency.has_any_role(array['pm', 'leadership', 'admin'])))
                      with check ((select agency.has_any_role(array['pm', 'leadership', 'admin'])))$p$, t);
    execute format('grant select, insert, update, delete on agency.%I to agency_app', t);
  end loop;
end
$$;

-- Assigning turns the placeholder's weeks into the person's allocations on its campaign (hours
-- added to any the person already has there that week; tentative only if both were) and removes
-- the placeholder. As its caller: row-level security refuses whoever may not staff work.
create or replace function agency.assign_placeholder(p_placeholder uuid, p_employee uuid) returns integer
language plpgsql set search_path = '' as $$
declare
  tenant constant uuid := agency.current_tenant_id();
  campaign uuid;
  weeks date[];
  hours numeric[];
  tentative boolean[];
  assigned integer;
begin
  select array_agg(a.week_start_date order by a.week_start_date), array_agg(a.hours order by a.week_start_date),
         array_agg(a.tentative order by a.week_start_date)
  into weeks, hours, tentative
  from agency.placeholder_allocations a
  where a.tenant_id = tenant and a.placeholder_id = p_placeholder;

  delete from agency.staffing_placeholders s where s.tenant_id = tenant and s.id = p_placeholder
  returning s.campaign_id into campaign;
  if campaign is null then
    if exists (select from agency.staffing_placeholders s where s.tenant_id = tenant and s.id = p_placeholder) then
      raise exception 'Only project managers, leadership and admins staff work.' using errcode = '42501';
    end if;
    raise exception 'That placeholder is no longer there: someone assigned or removed it.'
      using errcode = 'P0002', constraint = 'placeholder_gone';
  end if;

  insert into agency.team_allocations as l (tenant_id, employee_id, campaign_id, week_start_date, hours, tentative)
  select tenant, p_employee, campaign, w.week, w.hours, w.tentative
  from unnest(weeks, hours, tentative) as w (week, hours, tentative)
  on conflict (tenant_id, employee_id, campaign_id, week_start_date) do update
    set hours = least(l.hours + excluded.hours, 80), tentative = l.tentative and excluded.tentative;
  get diagnostics assigned = row_count;
  return assigned;
end
$$;
grant execute on function agency.assign_placeholder(uuid, uuid) to agency_app;

-- ------------------------------------------------------------------ utilization follows the history
-- The same columns as 021's (an earlier script run again must still be able to replace the view);
-- capacity_hours is now agency.net_capacity of the week's capacity, reckoned as agency.weekly_capacities does.
create or replace view agency.v_employee_utilization with (security_invoker = true) as
select e.tenant_id, e.id as employee_id, e.full_name, e.title, e.department, e.agency_role, e.active, w.week_start_date,
       c.hours::numeric(5,2) as capacity_hours,
       w.total_hours, w.billable_hours, w.allocated_hours,
       round(w.total_hours / nullif(c.hours, 0), 4) as utilization_pct,
       round(w.billable_hours / nullif(c.hours, 0), 4) as billable_utilization_pct,
       round(w.allocated_hours / nullif(c.hours, 0), 4) as allocation_pct
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
-- The week's capacity as agency.weekly_capacities reckons it: the period in force on the Monday
-- (a hash join, one row), plus the changes within the week (a probe that mostly finds none).
left join agency.employee_capacity_periods b
  on b.tenant_id = w.tenant_id and b.employee_id = w.employee_id
 and b.effective_from <= w.week_start_date and (b.effective_to is null or b.effective_to > w.week_start_date)
left join lateral (
  select sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, w.week_start_date)) as change
  from agency.employee_capacity_periods p
  where p.tenant_id = w.tenant_id and p.employee_id = w.employee_id
    and p.effective_from > w.week_start_date and p.effective_from < w.week_start_date + 5) k on true
cross join lateral (select agency.net_capacity(round(coalesce(b.weekly_hours, 0) + coalesce(k.change, 0), 2), o.hours) as hours) c
where e.deleted_at is null;
