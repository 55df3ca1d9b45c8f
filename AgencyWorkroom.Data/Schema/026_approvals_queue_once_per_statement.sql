-- 026 the approvals queue asks who the caller is once per statement (issue 12).
--
-- 021's timesheet_weeks_awaiting_me called the role and identity helpers in its conditions, so
-- PostgreSQL called them again for every submitted entry: for leadership at ×50 the count behind
-- the dashboard tile and the bell took 96-186 ms (29,000 submitted entries), and the dashboard's
-- figures 117 ms at p50. Wrapped in (select ...), each is an init plan run once, and a branch the
-- caller's role rules out is cut before it scans. And it has a SQL-standard body (its names bound
-- at creation) instead of a pinned search_path, so the planner inlines it: the count the tile and
-- the bell make reads no hours and no dates it does not need. The same rows, the same columns.
-- The body goes through EXECUTE inside a DO block, as 022's rate_for, because the migrator's
-- client would split a BEGIN ATOMIC body at its semicolons.

do $do$
begin
  execute $ddl$
create or replace function agency.timesheet_weeks_awaiting_me()
returns table (employee_id uuid, week_start_date date, stage text, entries bigint, hours numeric, submitted_at timestamptz)
language sql stable
begin atomic
  select x.employee_id, x.week_start_date, 'approve'::text, count(*), sum(x.hours), max(x.submitted_at)
  from (
    select t.employee_id, t.week_start_date, t.hours, t.submitted_at
    from agency.timesheet_entries t
    where t.tenant_id = (select agency.current_tenant_id()) and t.status = 'submitted'
      and t.employee_id is distinct from (select agency.current_user_id())
      and ((select agency.has_role('leadership'))
           or ((select agency.has_role('pm')) and exists (
                 select 1 from agency.campaign_team tm
                 where tm.tenant_id = t.tenant_id and tm.campaign_id = t.campaign_id
                   and tm.employee_id = (select agency.current_user_id()) and tm.team_role = 'project_manager')))
    union all
    select o.employee_id, o.week_start_date, o.hours, o.submitted_at
    from agency.time_off_entries o
    where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'submitted' and (select agency.has_role('leadership'))
      and o.employee_id is distinct from (select agency.current_user_id())
  ) x
  group by x.employee_id, x.week_start_date
  union all
  select t.employee_id, t.week_start_date, 'sign_off', count(*), sum(t.hours), max(t.approved_at)
  from agency.timesheet_entries t
  where t.tenant_id = (select agency.current_tenant_id()) and (select agency.has_any_role(array['finance', 'leadership']))
    and t.employee_id is distinct from (select agency.current_user_id())
    and (select x.timesheet_finance_signoff from agency.tenants x where x.id = (select agency.current_tenant_id()))
    and t.status = 'approved'
    and t.week_start_date >= (select agency.current_week_start()) - 7 * 26
    and not exists (select 1 from agency.timesheet_weeks w where w.tenant_id = t.tenant_id and w.employee_id = t.employee_id
                      and w.week_start_date = t.week_start_date and w.locked_at is not null)
    and not exists (select 1 from agency.timesheet_entries u where u.tenant_id = t.tenant_id
                      and u.employee_id = t.employee_id and u.week_start_date = t.week_start_date and u.status <> 'approved')
  group by t.employee_id, t.week_start_date;
end
$ddl$;
end
$do$;
