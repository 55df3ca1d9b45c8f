-- 022 rate resolution (issue 13, rates). Until now an hour was priced at the person's own rate
-- (employee_rates) and nothing else: rate cards were never read, a client or a campaign could
-- not be sold at another rate, and only a change of employee_rates repriced the summaries.
--
-- Now:
--   client_rate_overrides, campaign_rate_overrides  bill rates per client and per campaign,
--                        optionally for one role (a card's role_name), effective-dated like
--                        the other rate tables; finance and leadership only, like them.
--   agency.rate_for(tenant, employee, campaign, day)  THE resolution: the bill rate of the
--                        campaign, else the client, else the person, else the person's card
--                        (the one employee_rates.rate_card_id names, its role's period on that
--                        day); the cost rate of the person, else the card; and where each came
--                        from. The summaries (keep_time_summaries, from 025), the live view
--                        (timesheet_costs, and so rebuild_time_summaries), the lookup screen and
--                        the correction preview all call it; nothing else prices an hour.
--                        A SQL-standard body with no SET clause, so the planner inlines it as a
--                        lateral subquery of indexed lookups (no call per entry; decision 011).
--   reprice_campaign_summaries  follows changes to cards and overrides too, and reprices only the
--                        days whose price a statement may have changed (both periods of a changed
--                        rate; the days gained or lost when only its dates move).
--   keep_rate_history    a rate's past is kept: a change that alters the price of a day before
--                        today is a correction, allowed to finance with a reason
--                        (app.audit_reason) only. agency.add_rate_period ends the period in force
--                        the day before the new one and inserts it; agency.correct_rate_period
--                        and agency.preview_rate_correction change a period, or tell what the
--                        change would do to the campaigns' revenue and cost.
--   one currency         a rate in another currency than tenants.default_currency is refused
--                        (constraint name rate_currency_is_tenant_currency); left out, it is the
--                        tenant's.
-- employee_rates.bill_rate and cost_rate may now be NULL: a person who bills (or costs) at their
-- card. Rate cards get no level column: role_name already holds whole job titles ("Senior
-- Designer"), and a level beside them would be a second name for the same card.

-- ------------------------------------------------------------------ overrides
create table if not exists agency.client_rate_overrides (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  -- NULL: every role on the client's campaigns; else only people whose card has this role.
  role_name text check (role_name is null or length(btrim(role_name)) between 1 and 100),
  bill_rate numeric(10,2) not null check (bill_rate >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  effective_from date not null,
  -- Exclusive; NULL while the rate is current.
  effective_to date,
  note text check (note is null or length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique nulls not distinct (tenant_id, client_id, role_name, effective_from),
  check (effective_to is null or effective_to > effective_from),
  foreign key (tenant_id, client_id) references agency.clients (tenant_id, id)
);

create table if not exists agency.campaign_rate_overrides (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  role_name text check (role_name is null or length(btrim(role_name)) between 1 and 100),
  bill_rate numeric(10,2) not null check (bill_rate >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  effective_from date not null,
  effective_to date,
  note text check (note is null or length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique nulls not distinct (tenant_id, campaign_id, role_name, effective_from),
  check (effective_to is null or effective_to > effective_from),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade
);

create index if not exists client_rate_overrides_lookup_idx
  on agency.client_rate_overrides (tenant_id, client_id, effective_from desc);
create index if not exists campaign_rate_overrides_lookup_idx
  on agency.campaign_rate_overrides (tenant_id, campaign_id, effective_from desc);
-- The card of a period, by id (the person's card) and by role on a day (rate_cards_role_idx, 003).
create index if not exists rate_cards_id_role_idx on agency.rate_cards (tenant_id, id) include (role_name);

do $$
declare t text;
begin
  foreach t in array array['client_rate_overrides', 'campaign_rate_overrides'] loop
    execute format('alter table agency.%I enable row level security', t);
    execute format('alter table agency.%I force row level security', t);
    execute format('drop policy if exists tenant_isolation on agency.%I', t);
    execute format('create policy tenant_isolation on agency.%I as restrictive for all
                    using (tenant_id = (select agency.current_tenant_id()))
                    with check (tenant_id = (select agency.current_tenant_id()))', t);
    -- Money: only finance and leadership, for reading as for writing, as the other rate tables.
    execute format('drop policy if exists rate_override_finance on agency.%I', t);
    execute format('create policy rate_override_finance on agency.%I for all
                    using ((select agency.has_any_role(array[''finance'', ''leadership''])))
                    with check ((select agency.has_any_role(array[''finance'', ''leadership''])))', t);
    execute format('drop policy if exists summaries_read on agency.%I', t);
    execute format('create policy summaries_read on agency.%I for select to agency_summaries using (true)', t);
    execute format('grant select, insert, update, delete on agency.%I to agency_app', t);
    execute format('grant select on agency.%I to agency_summaries', t);
    execute format('drop trigger if exists set_updated_at on agency.%I', t);
    execute format('create trigger set_updated_at before update on agency.%I
                    for each row execute function agency.update_updated_at_column()', t);
  end loop;
end
$$;

-- Who changed an override, when, from what to what, and why (020's audit trail).
drop trigger if exists audit_client_rate_overrides on agency.client_rate_overrides;
create trigger audit_client_rate_overrides after insert or update or delete on agency.client_rate_overrides for each row
  execute function agency.audit_change('client_rate_override');
drop trigger if exists audit_campaign_rate_overrides on agency.campaign_rate_overrides;
create trigger audit_campaign_rate_overrides after insert or update or delete on agency.campaign_rate_overrides for each row
  execute function agency.audit_change('campaign_rate_override');

-- The summaries price with the cards now (a person's card, and overrides for a role).
drop policy if exists summaries_read on agency.rate_cards;
create policy summaries_read on agency.rate_cards for select to agency_summaries using (true);
grant select on agency.rate_cards to agency_summaries;

-- A person may bill or cost at their card: the person's own figure is optional, the row is not
-- empty (it names a card, or carries a figure).
alter table agency.employee_rates alter column bill_rate drop not null;
alter table agency.employee_rates alter column cost_rate drop not null;
alter table agency.employee_rates drop constraint if exists employee_rates_rate_or_card;
alter table agency.employee_rates add constraint employee_rates_rate_or_card
  check (bill_rate is not null or cost_rate is not null or rate_card_id is not null);

-- ------------------------------------------------------------------ one currency
-- Left out, a rate is in the tenant's currency (filled by the trigger below, before NOT NULL is
-- checked); 003's 'USD' default would be wrong for any other agency.
alter table agency.rate_cards alter column currency drop default;
alter table agency.employee_rates alter column currency drop default;

create or replace function agency.check_rate_currency() returns trigger
language plpgsql set search_path = '' as $$
declare
  tenant_currency char(3);
begin
  select t.default_currency into tenant_currency from agency.tenants t where t.id = new.tenant_id;
  new.currency := coalesce(new.currency, tenant_currency);
  if tenant_currency is not null and new.currency is distinct from tenant_currency then
    raise exception 'Rates are kept in %, the agency''s currency: % is not accepted.', tenant_currency, new.currency
      using errcode = '23514', constraint = 'rate_currency_is_tenant_currency', column = 'currency',
            schema = tg_table_schema, table = tg_table_name;
  end if;
  return new;
end
$$;

-- ------------------------------------------------------------------ periods
-- The columns that name whose rate a row is; a period follows the one before it per key.
create or replace function agency.rate_key_columns(p_table text) returns text[]
language sql immutable parallel safe
return case p_table
         when 'employee_rates' then array['employee_id']
         when 'rate_cards' then array['role_name']
         when 'client_rate_overrides' then array['client_id', 'role_name']
         when 'campaign_rate_overrides' then array['campaign_id', 'role_name'] end;

-- Two periods of one key never overlap (no exclusion constraint: btree_gist is not assumed).
-- Writers of one key take turns (an advisory lock per key), so two at once cannot both pass.
create or replace function agency.check_rate_periods() returns trigger
language plpgsql set search_path = '' as $$
declare
  same constant text := (select string_agg(format('x.%1$I is not distinct from ($1).%1$I', k), ' and ')
                         from unnest(agency.rate_key_columns(tg_table_name)) k);
  key_text text;
  clash uuid;
begin
  execute format('select concat_ws(''|'', %s)',
                 (select string_agg(format('($1).%I', k), ', ') from unnest(agency.rate_key_columns(tg_table_name)) k))
    into key_text using new;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext(tg_table_name || '|' || new.tenant_id || '|' || key_text));
  execute format(
    'select x.id from agency.%I x where x.tenant_id = ($1).tenant_id and x.id <> ($1).id and %s
       and x.effective_from < coalesce(($1).effective_to, ''infinity'') and ($1).effective_from < coalesce(x.effective_to, ''infinity'')
     limit 1', tg_table_name, same)
    into clash using new;
  if clash is not null then
    raise exception 'Another period of this rate covers some of these days: end it first, or add the new rate as a period from a date.'
      using errcode = '23P01', constraint = 'rate_periods_do_not_overlap', schema = tg_table_schema, table = tg_table_name;
  end if;
  return new;
end
$$;

-- The past is kept. A change that alters the price of a day before today (a period added,
-- removed or changed there, or its ends moved across such days) is a correction: finance only,
-- with a reason in app.audit_reason, which the audit log records. Sessions without an agency
-- role (the owner's and the bulk loader's) are not people correcting anything. A row of another
-- tenant is left to row-level security, whose refusal says more.
create or replace function agency.keep_rate_history() returns trigger
language plpgsql set search_path = '' as $$
declare
  today constant date := current_date;
  bookkeeping constant text[] := array['effective_from', 'effective_to', 'created_at', 'updated_at', 'created_by', 'updated_by', 'note'];
  touches_past boolean;
begin
  if agency.current_user_role() is null
     or coalesce(new.tenant_id, old.tenant_id) is distinct from agency.current_tenant_id() then
    return coalesce(new, old);
  end if;
  if tg_op = 'INSERT' then
    touches_past := new.effective_from < today;
  elsif tg_op = 'DELETE' then
    touches_past := old.effective_from < today;
  elsif (to_jsonb(old) - bookkeeping) is distinct from (to_jsonb(new) - bookkeeping) then
    touches_past := least(old.effective_from, new.effective_from) < today;
  else
    touches_past := (old.effective_from <> new.effective_from and least(old.effective_from, new.effective_from) < today)
                 or (old.effective_to is distinct from new.effective_to
                     and least(coalesce(old.effective_to, 'infinity'), coalesce(new.effective_to, 'infinity')) < today);
  end if;

  if touches_past and not agency.has_role('finance') then
    raise exception 'This changes the rate of days before today, which only finance may correct. Add a new period from today instead.'
      using errcode = '42501', constraint = 'rate_history_is_kept', schema = tg_table_schema, table = tg_table_name;
  end if;
  if touches_past and nullif(btrim(pg_catalog.current_setting('app.audit_reason', true)), '') is null then
    raise exception 'A correction of days before today needs a reason.'
      using errcode = '42501', constraint = 'rate_correction_needs_reason', schema = tg_table_schema, table = tg_table_name;
  end if;
  return coalesce(new, old);
end
$$;

do $$
declare t text;
begin
  foreach t in array array['rate_cards', 'employee_rates', 'client_rate_overrides', 'campaign_rate_overrides'] loop
    execute format('drop trigger if exists check_currency on agency.%I', t);
    execute format('create trigger check_currency before insert or update of currency, tenant_id on agency.%I
                    for each row execute function agency.check_rate_currency()', t);
    execute format('drop trigger if exists check_periods on agency.%I', t);
    execute format('create trigger check_periods before insert or update on agency.%I
                    for each row execute function agency.check_rate_periods()', t);
    execute format('drop trigger if exists keep_history on agency.%I', t);
    execute format('create trigger keep_history before insert or update or delete on agency.%I
                    for each row execute function agency.keep_rate_history()', t);
  end loop;
end
$$;

-- A new rate from a day on: the period in force that day ends the day before (effective_to is
-- exclusive, so it is set to the day), and the new one runs until the next period, if one was
-- already planned, or open. A day before today makes it a correction (keep_rate_history).
-- p_period holds the key columns, the rates and effective_from; the caller's policies apply.
create or replace function agency.add_rate_period(p_table text, p_period jsonb) returns uuid
language plpgsql set search_path = '' as $$
declare
  keys constant text[] := agency.rate_key_columns(p_table);
  from_day constant date := (p_period ->> 'effective_from')::date;
  same text;
  columns text;
  next_from date;
  added uuid;
begin
  if keys is null then
    raise exception 'Not a rate table: %', p_table using errcode = '22023';
  end if;
  if from_day is null then
    raise exception 'A new rate needs the day it starts.'
      using errcode = '23502', column = 'effective_from', constraint = 'rate_period_needs_start';
  end if;
  same := (select string_agg(format('x.%1$I is not distinct from r.%1$I', k), ' and ') from unnest(keys) k);
  execute format('select min(x.effective_from) from agency.%1$I x, jsonb_populate_record(null::agency.%1$I, $1) r
                  where x.tenant_id = agency.current_tenant_id() and %2$s and x.effective_from >= $2', p_table, same)
    into next_from using p_period, from_day;
  if next_from = from_day then
    raise exception 'A period of this rate already starts on %: correct that period instead.', from_day
      using errcode = '23505', constraint = 'rate_period_starts_there', column = 'effective_from';
  end if;

  execute format('update agency.%1$I x set effective_to = $2
                  from jsonb_populate_record(null::agency.%1$I, $1) r
                  where x.tenant_id = agency.current_tenant_id() and %2$s
                    and x.effective_from < $2 and (x.effective_to is null or x.effective_to > $2)', p_table, same)
    using p_period, from_day;

  select string_agg(quote_ident(a.attname), ', ') into columns
  from pg_catalog.pg_attribute a
  where a.attrelid = ('agency.' || p_table)::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    and a.attname = any (array['id', 'employee_id', 'rate_card_id', 'role_name', 'client_id', 'campaign_id',
                               'bill_rate', 'cost_rate', 'currency', 'effective_from', 'note'])
    and (p_period ? a.attname or a.attname = 'currency');
  execute format('insert into agency.%1$I (%2$s, effective_to) select %2$s, $2 from jsonb_populate_record(null::agency.%1$I, $1)
                  returning id', p_table, columns)
    into added using p_period, next_from;
  return added;
end
$$;

-- The one statement that changes a period's rates or dates: used by the correction and, inside a
-- rolled-back block, by its preview. p_changes holds the new values (bill_rate, cost_rate,
-- effective_from, effective_to); what it leaves out stays.
create or replace function agency.change_rate_period(p_table text, p_id uuid, p_changes jsonb) returns boolean
language plpgsql set search_path = '' as $$
declare
  changed integer;
begin
  if agency.rate_key_columns(p_table) is null then
    raise exception 'Not a rate table: %', p_table using errcode = '22023';
  end if;
  execute format(
    'update agency.%1$I x set (%2$s) = (select %2$s from jsonb_populate_record(x, $2))
     where x.tenant_id = agency.current_tenant_id() and x.id = $1',
    p_table,
    case when p_table like '%overrides' then 'bill_rate, effective_from, effective_to'
         else 'bill_rate, cost_rate, effective_from, effective_to' end)
    using p_id, p_changes;
  get diagnostics changed = row_count;
  return changed = 1;
end
$$;

-- A correction: the change, recorded in the audit log as 'correct' with its reason.
create or replace function agency.correct_rate_period(p_table text, p_id uuid, p_changes jsonb, p_reason text) returns boolean
language plpgsql set search_path = '' as $$
begin
  perform pg_catalog.set_config('app.audit_action', 'correct', true);
  perform pg_catalog.set_config('app.audit_reason', coalesce(p_reason, ''), true);
  return agency.change_rate_period(p_table, p_id, p_changes);
end
$$;

-- What a correction would do: the change is made inside a block that is then rolled back, so the
-- summaries are repriced by the same trigger and the same resolution as a real correction would
-- be, and the campaigns' money read before and after. Finance only, as the correction is.
create or replace function agency.preview_rate_correction(p_table text, p_id uuid, p_changes jsonb)
returns table (campaign_count integer, revenue_change numeric, cost_change numeric)
language plpgsql set search_path = '' as $$
declare
  outcome jsonb;
begin
  begin
    create temporary table if not exists rate_preview_money (campaign_id uuid primary key, revenue numeric, labor_cost numeric)
      on commit drop;
    insert into pg_temp.rate_preview_money
    select m.campaign_id, sum(m.revenue), sum(m.labor_cost) from agency.campaign_week_money m group by m.campaign_id;
    perform pg_catalog.set_config('app.audit_reason', 'preview', true);
    if not agency.change_rate_period(p_table, p_id, p_changes) then
      raise exception 'No such rate period.' using errcode = '42501', constraint = 'rate_period_not_found';
    end if;
    select jsonb_build_object('n', count(*), 'revenue', coalesce(sum(d.revenue), 0), 'cost', coalesce(sum(d.cost), 0))
    into outcome
    from (
      select coalesce(a.revenue, 0) - coalesce(b.revenue, 0) as revenue, coalesce(a.labor_cost, 0) - coalesce(b.labor_cost, 0) as cost
      from (select m.campaign_id, sum(m.revenue) as revenue, sum(m.labor_cost) as labor_cost
            from agency.campaign_week_money m group by m.campaign_id) a
      full join pg_temp.rate_preview_money b using (campaign_id)) d
    where d.revenue <> 0 or d.cost <> 0;
    raise exception using errcode = 'WR001', detail = outcome::text;
  exception when sqlstate 'WR001' then
    get stacked diagnostics outcome = pg_exception_detail;
  end;
  return query select (outcome ->> 'n')::integer, (outcome ->> 'revenue')::numeric, (outcome ->> 'cost')::numeric;
end
$$;

-- ------------------------------------------------------------------ the resolution
-- Created through EXECUTE: a SQL-standard body (BEGIN ATOMIC) holds semicolons that the
-- migrator's client would split the file at; inside a dollar-quoted DO block it reaches the
-- server whole. The body binds its names at creation, so no SET search_path is needed, and
-- without one the planner inlines the function into the caller's query (decision 011).
do $do$
begin
  execute $ddl$
create or replace function agency.rate_for(p_tenant uuid, p_employee uuid, p_campaign uuid, p_day date)
returns table (bill_rate numeric, cost_rate numeric, bill_source text, bill_source_id uuid,
               cost_source text, cost_source_id uuid, role_name text)
language sql stable parallel safe
begin atomic
  select coalesce(cor.bill_rate, coa.bill_rate, clr.bill_rate, cla.bill_rate, er.bill_rate, rc.bill_rate),
         coalesce(er.cost_rate, rc.cost_rate),
         case when coalesce(cor.bill_rate, coa.bill_rate) is not null then 'campaign'
              when coalesce(clr.bill_rate, cla.bill_rate) is not null then 'client'
              when er.bill_rate is not null then 'person' when rc.bill_rate is not null then 'card' end,
         case when cor.bill_rate is not null then cor.id when coa.bill_rate is not null then coa.id
              when clr.bill_rate is not null then clr.id when cla.bill_rate is not null then cla.id
              when er.bill_rate is not null then er.id when rc.bill_rate is not null then rc.id end,
         case when er.cost_rate is not null then 'person' when rc.cost_rate is not null then 'card' end,
         case when er.cost_rate is not null then er.id when rc.cost_rate is not null then rc.id end,
         -- Evaluated only where a caller reads it (the lookup screen); pricing never does.
         (select c.role_name from agency.rate_cards c where c.tenant_id = p_tenant and c.id = er.rate_card_id)
  from (select 1) one
  -- The person's own period on the day. Periods of one key never overlap (check_rate_periods), so
  -- each lookup below finds at most one row and needs no sort.
  left join lateral (
    select r.id, r.bill_rate, r.cost_rate, r.rate_card_id
    from agency.employee_rates r
    where r.tenant_id = p_tenant and r.employee_id = p_employee
      and r.effective_from <= p_day and (r.effective_to is null or r.effective_to > p_day)
    limit 1) er on true
  -- Their card's role's period on the day, looked up only when the person's own period leaves a
  -- figure to the card (a condition on the outer row alone: the scan is skipped otherwise).
  left join lateral (
    select c.id, c.bill_rate, c.cost_rate
    from agency.rate_cards c
    where er.rate_card_id is not null and (er.bill_rate is null or er.cost_rate is null)
      and c.tenant_id = p_tenant
      and c.role_name = (select k.role_name from agency.rate_cards k where k.tenant_id = p_tenant and k.id = er.rate_card_id)
      and c.effective_from <= p_day and (c.effective_to is null or c.effective_to > p_day)
    limit 1) rc on true
  -- The campaign's bill rate for the person's card's role, then for everyone; the same for the
  -- client. Whether the table holds any override the caller may see is asked once per query (an
  -- uncorrelated subquery), so without overrides the lookups are skipped; the role and the
  -- campaign's client are read only for an override row found.
  left join lateral (
    select o.id, o.bill_rate
    from agency.campaign_rate_overrides o
    where (select exists (select from agency.campaign_rate_overrides))
      and o.tenant_id = p_tenant and o.campaign_id = p_campaign
      and o.effective_from <= p_day and (o.effective_to is null or o.effective_to > p_day)
      and o.role_name = (select k.role_name from agency.rate_cards k where k.tenant_id = p_tenant and k.id = er.rate_card_id)
    limit 1) cor on true
  left join lateral (
    select o.id, o.bill_rate
    from agency.campaign_rate_overrides o
    where (select exists (select from agency.campaign_rate_overrides))
      and o.tenant_id = p_tenant and o.campaign_id = p_campaign
      and o.effective_from <= p_day and (o.effective_to is null or o.effective_to > p_day)
      and o.role_name is null
    limit 1) coa on true
  left join lateral (
    select o.id, o.bill_rate
    from agency.client_rate_overrides o
    where (select exists (select from agency.client_rate_overrides))
      and o.tenant_id = p_tenant
      and o.client_id = (select p.client_id from agency.campaigns p where p.tenant_id = p_tenant and p.id = p_campaign)
      and o.effective_from <= p_day and (o.effective_to is null or o.effective_to > p_day)
      and o.role_name = (select k.role_name from agency.rate_cards k where k.tenant_id = p_tenant and k.id = er.rate_card_id)
    limit 1) clr on true
  left join lateral (
    select o.id, o.bill_rate
    from agency.client_rate_overrides o
    where (select exists (select from agency.client_rate_overrides))
      and o.tenant_id = p_tenant
      and o.client_id = (select p.client_id from agency.campaigns p where p.tenant_id = p_tenant and p.id = p_campaign)
      and o.effective_from <= p_day and (o.effective_to is null or o.effective_to > p_day)
      and o.role_name is null
    limit 1) cla on true;
end
$ddl$;
end
$do$;

grant execute on function agency.rate_for(uuid, uuid, uuid, date) to agency_app, agency_summaries;
grant execute on function agency.add_rate_period(text, jsonb), agency.change_rate_period(text, uuid, jsonb),
  agency.correct_rate_period(text, uuid, jsonb, text), agency.preview_rate_correction(text, uuid, jsonb) to agency_app;

-- ------------------------------------------------------------------ pricing with it
-- 006's view, the same columns: each entry priced by agency.rate_for.
create or replace view agency.timesheet_costs with (security_invoker = true) as
select t.tenant_id, t.id as entry_id, t.employee_id, t.campaign_id, t.phase_id, t.entry_date, t.week_start_date,
       t.hours, t.billable, t.status,
       case when t.billable then t.hours * r.bill_rate else 0 end as revenue,
       t.hours * r.cost_rate as labor_cost
from agency.timesheet_entries t
left join lateral agency.rate_for(t.tenant_id, t.employee_id, t.campaign_id, t.entry_date) r on true;

-- 011's repricing, for all four rate tables, over the days whose price a statement may have
-- changed: an added or removed period's days; for a changed one, both periods whole when its
-- rate or key changed, else only the days gained or lost at its ends. The buckets holding
-- entries of those days (for a card: of the people whose rate names a card of its role, while
-- it does; for a client: on its campaigns) are counted again, whole. The table lock first lets
-- entry writes under way finish (their additions land before the recount reads) and holds new
-- ones until this commits; rates change seldom, entries often.
create or replace function agency.reprice_campaign_summaries() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  key_column constant text := case tg_table_name when 'employee_rates' then 'employee_id' when 'rate_cards' then 'role_name'
                                                 when 'client_rate_overrides' then 'client_id' else 'campaign_id' end;
  bookkeeping constant text := $$array['effective_from', 'effective_to', 'created_at', 'updated_at', 'created_by', 'updated_by', 'note']$$;
  whole constant text := 'select %1$s.tenant_id, %1$s.%2$I::text as key, %1$s.effective_from as lo, '
                         'coalesce(%1$s.effective_to, ''infinity'') as hi from %3$s';
  changed constant text := case tg_op
    when 'INSERT' then format(whole, 'n', key_column, 'new_rows n')
    when 'DELETE' then format(whole, 'o', key_column, 'old_rows o')
    else format($q$
      select x.tenant_id, x.key, x.lo, x.hi
      from old_rows o
      join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      cross join lateral (select (to_jsonb(o) - %2$s) is distinct from (to_jsonb(n) - %2$s) as rate_changed) d
      cross join lateral (
        select o.tenant_id, o.%1$I::text, o.effective_from, coalesce(o.effective_to, 'infinity') where d.rate_changed
        union all
        select n.tenant_id, n.%1$I::text, n.effective_from, coalesce(n.effective_to, 'infinity') where d.rate_changed
        union all
        select n.tenant_id, n.%1$I::text, least(o.effective_from, n.effective_from), greatest(o.effective_from, n.effective_from)
        where not d.rate_changed and o.effective_from <> n.effective_from
        union all
        select n.tenant_id, n.%1$I::text, least(coalesce(o.effective_to, 'infinity'), coalesce(n.effective_to, 'infinity')),
               greatest(coalesce(o.effective_to, 'infinity'), coalesce(n.effective_to, 'infinity'))
        where not d.rate_changed and o.effective_to is distinct from n.effective_to) x (tenant_id, key, lo, hi)$q$,
      key_column, bookkeeping) end;
  priced_entries constant text := case tg_table_name
    when 'employee_rates' then
      'join agency.timesheet_entries t on t.tenant_id = $1 and t.employee_id = r.key::uuid
         and t.entry_date >= r.lo and t.entry_date < r.hi'
    when 'campaign_rate_overrides' then
      'join agency.timesheet_entries t on t.tenant_id = $1 and t.campaign_id = r.key::uuid
         and t.entry_date >= r.lo and t.entry_date < r.hi'
    when 'client_rate_overrides' then
      'join agency.campaigns p on p.tenant_id = $1 and p.client_id = r.key::uuid
       join agency.timesheet_entries t on t.tenant_id = $1 and t.campaign_id = p.id
         and t.entry_date >= r.lo and t.entry_date < r.hi'
    else
      'join agency.rate_cards rc on rc.tenant_id = $1 and rc.role_name = r.key
       join agency.employee_rates er on er.tenant_id = $1 and er.rate_card_id = rc.id
       join agency.timesheet_entries t on t.tenant_id = $1 and t.employee_id = er.employee_id
         and t.entry_date >= greatest(r.lo, er.effective_from) and t.entry_date < least(r.hi, coalesce(er.effective_to, ''infinity''))' end;
  buckets constant text := format($q$
      select distinct t.campaign_id, t.week_start_date, date_trunc('month', t.entry_date)::date as month_start_date
      from (%s) r
      %s
      where r.tenant_id = $1 and r.lo < r.hi$q$, changed, priced_entries);
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  repriced boolean;
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', changed) loop
    perform set_config('app.current_tenant', tenant::text, true);
    -- A tenant's first rates, or a reload, cover no entries yet: nothing to lock or count.
    execute format('select exists (%s)', buckets) into repriced using tenant;
    continue when not repriced;
    lock table agency.campaign_week_money in share row exclusive mode;
    execute format($q$
      insert into agency.campaign_week_money as s (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
      select $1, b.campaign_id, b.week_start_date, b.month_start_date, m.revenue, m.labor_cost
      from (%s) b
      -- Bucket by bucket, each reading its campaign's days by index (a join let the planner
      -- price every entry of the tenant and merge: 1 s for 408 buckets of 44,000 entries).
      cross join lateral (
        select coalesce(sum(c.revenue), 0) as revenue, coalesce(sum(c.labor_cost), 0) as labor_cost
        from agency.timesheet_costs c
        where c.tenant_id = $1 and c.campaign_id = b.campaign_id and c.week_start_date = b.week_start_date
          and c.entry_date >= greatest(b.week_start_date, b.month_start_date)
          and c.entry_date < least(b.week_start_date + 7, (b.month_start_date + interval '1 month')::date)) m
      on conflict (tenant_id, campaign_id, week_start_date, month_start_date) do update
        set revenue = excluded.revenue, labor_cost = excluded.labor_cost$q$, buckets)
      using tenant;
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$fn$;

-- Still owned by agency_summaries (CREATE OR REPLACE keeps the owner); said again, as 011 does.
-- keep_time_summaries prices with agency.rate_for from 025, restated over 023's version.
revoke execute on function agency.reprice_campaign_summaries() from public;

do $$
declare t text;
begin
  foreach t in array array['employee_rates', 'rate_cards', 'client_rate_overrides', 'campaign_rate_overrides'] loop
    execute format('drop trigger if exists reprice_summaries_insert on agency.%I', t);
    execute format('create trigger reprice_summaries_insert after insert on agency.%I
                    referencing new table as new_rows for each statement execute function agency.reprice_campaign_summaries()', t);
    execute format('drop trigger if exists reprice_summaries_update on agency.%I', t);
    execute format('create trigger reprice_summaries_update after update on agency.%I
                    referencing old table as old_rows new table as new_rows for each statement execute function agency.reprice_campaign_summaries()', t);
    execute format('drop trigger if exists reprice_summaries_delete on agency.%I', t);
    execute format('create trigger reprice_summaries_delete after delete on agency.%I
                    referencing old table as old_rows for each statement execute function agency.reprice_campaign_summaries()', t);
  end loop;
end
$$;
