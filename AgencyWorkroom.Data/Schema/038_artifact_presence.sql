-- 038 who else has an artifact open, kept in PostgreSQL so it holds across app instances.
--
-- An open editor marks its person present every 30 seconds (seen_at) and removes the mark when it
-- closes; a mark older than 90 seconds counts as gone (a dropped connection never says goodbye).
-- Marks are read by whoever may read the artifact, and each person writes only their own.

create table if not exists agency.artifact_presence (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  artifact_id uuid not null,
  employee_id uuid not null default agency.current_user_id(),
  seen_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  constraint artifact_presence_once unique (tenant_id, artifact_id, employee_id),
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id) on delete cascade
);
create index if not exists artifact_presence_employee_idx on agency.artifact_presence (tenant_id, employee_id);
-- No set_updated_at trigger (the table has no updated_by): the mark's upsert sets both times.

alter table agency.artifact_presence enable row level security;
alter table agency.artifact_presence force row level security;
drop policy if exists tenant_isolation on agency.artifact_presence;
create policy tenant_isolation on agency.artifact_presence as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
-- The artifact's own read policy decides, through the subquery (it runs under the caller's policies).
drop policy if exists presence_read on agency.artifact_presence;
create policy presence_read on agency.artifact_presence for select
  using (exists (select 1 from agency.artifacts a where a.tenant_id = artifact_presence.tenant_id and a.id = artifact_presence.artifact_id));
drop policy if exists presence_own on agency.artifact_presence;
create policy presence_own on agency.artifact_presence
  using (employee_id = (select agency.current_user_id()))
  with check (employee_id = (select agency.current_user_id())
              and exists (select 1 from agency.artifacts a where a.tenant_id = artifact_presence.tenant_id and a.id = artifact_presence.artifact_id));
grant select, insert, update, delete on agency.artifact_presence to agency_app;
