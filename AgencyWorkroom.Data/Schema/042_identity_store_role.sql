-- 042 sign-in data is not the app's to read (issue 18; decision 024).
--
-- Until now agency_app, the group of the web app's login role, could read and write every
-- tenant's password hashes in identity.*. Identity's stores now connect as a login role of their
-- own (workroom_identity, made by ./workroom like the others), a member of identity_store, the
-- only role granted on schema identity. The bulk loader (workroom_maintenance) is a member too:
-- it writes the demo people's accounts in the same transaction as the people themselves. The
-- web app's UnitOfWork role keeps no grant there at all.

do $$
begin
  if not exists (select from pg_roles where rolname = 'identity_store') then
    create role identity_store nologin;
  end if;
end
$$;

revoke all on all tables in schema identity from agency_app;
revoke all on all sequences in schema identity from agency_app;
revoke all on schema identity from agency_app;

grant usage on schema identity to identity_store;
grant select, insert, update, delete on all tables in schema identity to identity_store;
grant usage, select on all sequences in schema identity to identity_store;

-- Citus (docs/SCALING.md) distributes by tenant_id only tables whose every primary key, unique
-- constraint and foreign key includes it. employees.user_id was unique across tenants; the
-- account it names is one tenant's already (identity.users carries the tenant and points back at
-- the employee), so unique within the tenant says the same and keeps the table distributable.
alter table agency.employees drop constraint if exists employees_user_id_key;
alter table agency.employees drop constraint if exists employees_tenant_user_key;
alter table agency.employees add constraint employees_tenant_user_key unique (tenant_id, user_id);
