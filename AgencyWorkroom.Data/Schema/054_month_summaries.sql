-- 054 month summaries of the campaigns' time, and the readers that sum a year (issue 15,
-- benchmarks #19a and #20; decision 030).
--
-- Before: profitability by client for a year (agency.analytics_profitability, 048) summed about
-- 30,000 campaign-week buckets of hours and as many of money on every call, and each campaign's
-- spend to date summed all 44,000 week buckets of money of the tenant again (campaign_spend_totals):
-- p95 262 ms at x20 on a quiet machine.
--
-- Now:
-- - agency.campaign_month_hours and agency.campaign_month_money: 011's week buckets added up per
--   campaign and calendar month (a week across a month end is already two buckets, so a month is
--   a sum of whole buckets). They are kept by statement triggers on the two week summaries
--   themselves, so every writer of those (the entries' trigger, the repricing on a rate change or
--   a campaign moved to another client, the rebuild) moves the months in the same statement, by
--   signed additions as 011 does (they compose under concurrent writers). bucket_count is the
--   number of week buckets beneath; a month whose last bucket goes loses its row.
--   Same readers as the weeks: a campaign's hours for everyone in the tenant (decision 006), its
--   money for finance and leadership; tenant_isolation as everywhere; written by agency_summaries
--   only.
--   The triggers are named fold_months_* so that they fire before 017's keep_health_* on
--   campaign_week_money (statement triggers fire in name order): the health judge reads spend
--   through campaign_spend_totals, which now reads the months.
-- - agency.campaign_spend_totals reads the month buckets of money instead of the week buckets (the
--   same sums; the lines beneath, campaign_spend_lines, are unchanged for the burn chart).
-- - agency.analytics_profitability (048's statement, same columns, same figures) reads whole
--   months inside the period from the month summaries and only the period's edges (a period that
--   does not start on the first of a month or end on a month's last day) from the weeks. A bucket
--   still belongs to the day it starts (decision 016): every bucket of a month lies in that month.

-- ------------------------------------------------------------------ the month summaries
create table if not exists agency.campaign_month_hours (
  tenant_id uuid not null references agency.tenants (id),
  campaign_id uuid not null,
  month_start_date date not null,
  total_hours numeric not null,
  billable_hours numeric not null,
  entry_count integer not null,
  bucket_count integer not null,
  primary key (tenant_id, campaign_id, month_start_date)
);

create table if not exists agency.campaign_month_money (
  tenant_id uuid not null references agency.tenants (id),
  campaign_id uuid not null,
  month_start_date date not null,
  revenue numeric not null,
  labor_cost numeric not null,
  bucket_count integer not null,
  primary key (tenant_id, campaign_id, month_start_date)
);

-- A period's months of every campaign from the index alone.
create index if not exists campaign_month_hours_month_idx on agency.campaign_month_hours (tenant_id, month_start_date)
  include (campaign_id, total_hours, billable_hours);
create index if not exists campaign_month_money_month_idx on agency.campaign_month_money (tenant_id, month_start_date)
  include (campaign_id, revenue, labor_cost);

do $$
declare t regclass;
begin
  foreach t in array array['agency.campaign_month_hours'::regclass, 'agency.campaign_month_money'::regclass] loop
    execute format('alter table %s enable row level security', t);
    execute format('alter table %s force row level security', t);
    execute format('drop policy if exists tenant_isolation on %s', t);
    execute format('create policy tenant_isolation on %s as restrictive for all
                    using (tenant_id = (select agency.current_tenant_id()))
                    with check (tenant_id = (select agency.current_tenant_id()))', t);
    execute format('drop policy if exists summaries_maintain on %s', t);
    execute format('create policy summaries_maintain on %s for all to agency_summaries using (true)', t);
    execute format('grant select on %s to agency_app', t);
    execute format('grant select, insert, update, delete on %s to agency_summaries', t);
  end loop;
end
$$;

drop policy if exists hours_read on agency.campaign_month_hours;
create policy hours_read on agency.campaign_month_hours for select using (true);
drop policy if exists money_read on agency.campaign_month_money;
create policy money_read on agency.campaign_month_money for select using ((select agency.can_see_financials()));

-- ------------------------------------------------------------------ keeping them
-- A statement's week buckets, signed (+1 as they are now, -1 as they were), move their months by
-- the sum of their changes. A delete that leaves the tenant without week buckets (a reload, 011's
-- rebuild) empties its months whole.
create or replace function agency.fold_week_summaries_into_months() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  hours constant boolean := tg_table_name = 'campaign_week_hours';
  cols constant text := case when hours
                             then 'tenant_id, campaign_id, month_start_date, total_hours as a, billable_hours as b, entry_count as n'
                             else 'tenant_id, campaign_id, month_start_date, revenue as a, labor_cost as b, 0 as n' end;
  changes constant text := case tg_op
    when 'INSERT' then format('select %s, 1 as sign from new_rows', cols)
    when 'DELETE' then format('select %s, -1 as sign from old_rows', cols)
    else format('select %1$s, 1 as sign from new_rows union all select %1$s, -1 as sign from old_rows', cols) end;
  target constant text := case when hours then 'agency.campaign_month_hours' else 'agency.campaign_month_money' end;
  target_cols constant text := case when hours then 'total_hours, billable_hours, entry_count'
                                    else 'revenue, labor_cost' end;
  sums constant text := case when hours then 'sum(c.sign * c.a), sum(c.sign * c.b), sum(c.sign * c.n)::integer'
                             else 'sum(c.sign * c.a), sum(c.sign * c.b)' end;
  adds constant text := case when hours
    then 'total_hours = s.total_hours + excluded.total_hours, billable_hours = s.billable_hours + excluded.billable_hours,
          entry_count = s.entry_count + excluded.entry_count'
    else 'revenue = s.revenue + excluded.revenue, labor_cost = s.labor_cost + excluded.labor_cost' end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  gone_campaigns uuid[];
  gone_months date[];
  left_any boolean;
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', changes) loop
    perform set_config('app.current_tenant', tenant::text, true);

    if tg_op = 'DELETE' then
      execute format('select exists (select from agency.%I w where w.tenant_id = $1)', tg_table_name)
        into left_any using tenant;
      if not left_any then
        execute format('delete from %s where tenant_id = $1', target) using tenant;
        continue;
      end if;
    end if;

    execute format($q$
      with moved as (
        insert into %1$s as s (tenant_id, campaign_id, month_start_date, %2$s, bucket_count)
        select $1, c.campaign_id, c.month_start_date, %3$s, sum(c.sign)::integer
        from (%4$s) c
        where c.tenant_id = $1
        group by c.campaign_id, c.month_start_date
        on conflict (tenant_id, campaign_id, month_start_date) do update
          set %5$s, bucket_count = s.bucket_count + excluded.bucket_count
        returning s.campaign_id, s.month_start_date, s.bucket_count)
      select array_agg(m.campaign_id), array_agg(m.month_start_date) from moved m where m.bucket_count <= 0$q$,
      target, target_cols, sums, changes, adds)
      into gone_campaigns, gone_months
      using tenant;

    if gone_campaigns is not null then
      execute format($q$
        delete from %s s
        using unnest($2, $3) as g (campaign_id, month_start_date)
        where s.tenant_id = $1 and s.campaign_id = g.campaign_id and s.month_start_date = g.month_start_date
          and s.bucket_count <= 0$q$, target)
        using tenant, gone_campaigns, gone_months;
    end if;
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

grant create on schema agency to agency_summaries;
alter function agency.fold_week_summaries_into_months() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.fold_week_summaries_into_months() from public;

do $$
declare
  t regclass;
  op text;
begin
  foreach t in array array['agency.campaign_week_hours'::regclass, 'agency.campaign_week_money'::regclass] loop
    foreach op in array array['insert', 'update', 'delete'] loop
      execute format('drop trigger if exists fold_months_%s on %s', op, t);
      execute format('create trigger fold_months_%s after %s on %s referencing %s for each statement
                      execute function agency.fold_week_summaries_into_months()',
                     op, op, t,
                     case op when 'insert' then 'new table as new_rows' when 'delete' then 'old table as old_rows'
                             else 'old table as old_rows new table as new_rows' end);
    end loop;
  end loop;
end
$$;

-- The weeks there are: added up once, by the owner with FORCE lifted for this transaction only
-- (as 035 does for the bookings).
alter table agency.campaign_week_hours no force row level security;
alter table agency.campaign_week_money no force row level security;
alter table agency.campaign_month_hours no force row level security;
alter table agency.campaign_month_money no force row level security;
delete from agency.campaign_month_hours;
delete from agency.campaign_month_money;
insert into agency.campaign_month_hours (tenant_id, campaign_id, month_start_date, total_hours, billable_hours, entry_count, bucket_count)
select w.tenant_id, w.campaign_id, w.month_start_date, sum(w.total_hours), sum(w.billable_hours), sum(w.entry_count), count(*)
from agency.campaign_week_hours w
group by w.tenant_id, w.campaign_id, w.month_start_date;
insert into agency.campaign_month_money (tenant_id, campaign_id, month_start_date, revenue, labor_cost, bucket_count)
select w.tenant_id, w.campaign_id, w.month_start_date, sum(w.revenue), sum(w.labor_cost), count(*)
from agency.campaign_week_money w
group by w.tenant_id, w.campaign_id, w.month_start_date;
alter table agency.campaign_month_money force row level security;
alter table agency.campaign_month_hours force row level security;
alter table agency.campaign_week_money force row level security;
alter table agency.campaign_week_hours force row level security;

-- ------------------------------------------------------------------ one spend, from the months
-- The same sums as 041's (time at its revenue, plus every direct cost line), the time read from a
-- campaign's months rather than its weeks: a year of a campaign is 12 rows, not 60.
create or replace view agency.campaign_spend_totals with (security_invoker = true) as
select s.tenant_id, s.campaign_id,
       sum(s.amount) as spend,
       sum(s.amount) filter (where s.source <> 'time') as direct_cost
from (select m.tenant_id, m.campaign_id, 'time'::text as source, m.revenue as amount
      from agency.campaign_month_money m
      union all
      select l.tenant_id, l.campaign_id, l.source, l.amount
      from agency.campaign_cost_lines l) s
group by s.tenant_id, s.campaign_id;

-- ------------------------------------------------------------------ profitability from the months
-- 048's statement, with hours and money read as whole months plus the period's edges; the rest
-- (direct costs, recognised fees, spend to date, people and departments) is 048's word for word.
create or replace function agency.analytics_profitability(
  p_from date, p_to date, p_dimension text default 'client', p_client uuid default null)
returns table (
  group_key text, group_label text, client_name text, campaign_count integer,
  total_hours numeric, billable_hours numeric,
  earned_value numeric, recognised_revenue numeric, labor_cost numeric, direct_cost numeric, cost numeric,
  margin numeric, margin_pct numeric, recognised_margin numeric, recognised_margin_pct numeric,
  budget numeric, spend_to_date numeric, projected_at_completion numeric)
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $fn$
declare
  -- The whole months inside the period: from the first month that starts on or after p_from to
  -- the last that ends on or before p_to. None: an empty range, and the weeks count it all.
  whole_from date := (date_trunc('month', p_from - 1) + interval '1 month')::date;
  whole_to date := (date_trunc('month', p_to + 1) - interval '1 day')::date;
  edges boolean;
  groups text;
begin
  if whole_from > whole_to then
    whole_from := p_to + 1;
    whole_to := p_to;
  end if;
  -- Weeks are read only when the period has edges outside whole months.
  edges := whole_from > p_from or whole_to < p_to;
  -- One statement per side, so that each call plans only the branch it runs (the other side's
  -- tables, policies and joins cost planning time even when a one-time filter drops them).
  if p_dimension in ('client', 'brand', 'campaign') then
    groups := $q$
  campaign_rows as (
    select c.id, c.client_id, c.brand_id, c.code, c.name, c.status, c.budget_type, c.budget_amount,
           c.start_date, c.end_date
    from agency.campaigns c
    where $3 in ('client', 'brand', 'campaign')
      and c.tenant_id = (select agency.current_tenant_id()) and c.deleted_at is null
      and ($4 is null or c.client_id = $4)),
  -- Whole months inside the period ($5 .. $6) from the month summaries; the period's edges from
  -- the week buckets (a bucket belongs to the day it starts: greatest(week, month)).
  hours as (
    select x.campaign_id, sum(x.total_hours) as total_hours, sum(x.billable_hours) as billable_hours
    from (select m.campaign_id, m.total_hours, m.billable_hours
          from agency.campaign_month_hours m
          where $3 in ('client', 'brand', 'campaign')
            and m.tenant_id = (select agency.current_tenant_id())
            and m.month_start_date between $5 and $6
          union all
          select h.campaign_id, h.total_hours, h.billable_hours
          from agency.campaign_week_hours h
          where $3 in ('client', 'brand', 'campaign') and $7
            and h.tenant_id = (select agency.current_tenant_id())
            and h.week_start_date between $1 - 6 and $2
            and (h.week_start_date < $5 or h.week_start_date > $6 - 7)
            and greatest(h.week_start_date, h.month_start_date) between $1 and $2
            and (greatest(h.week_start_date, h.month_start_date) < $5
                 or greatest(h.week_start_date, h.month_start_date) > $6)) x
    group by 1),
  money as (
    select x.campaign_id, sum(x.revenue) as earned, sum(x.labor_cost) as labor
    from (select m.campaign_id, m.revenue, m.labor_cost
          from agency.campaign_month_money m
          where $3 in ('client', 'brand', 'campaign')
            and m.tenant_id = (select agency.current_tenant_id())
            and m.month_start_date between $5 and $6
          union all
          select w.campaign_id, w.revenue, w.labor_cost
          from agency.campaign_week_money w
          where $3 in ('client', 'brand', 'campaign') and $7
            and w.tenant_id = (select agency.current_tenant_id())
            and w.week_start_date between $1 - 6 and $2
            and (w.week_start_date < $5 or w.week_start_date > $6 - 7)
            and greatest(w.week_start_date, w.month_start_date) between $1 and $2
            and (greatest(w.week_start_date, w.month_start_date) < $5
                 or greatest(w.week_start_date, w.month_start_date) > $6)) x
    group by 1),
  direct as (
    select l.campaign_id, sum(l.amount) as amount
    from agency.campaign_cost_lines l
    where $3 in ('client', 'brand', 'campaign')
      and l.tenant_id = (select agency.current_tenant_id()) and l.cost_date between $1 and $2
    group by 1),
  per_campaign as (
    select c.*, coalesce(h.total_hours, 0) as total_hours, coalesce(h.billable_hours, 0) as billable_hours,
           coalesce(m.earned, 0) as earned, coalesce(m.labor, 0) as labor, coalesce(d.amount, 0) as direct,
           case when c.budget_type in ('fixed_fee', 'retainer')
                then agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, $2)
                     - agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, $1 - 1)
                else coalesce(m.earned, 0) end as recognised
    from campaign_rows c
    left join hours h on h.campaign_id = c.id
    left join money m on m.campaign_id = c.id
    left join direct d on d.campaign_id = c.id
    where h.campaign_id is not null or m.campaign_id is not null or d.campaign_id is not null
       or (c.start_date <= $2 and c.end_date >= $1 and c.status <> 'cancelled')),
  with_life as (
    select p.*, coalesce(s.spend, 0) as spend,
           agency.projected_at_completion(coalesce(s.spend, 0), p.start_date, p.end_date, p.status) as projected
    from per_campaign p
    left join lateral (
      select t.spend from agency.campaign_spend_totals t
      where t.tenant_id = (select agency.current_tenant_id()) and t.campaign_id = p.id) s on true),
  by_campaign as (
    select case $3 when 'client' then p.client_id::text
                            when 'brand' then coalesce(p.brand_id::text, 'client:' || p.client_id::text)
                            else p.id::text end as group_key,
           case $3 when 'client' then cl.name
                            when 'brand' then coalesce(b.name, cl.name || ' (no brand)')
                            else p.code || ' ' || p.name end as group_label,
           cl.name as client_name, p.*
    from with_life p
    join agency.clients cl on cl.tenant_id = (select agency.current_tenant_id()) and cl.id = p.client_id
    left join agency.brands b on b.tenant_id = (select agency.current_tenant_id()) and b.id = p.brand_id),
  campaign_groups as (
    select g.group_key, min(g.group_label) as group_label, min(g.client_name) as client_name, count(*)::int as campaign_count,
           sum(g.total_hours) as total_hours, sum(g.billable_hours) as billable_hours,
           sum(g.earned) as earned, sum(g.recognised) as recognised, sum(g.labor) as labor, sum(g.direct) as direct,
           sum(g.budget_amount) filter (where g.status <> 'cancelled') as budget, sum(g.spend) as spend,
           sum(g.projected) as projected
    from by_campaign g
    group by g.group_key),
  all_groups as (select * from campaign_groups)$q$;
  else
    groups := $q$
  entries as (
    select t.employee_id, sum(t.hours) as total_hours, coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
           coalesce(sum(t.revenue), 0) as earned, coalesce(sum(t.labor_cost), 0) as labor
    from agency.timesheet_costs t
    where $3 in ('department', 'person')
      and t.tenant_id = (select agency.current_tenant_id())
      and t.entry_date between $1 - 6 and $2
      and greatest(t.week_start_date, date_trunc('month', t.entry_date)::date) between $1 and $2
      and ($4 is null or exists (select from agency.campaigns c
                                       where c.tenant_id = t.tenant_id and c.id = t.campaign_id and c.client_id = $4))
    group by 1),
  person_direct as (
    select l.employee_id, sum(l.amount) as amount
    from agency.campaign_cost_lines l
    where $3 in ('department', 'person')
      and l.tenant_id = (select agency.current_tenant_id()) and l.employee_id is not null
      and l.cost_date between $1 and $2
      and ($4 is null or exists (select from agency.campaigns c
                                       where c.tenant_id = l.tenant_id and c.id = l.campaign_id and c.client_id = $4))
    group by 1),
  person_rows as (
    select coalesce(x.employee_id, d.employee_id) as employee_id,
           coalesce(x.total_hours, 0) as total_hours, coalesce(x.billable_hours, 0) as billable_hours,
           coalesce(x.earned, 0) as earned, coalesce(x.labor, 0) as labor, coalesce(d.amount, 0) as direct
    from entries x
    full join person_direct d on d.employee_id = x.employee_id),
  person_groups as (
    select case $3 when 'department' then coalesce(e.department, '') else e.id::text end as group_key,
           min(case $3 when 'department' then coalesce(nullif(e.department, ''), '(no department)') else e.full_name end) as group_label,
           null::text as client_name, null::int as campaign_count,
           sum(r.total_hours) as total_hours, sum(r.billable_hours) as billable_hours,
           sum(r.earned) as earned, null::numeric as recognised, sum(r.labor) as labor, sum(r.direct) as direct,
           null::numeric as budget, null::numeric as spend, null::numeric as projected
    from person_rows r
    join agency.employees e on e.tenant_id = (select agency.current_tenant_id()) and e.id = r.employee_id
    group by 1),
  all_groups as (select * from person_groups)$q$;
  end if;

  return query execute 'with ' || groups || $q$,
  shown as (select (select agency.can_see_financials()) as money)
  select g.group_key, g.group_label, g.client_name, g.campaign_count, g.total_hours, g.billable_hours,
         case when s.money then g.earned end,
         case when s.money then g.recognised end,
         case when s.money then g.labor end,
         case when s.money then g.direct end,
         case when s.money then g.labor + g.direct end,
         case when s.money then g.earned - g.labor - g.direct end,
         case when s.money and g.earned > 0 then round((g.earned - g.labor - g.direct) / g.earned, 4) end,
         case when s.money then g.recognised - g.labor - g.direct end,
         case when s.money and g.recognised > 0 then round((g.recognised - g.labor - g.direct) / g.recognised, 4) end,
         g.budget,
         case when s.money then g.spend end,
         case when s.money then g.projected end
  from all_groups g, shown s
  order by g.group_label, g.group_key
  $q$ using p_from, p_to, p_dimension, p_client, whole_from, whole_to, edges;
end
$fn$;

-- ------------------------------------------------------------------ hours we could still sell
-- 034's capacity_forecast, word for word but one source: a person-week's bookings come from
-- agency.employee_week_bookings (035, kept by trigger from team_allocations, firm and tentative
-- apart), the summary the capacity grid's week totals read, instead of every allocation of the
-- year. Same hours: the summary is the allocations' sum per person and week.
create or replace function agency.capacity_forecast(p_from date, p_months integer, p_include_tentative boolean default true)
returns table (month_start date, people integer, capacity_hours numeric, allocated_hours numeric,
               free_hours numeric, placeholder_hours numeric, sellable_hours numeric)
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  with parts as materialized (
    select * from agency.forecast_week_parts(p_from, p_months)),
  span as (
    select (select agency.current_tenant_id()) as tenant,
           min(p.week_start_date) as first_monday, max(p.week_start_date) as last_monday
    from parts p),
  people as (
    select e.id
    from agency.employees e, span s
    where e.tenant_id = s.tenant and e.active and e.deleted_at is null),
  -- A person-week's bookings (the kept bookings summary of 035: 12,000 rows at x20 read from its
  -- week index, where 034 summed 30,000 allocations) and approved time off.
  touched as (
    select x.employee_id, x.week_start_date, sum(x.time_off) as time_off, coalesce(sum(x.booked), 0) as booked
    from (
      select o.employee_id, o.week_start_date, o.hours as time_off, null::numeric as booked
      from span s
      join agency.time_off_entries o
        on o.tenant_id = s.tenant and o.week_start_date between s.first_monday and s.last_monday
      where o.status = 'approved'
      union all
      select b.employee_id, b.week_start_date, null, b.firm_hours + case when p_include_tentative then b.tentative_hours else 0 end
      from span s
      join agency.employee_week_bookings b
        on b.tenant_id = s.tenant and b.week_start_date between s.first_monday and s.last_monday) x
    group by 1, 2),
  -- Every active person's weeks in one pass (agency.weekly_capacities, inlined), each meeting its
  -- bookings and time off by one hash join.
  weekly as (
    select k.week_start_date, count(*) as people, sum(n.net) as net, sum(coalesce(t.booked, 0)) as booked,
           sum(greatest(n.net - coalesce(t.booked, 0), 0)) as free
    from span s
    cross join lateral agency.weekly_capacities(s.tenant, s.first_monday, s.last_monday) k
    join people p on p.id = k.employee_id
    left join touched t on t.employee_id = k.employee_id and t.week_start_date = k.week_start_date
    cross join lateral (select agency.net_capacity(k.capacity_hours, t.time_off) as net) n
    group by 1),
  placeholders as (
    select a.week_start_date, sum(a.hours) as hours
    from span s
    join agency.placeholder_allocations a
      on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
    where p_include_tentative or not a.tentative
    group by 1),
  months as (
    select p.month_start, max(coalesce(w.people, 0))::integer as people,
           sum(coalesce(w.net, 0) * p.share) as net, sum(coalesce(w.booked, 0) * p.share) as booked,
           sum(coalesce(w.free, 0) * p.share) as free, sum(coalesce(h.hours, 0) * p.share) as placeholder
    from parts p
    left join weekly w on w.week_start_date = p.week_start_date
    left join placeholders h on h.week_start_date = p.week_start_date
    group by p.month_start)
  select m.month_start, m.people, round(m.net, 2), round(m.booked, 2), round(m.free, 2), round(m.placeholder, 2),
         round(greatest(m.free - m.placeholder, 0), 2)
  from months m
  order by m.month_start
$$;

