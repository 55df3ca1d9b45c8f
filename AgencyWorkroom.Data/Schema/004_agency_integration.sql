-- 004 integration with the neighbouring systems: Procure quotes, Finance PPM projects, T&E
-- expenses and Gearroom checkouts. Where those systems already exist their tables are left
-- alone (created only where absent); the link columns and their foreign keys are ours.

create schema if not exists procure;
create schema if not exists finance_ppm;
create schema if not exists te;
create schema if not exists gear;

create table if not exists procure.project_quotes (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  quote_number text not null,
  vendor_name text not null,
  description text,
  amount numeric(14,2) not null check (amount >= 0),
  currency char(3) not null default 'USD',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'rejected')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, quote_number)
);

create table if not exists finance_ppm.projects (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  project_code text not null,
  name text not null,
  budget_amount numeric(14,2) not null default 0 check (budget_amount >= 0),
  currency char(3) not null default 'USD',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, project_code)
);

create table if not exists te.expense_lines (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  expense_date date not null,
  category text not null check (category in ('travel', 'meals', 'lodging', 'production', 'talent',
    'media', 'software', 'other')),
  description text,
  amount numeric(12,2) not null check (amount >= 0),
  currency char(3) not null default 'USD',
  status text not null default 'submitted' check (status in ('draft', 'submitted', 'approved', 'reimbursed', 'rejected')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id)
);

create table if not exists gear.checkouts (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  equipment_name text not null,
  asset_tag text not null,
  checked_out_by uuid not null,
  checked_out_at timestamptz not null,
  due_back_at timestamptz,
  returned_at timestamptz,
  daily_rate numeric(10,2) not null default 0 check (daily_rate >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, checked_out_by) references agency.employees (tenant_id, id),
  check (returned_at is null or returned_at >= checked_out_at)
);

-- The four links, each a tenant-carrying foreign key.
alter table agency.campaigns add column if not exists procure_quote_id uuid;
alter table finance_ppm.projects add column if not exists agency_campaign_id uuid;
alter table te.expense_lines add column if not exists agency_campaign_id uuid;
alter table gear.checkouts add column if not exists agency_campaign_id uuid;

do $$
declare link record;
begin
  for link in
    select * from (values
      ('agency.campaigns'::regclass, 'campaigns_procure_quote_fk', 'procure_quote_id', 'procure.project_quotes'),
      ('finance_ppm.projects'::regclass, 'projects_agency_campaign_fk', 'agency_campaign_id', 'agency.campaigns'),
      ('te.expense_lines'::regclass, 'expense_lines_agency_campaign_fk', 'agency_campaign_id', 'agency.campaigns'),
      ('gear.checkouts'::regclass, 'checkouts_agency_campaign_fk', 'agency_campaign_id', 'agency.campaigns')
    ) as l (tbl, name, col, target)
  loop
    if not exists (select from pg_constraint where conrelid = link.tbl and conname = link.name) then
      execute format('alter table %s add constraint %I foreign key (tenant_id, %I) references %s (tenant_id, id)',
                     link.tbl, link.name, link.col, link.target);
    end if;
  end loop;
end
$$;

create index if not exists campaigns_procure_quote_idx on agency.campaigns (tenant_id, procure_quote_id);
create index if not exists projects_agency_campaign_idx on finance_ppm.projects (tenant_id, agency_campaign_id);
create index if not exists expense_lines_agency_campaign_idx on te.expense_lines (tenant_id, agency_campaign_id);
create index if not exists expense_lines_employee_idx on te.expense_lines (tenant_id, employee_id);
create index if not exists checkouts_agency_campaign_idx on gear.checkouts (tenant_id, agency_campaign_id);
create index if not exists checkouts_checked_out_by_idx on gear.checkouts (tenant_id, checked_out_by);

-- T&E spend on a campaign by category. Amounts are money: NULL unless finance or leadership.
create or replace function agency.get_campaign_expenses(p_campaign_id uuid)
returns table (category text, line_count bigint, total_amount numeric, currency char(3), last_expense_date date)
language sql stable set search_path = '' as $$
  select e.category,
         count(*),
         case when agency.has_any_role(array['finance', 'leadership']) then sum(e.amount) end,
         min(e.currency),
         max(e.expense_date)
  from te.expense_lines e
  where e.tenant_id = agency.current_tenant_id()
    and e.agency_campaign_id = p_campaign_id
    and e.status <> 'rejected'
  group by e.category
  order by e.category
$$;

-- Equipment checked out for a campaign, with the days it was (or has so far been) out.
create or replace function agency.get_campaign_equipment(p_campaign_id uuid)
returns table (checkout_id uuid, equipment_name text, asset_tag text, checked_out_by uuid,
               checked_out_at timestamptz, due_back_at timestamptz, returned_at timestamptz,
               days_out integer, equipment_cost numeric)
language sql stable set search_path = '' as $$
  select g.id, g.equipment_name, g.asset_tag, g.checked_out_by, g.checked_out_at, g.due_back_at, g.returned_at,
         d.days::integer,
         case when agency.has_any_role(array['finance', 'leadership']) then g.daily_rate * d.days end
  from gear.checkouts g
  cross join lateral (select greatest(1, ceil(extract(epoch from
    coalesce(g.returned_at, pg_catalog.now()) - g.checked_out_at) / 86400)) as days) d
  where g.tenant_id = agency.current_tenant_id()
    and g.agency_campaign_id = p_campaign_id
  order by g.checked_out_at
$$;
