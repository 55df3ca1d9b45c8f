-- 003 time and resources: timesheet entries, forward allocations, and the money behind them.
-- Rates live in tables of their own whose policies admit only finance and leadership:
-- row-level security hides rows, not columns, so money never sits beside hours.

create table if not exists agency.timesheet_entries (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null default agency.current_user_id(),
  campaign_id uuid not null,
  phase_id uuid,
  entry_date date not null,
  hours numeric(5,2) not null check (hours > 0 and hours <= 24),
  billable boolean not null default true,
  description text,
  -- Monday of entry_date, kept by set_week_start_date.
  week_start_date date not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'rejected')),
  submitted_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id),
  -- A phase must belong to the entry's campaign.
  foreign key (tenant_id, campaign_id, phase_id) references agency.campaign_phases (tenant_id, campaign_id, id),
  foreign key (tenant_id, approved_by) references agency.employees (tenant_id, id)
);

create table if not exists agency.team_allocations (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  campaign_id uuid not null,
  -- Any date is accepted and moved to its Monday by set_week_start_date.
  week_start_date date not null,
  hours numeric(5,2) not null check (hours >= 0 and hours <= 80),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, employee_id, campaign_id, week_start_date),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade
);

-- Default rates by role or level; history is kept by effective dates.
create table if not exists agency.rate_cards (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  role_name text not null check (length(btrim(role_name)) between 1 and 100),
  bill_rate numeric(10,2) not null check (bill_rate >= 0),
  cost_rate numeric(10,2) not null check (cost_rate >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  effective_from date not null,
  effective_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, role_name, effective_from),
  check (effective_to is null or effective_to > effective_from)
);

-- A person's own bill and cost rates; the figures revenue and cost are computed from.
create table if not exists agency.employee_rates (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  rate_card_id uuid,
  bill_rate numeric(10,2) not null check (bill_rate >= 0),
  cost_rate numeric(10,2) not null check (cost_rate >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  effective_from date not null,
  -- Exclusive; NULL while the rate is current.
  effective_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, employee_id, effective_from),
  check (effective_to is null or effective_to > effective_from),
  foreign key (tenant_id, employee_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, rate_card_id) references agency.rate_cards (tenant_id, id)
);

create index if not exists timesheet_entries_employee_idx on agency.timesheet_entries (tenant_id, employee_id, entry_date);
create index if not exists timesheet_entries_campaign_idx on agency.timesheet_entries (tenant_id, campaign_id, entry_date);
create index if not exists timesheet_entries_phase_idx on agency.timesheet_entries (tenant_id, campaign_id, phase_id);
create index if not exists timesheet_entries_week_idx on agency.timesheet_entries (tenant_id, week_start_date, employee_id);
create index if not exists timesheet_entries_approver_idx on agency.timesheet_entries (tenant_id, approved_by);
create index if not exists timesheet_entries_pending_idx on agency.timesheet_entries (tenant_id, week_start_date)
  where status = 'submitted';
create index if not exists team_allocations_week_idx on agency.team_allocations (tenant_id, week_start_date, employee_id);
create index if not exists team_allocations_campaign_idx on agency.team_allocations (tenant_id, campaign_id, week_start_date);
create index if not exists rate_cards_role_idx on agency.rate_cards (tenant_id, role_name, effective_from desc);
create index if not exists employee_rates_employee_idx on agency.employee_rates (tenant_id, employee_id, effective_from desc);
create index if not exists employee_rates_rate_card_idx on agency.employee_rates (tenant_id, rate_card_id);

-- Weeks start on Monday. Pure date arithmetic, so the session's time zone cannot shift it.
create or replace function agency.set_week_start_date() returns trigger
language plpgsql volatile set search_path = '' as $$
declare d date;
begin
  -- Separate branches: PL/pgSQL resolves new.entry_date only where the table has it.
  if tg_table_name = 'timesheet_entries' then
    d := new.entry_date;
  else
    d := new.week_start_date;
  end if;
  new.week_start_date := d - (extract(isodow from d)::integer - 1);
  return new;
end
$$;

drop trigger if exists set_week_start on agency.timesheet_entries;
create trigger set_week_start before insert or update of entry_date, week_start_date on agency.timesheet_entries
  for each row execute function agency.set_week_start_date();
drop trigger if exists set_week_start on agency.team_allocations;
create trigger set_week_start before insert or update of week_start_date on agency.team_allocations
  for each row execute function agency.set_week_start_date();

do $$
declare t text;
begin
  foreach t in array array['timesheet_entries', 'team_allocations', 'rate_cards', 'employee_rates'] loop
    execute format('drop trigger if exists set_updated_at on agency.%I', t);
    execute format('create trigger set_updated_at before update on agency.%I
                    for each row execute function agency.update_updated_at_column()', t);
  end loop;
end
$$;
