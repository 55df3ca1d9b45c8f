-- 001 agency core schema: tenants, people, clients, brands, campaigns, phases, teams.
-- Every table carries tenant_id, and every key and foreign key includes it: foreign-key and
-- unique checks bypass row-level security, so this is what stops a row pointing into
-- another tenant (and what lets the tables be distributed by tenant later).

create schema if not exists agency;

-- ------------------------------------------------------------------ session helpers
-- The three session variables are set per unit of work with set_config(..., true).
-- Unset or empty yields NULL, and NULL never equals a tenant: no rows, no writes.

create or replace function agency.current_tenant_id() returns uuid
language sql stable parallel safe set search_path = '' as $$
  select nullif(pg_catalog.current_setting('app.current_tenant', true), '')::uuid
$$;

create or replace function agency.current_user_role() returns text
language sql stable parallel safe set search_path = '' as $$
  select nullif(pg_catalog.current_setting('app.current_role', true), '')
$$;

-- The signed-in person's agency.employees.id.
create or replace function agency.current_user_id() returns uuid
language sql stable parallel safe set search_path = '' as $$
  select nullif(pg_catalog.current_setting('app.current_user_id', true), '')::uuid
$$;

create or replace function agency.has_role(p_role text) returns boolean
language sql stable parallel safe set search_path = '' as $$
  select coalesce(agency.current_user_role() = p_role, false)
$$;

create or replace function agency.has_any_role(p_roles text[]) returns boolean
language sql stable parallel safe set search_path = '' as $$
  select coalesce(agency.current_user_role() = any (p_roles), false)
$$;

-- Keeps updated_at and updated_by honest whatever the caller sends.
create or replace function agency.update_updated_at_column() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  new.updated_at := pg_catalog.now();
  new.updated_by := coalesce(agency.current_user_id(), new.updated_by);
  return new;
end
$$;

-- ------------------------------------------------------------------ tables

create table if not exists agency.tenants (
  id uuid not null default gen_random_uuid(),
  -- Equal to id, so that the every-table rule (tenant_id, RLS on it) has no exception.
  tenant_id uuid not null generated always as (id) stored,
  slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  default_currency char(3) not null default 'USD' check (default_currency ~ '^[A-Z]{3}$'),
  utilization_target numeric(4,3) not null default 0.750 check (utilization_target between 0 and 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (id),
  unique (slug)
);

create table if not exists agency.employees (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  -- The sign-in account (Identity user id); NULL for people who never sign in.
  user_id uuid,
  full_name text not null check (length(btrim(full_name)) between 1 and 200),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
  title text,
  department text,
  agency_role text not null default 'creative'
    check (agency_role in ('finance', 'leadership', 'pm', 'admin', 'account', 'creative')),
  weekly_capacity_hours numeric(5,2) not null default 40 check (weekly_capacity_hours between 0 and 80),
  active boolean not null default true,
  start_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, email),
  unique (user_id)
);

create table if not exists agency.clients (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  sector text,
  status text not null default 'active' check (status in ('prospect', 'active', 'inactive', 'archived')),
  website text,
  primary_contact_name text,
  primary_contact_email text,
  notes text,
  account_lead_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, code),
  foreign key (tenant_id, account_lead_id) references agency.employees (tenant_id, id)
);

create table if not exists agency.brands (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, code),
  -- Lets a campaign require that its brand belongs to its client.
  unique (tenant_id, client_id, id),
  foreign key (tenant_id, client_id) references agency.clients (tenant_id, id)
);

create table if not exists agency.campaigns (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  brand_id uuid,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  description text,
  status text not null default 'planning'
    check (status in ('planning', 'active', 'on_hold', 'completed', 'cancelled')),
  budget_type text not null default 'time_and_materials'
    check (budget_type in ('time_and_materials', 'fixed_fee', 'retainer')),
  budget_amount numeric(14,2) not null default 0 check (budget_amount >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  start_date date not null,
  end_date date not null,
  duration_weeks integer generated always as ((end_date - start_date + 7) / 7) stored,
  alert_thresholds integer[] not null default '{50,75,90,100}',
  tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, code),
  check (end_date >= start_date),
  foreign key (tenant_id, client_id) references agency.clients (tenant_id, id),
  foreign key (tenant_id, client_id, brand_id) references agency.brands (tenant_id, client_id, id)
);

create table if not exists agency.campaign_phases (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  phase_type text not null check (phase_type in ('strategy', 'creative', 'production', 'post')),
  name text not null check (length(btrim(name)) between 1 and 200),
  sort_order integer not null default 0,
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'completed')),
  start_date date not null,
  end_date date not null,
  budget_amount numeric(14,2) not null default 0 check (budget_amount >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, campaign_id, id),
  unique (tenant_id, campaign_id, phase_type),
  check (end_date >= start_date),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade
);

create table if not exists agency.campaign_team (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  employee_id uuid not null,
  team_role text not null check (team_role in ('account_director', 'project_manager', 'creative_director',
    'strategist', 'copywriter', 'designer', 'producer', 'editor', 'other')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, campaign_id, employee_id, team_role),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade,
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id)
);

-- ------------------------------------------------------------------ indexes
-- Every foreign key, and the columns views and policies filter on.

create index if not exists employees_user_idx on agency.employees (user_id);
create index if not exists employees_active_idx on agency.employees (tenant_id) where active and deleted_at is null;
create index if not exists clients_account_lead_idx on agency.clients (tenant_id, account_lead_id);
create index if not exists clients_active_idx on agency.clients (tenant_id, name) where deleted_at is null;
create index if not exists brands_client_idx on agency.brands (tenant_id, client_id);
create index if not exists campaigns_client_idx on agency.campaigns (tenant_id, client_id, brand_id);
create index if not exists campaigns_brand_idx on agency.campaigns (tenant_id, brand_id);
create index if not exists campaigns_status_idx on agency.campaigns (tenant_id, status) where deleted_at is null;
create index if not exists campaigns_dates_idx on agency.campaigns (tenant_id, start_date, end_date);
create index if not exists campaigns_tags_idx on agency.campaigns using gin (tags);
create index if not exists campaign_phases_campaign_idx on agency.campaign_phases (tenant_id, campaign_id);
create index if not exists campaign_team_employee_idx on agency.campaign_team (tenant_id, employee_id, campaign_id);

-- ------------------------------------------------------------------ triggers

do $$
declare t text;
begin
  foreach t in array array['tenants', 'employees', 'clients', 'brands', 'campaigns', 'campaign_phases', 'campaign_team'] loop
    execute format('drop trigger if exists set_updated_at on agency.%I', t);
    execute format('create trigger set_updated_at before update on agency.%I
                    for each row execute function agency.update_updated_at_column()', t);
  end loop;
end
$$;
