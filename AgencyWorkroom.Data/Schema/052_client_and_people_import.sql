-- 052 getting an agency's clients (with their brands) and people in: staging tables and one
-- admin-only move each, in the shape of 045's timesheet import (issue 17 "Import (admin)";
-- decisions 011, 025 and 028).
--
--   * agency.client_import_rows / agency.people_import_rows: what the app COPYs a parsed file into
--     (through a temporary table: COPY cannot write a table under row-level security). Admins only.
--     A batch's rows are deleted by the move, or rolled back with a dry run.
--   * clients.import_batch_id, employees.import_batch_id: the row came in with that file. A batch's
--     delete leaves the client or person and forgets the batch (on delete set null of the column only).
--   * agency.client_import_problems / agency.people_import_problems(batch): every row the move would
--     reject, line and reason (the parser's complaint, a name or e-mail twice in the file, a client
--     code that is another client's). agency.import_clients / agency.import_people(batch) refuse a
--     batch with any problem (all or nothing), then add what is not there yet.
--   * Natural keys: a client by its name within the tenant (trimmed, case folded); a brand by its name
--     within its client; a person by e-mail within the tenant. A row whose key is there already
--     changes nothing (it is counted as already there), so a second import of the same file adds
--     nothing. Clients and brands without a code get one made from their name, free in the tenant.
--   * Rates: employee_rates is finance's and leadership's to write (policy employee_rate_finance), and
--     days before today are finance's alone (011's keep_rate_history). An import that carries a bill or
--     cost rate gives the people it adds their first rate, from the day of the import: policy
--     employee_rate_import lets an admin insert (only insert) a rate from today on for a person added
--     by the admin's own batch that has not finished yet, i.e. by the move of this transaction. The
--     rates of people already there are not touched; correcting past days stays with finance.
--   * People get no sign-in account (user_id null): they appear in lists, capacity and timesheet
--     imports; an admin gives an account on the People screen.
--   * Both moves run as the caller (no definer rights): row-level security and the tenant hold, and
--     the audit of 030 records the people's roles with action 'import' and the batch as its reason.

-- ------------------------------------------------------------------ imported rows are marked
alter table agency.clients add column if not exists import_batch_id uuid;
alter table agency.employees add column if not exists import_batch_id uuid;
do $$
begin
  if not exists (select from pg_constraint where conname = 'clients_import_batch_fkey') then
    alter table agency.clients add constraint clients_import_batch_fkey
      foreign key (tenant_id, import_batch_id) references agency.import_batches (tenant_id, id) on delete set null (import_batch_id);
  end if;
  if not exists (select from pg_constraint where conname = 'employees_import_batch_fkey') then
    alter table agency.employees add constraint employees_import_batch_fkey
      foreign key (tenant_id, import_batch_id) references agency.import_batches (tenant_id, id) on delete set null (import_batch_id);
  end if;
end
$$;
create index if not exists clients_import_batch_idx on agency.clients (tenant_id, import_batch_id) where import_batch_id is not null;
create index if not exists employees_import_batch_idx on agency.employees (tenant_id, import_batch_id) where import_batch_id is not null;

-- ------------------------------------------------------------------ staging
create table if not exists agency.client_import_rows (
  tenant_id uuid not null default agency.current_tenant_id(),
  id uuid not null default gen_random_uuid(),
  batch_id uuid not null,
  line_no integer not null check (line_no >= 1),
  name text not null default '',
  code text,
  industry text,
  status text,
  website text,
  brands text[] not null default '{}',
  problem text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, batch_id, line_no),
  foreign key (tenant_id, batch_id) references agency.import_batches (tenant_id, id) on delete cascade
);

create table if not exists agency.people_import_rows (
  tenant_id uuid not null default agency.current_tenant_id(),
  id uuid not null default gen_random_uuid(),
  batch_id uuid not null,
  line_no integer not null check (line_no >= 1),
  email text not null default '',
  full_name text not null default '',
  agency_role text,
  title text,
  department text,
  weekly_capacity_hours numeric(5,2),
  start_date date,
  bill_rate numeric(10,2),
  cost_rate numeric(10,2),
  problem text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, batch_id, line_no),
  foreign key (tenant_id, batch_id) references agency.import_batches (tenant_id, id) on delete cascade
);

do $$
declare
  t text;
begin
  foreach t in array array['client_import_rows', 'people_import_rows'] loop
    execute format('alter table agency.%I enable row level security', t);
    execute format('alter table agency.%I force row level security', t);
    execute format('drop policy if exists tenant_isolation on agency.%I', t);
    execute format('create policy tenant_isolation on agency.%I as restrictive
                      using (tenant_id = (select agency.current_tenant_id()))
                      with check (tenant_id = (select agency.current_tenant_id()))', t);
    execute format('drop policy if exists import_admin on agency.%I', t);
    execute format('create policy import_admin on agency.%I
                      using ((select agency.has_role(''admin'')))
                      with check ((select agency.has_role(''admin'')))', t);
    execute format('grant select, insert, update, delete on agency.%I to agency_app', t);
  end loop;
end
$$;

-- ------------------------------------------------------------------ an admin's import gives new people their first rate
drop policy if exists employee_rate_import on agency.employee_rates;
create policy employee_rate_import on agency.employee_rates for insert
  with check ((select agency.has_role('admin'))
              and effective_from >= current_date
              and exists (select from agency.employees e
                          join agency.import_batches b on b.tenant_id = e.tenant_id and b.id = e.import_batch_id
                          where e.tenant_id = employee_rates.tenant_id and e.id = employee_rates.employee_id
                            and b.kind = 'people' and b.finished_at is null
                            and b.imported_by = (select agency.current_user_id())));

-- ------------------------------------------------------------------ a code made from a name, free in the tenant
-- 'Northwind Foods' -> 'NORTHWIND-FOODS', then 'NORTHWIND-FOODS-2'... Clients' and brands' codes are
-- unique per tenant, deleted rows included.
create or replace function agency.import_free_code(p_table text, p_name text) returns text
language plpgsql volatile set search_path = '' as $$
declare
  base text := pg_catalog.left(pg_catalog.btrim(pg_catalog.upper(pg_catalog.regexp_replace(p_name, '[^A-Za-z0-9]+', '-', 'g')), '-'), 20);
  candidate text;
  taken boolean;
  n integer := 1;
begin
  base := pg_catalog.rtrim(base, '-');
  if base !~ '^[A-Z0-9][A-Z0-9-]{1,19}$' then
    base := case p_table when 'brands' then 'BRAND' else 'CLIENT' end;
  end if;
  loop
    candidate := case when n = 1 then base
                      else pg_catalog.rtrim(pg_catalog.left(base, 19 - pg_catalog.length(n::text)), '-') || '-' || n end;
    if p_table = 'brands' then
      taken := exists (select from agency.brands b where b.tenant_id = agency.current_tenant_id() and b.code = candidate);
    else
      taken := exists (select from agency.clients c where c.tenant_id = agency.current_tenant_id() and c.code = candidate);
    end if;
    exit when not taken;
    n := n + 1;
  end loop;
  return candidate;
end
$$;

-- ------------------------------------------------------------------ what would be rejected
create or replace function agency.client_import_problems(p_batch uuid)
returns table (line_no integer, reason text)
language plpgsql stable set search_path = '' as $$
begin
  if not agency.has_role('admin') then
    raise exception 'Only an admin may import clients.' using errcode = '42501', constraint = 'import_admin_only';
  end if;
  if not exists (select from agency.import_batches b
                 where b.tenant_id = agency.current_tenant_id() and b.id = p_batch and b.kind = 'clients') then
    raise exception 'No such client import.' using errcode = '23503', constraint = 'import_batch_missing';
  end if;
  return query
    with rows as (
      select r.line_no, r.name, r.code, r.problem,
             min(r.line_no) over (partition by lower(r.name)) as first_name_line,
             min(r.line_no) over (partition by r.code) as first_code_line
      from agency.client_import_rows r
      where r.tenant_id = agency.current_tenant_id() and r.batch_id = p_batch)
    select r.line_no,
           coalesce(r.problem,
             case when r.first_name_line < r.line_no
                  then 'client ''' || r.name || ''' is also on line ' || r.first_name_line end,
             case when r.code is not null and r.first_code_line < r.line_no
                  then 'code ' || r.code || ' is also on line ' || r.first_code_line end,
             (select 'code ' || r.code || ' belongs to client ''' || c.name || ''''
              from agency.clients c
              where c.tenant_id = agency.current_tenant_id() and c.code = r.code and lower(btrim(c.name)) <> lower(r.name)
              limit 1))
    from rows r
    where coalesce(r.problem,
            case when r.first_name_line < r.line_no then 'x' end,
            case when r.code is not null and r.first_code_line < r.line_no then 'x' end,
            (select 'x' from agency.clients c
             where c.tenant_id = agency.current_tenant_id() and c.code = r.code and lower(btrim(c.name)) <> lower(r.name)
             limit 1)) is not null
    order by r.line_no;
end
$$;

create or replace function agency.people_import_problems(p_batch uuid)
returns table (line_no integer, reason text)
language plpgsql stable set search_path = '' as $$
begin
  if not agency.has_role('admin') then
    raise exception 'Only an admin may import people.' using errcode = '42501', constraint = 'import_admin_only';
  end if;
  if not exists (select from agency.import_batches b
                 where b.tenant_id = agency.current_tenant_id() and b.id = p_batch and b.kind = 'people') then
    raise exception 'No such people import.' using errcode = '23503', constraint = 'import_batch_missing';
  end if;
  return query
    with rows as (
      select r.line_no, r.email, r.problem,
             min(r.line_no) over (partition by r.email) as first_line
      from agency.people_import_rows r
      where r.tenant_id = agency.current_tenant_id() and r.batch_id = p_batch)
    select r.line_no,
           coalesce(r.problem, 'e-mail ' || r.email || ' is also on line ' || r.first_line)
    from rows r
    where r.problem is not null or (r.email <> '' and r.first_line < r.line_no)
    order by r.line_no;
end
$$;

-- ------------------------------------------------------------------ the moves, all or nothing
-- Each returns the rows that added something; the rest of the batch was there already.
create or replace function agency.import_clients(p_batch uuid) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  tenant constant uuid := agency.current_tenant_id();
  v_batch agency.import_batches;
  r record;
  v_client uuid;
  v_brand text;
  v_row_added boolean;
  v_read integer := 0;
  v_added integer := 0;
begin
  if not agency.has_role('admin') then
    raise exception 'Only an admin may import clients.' using errcode = '42501', constraint = 'import_admin_only';
  end if;
  select * into v_batch from agency.import_batches b
  where b.tenant_id = tenant and b.id = p_batch and b.kind = 'clients' for update;
  if not found then
    raise exception 'No such client import.' using errcode = '23503', constraint = 'import_batch_missing';
  end if;
  if v_batch.finished_at is not null then
    raise exception 'This import has run already.' using errcode = '55000', constraint = 'import_batch_finished';
  end if;
  if exists (select from agency.client_import_problems(p_batch)) then
    raise exception 'Some rows of % would be rejected; the dry run lists them. Nothing was imported.', v_batch.file_name
      using errcode = '23514', constraint = 'import_rows_rejected';
  end if;

  perform pg_catalog.set_config('app.audit_action', 'import', true);
  perform pg_catalog.set_config('app.audit_reason', 'import of ' || v_batch.file_name || ' (' || p_batch || ')', true);
  for r in select * from agency.client_import_rows x where x.tenant_id = tenant and x.batch_id = p_batch order by x.line_no loop
    v_read := v_read + 1;
    v_row_added := false;
    select c.id into v_client from agency.clients c
    where c.tenant_id = tenant and c.deleted_at is null and lower(btrim(c.name)) = lower(r.name)
    order by c.created_at, c.id limit 1;
    if v_client is null then
      insert into agency.clients (code, name, sector, status, website, import_batch_id)
      values (coalesce(r.code, agency.import_free_code('clients', r.name)), r.name, r.industry, coalesce(r.status, 'active'),
              r.website, p_batch)
      returning id into v_client;
      v_row_added := true;
    end if;
    foreach v_brand in array r.brands loop
      if not exists (select from agency.brands b
                     where b.tenant_id = tenant and b.client_id = v_client and b.deleted_at is null
                       and lower(btrim(b.name)) = lower(v_brand)) then
        insert into agency.brands (client_id, code, name) values (v_client, agency.import_free_code('brands', v_brand), v_brand);
        v_row_added := true;
      end if;
    end loop;
    if v_row_added then
      v_added := v_added + 1;
    end if;
  end loop;
  perform pg_catalog.set_config('app.audit_action', '', true);
  perform pg_catalog.set_config('app.audit_reason', '', true);

  delete from agency.client_import_rows x where x.tenant_id = tenant and x.batch_id = p_batch;
  update agency.import_batches b
  set rows_read = v_read, rows_added = v_added, rows_unchanged = v_read - v_added, finished_at = now(), updated_at = now()
  where b.tenant_id = tenant and b.id = p_batch;
  return v_added;
end
$$;

create or replace function agency.import_people(p_batch uuid) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  tenant constant uuid := agency.current_tenant_id();
  v_batch agency.import_batches;
  v_read integer;
  v_added integer;
begin
  if not agency.has_role('admin') then
    raise exception 'Only an admin may import people.' using errcode = '42501', constraint = 'import_admin_only';
  end if;
  select * into v_batch from agency.import_batches b
  where b.tenant_id = tenant and b.id = p_batch and b.kind = 'people' for update;
  if not found then
    raise exception 'No such people import.' using errcode = '23503', constraint = 'import_batch_missing';
  end if;
  if v_batch.finished_at is not null then
    raise exception 'This import has run already.' using errcode = '55000', constraint = 'import_batch_finished';
  end if;
  if exists (select from agency.people_import_problems(p_batch)) then
    raise exception 'Some rows of % would be rejected; the dry run lists them. Nothing was imported.', v_batch.file_name
      using errcode = '23514', constraint = 'import_rows_rejected';
  end if;
  select count(*) into v_read from agency.people_import_rows r where r.tenant_id = tenant and r.batch_id = p_batch;

  perform pg_catalog.set_config('app.audit_action', 'import', true);
  perform pg_catalog.set_config('app.audit_reason', 'import of ' || v_batch.file_name || ' (' || p_batch || ')', true);
  -- Deleted people keep their e-mail (the unique key counts them): they are "there already" too.
  insert into agency.employees (full_name, email, title, department, agency_role, weekly_capacity_hours, start_date, import_batch_id)
  select r.full_name, r.email, r.title, r.department, coalesce(r.agency_role, 'creative'), coalesce(r.weekly_capacity_hours, 40),
         r.start_date, p_batch
  from agency.people_import_rows r
  where r.tenant_id = tenant and r.batch_id = p_batch
    and not exists (select from agency.employees e where e.tenant_id = tenant and lower(e.email) = r.email)
  order by r.line_no
  on conflict do nothing;
  get diagnostics v_added = row_count;

  -- Their first rate, from today, when the file carries one (policy employee_rate_import).
  insert into agency.employee_rates (employee_id, bill_rate, cost_rate, effective_from)
  select e.id, r.bill_rate, r.cost_rate, current_date
  from agency.people_import_rows r
  join agency.employees e on e.tenant_id = tenant and e.import_batch_id = p_batch and e.email = r.email
  where r.tenant_id = tenant and r.batch_id = p_batch and (r.bill_rate is not null or r.cost_rate is not null);
  perform pg_catalog.set_config('app.audit_action', '', true);
  perform pg_catalog.set_config('app.audit_reason', '', true);

  delete from agency.people_import_rows r where r.tenant_id = tenant and r.batch_id = p_batch;
  update agency.import_batches b
  set rows_read = v_read, rows_added = v_added, rows_unchanged = v_read - v_added, finished_at = now(), updated_at = now()
  where b.tenant_id = tenant and b.id = p_batch;
  return v_added;
end
$$;

revoke execute on function agency.import_free_code(text, text), agency.client_import_problems(uuid), agency.people_import_problems(uuid),
  agency.import_clients(uuid), agency.import_people(uuid) from public;
grant execute on function agency.import_free_code(text, text), agency.client_import_problems(uuid), agency.people_import_problems(uuid),
  agency.import_clients(uuid), agency.import_people(uuid) to agency_app;
