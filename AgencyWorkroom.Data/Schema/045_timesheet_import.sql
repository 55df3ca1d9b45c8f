-- 045 getting an agency's time in: import batches, a staging table and one admin-only move
-- (issue 17 "Import (admin)"; decisions 010, 015 and 025).
--
-- 021 gave the app an audited import (agency.begin_timesheet_import: under its flag an admin's
-- inserts step past the entry rules, within the tenant, audited per person-week by 030). What it
-- lacked: a record of which file brought which rows, names resolved to people and campaigns by the
-- set, and a second import of the same file that adds nothing. This adds:
--   * agency.import_batches: one row per import run (kind, file name, SHA-256, rows read, added,
--     already there; who and when). Admins only, like the people screen's writes.
--   * agency.timesheet_import_rows: the staging table the app COPYs a parsed file into (binary
--     COPY: 100,000 rows in about a second). Admins only. A batch's rows are deleted by the move,
--     or rolled back with a dry run; none outlive their transaction.
--   * timesheet_entries.import_batch_id (the row is imported, and from which file) and import_key,
--     unique per tenant: md5 of person, date, campaign, hours, notes and the occurrence of that
--     same row in its file (the 1st, 2nd... identical row: two identical lines are two entries,
--     a re-export that adds lines elsewhere still matches). A second import inserts nothing
--     (ON CONFLICT DO NOTHING meets the unique index: no read of others' entries needed).
--   * agency.timesheet_import_resolved(batch) resolves names to ids by distinct key (a few
--     hundred people and campaigns, not 100,000 lookups), writing nothing;
--     agency.timesheet_import_problems(batch) lists every row it would reject, line and reason. agency.import_timesheets(batch) refuses a batch with any
--     problem (all or nothing), then moves it in one insert under 021's import flag: approved
--     (by the importing admin, now), marked, billable as the file says or as the campaign does.
--     Both run as the caller (no definer rights): row-level security and the tenant hold.
--   * the summaries of 011/023 are statement triggers over transition tables: one insert of
--     100,000 rows pays them once (bench #13a); nothing here changes them.

-- ------------------------------------------------------------------ batches
create table if not exists agency.import_batches (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('clients', 'people', 'timesheets')),
  file_name text not null check (length(btrim(file_name)) between 1 and 300),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  rows_read integer not null default 0 check (rows_read >= 0),
  rows_added integer check (rows_added >= 0),
  rows_unchanged integer check (rows_unchanged >= 0),
  imported_by uuid not null default agency.current_user_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, imported_by) references agency.employees (tenant_id, id)
);
create index if not exists import_batches_created_idx on agency.import_batches (tenant_id, created_at desc);
create index if not exists import_batches_imported_by_idx on agency.import_batches (tenant_id, imported_by);

alter table agency.import_batches enable row level security;
alter table agency.import_batches force row level security;
drop policy if exists tenant_isolation on agency.import_batches;
create policy tenant_isolation on agency.import_batches as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists import_admin on agency.import_batches;
create policy import_admin on agency.import_batches
  using ((select agency.has_role('admin')))
  with check ((select agency.has_role('admin')) and imported_by = (select agency.current_user_id()));
grant select, insert, update, delete on agency.import_batches to agency_app;

-- ------------------------------------------------------------------ staging
create table if not exists agency.timesheet_import_rows (
  tenant_id uuid not null default agency.current_tenant_id(),
  id uuid not null default gen_random_uuid(),
  batch_id uuid not null,
  line_no integer not null check (line_no >= 1),
  person_email text not null default '',
  person_name text not null default '',
  client_name text not null default '',
  campaign_code text not null default '',
  campaign_name text not null default '',
  entry_date date,
  hours numeric(5,2),
  billable boolean,
  description text,
  -- What the parser already found wrong (a bad date, hours out of range), in words.
  problem text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, batch_id, line_no),
  foreign key (tenant_id, batch_id) references agency.import_batches (tenant_id, id) on delete cascade
);

alter table agency.timesheet_import_rows enable row level security;
alter table agency.timesheet_import_rows force row level security;
drop policy if exists tenant_isolation on agency.timesheet_import_rows;
create policy tenant_isolation on agency.timesheet_import_rows as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists import_admin on agency.timesheet_import_rows;
create policy import_admin on agency.timesheet_import_rows
  using ((select agency.has_role('admin')))
  with check ((select agency.has_role('admin')));
grant select, insert, update, delete on agency.timesheet_import_rows to agency_app;

-- ------------------------------------------------------------------ imported entries
alter table agency.timesheet_entries add column if not exists import_batch_id uuid;
alter table agency.timesheet_entries add column if not exists import_key uuid;
do $$
begin
  if not exists (select from pg_constraint where conname = 'timesheet_entries_import_batch_fkey') then
    alter table agency.timesheet_entries add constraint timesheet_entries_import_batch_fkey
      foreign key (tenant_id, import_batch_id) references agency.import_batches (tenant_id, id);
  end if;
end
$$;
create unique index if not exists timesheet_entries_import_key_idx
  on agency.timesheet_entries (tenant_id, import_key) where import_key is not null;
-- The batch's foreign key is checked on a batch's delete: by this index, not a scan.
create index if not exists timesheet_entries_import_batch_idx
  on agency.timesheet_entries (tenant_id, import_batch_id) where import_batch_id is not null;

-- ------------------------------------------------------------------ resolve and list what would be rejected
-- A batch's rows with their person and campaign, and what is wrong with each (null when nothing).
-- Names are resolved once per distinct key (a few hundred people and campaigns, not 100,000
-- lookups), then joined back by hashing; nothing is written (updating 100,000 staged rows twice
-- took 22 s of a 100,000-row import). Read under the staging table's policy: admins only.
create or replace function agency.timesheet_import_resolved(p_batch uuid)
returns table (line_no integer, employee_id uuid, campaign_id uuid, entry_date date, hours numeric, billable boolean,
               description text, problem text)
language sql stable set search_path = '' as $$
  with person_keys as materialized (
    select distinct r.person_email, r.person_name from agency.timesheet_import_rows r
    where r.tenant_id = agency.current_tenant_id() and r.batch_id = p_batch),
  people as materialized (
    select k.person_email, k.person_name,
           (select array_agg(e.id) from agency.employees e
            where e.tenant_id = agency.current_tenant_id() and e.deleted_at is null
              and case when k.person_email <> '' then lower(e.email) = lower(k.person_email)
                       else lower(btrim(e.full_name)) = lower(k.person_name) end) as ids
    from person_keys k),
  campaign_keys as materialized (
    select distinct r.client_name, r.campaign_code, r.campaign_name from agency.timesheet_import_rows r
    where r.tenant_id = agency.current_tenant_id() and r.batch_id = p_batch),
  campaigns as materialized (
    select k.client_name, k.campaign_code, k.campaign_name,
           (select array_agg(c.id) from agency.campaigns c
            join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
            where c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
              and case when k.campaign_code <> '' then c.code = upper(k.campaign_code)
                       else lower(btrim(c.name)) = lower(k.campaign_name)
                            and (k.client_name = '' or lower(btrim(cl.name)) = lower(k.client_name)) end) as ids,
           (k.client_name = '' or exists (select from agency.clients cl
                                          where cl.tenant_id = agency.current_tenant_id() and cl.deleted_at is null
                                            and lower(btrim(cl.name)) = lower(k.client_name))) as client_known
    from campaign_keys k)
  select r.line_no,
         case when cardinality(p.ids) = 1 then p.ids[1] end,
         case when cardinality(c.ids) = 1 then c.ids[1] end,
         r.entry_date, r.hours, r.billable, r.description,
         coalesce(r.problem,
           case
             when p.person_email = '' and p.person_name = '' then 'no person given'
             when p.ids is null then 'unknown person ''' || coalesce(nullif(p.person_email, ''), p.person_name) || ''''
             when cardinality(p.ids) > 1 then 'more than one person is called ''' || p.person_name || ''''
           end,
           case
             when c.campaign_code = '' and c.campaign_name = '' then 'no campaign given'
             when c.ids is null and c.campaign_code = '' and not c.client_known then 'unknown client ''' || c.client_name || ''''
             when c.ids is null then 'unknown campaign ''' || coalesce(nullif(c.campaign_code, ''), c.campaign_name) || ''''
               || case when c.client_name <> '' and c.campaign_code = '' then ' of client ''' || c.client_name || '''' else '' end
             when cardinality(c.ids) > 1 then 'more than one campaign is called ''' || c.campaign_name || ''''
               || case when c.client_name = '' then '; name its client' else '' end
           end,
           case when r.entry_date is null or r.hours is null then 'incomplete row' end)
  from agency.timesheet_import_rows r
  join people p on p.person_email = r.person_email and p.person_name = r.person_name
  join campaigns c on c.client_name = r.client_name and c.campaign_code = r.campaign_code and c.campaign_name = r.campaign_name
  where r.tenant_id = agency.current_tenant_id() and r.batch_id = p_batch
$$;

create or replace function agency.timesheet_import_problems(p_batch uuid)
returns table (line_no integer, reason text)
language plpgsql stable set search_path = '' as $$
begin
  if not agency.has_role('admin') then
    raise exception 'Only an admin may import time.' using errcode = '42501', constraint = 'import_admin_only';
  end if;
  if not exists (select from agency.import_batches b
                 where b.tenant_id = agency.current_tenant_id() and b.id = p_batch and b.kind = 'timesheets') then
    raise exception 'No such timesheet import.' using errcode = '23503', constraint = 'import_batch_missing';
  end if;
  return query
    select r.line_no, r.problem from agency.timesheet_import_resolved(p_batch) r
    where r.problem is not null order by r.line_no;
end
$$;

-- ------------------------------------------------------------------ the move, all or nothing
-- Returns the entries added; the rest of the batch's rows were there already (import_key).
create or replace function agency.import_timesheets(p_batch uuid) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  tenant constant uuid := agency.current_tenant_id();
  me constant uuid := agency.current_user_id();
  v_batch agency.import_batches;
  v_read integer;
  v_added integer;
begin
  if not agency.has_role('admin') then
    raise exception 'Only an admin may import time.' using errcode = '42501', constraint = 'import_admin_only';
  end if;
  select * into v_batch from agency.import_batches b
  where b.tenant_id = tenant and b.id = p_batch and b.kind = 'timesheets' for update;
  if not found then
    raise exception 'No such timesheet import.' using errcode = '23503', constraint = 'import_batch_missing';
  end if;
  if v_batch.finished_at is not null then
    raise exception 'This import has run already.' using errcode = '55000', constraint = 'import_batch_finished';
  end if;
  if exists (select from agency.timesheet_import_problems(p_batch)) then
    raise exception 'Some rows of % would be rejected; the dry run lists them. Nothing was imported.', v_batch.file_name
      using errcode = '23514', constraint = 'import_rows_rejected';
  end if;
  select count(*) into v_read from agency.timesheet_import_rows r where r.tenant_id = tenant and r.batch_id = p_batch;

  perform agency.begin_timesheet_import('import of ' || v_batch.file_name || ' (' || p_batch || ')');
  insert into agency.timesheet_entries
    (employee_id, campaign_id, entry_date, week_start_date, hours, billable, description,
     status, submitted_at, approved_by, approved_at, import_batch_id, import_key)
  select r.employee_id, r.campaign_id, r.entry_date,
         r.entry_date - (extract(isodow from r.entry_date)::integer - 1),
         r.hours, coalesce(r.billable, c.billable_by_default), r.description,
         'approved', now(), me, now(), p_batch,
         md5(concat_ws('|', r.employee_id, r.entry_date, r.campaign_id, r.hours, coalesce(r.description, ''),
                       row_number() over (partition by r.employee_id, r.entry_date, r.campaign_id, r.hours, coalesce(r.description, '')
                                          order by r.line_no)))::uuid
  from agency.timesheet_import_resolved(p_batch) r
  join agency.campaigns c on c.tenant_id = tenant and c.id = r.campaign_id
  -- No arbiter named: with one, PostgreSQL holds the new row to the SELECT policies too (an admin
  -- reads only their own time), and the only unique key an import can meet is import_key.
  on conflict do nothing;
  get diagnostics v_added = row_count;
  -- The rules apply again to whatever else this unit of work does.
  perform pg_catalog.set_config('app.timesheet_import', '', true);
  perform pg_catalog.set_config('app.audit_action', '', true);
  perform pg_catalog.set_config('app.audit_reason', '', true);

  delete from agency.timesheet_import_rows r where r.tenant_id = tenant and r.batch_id = p_batch;
  update agency.import_batches b
  set rows_read = v_read, rows_added = v_added, rows_unchanged = v_read - v_added, finished_at = now(), updated_at = now()
  where b.tenant_id = tenant and b.id = p_batch;
  return v_added;
end
$$;

revoke execute on function agency.timesheet_import_resolved(uuid), agency.timesheet_import_problems(uuid), agency.import_timesheets(uuid) from public;
grant execute on function agency.timesheet_import_resolved(uuid), agency.timesheet_import_problems(uuid), agency.import_timesheets(uuid) to agency_app;
