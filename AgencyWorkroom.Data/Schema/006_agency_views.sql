-- 006 the views the screens read. Every view runs as its caller (security_invoker), so the
-- caller's row-level security applies through it: an aggregate counts only the rows the
-- caller may see (a creative's hours are their own). Money (revenue, cost, margin, rates) is
-- NULL unless the caller is finance or leadership, decided here and not in the UI; the rate
-- tables' policies would hide the rates anyway.

create or replace function agency.can_see_financials() returns boolean
language sql stable parallel safe set search_path = '' as $$
  select agency.has_any_role(array['finance', 'leadership'])
$$;

-- Monday of the current week, the same arithmetic as set_week_start_date.
create or replace function agency.current_week_start() returns date
language sql stable parallel safe set search_path = '' as $$
  select current_date - (extract(isodow from current_date)::integer - 1)
$$;

-- Each entry with the revenue and labour cost it earns at the person's rate on that day.
-- Shared by the views below; the rate lookup is empty for callers the rate policies refuse.
create or replace view agency.timesheet_costs with (security_invoker = true) as
select t.tenant_id, t.id as entry_id, t.employee_id, t.campaign_id, t.phase_id, t.entry_date, t.week_start_date,
       t.hours, t.billable, t.status,
       case when t.billable then t.hours * r.bill_rate else 0 end as revenue,
       t.hours * r.cost_rate as labor_cost
from agency.timesheet_entries t
left join lateral (
  select er.bill_rate, er.cost_rate
  from agency.employee_rates er
  where er.tenant_id = t.tenant_id and er.employee_id = t.employee_id
    and er.effective_from <= t.entry_date and (er.effective_to is null or er.effective_to > t.entry_date)
  order by er.effective_from desc
  limit 1) r on true;

create or replace view agency.v_timesheet_summary_by_campaign with (security_invoker = true) as
select c.tenant_id, c.id as campaign_id, c.code as campaign_code, c.name as campaign_name, c.client_id,
       t.week_start_date,
       sum(t.hours) as total_hours,
       coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
       coalesce(sum(t.hours) filter (where not t.billable), 0) as non_billable_hours,
       coalesce(sum(t.hours) filter (where t.status = 'draft'), 0) as draft_hours,
       coalesce(sum(t.hours) filter (where t.status = 'submitted'), 0) as submitted_hours,
       coalesce(sum(t.hours) filter (where t.status = 'approved'), 0) as approved_hours,
       count(*) as entry_count,
       count(distinct t.employee_id) as employee_count,
       case when agency.can_see_financials() then sum(t.revenue) end as revenue,
       case when agency.can_see_financials() then sum(t.labor_cost) end as labor_cost
from agency.campaigns c
join agency.timesheet_costs t on t.tenant_id = c.tenant_id and t.campaign_id = c.id
where c.deleted_at is null
group by c.tenant_id, c.id, c.code, c.name, c.client_id, t.week_start_date;

create or replace view agency.v_campaign_overview with (security_invoker = true) as
with hours as (
  select t.tenant_id, t.campaign_id,
         sum(t.hours) as total_hours,
         coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
         sum(t.hours) filter (where t.week_start_date = agency.current_week_start()) as hours_this_week,
         max(t.entry_date) as last_entry_date,
         sum(t.revenue) as revenue,
         sum(t.labor_cost) as labor_cost
  from agency.timesheet_costs t
  group by t.tenant_id, t.campaign_id),
expenses as (
  select e.tenant_id, e.agency_campaign_id as campaign_id, sum(e.amount) as expense_cost
  from te.expense_lines e
  where e.agency_campaign_id is not null and e.status <> 'rejected'
  group by e.tenant_id, e.agency_campaign_id),
equipment as (
  select g.tenant_id, g.agency_campaign_id as campaign_id,
         sum(g.daily_rate * greatest(1, ceil(extract(epoch from coalesce(g.returned_at, now()) - g.checked_out_at) / 86400)))
           as equipment_cost
  from gear.checkouts g
  where g.agency_campaign_id is not null
  group by g.tenant_id, g.agency_campaign_id),
team as (
  select tm.tenant_id, tm.campaign_id, count(distinct tm.employee_id) as team_size
  from agency.campaign_team tm
  group by tm.tenant_id, tm.campaign_id),
artifacts as (
  select a.tenant_id, a.campaign_id, count(*) as artifact_count
  from agency.artifacts a
  where a.deleted_at is null
  group by a.tenant_id, a.campaign_id),
figures as (
  select c.*,
         cl.name as client_name,
         b.name as brand_name,
         coalesce(h.total_hours, 0) as total_hours,
         coalesce(h.billable_hours, 0) as billable_hours,
         coalesce(h.hours_this_week, 0) as hours_this_week,
         h.last_entry_date,
         coalesce(tm.team_size, 0) as team_size,
         coalesce(a.artifact_count, 0) as artifact_count,
         h.revenue,
         h.labor_cost,
         coalesce(x.expense_cost, 0) + coalesce(q.equipment_cost, 0) + coalesce(pq.amount, 0) as direct_cost,
         -- Spend against budget: time at bill rates plus pass-through costs.
         coalesce(h.revenue, 0) + coalesce(x.expense_cost, 0) + coalesce(q.equipment_cost, 0)
           + coalesce(pq.amount, 0) as spend,
         least(1.0, greatest(0.0, (current_date - c.start_date + 1)::numeric / nullif(c.end_date - c.start_date + 1, 0)))
           as schedule_elapsed_pct,
         (select p.name from agency.campaign_phases p
          where p.tenant_id = c.tenant_id and p.campaign_id = c.id and current_date between p.start_date and p.end_date
          order by p.sort_order limit 1) as current_phase
  from agency.campaigns c
  join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
  left join agency.brands b on b.tenant_id = c.tenant_id and b.id = c.brand_id
  left join hours h on h.tenant_id = c.tenant_id and h.campaign_id = c.id
  left join expenses x on x.tenant_id = c.tenant_id and x.campaign_id = c.id
  left join equipment q on q.tenant_id = c.tenant_id and q.campaign_id = c.id
  left join procure.project_quotes pq on pq.tenant_id = c.tenant_id and pq.id = c.procure_quote_id and pq.status = 'approved'
  left join team tm on tm.tenant_id = c.tenant_id and tm.campaign_id = c.id
  left join artifacts a on a.tenant_id = c.tenant_id and a.campaign_id = c.id
  where c.deleted_at is null)
select f.tenant_id, f.id as campaign_id, f.code, f.name, f.description, f.status, f.budget_type,
       f.client_id, f.client_name, f.brand_id, f.brand_name,
       f.start_date, f.end_date, f.duration_weeks, f.budget_amount, f.currency, f.tags, f.alert_thresholds,
       f.procure_quote_id, f.current_phase,
       f.total_hours, f.billable_hours, f.hours_this_week, f.last_entry_date, f.team_size, f.artifact_count,
       round(f.schedule_elapsed_pct, 4) as schedule_elapsed_pct,
       case when agency.can_see_financials() then f.revenue end as revenue,
       case when agency.can_see_financials() then f.labor_cost end as labor_cost,
       case when agency.can_see_financials() then f.direct_cost end as direct_cost,
       case when agency.can_see_financials() then coalesce(f.labor_cost, 0) + f.direct_cost end as total_cost,
       case when agency.can_see_financials() then coalesce(f.revenue, 0) - coalesce(f.labor_cost, 0) - f.direct_cost end as margin,
       case when agency.can_see_financials() and f.revenue > 0
            then round((f.revenue - coalesce(f.labor_cost, 0) - f.direct_cost) / f.revenue, 4) end as margin_pct,
       case when agency.can_see_financials() then f.spend end as spend,
       case when agency.can_see_financials() and f.budget_amount > 0 then round(f.spend / f.budget_amount, 4) end
         as budget_spent_pct,
       h.health, h.health_reason
from figures f
cross join lateral (
  select case
           when f.status in ('completed', 'cancelled') then 'on_track'
           when f.end_date < current_date then 'off_track'
           when agency.can_see_financials() and f.budget_amount > 0 and f.spend > f.budget_amount then 'off_track'
           when agency.can_see_financials() and f.budget_amount > 0
                and f.spend / f.budget_amount > f.schedule_elapsed_pct + 0.15 then 'at_risk'
           else 'on_track' end as health,
         case
           when f.status in ('completed', 'cancelled') then null
           when f.end_date < current_date then 'Past its end date and still ' || replace(f.status, '_', ' ')
           when agency.can_see_financials() and f.budget_amount > 0 and f.spend > f.budget_amount then 'Over budget'
           when agency.can_see_financials() and f.budget_amount > 0
                and f.spend / f.budget_amount > f.schedule_elapsed_pct + 0.15
             then 'Budget burning ahead of schedule' end as health_reason) h;

create or replace view agency.v_client_360 with (security_invoker = true) as
with campaign_totals as (
  select o.tenant_id, o.client_id,
         count(*) as campaign_count,
         count(*) filter (where o.status = 'active') as active_campaign_count,
         sum(o.budget_amount) filter (where o.status <> 'cancelled') as total_budget,
         sum(o.total_hours) as total_hours,
         sum(o.revenue) as revenue,
         sum(o.total_cost) as cost,
         sum(o.spend) as spend,
         max(greatest(o.last_entry_date::timestamptz, o.start_date::timestamptz)) as last_campaign_activity
  from agency.v_campaign_overview o
  group by o.tenant_id, o.client_id),
quarter_hours as (
  select t.tenant_id, c.client_id, sum(t.hours) as hours_this_quarter
  from agency.timesheet_entries t
  join agency.campaigns c on c.tenant_id = t.tenant_id and c.id = t.campaign_id
  where t.entry_date >= date_trunc('quarter', current_date)::date
  group by t.tenant_id, c.client_id),
brand_counts as (
  select b.tenant_id, b.client_id, count(*) as brand_count, array_agg(b.name order by b.name) as brand_names
  from agency.brands b
  where b.deleted_at is null
  group by b.tenant_id, b.client_id)
select cl.tenant_id, cl.id as client_id, cl.code, cl.name, cl.sector, cl.status, cl.website,
       cl.primary_contact_name, cl.primary_contact_email, cl.account_lead_id, al.full_name as account_lead_name,
       coalesce(bc.brand_count, 0) as brand_count,
       coalesce(bc.brand_names, '{}') as brand_names,
       coalesce(ct.campaign_count, 0) as campaign_count,
       coalesce(ct.active_campaign_count, 0) as active_campaign_count,
       coalesce(ct.total_budget, 0) as total_budget,
       coalesce(ct.total_hours, 0) as total_hours,
       coalesce(qh.hours_this_quarter, 0) as hours_this_quarter,
       greatest(cl.updated_at, ct.last_campaign_activity) as last_activity_at,
       case when agency.can_see_financials() then coalesce(ct.revenue, 0) end as revenue,
       case when agency.can_see_financials() then coalesce(ct.cost, 0) end as cost,
       case when agency.can_see_financials() then coalesce(ct.revenue, 0) - coalesce(ct.cost, 0) end as margin,
       case when agency.can_see_financials() and ct.revenue > 0 then round((ct.revenue - ct.cost) / ct.revenue, 4) end
         as margin_pct,
       case when agency.can_see_financials() then coalesce(ct.spend, 0) end as spend,
       case when agency.can_see_financials() and ct.total_budget > 0 then round(ct.spend / ct.total_budget, 4) end
         as budget_spent_pct
from agency.clients cl
left join agency.employees al on al.tenant_id = cl.tenant_id and al.id = cl.account_lead_id
left join campaign_totals ct on ct.tenant_id = cl.tenant_id and ct.client_id = cl.id
left join quarter_hours qh on qh.tenant_id = cl.tenant_id and qh.client_id = cl.id
left join brand_counts bc on bc.tenant_id = cl.tenant_id and bc.client_id = cl.id
where cl.deleted_at is null;

create or replace view agency.v_employee_utilization with (security_invoker = true) as
with logged as (
  select t.tenant_id, t.employee_id, t.week_start_date,
         sum(t.hours) as total_hours,
         coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours
  from agency.timesheet_entries t
  group by t.tenant_id, t.employee_id, t.week_start_date),
allocated as (
  select a.tenant_id, a.employee_id, a.week_start_date, sum(a.hours) as allocated_hours
  from agency.team_allocations a
  group by a.tenant_id, a.employee_id, a.week_start_date),
weeks as (
  select tenant_id, employee_id, week_start_date from logged
  union
  select tenant_id, employee_id, week_start_date from allocated)
select e.tenant_id, e.id as employee_id, e.full_name, e.title, e.department, e.agency_role, e.active,
       w.week_start_date,
       e.weekly_capacity_hours as capacity_hours,
       coalesce(l.total_hours, 0) as total_hours,
       coalesce(l.billable_hours, 0) as billable_hours,
       coalesce(al.allocated_hours, 0) as allocated_hours,
       round(coalesce(l.total_hours, 0) / nullif(e.weekly_capacity_hours, 0), 4) as utilization_pct,
       round(coalesce(l.billable_hours, 0) / nullif(e.weekly_capacity_hours, 0), 4) as billable_utilization_pct,
       round(coalesce(al.allocated_hours, 0) / nullif(e.weekly_capacity_hours, 0), 4) as allocation_pct
from weeks w
join agency.employees e on e.tenant_id = w.tenant_id and e.id = w.employee_id
left join logged l on l.tenant_id = w.tenant_id and l.employee_id = w.employee_id and l.week_start_date = w.week_start_date
left join allocated al on al.tenant_id = w.tenant_id and al.employee_id = w.employee_id
  and al.week_start_date = w.week_start_date
where e.deleted_at is null;

create or replace view agency.v_artifact_library with (security_invoker = true) as
select a.tenant_id, a.id as artifact_id, a.title, a.artifact_type, a.status, a.content_preview, a.tags,
       a.current_version, a.campaign_id, c.code as campaign_code, c.name as campaign_name,
       c.client_id, cl.name as client_name, c.brand_id,
       a.owner_id, o.full_name as owner_name,
       (select count(*) from agency.artifact_comments cm
        where cm.tenant_id = a.tenant_id and cm.artifact_id = a.id and cm.deleted_at is null) as comment_count,
       (select count(*) from agency.artifact_comments cm
        where cm.tenant_id = a.tenant_id and cm.artifact_id = a.id and cm.deleted_at is null and not cm.resolved)
         as open_comment_count,
       a.created_at, a.updated_at
from agency.artifacts a
join agency.campaigns c on c.tenant_id = a.tenant_id and c.id = a.campaign_id
join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
join agency.employees o on o.tenant_id = a.tenant_id and o.id = a.owner_id
where a.deleted_at is null;

create or replace view agency.v_dashboard_kpis with (security_invoker = true) as
with week_hours as (
  select t.tenant_id,
         coalesce(sum(t.hours), 0) as hours_this_week,
         coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours_this_week
  from agency.timesheet_entries t
  where t.week_start_date = agency.current_week_start()
  group by t.tenant_id),
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
  group by o.tenant_id),
month_money as (
  select t.tenant_id, sum(t.revenue) as revenue, sum(t.labor_cost) as labor_cost
  from agency.timesheet_costs t
  where t.entry_date >= date_trunc('month', current_date)::date
  group by t.tenant_id),
month_expenses as (
  select e.tenant_id, sum(e.amount) as expense_cost
  from te.expense_lines e
  where e.expense_date >= date_trunc('month', current_date)::date and e.status <> 'rejected'
  group by e.tenant_id),
approvals as (
  select t.tenant_id, count(distinct (t.employee_id, t.week_start_date)) as pending_timesheet_approvals
  from agency.timesheet_entries t
  where t.status = 'submitted'
  group by t.tenant_id)
select tn.tenant_id, tn.name as tenant_name, tn.utilization_target,
       agency.current_week_start() as week_start_date,
       coalesce(cc.active_campaigns, 0) as active_campaigns,
       coalesce(cc.campaigns_at_risk, 0) as campaigns_at_risk,
       coalesce(wh.hours_this_week, 0) as hours_this_week,
       coalesce(wh.billable_hours_this_week, 0) as billable_hours_this_week,
       coalesce(cap.capacity_hours, 0) as capacity_hours_this_week,
       round(coalesce(wh.billable_hours_this_week, 0) / nullif(cap.capacity_hours, 0), 4) as billable_utilization_this_week,
       coalesce(ap.pending_timesheet_approvals, 0) as pending_timesheet_approvals,
       case when agency.can_see_financials() then coalesce(mm.revenue, 0) end as revenue_this_month,
       case when agency.can_see_financials() then coalesce(mm.labor_cost, 0) + coalesce(me.expense_cost, 0) end
         as cost_this_month,
       case when agency.can_see_financials()
            then coalesce(mm.revenue, 0) - coalesce(mm.labor_cost, 0) - coalesce(me.expense_cost, 0) end
         as margin_this_month
from agency.tenants tn
left join week_hours wh on wh.tenant_id = tn.tenant_id
left join capacity cap on cap.tenant_id = tn.tenant_id
left join campaign_counts cc on cc.tenant_id = tn.tenant_id
left join month_money mm on mm.tenant_id = tn.tenant_id
left join month_expenses me on me.tenant_id = tn.tenant_id
left join approvals ap on ap.tenant_id = tn.tenant_id;

-- The dashboard's activity feed: artifact edits, comments, timesheet approvals and campaign
-- changes, newest first; p_user_id narrows it to one person's actions.
create or replace function agency.get_recent_activity(p_limit integer default 20, p_user_id uuid default null)
returns table (activity_type text, occurred_at timestamptz, actor_id uuid, actor_name text,
               entity_type text, entity_id uuid, title text, detail text, campaign_id uuid)
language sql stable set search_path = '' as $$
  select x.activity_type, x.occurred_at, x.actor_id, e.full_name, x.entity_type, x.entity_id, x.title, x.detail, x.campaign_id
  from (
    (select case when v.version_number = 1 then 'artifact_created' else 'artifact_edited' end as activity_type,
            v.created_at as occurred_at, v.created_by as actor_id, 'artifact' as entity_type, a.id as entity_id,
            a.title, 'Version ' || v.version_number as detail, a.campaign_id
     from agency.artifact_versions v
     join agency.artifacts a on a.tenant_id = v.tenant_id and a.id = v.artifact_id
     where v.tenant_id = agency.current_tenant_id() and a.deleted_at is null
       and (p_user_id is null or v.created_by = p_user_id)
     order by v.created_at desc limit p_limit)
    union all
    (select 'comment_added', cm.created_at, cm.author_id, 'artifact', a.id, a.title, left(cm.body, 140), a.campaign_id
     from agency.artifact_comments cm
     join agency.artifacts a on a.tenant_id = cm.tenant_id and a.id = cm.artifact_id
     where cm.tenant_id = agency.current_tenant_id() and cm.deleted_at is null and a.deleted_at is null
       and (p_user_id is null or cm.author_id = p_user_id)
     order by cm.created_at desc limit p_limit)
    union all
    (select 'timesheet_approved', max(t.approved_at), t.approved_by, 'timesheet', t.employee_id,
            'Week of ' || to_char(t.week_start_date, 'YYYY-MM-DD'), sum(t.hours) || ' h approved', null::uuid
     from agency.timesheet_entries t
     where t.tenant_id = agency.current_tenant_id() and t.status = 'approved' and t.approved_at is not null
       and (p_user_id is null or t.approved_by = p_user_id)
     group by t.approved_by, t.employee_id, t.week_start_date
     order by max(t.approved_at) desc limit p_limit)
    union all
    (select 'campaign_updated', c.updated_at, c.updated_by, 'campaign', c.id, c.name,
            'Status: ' || replace(c.status, '_', ' '), c.id
     from agency.campaigns c
     where c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
       and (p_user_id is null or c.updated_by = p_user_id)
     order by c.updated_at desc limit p_limit)
  ) x
  left join agency.employees e on e.tenant_id = agency.current_tenant_id() and e.id = x.actor_id
  order by x.occurred_at desc
  limit p_limit
$$;
