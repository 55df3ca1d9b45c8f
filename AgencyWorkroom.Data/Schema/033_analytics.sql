-- 033 analytics (issue 15, the Analytics half): utilization by person, department and role per
-- week or month, and profitability for a period by client, brand, campaign, department and person.
-- Decision 016.
--
-- Every figure comes from a rule that already exists, read here, not restated:
--   hours            the people's-week and campaign-week summaries of 011 (employee_week_hours,
--                    campaign_week_hours), never a scan of timesheet_entries for those who may
--                    read the summaries; others get their own entries, as v_employee_utilization.
--   capacity         agency.weekly_capacities (029, decision 014) net of approved time off through
--                    agency.net_capacity, as the capacity grid.
--   target           agency.utilization_target_for(employee_id, on_date): the tenant's target
--                    until the per-person targets of the capacity work replace this definition.
--   earned value     billable hours × the rate in force (022 rate_for), as kept in
--                    campaign_week_money: what v_campaign_overview calls revenue. For people and
--                    departments the same rule through timesheet_costs (per entry; no summary holds
--                    money per person).
--   cost             hours × the cost rate in force (the same summaries) plus the direct costs of
--                    agency.campaign_cost_lines: expenses not rejected, equipment at its day rate,
--                    the campaign's approved procurement quote — exactly what campaign_spend_lines
--                    (017) counts against a budget, which is now defined over it.
--   recognised       fixed fees spread evenly over the campaign's weeks, retainers evenly over its
--                    months (agency.fee_recognised_to); time and materials as earned.
--   projected        at completion: spend to date over the share of the schedule elapsed
--                    (agency.projected_at_completion, burn rate), the spend of campaign_spend_lines.
--
-- A period counts whole week-month buckets (the summaries split weeks at month ends), a bucket
-- belonging to the day it starts: periods that begin on the first of a month are exact. Weeks of
-- utilization belong to the month of their Thursday (ISO weeks), and a period holds the weeks
-- whose Thursday falls in it.
--
-- Money is NULL unless agency.can_see_financials() (finance, leadership), by the CASE here as in
-- the views of 017; the summaries of money are in any case readable by those two roles only.
-- The functions run as their caller (security invoker), so every table's policies apply.

-- ------------------------------------------------------------------ the target
-- The capacity work adds per-person targets and restates this function over them; the signature
-- is the contract.
create or replace function agency.utilization_target_for(employee_id uuid, on_date date)
returns numeric
language sql stable parallel safe
return (select t.utilization_target from agency.tenants t where t.id = agency.current_tenant_id());

grant execute on function agency.utilization_target_for(uuid, date) to agency_app;

-- ------------------------------------------------------------------ periods
-- The first day of the period a week belongs to: its Monday, or the month of its Thursday.
create or replace function agency.analytics_period(p_monday date, p_grain text)
returns date
language sql immutable parallel safe
return case when p_grain = 'month' then date_trunc('month', p_monday + 3)::date else p_monday end;

grant execute on function agency.analytics_period(date, text) to agency_app;

-- ------------------------------------------------------------------ recognised fees
-- What a campaign's fee has recognised up to and including a day, to the cent: a fixed fee in
-- equal parts on the first day of each of its weeks (duration_weeks of them), a retainer in equal
-- parts on the first day of each month it runs in (its start day for the first). Time and
-- materials: NULL (it is recognised as earned). A period's share is the difference of two days,
-- so adjacent periods add up to the whole fee exactly.
create or replace function agency.fee_recognised_to(p_budget_type text, p_budget numeric, p_start date, p_end date, p_day date)
returns numeric
language sql immutable parallel safe
return case
  when p_budget_type = 'fixed_fee' then
    round(p_budget * least((p_end - p_start + 7) / 7, greatest(0, floor((p_day - p_start) / 7.0)::int + 1))
          / ((p_end - p_start + 7) / 7), 2)
  when p_budget_type = 'retainer' then
    round(p_budget
          * case when p_day < p_start then 0
                 else least((extract(year from p_end)::int * 12 + extract(month from p_end)::int)
                            - (extract(year from p_start)::int * 12 + extract(month from p_start)::int) + 1,
                            (extract(year from p_day)::int * 12 + extract(month from p_day)::int)
                            - (extract(year from p_start)::int * 12 + extract(month from p_start)::int) + 1) end
          / ((extract(year from p_end)::int * 12 + extract(month from p_end)::int)
             - (extract(year from p_start)::int * 12 + extract(month from p_start)::int) + 1), 2)
end;

grant execute on function agency.fee_recognised_to(text, numeric, date, date, date) to agency_app;

-- ------------------------------------------------------------------ projection
-- Spend at completion at the rate spent so far: spend over the share of the schedule elapsed
-- (017's schedule_elapsed). Finished or cancelled work (or past its end) is what it spent; work
-- not yet started has no rate to project.
create or replace function agency.projected_at_completion(p_spend numeric, p_start date, p_end date, p_status text)
returns numeric
language sql stable parallel safe
return case
  when p_status in ('completed', 'cancelled') or current_date > p_end then p_spend
  when current_date < p_start then null
  else round(p_spend / agency.schedule_elapsed(p_start, p_end), 2)
end;

grant execute on function agency.projected_at_completion(numeric, date, date, text) to agency_app;

-- ------------------------------------------------------------------ direct costs
-- The amounts besides time that count against a campaign, each with its day and the person it
-- belongs to (the expense's claimant, the equipment's borrower; a quote is no one's). 017's rules,
-- moved here unchanged so that campaign_spend_lines and the analytics read one definition.
create or replace view agency.campaign_cost_lines with (security_invoker = true) as
  select e.tenant_id, e.agency_campaign_id as campaign_id, e.employee_id, 'expense'::text as source,
         e.expense_date as cost_date, e.amount::numeric as amount
  from te.expense_lines e
  where e.agency_campaign_id is not null and e.status <> 'rejected'
  union all
  select g.tenant_id, g.agency_campaign_id, g.checked_out_by, 'equipment', g.checked_out_at::date,
         agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at)
  from gear.checkouts g
  where g.agency_campaign_id is not null
  union all
  select c.tenant_id, c.id, null::uuid, 'quote', c.start_date, q.amount::numeric
  from agency.campaigns c
  join procure.project_quotes q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id and q.status = 'approved';

grant select on agency.campaign_cost_lines to agency_app, agency_summaries;

-- The same columns and rows as 017's (a checkout's week is that of its day, as before).
create or replace view agency.campaign_spend_lines with (security_invoker = true) as
  select w.tenant_id, w.campaign_id, 'time'::text as source, w.week_start_date, w.revenue as amount
  from agency.campaign_week_money w
  union all
  select l.tenant_id, l.campaign_id, l.source, l.cost_date - (extract(isodow from l.cost_date)::int - 1), l.amount
  from agency.campaign_cost_lines l;

-- ------------------------------------------------------------------ utilization
-- Per person (or department, or role) and week (or month): capacity net of time off, hours
-- logged and billable, the target in hours and as a share. Groups add hours and capacity and
-- divide once. People the caller may not read time of are left out: pm, finance and leadership
-- read everyone (the summaries), anyone else themselves (their own entries).
create or replace function agency.analytics_utilization(
  p_from date, p_to date, p_grain text default 'week', p_group text default 'person',
  p_department text default null, p_role text default null, p_employee uuid default null)
returns table (
  group_key text, group_label text, department text, agency_role text, period_start date, people integer,
  capacity_hours numeric, total_hours numeric, billable_hours numeric, target_hours numeric,
  utilization_pct numeric, billable_utilization_pct numeric, target_pct numeric)
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  with weeks as (
    -- The weeks whose Thursday falls in the period: from the week of p_from + 3 days to the week
    -- of p_to - 3 days.
    select w::date as monday, agency.analytics_period(w::date, p_grain) as period_start,
           date_trunc('month', w::date + 3)::date as target_month
    from generate_series((p_from + 3) - (extract(isodow from p_from + 3)::int - 1),
                         (p_to - 3) - (extract(isodow from p_to - 3)::int - 1), interval '7 days') w),
  people as (
    select e.id, e.full_name, coalesce(e.department, '') as department, e.agency_role, e.active
    from agency.employees e
    where e.tenant_id = (select agency.current_tenant_id()) and e.deleted_at is null
      and ((select agency.sees_all_timesheets()) or e.id = (select agency.current_user_id()))
      and (p_department is null or coalesce(e.department, '') = p_department)
      and (p_role is null or e.agency_role = p_role)
      and (p_employee is null or e.id = p_employee)),
  capacity as (
    select k.employee_id, k.week_start_date, k.capacity_hours
    from agency.weekly_capacities((select agency.current_tenant_id()),
                                  (p_from + 3) - (extract(isodow from p_from + 3)::int - 1),
                                  (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)) k),
  time_off as (
    select o.employee_id, o.week_start_date, sum(o.hours) as hours
    from agency.time_off_entries o
    where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'approved'
      and o.week_start_date between (p_from + 3) - (extract(isodow from p_from + 3)::int - 1)
                                and (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)
    group by 1, 2),
  logged as (
    select h.employee_id, h.week_start_date, h.total_hours, h.billable_hours
    from agency.employee_week_hours h
    where (select agency.sees_all_timesheets()) and h.tenant_id = (select agency.current_tenant_id())
      and h.week_start_date between (p_from + 3) - (extract(isodow from p_from + 3)::int - 1)
                                and (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)
    union all
    select t.employee_id, t.week_start_date, sum(t.hours), coalesce(sum(t.hours) filter (where t.billable), 0)
    from agency.timesheet_entries t
    where not (select agency.sees_all_timesheets()) and t.tenant_id = (select agency.current_tenant_id())
      and t.employee_id = (select agency.current_user_id())
      and t.week_start_date between (p_from + 3) - (extract(isodow from p_from + 3)::int - 1)
                                and (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)
    group by 1, 2),
  targets as materialized (
    -- Once per person and month, not per week, and materialized so that the call is not pulled up
    -- into the sums below (it was: three calls per person-week, 860 ms for a quarter at x20). The
    -- function is a lookup, never inlined.
    select x.id, x.target_month, agency.utilization_target_for(x.id, x.target_month) as target
    from (select distinct p.id, w.target_month from people p cross join (select distinct target_month from weeks) w) x),
  cells as (
    select p.id, p.full_name, p.department, p.agency_role, w.period_start,
           agency.net_capacity(coalesce(c.capacity_hours, 0), o.hours) as capacity,
           coalesce(l.total_hours, 0) as total, coalesce(l.billable_hours, 0) as billable, g.target
    from people p
    cross join weeks w
    left join capacity c on c.employee_id = p.id and c.week_start_date = w.monday
    left join time_off o on o.employee_id = p.id and o.week_start_date = w.monday
    left join logged l on l.employee_id = p.id and l.week_start_date = w.monday
    join targets g on g.id = p.id and g.target_month = w.target_month
    where p.active or l.total_hours > 0),
  keyed as (
    select case p_group when 'department' then c.department when 'role' then c.agency_role else c.id::text end as group_key,
           case p_group when 'department' then coalesce(nullif(c.department, ''), '(no department)')
                        when 'role' then c.agency_role else c.full_name end as group_label,
           c.*
    from cells c)
  select k.group_key, min(k.group_label),
         case when p_group in ('person', 'department') then min(k.department) end,
         case when p_group in ('person', 'role') then min(k.agency_role) end,
         k.period_start, count(distinct k.id)::int,
         sum(k.capacity), sum(k.total), sum(k.billable), round(sum(k.capacity * k.target), 2),
         round(sum(k.total) / nullif(sum(k.capacity), 0), 4),
         round(sum(k.billable) / nullif(sum(k.capacity), 0), 4),
         round(coalesce(sum(k.capacity * k.target) / nullif(sum(k.capacity), 0), avg(k.target)), 4)
  from keyed k
  group by k.group_key, k.period_start
  order by 2, k.period_start
$$;

grant execute on function agency.analytics_utilization(date, date, text, text, text, text, uuid) to agency_app;

-- ------------------------------------------------------------------ profitability
-- One row per client, brand, campaign, department or person with time or cost in the period (or,
-- for the first three, a campaign running in it). Budget, spend to date and the projection are the
-- campaigns' whole lives; the rest is the period's. For people and departments, recognised revenue,
-- budget, spend and projection are NULL (a fee is not earned by a person) and quotes, which belong
-- to no one, are not in their cost.
create or replace function agency.analytics_profitability(
  p_from date, p_to date, p_dimension text default 'client', p_client uuid default null)
returns table (
  group_key text, group_label text, client_name text, campaign_count integer,
  total_hours numeric, billable_hours numeric,
  earned_value numeric, recognised_revenue numeric, labor_cost numeric, direct_cost numeric, cost numeric,
  margin numeric, margin_pct numeric, recognised_margin numeric, recognised_margin_pct numeric,
  budget numeric, spend_to_date numeric, projected_at_completion numeric)
language sql stable
set search_path = pg_catalog, pg_temp
as $$
  with campaign_rows as (
    select c.id, c.client_id, c.brand_id, c.code, c.name, c.status, c.budget_type, c.budget_amount,
           c.start_date, c.end_date
    from agency.campaigns c
    where p_dimension in ('client', 'brand', 'campaign')
      and c.tenant_id = (select agency.current_tenant_id()) and c.deleted_at is null
      and (p_client is null or c.client_id = p_client)),
  hours as (
    select h.campaign_id, sum(h.total_hours) as total_hours, sum(h.billable_hours) as billable_hours
    from agency.campaign_week_hours h
    where p_dimension in ('client', 'brand', 'campaign')
      and h.tenant_id = (select agency.current_tenant_id())
      and h.week_start_date between p_from - 6 and p_to
      and greatest(h.week_start_date, h.month_start_date) between p_from and p_to
    group by 1),
  money as (
    select w.campaign_id, sum(w.revenue) as earned, sum(w.labor_cost) as labor
    from agency.campaign_week_money w
    where p_dimension in ('client', 'brand', 'campaign')
      and w.tenant_id = (select agency.current_tenant_id())
      and w.week_start_date between p_from - 6 and p_to
      and greatest(w.week_start_date, w.month_start_date) between p_from and p_to
    group by 1),
  direct as (
    select l.campaign_id, sum(l.amount) as amount
    from agency.campaign_cost_lines l
    where p_dimension in ('client', 'brand', 'campaign')
      and l.tenant_id = (select agency.current_tenant_id()) and l.cost_date between p_from and p_to
    group by 1),
  per_campaign as (
    select c.*, coalesce(h.total_hours, 0) as total_hours, coalesce(h.billable_hours, 0) as billable_hours,
           coalesce(m.earned, 0) as earned, coalesce(m.labor, 0) as labor, coalesce(d.amount, 0) as direct,
           case when c.budget_type in ('fixed_fee', 'retainer')
                then agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, p_to)
                     - agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, p_from - 1)
                else coalesce(m.earned, 0) end as recognised
    from campaign_rows c
    left join hours h on h.campaign_id = c.id
    left join money m on m.campaign_id = c.id
    left join direct d on d.campaign_id = c.id
    where h.campaign_id is not null or m.campaign_id is not null or d.campaign_id is not null
       or (c.start_date <= p_to and c.end_date >= p_from and c.status <> 'cancelled')),
  with_life as (
    select p.*, coalesce(s.spend, 0) as spend,
           agency.projected_at_completion(coalesce(s.spend, 0), p.start_date, p.end_date, p.status) as projected
    from per_campaign p
    left join lateral (
      select sum(l.amount) as spend from agency.campaign_spend_lines l
      where l.tenant_id = (select agency.current_tenant_id()) and l.campaign_id = p.id) s on true),
  by_campaign as (
    select case p_dimension when 'client' then p.client_id::text
                            when 'brand' then coalesce(p.brand_id::text, 'client:' || p.client_id::text)
                            else p.id::text end as group_key,
           case p_dimension when 'client' then cl.name
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
  entries as (
    select t.employee_id, sum(t.hours) as total_hours, coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
           coalesce(sum(t.revenue), 0) as earned, coalesce(sum(t.labor_cost), 0) as labor
    from agency.timesheet_costs t
    where p_dimension in ('department', 'person')
      and t.tenant_id = (select agency.current_tenant_id())
      and t.entry_date between p_from - 6 and p_to
      and greatest(t.week_start_date, date_trunc('month', t.entry_date)::date) between p_from and p_to
      and (p_client is null or exists (select from agency.campaigns c
                                       where c.tenant_id = t.tenant_id and c.id = t.campaign_id and c.client_id = p_client))
    group by 1),
  person_direct as (
    select l.employee_id, sum(l.amount) as amount
    from agency.campaign_cost_lines l
    where p_dimension in ('department', 'person')
      and l.tenant_id = (select agency.current_tenant_id()) and l.employee_id is not null
      and l.cost_date between p_from and p_to
      and (p_client is null or exists (select from agency.campaigns c
                                       where c.tenant_id = l.tenant_id and c.id = l.campaign_id and c.client_id = p_client))
    group by 1),
  person_rows as (
    select coalesce(x.employee_id, d.employee_id) as employee_id,
           coalesce(x.total_hours, 0) as total_hours, coalesce(x.billable_hours, 0) as billable_hours,
           coalesce(x.earned, 0) as earned, coalesce(x.labor, 0) as labor, coalesce(d.amount, 0) as direct
    from entries x
    full join person_direct d on d.employee_id = x.employee_id),
  person_groups as (
    select case p_dimension when 'department' then coalesce(e.department, '') else e.id::text end as group_key,
           min(case p_dimension when 'department' then coalesce(nullif(e.department, ''), '(no department)') else e.full_name end) as group_label,
           null::text as client_name, null::int as campaign_count,
           sum(r.total_hours) as total_hours, sum(r.billable_hours) as billable_hours,
           sum(r.earned) as earned, null::numeric as recognised, sum(r.labor) as labor, sum(r.direct) as direct,
           null::numeric as budget, null::numeric as spend, null::numeric as projected
    from person_rows r
    join agency.employees e on e.tenant_id = (select agency.current_tenant_id()) and e.id = r.employee_id
    group by 1),
  all_groups as (
    select * from campaign_groups
    union all
    select * from person_groups),
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
$$;

grant execute on function agency.analytics_profitability(date, date, text, uuid) to agency_app;
