-- 020 the tenant's time and money settings, and an audit trail the app cannot rewrite (issue 13).
--
-- Settings: whether a finance sign-off follows the approvers' (timesheet_finance_signoff) and how
-- far ahead of today time may be logged (time_entry_days_ahead, 0 = not after today), beside the
-- currency and utilization target the tenants table already holds. Admins and leadership change
-- them (tenant_manage, 007); every change is audited.
--
-- Audit: agency.audit_log records who changed a rate, an override, an approval, an unlock, a
-- setting or a person's role, when, the old and the new values, and a reason where one was
-- given. Rows are written only by agency.audit_change(), a trigger function owned by the
-- nologin role agency_audit, the only role that may insert; the app role may read (finance and
-- leadership everything, admins the settings and role changes) and never insert, update or
-- delete. A service names the action ('approve', 'unlock', 'correct', ...) and the reason with
-- transaction-local settings (app.audit_action, app.audit_reason) before it writes; without
-- them the action is the SQL command. Maintenance loads (migrations, the demo seed) run
-- without a session role and are not people's changes: they are not audited.

alter table agency.tenants
  add column if not exists timesheet_finance_signoff boolean not null default false,
  add column if not exists time_entry_days_ahead integer not null default 0
    constraint tenants_time_entry_days_ahead_check check (time_entry_days_ahead between 0 and 366);

do $$
begin
  if not exists (select from pg_roles where rolname = 'agency_audit') then
    create role agency_audit nologin;
  end if;
end
$$;

grant agency_audit to current_user;
grant usage on schema agency to agency_audit;

create table if not exists agency.audit_log (
  tenant_id   uuid not null references agency.tenants (id) on delete cascade,
  id          bigint generated always as identity,
  occurred_at timestamptz not null default now(),
  actor_id    uuid default agency.current_user_id(),
  actor_role  text default nullif(current_setting('app.current_role', true), ''),
  entity      text not null check (length(entity) between 1 and 60),
  entity_id   uuid,
  action      text not null check (length(action) between 1 and 40),
  reason      text check (reason is null or length(reason) <= 1000),
  old_values  jsonb,
  new_values  jsonb,
  primary key (tenant_id, id)
);

create index if not exists audit_log_entity_idx on agency.audit_log (tenant_id, entity, entity_id, occurred_at desc);
create index if not exists audit_log_recent_idx on agency.audit_log (tenant_id, occurred_at desc);

alter table agency.audit_log enable row level security;
alter table agency.audit_log force row level security;

drop policy if exists tenant_isolation on agency.audit_log;
create policy tenant_isolation on agency.audit_log as restrictive for all
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists audit_read on agency.audit_log;
create policy audit_read on agency.audit_log for select
  using ((select agency.can_see_financials())
         or (entity in ('tenant_settings', 'employee_role') and (select agency.has_role('admin'))));
drop policy if exists audit_append on agency.audit_log;
create policy audit_append on agency.audit_log for insert to agency_audit with check (true);

revoke all on agency.audit_log from agency_app;
grant select on agency.audit_log to agency_app;
grant insert on agency.audit_log to agency_audit;

-- One row per changed row. An update keeps only the columns that changed (bookkeeping columns
-- aside) and is not recorded when nothing else changed.
create or replace function agency.audit_change() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  bookkeeping constant text[] := array['created_at', 'updated_at', 'created_by', 'updated_by'];
  before_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - bookkeeping end;
  after_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - bookkeeping end;
  subject constant jsonb := coalesce(after_row, before_row);
begin
  if nullif(current_setting('app.current_role', true), '') is null then
    return null;
  end if;

  if tg_op = 'UPDATE' then
    select jsonb_object_agg(b.key, b.value), jsonb_object_agg(b.key, after_row -> b.key)
    into before_row, after_row
    from jsonb_each(before_row) b
    where after_row -> b.key is distinct from b.value;
    if before_row is null then
      return null;
    end if;
  end if;

  insert into agency.audit_log (tenant_id, entity, entity_id, action, reason, old_values, new_values)
  values ((subject ->> 'tenant_id')::uuid,
          coalesce(tg_argv[0], tg_table_name),
          (subject ->> 'id')::uuid,
          coalesce(nullif(current_setting('app.audit_action', true), ''), lower(tg_op)),
          nullif(btrim(current_setting('app.audit_reason', true)), ''),
          before_row, after_row);
  return null;
end
$fn$;

grant create on schema agency to agency_audit;
alter function agency.audit_change() owner to agency_audit;
revoke create on schema agency from agency_audit;
revoke execute on function agency.audit_change() from public;

drop trigger if exists audit_settings on agency.tenants;
create trigger audit_settings after update on agency.tenants for each row
  when ((old.default_currency, old.utilization_target, old.timesheet_finance_signoff, old.time_entry_days_ahead)
        is distinct from (new.default_currency, new.utilization_target, new.timesheet_finance_signoff, new.time_entry_days_ahead))
  execute function agency.audit_change('tenant_settings');

drop trigger if exists audit_rates on agency.employee_rates;
create trigger audit_rates after insert or update or delete on agency.employee_rates for each row
  execute function agency.audit_change('employee_rate');

drop trigger if exists audit_rate_cards on agency.rate_cards;
create trigger audit_rate_cards after insert or update or delete on agency.rate_cards for each row
  execute function agency.audit_change('rate_card');

drop trigger if exists audit_role_assigned on agency.employees;
create trigger audit_role_assigned after insert on agency.employees for each row
  execute function agency.audit_change('employee_role');
drop trigger if exists audit_role_changed on agency.employees;
create trigger audit_role_changed after update of agency_role on agency.employees for each row
  when (old.agency_role is distinct from new.agency_role)
  execute function agency.audit_change('employee_role');
