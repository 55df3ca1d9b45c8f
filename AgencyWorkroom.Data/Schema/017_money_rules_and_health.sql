-- 017 one definition of each money rule, and figures every role can trust (issue 11).
--
-- Before: how equipment is costed was written three times (004's get_campaign_equipment, 011's
-- v_campaign_overview and the burn chart's SQL in CampaignQueries) and what counts as spend
-- twice (the view and the burn chart). Now each rule is written once, and the view,
-- get_campaign_equipment, the health summary and the burn chart use it:
--   agency.checkout_days / agency.checkout_cost   a checkout's billable days and its cost
--   agency.campaign_spend_lines                    every amount that counts against a budget, by week
--   agency.schedule_elapsed                        the share of a campaign's days gone by
-- The functions have SQL-standard bodies (bound at creation, like 015's helpers), so the planner
-- inlines them. campaign_spend_lines is a view for the same reason: a campaign asked for is pushed
-- into each of its branches, where a set-returning function would need a pinned search_path (a
-- BEGIN ATOMIC body cannot pass through Npgsql's statement splitting, which the migrator's one
-- command per file goes through) and then could not be inlined. Measured at x20 in one hour
-- (./workroom bench, p50): as that function, the first pages of v_campaign_overview 4.9 ms and
-- v_client_360 15.5 ms, the dashboard 190 ms; as this view, 2.8, 9.3 and 70 ms.
--
-- Before: health was derived from spend, which only finance and leadership may read, so for
-- everyone else every campaign was "on track"; and hours were each person's own entries, so an
-- account manager saw 2,363 h logged across northwind where 119,942 h were. Now (decision 006):
--   campaign_week_hours   campaign hours by week: everyone in the tenant (hours are not money;
--                         entries, and each person's weeks, stay as they were)
--   campaign_health       health and its reason: everyone in the tenant
--   campaign_budget_use   budget spent, as a share: finance, leadership, pm and account, who run
--                         campaigns (and the system actor of 018, which raises budget alerts)
--   spend and every amount stay finance and leadership only, computed live in the views.
-- The two summaries are kept by statement triggers as agency_summaries (as 011 keeps hours)
-- whenever spend or a campaign's budget, status or dates change; the passing of time (a
-- campaign past its end date, equipment still out) is caught by the budget watch job of 018,
-- which refreshes open campaigns' health once an hour.

-- ------------------------------------------------------------------ the rules
-- A checkout costs its daily rate for every day or part of a day it is out; one still out
-- counts until now.
create or replace function agency.checkout_days(p_checked_out_at timestamptz, p_returned_at timestamptz) returns integer
language sql stable parallel safe
return greatest(1, ceil(extract(epoch from coalesce(p_returned_at, pg_catalog.now()) - p_checked_out_at) / 86400))::integer;

create or replace function agency.checkout_cost(p_daily_rate numeric, p_checked_out_at timestamptz, p_returned_at timestamptz)
returns numeric
language sql stable parallel safe
return p_daily_rate * agency.checkout_days(p_checked_out_at, p_returned_at);

-- The share of a campaign's days that have begun, between 0 and 1.
create or replace function agency.schedule_elapsed(p_start date, p_end date) returns numeric
language sql stable parallel safe
return least(1.0, greatest(0.0, (current_date - p_start + 1)::numeric / nullif(p_end - p_start + 1, 0)));

-- What a campaign has spent against its budget, line by line, in the week it counts: time at
-- bill rates (011's priced weeks), T&E that was not rejected, equipment by the day, and the
-- approved quote at the campaign's start. Runs as its caller: finance and leadership get every
-- line; anyone else gets only the lines their policies let them read, which is why the views
-- show spend to finance and leadership only and everyone else reads campaign_budget_use.
-- Every branch has the same column types, so the planner flattens the union and takes a
-- campaign's lines from each table's campaign index.
create or replace view agency.campaign_spend_lines with (security_invoker = true) as
select w.tenant_id, w.campaign_id, 'time'::text as source, w.week_start_date, w.revenue::numeric as amount
from agency.campaign_week_money w
union all
select e.tenant_id, e.agency_campaign_id, 'expense', e.expense_date - (extract(isodow from e.expense_date)::integer - 1),
       e.amount::numeric
from te.expense_lines e
where e.agency_campaign_id is not null and e.status <> 'rejected'
union all
select g.tenant_id, g.agency_campaign_id, 'equipment', g.checked_out_at::date - (extract(isodow from g.checked_out_at)::integer - 1),
       agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at)
from gear.checkouts g
where g.agency_campaign_id is not null
union all
select c.tenant_id, c.id, 'quote', c.start_date - (extract(isodow from c.start_date)::integer - 1), q.amount::numeric
from agency.campaigns c
join procure.project_quotes q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id and q.status = 'approved';

grant select on agency.campaign_spend_lines to agency_app, agency_summaries;

grant execute on function agency.checkout_days(timestamptz, timestamptz), agency.checkout_cost(numeric, timestamptz, timestamptz),
  agency.schedule_elapsed(date, date) to agency_app;

-- 004's function, same signature and rows, costed by the one rule.
create or replace function agency.get_campaign_equipment(p_campaign_id uuid)
returns table (checkout_id uuid, equipment_name text, asset_tag text, checked_out_by uuid,
               checked_out_at timestamptz, due_back_at timestamptz, returned_at timestamptz,
               days_out integer, equipment_cost numeric)
language sql stable set search_path = '' as $$
  select g.id, g.equipment_name, g.asset_tag, g.checked_out_by, g.checked_out_at, g.due_back_at, g.returned_at,
         agency.checkout_days(g.checked_out_at, g.returned_at),
         case when agency.can_see_financials() then agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at) end
  from gear.checkouts g
  where g.tenant_id = agency.current_tenant_id()
    and g.agency_campaign_id = p_campaign_id
  order by g.checked_out_at
$$;

-- ------------------------------------------------------------------ hours for everyone
drop policy if exists hours_read on agency.campaign_week_hours;
create policy hours_read on agency.campaign_week_hours for select using (true);


-- ------------------------------------------------------------------ health and budget use
create table if not exists agency.campaign_health (
  tenant_id uuid not null references agency.tenants (id),
  campaign_id uuid not null,
  health text not null check (health in ('on_track', 'at_risk', 'off_track')),
  health_reason text,
  refreshed_at timestamptz not null default now(),
  primary key (tenant_id, campaign_id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade
);

create table if not exists agency.campaign_budget_use (
  tenant_id uuid not null references agency.tenants (id),
  campaign_id uuid not null,
  -- Spend over budget, unrounded; NULL for a campaign without a budget.
  budget_spent_pct numeric,
  refreshed_at timestamptz not null default now(),
  primary key (tenant_id, campaign_id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade
);

-- The budget watch takes the open campaigns refreshed longest ago.
create index if not exists campaign_health_refreshed_idx on agency.campaign_health (tenant_id, refreshed_at);

do $$
declare t regclass;
begin
  foreach t in array array['agency.campaign_health'::regclass, 'agency.campaign_budget_use'::regclass] loop
    execute format('alter table %s enable row level security', t);
    execute format('alter table %s force row level security', t);
    execute format('drop policy if exists tenant_isolation on %s', t);
    execute format('create policy tenant_isolation on %s as restrictive for all
                    using (tenant_id = (select agency.current_tenant_id()))
                    with check (tenant_id = (select agency.current_tenant_id()))', t);
    execute format('drop policy if exists summaries_maintain on %s', t);
    execute format('create policy summaries_maintain on %s for all to agency_summaries using (true)', t);
    -- Read only, as 011's summaries.
    execute format('grant select on %s to agency_app', t);
    execute format('grant select, insert, update, delete on %s to agency_summaries', t);
  end loop;
end
$$;

drop policy if exists health_read on agency.campaign_health;
create policy health_read on agency.campaign_health for select using (true);
drop policy if exists budget_use_read on agency.campaign_budget_use;
create policy budget_use_read on agency.campaign_budget_use for select
  using ((select agency.has_any_role(array['finance', 'leadership', 'pm', 'account', 'system'])));

-- What the health summary reads, for agency_summaries only (tenant_isolation still applies).
grant usage on schema te, gear, procure to agency_summaries;
grant select on agency.campaigns, te.expense_lines, gear.checkouts, procure.project_quotes to agency_summaries;
drop policy if exists summaries_read on te.expense_lines;
create policy summaries_read on te.expense_lines for select to agency_summaries using (true);
drop policy if exists summaries_read on procure.project_quotes;
create policy summaries_read on procure.project_quotes for select to agency_summaries using (true);
drop policy if exists summaries_read on agency.campaigns;
create policy summaries_read on agency.campaigns for select to agency_summaries using (true);
drop policy if exists summaries_read on gear.checkouts;
create policy summaries_read on gear.checkouts for select to agency_summaries using (true);

-- The health rule, and the one place it is computed: the campaigns named, in the current
-- tenant (all of them when NULL), judged on their whole spend as of now. Returns how many.
create or replace function agency.refresh_campaign_health(p_campaigns uuid[]) returns integer
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  judged integer;
begin
  if tenant is null then
    raise exception 'refresh_campaign_health needs a tenant context' using errcode = '42501';
  end if;

  -- One judge per campaign at a time, in campaign order (no deadlock between two statements
  -- that touch several). Taken before the figures are read: the next statement's snapshot then
  -- holds what the writer judging before us committed, where judging first and waiting only at
  -- the upsert would let older figures overwrite newer ones.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('agency.campaign_health'), pg_catalog.hashtext(x.id::text))
  from (select c.id from agency.campaigns c
        where c.tenant_id = tenant and (p_campaigns is null or c.id = any (p_campaigns))
        order by c.id) x;

  with judgement as (
    select c.id as campaign_id, s.spent_pct as budget_spent_pct,
           case
             when c.status in ('completed', 'cancelled') then 'on_track'
             when c.end_date < current_date then 'off_track'
             when s.spent_pct > 1 then 'off_track'
             when s.spent_pct > agency.schedule_elapsed(c.start_date, c.end_date) + 0.15 then 'at_risk'
             else 'on_track' end as health,
           case
             when c.status in ('completed', 'cancelled') then null
             when c.end_date < current_date then 'Past its end date and still ' || replace(c.status, '_', ' ')
             when s.spent_pct > 1 then 'Over budget'
             when s.spent_pct > agency.schedule_elapsed(c.start_date, c.end_date) + 0.15 then 'Budget burning ahead of schedule'
           end as health_reason
    from agency.campaigns c
    cross join lateral (
      select case when c.budget_amount > 0 then coalesce(sum(l.amount), 0) / c.budget_amount end as spent_pct
      from agency.campaign_spend_lines l
      where l.tenant_id = c.tenant_id and l.campaign_id = c.id) s
    where c.tenant_id = tenant and (p_campaigns is null or c.id = any (p_campaigns))),
  health as (
    insert into agency.campaign_health as h (tenant_id, campaign_id, health, health_reason, refreshed_at)
    select tenant, j.campaign_id, j.health, j.health_reason, now() from judgement j
    on conflict (tenant_id, campaign_id) do update
      set health = excluded.health, health_reason = excluded.health_reason, refreshed_at = excluded.refreshed_at)
  insert into agency.campaign_budget_use as u (tenant_id, campaign_id, budget_spent_pct, refreshed_at)
  select tenant, j.campaign_id, j.budget_spent_pct, now() from judgement j
  on conflict (tenant_id, campaign_id) do update
    set budget_spent_pct = excluded.budget_spent_pct, refreshed_at = excluded.refreshed_at;
  get diagnostics judged = row_count;
  return judged;
end
$fn$;

-- After a statement that changed spend or a campaign: the campaigns it touched, tenant by
-- tenant (a maintenance load may name several), judged again. One function for every table;
-- each names the column that holds the campaign.
create or replace function agency.keep_campaign_health() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  campaign_column constant text := case tg_table_name
    when 'campaign_week_money' then 'campaign_id'
    when 'campaigns' then 'id'
    else 'agency_campaign_id' end;
  touched text;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  campaigns uuid[];
begin
  if tg_table_name = 'project_quotes' then
    -- A quote counts through the campaigns that name it.
    touched := 'select c.tenant_id, c.id as campaign_id from agency.campaigns c join (select tenant_id, id from '
      || case tg_op when 'DELETE' then 'old_rows' else 'new_rows' end
      || ') q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id';
  else
    touched := case tg_op
      when 'INSERT' then format('select tenant_id, %I as campaign_id from new_rows', campaign_column)
      when 'DELETE' then format('select tenant_id, %I as campaign_id from old_rows', campaign_column)
      else format('select tenant_id, %1$I as campaign_id from new_rows union select tenant_id, %1$I from old_rows', campaign_column) end;
  end if;

  for tenant, campaigns in execute format(
    'select tenant_id, array_agg(distinct campaign_id) from (%s) t where campaign_id is not null group by tenant_id order by tenant_id',
    touched)
  loop
    perform set_config('app.current_tenant', tenant::text, true);
    perform agency.refresh_campaign_health(campaigns);
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

grant create on schema agency to agency_summaries;
alter function agency.refresh_campaign_health(uuid[]) owner to agency_summaries;
alter function agency.keep_campaign_health() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.refresh_campaign_health(uuid[]) from public;
revoke execute on function agency.keep_campaign_health() from public;

do $$
declare
  t regclass;
  op text;
begin
  foreach t in array array['agency.campaign_week_money'::regclass, 'te.expense_lines'::regclass, 'gear.checkouts'::regclass,
                           'agency.campaigns'::regclass, 'procure.project_quotes'::regclass] loop
    foreach op in array array['insert', 'update', 'delete'] loop
      execute format('drop trigger if exists keep_health_%s on %s', op, t);
      -- A deleted campaign takes its rows along (on delete cascade); a new quote is nobody's yet.
      continue when t = 'agency.campaigns'::regclass and op = 'delete'
                 or t = 'procure.project_quotes'::regclass and op = 'insert';
      execute format('create trigger keep_health_%s after %s on %s referencing %s for each statement
                      execute function agency.keep_campaign_health()',
                     op, op, t,
                     case op when 'insert' then 'new table as new_rows' when 'delete' then 'old table as old_rows'
                             else 'old table as old_rows new table as new_rows' end);
    end loop;
  end loop;
end
$$;

-- ------------------------------------------------------------------ the views on them
-- 011's overview, same columns: spend from campaign_spend_lines, the schedule from
-- schedule_elapsed, health and budget use from the summaries (readable as decision 006 says).
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
       round(agency.schedule_elapsed(c.start_date, c.end_date), 4) as schedule_elapsed_pct,
       case when (select agency.can_see_financials()) then m.revenue end as revenue,
       case when (select agency.can_see_financials()) then m.labor_cost end as labor_cost,
       case when (select agency.can_see_financials()) then coalesce(sp.direct_cost, 0) end as direct_cost,
       case when (select agency.can_see_financials()) then coalesce(m.labor_cost, 0) + coalesce(sp.direct_cost, 0) end as total_cost,
       case when (select agency.can_see_financials())
            then coalesce(m.revenue, 0) - coalesce(m.labor_cost, 0) - coalesce(sp.direct_cost, 0) end as margin,
       case when (select agency.can_see_financials()) and m.revenue > 0
            then round((m.revenue - coalesce(m.labor_cost, 0) - coalesce(sp.direct_cost, 0)) / m.revenue, 4) end as margin_pct,
       case when (select agency.can_see_financials()) then coalesce(sp.spend, 0) end as spend,
       round(bu.budget_spent_pct, 4) as budget_spent_pct,
       coalesce(hl.health, 'on_track') as health, hl.health_reason
from agency.campaigns c
join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
left join agency.brands b on b.tenant_id = c.tenant_id and b.id = c.brand_id
left join agency.campaign_health hl on hl.tenant_id = c.tenant_id and hl.campaign_id = c.id
left join agency.campaign_budget_use bu on bu.tenant_id = c.tenant_id and bu.campaign_id = c.id
left join lateral (
  select sum(v.total_hours) as total_hours,
         sum(v.billable_hours) as billable_hours,
         sum(v.total_hours) filter (where v.week_start_date = (select agency.current_week_start())) as hours_this_week,
         max(v.last_entry_date) as last_entry_date
  from agency.campaign_week_hours v
  where v.tenant_id = c.tenant_id and v.campaign_id = c.id) h on true
left join lateral (
  select sum(w.revenue) as revenue, sum(w.labor_cost) as labor_cost
  from agency.campaign_week_money w
  where w.tenant_id = c.tenant_id and w.campaign_id = c.id) m on true
left join lateral (
  select sum(s.amount) as spend, sum(s.amount) filter (where s.source <> 'time') as direct_cost
  from agency.campaign_spend_lines s
  where s.tenant_id = c.tenant_id and s.campaign_id = c.id) sp on true
left join lateral (
  select count(distinct t.employee_id) as team_size
  from agency.campaign_team t
  where t.tenant_id = c.tenant_id and t.campaign_id = c.id) tm on true
left join lateral (
  select count(*) as artifact_count
  from agency.artifacts r
  where r.tenant_id = c.tenant_id and r.campaign_id = c.id and r.deleted_at is null) a on true
where c.deleted_at is null;

-- 011's client view, same columns; budget spent is the budgeted campaigns' spent share, for
-- those who may read budget use (their campaigns' shares weighted by budget).
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
       case when ct.total_budget > 0 then round(ct.budgeted_spend / ct.total_budget, 4) end as budget_spent_pct
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
         -- On the same campaigns as total_budget: a cancelled campaign's spend is not set against the rest.
         sum(o.budget_spent_pct * o.budget_amount) filter (where o.status <> 'cancelled') as budgeted_spend,
         max(greatest(o.last_entry_date::timestamptz, o.start_date::timestamptz)) as last_campaign_activity
  from agency.v_campaign_overview o
  where o.tenant_id = cl.tenant_id and o.client_id = cl.id) ct
cross join lateral (
  select sum(q.hours) as hours_this_quarter
  from agency.campaigns c
  -- Campaign by campaign, so each reads its own few buckets by key.
  cross join lateral (
    select sum(h.total_hours) as hours
    from agency.campaign_week_hours h
    where h.tenant_id = c.tenant_id and h.campaign_id = c.id
      and h.month_start_date >= date_trunc('quarter', current_date)::date) q
  where c.tenant_id = cl.tenant_id and c.client_id = cl.id) qh
cross join lateral (
  select count(*) as brand_count, coalesce(array_agg(b.name order by b.name), '{}') as brand_names
  from agency.brands b
  where b.tenant_id = cl.tenant_id and b.client_id = cl.id and b.deleted_at is null) bc
where cl.deleted_at is null;

-- 011's KPIs, same columns: campaigns at risk counted from the health summary, the same for
-- every role.
create or replace view agency.v_dashboard_kpis with (security_invoker = true) as
with week_hours as (
  select h.tenant_id,
         coalesce(sum(h.total_hours), 0) as hours_this_week,
         coalesce(sum(h.billable_hours), 0) as billable_hours_this_week
  from agency.campaign_week_hours h
  where h.week_start_date = (select agency.current_week_start())
  group by h.tenant_id),
capacity as (
  select e.tenant_id, sum(e.weekly_capacity_hours) as capacity_hours
  from agency.employees e
  where e.active and e.deleted_at is null
  group by e.tenant_id),
campaign_counts as (
  select c.tenant_id,
         count(*) filter (where c.status = 'active') as active_campaigns,
         count(*) filter (where hl.health <> 'on_track') as campaigns_at_risk
  from agency.campaigns c
  left join agency.campaign_health hl on hl.tenant_id = c.tenant_id and hl.campaign_id = c.id
  where c.status in ('planning', 'active', 'on_hold') and c.deleted_at is null
  group by c.tenant_id),
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

grant select on agency.v_campaign_overview, agency.v_client_360, agency.v_dashboard_kpis to agency_app;

-- 011's per-role hours view has nothing left to choose: every view reads campaign_week_hours.
drop view if exists agency.visible_campaign_hours;

-- ------------------------------------------------------------------ what was there before
-- Every campaign judged once, tenant by tenant (FORCE lifted on tenants for this transaction
-- only, as 011 did to list them).
alter table agency.tenants no force row level security;
do $$
declare t uuid;
begin
  for t in select id from agency.tenants loop
    perform set_config('app.current_tenant', t::text, true);
    perform agency.refresh_campaign_health(null);
  end loop;
  perform set_config('app.current_tenant', '', true);
end
$$;
alter table agency.tenants force row level security;
