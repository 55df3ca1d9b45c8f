-- 015 inlinable helpers, from what ./workroom bench measured at x20 (issue 6). The policies call
-- these helpers once per statement each, but a function with SET search_path is never inlined:
-- every call switches the setting in and out. The artifact library's first page makes about 20
-- of them, 0.65 ms of its 1.5 ms under row-level security (0.9 ms once inlined).
-- A SQL-standard body (RETURN ...) is bound to its objects when the function is created, so it
-- is as safe from the caller's search_path as the SET was, and the planner can inline it.
create or replace function agency.current_tenant_id() returns uuid
language sql stable parallel safe
return nullif(pg_catalog.current_setting('app.current_tenant', true), '')::uuid;

create or replace function agency.current_user_role() returns text
language sql stable parallel safe
return nullif(pg_catalog.current_setting('app.current_role', true), '');

-- The signed-in person's agency.employees.id.
create or replace function agency.current_user_id() returns uuid
language sql stable parallel safe
return nullif(pg_catalog.current_setting('app.current_user_id', true), '')::uuid;

create or replace function agency.has_role(p_role text) returns boolean
language sql stable parallel safe
return coalesce(agency.current_user_role() = p_role, false);

create or replace function agency.has_any_role(p_roles text[]) returns boolean
language sql stable parallel safe
return coalesce(agency.current_user_role() = any (p_roles), false);

create or replace function agency.can_see_financials() returns boolean
language sql stable parallel safe
return agency.has_any_role(array['finance', 'leadership']);

-- Who may read every entry, as timesheet_own_or_manager says.
create or replace function agency.sees_all_timesheets() returns boolean
language sql stable parallel safe
return agency.has_any_role(array['pm', 'finance', 'leadership']);

-- Monday of the current week, the same arithmetic as set_week_start_date.
create or replace function agency.current_week_start() returns date
language sql stable parallel safe
return current_date - (extract(isodow from current_date)::integer - 1);

-- Inlined, the helpers changed the planner's estimates, and 012's FOR loop over approvals, which
-- PostgreSQL plans for reading every row, turned to sorting all 862,146 approved entries at x20
-- (1 s for the dashboard's activity feed). Walking a cursor is planned for the first rows.
create or replace function agency.recent_timesheet_approvals(p_limit integer, p_user_id uuid default null)
returns table (approved_at timestamptz, approved_by uuid, employee_id uuid, week_start_date date, hours numeric)
language plpgsql stable set search_path = '' as $$
declare
  -- The newest first through the index, stopping after a few weeks: a cursor is planned for its
  -- first rows, where a FOR over the query would be planned (and sorted) for all of them. Weeks
  -- approved at the same moment come in the order of their group, the same on every call.
  newest_first cursor for
    select t.approved_at, t.approved_by, t.employee_id, t.week_start_date
    from agency.timesheet_entries t
    where t.tenant_id = agency.current_tenant_id() and t.status = 'approved' and t.approved_at is not null
      and (p_user_id is null or t.approved_by = p_user_id)
    order by t.approved_at desc, t.approved_by, t.employee_id, t.week_start_date;
  seen text[] := '{}';
  group_key text;
begin
  if coalesce(p_limit, 0) <= 0 then
    return;
  end if;
  for entry in newest_first loop
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