-- 046 two-factor sign-in required by the agency (issue 18, decision 026): a tenant setting that,
-- when on, sends finance people and admins to enrol an authenticator app after they sign in with
-- a password, until they have. Who must is one rule, here:
--   agency.must_use_two_factor()  true for the person acting when their agency requires it and
--                                 their role is finance or admin.
-- The sign-in asks it once per sign-in (as the person, in a unit of work) and marks the cookie;
-- whether the account has two-factor on is Identity's, in schema identity, which this role
-- cannot read (042).

alter table agency.tenants add column if not exists require_two_factor boolean not null default false;

comment on column agency.tenants.require_two_factor is
  'Finance people and admins must sign in with an authenticator app code (decision 026).';

create or replace function agency.must_use_two_factor() returns boolean
language sql stable
return coalesce((select t.require_two_factor from agency.tenants t where t.id = agency.current_tenant_id()), false)
   and agency.has_any_role(array['finance', 'admin']);

revoke execute on function agency.must_use_two_factor() from public;
grant execute on function agency.must_use_two_factor() to agency_app;

-- The setting is audited like the others of 020.
drop trigger if exists audit_settings on agency.tenants;
create trigger audit_settings after update on agency.tenants for each row
  when ((old.default_currency, old.utilization_target, old.timesheet_finance_signoff, old.time_entry_days_ahead, old.require_two_factor)
        is distinct from (new.default_currency, new.utilization_target, new.timesheet_finance_signoff, new.time_entry_days_ahead, new.require_two_factor))
  execute function agency.audit_change('tenant_settings');
