-- 012 the dashboard's other two reads, from what ./workroom bench measured at x20 (issue 6):
-- get_recent_activity took 0.8 s and raise_budget_alerts, which the bell runs on every page
-- for finance and leadership, 1.8 s. Same signatures, same results.

-- ------------------------------------------------------------------ recent approvals
-- The feed grouped every approved entry of the tenant by approver, person and week to keep the
-- newest 15 (0.66 s over 700,000 entries). The newest groups are those whose newest entry comes
-- first in approval order: walk that index from the top and stop at the k-th new group.
create index if not exists timesheet_entries_approved_idx on agency.timesheet_entries (tenant_id, approved_at desc)
  where status = 'approved' and approved_at is not null;

create or replace function agency.recent_timesheet_approvals(p_limit integer, p_user_id uuid default null)
returns table (approved_at timestamptz, approved_by uuid, employee_id uuid, week_start_date date, hours numeric)
language plpgsql stable set search_path = '' as $$
declare
  entry record;
  seen text[] := '{}';
  group_key text;
begin
  if coalesce(p_limit, 0) <= 0 then
    return;
  end if;
  for entry in
    select t.approved_at, t.approved_by, t.employee_id, t.week_start_date
    from agency.timesheet_entries t
    where t.tenant_id = agency.current_tenant_id() and t.status = 'approved' and t.approved_at is not null
      and (p_user_id is null or t.approved_by = p_user_id)
    order by t.approved_at desc
  loop
    group_key := concat_ws('/', entry.approved_by, entry.employee_id, entry.week_start_date);
    continue when group_key = any (seen);
    seen := seen || group_key;
    approved_at := entry.approved_at;
    approved_by := entry.approved_by;
    employee_id := entry.employee_id;
    week_start_date := entry.week_start_date;
    select sum(t.hours) into hours
    from agency.timesheet_entries t
    where t.tenant_id = agency.current_tenant_id() and t.employee_id = entry.employee_id
      and t.week_start_date = entry.week_start_date and t.status = 'approved' and t.approved_at is not null
      and t.approved_by is not distinct from entry.approved_by;
    return next;
    exit when cardinality(seen) >= p_limit;
  end loop;
end
$$;

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
    (select 'timesheet_approved', r.approved_at, r.approved_by, 'timesheet', r.employee_id,
            'Week of ' || to_char(r.week_start_date, 'YYYY-MM-DD'), r.hours || ' h approved', null::uuid
     from agency.recent_timesheet_approvals(p_limit, p_user_id) r)
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

-- ------------------------------------------------------------------ budget alerts
-- Two costs went: every due (campaign, threshold) was offered again to every recipient on every
-- call (683 x 137 rows for the conflict check at x20), and each pair of due alert and person
-- ran the team test. An alert goes to all its recipients in one statement, so one the caller
-- already holds was raised for everyone then; only the others are offered. Recipients are the
-- finance and leadership people plus the campaign's account director and project manager.
create or replace function agency.raise_budget_alerts() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v_raised integer;
begin
  -- Spend is NULL for everyone else: nothing to compare, nothing to scan.
  if not agency.can_see_financials() then
    return 0;
  end if;

  insert into agency.notifications (tenant_id, recipient_id, kind, campaign_id, threshold, title)
  with due as (
    select o.tenant_id, o.campaign_id, o.name, t.threshold
    from agency.v_campaign_overview o
    cross join lateral unnest(o.alert_thresholds) as t (threshold)
    where o.status in ('planning', 'active', 'on_hold')
      and o.budget_spent_pct * 100 >= t.threshold
      and not exists (select 1 from agency.notifications n
                      where n.tenant_id = o.tenant_id and n.recipient_id = (select agency.current_user_id())
                        and n.kind = 'budget_alert' and n.campaign_id = o.campaign_id and n.threshold = t.threshold)),
  recipients as (
    select d.tenant_id, d.campaign_id, d.name, d.threshold, e.id as recipient_id
    from due d
    join agency.employees e on e.tenant_id = d.tenant_id and e.agency_role in ('finance', 'leadership')
    where e.active and e.deleted_at is null
    union
    select d.tenant_id, d.campaign_id, d.name, d.threshold, e.id
    from due d
    join agency.campaign_team tm on tm.tenant_id = d.tenant_id and tm.campaign_id = d.campaign_id
      and tm.team_role in ('account_director', 'project_manager')
    join agency.employees e on e.tenant_id = tm.tenant_id and e.id = tm.employee_id
    where e.active and e.deleted_at is null)
  select r.tenant_id, r.recipient_id, 'budget_alert', r.campaign_id, r.threshold,
         left(r.name, 240) || ' has spent ' || r.threshold || '% of its budget'
  from recipients r
  on conflict do nothing;

  get diagnostics v_raised = row_count;
  return v_raised;
end
$$;

grant execute on function agency.recent_timesheet_approvals(integer, uuid) to agency_app;
