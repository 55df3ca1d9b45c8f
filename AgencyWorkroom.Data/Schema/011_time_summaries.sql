-- 011 summaries of logged time, from what ./workroom bench measured (issue 6). v_campaign_overview,
-- v_client_360 and v_dashboard_kpis priced every timesheet entry of the tenant at its rate on
-- every call (326-392 ms p95 at x1 for a first page, 5.5 s at x20; the dashboard paid it three
-- times), and v_employee_utilization summed every entry of the weeks asked for (157 ms for
-- 1,270 people x 12 weeks at x20). Now statement triggers keep, per campaign and week (split at
-- month ends, so a month or a quarter is a sum of whole buckets), the hours and the money, and
-- per person and week the logged and the allocated hours; the views read those.
--
-- Who sees what does not change:
--   campaign_week_hours, employee_week_hours  every entry's hours: pm, finance and leadership,
--                        who may read every entry (the people's weeks also carry the allocations,
--                        which everyone may read).
--   campaign_week_money  revenue and labour cost: finance and leadership, who may read the rates.
--   Everyone else still aggregates, live, the entries they may read (their own), as before.
-- Nobody in the app writes a summary: the triggers run as agency_summaries (NOLOGIN), which
-- reads entries and rates and writes summaries, always inside one tenant's isolation.

-- ------------------------------------------------------------------ the maintaining role
do $$
begin
  if not exists (select from pg_roles where rolname = 'agency_summaries') then
    create role agency_summaries nologin;
  end if;
end
$$;

-- Membership lets this role hand the functions below over to agency_summaries.
grant agency_summaries to current_user;
grant usage on schema agency to agency_summaries;

-- ------------------------------------------------------------------ the summaries
create table if not exists agency.campaign_week_hours (
  tenant_id uuid not null references agency.tenants (id),
  campaign_id uuid not null,
  week_start_date date not null,
  -- First of the month of the bucket's entries: a week across a month end is two buckets.
  month_start_date date not null,
  total_hours numeric not null,
  billable_hours numeric not null,
  entry_count integer not null,
  last_entry_date date not null,
  primary key (tenant_id, campaign_id, week_start_date, month_start_date)
);

create table if not exists agency.campaign_week_money (
  tenant_id uuid not null references agency.tenants (id),
  campaign_id uuid not null,
  week_start_date date not null,
  month_start_date date not null,
  revenue numeric not null,
  labor_cost numeric not null,
  primary key (tenant_id, campaign_id, week_start_date, month_start_date)
);

create table if not exists agency.employee_week_hours (
  tenant_id uuid not null references agency.tenants (id),
  employee_id uuid not null,
  week_start_date date not null,
  total_hours numeric not null default 0,
  billable_hours numeric not null default 0,
  entry_count integer not null default 0,
  -- Planned hours (team_allocations), kept beside the logged ones: the capacity grid's two sides.
  allocated_hours numeric not null default 0,
  allocation_count integer not null default 0,
  primary key (tenant_id, employee_id, week_start_date)
);

-- The capacity grid reads weeks of everyone from the index alone (12,495 rows in 2 ms at x20).
create index if not exists employee_week_hours_week_idx on agency.employee_week_hours (tenant_id, week_start_date)
  include (employee_id, total_hours, billable_hours, allocated_hours);
create index if not exists campaign_week_hours_week_idx on agency.campaign_week_hours (tenant_id, week_start_date);
create index if not exists campaign_week_money_month_idx on agency.campaign_week_money (tenant_id, month_start_date);

-- Who may read every entry, as timesheet_own_or_manager says.
create or replace function agency.sees_all_timesheets() returns boolean
language sql stable parallel safe set search_path = '' as $$
  select agency.has_any_role(array['pm', 'finance', 'leadership'])
$$;

do $$
declare t regclass;
begin
  foreach t in array array['agency.campaign_week_hours'::regclass, 'agency.campaign_week_money'::regclass,
                           'agency.employee_week_hours'::regclass] loop
    execute format('alter table %s enable row level security', t);
    execute format('alter table %s force row level security', t);
    execute format('drop policy if exists tenant_isolation on %s', t);
    execute format('create policy tenant_isolation on %s as restrictive for all
                    using (tenant_id = (select agency.current_tenant_id()))
                    with check (tenant_id = (select agency.current_tenant_id()))', t);
    execute format('drop policy if exists summaries_maintain on %s', t);
    execute format('create policy summaries_maintain on %s for all to agency_summaries using (true)', t);
    -- Read only: figures the app could write would be figures nobody could trust.
    execute format('grant select on %s to agency_app', t);
    execute format('grant select, insert, update, delete on %s to agency_summaries', t);
  end loop;
end
$$;

drop policy if exists hours_read on agency.campaign_week_hours;
create policy hours_read on agency.campaign_week_hours for select using ((select agency.sees_all_timesheets()));
drop policy if exists hours_read on agency.employee_week_hours;
create policy hours_read on agency.employee_week_hours for select using ((select agency.sees_all_timesheets()));
drop policy if exists money_read on agency.campaign_week_money;
create policy money_read on agency.campaign_week_money for select using ((select agency.can_see_financials()));

-- The sources, for agency_summaries only (tenant_isolation still applies to it).
drop policy if exists summaries_read on agency.timesheet_entries;
create policy summaries_read on agency.timesheet_entries for select to agency_summaries using (true);
drop policy if exists summaries_read on agency.employee_rates;
create policy summaries_read on agency.employee_rates for select to agency_summaries using (true);
grant select on agency.timesheet_entries, agency.employee_rates, agency.team_allocations to agency_summaries;

-- ------------------------------------------------------------------ keeping them
-- A statement's entries or allocations, signed (+1 added, -1 taken away), move their buckets
-- by the sum of their changes: additions compose under concurrent writers (the upsert's row
-- lock orders them), where a recount from one snapshot would lose the other writer's rows. The
-- transition tables are visible only to the trigger function's own statements, hence one
-- function for both tables and all three events.
create or replace function agency.keep_time_summaries() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  entries constant boolean := tg_table_name = 'timesheet_entries';
  cols constant text := case when entries
                             then 'tenant_id, campaign_id, employee_id, entry_date, week_start_date, hours, billable'
                             else 'tenant_id, employee_id, week_start_date, hours' end;
  added constant text := format('select %s, 1 as sign from new_rows', cols);
  removed constant text := case when tg_op <> 'INSERT' then format('select %s, -1 as sign from old_rows', cols) end;
  changes constant text := case tg_op when 'INSERT' then added when 'DELETE' then removed
                                      else added || ' union all ' || removed end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
begin
  -- An app session writes its own tenant's rows only; a maintenance load may name several.
  -- Each is summarised inside its own tenant's isolation, and the caller's is put back.
  for tenant in execute format('select distinct tenant_id from (%s) c', changes) loop
    perform set_config('app.current_tenant', tenant::text, true);

    if entries then
      execute format($q$
        insert into agency.campaign_week_hours as s
          (tenant_id, campaign_id, week_start_date, month_start_date, total_hours, billable_hours, entry_count, last_entry_date)
        select c.tenant_id, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
               sum(c.sign * c.hours), coalesce(sum(c.sign * c.hours) filter (where c.billable), 0), sum(c.sign),
               coalesce(max(c.entry_date) filter (where c.sign > 0), min(c.entry_date))
        from (%s) c
        where c.tenant_id = $1
        group by 1, 2, 3, 4
        on conflict (tenant_id, campaign_id, week_start_date, month_start_date) do update
          set total_hours = s.total_hours + excluded.total_hours,
              billable_hours = s.billable_hours + excluded.billable_hours,
              entry_count = s.entry_count + excluded.entry_count,
              last_entry_date = greatest(s.last_entry_date, excluded.last_entry_date)$q$, changes)
        using tenant;

      -- Priced at the rate in force on the entry's day, as agency.timesheet_costs prices it.
      execute format($q$
        insert into agency.campaign_week_money as s
          (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
        select c.tenant_id, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
               coalesce(sum(c.sign * case when c.billable then c.hours * r.bill_rate else 0 end), 0),
               coalesce(sum(c.sign * c.hours * r.cost_rate), 0)
        from (%s) c
        left join lateral (
          select er.bill_rate, er.cost_rate
          from agency.employee_rates er
          where er.tenant_id = c.tenant_id and er.employee_id = c.employee_id
            and er.effective_from <= c.entry_date and (er.effective_to is null or er.effective_to > c.entry_date)
          order by er.effective_from desc
          limit 1) r on true
        where c.tenant_id = $1
        group by 1, 2, 3, 4
        on conflict (tenant_id, campaign_id, week_start_date, month_start_date) do update
          set revenue = s.revenue + excluded.revenue,
              labor_cost = s.labor_cost + excluded.labor_cost$q$, changes)
        using tenant;

      execute format($q$
        insert into agency.employee_week_hours as s (tenant_id, employee_id, week_start_date, total_hours, billable_hours, entry_count)
        select c.tenant_id, c.employee_id, c.week_start_date,
               sum(c.sign * c.hours), coalesce(sum(c.sign * c.hours) filter (where c.billable), 0), sum(c.sign)
        from (%s) c
        where c.tenant_id = $1
        group by 1, 2, 3
        on conflict (tenant_id, employee_id, week_start_date) do update
          set total_hours = s.total_hours + excluded.total_hours,
              billable_hours = s.billable_hours + excluded.billable_hours,
              entry_count = s.entry_count + excluded.entry_count$q$, changes)
        using tenant;

      if removed is not null then
        -- Buckets left without entries go; the rest re-read their latest day, which may have left.
        execute format($q$
          with emptied as (
            delete from agency.campaign_week_hours s
            where s.tenant_id = $1 and s.entry_count <= 0
              and (s.campaign_id, s.week_start_date, s.month_start_date) in
                  (select r.campaign_id, r.week_start_date, date_trunc('month', r.entry_date)::date from (%s) r)
            returning s.campaign_id, s.week_start_date, s.month_start_date)
          delete from agency.campaign_week_money m
          using emptied e
          where m.tenant_id = $1 and m.campaign_id = e.campaign_id and m.week_start_date = e.week_start_date
            and m.month_start_date = e.month_start_date$q$, removed)
          using tenant;
        execute format($q$
          update agency.campaign_week_hours s
          set last_entry_date = (
            select max(t.entry_date) from agency.timesheet_entries t
            where t.tenant_id = s.tenant_id and t.campaign_id = s.campaign_id
              and t.entry_date between greatest(s.week_start_date, s.month_start_date) and s.week_start_date + 6
              and t.entry_date < (s.month_start_date + interval '1 month')::date)
          where s.tenant_id = $1
            and (s.campaign_id, s.week_start_date, s.month_start_date) in
                (select r.campaign_id, r.week_start_date, date_trunc('month', r.entry_date)::date from (%s) r)$q$, removed)
          using tenant;
      end if;
    else
      execute format($q$
        insert into agency.employee_week_hours as s (tenant_id, employee_id, week_start_date, allocated_hours, allocation_count)
        select c.tenant_id, c.employee_id, c.week_start_date, sum(c.sign * c.hours), sum(c.sign)
        from (%s) c
        where c.tenant_id = $1
        group by 1, 2, 3
        on conflict (tenant_id, employee_id, week_start_date) do update
          set allocated_hours = s.allocated_hours + excluded.allocated_hours,
              allocation_count = s.allocation_count + excluded.allocation_count$q$, changes)
        using tenant;
    end if;

    -- A person's week goes when it has neither entries nor allocations left.
    if removed is not null then
      execute format($q$
        delete from agency.employee_week_hours s
        where s.tenant_id = $1 and s.entry_count <= 0 and s.allocation_count <= 0
          and (s.employee_id, s.week_start_date) in (select r.employee_id, r.week_start_date from (%s) r)$q$, removed)
        using tenant;
    end if;
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

-- A rate added, corrected or ended reprices every entry it covers: the money of the buckets
-- holding that person's entries from the change's first day on is counted again, whole. The
-- table lock first lets entry writes under way finish (their additions land before the recount
-- reads) and holds new ones until this commits; rates change seldom, entries often.
create or replace function agency.reprice_campaign_summaries() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  cols constant text := 'select tenant_id, employee_id, effective_from from ';
  changed constant text := case tg_op when 'INSERT' then cols || 'new_rows' when 'DELETE' then cols || 'old_rows'
                                      else cols || 'new_rows union all ' || cols || 'old_rows' end;
  buckets constant text := format($q$
      select distinct t.campaign_id, t.week_start_date, date_trunc('month', t.entry_date)::date as month_start_date
      from agency.timesheet_entries t
      join (select c.employee_id, min(c.effective_from) as since from (%s) c where c.tenant_id = $1 group by c.employee_id) x
        on x.employee_id = t.employee_id
      where t.tenant_id = $1 and t.entry_date >= x.since$q$, changed);
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  repriced boolean;
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', changed) loop
    perform set_config('app.current_tenant', tenant::text, true);
    -- A tenant's first rates, or a reload, cover no entries yet: nothing to lock or count.
    execute format('select exists (%s)', buckets) into repriced using tenant;
    continue when not repriced;
    lock table agency.campaign_week_money in share row exclusive mode;
    execute format($q$
      insert into agency.campaign_week_money as s (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
      select $1, b.campaign_id, b.week_start_date, b.month_start_date, coalesce(sum(c.revenue), 0), coalesce(sum(c.labor_cost), 0)
      from (%s) b
      join agency.timesheet_costs c
        on c.tenant_id = $1 and c.campaign_id = b.campaign_id and c.week_start_date = b.week_start_date
       and date_trunc('month', c.entry_date)::date = b.month_start_date
      group by b.campaign_id, b.week_start_date, b.month_start_date
      on conflict (tenant_id, campaign_id, week_start_date, month_start_date) do update
        set revenue = excluded.revenue, labor_cost = excluded.labor_cost$q$, buckets)
      using tenant;
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

-- The current tenant's summaries counted again from its entries: for the data that was there
-- before this migration, and for a repair should anyone ever doubt them.
create or replace function agency.rebuild_time_summaries() returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if tenant is null then
    raise exception 'rebuild_time_summaries needs a tenant context' using errcode = '42501';
  end if;
  delete from agency.campaign_week_hours where tenant_id = tenant;
  delete from agency.campaign_week_money where tenant_id = tenant;
  delete from agency.employee_week_hours where tenant_id = tenant;
  insert into agency.employee_week_hours
    (tenant_id, employee_id, week_start_date, total_hours, billable_hours, entry_count, allocated_hours, allocation_count)
  select tenant, employee_id, week_start_date,
         coalesce(t.total_hours, 0), coalesce(t.billable_hours, 0), coalesce(t.entry_count, 0),
         coalesce(a.allocated_hours, 0), coalesce(a.allocation_count, 0)
  from (select e.employee_id, e.week_start_date, sum(e.hours) as total_hours,
               coalesce(sum(e.hours) filter (where e.billable), 0) as billable_hours, count(*) as entry_count
        from agency.timesheet_entries e where e.tenant_id = tenant group by 1, 2) t
  full join (select l.employee_id, l.week_start_date, sum(l.hours) as allocated_hours, count(*) as allocation_count
             from agency.team_allocations l where l.tenant_id = tenant group by 1, 2) a using (employee_id, week_start_date);
  insert into agency.campaign_week_hours
    (tenant_id, campaign_id, week_start_date, month_start_date, total_hours, billable_hours, entry_count, last_entry_date)
  select tenant, t.campaign_id, t.week_start_date, date_trunc('month', t.entry_date)::date,
         sum(t.hours), coalesce(sum(t.hours) filter (where t.billable), 0), count(*), max(t.entry_date)
  from agency.timesheet_entries t
  where t.tenant_id = tenant
  group by 2, 3, 4;
  insert into agency.campaign_week_money (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
  select tenant, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
         coalesce(sum(c.revenue), 0), coalesce(sum(c.labor_cost), 0)
  from agency.timesheet_costs c
  where c.tenant_id = tenant
  group by 2, 3, 4;
end
$fn$;

-- A new owner needs CREATE on the schema at the moment of the handover, and only then.
grant create on schema agency to agency_summaries;
alter function agency.keep_time_summaries() owner to agency_summaries;
alter function agency.reprice_campaign_summaries() owner to agency_summaries;
alter function agency.rebuild_time_summaries() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.keep_time_summaries() from public;
revoke execute on function agency.reprice_campaign_summaries() from public;
revoke execute on function agency.rebuild_time_summaries() from public;
grant select on agency.timesheet_costs to agency_summaries;

drop trigger if exists keep_summaries_insert on agency.timesheet_entries;
create trigger keep_summaries_insert after insert on agency.timesheet_entries
  referencing new table as new_rows for each statement execute function agency.keep_time_summaries();
drop trigger if exists keep_summaries_update on agency.timesheet_entries;
create trigger keep_summaries_update after update on agency.timesheet_entries
  referencing old table as old_rows new table as new_rows for each statement execute function agency.keep_time_summaries();
drop trigger if exists keep_summaries_delete on agency.timesheet_entries;
create trigger keep_summaries_delete after delete on agency.timesheet_entries
  referencing old table as old_rows for each statement execute function agency.keep_time_summaries();

drop trigger if exists keep_summaries_insert on agency.team_allocations;
create trigger keep_summaries_insert after insert on agency.team_allocations
  referencing new table as new_rows for each statement execute function agency.keep_time_summaries();
drop trigger if exists keep_summaries_update on agency.team_allocations;
create trigger keep_summaries_update after update on agency.team_allocations
  referencing old table as old_rows new table as new_rows for each statement execute function agency.keep_time_summaries();
drop trigger if exists keep_summaries_delete on agency.team_allocations;
create trigger keep_summaries_delete after delete on agency.team_allocations
  referencing old table as old_rows for each statement execute function agency.keep_time_summaries();

drop trigger if exists reprice_summaries_insert on agency.employee_rates;
create trigger reprice_summaries_insert after insert on agency.employee_rates
  referencing new table as new_rows for each statement execute function agency.reprice_campaign_summaries();
drop trigger if exists reprice_summaries_update on agency.employee_rates;
create trigger reprice_summaries_update after update on agency.employee_rates
  referencing old table as old_rows new table as new_rows for each statement execute function agency.reprice_campaign_summaries();
drop trigger if exists reprice_summaries_delete on agency.employee_rates;
create trigger reprice_summaries_delete after delete on agency.employee_rates
  referencing old table as old_rows for each statement execute function agency.reprice_campaign_summaries();

-- ------------------------------------------------------------------ the views on them
-- Campaign hours as the caller may see them: every entry's, from the summary, for those who
-- may read every entry; their own, counted live (a person's entries are few), for the rest.
-- One branch runs, the other is cut by its one-time filter.
create or replace view agency.visible_campaign_hours with (security_invoker = true) as
select s.tenant_id, s.campaign_id, s.week_start_date, s.month_start_date, s.total_hours, s.billable_hours, s.last_entry_date
from agency.campaign_week_hours s
where (select agency.sees_all_timesheets())
union all
select t.tenant_id, t.campaign_id, t.week_start_date, date_trunc('month', t.entry_date)::date,
       sum(t.hours), coalesce(sum(t.hours) filter (where t.billable), 0), max(t.entry_date)
from agency.timesheet_entries t
where not (select agency.sees_all_timesheets()) and t.employee_id = (select agency.current_user_id())
group by 1, 2, 3, 4;

grant select on agency.visible_campaign_hours to agency_app;

-- 010's view over the people's weeks: same columns, same rows. Those who may read every entry
-- read whole rows of the summary, logged and planned hours side by side, with nothing to group;
-- everyone else counts, live, their own entries beside everyone's allocations, as 010 did.
create or replace view agency.v_employee_utilization with (security_invoker = true) as
select e.tenant_id, e.id as employee_id, e.full_name, e.title, e.department, e.agency_role, e.active,
       w.week_start_date,
       e.weekly_capacity_hours as capacity_hours,
       w.total_hours,
       w.billable_hours,
       w.allocated_hours,
       round(w.total_hours / nullif(e.weekly_capacity_hours, 0), 4) as utilization_pct,
       round(w.billable_hours / nullif(e.weekly_capacity_hours, 0), 4) as billable_utilization_pct,
       round(w.allocated_hours / nullif(e.weekly_capacity_hours, 0), 4) as allocation_pct
from (
  select s.tenant_id, s.employee_id, s.week_start_date, s.total_hours, s.billable_hours, s.allocated_hours
  from agency.employee_week_hours s
  where (select agency.sees_all_timesheets())
  union all
  select x.tenant_id, x.employee_id, x.week_start_date,
         coalesce(sum(x.logged), 0), coalesce(sum(x.logged) filter (where x.billable), 0), coalesce(sum(x.allocated), 0)
  from (
    select t.tenant_id, t.employee_id, t.week_start_date, t.hours as logged, t.billable, null::numeric as allocated
    from agency.timesheet_entries t
    where t.employee_id = (select agency.current_user_id())
    union all
    select a.tenant_id, a.employee_id, a.week_start_date, null, false, a.hours
    from agency.team_allocations a) x
  where not (select agency.sees_all_timesheets())
  group by x.tenant_id, x.employee_id, x.week_start_date) w
join agency.employees e on e.tenant_id = w.tenant_id and e.id = w.employee_id
where e.deleted_at is null;

-- The three views of 006 with the same columns and rows, now over the summaries. Helpers are
-- called as (select agency.f()), once per query: called bare, each row paid for several calls
-- of a function that cannot be inlined (its SET search_path), 0.9 s over 3,000 campaigns.
-- Every figure is looked up per campaign (LATERAL, by index), not aggregated for the whole
-- tenant and then joined: a page of 25 campaigns in index order computes 25 campaigns' figures
-- and stops, where the 006 shape computed all 3,000 before sorting. LEFT JOIN ... ON true (each
-- gives one row either way) lets the planner drop the lookups a query does not use: the
-- dashboard's counts and the budget alerts read no hours, team or artifacts.
create or replace view agency.v_campaign_overview with (security_invoker = true) as
select c.tenant_id, c.id as campaign_id, c.code, c.name, c.description, c.status, c.budget_type,
       c.client_id, cl.name as client_name, c.brand_id, b.name as brand_name,
       c.start_date, c.end_date, c.duration_weeks, c.budget_amount, c.currency, c.tags, c.alert_thresholds,
       c.procure_quote_id,
       (select p.name from agency.campaign_phases p
        where p.tenant_id = c.tenant_id and p.campaign_id = c.id and current_date between p.start_date and p.end_date
        order by p.sort_order limit 1) as current_phase,
       coalesce(h.total_hours, 0) as total_hours,
       coalesce(h.billable_hours, 0) as billable_hours,
       coalesce(h.hours_this_week, 0) as hours_this_week,
       h.last_entry_date,
       tm.team_size,
       a.artifact_count,
       round(f.schedule_elapsed_pct, 4) as schedule_elapsed_pct,
       case when (select agency.can_see_financials()) then m.revenue end as revenue,
       case when (select agency.can_see_financials()) then m.labor_cost end as labor_cost,
       case when (select agency.can_see_financials()) then f.direct_cost end as direct_cost,
       case when (select agency.can_see_financials()) then coalesce(m.labor_cost, 0) + f.direct_cost end as total_cost,
       case when (select agency.can_see_financials()) then coalesce(m.revenue, 0) - coalesce(m.labor_cost, 0) - f.direct_cost end as margin,
       case when (select agency.can_see_financials()) and m.revenue > 0
            then round((m.revenue - coalesce(m.labor_cost, 0) - f.direct_cost) / m.revenue, 4) end as margin_pct,
       case when (select agency.can_see_financials()) then f.spend end as spend,
       case when (select agency.can_see_financials()) and c.budget_amount > 0 then round(f.spend / c.budget_amount, 4) end
         as budget_spent_pct,
       hl.health, hl.health_reason
from agency.campaigns c
join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
left join agency.brands b on b.tenant_id = c.tenant_id and b.id = c.brand_id
left join procure.project_quotes pq on pq.tenant_id = c.tenant_id and pq.id = c.procure_quote_id and pq.status = 'approved'
left join lateral (
  select sum(v.total_hours) as total_hours,
         sum(v.billable_hours) as billable_hours,
         sum(v.total_hours) filter (where v.week_start_date = (select agency.current_week_start())) as hours_this_week,
         max(v.last_entry_date) as last_entry_date
  from agency.visible_campaign_hours v
  where v.tenant_id = c.tenant_id and v.campaign_id = c.id) h on true
left join lateral (
  select sum(w.revenue) as revenue, sum(w.labor_cost) as labor_cost
  from agency.campaign_week_money w
  where w.tenant_id = c.tenant_id and w.campaign_id = c.id) m on true
left join lateral (
  select sum(e.amount) as expense_cost
  from te.expense_lines e
  where e.tenant_id = c.tenant_id and e.agency_campaign_id = c.id and e.status <> 'rejected') x on true
left join lateral (
  select sum(g.daily_rate * greatest(1, ceil(extract(epoch from coalesce(g.returned_at, now()) - g.checked_out_at) / 86400)))
           as equipment_cost
  from gear.checkouts g
  where g.tenant_id = c.tenant_id and g.agency_campaign_id = c.id) q on true
left join lateral (
  select count(distinct t.employee_id) as team_size
  from agency.campaign_team t
  where t.tenant_id = c.tenant_id and t.campaign_id = c.id) tm on true
left join lateral (
  select count(*) as artifact_count
  from agency.artifacts r
  where r.tenant_id = c.tenant_id and r.campaign_id = c.id and r.deleted_at is null) a on true
cross join lateral (
  select coalesce(x.expense_cost, 0) + coalesce(q.equipment_cost, 0) + coalesce(pq.amount, 0) as direct_cost,
         -- Spend against budget: time at bill rates plus pass-through costs.
         coalesce(m.revenue, 0) + coalesce(x.expense_cost, 0) + coalesce(q.equipment_cost, 0) + coalesce(pq.amount, 0) as spend,
         least(1.0, greatest(0.0, (current_date - c.start_date + 1)::numeric / nullif(c.end_date - c.start_date + 1, 0)))
           as schedule_elapsed_pct) f
cross join lateral (
  select case
           when c.status in ('completed', 'cancelled') then 'on_track'
           when c.end_date < current_date then 'off_track'
           when (select agency.can_see_financials()) and c.budget_amount > 0 and f.spend > c.budget_amount then 'off_track'
           when (select agency.can_see_financials()) and c.budget_amount > 0
                and f.spend / c.budget_amount > f.schedule_elapsed_pct + 0.15 then 'at_risk'
           else 'on_track' end as health,
         case
           when c.status in ('completed', 'cancelled') then null
           when c.end_date < current_date then 'Past its end date and still ' || replace(c.status, '_', ' ')
           when (select agency.can_see_financials()) and c.budget_amount > 0 and f.spend > c.budget_amount then 'Over budget'
           when (select agency.can_see_financials()) and c.budget_amount > 0
                and f.spend / c.budget_amount > f.schedule_elapsed_pct + 0.15
             then 'Budget burning ahead of schedule' end as health_reason) hl
where c.deleted_at is null;

-- The dashboard's month of expenses.
create index if not exists expense_lines_date_idx on te.expense_lines (tenant_id, expense_date);

-- The registry's default order, newest first, read straight from an index.
create index if not exists campaigns_start_idx on agency.campaigns (tenant_id, start_date desc, id) where deleted_at is null;

-- Per client, like the overview: a page of clients sums its own clients' campaigns only.
create or replace view agency.v_client_360 with (security_invoker = true) as
select cl.tenant_id, cl.id as client_id, cl.code, cl.name, cl.sector, cl.status, cl.website,
       cl.primary_contact_name, cl.primary_contact_email, cl.account_lead_id, al.full_name as account_lead_name,
       bc.brand_count,
       bc.brand_names,
       ct.campaign_count,
       ct.active_campaign_count,
       coalesce(ct.total_budget, 0) as total_budget,
       coalesce(ct.total_hours, 0) as total_hours,
       coalesce(qh.hours_this_quarter, 0) as hours_this_quarter,
       greatest(cl.updated_at, ct.last_campaign_activity) as last_activity_at,
       case when (select agency.can_see_financials()) then coalesce(ct.revenue, 0) end as revenue,
       case when (select agency.can_see_financials()) then coalesce(ct.cost, 0) end as cost,
       case when (select agency.can_see_financials()) then coalesce(ct.revenue, 0) - coalesce(ct.cost, 0) end as margin,
       case when (select agency.can_see_financials()) and ct.revenue > 0 then round((ct.revenue - ct.cost) / ct.revenue, 4) end
         as margin_pct,
       case when (select agency.can_see_financials()) then coalesce(ct.spend, 0) end as spend,
       case when (select agency.can_see_financials()) and ct.total_budget > 0 then round(ct.spend / ct.total_budget, 4) end
         as budget_spent_pct
from agency.clients cl
left join agency.employees al on al.tenant_id = cl.tenant_id and al.id = cl.account_lead_id
cross join lateral (
  select count(*) as campaign_count,
         count(*) filter (where o.status = 'active') as active_campaign_count,
         sum(o.budget_amount) filter (where o.status <> 'cancelled') as total_budget,
         sum(o.total_hours) as total_hours,
         sum(o.revenue) as revenue,
         sum(o.total_cost) as cost,
         sum(o.spend) as spend,
         max(greatest(o.last_entry_date::timestamptz, o.start_date::timestamptz)) as last_campaign_activity
  from agency.v_campaign_overview o
  where o.tenant_id = cl.tenant_id and o.client_id = cl.id) ct
cross join lateral (
  select sum(q.hours) as hours_this_quarter
  from agency.campaigns c
  -- Campaign by campaign, so each reads its own few buckets by key.
  cross join lateral (
    select sum(h.total_hours) as hours
    from agency.visible_campaign_hours h
    where h.tenant_id = c.tenant_id and h.campaign_id = c.id
      and h.month_start_date >= date_trunc('quarter', current_date)::date) q
  where c.tenant_id = cl.tenant_id and c.client_id = cl.id) qh
cross join lateral (
  select count(*) as brand_count, coalesce(array_agg(b.name order by b.name), '{}') as brand_names
  from agency.brands b
  where b.tenant_id = cl.tenant_id and b.client_id = cl.id and b.deleted_at is null) bc
where cl.deleted_at is null;

-- Timesheet weeks (a person's week) submitted and waiting for approval, as the caller may see
-- them: the dashboard's tile and a project manager's bell. Distinct pairs by hashing, then
-- counted: count(distinct (a, b)) sorted records (22 ms at x20).
create or replace function agency.pending_timesheet_approvals() returns bigint
language sql stable set search_path = '' as $$
  select count(*)
  from (select distinct t.employee_id, t.week_start_date
        from agency.timesheet_entries t
        where t.tenant_id = agency.current_tenant_id() and t.status = 'submitted') x
$$;

grant execute on function agency.pending_timesheet_approvals() to agency_app;

create or replace view agency.v_dashboard_kpis with (security_invoker = true) as
with week_hours as (
  select h.tenant_id,
         coalesce(sum(h.total_hours), 0) as hours_this_week,
         coalesce(sum(h.billable_hours), 0) as billable_hours_this_week
  from agency.visible_campaign_hours h
  where h.week_start_date = (select agency.current_week_start())
  group by h.tenant_id),
capacity as (
  select e.tenant_id, sum(e.weekly_capacity_hours) as capacity_hours
  from agency.employees e
  where e.active and e.deleted_at is null
  group by e.tenant_id),
campaign_counts as (
  select o.tenant_id,
         count(*) filter (where o.status = 'active') as active_campaigns,
         count(*) filter (where o.status in ('planning', 'active', 'on_hold') and o.health <> 'on_track')
           as campaigns_at_risk
  from agency.v_campaign_overview o
  -- Only open campaigns count here; the rest of the registry need not be priced.
  where o.status in ('planning', 'active', 'on_hold')
  group by o.tenant_id),
month_money as (
  select m.tenant_id, sum(m.revenue) as revenue, sum(m.labor_cost) as labor_cost
  from agency.campaign_week_money m
  where m.month_start_date >= date_trunc('month', current_date)::date
  group by m.tenant_id),
month_expenses as (
  select e.tenant_id, sum(e.amount) as expense_cost
  from te.expense_lines e
  where e.expense_date >= date_trunc('month', current_date)::date and e.status <> 'rejected'
  group by e.tenant_id)
select tn.tenant_id, tn.name as tenant_name, tn.utilization_target,
       (select agency.current_week_start()) as week_start_date,
       coalesce(cc.active_campaigns, 0) as active_campaigns,
       coalesce(cc.campaigns_at_risk, 0) as campaigns_at_risk,
       coalesce(wh.hours_this_week, 0) as hours_this_week,
       coalesce(wh.billable_hours_this_week, 0) as billable_hours_this_week,
       coalesce(cap.capacity_hours, 0) as capacity_hours_this_week,
       round(coalesce(wh.billable_hours_this_week, 0) / nullif(cap.capacity_hours, 0), 4) as billable_utilization_this_week,
       (select agency.pending_timesheet_approvals()) as pending_timesheet_approvals,
       case when (select agency.can_see_financials()) then coalesce(mm.revenue, 0) end as revenue_this_month,
       case when (select agency.can_see_financials()) then coalesce(mm.labor_cost, 0) + coalesce(me.expense_cost, 0) end
         as cost_this_month,
       case when (select agency.can_see_financials())
            then coalesce(mm.revenue, 0) - coalesce(mm.labor_cost, 0) - coalesce(me.expense_cost, 0) end
         as margin_this_month
from agency.tenants tn
left join week_hours wh on wh.tenant_id = tn.tenant_id
left join capacity cap on cap.tenant_id = tn.tenant_id
left join campaign_counts cc on cc.tenant_id = tn.tenant_id
left join month_money mm on mm.tenant_id = tn.tenant_id
left join month_expenses me on me.tenant_id = tn.tenant_id;

-- CREATE OR REPLACE keeps 007's grants; said again so that the views never depend on that.
grant select on agency.v_campaign_overview, agency.v_client_360, agency.v_dashboard_kpis, agency.v_employee_utilization
  to agency_app;

-- ------------------------------------------------------------------ what was there before
-- Summaries for the entries already stored (none on a new database). The owner reads the
-- tenants' list with FORCE lifted for this transaction only; each tenant is then counted
-- inside its own isolation.
alter table agency.tenants no force row level security;
do $$
declare t uuid;
begin
  for t in select id from agency.tenants loop
    perform set_config('app.current_tenant', t::text, true);
    perform agency.rebuild_time_summaries();
  end loop;
  perform set_config('app.current_tenant', '', true);
end
$$;
alter table agency.tenants force row level security;
