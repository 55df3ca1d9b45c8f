-- 048: profitability (analytics, benchmark #19a) planned with its own arguments on every call.
--
-- 033 wrote agency.analytics_profitability as a SQL function. PostgreSQL plans the statement of
-- a non-inlined SQL function once, without the arguments' values: it guessed that a tenant's
-- campaigns were 7 rows and the year's week summaries 1 row, and joined them by a nested loop
-- that compared 3.9 million pairs (≈ 500 ms of the 600 ms p50 at x20). The same statement, now
-- run by EXECUTE ... USING, is planned with the period, the dimension and the client it is asked
-- for: hash joins, and the branch of the other dimension is dropped before it runs. Nothing else
-- changes but one thing: a campaign's spend to date is read from agency.campaign_spend_totals,
-- the one sum of its spend lines that the campaign page and the PPM reconciliation read (041).

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
begin
  return query execute $q$
  with campaign_rows as (
    select c.id, c.client_id, c.brand_id, c.code, c.name, c.status, c.budget_type, c.budget_amount,
           c.start_date, c.end_date
    from agency.campaigns c
    where $3 in ('client', 'brand', 'campaign')
      and c.tenant_id = (select agency.current_tenant_id()) and c.deleted_at is null
      and ($4 is null or c.client_id = $4)),
  hours as (
    select h.campaign_id, sum(h.total_hours) as total_hours, sum(h.billable_hours) as billable_hours
    from agency.campaign_week_hours h
    where $3 in ('client', 'brand', 'campaign')
      and h.tenant_id = (select agency.current_tenant_id())
      and h.week_start_date between $1 - 6 and $2
      and greatest(h.week_start_date, h.month_start_date) between $1 and $2
    group by 1),
  money as (
    select w.campaign_id, sum(w.revenue) as earned, sum(w.labor_cost) as labor
    from agency.campaign_week_money w
    where $3 in ('client', 'brand', 'campaign')
      and w.tenant_id = (select agency.current_tenant_id())
      and w.week_start_date between $1 - 6 and $2
      and greatest(w.week_start_date, w.month_start_date) between $1 and $2
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
  $q$ using p_from, p_to, p_dimension, p_client;
end
$fn$;
