-- 034 the forward forecast (issue 15, Analytics: Forecast). For the months ahead: revenue and cost
-- from the allocations, priced at the rates in force on each future day, plus the fixed fees and
-- retainers that fall in each month, by client; and beside it the capacity not yet allocated
-- ("hours we could still sell"). Decision 017.
--
--   agency.forecast_week_parts(from, months)  the weeks of the span cut into parts: at `from`, at
--                        each month start, and at each day on which any rate period the caller can
--                        read starts or ends. Each part carries its month, the weekdays' share of
--                        the week (a week holds five working days, as capacity does: 029), and the
--                        day that prices it (the last rate cut at or before it). Between two rate
--                        cuts every rate is constant, so pricing a part at that day IS pricing each
--                        of its days: agency.rate_for runs once per person, campaign and rate
--                        interval (4,800 lookups at x20 for a year), not once per day (150,000).
--   agency.revenue_forecast(from, months, include_tentative)  per month and client:
--                        allocated hours (people and placeholders), time revenue (hours x the bill
--                        rate of 022's agency.rate_for, on billable time-and-materials campaigns),
--                        fees (fixed fees and retainers as agency.fee_recognised_to recognises
--                        them, the rule the profitability view uses), cost (hours x the cost rate),
--                        margin, and the hours no rate prices. Placeholders are priced at the card of
--                        their role on the day (bill and cost); overrides apply once someone is
--                        assigned. Money is NULL unless agency.can_see_financials().
--   agency.capacity_forecast(from, months, include_tentative)  per month: capacity net of approved
--                        time off (agency.weekly_capacities and agency.net_capacity, 029), hours
--                        booked, each person's free hours (never below 0: one person's overbooking
--                        frees no one else), placeholder hours, and what is left to sell (free less
--                        placeholders, never below 0). Hours are everyone's, as the capacity grid.
--
-- Months are calendar months from the month of `from`; the first counts only the days from `from`
-- on. Cancelled and deleted campaigns count nothing; fees only of campaigns still planned, running
-- or on hold. Everything runs as its caller (no definer rights): row-level security decides, and
-- another tenant's rows are never read.

-- ------------------------------------------------------------------ recognised fees
-- One rule for when a fee is earned, agency.fee_recognised_to, defined by 033 (the profitability
-- work) and read here: a fixed fee in equal parts on the first day of each of its weeks, a
-- retainer in equal parts on the first day of each month it runs in.

-- ------------------------------------------------------------------ the weeks, cut
create or replace function agency.forecast_week_parts(p_from date, p_months integer)
returns table (week_start_date date, month_start date, price_day date, share numeric)
language sql stable rows 80
set search_path = pg_catalog, pg_temp
as $$
  with span as (
    select p_from as first_day,
           (date_trunc('month', p_from) + make_interval(months => greatest(p_months, 1)))::date as end_day,
           (select agency.current_tenant_id()) as tenant),
  -- Days on which a price may change: where any period of the four rate tables starts or ends
  -- (as far as the caller may read them; those who may not get no prices at all).
  rate_cuts as (
    select x.d
    from span s
    cross join lateral (
      select r.effective_from from agency.employee_rates r where r.tenant_id = s.tenant
      union select r.effective_to from agency.employee_rates r where r.tenant_id = s.tenant
      union select c.effective_from from agency.rate_cards c where c.tenant_id = s.tenant
      union select c.effective_to from agency.rate_cards c where c.tenant_id = s.tenant
      union select o.effective_from from agency.client_rate_overrides o where o.tenant_id = s.tenant
      union select o.effective_to from agency.client_rate_overrides o where o.tenant_id = s.tenant
      union select o.effective_from from agency.campaign_rate_overrides o where o.tenant_id = s.tenant
      union select o.effective_to from agency.campaign_rate_overrides o where o.tenant_id = s.tenant) x (d)
    where x.d > s.first_day and x.d < s.end_day),
  cuts as (
    select d, bool_or(rate_cut) as rate_cut
    from (select s.first_day as d, true as rate_cut from span s
          union all
          select r.d, true from rate_cuts r
          union all
          select g::date, false
          from span s, generate_series((date_trunc('month', s.first_day) + interval '1 month')::timestamp,
                                       (s.end_day - 1)::timestamp, interval '1 month') g) c
    group by d),
  intervals as (
    select c.d as lo, lead(c.d, 1, s.end_day) over (order by c.d) as hi,
           max(c.d) filter (where c.rate_cut) over (order by c.d) as price_day
    from cuts c, span s)
  select w.monday, date_trunc('month', i.lo)::date, i.price_day,
         -- Exact in tenths (a day is 0.2 of a week); a short numeric keeps the sums cheap.
         round((least(w.monday + 5, i.hi) - greatest(w.monday, i.lo)) / 5.0, 1)
  from span s
  cross join lateral generate_series((s.first_day - (extract(isodow from s.first_day)::integer - 1))::timestamp,
                                     (s.end_day - 1)::timestamp, interval '7 days') g
  cross join lateral (select g::date as monday) w
  join intervals i on i.lo < w.monday + 5 and i.hi > w.monday
$$;

grant execute on function agency.forecast_week_parts(date, integer) to agency_app;

-- ------------------------------------------------------------------ revenue and cost
create or replace function agency.revenue_forecast(p_from date, p_months integer, p_include_tentative boolean default true)
returns table (month_start date, client_id uuid, allocated_hours numeric, placeholder_hours numeric,
               time_revenue numeric, fee_revenue numeric, revenue numeric, cost numeric, margin numeric,
               unpriced_hours numeric)
language sql stable
set search_path = pg_catalog, pg_temp
-- The CTEs' row counts are unknown to the planner (it guessed 1,233 allocations for 30,000), and it
-- chose merge joins that sorted the prices 220,000 times over; hash joins took 20 % less time.
set enable_mergejoin = off
as $$
  with parts as materialized (
    select * from agency.forecast_week_parts(p_from, p_months)),
  span as (
    select (select agency.current_tenant_id()) as tenant, (select agency.can_see_financials()) as money,
           min(p.week_start_date) as first_monday, max(p.week_start_date) as last_monday
    from parts p),
  months as (
    select g::date as month_start, (g + interval '1 month')::date as next_month
    from generate_series(date_trunc('month', p_from)::timestamp,
                         (date_trunc('month', p_from) + make_interval(months => greatest(p_months, 1) - 1))::timestamp,
                         interval '1 month') g),
  campaigns as (
    select c.id, c.client_id, c.status, c.budget_type, c.budget_amount, c.start_date, c.end_date,
           c.budget_type = 'time_and_materials' and c.billable_by_default as bills_time
    from agency.campaigns c, span s
    where c.tenant_id = s.tenant and c.deleted_at is null and c.status <> 'cancelled'),
  -- The allocations' hours by person, campaign, month and rate interval (30,000 rows at x20
  -- become 11,000 before anything is priced or joined).
  booked as materialized (
    select a.tenant_id, a.employee_id, a.campaign_id, p.month_start, p.price_day, sum(a.hours * p.share) as hours
    from span s
    join agency.team_allocations a
      on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
    join parts p on p.week_start_date = a.week_start_date
    where p_include_tentative or not a.tentative
    group by a.tenant_id, a.employee_id, a.campaign_id, p.month_start, p.price_day),
  -- THE rate resolution (022), once per person, campaign and rate interval; inlined by the planner
  -- (its arguments are plain columns). Skipped for those who may not see money.
  prices as (
    select k.employee_id, k.campaign_id, k.price_day, r.bill_rate, r.cost_rate
    from (select distinct b.tenant_id, b.employee_id, b.campaign_id, b.price_day from booked b) k
    cross join lateral agency.rate_for(k.tenant_id, k.employee_id, k.campaign_id, k.price_day) r
    where (select s.money from span s)),
  placeholder_booked as (
    select h.campaign_id, h.role_name, p.month_start, p.price_day, sum(a.hours * p.share) as hours
    from span s
    join agency.placeholder_allocations a
      on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
    join agency.staffing_placeholders h on h.tenant_id = a.tenant_id and h.id = a.placeholder_id
    join parts p on p.week_start_date = a.week_start_date
    where p_include_tentative or not a.tentative
    group by 1, 2, 3, 4),
  -- A placeholder is priced at its role's card on the day (the card rate_for falls back to).
  card_prices as (
    select k.role_name, k.price_day, c.bill_rate, c.cost_rate
    from (select distinct b.role_name, b.price_day from placeholder_booked b) k
    cross join span s
    cross join lateral (
      select c.bill_rate, c.cost_rate from agency.rate_cards c
      where c.tenant_id = s.tenant and c.role_name = k.role_name
        and c.effective_from <= k.price_day and (c.effective_to is null or c.effective_to > k.price_day)
      limit 1) c
    where s.money),
  -- What each fee has recognised by the end of each month it runs in; a month's part is the
  -- difference from the month before (or from the day before the forecast's first). The rule is
  -- asked once per campaign and month, not twice (its month arithmetic is most of the fees' cost).
  fee_points as (
    select c.id, c.client_id, c.budget_type, c.budget_amount, c.start_date, c.end_date, m.month_start,
           agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, m.next_month - 1) as to_month_end
    from campaigns c
    join months m on c.start_date < m.next_month and c.end_date >= greatest(m.month_start, p_from)
    where c.budget_type in ('fixed_fee', 'retainer') and c.status in ('planning', 'active', 'on_hold')
      and (select s.money from span s)),
  fees as (
    select f.client_id, f.month_start,
           f.to_month_end - coalesce(lag(f.to_month_end) over (partition by f.id order by f.month_start),
                                     agency.fee_recognised_to(f.budget_type, f.budget_amount, f.start_date, f.end_date, p_from - 1)) as fee
    from fee_points f),
  lines as (
    select c.client_id, b.month_start, b.hours as allocated, 0::numeric as placeholder,
           case when c.bills_time then b.hours * r.bill_rate else 0 end as time_revenue, 0::numeric as fee,
           b.hours * r.cost_rate as cost,
           case when r.cost_rate is null or (c.bills_time and r.bill_rate is null) then b.hours else 0 end as unpriced
    from booked b
    join campaigns c on c.id = b.campaign_id
    left join prices r on r.employee_id = b.employee_id and r.campaign_id = b.campaign_id and r.price_day = b.price_day
    union all
    select c.client_id, b.month_start, 0, b.hours,
           case when c.bills_time then b.hours * r.bill_rate else 0 end, 0,
           b.hours * r.cost_rate,
           case when r.cost_rate is null or (c.bills_time and r.bill_rate is null) then b.hours else 0 end
    from placeholder_booked b
    join campaigns c on c.id = b.campaign_id
    left join card_prices r on r.role_name = b.role_name and r.price_day = b.price_day
    union all
    select f.client_id, f.month_start, 0, 0, 0, f.fee, 0, 0
    from fees f
    where f.fee <> 0)
  select l.month_start, l.client_id, round(sum(l.allocated), 2), round(sum(l.placeholder), 2),
         case when s.money then round(coalesce(sum(l.time_revenue), 0), 2) end,
         case when s.money then round(sum(l.fee), 2) end,
         case when s.money then round(coalesce(sum(l.time_revenue), 0) + sum(l.fee), 2) end,
         case when s.money then round(coalesce(sum(l.cost), 0), 2) end,
         case when s.money then round(coalesce(sum(l.time_revenue), 0) + sum(l.fee) - coalesce(sum(l.cost), 0), 2) end,
         case when s.money then round(sum(l.unpriced), 2) end
  from lines l, span s
  group by l.month_start, l.client_id, s.money
  order by l.month_start, l.client_id
$$;

grant execute on function agency.revenue_forecast(date, integer, boolean) to agency_app;

-- ------------------------------------------------------------------ hours we could still sell
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
  -- A person-week's bookings and approved time off (12,000 of the 67,000 person-weeks at x20).
  touched as (
    select x.employee_id, x.week_start_date, sum(x.time_off) as time_off, coalesce(sum(x.booked), 0) as booked
    from (
      select o.employee_id, o.week_start_date, o.hours as time_off, null::numeric as booked
      from span s
      join agency.time_off_entries o
        on o.tenant_id = s.tenant and o.week_start_date between s.first_monday and s.last_monday
      where o.status = 'approved'
      union all
      select a.employee_id, a.week_start_date, null, a.hours
      from span s
      join agency.team_allocations a
        on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
      where p_include_tentative or not a.tentative) x
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

grant execute on function agency.capacity_forecast(date, integer, boolean) to agency_app;
