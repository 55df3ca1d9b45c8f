-- 041 the suite around the workroom (issue 17, decision 023): the launcher's counts, the
-- neighbours' records on a campaign and who may link them, the PPM reconciliation, and equipment
-- overdue told once.
--
--   one spend      agency.campaign_spend_totals (campaign, spend, direct cost) is the one sum of
--                  campaign_spend_lines; v_campaign_overview (the campaign page, the lists) and
--                  agency.ppm_reconciliation() read it. A view, not a function: a set-returning
--                  function must pin its search_path (SchemaTests) and then cannot be inlined (017
--                  measured that at 1.7x-2.7x slower); a view, read in a LATERAL aggregate, gets
--                  the campaign pushed into every branch of the lines as before (a plan test). Amounts stay finance and
--                  leadership only: the lines beneath are theirs, and the readers gate it again.
--   who links      finance, leadership and admin in the tenant, and a pm who is the campaign's
--                  project manager on its team (agency.may_link_campaign). 007 lets none of them do
--                  all of it (finance cannot update a campaign, pm and admin cannot read PPM
--                  projects or other people's expenses), and widening those policies would give
--                  more than a link. So the links go through two narrow definer functions owned by
--                  agency_links, a NOLOGIN role that may read the five tables and update only the
--                  link columns (column privileges), under tenant_isolation like everyone:
--                    agency.link_campaign_record(campaign, kind, record, linked)  the write
--                    agency.campaign_link_candidates(campaign, kind, search)      the search
--                    agency.campaign_neighbour_lines(campaign)                    the tab's lines
--                  Each checks the tenant, the campaign and the caller first and refuses with
--                  42501 (not allowed) or P0002 (no such record in this tenant); a quote of
--                  another tenant is refused by the tenant-carrying foreign key of 004 (23503).
--                  Amounts in their rows are NULL unless finance or leadership.
--   reconciliation agency.ppm_reconciliation(): per campaign with a PPM project, the PPM budget
--                  (sum of its linked projects) beside the campaign's budget and spend, with the
--                  differences; finance and leadership only (nothing for anyone else).
--   launcher       agency.suite_counts(): the launcher's figures, counted as the caller (RLS).
--   overdue        agency.raise_overdue_equipment_alerts(), called by the budget watch as the
--                  system actor: a checkout past due_back_at and not returned tells its holder and
--                  the campaign's project managers, once per checkout and person (a unique index).

-- ------------------------------------------------------------------ one spend
create or replace view agency.campaign_spend_totals with (security_invoker = true) as
select s.tenant_id, s.campaign_id,
       sum(s.amount) as spend,
       sum(s.amount) filter (where s.source <> 'time') as direct_cost
from agency.campaign_spend_lines s
group by s.tenant_id, s.campaign_id;

create or replace view agency.v_campaign_overview with (security_invoker = true) as
select c.tenant_id, c.id as campaign_id, c.code, c.name, c.description, c.status, c.budget_type,
       c.client_id, cl.name as client_name, c.brand_id, b.name as brand_name,
       c.start_date, c.end_date, c.duration_weeks, c.budget_amount, c.currency, c.tags, c.alert_thresholds,
       c.procure_quote_id,
       (select p.name from agency.campaign_phases p
        where p.tenant_id = c.tenant_id and p.campaign_id = c.id and current_date between p.start_date and p.end_date
        order by p.sort_order limit 1) as current_phase,
       coalesce(h.total_hours, 0) as total_hours,
       coalesce(h.billable_hours, 0) as billable_hours,
       coalesce(h.hours_this_week, 0) as hours_this_week,
       h.last_entry_date,
       tm.team_size,
       a.artifact_count,
       round(agency.schedule_elapsed(c.start_date, c.end_date), 4) as schedule_elapsed_pct,
       case when (select agency.can_see_financials()) then m.revenue end as revenue,
       case when (select agency.can_see_financials()) then m.labor_cost end as labor_cost,
       case when (select agency.can_see_financials()) then coalesce(sp.direct_cost, 0) end as direct_cost,
       case when (select agency.can_see_financials()) then coalesce(m.labor_cost, 0) + coalesce(sp.direct_cost, 0) end as total_cost,
       case when (select agency.can_see_financials())
            then coalesce(m.revenue, 0) - coalesce(m.labor_cost, 0) - coalesce(sp.direct_cost, 0) end as margin,
       case when (select agency.can_see_financials()) and m.revenue > 0
            then round((m.revenue - coalesce(m.labor_cost, 0) - coalesce(sp.direct_cost, 0)) / m.revenue, 4) end as margin_pct,
       case when (select agency.can_see_financials()) then coalesce(sp.spend, 0) end as spend,
       round(bu.budget_spent_pct, 4) as budget_spent_pct,
       coalesce(hl.health, 'on_track') as health, hl.health_reason
from agency.campaigns c
join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
left join agency.brands b on b.tenant_id = c.tenant_id and b.id = c.brand_id
left join agency.campaign_health hl on hl.tenant_id = c.tenant_id and hl.campaign_id = c.id
left join agency.campaign_budget_use bu on bu.tenant_id = c.tenant_id and bu.campaign_id = c.id
left join lateral (
  select sum(v.total_hours) as total_hours,
         sum(v.billable_hours) as billable_hours,
         sum(v.total_hours) filter (where v.week_start_date = (select agency.current_week_start())) as hours_this_week,
         max(v.last_entry_date) as last_entry_date
  from agency.campaign_week_hours v
  where v.tenant_id = c.tenant_id and v.campaign_id = c.id) h on true
left join lateral (
  select sum(w.revenue) as revenue, sum(w.labor_cost) as labor_cost
  from agency.campaign_week_money w
  where w.tenant_id = c.tenant_id and w.campaign_id = c.id) m on true
-- An aggregate over the one row, so the LATERAL is not pulled up into a join with the whole view:
-- as a subquery of its own, the campaign is pushed into the view's grouping and its branches.
left join lateral (
  select sum(s.spend) as spend, sum(s.direct_cost) as direct_cost
  from agency.campaign_spend_totals s
  where s.tenant_id = c.tenant_id and s.campaign_id = c.id) sp on true
left join lateral (
  select count(distinct t.employee_id) as team_size
  from agency.campaign_team t
  where t.tenant_id = c.tenant_id and t.campaign_id = c.id) tm on true
left join lateral (
  select count(*) as artifact_count
  from agency.artifacts r
  where r.tenant_id = c.tenant_id and r.campaign_id = c.id and r.deleted_at is null) a on true
where c.deleted_at is null;

-- ------------------------------------------------------------------ who may link
-- Finance, leadership and admin of the tenant, or a pm who is the campaign's project manager.
create or replace function agency.may_link_campaign(p_campaign_id uuid) returns boolean
language sql stable
return agency.current_user_id() is not null
   and (agency.has_any_role(array['finance', 'leadership', 'admin'])
        or (agency.has_role('pm')
            and exists (select 1 from agency.campaign_team tm
                        where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign_id
                          and tm.employee_id = agency.current_user_id() and tm.team_role = 'project_manager')));

do $$
begin
  if not exists (select from pg_roles where rolname = 'agency_links') then
    create role agency_links nologin;
  end if;
end
$$;

grant agency_links to current_user;
grant usage on schema agency, procure, finance_ppm, te, gear to agency_links;
grant select on agency.campaigns, agency.campaign_team, agency.employees, procure.project_quotes,
  finance_ppm.projects, te.expense_lines, gear.checkouts to agency_links;
-- Only the link columns: nothing else of a campaign, a project, an expense or a checkout.
grant update (procure_quote_id) on agency.campaigns to agency_links;
grant update (agency_campaign_id) on finance_ppm.projects, te.expense_lines, gear.checkouts to agency_links;

do $$
declare t text;
begin
  foreach t in array array['agency.campaigns', 'agency.campaign_team', 'agency.employees', 'procure.project_quotes',
                           'finance_ppm.projects', 'te.expense_lines', 'gear.checkouts'] loop
    execute format('drop policy if exists links_read on %s', t);
    execute format('create policy links_read on %s as permissive for select to agency_links using (true)', t);
  end loop;
  foreach t in array array['agency.campaigns', 'finance_ppm.projects', 'te.expense_lines', 'gear.checkouts'] loop
    execute format('drop policy if exists links_update on %s', t);
    execute format('create policy links_update on %s as permissive for update to agency_links using (true) with check (true)', t);
  end loop;
end
$$;

-- Links (p_linked) or unlinks one record of a neighbour to the campaign. Kinds: quote (the
-- campaign's procure_quote_id), ppm_project, expense, checkout (the record's agency_campaign_id).
-- A record linked to another campaign is not taken from it (unlink it there first: "no such
-- record" here); unlinking a record that is not linked to this campaign changes nothing. Spend is read live from
-- the lines, and the triggers of 017 judge the campaign's health and budget use again.
create or replace function agency.link_campaign_record(p_campaign_id uuid, p_kind text, p_record_id uuid, p_linked boolean)
returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  v_rows integer;
begin
  if tenant is null or p_campaign_id is null or p_record_id is null then
    raise exception 'No tenant, campaign or record' using errcode = '42501';
  end if;
  if not exists (select 1 from agency.campaigns c where c.tenant_id = tenant and c.id = p_campaign_id and c.deleted_at is null) then
    raise exception 'No such campaign' using errcode = 'P0002';
  end if;
  if not agency.may_link_campaign(p_campaign_id) then
    raise exception 'Only finance, leadership, admin and the campaign''s project manager link records to it' using errcode = '42501';
  end if;

  case p_kind
    when 'quote' then
      if p_linked then
        -- The foreign key (tenant_id, procure_quote_id) refuses a quote of another tenant.
        update agency.campaigns set procure_quote_id = p_record_id
        where tenant_id = tenant and id = p_campaign_id;
      else
        update agency.campaigns set procure_quote_id = null
        where tenant_id = tenant and id = p_campaign_id and procure_quote_id = p_record_id;
      end if;
      return;
    when 'ppm_project' then
      update finance_ppm.projects set agency_campaign_id = case when p_linked then p_campaign_id end
      where tenant_id = tenant and id = p_record_id and (case when p_linked then agency_campaign_id is null or agency_campaign_id = p_campaign_id
                 else agency_campaign_id = p_campaign_id end);
    when 'expense' then
      update te.expense_lines set agency_campaign_id = case when p_linked then p_campaign_id end
      where tenant_id = tenant and id = p_record_id and (case when p_linked then agency_campaign_id is null or agency_campaign_id = p_campaign_id
                 else agency_campaign_id = p_campaign_id end);
    when 'checkout' then
      update gear.checkouts set agency_campaign_id = case when p_linked then p_campaign_id end
      where tenant_id = tenant and id = p_record_id and (case when p_linked then agency_campaign_id is null or agency_campaign_id = p_campaign_id
                 else agency_campaign_id = p_campaign_id end);
    else
      raise exception 'Unknown kind of record: %', p_kind using errcode = '22023';
  end case;

  get diagnostics v_rows = row_count;
  if p_linked and v_rows = 0 then
    raise exception 'No such % in this agency', replace(p_kind, '_', ' ') using errcode = 'P0002';
  end if;
end
$fn$;

-- The neighbours' records of the tenant that may be linked to the campaign: those linked to no
-- campaign or to this one, matching the search (number, vendor, name, person, equipment, tag).
create or replace function agency.campaign_link_candidates(p_campaign_id uuid, p_kind text, p_search text default null, p_limit integer default 20)
returns table (record_id uuid, reference text, label text, detail text, record_date date, amount numeric, linked boolean)
language plpgsql stable security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  money constant boolean := agency.can_see_financials();
  pattern constant text := '%' || replace(replace(replace(coalesce(btrim(p_search), ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  lim constant integer := least(greatest(coalesce(p_limit, 20), 1), 100);
begin
  if tenant is null or not exists (select 1 from agency.campaigns c where c.tenant_id = tenant and c.id = p_campaign_id and c.deleted_at is null) then
    raise exception 'No such campaign' using errcode = 'P0002';
  end if;
  if not agency.may_link_campaign(p_campaign_id) then
    raise exception 'Only finance, leadership, admin and the campaign''s project manager link records to it' using errcode = '42501';
  end if;

  case p_kind
    when 'quote' then
      return query
      select q.id, q.quote_number, q.vendor_name, coalesce(q.description, '') || ' · ' || q.status, q.created_at::date,
             case when money then q.amount::numeric end,
             exists (select 1 from agency.campaigns c where c.tenant_id = tenant and c.id = p_campaign_id and c.procure_quote_id = q.id)
      from procure.project_quotes q
      where q.tenant_id = tenant and q.status <> 'rejected'
        and (q.quote_number ilike pattern or q.vendor_name ilike pattern or coalesce(q.description, '') ilike pattern)
      order by q.created_at desc, q.quote_number
      limit lim;
    when 'ppm_project' then
      return query
      select p.id, p.project_code, p.name, p.currency::text, p.created_at::date,
             case when money then p.budget_amount::numeric end, p.agency_campaign_id = p_campaign_id
      from finance_ppm.projects p
      where p.tenant_id = tenant and (p.agency_campaign_id is null or p.agency_campaign_id = p_campaign_id)
        and (p.project_code ilike pattern or p.name ilike pattern)
      order by p.project_code
      limit lim;
    when 'expense' then
      return query
      select e.id, e.category, coalesce(nullif(e.description, ''), e.category), emp.full_name || ' · ' || e.status, e.expense_date,
             case when money then e.amount::numeric end, e.agency_campaign_id = p_campaign_id
      from te.expense_lines e
      join agency.employees emp on emp.tenant_id = e.tenant_id and emp.id = e.employee_id
      where e.tenant_id = tenant and (e.agency_campaign_id is null or e.agency_campaign_id = p_campaign_id)
        and e.status <> 'rejected'
        and (coalesce(e.description, '') ilike pattern or e.category ilike pattern or emp.full_name ilike pattern)
      order by e.expense_date desc, e.id
      limit lim;
    when 'checkout' then
      return query
      select g.id, g.asset_tag, g.equipment_name, emp.full_name, g.checked_out_at::date,
             case when money then agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at) end,
             g.agency_campaign_id = p_campaign_id
      from gear.checkouts g
      join agency.employees emp on emp.tenant_id = g.tenant_id and emp.id = g.checked_out_by
      where g.tenant_id = tenant and (g.agency_campaign_id is null or g.agency_campaign_id = p_campaign_id)
        and (g.equipment_name ilike pattern or g.asset_tag ilike pattern or emp.full_name ilike pattern)
      order by g.checked_out_at desc, g.id
      limit lim;
    else
      raise exception 'Unknown kind of record: %', p_kind using errcode = '22023';
  end case;
end
$fn$;

-- Every record linked to the campaign, one row each, for those who may link or see the money:
-- kind, reference, label, category (expense category, quote status, ...), status, dates, person,
-- amount (NULL unless finance or leadership).
create or replace function agency.campaign_neighbour_lines(p_campaign_id uuid)
returns table (kind text, record_id uuid, reference text, label text, category text, status text,
               record_date date, due_date date, returned_date date, person_name text, amount numeric, currency text)
language plpgsql stable security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  money constant boolean := agency.can_see_financials();
begin
  if tenant is null or not exists (select 1 from agency.campaigns c where c.tenant_id = tenant and c.id = p_campaign_id and c.deleted_at is null) then
    raise exception 'No such campaign' using errcode = 'P0002';
  end if;
  if not (money or agency.may_link_campaign(p_campaign_id)) then
    raise exception 'Only finance, leadership, admin and the campaign''s project manager see its linked records' using errcode = '42501';
  end if;

  return query
  select 'quote'::text, q.id, q.quote_number, q.vendor_name, 'quote'::text, q.status, q.created_at::date, null::date, null::date,
         null::text, case when money then q.amount::numeric end, q.currency::text
  from agency.campaigns c
  join procure.project_quotes q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id
  where c.tenant_id = tenant and c.id = p_campaign_id
  union all
  select 'ppm_project', p.id, p.project_code, p.name, 'ppm_project', 'budget', p.created_at::date, null, null,
         null, case when money then p.budget_amount::numeric end, p.currency::text
  from finance_ppm.projects p
  where p.tenant_id = tenant and p.agency_campaign_id = p_campaign_id
  union all
  select 'expense', e.id, e.category, coalesce(nullif(e.description, ''), e.category), e.category, e.status, e.expense_date, null, null,
         emp.full_name, case when money then e.amount::numeric end, e.currency::text
  from te.expense_lines e
  join agency.employees emp on emp.tenant_id = e.tenant_id and emp.id = e.employee_id
  where e.tenant_id = tenant and e.agency_campaign_id = p_campaign_id
  union all
  select 'checkout', g.id, g.asset_tag, g.equipment_name, 'equipment',
         case when g.returned_at is not null then 'returned' when g.due_back_at < now() then 'overdue' else 'out' end,
         g.checked_out_at::date, g.due_back_at::date, g.returned_at::date,
         emp.full_name, case when money then agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at) end, null
  from gear.checkouts g
  join agency.employees emp on emp.tenant_id = g.tenant_id and emp.id = g.checked_out_by
  where g.tenant_id = tenant and g.agency_campaign_id = p_campaign_id
  order by 1, 7, 3;
end
$fn$;

grant create on schema agency to agency_links;
alter function agency.link_campaign_record(uuid, text, uuid, boolean) owner to agency_links;
alter function agency.campaign_link_candidates(uuid, text, text, integer) owner to agency_links;
alter function agency.campaign_neighbour_lines(uuid) owner to agency_links;
revoke create on schema agency from agency_links;
grant execute on function agency.may_link_campaign(uuid), agency.checkout_cost(numeric, timestamptz, timestamptz),
  agency.current_tenant_id(), agency.current_user_id(), agency.current_user_role(), agency.has_role(text),
  agency.has_any_role(text[]), agency.can_see_financials() to agency_links;
revoke execute on function agency.link_campaign_record(uuid, text, uuid, boolean),
  agency.campaign_link_candidates(uuid, text, text, integer), agency.campaign_neighbour_lines(uuid) from public;
grant execute on function agency.link_campaign_record(uuid, text, uuid, boolean),
  agency.campaign_link_candidates(uuid, text, text, integer), agency.campaign_neighbour_lines(uuid),
  agency.may_link_campaign(uuid) to agency_app;

-- ------------------------------------------------------------------ reconciliation
-- Campaigns with a PPM project: its budget (the sum of the projects linked) beside the campaign's
-- budget and spend (campaign_spend_totals, as the campaign page). Finance and leadership only.
create or replace function agency.ppm_reconciliation(p_campaign_id uuid default null)
returns table (campaign_id uuid, campaign_code text, campaign_name text, client_name text, status text, currency text,
               ppm_projects text, ppm_budget numeric, campaign_budget numeric, spend numeric,
               budget_difference numeric, spend_vs_ppm numeric, budgets_disagree boolean)
language sql stable set search_path = '' as $$
  select c.id, c.code, c.name, cl.name, c.status, c.currency::text,
         p.codes, p.budget, c.budget_amount::numeric, coalesce(s.spend, 0),
         p.budget - c.budget_amount, p.budget - coalesce(s.spend, 0),
         p.budget <> c.budget_amount
  from agency.campaigns c
  join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
  join lateral (
    select string_agg(pp.project_code, ', ' order by pp.project_code) as codes, sum(pp.budget_amount)::numeric as budget
    from finance_ppm.projects pp
    where pp.tenant_id = c.tenant_id and pp.agency_campaign_id = c.id) p on p.codes is not null
  left join lateral (
    select sum(t.spend) as spend from agency.campaign_spend_totals t
    where t.tenant_id = c.tenant_id and t.campaign_id = c.id) s on true
  where agency.can_see_financials()
    and c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
    and (p_campaign_id is null or c.id = p_campaign_id)
  order by (p.budget <> c.budget_amount) desc, abs(p.budget - c.budget_amount) desc, c.code
$$;

-- ------------------------------------------------------------------ the launcher's figures
-- Counted as the caller: each count is what row-level security lets the person see.
create or replace function agency.suite_counts()
returns table (open_quotes bigint, expenses_awaiting_approval bigint, gear_out bigint, gear_overdue bigint, ppm_projects_linked bigint)
language sql stable set search_path = '' as $$
  select (select count(*) from procure.project_quotes q where q.status in ('draft', 'submitted')),
         (select count(*) from te.expense_lines e where e.status = 'submitted'),
         (select count(*) from gear.checkouts g where g.returned_at is null),
         (select count(*) from gear.checkouts g where g.returned_at is null and g.due_back_at < pg_catalog.now()),
         (select count(*) from finance_ppm.projects p where p.agency_campaign_id is not null)
$$;

grant execute on function agency.ppm_reconciliation(uuid), agency.suite_counts() to agency_app;
grant select on agency.campaign_spend_totals, agency.v_campaign_overview to agency_app;

-- ------------------------------------------------------------------ equipment overdue
alter table agency.notifications add column if not exists checkout_id uuid;
alter table agency.notifications drop constraint if exists notifications_checkout_fkey;
alter table agency.notifications add constraint notifications_checkout_fkey
  foreign key (tenant_id, checkout_id) references gear.checkouts (tenant_id, id) on delete cascade;
create index if not exists notifications_checkout_idx on agency.notifications (tenant_id, checkout_id) where checkout_id is not null;
create unique index if not exists notifications_overdue_once on agency.notifications (tenant_id, recipient_id, checkout_id)
  where kind = 'equipment_overdue';
alter table agency.notifications drop constraint if exists notifications_kind_check;
alter table agency.notifications add constraint notifications_kind_check check (kind in (
  'budget_alert', 'timesheet_submitted', 'timesheet_approved', 'timesheet_rejected', 'timesheet_unlocked',
  'timesheet_signed_off', 'timesheet_reminder', 'artifact_review', 'artifact_mention', 'equipment_overdue'));
alter table agency.notifications drop constraint if exists notifications_timesheet_week_check;
alter table agency.notifications add constraint notifications_timesheet_week_check check (
  kind in ('budget_alert', 'equipment_overdue') or kind like 'artifact\_%' or week_start_date is not null);
alter table agency.notifications drop constraint if exists notifications_overdue_check;
alter table agency.notifications add constraint notifications_overdue_check check (
  kind <> 'equipment_overdue' or checkout_id is not null);

-- Tells the holder and the campaign's project managers of each checkout past due and not
-- returned, once per checkout and person; returns how many it told now. The system actor's.
create or replace function agency.raise_overdue_equipment_alerts() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v_raised integer;
begin
  if not agency.has_role('system') then
    return 0;
  end if;

  insert into agency.notifications (tenant_id, recipient_id, kind, campaign_id, checkout_id, title)
  with due as (
    select g.tenant_id, g.id as checkout_id, g.agency_campaign_id as campaign_id, g.checked_out_by,
           left(g.equipment_name, 150) || ' (' || left(g.asset_tag, 40) || ') was due back '
             || to_char(g.due_back_at at time zone 'UTC', 'YYYY-MM-DD') as title
    from gear.checkouts g
    where g.tenant_id = agency.current_tenant_id() and g.returned_at is null and g.due_back_at < pg_catalog.now()),
  recipients as (
    select d.tenant_id, d.checkout_id, d.campaign_id, d.title, d.checked_out_by as recipient_id from due d
    union
    select d.tenant_id, d.checkout_id, d.campaign_id, d.title, tm.employee_id
    from due d
    join agency.campaign_team tm on tm.tenant_id = d.tenant_id and tm.campaign_id = d.campaign_id
      and tm.team_role = 'project_manager')
  select r.tenant_id, r.recipient_id, 'equipment_overdue', r.campaign_id, r.checkout_id, 'Overdue: ' || r.title
  from recipients r
  join agency.employees e on e.tenant_id = r.tenant_id and e.id = r.recipient_id
  where e.active and e.deleted_at is null
  on conflict do nothing;

  get diagnostics v_raised = row_count;
  return v_raised;
end
$$;

grant execute on function agency.raise_overdue_equipment_alerts() to agency_app;
