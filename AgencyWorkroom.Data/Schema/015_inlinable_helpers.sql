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
