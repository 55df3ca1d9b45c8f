--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: agency; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA agency;


ALTER SCHEMA agency OWNER TO workroom_owner;

--
-- Name: finance_ppm; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA finance_ppm;


ALTER SCHEMA finance_ppm OWNER TO workroom_owner;

--
-- Name: gear; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA gear;


ALTER SCHEMA gear OWNER TO workroom_owner;

--
-- Name: identity; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA identity;


ALTER SCHEMA identity OWNER TO workroom_owner;

--
-- Name: meta; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA meta;


ALTER SCHEMA meta OWNER TO workroom_owner;

--
-- Name: procure; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA procure;


ALTER SCHEMA procure OWNER TO workroom_owner;

--
-- Name: te; Type: SCHEMA; Schema: -; Owner: workroom_owner
--

CREATE SCHEMA te;


ALTER SCHEMA te OWNER TO workroom_owner;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: vector; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;


--
-- Name: EXTENSION vector; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION vector IS 'vector data type and ivfflat and hnsw access methods';


--
-- Name: add_default_artifact_templates(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.add_default_artifact_templates(p_tenant_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  previous text := current_setting('app.current_tenant', true);
begin
  if not exists (select from pg_catalog.pg_roles r where r.rolname = current_user and (r.rolbypassrls or r.rolsuper))
     and current_user <> (select t.tableowner from pg_catalog.pg_tables t where t.schemaname = 'agency' and t.tablename = 'artifact_templates') then
    raise exception 'only the maintenance role or the owner add an agency''s default templates' using errcode = '42501';
  end if;
  perform set_config('app.current_tenant', p_tenant_id::text, true);
  insert into agency.artifact_templates (tenant_id, artifact_type, name, description, content)
  values
    (p_tenant_id, 'brief', 'Creative brief', 'The problem, the audience, the one thing to say, and how we will know it worked.', $md$# Creative brief

## The problem
What is the business problem this work has to solve? One or two sentences.

## Audience
Who are we talking to? What do they think and do today?

## The single-minded proposition
The one thing we want them to take away.

## Reasons to believe
- 
- 

## Tone of voice

## Mandatories
- Logo, legal lines, product shots, accessibility needs

## Deliverables
| Item | Format | Channel | Due |
| --- | --- | --- | --- |
|  |  |  |  |

## Measures of success
- 

## Budget and timing
$md$),
    (p_tenant_id, 'script', 'Video script', 'A two-column script: what we see and what we hear, scene by scene.', $md$# Script: working title

**Length:** 30 s  
**Version:** draft

## Scene 1
| Vision | Audio |
| --- | --- |
| Open on … | VO: … |

## Scene 2
| Vision | Audio |
| --- | --- |
|  |  |

## End frame
| Vision | Audio |
| --- | --- |
| Logo and line | VO: … |

## Notes for production
- 
$md$),
    (p_tenant_id, 'deck', 'Deck outline', 'Slide by slide: the story of a presentation before anyone designs it.', $md$# Deck outline

## 1. Title
Client, project, date.

## 2. What you asked us
The brief in one slide.

## 3. What we found
- Insight
- Insight

## 4. The idea
One line, then the picture.

## 5. How it comes to life
- Channel by channel

## 6. Timeline and budget

## 7. Next steps
- [ ] Decision needed from the client
- [ ] 
$md$),
    (p_tenant_id, 'copy', 'Social copy', 'Posts per channel, with character counts, hashtags and the visual each goes with.', $md$# Social copy

**Campaign line:**  
**Launch date:**

## Instagram
- **Post 1:** copy here (max 2,200 characters)
  - Visual:
  - Hashtags:

## LinkedIn
- **Post 1:** copy here

## X
- **Post 1:** copy here (max 280 characters)

## Approvals
- [ ] Legal
- [ ] Client
$md$),
    (p_tenant_id, 'report', 'Post-mortem', 'What happened, what went well, what did not, and what we change next time.', $md$# Post-mortem

**Campaign:**  
**Date of the review:**  
**People present:**

## Summary
What we set out to do and what happened.

## Results against the brief
| Measure | Target | Result |
| --- | --- | --- |
|  |  |  |

## What went well
- 

## What did not
- 

## Budget and hours
Planned against actual, and why they differ.

## What we change next time
- [ ] 
$md$)
  on conflict (tenant_id, name) do nothing;
  perform set_config('app.current_tenant', coalesce(previous, ''), true);
end
$_$;


ALTER FUNCTION agency.add_default_artifact_templates(p_tenant_id uuid) OWNER TO workroom_owner;

--
-- Name: add_default_artifact_templates_to_new_tenant(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.add_default_artifact_templates_to_new_tenant() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform agency.add_default_artifact_templates(new.id);
  return null;
end
$$;


ALTER FUNCTION agency.add_default_artifact_templates_to_new_tenant() OWNER TO workroom_owner;

--
-- Name: add_rate_period(text, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.add_rate_period(p_table text, p_period jsonb) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION agency.add_rate_period(p_table text, p_period jsonb) OWNER TO workroom_owner;

--
-- Name: after_artifact_comment(); Type: FUNCTION; Schema: agency; Owner: agency_reviews
--

CREATE FUNCTION agency.after_artifact_comment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  tenant constant uuid := agency.current_tenant_id();
  body constant text := lower(new.body);
begin
  if tenant is null or tenant <> new.tenant_id or strpos(new.body, '@') = 0 then
    return null;
  end if;
  insert into agency.notifications (tenant_id, recipient_id, kind, artifact_id, campaign_id, title)
  select tenant, e.id, 'artifact_mention', a.id, a.campaign_id,
         left(format('%s mentioned you on "%s"', coalesce(w.full_name, 'Someone'), a.title), 300)
  from agency.artifacts a
  join agency.employees e on e.tenant_id = a.tenant_id
  left join agency.employees w on w.tenant_id = a.tenant_id and w.id = new.author_id
  where a.tenant_id = tenant and a.id = new.artifact_id
    and e.active and e.deleted_at is null and e.id <> new.author_id
    and strpos(body, '@' || lower(e.full_name)) > 0
    -- the whole name: not "@Ann" inside "@Anna"
    and body ~ ('@' || regexp_replace(lower(e.full_name), '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g') || '($|[^[:alnum:]_])')
    and agency.may_read_artifact_as(e.id, e.agency_role, a.owner_id, a.campaign_id);
  return null;
end
$_$;


ALTER FUNCTION agency.after_artifact_comment() OWNER TO agency_reviews;

--
-- Name: after_artifact_review(); Type: FUNCTION; Schema: agency; Owner: agency_reviews
--

CREATE FUNCTION agency.after_artifact_review() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
  me constant uuid := agency.current_user_id();
  v_step text;
  v_reason text := nullif(btrim(coalesce(current_setting('app.review_reason', true), '')), '');
  v_actor text;
begin
  if tenant is null or tenant <> new.tenant_id or new.status = old.status then
    return null;
  end if;
  v_step := agency.artifact_review_step(old.status, new.status, old.owner_id = me);
  if v_step is null then
    return null;
  end if;
  insert into agency.artifact_review_events (tenant_id, artifact_id, from_status, to_status, step, reason, actor_id)
  values (tenant, new.id, old.status, new.status, v_step,
          case when v_step in ('changes_requested', 'reopened') then coalesce(v_reason, 'No reason given') else v_reason end, me);

  select e.full_name into v_actor from agency.employees e where e.tenant_id = tenant and e.id = me;
  v_actor := coalesce(v_actor, 'Someone');
  if me is distinct from new.owner_id then
    insert into agency.notifications (tenant_id, recipient_id, kind, artifact_id, campaign_id, title)
    values (tenant, new.owner_id, 'artifact_review', new.id, new.campaign_id,
            left(case v_step
                   when 'submitted' then format('%s submitted "%s" for review', v_actor, new.title)
                   when 'approved' then format('%s approved "%s"', v_actor, new.title)
                   when 'changes_requested' then format('%s asked for changes to "%s": %s', v_actor, new.title, v_reason)
                   when 'reopened' then format('%s reopened "%s": %s', v_actor, new.title, v_reason)
                   when 'archived' then format('%s archived "%s"', v_actor, new.title)
                   else format('%s moved "%s" back to draft', v_actor, new.title)
                 end, 300));
  end if;
  if v_step = 'submitted' then
    -- Who will review it: the campaign's reviewers on its team, else leadership; never its owner or the submitter.
    insert into agency.notifications (tenant_id, recipient_id, kind, artifact_id, campaign_id, title)
    with team as (
      select distinct tm.employee_id as id
      from agency.campaign_team tm
      join agency.employees e on e.tenant_id = tm.tenant_id and e.id = tm.employee_id and e.active and e.deleted_at is null
      where tm.tenant_id = tenant and tm.campaign_id = new.campaign_id
        and tm.team_role in ('account_director', 'creative_director', 'project_manager')
        and tm.employee_id <> new.owner_id and tm.employee_id is distinct from me)
    select tenant, r.id, 'artifact_review', new.id, new.campaign_id,
           left(format('%s submitted "%s" for your review', v_actor, new.title), 300)
    from (select id from team
          union
          select e.id from agency.employees e
          where e.tenant_id = tenant and e.agency_role = 'leadership' and e.active and e.deleted_at is null
            and e.id <> new.owner_id and e.id is distinct from me and not exists (select 1 from team)) r;
  end if;
  return null;
end
$$;


ALTER FUNCTION agency.after_artifact_review() OWNER TO agency_reviews;

--
-- Name: after_time_status(); Type: FUNCTION; Schema: agency; Owner: agency_timesheets
--

CREATE FUNCTION agency.after_time_status() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
  me constant uuid := agency.current_user_id();
  signoff boolean;
  w record;
begin
  if tenant is null then
    return null;
  end if;
  select t.timesheet_finance_signoff into signoff from agency.tenants t where t.id = tenant;

  for w in
    select n.employee_id, n.week_start_date, n.status,
           max(n.rejection_reason) as reason, count(*) as entries, sum(n.hours) as hours
    from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    where n.tenant_id = tenant and n.status is distinct from o.status
    group by 1, 2, 3
  loop
    if w.status = 'approved' and not coalesce(signoff, false)
       and not exists (select 1 from agency.timesheet_entries t
                       where t.tenant_id = tenant and t.employee_id = w.employee_id
                         and t.week_start_date = w.week_start_date and t.status <> 'approved')
       and not exists (select 1 from agency.time_off_entries o
                       where o.tenant_id = tenant and o.employee_id = w.employee_id
                         and o.week_start_date = w.week_start_date and o.status <> 'approved') then
      insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, locked_at)
      values (tenant, w.employee_id, w.week_start_date, now())
      on conflict (tenant_id, employee_id, week_start_date) do update set locked_at = now(), updated_at = now()
        where k.locked_at is null;
    end if;

    -- The feed's step of the week (submitted or rejected; approvals it reads from the entries).
    if w.status = 'submitted' then
      insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, submitted_at)
      values (tenant, w.employee_id, w.week_start_date, now())
      on conflict (tenant_id, employee_id, week_start_date) do update set submitted_at = now(), updated_at = now();
    elsif w.status = 'rejected' then
      insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, rejected_at, rejected_by, rejection_reason)
      values (tenant, w.employee_id, w.week_start_date, now(), me, w.reason)
      on conflict (tenant_id, employee_id, week_start_date) do update
        set rejected_at = now(), rejected_by = excluded.rejected_by, rejection_reason = excluded.rejection_reason, updated_at = now();
    end if;

    if w.status in ('approved', 'rejected') then
      insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
      values (tenant, w.employee_id, 'timesheet_' || w.status, w.week_start_date,
              case w.status when 'approved' then format('%s h of your week of %s approved', w.hours, w.week_start_date)
                   else left(format('%s h of your week of %s rejected: %s', w.hours, w.week_start_date, w.reason), 300) end);
    elsif w.status = 'submitted' then
      -- To who will review it: the project managers of its campaigns, else leadership.
      insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
      select tenant, r.id, 'timesheet_submitted', w.week_start_date,
             left(format('%s submitted the week of %s', p.full_name, w.week_start_date), 300)
      from agency.employees p
      cross join lateral (
        select distinct tm.employee_id as id
        from agency.timesheet_entries t
        join agency.campaign_team tm on tm.tenant_id = t.tenant_id and tm.campaign_id = t.campaign_id
          and tm.team_role = 'project_manager'
        where t.tenant_id = tenant and t.employee_id = w.employee_id and t.week_start_date = w.week_start_date
          and t.status = 'submitted' and tm.employee_id <> w.employee_id
        union
        select e.id from agency.employees e
        where e.tenant_id = tenant and e.agency_role = 'leadership' and e.active and e.deleted_at is null
          and e.id <> w.employee_id
          and (tg_table_name = 'time_off_entries' or not exists (
                select 1 from agency.timesheet_entries t
                join agency.campaign_team tm on tm.tenant_id = t.tenant_id and tm.campaign_id = t.campaign_id
                  and tm.team_role = 'project_manager'
                where t.tenant_id = tenant and t.employee_id = w.employee_id and t.week_start_date = w.week_start_date
                  and t.status = 'submitted' and tm.employee_id <> w.employee_id))) r
      where p.tenant_id = tenant and p.id = w.employee_id;
    end if;
  end loop;
  return null;
end
$$;


ALTER FUNCTION agency.after_time_status() OWNER TO agency_timesheets;

--
-- Name: analytics_period(date, text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.analytics_period(p_monday date, p_grain text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN (p_grain = 'month'::text) THEN (date_trunc('month'::text, ((p_monday + 3))::timestamp with time zone))::date ELSE p_monday END;


ALTER FUNCTION agency.analytics_period(p_monday date, p_grain text) OWNER TO workroom_owner;

--
-- Name: analytics_profitability(date, date, text, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.analytics_profitability(p_from date, p_to date, p_dimension text DEFAULT 'client'::text, p_client uuid DEFAULT NULL::uuid) RETURNS TABLE(group_key text, group_label text, client_name text, campaign_count integer, total_hours numeric, billable_hours numeric, earned_value numeric, recognised_revenue numeric, labor_cost numeric, direct_cost numeric, cost numeric, margin numeric, margin_pct numeric, recognised_margin numeric, recognised_margin_pct numeric, budget numeric, spend_to_date numeric, projected_at_completion numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  -- The whole months inside the period: from the first month that starts on or after p_from to
  -- the last that ends on or before p_to. None: an empty range, and the weeks count it all.
  whole_from date := (date_trunc('month', p_from - 1) + interval '1 month')::date;
  whole_to date := (date_trunc('month', p_to + 1) - interval '1 day')::date;
  edges boolean;
  groups text;
begin
  if whole_from > whole_to then
    whole_from := p_to + 1;
    whole_to := p_to;
  end if;
  -- Weeks are read only when the period has edges outside whole months.
  edges := whole_from > p_from or whole_to < p_to;
  -- One statement per side, so that each call plans only the branch it runs (the other side's
  -- tables, policies and joins cost planning time even when a one-time filter drops them).
  if p_dimension in ('client', 'brand', 'campaign') then
    groups := $q$
  campaign_rows as (
    select c.id, c.client_id, c.brand_id, c.code, c.name, c.status, c.budget_type, c.budget_amount,
           c.start_date, c.end_date
    from agency.campaigns c
    where $3 in ('client', 'brand', 'campaign')
      and c.tenant_id = (select agency.current_tenant_id()) and c.deleted_at is null
      and ($4 is null or c.client_id = $4)),
  -- Whole months inside the period ($5 .. $6) from the month summaries; the period's edges from
  -- the week buckets (a bucket belongs to the day it starts: greatest(week, month)).
  hours as (
    select x.campaign_id, sum(x.total_hours) as total_hours, sum(x.billable_hours) as billable_hours
    from (select m.campaign_id, m.total_hours, m.billable_hours
          from agency.campaign_month_hours m
          where $3 in ('client', 'brand', 'campaign')
            and m.tenant_id = (select agency.current_tenant_id())
            and m.month_start_date between $5 and $6
          union all
          select h.campaign_id, h.total_hours, h.billable_hours
          from agency.campaign_week_hours h
          where $3 in ('client', 'brand', 'campaign') and $7
            and h.tenant_id = (select agency.current_tenant_id())
            and h.week_start_date between $1 - 6 and $2
            and (h.week_start_date < $5 or h.week_start_date > $6 - 7)
            and greatest(h.week_start_date, h.month_start_date) between $1 and $2
            and (greatest(h.week_start_date, h.month_start_date) < $5
                 or greatest(h.week_start_date, h.month_start_date) > $6)) x
    group by 1),
  money as (
    select x.campaign_id, sum(x.revenue) as earned, sum(x.labor_cost) as labor
    from (select m.campaign_id, m.revenue, m.labor_cost
          from agency.campaign_month_money m
          where $3 in ('client', 'brand', 'campaign')
            and m.tenant_id = (select agency.current_tenant_id())
            and m.month_start_date between $5 and $6
          union all
          select w.campaign_id, w.revenue, w.labor_cost
          from agency.campaign_week_money w
          where $3 in ('client', 'brand', 'campaign') and $7
            and w.tenant_id = (select agency.current_tenant_id())
            and w.week_start_date between $1 - 6 and $2
            and (w.week_start_date < $5 or w.week_start_date > $6 - 7)
            and greatest(w.week_start_date, w.month_start_date) between $1 and $2
            and (greatest(w.week_start_date, w.month_start_date) < $5
                 or greatest(w.week_start_date, w.month_start_date) > $6)) x
    group by 1),
  direct as (
    select l.campaign_id, sum(l.amount) as amount
    from agency.campaign_cost_lines l
    where $3 in ('client', 'brand', 'campaign')
      and l.tenant_id = (select agency.current_tenant_id()) and l.cost_date between $1 and $2
    group by 1),
  per_campaign as (
    select c.*, coalesce(h.total_hours, 0) as total_hours, coalesce(h.billable_hours, 0) as billable_hours,
           coalesce(m.earned, 0) as earned, coalesce(m.labor, 0) as labor, coalesce(d.amount, 0) as direct,
           case when c.budget_type in ('fixed_fee', 'retainer')
                then agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, $2)
                     - agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, $1 - 1)
                else coalesce(m.earned, 0) end as recognised
    from campaign_rows c
    left join hours h on h.campaign_id = c.id
    left join money m on m.campaign_id = c.id
    left join direct d on d.campaign_id = c.id
    where h.campaign_id is not null or m.campaign_id is not null or d.campaign_id is not null
       or (c.start_date <= $2 and c.end_date >= $1 and c.status <> 'cancelled')),
  with_life as (
    select p.*, coalesce(s.spend, 0) as spend,
           agency.projected_at_completion(coalesce(s.spend, 0), p.start_date, p.end_date, p.status) as projected
    from per_campaign p
    left join lateral (
      select t.spend from agency.campaign_spend_totals t
      where t.tenant_id = (select agency.current_tenant_id()) and t.campaign_id = p.id) s on true),
  by_campaign as (
    select case $3 when 'client' then p.client_id::text
                            when 'brand' then coalesce(p.brand_id::text, 'client:' || p.client_id::text)
                            else p.id::text end as group_key,
           case $3 when 'client' then cl.name
                            when 'brand' then coalesce(b.name, cl.name || ' (no brand)')
                            else p.code || ' ' || p.name end as group_label,
           cl.name as client_name, p.*
    from with_life p
    join agency.clients cl on cl.tenant_id = (select agency.current_tenant_id()) and cl.id = p.client_id
    left join agency.brands b on b.tenant_id = (select agency.current_tenant_id()) and b.id = p.brand_id),
  campaign_groups as (
    select g.group_key, min(g.group_label) as group_label, min(g.client_name) as client_name, count(*)::int as campaign_count,
           sum(g.total_hours) as total_hours, sum(g.billable_hours) as billable_hours,
           sum(g.earned) as earned, sum(g.recognised) as recognised, sum(g.labor) as labor, sum(g.direct) as direct,
           sum(g.budget_amount) filter (where g.status <> 'cancelled') as budget, sum(g.spend) as spend,
           sum(g.projected) as projected
    from by_campaign g
    group by g.group_key),
  all_groups as (select * from campaign_groups)$q$;
  else
    groups := $q$
  entries as (
    select t.employee_id, sum(t.hours) as total_hours, coalesce(sum(t.hours) filter (where t.billable), 0) as billable_hours,
           coalesce(sum(t.revenue), 0) as earned, coalesce(sum(t.labor_cost), 0) as labor
    from agency.timesheet_costs t
    where $3 in ('department', 'person')
      and t.tenant_id = (select agency.current_tenant_id())
      and t.entry_date between $1 - 6 and $2
      and greatest(t.week_start_date, date_trunc('month', t.entry_date)::date) between $1 and $2
      and ($4 is null or exists (select from agency.campaigns c
                                       where c.tenant_id = t.tenant_id and c.id = t.campaign_id and c.client_id = $4))
    group by 1),
  person_direct as (
    select l.employee_id, sum(l.amount) as amount
    from agency.campaign_cost_lines l
    where $3 in ('department', 'person')
      and l.tenant_id = (select agency.current_tenant_id()) and l.employee_id is not null
      and l.cost_date between $1 and $2
      and ($4 is null or exists (select from agency.campaigns c
                                       where c.tenant_id = l.tenant_id and c.id = l.campaign_id and c.client_id = $4))
    group by 1),
  person_rows as (
    select coalesce(x.employee_id, d.employee_id) as employee_id,
           coalesce(x.total_hours, 0) as total_hours, coalesce(x.billable_hours, 0) as billable_hours,
           coalesce(x.earned, 0) as earned, coalesce(x.labor, 0) as labor, coalesce(d.amount, 0) as direct
    from entries x
    full join person_direct d on d.employee_id = x.employee_id),
  person_groups as (
    select case $3 when 'department' then coalesce(e.department, '') else e.id::text end as group_key,
           min(case $3 when 'department' then coalesce(nullif(e.department, ''), '(no department)') else e.full_name end) as group_label,
           null::text as client_name, null::int as campaign_count,
           sum(r.total_hours) as total_hours, sum(r.billable_hours) as billable_hours,
           sum(r.earned) as earned, null::numeric as recognised, sum(r.labor) as labor, sum(r.direct) as direct,
           null::numeric as budget, null::numeric as spend, null::numeric as projected
    from person_rows r
    join agency.employees e on e.tenant_id = (select agency.current_tenant_id()) and e.id = r.employee_id
    group by 1),
  all_groups as (select * from person_groups)$q$;
  end if;

  return query execute 'with ' || groups || $q$,
  shown as (select (select agency.can_see_financials()) as money)
  select g.group_key, g.group_label, g.client_name, g.campaign_count, g.total_hours, g.billable_hours,
         case when s.money then g.earned end,
         case when s.money then g.recognised end,
         case when s.money then g.labor end,
         case when s.money then g.direct end,
         case when s.money then g.labor + g.direct end,
         case when s.money then g.earned - g.labor - g.direct end,
         case when s.money and g.earned > 0 then round((g.earned - g.labor - g.direct) / g.earned, 4) end,
         case when s.money then g.recognised - g.labor - g.direct end,
         case when s.money and g.recognised > 0 then round((g.recognised - g.labor - g.direct) / g.recognised, 4) end,
         g.budget,
         case when s.money then g.spend end,
         case when s.money then g.projected end
  from all_groups g, shown s
  order by g.group_label, g.group_key
  $q$ using p_from, p_to, p_dimension, p_client, whole_from, whole_to, edges;
end
$_$;


ALTER FUNCTION agency.analytics_profitability(p_from date, p_to date, p_dimension text, p_client uuid) OWNER TO workroom_owner;

--
-- Name: analytics_utilization(date, date, text, text, text, text, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.analytics_utilization(p_from date, p_to date, p_grain text DEFAULT 'week'::text, p_group text DEFAULT 'person'::text, p_department text DEFAULT NULL::text, p_role text DEFAULT NULL::text, p_employee uuid DEFAULT NULL::uuid) RETURNS TABLE(group_key text, group_label text, department text, agency_role text, period_start date, people integer, capacity_hours numeric, total_hours numeric, billable_hours numeric, target_hours numeric, utilization_pct numeric, billable_utilization_pct numeric, target_pct numeric)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with weeks as (
    -- The weeks whose Thursday falls in the period: from the week of p_from + 3 days to the week
    -- of p_to - 3 days.
    select w::date as monday, agency.analytics_period(w::date, p_grain) as period_start,
           date_trunc('month', w::date + 3)::date as target_month
    from generate_series((p_from + 3) - (extract(isodow from p_from + 3)::int - 1),
                         (p_to - 3) - (extract(isodow from p_to - 3)::int - 1), interval '7 days') w),
  people as (
    select e.id, e.full_name, coalesce(e.department, '') as department, e.agency_role, e.active
    from agency.employees e
    where e.tenant_id = (select agency.current_tenant_id()) and e.deleted_at is null
      and ((select agency.sees_all_timesheets()) or e.id = (select agency.current_user_id()))
      and (p_department is null or coalesce(e.department, '') = p_department)
      and (p_role is null or e.agency_role = p_role)
      and (p_employee is null or e.id = p_employee)),
  capacity as (
    select k.employee_id, k.week_start_date, k.capacity_hours
    from agency.weekly_capacities((select agency.current_tenant_id()),
                                  (p_from + 3) - (extract(isodow from p_from + 3)::int - 1),
                                  (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)) k),
  time_off as (
    select o.employee_id, o.week_start_date, sum(o.hours) as hours
    from agency.time_off_entries o
    where o.tenant_id = (select agency.current_tenant_id()) and o.status = 'approved'
      and o.week_start_date between (p_from + 3) - (extract(isodow from p_from + 3)::int - 1)
                                and (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)
    group by 1, 2),
  logged as (
    select h.employee_id, h.week_start_date, h.total_hours, h.billable_hours
    from agency.employee_week_hours h
    where (select agency.sees_all_timesheets()) and h.tenant_id = (select agency.current_tenant_id())
      and h.week_start_date between (p_from + 3) - (extract(isodow from p_from + 3)::int - 1)
                                and (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)
    union all
    select t.employee_id, t.week_start_date, sum(t.hours), coalesce(sum(t.hours) filter (where t.billable), 0)
    from agency.timesheet_entries t
    where not (select agency.sees_all_timesheets()) and t.tenant_id = (select agency.current_tenant_id())
      and t.employee_id = (select agency.current_user_id())
      and t.week_start_date between (p_from + 3) - (extract(isodow from p_from + 3)::int - 1)
                                and (p_to - 3) - (extract(isodow from p_to - 3)::int - 1)
    group by 1, 2),
  targets as materialized (
    -- Once per person and month, not per week, and materialized so that the call is not pulled up
    -- into the sums below (it was: three calls per person-week, 860 ms for a quarter at x20). The
    -- function is a lookup, never inlined.
    select x.id, x.target_month, agency.utilization_target_for(x.id, x.target_month) as target
    from (select distinct p.id, w.target_month from people p cross join (select distinct target_month from weeks) w) x),
  cells as (
    select p.id, p.full_name, p.department, p.agency_role, w.period_start,
           agency.net_capacity(coalesce(c.capacity_hours, 0), o.hours) as capacity,
           coalesce(l.total_hours, 0) as total, coalesce(l.billable_hours, 0) as billable, g.target
    from people p
    cross join weeks w
    left join capacity c on c.employee_id = p.id and c.week_start_date = w.monday
    left join time_off o on o.employee_id = p.id and o.week_start_date = w.monday
    left join logged l on l.employee_id = p.id and l.week_start_date = w.monday
    join targets g on g.id = p.id and g.target_month = w.target_month
    where p.active or l.total_hours > 0),
  keyed as (
    select case p_group when 'department' then c.department when 'role' then c.agency_role else c.id::text end as group_key,
           case p_group when 'department' then coalesce(nullif(c.department, ''), '(no department)')
                        when 'role' then c.agency_role else c.full_name end as group_label,
           c.*
    from cells c)
  select k.group_key, min(k.group_label),
         case when p_group in ('person', 'department') then min(k.department) end,
         case when p_group in ('person', 'role') then min(k.agency_role) end,
         k.period_start, count(distinct k.id)::int,
         sum(k.capacity), sum(k.total), sum(k.billable), round(sum(k.capacity * k.target), 2),
         round(sum(k.total) / nullif(sum(k.capacity), 0), 4),
         round(sum(k.billable) / nullif(sum(k.capacity), 0), 4),
         round(coalesce(sum(k.capacity * k.target) / nullif(sum(k.capacity), 0), avg(k.target)), 4)
  from keyed k
  group by k.group_key, k.period_start
  order by 2, k.period_start
$$;


ALTER FUNCTION agency.analytics_utilization(p_from date, p_to date, p_grain text, p_group text, p_department text, p_role text, p_employee uuid) OWNER TO workroom_owner;

--
-- Name: artifact_mention_candidates(uuid, text, integer); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.artifact_mention_candidates(p_artifact uuid, p_prefix text DEFAULT ''::text, p_limit integer DEFAULT 8) RETURNS TABLE(employee_id uuid, full_name text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select e.id, e.full_name
  from agency.artifacts a
  join agency.employees e on e.tenant_id = a.tenant_id
  where a.id = p_artifact and a.deleted_at is null
    and e.active and e.deleted_at is null and e.id is distinct from agency.current_user_id()
    and agency.may_read_artifact_as(e.id, e.agency_role, a.owner_id, a.campaign_id)
    and (coalesce(p_prefix, '') = ''
         or pg_catalog.starts_with(pg_catalog.lower(e.full_name), pg_catalog.lower(p_prefix))
         or pg_catalog.strpos(pg_catalog.lower(e.full_name), ' ' || pg_catalog.lower(p_prefix)) > 0)
  order by e.full_name, e.id
  limit least(greatest(coalesce(p_limit, 8), 1), 20)
$$;


ALTER FUNCTION agency.artifact_mention_candidates(p_artifact uuid, p_prefix text, p_limit integer) OWNER TO workroom_owner;

--
-- Name: artifact_review_allowed(text, uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.artifact_review_allowed(p_step text, p_owner uuid, p_campaign uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select agency.current_user_id() is not null and case p_step
    when 'submitted' then true
    when 'approved' then agency.may_review_artifact(p_owner, p_campaign)
    when 'changes_requested' then agency.may_review_artifact(p_owner, p_campaign)
    when 'withdrawn' then p_owner = agency.current_user_id()
    when 'reopened' then p_owner = agency.current_user_id() or agency.may_review_artifact(p_owner, p_campaign)
    when 'archived' then p_owner = agency.current_user_id() or agency.has_role('admin') or agency.may_review_artifact(p_owner, p_campaign)
    when 'unarchived' then p_owner = agency.current_user_id() or agency.has_role('admin') or agency.may_review_artifact(p_owner, p_campaign)
    else false
  end
$$;


ALTER FUNCTION agency.artifact_review_allowed(p_step text, p_owner uuid, p_campaign uuid) OWNER TO workroom_owner;

--
-- Name: artifact_review_options(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.artifact_review_options(p_artifact uuid) RETURNS TABLE(to_status text, step text, needs_reason boolean)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select t.to_status, s.step, s.step in ('changes_requested', 'reopened')
  from agency.artifacts a
  cross join (values ('in_review'), ('approved'), ('draft'), ('archived')) as t (to_status)
  cross join lateral (select agency.artifact_review_step(a.status, t.to_status, a.owner_id = agency.current_user_id()) as step) s
  where a.tenant_id = agency.current_tenant_id() and a.id = p_artifact and a.deleted_at is null
    and s.step is not null and agency.artifact_review_allowed(s.step, a.owner_id, a.campaign_id)
  order by case t.to_status when 'in_review' then 1 when 'approved' then 2 when 'draft' then 3 else 4 end
$$;


ALTER FUNCTION agency.artifact_review_options(p_artifact uuid) OWNER TO workroom_owner;

--
-- Name: artifact_review_step(text, text, boolean); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.artifact_review_step(p_from text, p_to text, p_by_owner boolean) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case
    when p_from = p_to then null
    when p_to = 'archived' then 'archived'
    when p_from = 'archived' and p_to = 'draft' then 'unarchived'
    when p_from = 'draft' and p_to = 'in_review' then 'submitted'
    when p_from = 'in_review' and p_to = 'approved' then 'approved'
    when p_from = 'in_review' and p_to = 'draft' then case when p_by_owner then 'withdrawn' else 'changes_requested' end
    when p_from = 'approved' and p_to = 'draft' then 'reopened'
  end
$$;


ALTER FUNCTION agency.artifact_review_step(p_from text, p_to text, p_by_owner boolean) OWNER TO workroom_owner;

--
-- Name: assign_placeholder(uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.assign_placeholder(p_placeholder uuid, p_employee uuid) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
  campaign uuid;
  weeks date[];
  hours numeric[];
  tentative boolean[];
  assigned integer;
begin
  select array_agg(a.week_start_date order by a.week_start_date), array_agg(a.hours order by a.week_start_date),
         array_agg(a.tentative order by a.week_start_date)
  into weeks, hours, tentative
  from agency.placeholder_allocations a
  where a.tenant_id = tenant and a.placeholder_id = p_placeholder;

  delete from agency.staffing_placeholders s where s.tenant_id = tenant and s.id = p_placeholder
  returning s.campaign_id into campaign;
  if campaign is null then
    if exists (select from agency.staffing_placeholders s where s.tenant_id = tenant and s.id = p_placeholder) then
      raise exception 'Only project managers, leadership and admins staff work.' using errcode = '42501';
    end if;
    raise exception 'That placeholder is no longer there: someone assigned or removed it.'
      using errcode = 'P0002', constraint = 'placeholder_gone';
  end if;

  insert into agency.team_allocations as l (tenant_id, employee_id, campaign_id, week_start_date, hours, tentative)
  select tenant, p_employee, campaign, w.week, w.hours, w.tentative
  from unnest(weeks, hours, tentative) as w (week, hours, tentative)
  on conflict (tenant_id, employee_id, campaign_id, week_start_date) do update
    set hours = least(l.hours + excluded.hours, 80), tentative = l.tentative and excluded.tentative;
  get diagnostics assigned = row_count;
  return assigned;
end
$$;


ALTER FUNCTION agency.assign_placeholder(p_placeholder uuid, p_employee uuid) OWNER TO workroom_owner;

--
-- Name: assistant_questions_per_minute(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.assistant_questions_per_minute() RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN 12;


ALTER FUNCTION agency.assistant_questions_per_minute() OWNER TO workroom_owner;

--
-- Name: assistant_rate_limit(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.assistant_rate_limit() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'public'
    AS $$
begin
  if new.role = 'user' and (
      select count(*) from agency.ai_messages m
      where m.tenant_id = new.tenant_id and m.created_by = agency.current_user_id() and m.role = 'user'
        and m.created_at > now() - interval '1 minute') >= agency.assistant_questions_per_minute() then
    raise exception 'too many questions: at most % a minute', agency.assistant_questions_per_minute()
      using errcode = '54000', hint = 'assistant_rate_limit';
  end if;
  return new;
end
$$;


ALTER FUNCTION agency.assistant_rate_limit() OWNER TO workroom_owner;

--
-- Name: assistant_resolve_names(text, real, integer); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.assistant_resolve_names(question text, min_score real DEFAULT 0.45, max_rows integer DEFAULT 8) RETURNS TABLE(kind text, id uuid, name text, score real)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select * from (
    select 'campaign'::text, c.id, c.name,
           greatest(word_similarity(lower(c.name), lower(question)),
                    case when position(lower(c.code) in lower(question)) > 0 then 1 else 0 end)::real
    from agency.campaigns c
    where c.deleted_at is null
    union all
    select 'client', k.id, k.name, word_similarity(lower(k.name), lower(question))
    from agency.clients k
    where k.deleted_at is null
    union all
    select 'person', e.id, e.full_name, word_similarity(lower(e.full_name), lower(question))
    from agency.employees e
    where e.deleted_at is null and e.active
  ) n (kind, id, name, score)
  where n.score >= min_score
  order by n.score desc, length(n.name) desc, n.name
  limit greatest(max_rows, 0)
$$;


ALTER FUNCTION agency.assistant_resolve_names(question text, min_score real, max_rows integer) OWNER TO workroom_owner;

--
-- Name: audit_change(); Type: FUNCTION; Schema: agency; Owner: agency_audit
--

CREATE FUNCTION agency.audit_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  bookkeeping constant text[] := array['created_at', 'updated_at', 'created_by', 'updated_by'];
  before_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - bookkeeping end;
  after_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - bookkeeping end;
  subject constant jsonb := coalesce(after_row, before_row);
begin
  if nullif(current_setting('app.current_role', true), '') is null then
    return null;
  end if;

  if tg_op = 'UPDATE' then
    select jsonb_object_agg(b.key, b.value), jsonb_object_agg(b.key, after_row -> b.key)
    into before_row, after_row
    from jsonb_each(before_row) b
    where after_row -> b.key is distinct from b.value;
    if before_row is null then
      return null;
    end if;
  end if;

  insert into agency.audit_log (tenant_id, entity, entity_id, action, reason, old_values, new_values)
  values ((subject ->> 'tenant_id')::uuid,
          coalesce(tg_argv[0], tg_table_name),
          (subject ->> 'id')::uuid,
          coalesce(nullif(current_setting('app.audit_action', true), ''), lower(tg_op)),
          nullif(btrim(current_setting('app.audit_reason', true)), ''),
          before_row, after_row);
  return null;
end
$$;


ALTER FUNCTION agency.audit_change() OWNER TO agency_audit;

--
-- Name: audit_time_sets(); Type: FUNCTION; Schema: agency; Owner: agency_audit
--

CREATE FUNCTION agency.audit_time_sets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  importing constant boolean := current_setting('app.timesheet_import', true) = 'on';
  v_action text := nullif(current_setting('app.audit_action', true), '');
  v_reason constant text := nullif(btrim(current_setting('app.audit_reason', true)), '');
begin
  if nullif(current_setting('app.current_role', true), '') is null then
    return null;
  end if;
  if importing then
    v_action := coalesce(v_action, 'import');
    if tg_op = 'DELETE' then
      insert into agency.audit_log (tenant_id, entity, action, reason, old_values)
      select o.tenant_id, tg_table_name, v_action, v_reason,
             jsonb_build_object('op', 'delete', 'employee_id', o.employee_id, 'week_start_date', o.week_start_date,
                                'entries', count(*), 'hours', sum(o.hours), 'ids', jsonb_agg(o.id order by o.id))
      from old_rows o group by o.tenant_id, o.employee_id, o.week_start_date;
    else
      insert into agency.audit_log (tenant_id, entity, action, reason, new_values)
      select n.tenant_id, tg_table_name, v_action, v_reason,
             jsonb_build_object('op', lower(tg_op), 'employee_id', n.employee_id, 'week_start_date', n.week_start_date,
                                'status', n.status, 'entries', count(*), 'hours', sum(n.hours),
                                'ids', jsonb_agg(n.id order by n.id))
      from new_rows n group by n.tenant_id, n.employee_id, n.week_start_date, n.status;
    end if;
    return null;
  end if;
  if tg_op <> 'UPDATE' then
    return null;
  end if;
  -- A review: submitted -> approved or rejected.
  insert into agency.audit_log (tenant_id, entity, action, reason, old_values, new_values)
  select n.tenant_id, tg_table_name, coalesce(v_action, case n.status when 'approved' then 'approve' else 'reject' end),
         coalesce(v_reason, max(n.rejection_reason)),
         jsonb_build_object('status', 'submitted'),
         jsonb_build_object('employee_id', n.employee_id, 'week_start_date', n.week_start_date, 'status', n.status,
                            'entries', count(*), 'hours', sum(n.hours), 'ids', jsonb_agg(n.id order by n.id))
  from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
  where o.status = 'submitted' and n.status in ('approved', 'rejected')
  group by n.tenant_id, n.employee_id, n.week_start_date, n.status;
  return null;
end
$$;


ALTER FUNCTION agency.audit_time_sets() OWNER TO agency_audit;

--
-- Name: begin_timesheet_import(text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.begin_timesheet_import(p_reason text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if not agency.has_role('admin') then
    raise exception 'only an admin may import time' using errcode = '42501';
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'an import needs a reason' using errcode = '23514';
  end if;
  perform pg_catalog.set_config('app.timesheet_import', 'on', true);
  perform pg_catalog.set_config('app.audit_action', 'import', true);
  perform pg_catalog.set_config('app.audit_reason', p_reason, true);
end
$$;


ALTER FUNCTION agency.begin_timesheet_import(p_reason text) OWNER TO workroom_owner;

--
-- Name: billable_from_campaign(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.billable_from_campaign() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  select c.billable_by_default into new.billable
  from agency.campaigns c where c.tenant_id = new.tenant_id and c.id = new.campaign_id;
  new.billable := coalesce(new.billable, true);
  return new;
end
$$;


ALTER FUNCTION agency.billable_from_campaign() OWNER TO workroom_owner;

--
-- Name: campaign_link_candidates(uuid, text, text, integer); Type: FUNCTION; Schema: agency; Owner: agency_links
--

CREATE FUNCTION agency.campaign_link_candidates(p_campaign_id uuid, p_kind text, p_search text DEFAULT NULL::text, p_limit integer DEFAULT 20) RETURNS TABLE(record_id uuid, reference text, label text, detail text, record_date date, amount numeric, linked boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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
$$;


ALTER FUNCTION agency.campaign_link_candidates(p_campaign_id uuid, p_kind text, p_search text, p_limit integer) OWNER TO agency_links;

--
-- Name: campaign_neighbour_lines(uuid); Type: FUNCTION; Schema: agency; Owner: agency_links
--

CREATE FUNCTION agency.campaign_neighbour_lines(p_campaign_id uuid) RETURNS TABLE(kind text, record_id uuid, reference text, label text, category text, status text, record_date date, due_date date, returned_date date, person_name text, amount numeric, currency text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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
$$;


ALTER FUNCTION agency.campaign_neighbour_lines(p_campaign_id uuid) OWNER TO agency_links;

--
-- Name: current_user_role(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.current_user_role() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN NULLIF(current_setting('app.current_role'::text, true), ''::text);


ALTER FUNCTION agency.current_user_role() OWNER TO workroom_owner;

--
-- Name: has_any_role(text[]); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.has_any_role(p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((agency.current_user_role() = ANY (p_roles)), false);


ALTER FUNCTION agency.has_any_role(p_roles text[]) OWNER TO workroom_owner;

--
-- Name: can_see_financials(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.can_see_financials() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]);


ALTER FUNCTION agency.can_see_financials() OWNER TO workroom_owner;

--
-- Name: capacity_change(numeric, numeric, date, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.capacity_change(p_hours numeric, p_previous numeric, p_from date, p_monday date) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (((p_hours - COALESCE(p_previous, (0)::numeric)) * (((p_monday + 5) - p_from))::numeric) / 5.0);


ALTER FUNCTION agency.capacity_change(p_hours numeric, p_previous numeric, p_from date, p_monday date) OWNER TO workroom_owner;

--
-- Name: capacity_forecast(date, integer, boolean); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.capacity_forecast(p_from date, p_months integer, p_include_tentative boolean DEFAULT true) RETURNS TABLE(month_start date, people integer, capacity_hours numeric, allocated_hours numeric, free_hours numeric, placeholder_hours numeric, sellable_hours numeric)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with parts as materialized (
    select * from agency.forecast_week_parts(p_from, p_months)),
  span as (
    select (select agency.current_tenant_id()) as tenant,
           min(p.week_start_date) as first_monday, max(p.week_start_date) as last_monday
    from parts p),
  people as (
    select e.id
    from agency.employees e, span s
    where e.tenant_id = s.tenant and e.active and e.deleted_at is null),
  -- A person-week's bookings (the kept bookings summary of 035: 12,000 rows at x20 read from its
  -- week index, where 034 summed 30,000 allocations) and approved time off.
  touched as (
    select x.employee_id, x.week_start_date, sum(x.time_off) as time_off, coalesce(sum(x.booked), 0) as booked
    from (
      select o.employee_id, o.week_start_date, o.hours as time_off, null::numeric as booked
      from span s
      join agency.time_off_entries o
        on o.tenant_id = s.tenant and o.week_start_date between s.first_monday and s.last_monday
      where o.status = 'approved'
      union all
      select b.employee_id, b.week_start_date, null, b.firm_hours + case when p_include_tentative then b.tentative_hours else 0 end
      from span s
      join agency.employee_week_bookings b
        on b.tenant_id = s.tenant and b.week_start_date between s.first_monday and s.last_monday) x
    group by 1, 2),
  -- Every active person's weeks in one pass (agency.weekly_capacities, inlined), each meeting its
  -- bookings and time off by one hash join.
  weekly as (
    select k.week_start_date, count(*) as people, sum(n.net) as net, sum(coalesce(t.booked, 0)) as booked,
           sum(greatest(n.net - coalesce(t.booked, 0), 0)) as free
    from span s
    cross join lateral agency.weekly_capacities(s.tenant, s.first_monday, s.last_monday) k
    join people p on p.id = k.employee_id
    left join touched t on t.employee_id = k.employee_id and t.week_start_date = k.week_start_date
    cross join lateral (select agency.net_capacity(k.capacity_hours, t.time_off) as net) n
    group by 1),
  placeholders as (
    select a.week_start_date, sum(a.hours) as hours
    from span s
    join agency.placeholder_allocations a
      on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
    where p_include_tentative or not a.tentative
    group by 1),
  months as (
    select p.month_start, max(coalesce(w.people, 0))::integer as people,
           sum(coalesce(w.net, 0) * p.share) as net, sum(coalesce(w.booked, 0) * p.share) as booked,
           sum(coalesce(w.free, 0) * p.share) as free, sum(coalesce(h.hours, 0) * p.share) as placeholder
    from parts p
    left join weekly w on w.week_start_date = p.week_start_date
    left join placeholders h on h.week_start_date = p.week_start_date
    group by p.month_start)
  select m.month_start, m.people, round(m.net, 2), round(m.booked, 2), round(m.free, 2), round(m.placeholder, 2),
         round(greatest(m.free - m.placeholder, 0), 2)
  from months m
  order by m.month_start
$$;


ALTER FUNCTION agency.capacity_forecast(p_from date, p_months integer, p_include_tentative boolean) OWNER TO workroom_owner;

--
-- Name: capacity_from_person(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.capacity_from_person() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    insert into agency.employee_capacity_periods (tenant_id, employee_id, effective_from, weekly_hours)
    select n.tenant_id, n.id, '-infinity', n.weekly_capacity_hours from new_rows n;
  else
    insert into agency.employee_capacity_periods as p (tenant_id, employee_id, effective_from, weekly_hours)
    select n.tenant_id, n.id, agency.current_week_start(), n.weekly_capacity_hours
    from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
    where n.weekly_capacity_hours is distinct from o.weekly_capacity_hours
      and not exists (
        select from agency.employee_capacity_periods q
        where q.tenant_id = n.tenant_id and q.employee_id = n.id and q.weekly_hours = n.weekly_capacity_hours
          and q.effective_from <= current_date and (q.effective_to is null or q.effective_to > current_date))
    on conflict (tenant_id, employee_id, effective_from) do update set weekly_hours = excluded.weekly_hours;
  end if;
  return null;
end
$$;


ALTER FUNCTION agency.capacity_from_person() OWNER TO workroom_owner;

--
-- Name: change_rate_period(text, uuid, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.change_rate_period(p_table text, p_id uuid, p_changes jsonb) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION agency.change_rate_period(p_table text, p_id uuid, p_changes jsonb) OWNER TO workroom_owner;

--
-- Name: check_artifact_comment(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.check_artifact_comment() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  me constant uuid := agency.current_user_id();
begin
  if not agency.time_rules_bind() then
    return new;
  end if;
  if (new.body, new.artifact_id, new.parent_comment_id, new.author_id, new.quote_text, new.quote_start, new.deleted_at)
       is distinct from (old.body, old.artifact_id, old.parent_comment_id, old.author_id, old.quote_text, old.quote_start, old.deleted_at)
     and old.author_id is distinct from me and not agency.has_role('admin') then
    raise exception 'Only its author changes a comment; anyone on the artifact may resolve or reopen it.'
      using errcode = '42501', constraint = 'artifact_comment_author';
  end if;
  if new.resolved is distinct from old.resolved then
    new.resolved_by := case when new.resolved then me end;
    new.resolved_at := case when new.resolved then now() end;
  elsif (new.resolved_by, new.resolved_at) is distinct from (old.resolved_by, old.resolved_at) then
    raise exception 'Who resolved a comment, and when, is kept by the database.'
      using errcode = '42501', constraint = 'artifact_comment_resolver';
  end if;
  return new;
end
$$;


ALTER FUNCTION agency.check_artifact_comment() OWNER TO workroom_owner;

--
-- Name: check_artifact_review(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.check_artifact_review() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_step text;
begin
  if not agency.time_rules_bind() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'A new artifact starts as a draft; review moves it on.'
        using errcode = '42501', constraint = 'artifact_review_step';
    end if;
    return new;
  end if;
  if new.status = old.status then
    return new;
  end if;
  v_step := agency.artifact_review_step(old.status, new.status, old.owner_id = agency.current_user_id());
  if v_step is null or not agency.artifact_review_allowed(v_step, old.owner_id, old.campaign_id) then
    raise exception 'You may not move this artifact from % to %.', replace(old.status, '_', ' '), replace(new.status, '_', ' ')
      using errcode = '42501', constraint = 'artifact_review_step';
  end if;
  if v_step in ('changes_requested', 'reopened')
     and nullif(btrim(coalesce(current_setting('app.review_reason', true), '')), '') is null then
    raise exception 'Say what should change.' using errcode = '23514', constraint = 'artifact_review_reason';
  end if;
  return new;
end
$$;


ALTER FUNCTION agency.check_artifact_review() OWNER TO workroom_owner;

--
-- Name: check_currency_change(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.check_currency_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if new.default_currency is distinct from old.default_currency
     and (exists (select from agency.rate_cards r where r.tenant_id = new.id)
          or exists (select from agency.employee_rates r where r.tenant_id = new.id)
          or exists (select from agency.client_rate_overrides r where r.tenant_id = new.id)
          or exists (select from agency.campaign_rate_overrides r where r.tenant_id = new.id)) then
    raise exception 'The agency has rates in %; amounts are never converted, so the currency changes only while there are none.',
                    old.default_currency
      using errcode = '23514', constraint = 'tenant_currency_kept_by_rates', column = 'default_currency',
            schema = tg_table_schema, table = tg_table_name;
  end if;
  return new;
end
$$;


ALTER FUNCTION agency.check_currency_change() OWNER TO agency_summaries;

--
-- Name: check_rate_currency(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.check_rate_currency() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.check_rate_currency() OWNER TO workroom_owner;

--
-- Name: check_rate_periods(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.check_rate_periods() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION agency.check_rate_periods() OWNER TO workroom_owner;

--
-- Name: check_time_entry(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.check_time_entry() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  entries constant boolean := tg_table_name = 'timesheet_entries';
  me uuid;
  tenant uuid;
  content_changed boolean := false;
  new_week date;
  v_locked boolean;
  v_campaign record;
  v_phase record;
  v_ahead integer;
  v_day_total numeric;
  v_reviewer boolean;
begin
  -- Who is bound (agency.time_rules_bind): the web app, a member of agency_app under row-level
  -- security. row_security_active is false for the owner-less bypass (BYPASSRLS, superuser).
  if not (pg_catalog.pg_has_role(current_user, 'agency_app', 'MEMBER') and pg_catalog.row_security_active(tg_relid)) then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  -- An admin's audited import (agency.time_import_active): the flag first, it is the cheap half.
  if pg_catalog.current_setting('app.timesheet_import', true) = 'on' and agency.has_role('admin') then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  me := agency.current_user_id();
  tenant := agency.current_tenant_id();

  -- A locked week refuses every change, whoever asks. A row that is not approved is itself a part
  -- of its week that is not approved, so only a kept lock can lock its week; an approved row's
  -- week takes the whole test (agency.week_locked).
  if tg_op in ('UPDATE', 'DELETE') then
    if old.status = 'approved' then
      v_locked := agency.week_locked(old.employee_id, old.week_start_date);
    else
      v_locked := exists (select 1 from agency.timesheet_weeks w
                          where w.tenant_id = tenant and w.employee_id = old.employee_id
                            and w.week_start_date = old.week_start_date and w.locked_at is not null);
    end if;
    if v_locked then
      raise exception 'The week of % is approved and locked; ask finance or leadership to unlock it.', old.week_start_date
        using errcode = '42501', constraint = 'timesheet_week_locked';
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    new_week := new.entry_date - (extract(isodow from new.entry_date)::integer - 1);
    if tg_op = 'INSERT' or new_week is distinct from old.week_start_date or new.employee_id is distinct from old.employee_id
       or old.status = 'approved' then
      -- agency.week_locked, inline (its plan kept by plpgsql; the function call cost 138 µs).
      select exists (select 1 from agency.timesheet_weeks w
                     where w.tenant_id = tenant and w.employee_id = new.employee_id
                       and w.week_start_date = new_week and w.locked_at is not null)
          or (exists (select 1 from agency.timesheet_entries t
                      where t.tenant_id = tenant and t.week_start_date = new_week
                        and t.employee_id = new.employee_id and t.status = 'approved')
              and not exists (select 1 from agency.timesheet_entries t
                              where t.tenant_id = tenant and t.week_start_date = new_week
                                and t.employee_id = new.employee_id and t.status <> 'approved')
              and not exists (select 1 from agency.time_off_entries o
                              where o.tenant_id = tenant and o.week_start_date = new_week
                                and o.employee_id = new.employee_id and o.status <> 'approved')
              and not coalesce((select x.timesheet_finance_signoff from agency.tenants x where x.id = tenant), false))
      into v_locked;
      if v_locked then
        raise exception 'The week of % is approved and locked; ask finance or leadership to unlock it.', new_week
          using errcode = '42501', constraint = 'timesheet_week_locked';
      end if;
    end if;
  end if;

  if tg_op = 'DELETE' then
    if old.employee_id is distinct from me then
      raise exception 'Only the person who logged time may delete it.' using errcode = '42501', constraint = 'timesheet_own_entries';
    end if;
    if old.status not in ('draft', 'rejected') then
      raise exception 'This time is % and cannot be deleted.', old.status using errcode = '42501', constraint = 'timesheet_entry_frozen';
    end if;
    return old;
  end if;

  if tg_op = 'INSERT' then
    if new.employee_id is distinct from me then
      raise exception 'Only the person themself may log their time.' using errcode = '42501', constraint = 'timesheet_own_entries';
    end if;
    if new.status <> 'draft' then
      raise exception 'New time starts as a draft.' using errcode = '42501', constraint = 'timesheet_status_transition';
    end if;
    new.submitted_at := null; new.approved_by := null; new.approved_at := null;
    new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null;
    content_changed := true;
  else
    if new.employee_id is distinct from old.employee_id or new.tenant_id is distinct from old.tenant_id
       or new.id is distinct from old.id then
      raise exception 'Time cannot be moved to another person.' using errcode = '42501', constraint = 'timesheet_own_entries';
    end if;
    content_changed := new.entry_date is distinct from old.entry_date or new.hours is distinct from old.hours
      or new.description is distinct from old.description;
    -- Separate branches: PL/pgSQL resolves a field only where the table has it.
    if entries then
      content_changed := content_changed or new.campaign_id is distinct from old.campaign_id
        or new.phase_id is distinct from old.phase_id or new.billable is distinct from old.billable;
    else
      content_changed := content_changed or new.kind is distinct from old.kind;
    end if;

    if content_changed then
      if old.employee_id is distinct from me then
        raise exception 'Only the person who logged time may change it; approvers approve or reject.'
          using errcode = '42501', constraint = 'timesheet_own_entries';
      end if;
      if old.status not in ('draft', 'rejected') or new.status not in ('draft', 'rejected', 'submitted') then
        raise exception 'This time is % and cannot be changed.', old.status using errcode = '42501', constraint = 'timesheet_entry_frozen';
      end if;
    end if;

    if new.status is distinct from old.status then
      if old.status in ('draft', 'rejected') and new.status = 'submitted' then
        if old.employee_id is distinct from me then
          raise exception 'Only the person may submit their time.' using errcode = '42501', constraint = 'timesheet_status_transition';
        end if;
        new.submitted_at := now();
        new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null;
      elsif old.status = 'submitted' and new.status = 'draft' then
        if old.employee_id is distinct from me then
          raise exception 'Only the person may withdraw their time.' using errcode = '42501', constraint = 'timesheet_status_transition';
        end if;
        new.submitted_at := null;
      elsif old.status = 'submitted' and new.status in ('approved', 'rejected') then
        -- agency.may_review_time, inline: leadership any, a project manager their campaigns, never their own.
        v_reviewer := me is not null and old.employee_id is distinct from me;
        if v_reviewer and not agency.has_role('leadership') then
          if entries then
            v_reviewer := agency.has_role('pm') and exists (
              select 1 from agency.campaign_team tm
              where tm.tenant_id = tenant and tm.campaign_id = old.campaign_id
                and tm.employee_id = me and tm.team_role = 'project_manager');
          else
            v_reviewer := false;
          end if;
        end if;
        if not v_reviewer then
          raise exception 'Only the campaign''s project manager or leadership may approve or reject this time, never their own.'
            using errcode = '42501', constraint = 'timesheet_approver';
        end if;
        if new.status = 'approved' then
          new.approved_by := me; new.approved_at := now();
          new.rejected_by := null; new.rejected_at := null; new.rejection_reason := null;
        else
          if coalesce(btrim(new.rejection_reason), '') = '' then
            raise exception 'Say why the time is rejected.' using errcode = '23514', constraint = 'timesheet_rejection_reason';
          end if;
          new.rejected_by := me; new.rejected_at := now();
          new.approved_by := null; new.approved_at := null;
        end if;
        return new;
      else
        raise exception 'Time cannot go from % to %.', old.status, new.status
          using errcode = '42501', constraint = 'timesheet_status_transition';
      end if;
    end if;

    -- What only a transition sets is not the caller's to write.
    if new.approved_by is distinct from old.approved_by or new.approved_at is distinct from old.approved_at
       or (new.status is not distinct from old.status
           and (new.submitted_at is distinct from old.submitted_at or new.rejected_by is distinct from old.rejected_by
                or new.rejected_at is distinct from old.rejected_at or new.rejection_reason is distinct from old.rejection_reason)) then
      raise exception 'Who approved or rejected time, and when, is set by approving or rejecting it.'
        using errcode = '42501', constraint = 'timesheet_status_transition';
    end if;
  end if;

  if not content_changed then
    return new;
  end if;

  -- The rules of a cell.
  if new.hours * 4 <> trunc(new.hours * 4) then
    raise exception 'Log time in quarter hours (0:15, 0:30, 0:45).' using errcode = '23514', constraint = 'timesheet_quarter_hours';
  end if;

  -- Work is logged up to today (or the tenant's days ahead); time off is booked ahead (a holiday next
  -- month), and stays a draft until its week is submitted with the rest of the week.
  if entries then
    select t.time_entry_days_ahead into v_ahead from agency.tenants t where t.id = tenant;
  end if;
  if entries and new.entry_date > current_date + coalesce(v_ahead, 0) then
    raise exception '%', case when coalesce(v_ahead, 0) = 0 then 'No time can be logged after today.'
                              else format('No time can be logged more than %s days ahead.', v_ahead) end
      using errcode = '23514', constraint = 'timesheet_days_ahead';
  end if;

  if entries then
    select c.name, c.status, c.start_date, c.end_date, c.deleted_at into v_campaign
    from agency.campaigns c where c.tenant_id = new.tenant_id and c.id = new.campaign_id;
    if not found then
      raise exception 'No such campaign.' using errcode = '23503', constraint = 'timesheet_entries_tenant_id_campaign_id_fkey';
    end if;
    if v_campaign.deleted_at is not null or v_campaign.status in ('completed', 'cancelled') then
      raise exception 'The campaign is closed; no time can be logged on it.' using errcode = '23514', constraint = 'timesheet_campaign_open';
    end if;
    if new.entry_date < v_campaign.start_date or new.entry_date > v_campaign.end_date then
      raise exception 'The campaign runs from % to %.', v_campaign.start_date, v_campaign.end_date
        using errcode = '23514', constraint = 'timesheet_campaign_dates';
    end if;
    -- Only campaigns the person may log to: on its team, or allocated to it (the grid's offer,
    -- now a rule). Asked when time comes onto a campaign, not for each change of its hours.
    if (tg_op = 'INSERT' or new.campaign_id is distinct from old.campaign_id)
       and not exists (select 1 from agency.campaign_team tm
                       where tm.tenant_id = tenant and tm.campaign_id = new.campaign_id and tm.employee_id = new.employee_id)
       and not exists (select 1 from agency.team_allocations a
                       where a.tenant_id = tenant and a.employee_id = new.employee_id and a.campaign_id = new.campaign_id) then
      raise exception 'You are not on the team of % nor allocated to it; ask its project manager to add you.', v_campaign.name
        using errcode = '42501', constraint = 'timesheet_campaign_member';
    end if;
    if new.phase_id is not null then
      select p.name, p.status, p.start_date, p.end_date into v_phase
      from agency.campaign_phases p where p.tenant_id = new.tenant_id and p.id = new.phase_id;
      if v_phase.status = 'completed' then
        raise exception 'The phase % is completed; no time can be logged on it.', v_phase.name
          using errcode = '23514', constraint = 'timesheet_phase_open';
      end if;
      if new.entry_date < v_phase.start_date or new.entry_date > v_phase.end_date then
        raise exception 'The phase % runs from % to %.', v_phase.name, v_phase.start_date, v_phase.end_date
          using errcode = '23514', constraint = 'timesheet_phase_dates';
      end if;
    end if;
  end if;

  -- 24 h a day across every row of the person: one writer per person and day at a time, so two
  -- transactions cannot each see room for the same hours. The sum is read after the lock, by a
  -- statement of its own, so it sees what the other committed (agency.day_hours, in one query).
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(
    'time/' || new.tenant_id::text || '/' || new.employee_id::text || '/' || new.entry_date::text, 0));
  select coalesce(sum(x.hours), 0) + new.hours into v_day_total
  from (select t.hours from agency.timesheet_entries t
        where t.tenant_id = tenant and t.employee_id = new.employee_id and t.week_start_date = new_week and t.entry_date = new.entry_date
          and t.id is distinct from new.id
        union all
        select o.hours from agency.time_off_entries o
        where o.tenant_id = tenant and o.employee_id = new.employee_id and o.week_start_date = new_week and o.entry_date = new.entry_date
          and o.id is distinct from new.id) x;
  if v_day_total > 24 then
    raise exception 'That makes % h on %; a day holds at most 24 h.', v_day_total, new.entry_date
      using errcode = '23514', constraint = 'timesheet_day_limit';
  end if;
  return new;
end
$$;


ALTER FUNCTION agency.check_time_entry() OWNER TO workroom_owner;

--
-- Name: checkout_days(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.checkout_days(p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (GREATEST((1)::numeric, ceil((EXTRACT(epoch FROM (COALESCE(p_returned_at, now()) - p_checked_out_at)) / (86400)::numeric))))::integer;


ALTER FUNCTION agency.checkout_days(p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) OWNER TO workroom_owner;

--
-- Name: checkout_cost(numeric, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.checkout_cost(p_daily_rate numeric, p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (p_daily_rate * (agency.checkout_days(p_checked_out_at, p_returned_at))::numeric);


ALTER FUNCTION agency.checkout_cost(p_daily_rate numeric, p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) OWNER TO workroom_owner;

--
-- Name: current_tenant_id(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (NULLIF(current_setting('app.current_tenant'::text, true), ''::text))::uuid;


ALTER FUNCTION agency.current_tenant_id() OWNER TO workroom_owner;

--
-- Name: current_user_id(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.current_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (NULLIF(current_setting('app.current_user_id'::text, true), ''::text))::uuid;


ALTER FUNCTION agency.current_user_id() OWNER TO workroom_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: jobs; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.jobs (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    status text DEFAULT 'queued'::text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    run_after timestamp with time zone DEFAULT now() NOT NULL,
    leased_until timestamp with time zone,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    subject_id uuid,
    progress_done integer,
    progress_total integer,
    CONSTRAINT jobs_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT jobs_kind_check CHECK ((kind ~ '^[a-z][a-z_]{0,62}$'::text)),
    CONSTRAINT jobs_progress_done_check CHECK ((progress_done >= 0)),
    CONSTRAINT jobs_progress_total_check CHECK ((progress_total >= 0)),
    CONSTRAINT jobs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'done'::text, 'failed'::text])))
);

ALTER TABLE ONLY agency.jobs FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.jobs OWNER TO workroom_owner;

--
-- Name: claim_jobs(text, integer, interval); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.claim_jobs(p_kind text, p_limit integer DEFAULT 1, p_lease interval DEFAULT '00:05:00'::interval) RETURNS SETOF agency.jobs
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  update agency.jobs j
  set status = 'failed', leased_until = null, last_error = coalesce(j.last_error, 'its worker stopped five times')
  where j.tenant_id = agency.current_tenant_id() and j.kind = p_kind
    and j.status = 'running' and j.leased_until < pg_catalog.now() and j.attempts >= 5;

  -- The jobs picked once, in a materialized CTE: as a plain IN (subquery ... LIMIT ... SKIP LOCKED)
  -- the planner may run the subquery again and lease more than p_limit (018 did; the knowledge
  -- worker saw two jobs for a limit of one while another worker held some rows).
  with picked as materialized (
    select q.id from agency.jobs q
    where q.tenant_id = agency.current_tenant_id() and q.kind = p_kind and q.run_after <= pg_catalog.now()
      and (q.status = 'queued' or q.status = 'running' and q.leased_until < pg_catalog.now() and q.attempts < 5)
      and (q.subject_id is null
           or not exists (select 1 from agency.jobs r
                          where r.tenant_id = q.tenant_id and r.kind = q.kind and r.subject_id = q.subject_id
                            and r.id <> q.id and r.status = 'running' and r.leased_until >= pg_catalog.now()))
    order by q.run_after, q.id
    limit greatest(p_limit, 0)
    for update skip locked)
  update agency.jobs j
  set status = 'running', attempts = j.attempts + 1, leased_until = pg_catalog.now() + p_lease
  from picked
  where j.tenant_id = agency.current_tenant_id() and j.id = picked.id
  returning j.*
$$;


ALTER FUNCTION agency.claim_jobs(p_kind text, p_limit integer, p_lease interval) OWNER TO workroom_owner;

--
-- Name: client_import_problems(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.client_import_problems(p_batch uuid) RETURNS TABLE(line_no integer, reason text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.client_import_problems(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: correct_rate_period(text, uuid, jsonb, text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.correct_rate_period(p_table text, p_id uuid, p_changes jsonb, p_reason text) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.set_config('app.audit_action', 'correct', true);
  perform pg_catalog.set_config('app.audit_reason', coalesce(p_reason, ''), true);
  return agency.change_rate_period(p_table, p_id, p_changes);
end
$$;


ALTER FUNCTION agency.correct_rate_period(p_table text, p_id uuid, p_changes jsonb, p_reason text) OWNER TO workroom_owner;

--
-- Name: create_artifact_version(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.create_artifact_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_author uuid := coalesce(agency.current_user_id(), new.updated_by);
  v_summary text := nullif(btrim(coalesce(current_setting('app.version_summary', true), '')), '');
  v_latest agency.artifact_versions;
begin
  if tg_op = 'INSERT' then
    insert into agency.artifact_versions (tenant_id, artifact_id, version_number, title, content, change_summary, created_by)
    values (new.tenant_id, new.id, new.current_version, new.title, new.content, coalesce(v_summary, 'Created'), new.created_by);
    return new;
  end if;

  new.current_version := old.current_version;
  if v_summary is null and new.title is not distinct from old.title and new.content is not distinct from old.content then
    return new;
  end if;

  if v_summary is null then
    select v.* into v_latest
    from agency.artifact_versions v
    where v.tenant_id = new.tenant_id and v.artifact_id = new.id and v.version_number = old.current_version;
    if v_latest.id is not null and v_latest.change_summary is null and v_latest.created_by = v_author
       and v_latest.created_at > now() - interval '10 minutes' then
      update agency.artifact_versions v set title = new.title, content = new.content
      where v.tenant_id = v_latest.tenant_id and v.id = v_latest.id;
      return new;
    end if;
  end if;

  new.current_version := old.current_version + 1;
  insert into agency.artifact_versions (tenant_id, artifact_id, version_number, title, content, change_summary, created_by)
  values (new.tenant_id, new.id, new.current_version, new.title, new.content, v_summary, v_author);
  return new;
end
$$;


ALTER FUNCTION agency.create_artifact_version() OWNER TO workroom_owner;

--
-- Name: current_week_start(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.current_week_start() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (CURRENT_DATE - ((EXTRACT(isodow FROM CURRENT_DATE))::integer - 1));


ALTER FUNCTION agency.current_week_start() OWNER TO workroom_owner;

--
-- Name: day_hours(uuid, date, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.day_hours(p_employee uuid, p_day date, p_except uuid) RETURNS numeric
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce((select sum(t.hours) from agency.timesheet_entries t
                   where t.tenant_id = agency.current_tenant_id() and t.employee_id = p_employee
                     and t.entry_date = p_day and t.id is distinct from p_except), 0)
       + coalesce((select sum(o.hours) from agency.time_off_entries o
                   where o.tenant_id = agency.current_tenant_id() and o.employee_id = p_employee
                     and o.entry_date = p_day and o.id is distinct from p_except), 0)
$$;


ALTER FUNCTION agency.day_hours(p_employee uuid, p_day date, p_except uuid) OWNER TO workroom_owner;

--
-- Name: enqueue_knowledge_index(text, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.enqueue_knowledge_index(p_kind text, p_subject uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  insert into agency.jobs (kind, subject_id, payload)
  select p_kind, p_subject, pg_catalog.jsonb_build_object('subject_id', p_subject)
  where p_kind in ('index_document', 'index_artifact')
    and agency.current_user_id() is not null
    and not exists (select 1 from agency.jobs j
                    where j.tenant_id = agency.current_tenant_id() and j.kind = p_kind and j.subject_id = p_subject
                      and j.status = 'queued' and j.attempts = 0);
  if found then
    perform pg_catalog.pg_notify('workroom_jobs', agency.current_tenant_id()::text);
  end if;
end
$$;


ALTER FUNCTION agency.enqueue_knowledge_index(p_kind text, p_subject uuid) OWNER TO workroom_owner;

--
-- Name: enqueue_knowledge_index_of_row(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.enqueue_knowledge_index_of_row() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform agency.enqueue_knowledge_index(tg_argv[0], new.id);
  return null;
end
$$;


ALTER FUNCTION agency.enqueue_knowledge_index_of_row() OWNER TO workroom_owner;

--
-- Name: fee_recognised_to(text, numeric, date, date, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.fee_recognised_to(p_budget_type text, p_budget numeric, p_start date, p_end date, p_day date) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN (p_budget_type = 'fixed_fee'::text) THEN round(((p_budget * (LEAST((((p_end - p_start) + 7) / 7), GREATEST(0, ((floor((((p_day - p_start))::numeric / 7.0)))::integer + 1))))::numeric) / ((((p_end - p_start) + 7) / 7))::numeric), 2) WHEN (p_budget_type = 'retainer'::text) THEN round(((p_budget * (CASE WHEN (p_day < p_start) THEN 0 ELSE LEAST((((((EXTRACT(year FROM p_end))::integer * 12) + (EXTRACT(month FROM p_end))::integer) - (((EXTRACT(year FROM p_start))::integer * 12) + (EXTRACT(month FROM p_start))::integer)) + 1), (((((EXTRACT(year FROM p_day))::integer * 12) + (EXTRACT(month FROM p_day))::integer) - (((EXTRACT(year FROM p_start))::integer * 12) + (EXTRACT(month FROM p_start))::integer)) + 1)) END)::numeric) / ((((((EXTRACT(year FROM p_end))::integer * 12) + (EXTRACT(month FROM p_end))::integer) - (((EXTRACT(year FROM p_start))::integer * 12) + (EXTRACT(month FROM p_start))::integer)) + 1))::numeric), 2) ELSE NULL::numeric END;


ALTER FUNCTION agency.fee_recognised_to(p_budget_type text, p_budget numeric, p_start date, p_end date, p_day date) OWNER TO workroom_owner;

--
-- Name: finish_job(uuid, timestamp with time zone, text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.finish_job(p_job uuid, p_leased_until timestamp with time zone, p_error text DEFAULT NULL::text) RETURNS text
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  update agency.jobs j
  set status = case when p_error is null then 'done' when j.attempts >= 5 then 'failed' else 'queued' end,
      last_error = left(p_error, 2000),
      leased_until = null,
      run_after = case when p_error is null then j.run_after
                       else pg_catalog.now() + pg_catalog.make_interval(mins => (2 ^ j.attempts)::integer) end
  where j.tenant_id = agency.current_tenant_id() and j.id = p_job and j.status = 'running' and j.leased_until = p_leased_until
  returning j.status
$$;


ALTER FUNCTION agency.finish_job(p_job uuid, p_leased_until timestamp with time zone, p_error text) OWNER TO workroom_owner;

--
-- Name: fold_week_summaries_into_months(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.fold_week_summaries_into_months() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  hours constant boolean := tg_table_name = 'campaign_week_hours';
  cols constant text := case when hours
                             then 'tenant_id, campaign_id, month_start_date, total_hours as a, billable_hours as b, entry_count as n'
                             else 'tenant_id, campaign_id, month_start_date, revenue as a, labor_cost as b, 0 as n' end;
  changes constant text := case tg_op
    when 'INSERT' then format('select %s, 1 as sign from new_rows', cols)
    when 'DELETE' then format('select %s, -1 as sign from old_rows', cols)
    else format('select %1$s, 1 as sign from new_rows union all select %1$s, -1 as sign from old_rows', cols) end;
  target constant text := case when hours then 'agency.campaign_month_hours' else 'agency.campaign_month_money' end;
  target_cols constant text := case when hours then 'total_hours, billable_hours, entry_count'
                                    else 'revenue, labor_cost' end;
  sums constant text := case when hours then 'sum(c.sign * c.a), sum(c.sign * c.b), sum(c.sign * c.n)::integer'
                             else 'sum(c.sign * c.a), sum(c.sign * c.b)' end;
  adds constant text := case when hours
    then 'total_hours = s.total_hours + excluded.total_hours, billable_hours = s.billable_hours + excluded.billable_hours,
          entry_count = s.entry_count + excluded.entry_count'
    else 'revenue = s.revenue + excluded.revenue, labor_cost = s.labor_cost + excluded.labor_cost' end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  gone_campaigns uuid[];
  gone_months date[];
  left_any boolean;
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', changes) loop
    perform set_config('app.current_tenant', tenant::text, true);

    if tg_op = 'DELETE' then
      execute format('select exists (select from agency.%I w where w.tenant_id = $1)', tg_table_name)
        into left_any using tenant;
      if not left_any then
        execute format('delete from %s where tenant_id = $1', target) using tenant;
        continue;
      end if;
    end if;

    execute format($q$
      with moved as (
        insert into %1$s as s (tenant_id, campaign_id, month_start_date, %2$s, bucket_count)
        select $1, c.campaign_id, c.month_start_date, %3$s, sum(c.sign)::integer
        from (%4$s) c
        where c.tenant_id = $1
        group by c.campaign_id, c.month_start_date
        on conflict (tenant_id, campaign_id, month_start_date) do update
          set %5$s, bucket_count = s.bucket_count + excluded.bucket_count
        returning s.campaign_id, s.month_start_date, s.bucket_count)
      select array_agg(m.campaign_id), array_agg(m.month_start_date) from moved m where m.bucket_count <= 0$q$,
      target, target_cols, sums, changes, adds)
      into gone_campaigns, gone_months
      using tenant;

    if gone_campaigns is not null then
      execute format($q$
        delete from %s s
        using unnest($2, $3) as g (campaign_id, month_start_date)
        where s.tenant_id = $1 and s.campaign_id = g.campaign_id and s.month_start_date = g.month_start_date
          and s.bucket_count <= 0$q$, target)
        using tenant, gone_campaigns, gone_months;
    end if;
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$_$;


ALTER FUNCTION agency.fold_week_summaries_into_months() OWNER TO agency_summaries;

--
-- Name: forecast_week_parts(date, integer); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.forecast_week_parts(p_from date, p_months integer) RETURNS TABLE(week_start_date date, month_start date, price_day date, share numeric)
    LANGUAGE sql STABLE ROWS 80
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with span as (
    select p_from as first_day,
           (date_trunc('month', p_from) + make_interval(months => greatest(p_months, 1)))::date as end_day,
           (select agency.current_tenant_id()) as tenant),
  -- Days on which a price may change: where any period of the four rate tables starts or ends
  -- (as far as the caller may read them; those who may not get no prices at all).
  rate_cuts as (
    select x.d
    from span s
    cross join lateral (
      select r.effective_from from agency.employee_rates r where r.tenant_id = s.tenant
      union select r.effective_to from agency.employee_rates r where r.tenant_id = s.tenant
      union select c.effective_from from agency.rate_cards c where c.tenant_id = s.tenant
      union select c.effective_to from agency.rate_cards c where c.tenant_id = s.tenant
      union select o.effective_from from agency.client_rate_overrides o where o.tenant_id = s.tenant
      union select o.effective_to from agency.client_rate_overrides o where o.tenant_id = s.tenant
      union select o.effective_from from agency.campaign_rate_overrides o where o.tenant_id = s.tenant
      union select o.effective_to from agency.campaign_rate_overrides o where o.tenant_id = s.tenant) x (d)
    where x.d > s.first_day and x.d < s.end_day),
  cuts as (
    select d, bool_or(rate_cut) as rate_cut
    from (select s.first_day as d, true as rate_cut from span s
          union all
          select r.d, true from rate_cuts r
          union all
          select g::date, false
          from span s, generate_series((date_trunc('month', s.first_day) + interval '1 month')::timestamp,
                                       (s.end_day - 1)::timestamp, interval '1 month') g) c
    group by d),
  intervals as (
    select c.d as lo, lead(c.d, 1, s.end_day) over (order by c.d) as hi,
           max(c.d) filter (where c.rate_cut) over (order by c.d) as price_day
    from cuts c, span s)
  select w.monday, date_trunc('month', i.lo)::date, i.price_day,
         -- Exact in tenths (a day is 0.2 of a week); a short numeric keeps the sums cheap.
         round((least(w.monday + 5, i.hi) - greatest(w.monday, i.lo)) / 5.0, 1)
  from span s
  cross join lateral generate_series((s.first_day - (extract(isodow from s.first_day)::integer - 1))::timestamp,
                                     (s.end_day - 1)::timestamp, interval '7 days') g
  cross join lateral (select g::date as monday) w
  join intervals i on i.lo < w.monday + 5 and i.hi > w.monday
$$;


ALTER FUNCTION agency.forecast_week_parts(p_from date, p_months integer) OWNER TO workroom_owner;

--
-- Name: get_campaign_equipment(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.get_campaign_equipment(p_campaign_id uuid) RETURNS TABLE(checkout_id uuid, equipment_name text, asset_tag text, checked_out_by uuid, checked_out_at timestamp with time zone, due_back_at timestamp with time zone, returned_at timestamp with time zone, days_out integer, equipment_cost numeric)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select g.id, g.equipment_name, g.asset_tag, g.checked_out_by, g.checked_out_at, g.due_back_at, g.returned_at,
         agency.checkout_days(g.checked_out_at, g.returned_at),
         case when agency.can_see_financials() then agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at) end
  from gear.checkouts g
  where g.tenant_id = agency.current_tenant_id()
    and g.agency_campaign_id = p_campaign_id
  order by g.checked_out_at
$$;


ALTER FUNCTION agency.get_campaign_equipment(p_campaign_id uuid) OWNER TO workroom_owner;

--
-- Name: get_campaign_expenses(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.get_campaign_expenses(p_campaign_id uuid) RETURNS TABLE(category text, line_count bigint, total_amount numeric, currency character, last_expense_date date)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.get_campaign_expenses(p_campaign_id uuid) OWNER TO workroom_owner;

--
-- Name: get_recent_activity(integer, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.get_recent_activity(p_limit integer DEFAULT 20, p_user_id uuid DEFAULT NULL::uuid) RETURNS TABLE(activity_type text, occurred_at timestamp with time zone, actor_id uuid, actor_name text, entity_type text, entity_id uuid, title text, detail text, campaign_id uuid)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  return query
  select x.activity_type, x.occurred_at, x.actor_id, e.full_name, x.entity_type, x.entity_id, x.title, x.detail, x.campaign_id
  from (
    (select case when v.version_number = 1 then 'artifact_created' else 'artifact_edited' end as activity_type,
            v.created_at as occurred_at, v.created_by as actor_id, 'artifact' as entity_type, a.id as entity_id,
            a.title, 'Version ' || v.version_number as detail, a.campaign_id
     from agency.artifact_versions v
     join agency.artifacts a on a.tenant_id = v.tenant_id and a.id = v.artifact_id
     where v.tenant_id = agency.current_tenant_id() and a.deleted_at is null
       and (p_user_id is null or v.created_by = p_user_id)
     order by v.created_at desc limit p_limit)
    union all
    (select 'comment_added', cm.created_at, cm.author_id, 'artifact', a.id, a.title, left(cm.body, 140), a.campaign_id
     from agency.artifact_comments cm
     join agency.artifacts a on a.tenant_id = cm.tenant_id and a.id = cm.artifact_id
     where cm.tenant_id = agency.current_tenant_id() and cm.deleted_at is null and a.deleted_at is null
       and (p_user_id is null or cm.author_id = p_user_id)
     order by cm.created_at desc limit p_limit)
    union all
    (select 'artifact_' || r.step, r.created_at, r.actor_id, 'artifact', a.id, a.title,
            left(upper(left(r.step, 1)) || replace(substr(r.step, 2), '_', ' ') || coalesce(': ' || r.reason, ''), 140), a.campaign_id
     from agency.artifact_review_events r
     join agency.artifacts a on a.tenant_id = r.tenant_id and a.id = r.artifact_id
     where r.tenant_id = agency.current_tenant_id() and a.deleted_at is null
       and (p_user_id is null or r.actor_id = p_user_id)
     order by r.created_at desc limit p_limit)
    union all
    (select 'timesheet_approved', r.approved_at, r.approved_by, 'timesheet', r.employee_id,
            'Week of ' || to_char(r.week_start_date, 'YYYY-MM-DD'), r.hours || ' h approved', null::uuid
     from agency.recent_timesheet_approvals(p_limit, p_user_id) r)
    union all
    (select 'timesheet_submitted', w.submitted_at, w.employee_id, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), 'Submitted for approval', null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.submitted_at is not null
       and (p_user_id is null or w.employee_id = p_user_id)
     order by w.submitted_at desc limit p_limit)
    union all
    (select 'timesheet_rejected', w.rejected_at, w.rejected_by, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), left('Rejected: ' || w.rejection_reason, 140), null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.rejected_at is not null
       and (p_user_id is null or w.rejected_by = p_user_id)
     order by w.rejected_at desc limit p_limit)
    union all
    (select 'timesheet_unlocked', w.unlocked_at, w.unlocked_by, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), left('Unlocked: ' || w.unlock_reason, 140), null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.unlocked_at is not null
       and (p_user_id is null or w.unlocked_by = p_user_id)
     order by w.unlocked_at desc limit p_limit)
    union all
    (select 'campaign_updated', c.updated_at, c.updated_by, 'campaign', c.id, c.name,
            'Status: ' || replace(c.status, '_', ' '), c.id
     from agency.campaigns c
     where c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
       and (p_user_id is null or c.updated_by = p_user_id)
     order by c.updated_at desc limit p_limit)
  ) x
  left join agency.employees e on e.tenant_id = agency.current_tenant_id() and e.id = x.actor_id
  order by x.occurred_at desc
  limit p_limit;
end
$$;


ALTER FUNCTION agency.get_recent_activity(p_limit integer, p_user_id uuid) OWNER TO workroom_owner;

--
-- Name: has_role(text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.has_role(p_role text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((agency.current_user_role() = p_role), false);


ALTER FUNCTION agency.has_role(p_role text) OWNER TO workroom_owner;

--
-- Name: image_type(bytea); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.image_type(p_head bytea) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN (SUBSTRING(p_head FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea) THEN 'image/png'::text WHEN (SUBSTRING(p_head FROM 1 FOR 3) = '\xffd8ff'::bytea) THEN 'image/jpeg'::text WHEN (SUBSTRING(p_head FROM 1 FOR 6) = ANY (ARRAY['\x474946383761'::bytea, '\x474946383961'::bytea])) THEN 'image/gif'::text WHEN ((SUBSTRING(p_head FROM 1 FOR 4) = '\x52494646'::bytea) AND (SUBSTRING(p_head FROM 9 FOR 4) = '\x57454250'::bytea)) THEN 'image/webp'::text ELSE NULL::text END;


ALTER FUNCTION agency.image_type(p_head bytea) OWNER TO workroom_owner;

--
-- Name: import_clients(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.import_clients(p_batch uuid) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.import_clients(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: import_free_code(text, text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.import_free_code(p_table text, p_name text) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION agency.import_free_code(p_table text, p_name text) OWNER TO workroom_owner;

--
-- Name: import_people(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.import_people(p_batch uuid) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.import_people(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: import_timesheets(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.import_timesheets(p_batch uuid) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.import_timesheets(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: invoice_lines(date, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.invoice_lines(p_from date, p_to date) RETURNS TABLE(client_id uuid, client_code text, client_name text, kind text, campaign_code text, campaign_name text, person text, role_name text, line_date date, description text, hours numeric, rate numeric, amount numeric, currency text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if not agency.can_see_financials() then
    raise exception 'the invoice export is for finance and leadership' using errcode = '42501';
  end if;
  if p_from is null or p_to is null or p_to < p_from then
    raise exception 'the period must end on or after its first day' using errcode = '22023';
  end if;

  return query
  select c.client_id, cl.code::text, cl.name::text, 'time'::text, c.code::text, c.name::text,
         e.full_name::text, r.role_name::text, null::date, null::text,
         sum(t.hours), r.bill_rate, sum(t.hours * r.bill_rate), c.currency::text
  from agency.timesheet_entries t
  join agency.campaigns c on c.tenant_id = t.tenant_id and c.id = t.campaign_id
  join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
  join agency.employees e on e.tenant_id = t.tenant_id and e.id = t.employee_id
  cross join lateral agency.rate_for(t.tenant_id, t.employee_id, t.campaign_id, t.entry_date) r
  where t.tenant_id = (select agency.current_tenant_id())
    and t.status = 'approved' and t.billable
    and t.entry_date between p_from and p_to
  group by c.client_id, cl.code, cl.name, c.code, c.name, c.currency, e.full_name, r.role_name, r.bill_rate
  union all
  select c.client_id, cl.code::text, cl.name::text, 'expense'::text, c.code::text, c.name::text,
         e.full_name::text, null::text, x.expense_date, concat_ws(': ', x.category, nullif(btrim(x.description), '')),
         null::numeric, null::numeric, x.amount::numeric, x.currency::text
  from te.expense_lines x
  join agency.campaigns c on c.tenant_id = x.tenant_id and c.id = x.agency_campaign_id
  join agency.clients cl on cl.tenant_id = c.tenant_id and cl.id = c.client_id
  join agency.employees e on e.tenant_id = x.tenant_id and e.id = x.employee_id
  where x.tenant_id = (select agency.current_tenant_id())
    and x.status in ('approved', 'reimbursed')
    and x.expense_date between p_from and p_to
  order by 3, 1, 4 desc, 5, 7, 9, 12;
end
$$;


ALTER FUNCTION agency.invoice_lines(p_from date, p_to date) OWNER TO workroom_owner;

--
-- Name: keep_campaign_health(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.keep_campaign_health() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  campaign_column constant text := case tg_table_name
    when 'campaign_week_money' then 'campaign_id'
    when 'campaigns' then 'id'
    else 'agency_campaign_id' end;
  touched text;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  campaigns uuid[];
begin
  if tg_table_name = 'project_quotes' then
    -- A quote counts through the campaigns that name it.
    touched := 'select c.tenant_id, c.id as campaign_id from agency.campaigns c join (select tenant_id, id from '
      || case tg_op when 'DELETE' then 'old_rows' else 'new_rows' end
      || ') q on q.tenant_id = c.tenant_id and q.id = c.procure_quote_id';
  else
    touched := case tg_op
      when 'INSERT' then format('select tenant_id, %I as campaign_id from new_rows', campaign_column)
      when 'DELETE' then format('select tenant_id, %I as campaign_id from old_rows', campaign_column)
      else format('select tenant_id, %1$I as campaign_id from new_rows union select tenant_id, %1$I from old_rows', campaign_column) end;
  end if;

  for tenant, campaigns in execute format(
    'select tenant_id, array_agg(distinct campaign_id) from (%s) t where campaign_id is not null group by tenant_id order by tenant_id',
    touched)
  loop
    perform set_config('app.current_tenant', tenant::text, true);
    perform agency.refresh_campaign_health(campaigns);
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$_$;


ALTER FUNCTION agency.keep_campaign_health() OWNER TO agency_summaries;

--
-- Name: keep_capacity_periods(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.keep_capacity_periods() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  tenants uuid[];
  people uuid[];
begin
  execute format(
    'select array_agg(tenant_id), array_agg(employee_id) from (select distinct tenant_id, employee_id from (%s) c) d',
    case tg_op when 'INSERT' then 'select tenant_id, employee_id from new_rows'
               when 'DELETE' then 'select tenant_id, employee_id from old_rows'
               else 'select tenant_id, employee_id from new_rows union all select tenant_id, employee_id from old_rows' end)
    into tenants, people;
  if tenants is null then
    return null;
  end if;

  update agency.employee_capacity_periods p
  set effective_to = n.next_from, previous_hours = n.previous_hours
  from (select q.tenant_id, q.id,
               lead(q.effective_from) over w as next_from, lag(q.weekly_hours) over w as previous_hours
        from agency.employee_capacity_periods q
        join unnest(tenants, people) as g (tenant_id, employee_id)
          on q.tenant_id = g.tenant_id and q.employee_id = g.employee_id
        window w as (partition by q.tenant_id, q.employee_id order by q.effective_from)) n
  where p.tenant_id = n.tenant_id and p.id = n.id
    and (p.effective_to is distinct from n.next_from or p.previous_hours is distinct from n.previous_hours);

  update agency.employees e
  set weekly_capacity_hours = p.weekly_hours
  from unnest(tenants, people) as g (tenant_id, employee_id), agency.employee_capacity_periods p
  where e.tenant_id = g.tenant_id and e.id = g.employee_id
    and p.tenant_id = e.tenant_id and p.employee_id = e.id
    and p.effective_from <= current_date and (p.effective_to is null or p.effective_to > current_date)
    and e.weekly_capacity_hours is distinct from p.weekly_hours;
  return null;
end
$$;


ALTER FUNCTION agency.keep_capacity_periods() OWNER TO workroom_owner;

--
-- Name: keep_knowledge_chunk_counts(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.keep_knowledge_chunk_counts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  changes constant text := case tg_op
    when 'INSERT' then 'select tenant_id, 1 as sign from new_rows'
    when 'DELETE' then 'select tenant_id, -1 as sign from old_rows'
    else 'select tenant_id, 1 as sign from new_rows union all select tenant_id, -1 from old_rows' end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  delta bigint;
begin
  if tg_op = 'TRUNCATE' then
    truncate agency.knowledge_chunk_counts;
    return null;
  end if;
  for tenant, delta in execute format('select tenant_id, sum(sign) from (%s) c group by tenant_id order by tenant_id', changes) loop
    continue when delta = 0;
    perform set_config('app.current_tenant', tenant::text, true);
    insert into agency.knowledge_chunk_counts as k (tenant_id, chunk_count) values (tenant, delta)
    on conflict (tenant_id) do update set chunk_count = k.chunk_count + excluded.chunk_count;
  end loop;
  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$$;


ALTER FUNCTION agency.keep_knowledge_chunk_counts() OWNER TO agency_summaries;

--
-- Name: keep_rate_history(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.keep_rate_history() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.keep_rate_history() OWNER TO workroom_owner;

--
-- Name: keep_submitted_parts(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.keep_submitted_parts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  cols constant text := 'tenant_id, employee_id, week_start_date, campaign_id, hours, submitted_at';
  added constant text := case when tg_op <> 'DELETE'
    then format('select %s, 1 as sign from new_rows where status = ''submitted''', cols) end;
  removed constant text := case when tg_op <> 'INSERT'
    then format('select %s, -1 as sign from old_rows where status = ''submitted''', cols) end;
  changes constant text := coalesce(added || ' union all ' || removed, added, removed);
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  gone_people uuid[];
  gone_weeks date[];
  gone_campaigns uuid[];
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', changes) loop
    perform set_config('app.current_tenant', tenant::text, true);
    execute format($q$
      with delta as (
        select employee_id, week_start_date, campaign_id, sum(sign)::integer as entries, sum(sign * hours) as hours,
               max(submitted_at) filter (where sign > 0) as submitted_at
        from (%s) c
        where tenant_id = $1
        group by employee_id, week_start_date, campaign_id
        having sum(sign) <> 0 or sum(sign * hours) <> 0
      ), kept as (
        insert into agency.timesheet_submitted_parts as p
          (tenant_id, employee_id, week_start_date, campaign_id, entries, hours, submitted_at)
        select $1, employee_id, week_start_date, campaign_id, entries, hours, submitted_at from delta
        on conflict (tenant_id, employee_id, week_start_date, campaign_id) do update
          set entries = p.entries + excluded.entries, hours = p.hours + excluded.hours,
              submitted_at = greatest(p.submitted_at, excluded.submitted_at)
        returning employee_id, week_start_date, campaign_id, entries
      )
      select array_agg(employee_id), array_agg(week_start_date), array_agg(campaign_id) from kept where entries <= 0
      $q$, changes)
      into gone_people, gone_weeks, gone_campaigns
      using tenant;
    if gone_people is not null then
      delete from agency.timesheet_submitted_parts p
      using unnest(gone_people, gone_weeks, gone_campaigns) as g(employee_id, week_start_date, campaign_id)
      where p.tenant_id = tenant and p.employee_id = g.employee_id and p.week_start_date = g.week_start_date
        and p.campaign_id = g.campaign_id and p.entries <= 0;
    end if;
  end loop;
  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$_$;


ALTER FUNCTION agency.keep_submitted_parts() OWNER TO agency_summaries;

--
-- Name: keep_time_summaries(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.keep_time_summaries() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET work_mem TO '128MB'
    AS $_$
declare
  entries constant boolean := tg_table_name = 'timesheet_entries';
  cols constant text := case when entries
                             then 'tenant_id, campaign_id, employee_id, entry_date, week_start_date, hours, billable'
                             else 'tenant_id, employee_id, week_start_date, hours' end;
  -- An update counts what it changed only: the rows as they are now that were not so before,
  -- and the rows as they were that are no more.
  added constant text := case tg_op
    when 'UPDATE' then format('select %1$s, 1 as sign from (select %1$s from new_rows except all select %1$s from old_rows) a', cols)
    else format('select %s, 1 as sign from new_rows', cols) end;
  removed constant text := case tg_op
    when 'INSERT' then null
    when 'UPDATE' then format('select %1$s, -1 as sign from (select %1$s from old_rows except all select %1$s from new_rows) r', cols)
    else format('select %s, -1 as sign from old_rows', cols) end;
  changes constant text := case tg_op when 'INSERT' then added when 'DELETE' then removed
                                      else added || ' union all ' || removed end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  gone_campaigns uuid[];
  gone_weeks date[];
  gone_months date[];
  gone_people uuid[];
  gone_person_weeks date[];
begin
  -- An app session writes its own tenant's rows only; a maintenance load may name several.
  -- Each is summarised inside its own tenant's isolation, and the caller's is put back.
  for tenant in execute format('select distinct tenant_id from (%s) c', changes) loop
    perform set_config('app.current_tenant', tenant::text, true);

    -- A delete that leaves the tenant without any (a reload, a tenant leaving) empties its
    -- summaries whole, without counting what went.
    if tg_op = 'DELETE' and entries and not exists (select from agency.timesheet_entries t where t.tenant_id = tenant) then
      delete from agency.campaign_week_hours where tenant_id = tenant;
      delete from agency.campaign_week_money where tenant_id = tenant;
      delete from agency.employee_week_hours where tenant_id = tenant and allocation_count <= 0;
      update agency.employee_week_hours set total_hours = 0, billable_hours = 0, entry_count = 0 where tenant_id = tenant;
      continue;
    elsif tg_op = 'DELETE' and not entries and not exists (select from agency.team_allocations l where l.tenant_id = tenant) then
      delete from agency.employee_week_hours where tenant_id = tenant and entry_count <= 0;
      update agency.employee_week_hours set allocated_hours = 0, allocation_count = 0 where tenant_id = tenant;
      continue;
    end if;

    if removed is not null then
      -- The buckets the removal touched, once, by hashing.
      if entries then
        execute format($q$
          select array_agg(b.campaign_id), array_agg(b.week_start_date), array_agg(b.month_start_date)
          from (select distinct r.campaign_id, r.week_start_date, date_trunc('month', r.entry_date)::date as month_start_date
                from (%s) r where r.tenant_id = $1) b$q$, removed)
          into gone_campaigns, gone_weeks, gone_months
          using tenant;
      end if;
      execute format($q$
        select array_agg(b.employee_id), array_agg(b.week_start_date)
        from (select distinct r.employee_id, r.week_start_date from (%s) r where r.tenant_id = $1) b$q$, removed)
        into gone_people, gone_person_weeks
        using tenant;
    end if;

    if entries then
      execute format($q$
        insert into agency.campaign_week_hours as s
          (tenant_id, campaign_id, week_start_date, month_start_date, total_hours, billable_hours, entry_count, last_entry_date)
        select c.tenant_id, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
               sum(c.sign * c.hours), coalesce(sum(c.sign * c.hours) filter (where c.billable), 0), sum(c.sign),
               coalesce(max(c.entry_date) filter (where c.sign > 0), min(c.entry_date))
        from (%s) c
        where c.tenant_id = $1
        group by 1, 2, 3, 4
        on conflict (tenant_id, campaign_id, week_start_date, month_start_date) do update
          set total_hours = s.total_hours + excluded.total_hours,
              billable_hours = s.billable_hours + excluded.billable_hours,
              entry_count = s.entry_count + excluded.entry_count,
              last_entry_date = greatest(s.last_entry_date, excluded.last_entry_date)$q$, changes)
        using tenant;

      -- Priced by agency.rate_for on the entry's day (022), as agency.timesheet_costs prices it.
      execute format($q$
        insert into agency.campaign_week_money as s
          (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
        select c.tenant_id, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
               coalesce(sum(c.sign * case when c.billable then c.hours * r.bill_rate else 0 end), 0),
               coalesce(sum(c.sign * c.hours * r.cost_rate), 0)
        from (%s) c
        left join lateral agency.rate_for(c.tenant_id, c.employee_id, c.campaign_id, c.entry_date) r on true
        where c.tenant_id = $1
        group by 1, 2, 3, 4
        on conflict (tenant_id, campaign_id, week_start_date, month_start_date) do update
          set revenue = s.revenue + excluded.revenue,
              labor_cost = s.labor_cost + excluded.labor_cost$q$, changes)
        using tenant;

      execute format($q$
        insert into agency.employee_week_hours as s (tenant_id, employee_id, week_start_date, total_hours, billable_hours, entry_count)
        select c.tenant_id, c.employee_id, c.week_start_date,
               sum(c.sign * c.hours), coalesce(sum(c.sign * c.hours) filter (where c.billable), 0), sum(c.sign)
        from (%s) c
        where c.tenant_id = $1
        group by 1, 2, 3
        on conflict (tenant_id, employee_id, week_start_date) do update
          set total_hours = s.total_hours + excluded.total_hours,
              billable_hours = s.billable_hours + excluded.billable_hours,
              entry_count = s.entry_count + excluded.entry_count$q$, changes)
        using tenant;

      if gone_campaigns is not null then
        -- Buckets left without entries go; the rest re-read their latest day, which may have left.
        with emptied as (
          delete from agency.campaign_week_hours s
          using unnest(gone_campaigns, gone_weeks, gone_months) as g (campaign_id, week_start_date, month_start_date)
          where s.tenant_id = tenant and s.campaign_id = g.campaign_id and s.week_start_date = g.week_start_date
            and s.month_start_date = g.month_start_date and s.entry_count <= 0
          returning s.campaign_id, s.week_start_date, s.month_start_date)
        delete from agency.campaign_week_money m
        using emptied e
        where m.tenant_id = tenant and m.campaign_id = e.campaign_id and m.week_start_date = e.week_start_date
          and m.month_start_date = e.month_start_date;

        update agency.campaign_week_hours s
        set last_entry_date = (
          select max(t.entry_date) from agency.timesheet_entries t
          where t.tenant_id = s.tenant_id and t.campaign_id = s.campaign_id
            and t.entry_date between greatest(s.week_start_date, s.month_start_date) and s.week_start_date + 6
            and t.entry_date < (s.month_start_date + interval '1 month')::date)
        from unnest(gone_campaigns, gone_weeks, gone_months) as g (campaign_id, week_start_date, month_start_date)
        where s.tenant_id = tenant and s.campaign_id = g.campaign_id and s.week_start_date = g.week_start_date
          and s.month_start_date = g.month_start_date;
      end if;
    else
      execute format($q$
        insert into agency.employee_week_hours as s (tenant_id, employee_id, week_start_date, allocated_hours, allocation_count)
        select c.tenant_id, c.employee_id, c.week_start_date, sum(c.sign * c.hours), sum(c.sign)
        from (%s) c
        where c.tenant_id = $1
        group by 1, 2, 3
        on conflict (tenant_id, employee_id, week_start_date) do update
          set allocated_hours = s.allocated_hours + excluded.allocated_hours,
              allocation_count = s.allocation_count + excluded.allocation_count$q$, changes)
        using tenant;
    end if;

    -- A person's week goes when it has neither entries nor allocations left.
    if gone_people is not null then
      delete from agency.employee_week_hours s
      using unnest(gone_people, gone_person_weeks) as g (employee_id, week_start_date)
      where s.tenant_id = tenant and s.employee_id = g.employee_id and s.week_start_date = g.week_start_date
        and s.entry_count <= 0 and s.allocation_count <= 0;
    end if;

    gone_campaigns := null;
    gone_people := null;
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$_$;


ALTER FUNCTION agency.keep_time_summaries() OWNER TO agency_summaries;

--
-- Name: keep_week_bookings(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.keep_week_bookings() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  touched constant text := case tg_op
    when 'INSERT' then 'select tenant_id, employee_id, week_start_date from new_rows'
    when 'DELETE' then 'select tenant_id, employee_id, week_start_date from old_rows'
    else 'select tenant_id, employee_id, week_start_date from new_rows union select tenant_id, employee_id, week_start_date from old_rows' end;
  caller_tenant constant text := current_setting('app.current_tenant', true);
  tenant uuid;
  people uuid[];
  weeks date[];
begin
  for tenant in execute format('select distinct tenant_id from (%s) c', touched) loop
    perform set_config('app.current_tenant', tenant::text, true);
    execute format('select array_agg(k.employee_id), array_agg(k.week_start_date)
                    from (select distinct employee_id, week_start_date from (%s) c where c.tenant_id = $1) k', touched)
      into people, weeks
      using tenant;

    with counted as (
      select k.employee_id, k.week_start_date,
             coalesce(sum(a.hours) filter (where not a.tentative), 0) as firm,
             coalesce(sum(a.hours) filter (where a.tentative), 0) as tentative,
             count(a.hours)::integer as n
      from unnest(people, weeks) as k (employee_id, week_start_date)
      left join agency.team_allocations a
        on a.tenant_id = tenant and a.employee_id = k.employee_id and a.week_start_date = k.week_start_date
      group by k.employee_id, k.week_start_date),
    gone as (
      delete from agency.employee_week_bookings b
      using counted c
      where b.tenant_id = tenant and b.employee_id = c.employee_id and b.week_start_date = c.week_start_date and c.n = 0)
    insert into agency.employee_week_bookings as b (tenant_id, employee_id, week_start_date, firm_hours, tentative_hours, allocation_count)
    select tenant, c.employee_id, c.week_start_date, c.firm, c.tentative, c.n
    from counted c
    where c.n > 0
    on conflict (tenant_id, employee_id, week_start_date) do update
      set firm_hours = excluded.firm_hours, tentative_hours = excluded.tentative_hours, allocation_count = excluded.allocation_count
      where (b.firm_hours, b.tentative_hours, b.allocation_count)
            is distinct from (excluded.firm_hours, excluded.tentative_hours, excluded.allocation_count);
  end loop;

  perform set_config('app.current_tenant', coalesce(caller_tenant, ''), true);
  return null;
end
$_$;


ALTER FUNCTION agency.keep_week_bookings() OWNER TO agency_summaries;

--
-- Name: knowledge_content_hash(text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.knowledge_content_hash(p_content text) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN decode(md5(p_content), 'hex'::text);


ALTER FUNCTION agency.knowledge_content_hash(p_content text) OWNER TO workroom_owner;

--
-- Name: knowledge_text_query(text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.knowledge_text_query(query_text text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'public'
    RETURN (NULLIF(replace((plainto_tsquery('english'::regconfig, COALESCE(query_text, ''::text)))::text, ' & '::text, ' | '::text), ''::text))::tsquery;


ALTER FUNCTION agency.knowledge_text_query(query_text text) OWNER TO workroom_owner;

--
-- Name: link_campaign_record(uuid, text, uuid, boolean); Type: FUNCTION; Schema: agency; Owner: agency_links
--

CREATE FUNCTION agency.link_campaign_record(p_campaign_id uuid, p_kind text, p_record_id uuid, p_linked boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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
$$;


ALTER FUNCTION agency.link_campaign_record(p_campaign_id uuid, p_kind text, p_record_id uuid, p_linked boolean) OWNER TO agency_links;

--
-- Name: campaign_team; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_team (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    campaign_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    team_role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT campaign_team_team_role_check CHECK ((team_role = ANY (ARRAY['account_director'::text, 'project_manager'::text, 'creative_director'::text, 'strategist'::text, 'copywriter'::text, 'designer'::text, 'producer'::text, 'editor'::text, 'other'::text])))
);

ALTER TABLE ONLY agency.campaign_team FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_team OWNER TO workroom_owner;

--
-- Name: may_add_artifacts_to(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.may_add_artifacts_to(p_campaign_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    RETURN (agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) OR (EXISTS (SELECT 1 FROM agency.campaign_team tm WHERE ((tm.tenant_id = agency.current_tenant_id()) AND (tm.campaign_id = may_add_artifacts_to.p_campaign_id) AND (tm.employee_id = agency.current_user_id())))));


ALTER FUNCTION agency.may_add_artifacts_to(p_campaign_id uuid) OWNER TO workroom_owner;

--
-- Name: may_edit_artifact(uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.may_edit_artifact(p_owner uuid, p_campaign uuid) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ((p_owner = agency.current_user_id()) OR agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) OR (EXISTS (SELECT 1 FROM agency.campaign_team tm WHERE ((tm.tenant_id = agency.current_tenant_id()) AND (tm.campaign_id = may_edit_artifact.p_campaign) AND (tm.employee_id = agency.current_user_id())))));


ALTER FUNCTION agency.may_edit_artifact(p_owner uuid, p_campaign uuid) OWNER TO workroom_owner;

--
-- Name: may_link_campaign(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.may_link_campaign(p_campaign_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    RETURN ((agency.current_user_id() IS NOT NULL) AND (agency.has_any_role(ARRAY['finance'::text, 'leadership'::text, 'admin'::text]) OR (agency.has_role('pm'::text) AND (EXISTS (SELECT 1 FROM agency.campaign_team tm WHERE ((tm.tenant_id = agency.current_tenant_id()) AND (tm.campaign_id = may_link_campaign.p_campaign_id) AND (tm.employee_id = agency.current_user_id()) AND (tm.team_role = 'project_manager'::text)))))));


ALTER FUNCTION agency.may_link_campaign(p_campaign_id uuid) OWNER TO workroom_owner;

--
-- Name: employees; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.employees (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid,
    full_name text NOT NULL,
    email text NOT NULL,
    title text,
    department text,
    agency_role text DEFAULT 'creative'::text NOT NULL,
    weekly_capacity_hours numeric(5,2) DEFAULT 40 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    start_date date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    account_pending_since timestamp with time zone,
    skills text[] DEFAULT '{}'::text[] NOT NULL,
    import_batch_id uuid,
    CONSTRAINT employees_agency_role_check CHECK ((agency_role = ANY (ARRAY['finance'::text, 'leadership'::text, 'pm'::text, 'admin'::text, 'account'::text, 'creative'::text]))),
    CONSTRAINT employees_email_check CHECK ((email ~ '^[^@\s]+@[^@\s]+$'::text)),
    CONSTRAINT employees_full_name_check CHECK (((length(btrim(full_name)) >= 1) AND (length(btrim(full_name)) <= 200))),
    CONSTRAINT employees_pending_check CHECK (((account_pending_since IS NULL) OR ((NOT active) AND (user_id IS NOT NULL)))),
    CONSTRAINT employees_skills_check CHECK (((cardinality(skills) <= 30) AND (array_position(skills, NULL::text) IS NULL))),
    CONSTRAINT employees_weekly_capacity_hours_check CHECK (((weekly_capacity_hours >= (0)::numeric) AND (weekly_capacity_hours <= (80)::numeric)))
);

ALTER TABLE ONLY agency.employees FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.employees OWNER TO workroom_owner;

--
-- Name: may_read_artifact_as(uuid, text, uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.may_read_artifact_as(p_person uuid, p_person_role text, p_owner uuid, p_campaign uuid) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ((EXISTS (SELECT 1 FROM agency.employees e WHERE ((e.tenant_id = agency.current_tenant_id()) AND (e.id = may_read_artifact_as.p_person)))) AND ((p_person = p_owner) OR (p_person_role = ANY (ARRAY['leadership'::text, 'admin'::text])) OR (EXISTS (SELECT 1 FROM agency.campaign_team tm WHERE ((tm.tenant_id = agency.current_tenant_id()) AND (tm.campaign_id = may_read_artifact_as.p_campaign) AND (tm.employee_id = may_read_artifact_as.p_person))))));


ALTER FUNCTION agency.may_read_artifact_as(p_person uuid, p_person_role text, p_owner uuid, p_campaign uuid) OWNER TO workroom_owner;

--
-- Name: may_review_artifact(uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.may_review_artifact(p_owner uuid, p_campaign uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select agency.current_user_id() is not null
     and p_owner is distinct from agency.current_user_id()
     and (agency.has_role('leadership')
          or exists (select 1 from agency.campaign_team tm
                     where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign
                       and tm.employee_id = agency.current_user_id()
                       and tm.team_role in ('account_director', 'creative_director', 'project_manager')))
$$;


ALTER FUNCTION agency.may_review_artifact(p_owner uuid, p_campaign uuid) OWNER TO workroom_owner;

--
-- Name: may_review_time(uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.may_review_time(p_employee uuid, p_campaign uuid) RETURNS boolean
    LANGUAGE sql STABLE
    RETURN ((p_employee IS DISTINCT FROM agency.current_user_id()) AND (agency.current_user_id() IS NOT NULL) AND (agency.has_role('leadership'::text) OR ((p_campaign IS NOT NULL) AND agency.has_role('pm'::text) AND (EXISTS (SELECT 1 FROM agency.campaign_team tm WHERE ((tm.tenant_id = agency.current_tenant_id()) AND (tm.campaign_id = may_review_time.p_campaign) AND (tm.employee_id = agency.current_user_id()) AND (tm.team_role = 'project_manager'::text)))))));


ALTER FUNCTION agency.may_review_time(p_employee uuid, p_campaign uuid) OWNER TO workroom_owner;

--
-- Name: tenants; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.tenants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid GENERATED ALWAYS AS (id) STORED NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    default_currency character(3) DEFAULT 'USD'::bpchar NOT NULL,
    utilization_target numeric(4,3) DEFAULT 0.750 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    timesheet_finance_signoff boolean DEFAULT false NOT NULL,
    time_entry_days_ahead integer DEFAULT 0 NOT NULL,
    require_two_factor boolean DEFAULT false NOT NULL,
    CONSTRAINT tenants_default_currency_check CHECK ((default_currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT tenants_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT tenants_slug_check CHECK ((slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'::text)),
    CONSTRAINT tenants_time_entry_days_ahead_check CHECK (((time_entry_days_ahead >= 0) AND (time_entry_days_ahead <= 366))),
    CONSTRAINT tenants_utilization_target_check CHECK (((utilization_target >= (0)::numeric) AND (utilization_target <= (1)::numeric)))
);

ALTER TABLE ONLY agency.tenants FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.tenants OWNER TO workroom_owner;

--
-- Name: COLUMN tenants.require_two_factor; Type: COMMENT; Schema: agency; Owner: workroom_owner
--

COMMENT ON COLUMN agency.tenants.require_two_factor IS 'Finance people and admins must sign in with an authenticator app code (decision 026).';


--
-- Name: must_use_two_factor(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.must_use_two_factor() RETURNS boolean
    LANGUAGE sql STABLE
    RETURN (COALESCE((SELECT t.require_two_factor FROM agency.tenants t WHERE (t.id = agency.current_tenant_id())), false) AND agency.has_any_role(ARRAY['finance'::text, 'admin'::text]));


ALTER FUNCTION agency.must_use_two_factor() OWNER TO workroom_owner;

--
-- Name: net_capacity(numeric, numeric); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.net_capacity(p_capacity numeric, p_time_off numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN GREATEST((p_capacity - COALESCE(p_time_off, (0)::numeric)), (0)::numeric);


ALTER FUNCTION agency.net_capacity(p_capacity numeric, p_time_off numeric) OWNER TO workroom_owner;

--
-- Name: pending_timesheet_approvals(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.pending_timesheet_approvals() RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select count(*) from agency.timesheet_weeks_awaiting_me()
$$;


ALTER FUNCTION agency.pending_timesheet_approvals() OWNER TO workroom_owner;

--
-- Name: people_import_problems(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.people_import_problems(p_batch uuid) RETURNS TABLE(line_no integer, reason text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.people_import_problems(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: ppm_reconciliation(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.ppm_reconciliation(p_campaign_id uuid DEFAULT NULL::uuid) RETURNS TABLE(campaign_id uuid, campaign_code text, campaign_name text, client_name text, status text, currency text, ppm_projects text, ppm_budget numeric, campaign_budget numeric, spend numeric, budget_difference numeric, spend_vs_ppm numeric, budgets_disagree boolean)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.ppm_reconciliation(p_campaign_id uuid) OWNER TO workroom_owner;

--
-- Name: preview_rate_correction(text, uuid, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.preview_rate_correction(p_table text, p_id uuid, p_changes jsonb) RETURNS TABLE(campaign_count integer, revenue_change numeric, cost_change numeric)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.preview_rate_correction(p_table text, p_id uuid, p_changes jsonb) OWNER TO workroom_owner;

--
-- Name: schedule_elapsed(date, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.schedule_elapsed(p_start date, p_end date) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN LEAST(1.0, GREATEST(0.0, ((((CURRENT_DATE - p_start) + 1))::numeric / (NULLIF(((p_end - p_start) + 1), 0))::numeric)));


ALTER FUNCTION agency.schedule_elapsed(p_start date, p_end date) OWNER TO workroom_owner;

--
-- Name: projected_at_completion(numeric, date, date, text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.projected_at_completion(p_spend numeric, p_start date, p_end date, p_status text) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN ((p_status = ANY (ARRAY['completed'::text, 'cancelled'::text])) OR (CURRENT_DATE > p_end)) THEN p_spend WHEN (CURRENT_DATE < p_start) THEN NULL::numeric ELSE round((p_spend / agency.schedule_elapsed(p_start, p_end)), 2) END;


ALTER FUNCTION agency.projected_at_completion(p_spend numeric, p_start date, p_end date, p_status text) OWNER TO workroom_owner;

--
-- Name: raise_budget_alerts(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.raise_budget_alerts() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_raised integer;
begin
  if not agency.has_role('system') then
    return 0;
  end if;

  insert into agency.notifications (tenant_id, recipient_id, kind, campaign_id, threshold, title)
  with due as (
    select c.tenant_id, c.id as campaign_id, c.name, t.threshold
    from agency.campaigns c
    join agency.campaign_budget_use u on u.tenant_id = c.tenant_id and u.campaign_id = c.id
    cross join lateral unnest(c.alert_thresholds) as t (threshold)
    where c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
      and c.status in ('planning', 'active', 'on_hold')
      and u.budget_spent_pct * 100 >= t.threshold
      and not exists (select 1 from agency.notifications n
                      where n.tenant_id = c.tenant_id and n.kind = 'budget_alert'
                        and n.campaign_id = c.id and n.threshold = t.threshold)),
  recipients as (
    select d.tenant_id, d.campaign_id, d.name, d.threshold, e.id as recipient_id
    from due d
    join agency.employees e on e.tenant_id = d.tenant_id and e.agency_role in ('finance', 'leadership')
    where e.active and e.deleted_at is null
    union
    select d.tenant_id, d.campaign_id, d.name, d.threshold, e.id
    from due d
    join agency.campaign_team tm on tm.tenant_id = d.tenant_id and tm.campaign_id = d.campaign_id
      and tm.team_role in ('account_director', 'project_manager')
    join agency.employees e on e.tenant_id = tm.tenant_id and e.id = tm.employee_id
    where e.active and e.deleted_at is null)
  select r.tenant_id, r.recipient_id, 'budget_alert', r.campaign_id, r.threshold,
         left(r.name, 240) || ' has spent ' || r.threshold || '% of its budget'
  from recipients r
  on conflict do nothing;

  get diagnostics v_raised = row_count;
  return v_raised;
end
$$;


ALTER FUNCTION agency.raise_budget_alerts() OWNER TO workroom_owner;

--
-- Name: raise_overdue_equipment_alerts(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.raise_overdue_equipment_alerts() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.raise_overdue_equipment_alerts() OWNER TO workroom_owner;

--
-- Name: raise_timesheet_reminders(date); Type: FUNCTION; Schema: agency; Owner: agency_timesheets
--

CREATE FUNCTION agency.raise_timesheet_reminders(p_week date) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
  raised integer;
begin
  if not agency.has_role('system') then
    raise exception 'only the system actor sends reminders' using errcode = '42501';
  end if;
  insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
  select tenant, e.id, 'timesheet_reminder', p_week, format('Your week of %s is not submitted yet', p_week)
  from agency.employees e
  where e.tenant_id = tenant and e.active and e.deleted_at is null and e.weekly_capacity_hours > 0
    and (e.start_date is null or e.start_date <= p_week + 6)
    and (exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = e.id
                   and t.week_start_date = p_week and t.status in ('draft', 'rejected'))
         or not exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = e.id
                          and t.week_start_date = p_week))
  on conflict (tenant_id, recipient_id, week_start_date) where kind = 'timesheet_reminder' do nothing;
  get diagnostics raised = row_count;
  return raised;
end
$$;


ALTER FUNCTION agency.raise_timesheet_reminders(p_week date) OWNER TO agency_timesheets;

--
-- Name: campaign_rate_overrides; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_rate_overrides (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    campaign_id uuid NOT NULL,
    role_name text,
    bill_rate numeric(10,2) NOT NULL,
    currency character(3) NOT NULL,
    effective_from date NOT NULL,
    effective_to date,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT campaign_rate_overrides_bill_rate_check CHECK ((bill_rate >= (0)::numeric)),
    CONSTRAINT campaign_rate_overrides_check CHECK (((effective_to IS NULL) OR (effective_to > effective_from))),
    CONSTRAINT campaign_rate_overrides_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT campaign_rate_overrides_note_check CHECK (((note IS NULL) OR (length(note) <= 500))),
    CONSTRAINT campaign_rate_overrides_role_name_check CHECK (((role_name IS NULL) OR ((length(btrim(role_name)) >= 1) AND (length(btrim(role_name)) <= 100))))
);

ALTER TABLE ONLY agency.campaign_rate_overrides FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_rate_overrides OWNER TO workroom_owner;

--
-- Name: campaigns; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaigns (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    client_id uuid NOT NULL,
    brand_id uuid,
    code text NOT NULL,
    name text NOT NULL,
    description text,
    status text DEFAULT 'planning'::text NOT NULL,
    budget_type text DEFAULT 'time_and_materials'::text NOT NULL,
    budget_amount numeric(14,2) DEFAULT 0 NOT NULL,
    currency character(3) DEFAULT 'USD'::bpchar NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    duration_weeks integer GENERATED ALWAYS AS ((((end_date - start_date) + 7) / 7)) STORED,
    alert_thresholds integer[] DEFAULT '{50,75,90,100}'::integer[] NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    procure_quote_id uuid,
    billable_by_default boolean DEFAULT true NOT NULL,
    CONSTRAINT campaigns_budget_amount_check CHECK ((budget_amount >= (0)::numeric)),
    CONSTRAINT campaigns_budget_type_check CHECK ((budget_type = ANY (ARRAY['time_and_materials'::text, 'fixed_fee'::text, 'retainer'::text]))),
    CONSTRAINT campaigns_check CHECK ((end_date >= start_date)),
    CONSTRAINT campaigns_code_check CHECK ((code ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'::text)),
    CONSTRAINT campaigns_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT campaigns_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT campaigns_status_check CHECK ((status = ANY (ARRAY['planning'::text, 'active'::text, 'on_hold'::text, 'completed'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY agency.campaigns FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaigns OWNER TO workroom_owner;

--
-- Name: client_rate_overrides; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.client_rate_overrides (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    client_id uuid NOT NULL,
    role_name text,
    bill_rate numeric(10,2) NOT NULL,
    currency character(3) NOT NULL,
    effective_from date NOT NULL,
    effective_to date,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT client_rate_overrides_bill_rate_check CHECK ((bill_rate >= (0)::numeric)),
    CONSTRAINT client_rate_overrides_check CHECK (((effective_to IS NULL) OR (effective_to > effective_from))),
    CONSTRAINT client_rate_overrides_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT client_rate_overrides_note_check CHECK (((note IS NULL) OR (length(note) <= 500))),
    CONSTRAINT client_rate_overrides_role_name_check CHECK (((role_name IS NULL) OR ((length(btrim(role_name)) >= 1) AND (length(btrim(role_name)) <= 100))))
);

ALTER TABLE ONLY agency.client_rate_overrides FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.client_rate_overrides OWNER TO workroom_owner;

--
-- Name: employee_rates; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.employee_rates (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid NOT NULL,
    rate_card_id uuid,
    bill_rate numeric(10,2),
    cost_rate numeric(10,2),
    currency character(3) NOT NULL,
    effective_from date NOT NULL,
    effective_to date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT employee_rates_bill_rate_check CHECK ((bill_rate >= (0)::numeric)),
    CONSTRAINT employee_rates_check CHECK (((effective_to IS NULL) OR (effective_to > effective_from))),
    CONSTRAINT employee_rates_cost_rate_check CHECK ((cost_rate >= (0)::numeric)),
    CONSTRAINT employee_rates_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT employee_rates_rate_or_card CHECK (((bill_rate IS NOT NULL) OR (cost_rate IS NOT NULL) OR (rate_card_id IS NOT NULL)))
);

ALTER TABLE ONLY agency.employee_rates FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.employee_rates OWNER TO workroom_owner;

--
-- Name: rate_cards; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.rate_cards (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    role_name text NOT NULL,
    bill_rate numeric(10,2) NOT NULL,
    cost_rate numeric(10,2) NOT NULL,
    currency character(3) NOT NULL,
    effective_from date NOT NULL,
    effective_to date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT rate_cards_bill_rate_check CHECK ((bill_rate >= (0)::numeric)),
    CONSTRAINT rate_cards_check CHECK (((effective_to IS NULL) OR (effective_to > effective_from))),
    CONSTRAINT rate_cards_cost_rate_check CHECK ((cost_rate >= (0)::numeric)),
    CONSTRAINT rate_cards_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT rate_cards_role_name_check CHECK (((length(btrim(role_name)) >= 1) AND (length(btrim(role_name)) <= 100)))
);

ALTER TABLE ONLY agency.rate_cards FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.rate_cards OWNER TO workroom_owner;

--
-- Name: rate_for(uuid, uuid, uuid, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.rate_for(p_tenant uuid, p_employee uuid, p_campaign uuid, p_day date) RETURNS TABLE(bill_rate numeric, cost_rate numeric, bill_source text, bill_source_id uuid, cost_source text, cost_source_id uuid, role_name text)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT COALESCE(cor.bill_rate, coa.bill_rate, clr.bill_rate, cla.bill_rate, er.bill_rate, rc.bill_rate) AS "coalesce",
     COALESCE(er.cost_rate, rc.cost_rate) AS "coalesce",
         CASE
             WHEN (COALESCE(cor.bill_rate, coa.bill_rate) IS NOT NULL) THEN 'campaign'::text
             WHEN (COALESCE(clr.bill_rate, cla.bill_rate) IS NOT NULL) THEN 'client'::text
             WHEN (er.bill_rate IS NOT NULL) THEN 'person'::text
             WHEN (rc.bill_rate IS NOT NULL) THEN 'card'::text
             ELSE NULL::text
         END AS "case",
         CASE
             WHEN (cor.bill_rate IS NOT NULL) THEN cor.id
             WHEN (coa.bill_rate IS NOT NULL) THEN coa.id
             WHEN (clr.bill_rate IS NOT NULL) THEN clr.id
             WHEN (cla.bill_rate IS NOT NULL) THEN cla.id
             WHEN (er.bill_rate IS NOT NULL) THEN er.id
             WHEN (rc.bill_rate IS NOT NULL) THEN rc.id
             ELSE NULL::uuid
         END AS "case",
         CASE
             WHEN (er.cost_rate IS NOT NULL) THEN 'person'::text
             WHEN (rc.cost_rate IS NOT NULL) THEN 'card'::text
             ELSE NULL::text
         END AS "case",
         CASE
             WHEN (er.cost_rate IS NOT NULL) THEN er.id
             WHEN (rc.cost_rate IS NOT NULL) THEN rc.id
             ELSE NULL::uuid
         END AS "case",
     ( SELECT c.role_name
            FROM agency.rate_cards c
           WHERE ((c.tenant_id = rate_for.p_tenant) AND (c.id = er.rate_card_id))) AS role_name
    FROM ((((((( SELECT 1 AS "?column?") one
      LEFT JOIN LATERAL ( SELECT r.id,
             r.bill_rate,
             r.cost_rate,
             r.rate_card_id
            FROM agency.employee_rates r
           WHERE ((r.tenant_id = rate_for.p_tenant) AND (r.employee_id = rate_for.p_employee) AND (r.effective_from <= rate_for.p_day) AND ((r.effective_to IS NULL) OR (r.effective_to > rate_for.p_day)))
          LIMIT 1) er ON (true))
      LEFT JOIN LATERAL ( SELECT c.id,
             c.bill_rate,
             c.cost_rate
            FROM agency.rate_cards c
           WHERE ((er.rate_card_id IS NOT NULL) AND ((er.bill_rate IS NULL) OR (er.cost_rate IS NULL)) AND (c.tenant_id = rate_for.p_tenant) AND (c.role_name = ( SELECT k.role_name
                    FROM agency.rate_cards k
                   WHERE ((k.tenant_id = rate_for.p_tenant) AND (k.id = er.rate_card_id)))) AND (c.effective_from <= rate_for.p_day) AND ((c.effective_to IS NULL) OR (c.effective_to > rate_for.p_day)))
          LIMIT 1) rc ON (true))
      LEFT JOIN LATERAL ( SELECT o.id,
             o.bill_rate
            FROM agency.campaign_rate_overrides o
           WHERE (( SELECT (EXISTS ( SELECT
                            FROM agency.campaign_rate_overrides)) AS "exists") AND (o.tenant_id = rate_for.p_tenant) AND (o.campaign_id = rate_for.p_campaign) AND (o.effective_from <= rate_for.p_day) AND ((o.effective_to IS NULL) OR (o.effective_to > rate_for.p_day)) AND (o.role_name = ( SELECT k.role_name
                    FROM agency.rate_cards k
                   WHERE ((k.tenant_id = rate_for.p_tenant) AND (k.id = er.rate_card_id)))))
          LIMIT 1) cor ON (true))
      LEFT JOIN LATERAL ( SELECT o.id,
             o.bill_rate
            FROM agency.campaign_rate_overrides o
           WHERE (( SELECT (EXISTS ( SELECT
                            FROM agency.campaign_rate_overrides)) AS "exists") AND (o.tenant_id = rate_for.p_tenant) AND (o.campaign_id = rate_for.p_campaign) AND (o.effective_from <= rate_for.p_day) AND ((o.effective_to IS NULL) OR (o.effective_to > rate_for.p_day)) AND (o.role_name IS NULL))
          LIMIT 1) coa ON (true))
      LEFT JOIN LATERAL ( SELECT o.id,
             o.bill_rate
            FROM agency.client_rate_overrides o
           WHERE (( SELECT (EXISTS ( SELECT
                            FROM agency.client_rate_overrides)) AS "exists") AND (o.tenant_id = rate_for.p_tenant) AND (o.client_id = ( SELECT p.client_id
                    FROM agency.campaigns p
                   WHERE ((p.tenant_id = rate_for.p_tenant) AND (p.id = rate_for.p_campaign)))) AND (o.effective_from <= rate_for.p_day) AND ((o.effective_to IS NULL) OR (o.effective_to > rate_for.p_day)) AND (o.role_name = ( SELECT k.role_name
                    FROM agency.rate_cards k
                   WHERE ((k.tenant_id = rate_for.p_tenant) AND (k.id = er.rate_card_id)))))
          LIMIT 1) clr ON (true))
      LEFT JOIN LATERAL ( SELECT o.id,
             o.bill_rate
            FROM agency.client_rate_overrides o
           WHERE (( SELECT (EXISTS ( SELECT
                            FROM agency.client_rate_overrides)) AS "exists") AND (o.tenant_id = rate_for.p_tenant) AND (o.client_id = ( SELECT p.client_id
                    FROM agency.campaigns p
                   WHERE ((p.tenant_id = rate_for.p_tenant) AND (p.id = rate_for.p_campaign)))) AND (o.effective_from <= rate_for.p_day) AND ((o.effective_to IS NULL) OR (o.effective_to > rate_for.p_day)) AND (o.role_name IS NULL))
          LIMIT 1) cla ON (true));
END;


ALTER FUNCTION agency.rate_for(p_tenant uuid, p_employee uuid, p_campaign uuid, p_day date) OWNER TO workroom_owner;

--
-- Name: rate_key_columns(text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.rate_key_columns(p_table text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE p_table WHEN 'employee_rates'::text THEN ARRAY['employee_id'::text] WHEN 'rate_cards'::text THEN ARRAY['role_name'::text] WHEN 'client_rate_overrides'::text THEN ARRAY['client_id'::text, 'role_name'::text] WHEN 'campaign_rate_overrides'::text THEN ARRAY['campaign_id'::text, 'role_name'::text] ELSE NULL::text[] END;


ALTER FUNCTION agency.rate_key_columns(p_table text) OWNER TO workroom_owner;

--
-- Name: rebuild_submitted_parts(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.rebuild_submitted_parts() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if tenant is null then
    raise exception 'rebuild_submitted_parts needs a tenant context' using errcode = '42501';
  end if;
  delete from agency.timesheet_submitted_parts where tenant_id = tenant;
  insert into agency.timesheet_submitted_parts (tenant_id, employee_id, week_start_date, campaign_id, entries, hours, submitted_at)
  select tenant, t.employee_id, t.week_start_date, t.campaign_id, count(*), sum(t.hours), max(t.submitted_at)
  from agency.timesheet_entries t
  where t.tenant_id = tenant and t.status = 'submitted'
  group by t.employee_id, t.week_start_date, t.campaign_id;
end
$$;


ALTER FUNCTION agency.rebuild_submitted_parts() OWNER TO agency_summaries;

--
-- Name: rebuild_time_summaries(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.rebuild_time_summaries() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if tenant is null then
    raise exception 'rebuild_time_summaries needs a tenant context' using errcode = '42501';
  end if;
  delete from agency.campaign_week_hours where tenant_id = tenant;
  delete from agency.campaign_week_money where tenant_id = tenant;
  delete from agency.employee_week_hours where tenant_id = tenant;
  insert into agency.employee_week_hours
    (tenant_id, employee_id, week_start_date, total_hours, billable_hours, entry_count, allocated_hours, allocation_count)
  select tenant, employee_id, week_start_date,
         coalesce(t.total_hours, 0), coalesce(t.billable_hours, 0), coalesce(t.entry_count, 0),
         coalesce(a.allocated_hours, 0), coalesce(a.allocation_count, 0)
  from (select e.employee_id, e.week_start_date, sum(e.hours) as total_hours,
               coalesce(sum(e.hours) filter (where e.billable), 0) as billable_hours, count(*) as entry_count
        from agency.timesheet_entries e where e.tenant_id = tenant group by 1, 2) t
  full join (select l.employee_id, l.week_start_date, sum(l.hours) as allocated_hours, count(*) as allocation_count
             from agency.team_allocations l where l.tenant_id = tenant group by 1, 2) a using (employee_id, week_start_date);
  insert into agency.campaign_week_hours
    (tenant_id, campaign_id, week_start_date, month_start_date, total_hours, billable_hours, entry_count, last_entry_date)
  select tenant, t.campaign_id, t.week_start_date, date_trunc('month', t.entry_date)::date,
         sum(t.hours), coalesce(sum(t.hours) filter (where t.billable), 0), count(*), max(t.entry_date)
  from agency.timesheet_entries t
  where t.tenant_id = tenant
  group by 2, 3, 4;
  insert into agency.campaign_week_money (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
  select tenant, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
         coalesce(sum(c.revenue), 0), coalesce(sum(c.labor_cost), 0)
  from agency.timesheet_costs c
  where c.tenant_id = tenant
  group by 2, 3, 4;
end
$$;


ALTER FUNCTION agency.rebuild_time_summaries() OWNER TO agency_summaries;

--
-- Name: rebuild_week_bookings(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.rebuild_week_bookings() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if tenant is null then
    raise exception 'rebuild_week_bookings needs a tenant context' using errcode = '42501';
  end if;
  delete from agency.employee_week_bookings where tenant_id = tenant;
  insert into agency.employee_week_bookings (tenant_id, employee_id, week_start_date, firm_hours, tentative_hours, allocation_count)
  select tenant, a.employee_id, a.week_start_date,
         coalesce(sum(a.hours) filter (where not a.tentative), 0), coalesce(sum(a.hours) filter (where a.tentative), 0), count(*)
  from agency.team_allocations a
  where a.tenant_id = tenant
  group by a.employee_id, a.week_start_date;
end
$$;


ALTER FUNCTION agency.rebuild_week_bookings() OWNER TO agency_summaries;

--
-- Name: recent_timesheet_approvals(integer, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.recent_timesheet_approvals(p_limit integer, p_user_id uuid DEFAULT NULL::uuid) RETURNS TABLE(approved_at timestamp with time zone, approved_by uuid, employee_id uuid, week_start_date date, hours numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  -- The newest first through the index, stopping after a few weeks: a cursor is planned for its
  -- first rows, where a FOR over the query would be planned (and sorted) for all of them. Weeks
  -- approved at the same moment come in the order of their group, the same on every call.
  newest_first cursor for
    select t.approved_at, t.approved_by, t.employee_id, t.week_start_date
    from agency.timesheet_entries t
    where t.tenant_id = agency.current_tenant_id() and t.status = 'approved' and t.approved_at is not null
      and (p_user_id is null or t.approved_by = p_user_id)
    order by t.approved_at desc, t.approved_by, t.employee_id, t.week_start_date;
  seen text[] := '{}';
  group_key text;
begin
  if coalesce(p_limit, 0) <= 0 then
    return;
  end if;
  for entry in newest_first loop
    group_key := concat_ws('/', entry.approved_by, entry.employee_id, entry.week_start_date);
    continue when group_key = any (seen);
    seen := seen || group_key;
    approved_at := entry.approved_at;
    approved_by := entry.approved_by;
    employee_id := entry.employee_id;
    week_start_date := entry.week_start_date;
    select sum(t.hours) into hours
    from agency.timesheet_entries t
    where t.tenant_id = agency.current_tenant_id() and t.employee_id = entry.employee_id
      and t.week_start_date = entry.week_start_date and t.status = 'approved' and t.approved_at is not null
      and t.approved_by is not distinct from entry.approved_by;
    return next;
    exit when cardinality(seen) >= p_limit;
  end loop;
end
$$;


ALTER FUNCTION agency.recent_timesheet_approvals(p_limit integer, p_user_id uuid) OWNER TO workroom_owner;

--
-- Name: refresh_campaign_health(uuid[]); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.refresh_campaign_health(p_campaigns uuid[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
  judged integer;
begin
  if tenant is null then
    raise exception 'refresh_campaign_health needs a tenant context' using errcode = '42501';
  end if;

  -- One judge per campaign at a time, in campaign order (no deadlock between two statements
  -- that touch several). Taken before the figures are read: the next statement's snapshot then
  -- holds what the writer judging before us committed, where judging first and waiting only at
  -- the upsert would let older figures overwrite newer ones.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('agency.campaign_health'), pg_catalog.hashtext(x.id::text))
  from (select c.id from agency.campaigns c
        where c.tenant_id = tenant and (p_campaigns is null or c.id = any (p_campaigns))
        order by c.id) x;

  with judgement as (
    select c.id as campaign_id, s.spent_pct as budget_spent_pct,
           case
             when c.status in ('completed', 'cancelled') then 'on_track'
             when c.end_date < current_date then 'off_track'
             when s.spent_pct > 1 then 'off_track'
             when s.spent_pct > agency.schedule_elapsed(c.start_date, c.end_date) + 0.15 then 'at_risk'
             else 'on_track' end as health,
           case
             when c.status in ('completed', 'cancelled') then null
             when c.end_date < current_date then 'Past its end date and still ' || replace(c.status, '_', ' ')
             when s.spent_pct > 1 then 'Over budget'
             when s.spent_pct > agency.schedule_elapsed(c.start_date, c.end_date) + 0.15 then 'Budget burning ahead of schedule'
           end as health_reason
    from agency.campaigns c
    left join lateral (
      select t.spend from agency.campaign_spend_totals t
      where t.tenant_id = c.tenant_id and t.campaign_id = c.id) t on true
    cross join lateral (
      select case when c.budget_amount > 0 then coalesce(t.spend, 0) / c.budget_amount end as spent_pct) s
    where c.tenant_id = tenant and (p_campaigns is null or c.id = any (p_campaigns))),
  health as (
    insert into agency.campaign_health as h (tenant_id, campaign_id, health, health_reason, refreshed_at)
    select tenant, j.campaign_id, j.health, j.health_reason, now() from judgement j
    on conflict (tenant_id, campaign_id) do update
      set health = excluded.health, health_reason = excluded.health_reason, refreshed_at = excluded.refreshed_at)
  insert into agency.campaign_budget_use as u (tenant_id, campaign_id, budget_spent_pct, refreshed_at)
  select tenant, j.campaign_id, j.budget_spent_pct, now() from judgement j
  on conflict (tenant_id, campaign_id) do update
    set budget_spent_pct = excluded.budget_spent_pct, refreshed_at = excluded.refreshed_at;
  get diagnostics judged = row_count;
  return judged;
end
$$;


ALTER FUNCTION agency.refresh_campaign_health(p_campaigns uuid[]) OWNER TO agency_summaries;

--
-- Name: refresh_stale_campaign_health(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.refresh_stale_campaign_health() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if not agency.has_role('system') then
    raise exception 'only the system actor refreshes health on a clock' using errcode = '42501';
  end if;
  return agency.refresh_campaign_health(array(
    select h.campaign_id
    from agency.campaign_health h
    join agency.campaigns c on c.tenant_id = h.tenant_id and c.id = h.campaign_id
    where h.tenant_id = agency.current_tenant_id() and h.refreshed_at < now() - interval '1 hour'
      and c.status in ('planning', 'active', 'on_hold') and c.deleted_at is null
    order by h.refreshed_at
    limit 200));
end
$$;


ALTER FUNCTION agency.refresh_stale_campaign_health() OWNER TO agency_summaries;

--
-- Name: reprice_campaign_summaries(); Type: FUNCTION; Schema: agency; Owner: agency_summaries
--

CREATE FUNCTION agency.reprice_campaign_summaries() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  key_column constant text := case tg_table_name when 'employee_rates' then 'employee_id' when 'rate_cards' then 'role_name'
                                                 when 'client_rate_overrides' then 'client_id' else 'campaign_id' end;
  bookkeeping constant text := $$array['effective_from', 'effective_to', 'created_at', 'updated_at', 'created_by', 'updated_by', 'note']$$;
  whole constant text := 'select %1$s.tenant_id, %1$s.%2$I::text as key, %1$s.effective_from as lo, '
                         'coalesce(%1$s.effective_to, ''infinity'') as hi from %3$s';
  changed constant text := case
    when tg_table_name = 'campaigns' then $q$
      select n.tenant_id, n.id::text as key, '-infinity'::date as lo, 'infinity'::date as hi
      from old_rows o
      join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where o.client_id is distinct from n.client_id$q$
    else case tg_op
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
      key_column, bookkeeping) end end;
  priced_entries constant text := case tg_table_name
    when 'employee_rates' then
      'join agency.timesheet_entries t on t.tenant_id = $1 and t.employee_id = r.key::uuid
         and t.entry_date >= r.lo and t.entry_date < r.hi'
    when 'client_rate_overrides' then
      'join agency.campaigns p on p.tenant_id = $1 and p.client_id = r.key::uuid
       join agency.timesheet_entries t on t.tenant_id = $1 and t.campaign_id = p.id
         and t.entry_date >= r.lo and t.entry_date < r.hi'
    when 'rate_cards' then
      'join agency.rate_cards rc on rc.tenant_id = $1 and rc.role_name = r.key
       join agency.employee_rates er on er.tenant_id = $1 and er.rate_card_id = rc.id
       join agency.timesheet_entries t on t.tenant_id = $1 and t.employee_id = er.employee_id
         and t.entry_date >= greatest(r.lo, er.effective_from) and t.entry_date < least(r.hi, coalesce(er.effective_to, ''infinity''))'
    -- campaign_rate_overrides, and campaigns: the campaign's own entries.
    else
      'join agency.timesheet_entries t on t.tenant_id = $1 and t.campaign_id = r.key::uuid
         and t.entry_date >= r.lo and t.entry_date < r.hi' end;
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
$_$;


ALTER FUNCTION agency.reprice_campaign_summaries() OWNER TO agency_summaries;

--
-- Name: revenue_forecast(date, integer, boolean); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.revenue_forecast(p_from date, p_months integer, p_include_tentative boolean DEFAULT true) RETURNS TABLE(month_start date, client_id uuid, allocated_hours numeric, placeholder_hours numeric, time_revenue numeric, fee_revenue numeric, revenue numeric, cost numeric, margin numeric, unpriced_hours numeric)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET enable_mergejoin TO 'off'
    AS $$
  with parts as materialized (
    select * from agency.forecast_week_parts(p_from, p_months)),
  span as (
    select (select agency.current_tenant_id()) as tenant, (select agency.can_see_financials()) as money,
           min(p.week_start_date) as first_monday, max(p.week_start_date) as last_monday
    from parts p),
  months as (
    select g::date as month_start, (g + interval '1 month')::date as next_month
    from generate_series(date_trunc('month', p_from)::timestamp,
                         (date_trunc('month', p_from) + make_interval(months => greatest(p_months, 1) - 1))::timestamp,
                         interval '1 month') g),
  campaigns as (
    select c.id, c.client_id, c.status, c.budget_type, c.budget_amount, c.start_date, c.end_date,
           c.budget_type = 'time_and_materials' and c.billable_by_default as bills_time
    from agency.campaigns c, span s
    where c.tenant_id = s.tenant and c.deleted_at is null and c.status <> 'cancelled'),
  -- The allocations' hours by person, campaign, month and rate interval (30,000 rows at x20
  -- become 11,000 before anything is priced or joined).
  booked as materialized (
    select a.tenant_id, a.employee_id, a.campaign_id, p.month_start, p.price_day, sum(a.hours * p.share) as hours
    from span s
    join agency.team_allocations a
      on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
    join parts p on p.week_start_date = a.week_start_date
    where p_include_tentative or not a.tentative
    group by a.tenant_id, a.employee_id, a.campaign_id, p.month_start, p.price_day),
  -- THE rate resolution (022), once per person, campaign and rate interval; inlined by the planner
  -- (its arguments are plain columns). Skipped for those who may not see money.
  prices as (
    select k.employee_id, k.campaign_id, k.price_day, r.bill_rate, r.cost_rate
    from (select distinct b.tenant_id, b.employee_id, b.campaign_id, b.price_day from booked b) k
    cross join lateral agency.rate_for(k.tenant_id, k.employee_id, k.campaign_id, k.price_day) r
    where (select s.money from span s)),
  placeholder_booked as (
    select h.campaign_id, h.role_name, p.month_start, p.price_day, sum(a.hours * p.share) as hours
    from span s
    join agency.placeholder_allocations a
      on a.tenant_id = s.tenant and a.week_start_date between s.first_monday and s.last_monday
    join agency.staffing_placeholders h on h.tenant_id = a.tenant_id and h.id = a.placeholder_id
    join parts p on p.week_start_date = a.week_start_date
    where p_include_tentative or not a.tentative
    group by 1, 2, 3, 4),
  -- A placeholder is priced at its role's card on the day (the card rate_for falls back to).
  card_prices as (
    select k.role_name, k.price_day, c.bill_rate, c.cost_rate
    from (select distinct b.role_name, b.price_day from placeholder_booked b) k
    cross join span s
    cross join lateral (
      select c.bill_rate, c.cost_rate from agency.rate_cards c
      where c.tenant_id = s.tenant and c.role_name = k.role_name
        and c.effective_from <= k.price_day and (c.effective_to is null or c.effective_to > k.price_day)
      limit 1) c
    where s.money),
  -- What each fee has recognised by the end of each month it runs in; a month's part is the
  -- difference from the month before (or from the day before the forecast's first). The rule is
  -- asked once per campaign and month, not twice (its month arithmetic is most of the fees' cost).
  fee_points as (
    select c.id, c.client_id, c.budget_type, c.budget_amount, c.start_date, c.end_date, m.month_start,
           agency.fee_recognised_to(c.budget_type, c.budget_amount, c.start_date, c.end_date, m.next_month - 1) as to_month_end
    from campaigns c
    join months m on c.start_date < m.next_month and c.end_date >= greatest(m.month_start, p_from)
    where c.budget_type in ('fixed_fee', 'retainer') and c.status in ('planning', 'active', 'on_hold')
      and (select s.money from span s)),
  fees as (
    select f.client_id, f.month_start,
           f.to_month_end - coalesce(lag(f.to_month_end) over (partition by f.id order by f.month_start),
                                     agency.fee_recognised_to(f.budget_type, f.budget_amount, f.start_date, f.end_date, p_from - 1)) as fee
    from fee_points f),
  lines as (
    select c.client_id, b.month_start, b.hours as allocated, 0::numeric as placeholder,
           case when c.bills_time then b.hours * r.bill_rate else 0 end as time_revenue, 0::numeric as fee,
           b.hours * r.cost_rate as cost,
           case when r.cost_rate is null or (c.bills_time and r.bill_rate is null) then b.hours else 0 end as unpriced
    from booked b
    join campaigns c on c.id = b.campaign_id
    left join prices r on r.employee_id = b.employee_id and r.campaign_id = b.campaign_id and r.price_day = b.price_day
    union all
    select c.client_id, b.month_start, 0, b.hours,
           case when c.bills_time then b.hours * r.bill_rate else 0 end, 0,
           b.hours * r.cost_rate,
           case when r.cost_rate is null or (c.bills_time and r.bill_rate is null) then b.hours else 0 end
    from placeholder_booked b
    join campaigns c on c.id = b.campaign_id
    left join card_prices r on r.role_name = b.role_name and r.price_day = b.price_day
    union all
    select f.client_id, f.month_start, 0, 0, 0, f.fee, 0, 0
    from fees f
    where f.fee <> 0)
  select l.month_start, l.client_id, round(sum(l.allocated), 2), round(sum(l.placeholder), 2),
         case when s.money then round(coalesce(sum(l.time_revenue), 0), 2) end,
         case when s.money then round(sum(l.fee), 2) end,
         case when s.money then round(coalesce(sum(l.time_revenue), 0) + sum(l.fee), 2) end,
         case when s.money then round(coalesce(sum(l.cost), 0), 2) end,
         case when s.money then round(coalesce(sum(l.time_revenue), 0) + sum(l.fee) - coalesce(sum(l.cost), 0), 2) end,
         case when s.money then round(sum(l.unpriced), 2) end
  from lines l, span s
  group by l.month_start, l.client_id, s.money
  order by l.month_start, l.client_id
$$;


ALTER FUNCTION agency.revenue_forecast(p_from date, p_months integer, p_include_tentative boolean) OWNER TO workroom_owner;

--
-- Name: review_artifact(uuid, text, text); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.review_artifact(p_artifact uuid, p_to text, p_reason text DEFAULT NULL::text) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_status text;
begin
  perform pg_catalog.set_config('app.review_reason', coalesce(left(btrim(p_reason), 2000), ''), true);
  update agency.artifacts set status = p_to, updated_by = agency.current_user_id()
  where tenant_id = agency.current_tenant_id() and id = p_artifact and deleted_at is null
  returning status into v_status;
  perform pg_catalog.set_config('app.review_reason', '', true);
  if v_status is null then
    raise exception 'This artifact is gone, or it is not yours to change.' using errcode = '42501';
  end if;
  return v_status;
end
$$;


ALTER FUNCTION agency.review_artifact(p_artifact uuid, p_to text, p_reason text) OWNER TO workroom_owner;

--
-- Name: search_hybrid(text, public.vector, integer, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.search_hybrid(query_text text, query_embedding public.vector, match_count integer DEFAULT 10, filters jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text, doc_type text, client_id uuid, campaign_id uuid, artifact_id uuid, similarity double precision, vector_rank integer, text_rank integer, score double precision)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  with v as (
    select s.*, row_number() over (order by s.similarity desc, s.chunk_id)::integer as r
    from agency.search_passages(query_embedding, 0.0, greatest(coalesce(match_count, 0) * 2, 20), filters) s
    where coalesce(match_count, 0) > 0),
  t as (
    select s.*, row_number() over (order by s.text_rank desc, s.chunk_id)::integer as r
    from agency.search_passages_text(query_text, greatest(coalesce(match_count, 0) * 2, 20), filters) s
    where coalesce(match_count, 0) > 0),
  fused as (
    select coalesce(v.chunk_id, t.chunk_id) as chunk_id,
           coalesce(v.document_id, t.document_id) as document_id,
           coalesce(v.chunk_index, t.chunk_index) as chunk_index,
           coalesce(v.content, t.content) as content,
           coalesce(v.document_title, t.document_title) as document_title,
           coalesce(v.doc_type, t.doc_type) as doc_type,
           coalesce(v.client_id, t.client_id) as client_id,
           coalesce(v.campaign_id, t.campaign_id) as campaign_id,
           coalesce(v.artifact_id, t.artifact_id) as artifact_id,
           v.similarity,
           v.r as vector_rank, t.r as text_rank,
           coalesce(1.0 / (60 + v.r), 0) + coalesce(1.0 / (60 + t.r), 0) as score
    from v full join t on t.chunk_id = v.chunk_id)
  select f.chunk_id, f.document_id, f.chunk_index, f.content, f.document_title, f.doc_type, f.client_id, f.campaign_id,
         f.artifact_id,
         coalesce(f.similarity, 1 - (c.embedding <=> query_embedding))::double precision,
         f.vector_rank, f.text_rank, f.score::double precision
  from fused f
  join agency.knowledge_chunks c on c.tenant_id = agency.current_tenant_id() and c.id = f.chunk_id
  order by f.score desc, f.vector_rank nulls last, f.chunk_id
  limit greatest(coalesce(match_count, 0), 0)
$$;


ALTER FUNCTION agency.search_hybrid(query_text text, query_embedding public.vector, match_count integer, filters jsonb) OWNER TO workroom_owner;

--
-- Name: search_knowledge(public.vector, double precision, integer, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.search_knowledge(query_embedding public.vector, match_threshold double precision DEFAULT 0.0, match_count integer DEFAULT 10, filters jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text, doc_type text, client_id uuid, campaign_id uuid, similarity double precision)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'public'
    AS $$
  select s.chunk_id, s.document_id, s.chunk_index, s.content, s.document_title, s.doc_type, s.client_id,
         s.campaign_id, s.similarity
  from agency.search_passages(query_embedding, match_threshold, match_count, filters) s
$$;


ALTER FUNCTION agency.search_knowledge(query_embedding public.vector, match_threshold double precision, match_count integer, filters jsonb) OWNER TO workroom_owner;

--
-- Name: search_passages(public.vector, double precision, integer, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.search_passages(query_embedding public.vector, match_threshold double precision DEFAULT 0.0, match_count integer DEFAULT 10, filters jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text, doc_type text, client_id uuid, campaign_id uuid, similarity double precision, artifact_id uuid)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'public'
    SET "hnsw.iterative_scan" TO 'relaxed_order'
    SET "hnsw.ef_search" TO '400'
    AS $_$
declare
  -- Up to this many passages are ranked exactly: every match, in order, in a few milliseconds.
  exact_up_to constant integer := 5000;
  v_limit integer := greatest(coalesce(match_count, 0), 0);
  v_by_source boolean := filters ?| array['client_id', 'brand_id', 'campaign_id', 'doc_type', 'tags'];
  v_documents_where text := '';
  v_artifacts_where text := '';
  v_model text := '';
  v_documents uuid[] := '{}';
  v_artifacts uuid[] := '{}';
  v_exact boolean;
  v_nearest text;
  v_ids uuid[];
  v_distances double precision[];
begin
  if v_limit = 0 then
    return;
  end if;

  -- Only the filters asked for, so the planner sees plain conditions ($1 is filters).
  if filters ->> 'client_id' is not null then
    v_documents_where := v_documents_where || ' and d.client_id = ($1 ->> ''client_id'')::uuid';
    v_artifacts_where := v_artifacts_where || ' and ac.client_id = ($1 ->> ''client_id'')::uuid';
  end if;
  if filters ->> 'brand_id' is not null then
    v_documents_where := v_documents_where || ' and d.brand_id = ($1 ->> ''brand_id'')::uuid';
    v_artifacts_where := v_artifacts_where || ' and ac.brand_id = ($1 ->> ''brand_id'')::uuid';
  end if;
  if filters ->> 'campaign_id' is not null then
    v_documents_where := v_documents_where || ' and d.campaign_id = ($1 ->> ''campaign_id'')::uuid';
    v_artifacts_where := v_artifacts_where || ' and a.campaign_id = ($1 ->> ''campaign_id'')::uuid';
  end if;
  if filters ->> 'doc_type' is not null then
    v_documents_where := v_documents_where || ' and d.doc_type = $1 ->> ''doc_type''';
    v_artifacts_where := v_artifacts_where || ' and $1 ->> ''doc_type'' = ''artifact''';
  end if;
  if filters -> 'tags' is not null then
    v_documents_where := v_documents_where || ' and d.tags @> array(select jsonb_array_elements_text($1 -> ''tags''))';
    v_artifacts_where := v_artifacts_where || ' and a.tags @> array(select jsonb_array_elements_text($1 -> ''tags''))';
  end if;
  -- Vectors of two models are never ranked together: the app always names its own.
  if filters ->> 'model' is not null then
    v_model := ' and c.embedding_model = $1 ->> ''model''';
  end if;

  if v_by_source then
    execute 'select coalesce(array_agg(d.id), ''{}'') from agency.knowledge_documents d
             where d.tenant_id = agency.current_tenant_id() and d.deleted_at is null' || v_documents_where
      into v_documents using filters;
    execute 'select coalesce(array_agg(a.id), ''{}'') from agency.artifacts a
             left join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
             where a.tenant_id = agency.current_tenant_id() and a.deleted_at is null' || v_artifacts_where
      into v_artifacts using filters;
    -- Every source has a passage or more, so this many sources are past the exact ranking.
    if cardinality(v_documents) + cardinality(v_artifacts) >= exact_up_to then
      v_exact := false;
    else
      execute 'select count(*) < $4 from (select 1 from agency.knowledge_chunks c
                 where c.tenant_id = agency.current_tenant_id()
                   and (c.document_id = any($2) or c.artifact_id = any($3))' || v_model || ' limit $4) x'
        into v_exact using filters, v_documents, v_artifacts, exact_up_to;
    end if;
  else
    select coalesce(max(k.chunk_count), 0) < exact_up_to into v_exact
    from agency.knowledge_chunk_counts k where k.tenant_id = agency.current_tenant_id();
  end if;

  -- The HNSW walk (pgvector 0.8's iterative scan replaces what the tenant, the policy or a
  -- filter removes; relaxed order put right below) checks each passage against hashed lists;
  -- the exact ranking reads the listed sources' passages by index. "+ 0" keeps the vector index
  -- out of an exact ranking, which also runs if the walk came back short.
  v_nearest := format(
    $q$select array_agg(r.id order by r.distance), array_agg(r.distance order by r.distance)
       from (select c.id, c.embedding <=> $5 as distance
             from agency.knowledge_chunks c
             where c.tenant_id = agency.current_tenant_id()%s%%s
             order by %%s
             limit %s) r$q$, v_model, v_limit);

  if not v_exact and not v_by_source and v_model = '' then
    -- The common search, whole knowledge base: a statement the session plans once and keeps.
    select array_agg(r.id order by r.distance), array_agg(r.distance order by r.distance) into v_ids, v_distances
    from (select c.id, c.embedding <=> query_embedding as distance
          from agency.knowledge_chunks c
          where c.tenant_id = agency.current_tenant_id()
            and (c.document_id is null or c.document_id not in
                   (select d.id from agency.knowledge_documents d
                    where d.tenant_id = agency.current_tenant_id() and d.deleted_at is not null))
            and (c.artifact_id is null or c.artifact_id not in
                   (select a.id from agency.artifacts a
                    where a.tenant_id = agency.current_tenant_id() and a.deleted_at is not null))
          order by c.embedding <=> query_embedding
          limit v_limit) r;
  elsif not v_exact then
    execute format(v_nearest,
      case when v_by_source
        then ' and (c.document_id in (select unnest($2)) or c.artifact_id in (select unnest($3)))'
        else ' and (c.document_id is null or c.document_id not in
                      (select d.id from agency.knowledge_documents d
                       where d.tenant_id = agency.current_tenant_id() and d.deleted_at is not null))
               and (c.artifact_id is null or c.artifact_id not in
                      (select a.id from agency.artifacts a
                       where a.tenant_id = agency.current_tenant_id() and a.deleted_at is not null))'
      end, 'c.embedding <=> $5')
      into v_ids, v_distances using filters, v_documents, v_artifacts, exact_up_to, query_embedding;
  end if;
  if v_exact or coalesce(cardinality(v_ids), 0) < v_limit then
    execute format(v_nearest,
      case when v_by_source
        then ' and (c.document_id = any($2) or c.artifact_id = any($3))'
        else ' and (c.document_id is null or exists (select 1 from agency.knowledge_documents d
                      where d.tenant_id = c.tenant_id and d.id = c.document_id and d.deleted_at is null))
               and (c.artifact_id is null or exists (select 1 from agency.artifacts a
                      where a.tenant_id = c.tenant_id and a.id = c.artifact_id and a.deleted_at is null))'
      end, '(c.embedding <=> $5) + 0')
      into v_ids, v_distances using filters, v_documents, v_artifacts, exact_up_to, query_embedding;
  end if;

  return query
  select c.id, c.document_id, c.chunk_index, c.content, coalesce(d.title, a.title), coalesce(d.doc_type, 'artifact'),
         coalesce(d.client_id, ac.client_id), coalesce(d.campaign_id, a.campaign_id), 1 - n.distance, c.artifact_id
  from unnest(v_ids, v_distances) with ordinality as n (id, distance, rank)
  join agency.knowledge_chunks c on c.tenant_id = agency.current_tenant_id() and c.id = n.id
  left join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
  left join agency.artifacts a on a.tenant_id = c.tenant_id and a.id = c.artifact_id
  left join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
  where 1 - n.distance >= match_threshold
  order by n.rank;
end
$_$;


ALTER FUNCTION agency.search_passages(query_embedding public.vector, match_threshold double precision, match_count integer, filters jsonb) OWNER TO workroom_owner;

--
-- Name: search_passages_text(text, integer, jsonb); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.search_passages_text(query_text text, match_count integer DEFAULT 10, filters jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text, doc_type text, client_id uuid, campaign_id uuid, text_rank double precision, artifact_id uuid)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'public'
    AS $$
declare
  -- A word found in this many of the tenant's passages says little about which one answers (the
  -- vector side ranks those); counting stops there.
  common_from constant integer := 200;
  v_rare text[] := '{}';
  v_word text;
  v_seen integer;
  v_query tsquery;
begin
  foreach v_word in array coalesce(tsvector_to_array(to_tsvector('english', coalesce(query_text, ''))), '{}') loop
    select count(*) into v_seen
    from (select 1 from agency.knowledge_chunks c
          where c.tenant_id = agency.current_tenant_id() and c.search_vector @@ quote_literal(v_word)::tsquery
          limit common_from) x;
    if v_seen between 1 and common_from - 1 then
      v_rare := v_rare || quote_literal(v_word);
    end if;
  end loop;
  if cardinality(v_rare) = 0 then
    return;
  end if;
  v_query := array_to_string(v_rare, ' | ')::tsquery;

  return query

  with q as (select v_query as tsq),
  found as (
    -- Document passages.
    select c.id, c.document_id, c.chunk_index, c.content, d.title, d.doc_type, d.client_id, d.campaign_id,
           ts_rank_cd(c.search_vector, q.tsq, 1)::double precision as text_rank, c.artifact_id
    from q
    join agency.knowledge_chunks c on c.search_vector @@ q.tsq
    join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
    where c.tenant_id = agency.current_tenant_id()
      and d.deleted_at is null
      and (filters ->> 'client_id' is null or d.client_id = (filters ->> 'client_id')::uuid)
      and (filters ->> 'brand_id' is null or d.brand_id = (filters ->> 'brand_id')::uuid)
      and (filters ->> 'campaign_id' is null or d.campaign_id = (filters ->> 'campaign_id')::uuid)
      and (filters ->> 'doc_type' is null or d.doc_type = filters ->> 'doc_type')
      and (filters -> 'tags' is null or d.tags @> array(select jsonb_array_elements_text(filters -> 'tags')))
      and (filters ->> 'model' is null or c.embedding_model = filters ->> 'model')
    union all
    -- Artifact passages: client and brand through the artifact's campaign, doc_type 'artifact'.
    select c.id, c.document_id, c.chunk_index, c.content, a.title, 'artifact', ac.client_id, a.campaign_id,
           ts_rank_cd(c.search_vector, q.tsq, 1)::double precision, c.artifact_id
    from q
    join agency.knowledge_chunks c on c.search_vector @@ q.tsq
    join agency.artifacts a on a.tenant_id = c.tenant_id and a.id = c.artifact_id
    join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
    where c.tenant_id = agency.current_tenant_id()
      and a.deleted_at is null
      and (filters ->> 'client_id' is null or ac.client_id = (filters ->> 'client_id')::uuid)
      and (filters ->> 'brand_id' is null or ac.brand_id = (filters ->> 'brand_id')::uuid)
      and (filters ->> 'campaign_id' is null or a.campaign_id = (filters ->> 'campaign_id')::uuid)
      and (filters ->> 'doc_type' is null or filters ->> 'doc_type' = 'artifact')
      and (filters -> 'tags' is null or a.tags @> array(select jsonb_array_elements_text(filters -> 'tags')))
      and (filters ->> 'model' is null or c.embedding_model = filters ->> 'model'))
  select f.* from found f
  order by f.text_rank desc, f.id
  limit greatest(coalesce(match_count, 0), 0);
end
$$;


ALTER FUNCTION agency.search_passages_text(query_text text, match_count integer, filters jsonb) OWNER TO workroom_owner;

--
-- Name: sees_all_timesheets(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.sees_all_timesheets() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN agency.has_any_role(ARRAY['pm'::text, 'finance'::text, 'leadership'::text]);


ALTER FUNCTION agency.sees_all_timesheets() OWNER TO workroom_owner;

--
-- Name: set_time_off_week(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.set_time_off_week() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.week_start_date := new.entry_date - (extract(isodow from new.entry_date)::integer - 1);
  return new;
end
$$;


ALTER FUNCTION agency.set_time_off_week() OWNER TO workroom_owner;

--
-- Name: set_week_start_date(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.set_week_start_date() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.set_week_start_date() OWNER TO workroom_owner;

--
-- Name: sign_off_timesheet_week(uuid, date); Type: FUNCTION; Schema: agency; Owner: agency_timesheets
--

CREATE FUNCTION agency.sign_off_timesheet_week(p_employee uuid, p_week date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
begin
  if not agency.has_any_role(array['finance', 'leadership']) or p_employee = agency.current_user_id() then
    raise exception 'Only finance or leadership may sign a week off, never their own.' using errcode = '42501';
  end if;
  if not exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = p_employee
                   and t.week_start_date = p_week)
     or exists (select 1 from agency.timesheet_entries t where t.tenant_id = tenant and t.employee_id = p_employee
                  and t.week_start_date = p_week and t.status <> 'approved')
     or exists (select 1 from agency.time_off_entries o where o.tenant_id = tenant and o.employee_id = p_employee
                  and o.week_start_date = p_week and o.status <> 'approved') then
    raise exception 'Only a week whose time is all approved can be signed off.' using errcode = '23514';
  end if;
  perform set_config('app.audit_action', 'sign_off', true);
  insert into agency.timesheet_weeks as k (tenant_id, employee_id, week_start_date, locked_at, signed_off_by, signed_off_at)
  values (tenant, p_employee, p_week, now(), agency.current_user_id(), now())
  on conflict (tenant_id, employee_id, week_start_date) do update
    set locked_at = now(), signed_off_by = excluded.signed_off_by, signed_off_at = now(), updated_at = now();
  insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
  values (tenant, p_employee, 'timesheet_signed_off', p_week, format('Your week of %s is signed off and locked', p_week));
  perform set_config('app.audit_action', '', true);
end
$$;


ALTER FUNCTION agency.sign_off_timesheet_week(p_employee uuid, p_week date) OWNER TO agency_timesheets;

--
-- Name: start_system_unit_of_work(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.start_system_unit_of_work(p_tenant uuid) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_catalog.set_config('app.current_tenant', coalesce(p_tenant::text, ''), true);
  perform pg_catalog.set_config('app.current_user_id', '', true);
  perform pg_catalog.set_config('app.current_role', '', true);
  if not exists (select from agency.tenants t where t.id = p_tenant) then
    raise exception 'no tenant %', p_tenant using errcode = '42501';
  end if;
  perform pg_catalog.set_config('app.current_role', 'system', true);
  return 'system';
end
$$;


ALTER FUNCTION agency.start_system_unit_of_work(p_tenant uuid) OWNER TO workroom_owner;

--
-- Name: start_timer(uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.start_timer(p_campaign uuid, p_phase uuid) RETURNS timestamp with time zone
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_started timestamptz;
begin
  if agency.current_user_id() is null then
    raise exception 'no person' using errcode = '42501';
  end if;
  insert into agency.timesheet_timers (employee_id, campaign_id, phase_id)
  values (agency.current_user_id(), p_campaign, p_phase)
  on conflict (tenant_id, employee_id) do nothing
  returning started_at into v_started;
  if v_started is null then
    raise exception 'A timer is already running; stop it first.' using errcode = '23505', constraint = 'timesheet_timers_tenant_id_employee_id_key';
  end if;
  return v_started;
end
$$;


ALTER FUNCTION agency.start_timer(p_campaign uuid, p_phase uuid) OWNER TO workroom_owner;

--
-- Name: start_unit_of_work(uuid, uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.start_unit_of_work(p_tenant uuid, p_employee uuid) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_role text;
begin
  perform pg_catalog.set_config('app.current_tenant', coalesce(p_tenant::text, ''), true);
  perform pg_catalog.set_config('app.current_user_id', coalesce(p_employee::text, ''), true);
  perform pg_catalog.set_config('app.current_role', '', true);
  select e.agency_role into v_role
  from agency.employees e
  where e.tenant_id = p_tenant and e.id = p_employee and e.active and e.deleted_at is null;
  if v_role is null then
    raise exception 'no active member % in tenant %', p_employee, p_tenant using errcode = '42501';
  end if;
  perform pg_catalog.set_config('app.current_role', v_role, true);
  return v_role;
end
$$;


ALTER FUNCTION agency.start_unit_of_work(p_tenant uuid, p_employee uuid) OWNER TO workroom_owner;

--
-- Name: stop_timer(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.stop_timer() RETURNS numeric
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_timer agency.timesheet_timers;
  v_hours numeric;
  v_entry uuid;
begin
  delete from agency.timesheet_timers t
  where t.tenant_id = agency.current_tenant_id() and t.employee_id = agency.current_user_id()
  returning * into v_timer;
  if v_timer.employee_id is null then
    raise exception 'No timer is running.' using errcode = '23514';
  end if;
  v_hours := round(extract(epoch from now() - v_timer.started_at) / 900) / 4;
  if v_hours <= 0 then
    return 0;
  end if;
  v_hours := least(v_hours, 24);
  select e.id into v_entry
  from agency.timesheet_entries e
  where e.tenant_id = v_timer.tenant_id and e.employee_id = v_timer.employee_id and e.campaign_id = v_timer.campaign_id
    and e.phase_id is not distinct from v_timer.phase_id and e.entry_date = current_date and e.status in ('draft', 'rejected')
  order by e.created_at
  limit 1;
  if v_entry is null then
    insert into agency.timesheet_entries (campaign_id, phase_id, entry_date, hours)
    values (v_timer.campaign_id, v_timer.phase_id, current_date, v_hours);
  else
    update agency.timesheet_entries set hours = hours + v_hours where tenant_id = v_timer.tenant_id and id = v_entry;
  end if;
  return v_hours;
end
$$;


ALTER FUNCTION agency.stop_timer() OWNER TO workroom_owner;

--
-- Name: suite_counts(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.suite_counts() RETURNS TABLE(open_quotes bigint, expenses_awaiting_approval bigint, gear_out bigint, gear_overdue bigint, ppm_projects_linked bigint)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select (select count(*) from procure.project_quotes q where q.status in ('draft', 'submitted')),
         (select count(*) from te.expense_lines e where e.status = 'submitted'),
         (select count(*) from gear.checkouts g where g.returned_at is null),
         (select count(*) from gear.checkouts g where g.returned_at is null and g.due_back_at < pg_catalog.now()),
         (select count(*) from finance_ppm.projects p where p.agency_campaign_id is not null)
$$;


ALTER FUNCTION agency.suite_counts() OWNER TO workroom_owner;

--
-- Name: time_import_active(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.time_import_active() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(current_setting('app.timesheet_import', true) = 'on', false) and agency.has_role('admin')
$$;


ALTER FUNCTION agency.time_import_active() OWNER TO workroom_owner;

--
-- Name: time_rules_bind(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.time_rules_bind() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select pg_catalog.pg_has_role(current_user, 'agency_app', 'MEMBER')
         and not coalesce((select r.rolbypassrls from pg_catalog.pg_roles r where r.rolname = current_user), false)
$$;


ALTER FUNCTION agency.time_rules_bind() OWNER TO workroom_owner;

--
-- Name: timesheet_import_problems(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.timesheet_import_problems(p_batch uuid) RETURNS TABLE(line_no integer, reason text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.timesheet_import_problems(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: timesheet_import_resolved(uuid); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.timesheet_import_resolved(p_batch uuid) RETURNS TABLE(line_no integer, employee_id uuid, campaign_id uuid, entry_date date, hours numeric, billable boolean, description text, problem text)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION agency.timesheet_import_resolved(p_batch uuid) OWNER TO workroom_owner;

--
-- Name: time_off_entries; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.time_off_entries (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid DEFAULT agency.current_user_id() NOT NULL,
    kind text NOT NULL,
    entry_date date NOT NULL,
    hours numeric(5,2) NOT NULL,
    description text,
    week_start_date date NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    submitted_at timestamp with time zone,
    approved_by uuid,
    approved_at timestamp with time zone,
    rejected_by uuid,
    rejected_at timestamp with time zone,
    rejection_reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT time_off_entries_description_check CHECK (((description IS NULL) OR (length(description) <= 1000))),
    CONSTRAINT time_off_entries_hours_check CHECK (((hours > (0)::numeric) AND (hours <= (24)::numeric))),
    CONSTRAINT time_off_entries_kind_check CHECK ((kind = ANY (ARRAY['holiday'::text, 'sick'::text, 'leave'::text]))),
    CONSTRAINT time_off_entries_rejection_reason_check CHECK (((rejection_reason IS NULL) OR ((length(btrim(rejection_reason)) >= 1) AND (length(btrim(rejection_reason)) <= 1000)))),
    CONSTRAINT time_off_entries_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE ONLY agency.time_off_entries FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.time_off_entries OWNER TO workroom_owner;

--
-- Name: timesheet_entries; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.timesheet_entries (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid DEFAULT agency.current_user_id() NOT NULL,
    campaign_id uuid NOT NULL,
    phase_id uuid,
    entry_date date NOT NULL,
    hours numeric(5,2) NOT NULL,
    billable boolean NOT NULL,
    description text,
    week_start_date date NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    submitted_at timestamp with time zone,
    approved_by uuid,
    approved_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    rejected_by uuid,
    rejected_at timestamp with time zone,
    rejection_reason text,
    import_batch_id uuid,
    import_key uuid,
    CONSTRAINT timesheet_entries_hours_check CHECK (((hours > (0)::numeric) AND (hours <= (24)::numeric))),
    CONSTRAINT timesheet_entries_rejection_reason_check CHECK (((rejection_reason IS NULL) OR ((length(btrim(rejection_reason)) >= 1) AND (length(btrim(rejection_reason)) <= 1000)))),
    CONSTRAINT timesheet_entries_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE ONLY agency.timesheet_entries FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.timesheet_entries OWNER TO workroom_owner;

--
-- Name: timesheet_submitted_parts; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.timesheet_submitted_parts (
    tenant_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    week_start_date date NOT NULL,
    campaign_id uuid NOT NULL,
    entries integer NOT NULL,
    hours numeric NOT NULL,
    submitted_at timestamp with time zone
);

ALTER TABLE ONLY agency.timesheet_submitted_parts FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.timesheet_submitted_parts OWNER TO workroom_owner;

--
-- Name: timesheet_weeks; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.timesheet_weeks (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid NOT NULL,
    week_start_date date NOT NULL,
    locked_at timestamp with time zone,
    signed_off_by uuid,
    signed_off_at timestamp with time zone,
    unlocked_by uuid,
    unlocked_at timestamp with time zone,
    unlock_reason text,
    reminded_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    submitted_at timestamp with time zone,
    rejected_at timestamp with time zone,
    rejected_by uuid,
    rejection_reason text,
    CONSTRAINT timesheet_weeks_week_start_date_check CHECK ((EXTRACT(isodow FROM week_start_date) = (1)::numeric))
);

ALTER TABLE ONLY agency.timesheet_weeks FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.timesheet_weeks OWNER TO workroom_owner;

--
-- Name: timesheet_weeks_awaiting_me(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.timesheet_weeks_awaiting_me() RETURNS TABLE(employee_id uuid, week_start_date date, stage text, entries bigint, hours numeric, submitted_at timestamp with time zone)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 SELECT x.employee_id,
     x.week_start_date,
     'approve'::text AS text,
     sum(x.entries) AS sum,
     sum(x.hours) AS sum,
     max(x.submitted_at) AS max
    FROM ( SELECT p.employee_id,
             p.week_start_date,
             p.entries,
             p.hours,
             p.submitted_at
            FROM agency.timesheet_submitted_parts p
           WHERE ((p.tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)) AND (p.employee_id IS DISTINCT FROM ( SELECT agency.current_user_id() AS current_user_id)) AND (( SELECT agency.has_role('leadership'::text) AS has_role) OR (( SELECT agency.has_role('pm'::text) AS has_role) AND (EXISTS ( SELECT 1
                    FROM agency.campaign_team tm
                   WHERE ((tm.tenant_id = p.tenant_id) AND (tm.campaign_id = p.campaign_id) AND (tm.employee_id = ( SELECT agency.current_user_id() AS current_user_id)) AND (tm.team_role = 'project_manager'::text)))))))
         UNION ALL
          SELECT o.employee_id,
             o.week_start_date,
             1,
             o.hours,
             o.submitted_at
            FROM agency.time_off_entries o
           WHERE ((o.tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)) AND (o.status = 'submitted'::text) AND ( SELECT agency.has_role('leadership'::text) AS has_role) AND (o.employee_id IS DISTINCT FROM ( SELECT agency.current_user_id() AS current_user_id)))) x
   GROUP BY x.employee_id, x.week_start_date
 UNION ALL
  SELECT t.employee_id,
     t.week_start_date,
     'sign_off'::text,
     count(*) AS count,
     sum(t.hours) AS sum,
     max(t.approved_at) AS max
    FROM agency.timesheet_entries t
   WHERE ((t.tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)) AND ( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role) AND (t.employee_id IS DISTINCT FROM ( SELECT agency.current_user_id() AS current_user_id)) AND ( SELECT x.timesheet_finance_signoff
            FROM agency.tenants x
           WHERE (x.id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) AND (t.status = 'approved'::text) AND (t.week_start_date >= (( SELECT agency.current_week_start() AS current_week_start) - (7 * 26))) AND (NOT (EXISTS ( SELECT 1
            FROM agency.timesheet_weeks w
           WHERE ((w.tenant_id = t.tenant_id) AND (w.employee_id = t.employee_id) AND (w.week_start_date = t.week_start_date) AND (w.locked_at IS NOT NULL))))) AND (NOT (EXISTS ( SELECT 1
            FROM agency.timesheet_entries u
           WHERE ((u.tenant_id = t.tenant_id) AND (u.employee_id = t.employee_id) AND (u.week_start_date = t.week_start_date) AND (u.status <> 'approved'::text))))))
   GROUP BY t.employee_id, t.week_start_date;
END;


ALTER FUNCTION agency.timesheet_weeks_awaiting_me() OWNER TO workroom_owner;

--
-- Name: unlock_timesheet_week(uuid, date, text); Type: FUNCTION; Schema: agency; Owner: agency_timesheets
--

CREATE FUNCTION agency.unlock_timesheet_week(p_employee uuid, p_week date, p_reason text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  tenant constant uuid := agency.current_tenant_id();
  reopened integer;
begin
  if not agency.has_any_role(array['finance', 'leadership']) then
    raise exception 'Only finance or leadership may unlock a week.' using errcode = '42501';
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'Say why the week is unlocked.' using errcode = '23514', constraint = 'timesheet_unlock_reason';
  end if;
  if not agency.week_locked(p_employee, p_week) then
    raise exception 'The week of % is not locked.', p_week using errcode = '23514';
  end if;
  perform set_config('app.audit_action', 'unlock', true);
  perform set_config('app.audit_reason', p_reason, true);
  update agency.timesheet_weeks
  set locked_at = null, signed_off_by = null, signed_off_at = null,
      unlocked_by = agency.current_user_id(), unlocked_at = now(), unlock_reason = p_reason, updated_at = now()
  where tenant_id = tenant and employee_id = p_employee and week_start_date = p_week;
  update agency.timesheet_entries
  set status = 'draft', submitted_at = null, approved_by = null, approved_at = null
  where tenant_id = tenant and employee_id = p_employee and week_start_date = p_week;
  get diagnostics reopened = row_count;
  update agency.time_off_entries
  set status = 'draft', submitted_at = null, approved_by = null, approved_at = null
  where tenant_id = tenant and employee_id = p_employee and week_start_date = p_week;
  insert into agency.notifications (tenant_id, recipient_id, kind, week_start_date, title)
  values (tenant, p_employee, 'timesheet_unlocked', p_week,
          left(format('Your week of %s was unlocked: %s', p_week, p_reason), 300));
  perform set_config('app.audit_action', '', true);
  perform set_config('app.audit_reason', '', true);
  return reopened;
end
$$;


ALTER FUNCTION agency.unlock_timesheet_week(p_employee uuid, p_week date, p_reason text) OWNER TO agency_timesheets;

--
-- Name: update_updated_at_column(); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.updated_at := pg_catalog.now();
  new.updated_by := coalesce(agency.current_user_id(), new.updated_by);
  return new;
end
$$;


ALTER FUNCTION agency.update_updated_at_column() OWNER TO workroom_owner;

--
-- Name: employee_utilization_targets; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.employee_utilization_targets (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid NOT NULL,
    effective_from date NOT NULL,
    target numeric(4,3) NOT NULL,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT employee_utilization_targets_note_check CHECK (((note IS NULL) OR (length(note) <= 500))),
    CONSTRAINT employee_utilization_targets_target_check CHECK (((target >= (0)::numeric) AND (target <= (1)::numeric)))
);

ALTER TABLE ONLY agency.employee_utilization_targets FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.employee_utilization_targets OWNER TO workroom_owner;

--
-- Name: utilization_target_for(uuid, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.utilization_target_for(employee_id uuid, on_date date) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT t.target FROM agency.employee_utilization_targets t WHERE ((t.tenant_id = agency.current_tenant_id()) AND (t.employee_id = utilization_target_for.employee_id) AND (t.effective_from <= utilization_target_for.on_date)) ORDER BY t.effective_from DESC LIMIT 1), (SELECT n.utilization_target FROM agency.tenants n WHERE (n.id = agency.current_tenant_id())));


ALTER FUNCTION agency.utilization_target_for(employee_id uuid, on_date date) OWNER TO workroom_owner;

--
-- Name: week_locked(uuid, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.week_locked(p_employee uuid, p_week date) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select exists (select 1 from agency.timesheet_weeks w
                 where w.tenant_id = agency.current_tenant_id() and w.employee_id = p_employee
                   and w.week_start_date = p_week and w.locked_at is not null)
      or (exists (select 1 from agency.timesheet_entries t
                  where t.tenant_id = agency.current_tenant_id() and t.week_start_date = p_week
                    and t.employee_id = p_employee and t.status = 'approved')
          and not exists (select 1 from agency.timesheet_entries t
                          where t.tenant_id = agency.current_tenant_id() and t.week_start_date = p_week
                            and t.employee_id = p_employee and t.status <> 'approved')
          and not exists (select 1 from agency.time_off_entries o
                          where o.tenant_id = agency.current_tenant_id() and o.week_start_date = p_week
                            and o.employee_id = p_employee and o.status <> 'approved')
          and not coalesce((select x.timesheet_finance_signoff from agency.tenants x where x.id = agency.current_tenant_id()), false))
$$;


ALTER FUNCTION agency.week_locked(p_employee uuid, p_week date) OWNER TO workroom_owner;

--
-- Name: employee_capacity_periods; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.employee_capacity_periods (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid NOT NULL,
    effective_from date NOT NULL,
    effective_to date,
    weekly_hours numeric(5,2) NOT NULL,
    previous_hours numeric(5,2),
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT employee_capacity_periods_note_check CHECK (((note IS NULL) OR (length(note) <= 500))),
    CONSTRAINT employee_capacity_periods_weekly_hours_check CHECK (((weekly_hours >= (0)::numeric) AND (weekly_hours <= (80)::numeric)))
);

ALTER TABLE ONLY agency.employee_capacity_periods FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.employee_capacity_periods OWNER TO workroom_owner;

--
-- Name: weekly_capacities(uuid, date, date, uuid[]); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.weekly_capacities(p_tenant uuid, p_from date, p_to date, p_employees uuid[]) RETURNS TABLE(employee_id uuid, week_start_date date, capacity_hours numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 WITH weeks AS (
          SELECT (g.d)::date AS monday
            FROM generate_series(((weekly_capacities.p_from - ((EXTRACT(isodow FROM weekly_capacities.p_from))::integer - 1)))::timestamp without time zone, (weekly_capacities.p_to)::timestamp without time zone, '7 days'::interval) g(d)
         ), periods AS (
          SELECT p.employee_id,
             p.effective_from,
             p.effective_to,
             p.weekly_hours,
             p.previous_hours
            FROM agency.employee_capacity_periods p
           WHERE ((p.tenant_id = weekly_capacities.p_tenant) AND ((weekly_capacities.p_employees IS NULL) OR (p.employee_id = ANY (weekly_capacities.p_employees))))
         )
  SELECT COALESCE(b.employee_id, c.employee_id) AS "coalesce",
     COALESCE(b.monday, c.monday) AS "coalesce",
     round((COALESCE(b.weekly_hours, (0)::numeric) + COALESCE(c.change, (0)::numeric)), 2) AS round
    FROM (( SELECT p.employee_id,
             w.monday,
             p.weekly_hours
            FROM (weeks w
              JOIN periods p ON (((p.effective_from <= w.monday) AND ((p.effective_to IS NULL) OR (p.effective_to > w.monday)))))) b
      FULL JOIN ( SELECT p.employee_id,
             w.monday,
             sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, w.monday)) AS change
            FROM (weeks w
              JOIN periods p ON (((p.effective_from > w.monday) AND (p.effective_from < (w.monday + 5)))))
           GROUP BY p.employee_id, w.monday) c ON (((c.employee_id = b.employee_id) AND (c.monday = b.monday))));
END;


ALTER FUNCTION agency.weekly_capacities(p_tenant uuid, p_from date, p_to date, p_employees uuid[]) OWNER TO workroom_owner;

--
-- Name: weekly_capacities(uuid, date, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.weekly_capacities(p_tenant uuid, p_from date, p_to date) RETURNS TABLE(employee_id uuid, week_start_date date, capacity_hours numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT k.employee_id,
     k.week_start_date,
     k.capacity_hours
    FROM agency.weekly_capacities(weekly_capacities.p_tenant, weekly_capacities.p_from, weekly_capacities.p_to, NULL::uuid[]) k(employee_id, week_start_date, capacity_hours);
END;


ALTER FUNCTION agency.weekly_capacities(p_tenant uuid, p_from date, p_to date) OWNER TO workroom_owner;

--
-- Name: weekly_capacity(uuid, uuid, date); Type: FUNCTION; Schema: agency; Owner: workroom_owner
--

CREATE FUNCTION agency.weekly_capacity(p_tenant uuid, p_employee uuid, p_week date) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT round((COALESCE((SELECT p.weekly_hours FROM agency.employee_capacity_periods p WHERE ((p.tenant_id = weekly_capacity.p_tenant) AND (p.employee_id = weekly_capacity.p_employee) AND (p.effective_from <= m.monday) AND ((p.effective_to IS NULL) OR (p.effective_to > m.monday)))), (0)::numeric) + COALESCE((SELECT sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, m.monday)) AS sum FROM agency.employee_capacity_periods p WHERE ((p.tenant_id = weekly_capacity.p_tenant) AND (p.employee_id = weekly_capacity.p_employee) AND (p.effective_from > m.monday) AND (p.effective_from < (m.monday + 5)))), (0)::numeric)), 2) AS round FROM (SELECT (weekly_capacity.p_week - ((EXTRACT(isodow FROM weekly_capacity.p_week))::integer - 1)) AS monday) m);


ALTER FUNCTION agency.weekly_capacity(p_tenant uuid, p_employee uuid, p_week date) OWNER TO workroom_owner;

--
-- Name: ai_conversations; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.ai_conversations (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid DEFAULT agency.current_user_id() NOT NULL,
    title text DEFAULT 'New conversation'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone
);

ALTER TABLE ONLY agency.ai_conversations FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.ai_conversations OWNER TO workroom_owner;

--
-- Name: ai_messages; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.ai_messages (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    conversation_id uuid NOT NULL,
    role text NOT NULL,
    content text NOT NULL,
    citations jsonb DEFAULT '[]'::jsonb NOT NULL,
    model text,
    prompt_tokens integer,
    completion_tokens integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    figures jsonb DEFAULT '[]'::jsonb NOT NULL,
    intent text,
    CONSTRAINT ai_messages_citations_check CHECK ((jsonb_typeof(citations) = 'array'::text)),
    CONSTRAINT ai_messages_figures_array CHECK ((jsonb_typeof(figures) = 'array'::text)),
    CONSTRAINT ai_messages_question_size CHECK (((role <> 'user'::text) OR (length(content) <= 1000))),
    CONSTRAINT ai_messages_role_check CHECK ((role = ANY (ARRAY['user'::text, 'assistant'::text, 'system'::text, 'tool'::text])))
);

ALTER TABLE ONLY agency.ai_messages FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.ai_messages OWNER TO workroom_owner;

--
-- Name: artifact_attachments; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifact_attachments (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    artifact_id uuid NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    content bytea NOT NULL,
    byte_size integer GENERATED ALWAYS AS (octet_length(content)) STORED,
    thumbnail bytea,
    thumbnail_type text,
    created_by uuid DEFAULT agency.current_user_id() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT artifact_attachments_file_name_check CHECK (((length(btrim(file_name)) >= 1) AND (length(btrim(file_name)) <= 255))),
    CONSTRAINT artifact_attachments_size CHECK (((octet_length(content) >= 1) AND (octet_length(content) <= 10485760))),
    CONSTRAINT artifact_attachments_thumbnail CHECK ((((thumbnail IS NULL) AND (thumbnail_type IS NULL)) OR (COALESCE((thumbnail_type = agency.image_type(thumbnail)), false) AND (octet_length(thumbnail) <= 262144)))),
    CONSTRAINT artifact_attachments_type CHECK (COALESCE((content_type = agency.image_type(content)), false))
);
ALTER TABLE ONLY agency.artifact_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE ONLY agency.artifact_attachments ALTER COLUMN thumbnail SET STORAGE EXTERNAL;

ALTER TABLE ONLY agency.artifact_attachments FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifact_attachments OWNER TO workroom_owner;

--
-- Name: artifact_comments; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifact_comments (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    artifact_id uuid NOT NULL,
    parent_comment_id uuid,
    author_id uuid DEFAULT agency.current_user_id() NOT NULL,
    body text NOT NULL,
    resolved boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    quote_text text,
    quote_start integer,
    resolved_by uuid,
    resolved_at timestamp with time zone,
    CONSTRAINT artifact_comments_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 10000))),
    CONSTRAINT artifact_comments_quote_start_check CHECK (((quote_start IS NULL) OR (quote_start >= 0))),
    CONSTRAINT artifact_comments_quote_text_check CHECK (((quote_text IS NULL) OR ((length(quote_text) >= 1) AND (length(quote_text) <= 1000))))
);

ALTER TABLE ONLY agency.artifact_comments FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifact_comments OWNER TO workroom_owner;

--
-- Name: artifact_presence; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifact_presence (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    artifact_id uuid NOT NULL,
    employee_id uuid DEFAULT agency.current_user_id() NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY agency.artifact_presence FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifact_presence OWNER TO workroom_owner;

--
-- Name: artifact_review_events; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifact_review_events (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    artifact_id uuid NOT NULL,
    from_status text NOT NULL,
    to_status text NOT NULL,
    step text NOT NULL,
    reason text,
    actor_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT artifact_review_events_check CHECK ((from_status <> to_status)),
    CONSTRAINT artifact_review_events_check1 CHECK (((step <> ALL (ARRAY['changes_requested'::text, 'reopened'::text])) OR (reason IS NOT NULL))),
    CONSTRAINT artifact_review_events_from_status_check CHECK ((from_status = ANY (ARRAY['draft'::text, 'in_review'::text, 'approved'::text, 'archived'::text]))),
    CONSTRAINT artifact_review_events_reason_check CHECK (((reason IS NULL) OR ((length(btrim(reason)) >= 1) AND (length(btrim(reason)) <= 2000)))),
    CONSTRAINT artifact_review_events_step_check CHECK ((step = ANY (ARRAY['submitted'::text, 'approved'::text, 'changes_requested'::text, 'withdrawn'::text, 'reopened'::text, 'archived'::text, 'unarchived'::text]))),
    CONSTRAINT artifact_review_events_to_status_check CHECK ((to_status = ANY (ARRAY['draft'::text, 'in_review'::text, 'approved'::text, 'archived'::text])))
);

ALTER TABLE ONLY agency.artifact_review_events FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifact_review_events OWNER TO workroom_owner;

--
-- Name: artifact_templates; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifact_templates (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    artifact_type text NOT NULL,
    name text NOT NULL,
    description text,
    content text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT artifact_templates_artifact_type_check CHECK ((artifact_type = ANY (ARRAY['brief'::text, 'script'::text, 'deck'::text, 'board'::text, 'copy'::text, 'storyboard'::text, 'moodboard'::text, 'report'::text, 'other'::text]))),
    CONSTRAINT artifact_templates_content_check CHECK ((length(content) <= 200000)),
    CONSTRAINT artifact_templates_description_check CHECK (((description IS NULL) OR (length(description) <= 300))),
    CONSTRAINT artifact_templates_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 120)))
);

ALTER TABLE ONLY agency.artifact_templates FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifact_templates OWNER TO workroom_owner;

--
-- Name: artifact_versions; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifact_versions (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    artifact_id uuid NOT NULL,
    version_number integer NOT NULL,
    title text NOT NULL,
    content text NOT NULL,
    change_summary text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT artifact_versions_version_number_check CHECK ((version_number >= 1))
);

ALTER TABLE ONLY agency.artifact_versions FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifact_versions OWNER TO workroom_owner;

--
-- Name: artifacts; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.artifacts (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    campaign_id uuid NOT NULL,
    artifact_type text NOT NULL,
    title text NOT NULL,
    content text DEFAULT ''::text NOT NULL,
    content_preview text GENERATED ALWAYS AS ("left"(regexp_replace(content, '\s+'::text, ' '::text, 'g'::text), 280)) STORED,
    status text DEFAULT 'draft'::text NOT NULL,
    owner_id uuid DEFAULT agency.current_user_id() NOT NULL,
    current_version integer DEFAULT 1 NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(content, ''::text)), 'B'::"char"))) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    due_date date,
    CONSTRAINT artifacts_artifact_type_check CHECK ((artifact_type = ANY (ARRAY['brief'::text, 'script'::text, 'deck'::text, 'board'::text, 'copy'::text, 'storyboard'::text, 'moodboard'::text, 'report'::text, 'other'::text]))),
    CONSTRAINT artifacts_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'in_review'::text, 'approved'::text, 'archived'::text]))),
    CONSTRAINT artifacts_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 300)))
);

ALTER TABLE ONLY agency.artifacts FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.artifacts OWNER TO workroom_owner;

--
-- Name: audit_log; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.audit_log (
    tenant_id uuid NOT NULL,
    id bigint NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    actor_id uuid DEFAULT agency.current_user_id(),
    actor_role text DEFAULT NULLIF(current_setting('app.current_role'::text, true), ''::text),
    entity text NOT NULL,
    entity_id uuid,
    action text NOT NULL,
    reason text,
    old_values jsonb,
    new_values jsonb,
    CONSTRAINT audit_log_action_check CHECK (((length(action) >= 1) AND (length(action) <= 40))),
    CONSTRAINT audit_log_entity_check CHECK (((length(entity) >= 1) AND (length(entity) <= 60))),
    CONSTRAINT audit_log_reason_check CHECK (((reason IS NULL) OR (length(reason) <= 1000)))
);

ALTER TABLE ONLY agency.audit_log FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.audit_log OWNER TO workroom_owner;

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME agency.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: brands; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.brands (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    client_id uuid NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    description text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    CONSTRAINT brands_code_check CHECK ((code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'::text)),
    CONSTRAINT brands_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200)))
);

ALTER TABLE ONLY agency.brands FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.brands OWNER TO workroom_owner;

--
-- Name: campaign_budget_use; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_budget_use (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    budget_spent_pct numeric,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY agency.campaign_budget_use FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_budget_use OWNER TO workroom_owner;

--
-- Name: checkouts; Type: TABLE; Schema: gear; Owner: workroom_owner
--

CREATE TABLE gear.checkouts (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    equipment_name text NOT NULL,
    asset_tag text NOT NULL,
    checked_out_by uuid NOT NULL,
    checked_out_at timestamp with time zone NOT NULL,
    due_back_at timestamp with time zone,
    returned_at timestamp with time zone,
    daily_rate numeric(10,2) DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    agency_campaign_id uuid,
    CONSTRAINT checkouts_check CHECK (((returned_at IS NULL) OR (returned_at >= checked_out_at))),
    CONSTRAINT checkouts_daily_rate_check CHECK ((daily_rate >= (0)::numeric))
);

ALTER TABLE ONLY gear.checkouts FORCE ROW LEVEL SECURITY;


ALTER TABLE gear.checkouts OWNER TO workroom_owner;

--
-- Name: project_quotes; Type: TABLE; Schema: procure; Owner: workroom_owner
--

CREATE TABLE procure.project_quotes (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    quote_number text NOT NULL,
    vendor_name text NOT NULL,
    description text,
    amount numeric(14,2) NOT NULL,
    currency character(3) DEFAULT 'USD'::bpchar NOT NULL,
    status text DEFAULT 'draft'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT project_quotes_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT project_quotes_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE ONLY procure.project_quotes FORCE ROW LEVEL SECURITY;


ALTER TABLE procure.project_quotes OWNER TO workroom_owner;

--
-- Name: expense_lines; Type: TABLE; Schema: te; Owner: workroom_owner
--

CREATE TABLE te.expense_lines (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid NOT NULL,
    expense_date date NOT NULL,
    category text NOT NULL,
    description text,
    amount numeric(12,2) NOT NULL,
    currency character(3) DEFAULT 'USD'::bpchar NOT NULL,
    status text DEFAULT 'submitted'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    agency_campaign_id uuid,
    CONSTRAINT expense_lines_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT expense_lines_category_check CHECK ((category = ANY (ARRAY['travel'::text, 'meals'::text, 'lodging'::text, 'production'::text, 'talent'::text, 'media'::text, 'software'::text, 'other'::text]))),
    CONSTRAINT expense_lines_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'approved'::text, 'reimbursed'::text, 'rejected'::text])))
);

ALTER TABLE ONLY te.expense_lines FORCE ROW LEVEL SECURITY;


ALTER TABLE te.expense_lines OWNER TO workroom_owner;

--
-- Name: campaign_cost_lines; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.campaign_cost_lines WITH (security_invoker='true') AS
 SELECT e.tenant_id,
    e.agency_campaign_id AS campaign_id,
    e.employee_id,
    'expense'::text AS source,
    e.expense_date AS cost_date,
    (e.amount)::numeric AS amount
   FROM te.expense_lines e
  WHERE ((e.agency_campaign_id IS NOT NULL) AND (e.status <> 'rejected'::text))
UNION ALL
 SELECT g.tenant_id,
    g.agency_campaign_id AS campaign_id,
    g.checked_out_by AS employee_id,
    'equipment'::text AS source,
    (g.checked_out_at)::date AS cost_date,
    agency.checkout_cost(g.daily_rate, g.checked_out_at, g.returned_at) AS amount
   FROM gear.checkouts g
  WHERE (g.agency_campaign_id IS NOT NULL)
UNION ALL
 SELECT c.tenant_id,
    c.id AS campaign_id,
    NULL::uuid AS employee_id,
    'quote'::text AS source,
    c.start_date AS cost_date,
    (q.amount)::numeric AS amount
   FROM (agency.campaigns c
     JOIN procure.project_quotes q ON (((q.tenant_id = c.tenant_id) AND (q.id = c.procure_quote_id) AND (q.status = 'approved'::text))));


ALTER TABLE agency.campaign_cost_lines OWNER TO workroom_owner;

--
-- Name: campaign_health; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_health (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    health text NOT NULL,
    health_reason text,
    refreshed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT campaign_health_health_check CHECK ((health = ANY (ARRAY['on_track'::text, 'at_risk'::text, 'off_track'::text])))
);

ALTER TABLE ONLY agency.campaign_health FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_health OWNER TO workroom_owner;

--
-- Name: campaign_month_hours; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_month_hours (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    month_start_date date NOT NULL,
    total_hours numeric NOT NULL,
    billable_hours numeric NOT NULL,
    entry_count integer NOT NULL,
    bucket_count integer NOT NULL
);

ALTER TABLE ONLY agency.campaign_month_hours FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_month_hours OWNER TO workroom_owner;

--
-- Name: campaign_month_money; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_month_money (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    month_start_date date NOT NULL,
    revenue numeric NOT NULL,
    labor_cost numeric NOT NULL,
    bucket_count integer NOT NULL
);

ALTER TABLE ONLY agency.campaign_month_money FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_month_money OWNER TO workroom_owner;

--
-- Name: campaign_phases; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_phases (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    campaign_id uuid NOT NULL,
    phase_type text NOT NULL,
    name text NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    status text DEFAULT 'not_started'::text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    budget_amount numeric(14,2) DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT campaign_phases_budget_amount_check CHECK ((budget_amount >= (0)::numeric)),
    CONSTRAINT campaign_phases_check CHECK ((end_date >= start_date)),
    CONSTRAINT campaign_phases_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT campaign_phases_phase_type_check CHECK ((phase_type = ANY (ARRAY['strategy'::text, 'creative'::text, 'production'::text, 'post'::text]))),
    CONSTRAINT campaign_phases_status_check CHECK ((status = ANY (ARRAY['not_started'::text, 'in_progress'::text, 'completed'::text])))
);

ALTER TABLE ONLY agency.campaign_phases FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_phases OWNER TO workroom_owner;

--
-- Name: campaign_week_money; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_week_money (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    week_start_date date NOT NULL,
    month_start_date date NOT NULL,
    revenue numeric NOT NULL,
    labor_cost numeric NOT NULL
);

ALTER TABLE ONLY agency.campaign_week_money FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_week_money OWNER TO workroom_owner;

--
-- Name: campaign_spend_lines; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.campaign_spend_lines WITH (security_invoker='true') AS
 SELECT w.tenant_id,
    w.campaign_id,
    'time'::text AS source,
    w.week_start_date,
    w.revenue AS amount
   FROM agency.campaign_week_money w
UNION ALL
 SELECT l.tenant_id,
    l.campaign_id,
    l.source,
    (l.cost_date - ((EXTRACT(isodow FROM l.cost_date))::integer - 1)) AS week_start_date,
    l.amount
   FROM agency.campaign_cost_lines l;


ALTER TABLE agency.campaign_spend_lines OWNER TO workroom_owner;

--
-- Name: campaign_spend_totals; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.campaign_spend_totals WITH (security_invoker='true') AS
 SELECT s.tenant_id,
    s.campaign_id,
    sum(s.amount) AS spend,
    sum(s.amount) FILTER (WHERE (s.source <> 'time'::text)) AS direct_cost
   FROM ( SELECT m.tenant_id,
            m.campaign_id,
            'time'::text AS source,
            m.revenue AS amount
           FROM agency.campaign_month_money m
        UNION ALL
         SELECT l.tenant_id,
            l.campaign_id,
            l.source,
            l.amount
           FROM agency.campaign_cost_lines l) s
  GROUP BY s.tenant_id, s.campaign_id;


ALTER TABLE agency.campaign_spend_totals OWNER TO workroom_owner;

--
-- Name: campaign_week_hours; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.campaign_week_hours (
    tenant_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    week_start_date date NOT NULL,
    month_start_date date NOT NULL,
    total_hours numeric NOT NULL,
    billable_hours numeric NOT NULL,
    entry_count integer NOT NULL,
    last_entry_date date NOT NULL
);

ALTER TABLE ONLY agency.campaign_week_hours FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.campaign_week_hours OWNER TO workroom_owner;

--
-- Name: client_import_rows; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.client_import_rows (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    batch_id uuid NOT NULL,
    line_no integer NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    code text,
    industry text,
    status text,
    website text,
    brands text[] DEFAULT '{}'::text[] NOT NULL,
    problem text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT client_import_rows_line_no_check CHECK ((line_no >= 1))
);

ALTER TABLE ONLY agency.client_import_rows FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.client_import_rows OWNER TO workroom_owner;

--
-- Name: clients; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.clients (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    sector text,
    status text DEFAULT 'active'::text NOT NULL,
    website text,
    primary_contact_name text,
    primary_contact_email text,
    notes text,
    account_lead_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    import_batch_id uuid,
    CONSTRAINT clients_code_check CHECK ((code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'::text)),
    CONSTRAINT clients_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT clients_status_check CHECK ((status = ANY (ARRAY['prospect'::text, 'active'::text, 'inactive'::text, 'archived'::text])))
);

ALTER TABLE ONLY agency.clients FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.clients OWNER TO workroom_owner;

--
-- Name: employee_week_bookings; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.employee_week_bookings (
    tenant_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    week_start_date date NOT NULL,
    firm_hours numeric DEFAULT 0 NOT NULL,
    tentative_hours numeric DEFAULT 0 NOT NULL,
    allocation_count integer DEFAULT 0 NOT NULL
);

ALTER TABLE ONLY agency.employee_week_bookings FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.employee_week_bookings OWNER TO workroom_owner;

--
-- Name: employee_week_hours; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.employee_week_hours (
    tenant_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    week_start_date date NOT NULL,
    total_hours numeric DEFAULT 0 NOT NULL,
    billable_hours numeric DEFAULT 0 NOT NULL,
    entry_count integer DEFAULT 0 NOT NULL,
    allocated_hours numeric DEFAULT 0 NOT NULL,
    allocation_count integer DEFAULT 0 NOT NULL
);

ALTER TABLE ONLY agency.employee_week_hours FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.employee_week_hours OWNER TO workroom_owner;

--
-- Name: import_batches; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.import_batches (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    file_name text NOT NULL,
    file_sha256 text NOT NULL,
    rows_read integer DEFAULT 0 NOT NULL,
    rows_added integer,
    rows_unchanged integer,
    imported_by uuid DEFAULT agency.current_user_id() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT import_batches_file_name_check CHECK (((length(btrim(file_name)) >= 1) AND (length(btrim(file_name)) <= 300))),
    CONSTRAINT import_batches_file_sha256_check CHECK ((file_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT import_batches_kind_check CHECK ((kind = ANY (ARRAY['clients'::text, 'people'::text, 'timesheets'::text]))),
    CONSTRAINT import_batches_rows_added_check CHECK ((rows_added >= 0)),
    CONSTRAINT import_batches_rows_read_check CHECK ((rows_read >= 0)),
    CONSTRAINT import_batches_rows_unchanged_check CHECK ((rows_unchanged >= 0))
);

ALTER TABLE ONLY agency.import_batches FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.import_batches OWNER TO workroom_owner;

--
-- Name: knowledge_chunk_counts; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.knowledge_chunk_counts (
    tenant_id uuid NOT NULL,
    chunk_count bigint DEFAULT 0 NOT NULL
);

ALTER TABLE ONLY agency.knowledge_chunk_counts FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.knowledge_chunk_counts OWNER TO workroom_owner;

--
-- Name: knowledge_chunks; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.knowledge_chunks (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    document_id uuid,
    chunk_index integer NOT NULL,
    content text NOT NULL,
    token_count integer,
    embedding public.vector(384) NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, content)) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    artifact_id uuid,
    embedding_model text DEFAULT 'all-MiniLM-L6-v2'::text NOT NULL,
    content_hash bytea GENERATED ALWAYS AS (agency.knowledge_content_hash(content)) STORED NOT NULL,
    CONSTRAINT knowledge_chunks_chunk_index_check CHECK ((chunk_index >= 0)),
    CONSTRAINT knowledge_chunks_embedding_model_check CHECK (((length(embedding_model) >= 1) AND (length(embedding_model) <= 200))),
    CONSTRAINT knowledge_chunks_one_source CHECK ((num_nonnulls(document_id, artifact_id) = 1))
);
ALTER TABLE ONLY agency.knowledge_chunks ALTER COLUMN embedding SET STORAGE PLAIN;

ALTER TABLE ONLY agency.knowledge_chunks FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.knowledge_chunks OWNER TO workroom_owner;

--
-- Name: knowledge_documents; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.knowledge_documents (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    client_id uuid,
    brand_id uuid,
    campaign_id uuid,
    title text NOT NULL,
    doc_type text DEFAULT 'other'::text NOT NULL,
    source_uri text,
    content text DEFAULT ''::text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, COALESCE(title, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(content, ''::text)), 'B'::"char"))) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    deleted_at timestamp with time zone,
    team_only boolean DEFAULT false NOT NULL,
    CONSTRAINT knowledge_documents_doc_type_check CHECK ((doc_type = ANY (ARRAY['playbook'::text, 'brand_guidelines'::text, 'post_mortem'::text, 'process'::text, 'case_study'::text, 'research'::text, 'policy'::text, 'other'::text]))),
    CONSTRAINT knowledge_documents_team_needs_campaign CHECK (((NOT team_only) OR (campaign_id IS NOT NULL))),
    CONSTRAINT knowledge_documents_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 300)))
);

ALTER TABLE ONLY agency.knowledge_documents FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.knowledge_documents OWNER TO workroom_owner;

--
-- Name: notifications; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.notifications (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    recipient_id uuid NOT NULL,
    kind text NOT NULL,
    campaign_id uuid,
    threshold integer,
    title text NOT NULL,
    read_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    week_start_date date,
    artifact_id uuid,
    checkout_id uuid,
    CONSTRAINT notifications_artifact_check CHECK (((kind !~~ 'artifact\_%'::text) OR (artifact_id IS NOT NULL))),
    CONSTRAINT notifications_budget_alert_check CHECK (((kind <> 'budget_alert'::text) OR ((campaign_id IS NOT NULL) AND (threshold IS NOT NULL)))),
    CONSTRAINT notifications_kind_check CHECK ((kind = ANY (ARRAY['budget_alert'::text, 'timesheet_submitted'::text, 'timesheet_approved'::text, 'timesheet_rejected'::text, 'timesheet_unlocked'::text, 'timesheet_signed_off'::text, 'timesheet_reminder'::text, 'artifact_review'::text, 'artifact_mention'::text, 'equipment_overdue'::text]))),
    CONSTRAINT notifications_overdue_check CHECK (((kind <> 'equipment_overdue'::text) OR (checkout_id IS NOT NULL))),
    CONSTRAINT notifications_threshold_check CHECK (((threshold >= 1) AND (threshold <= 1000))),
    CONSTRAINT notifications_timesheet_week_check CHECK (((kind = ANY (ARRAY['budget_alert'::text, 'equipment_overdue'::text])) OR (kind ~~ 'artifact\_%'::text) OR (week_start_date IS NOT NULL))),
    CONSTRAINT notifications_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 300)))
);

ALTER TABLE ONLY agency.notifications FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.notifications OWNER TO workroom_owner;

--
-- Name: people_import_rows; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.people_import_rows (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    batch_id uuid NOT NULL,
    line_no integer NOT NULL,
    email text DEFAULT ''::text NOT NULL,
    full_name text DEFAULT ''::text NOT NULL,
    agency_role text,
    title text,
    department text,
    weekly_capacity_hours numeric(5,2),
    start_date date,
    bill_rate numeric(10,2),
    cost_rate numeric(10,2),
    problem text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT people_import_rows_line_no_check CHECK ((line_no >= 1))
);

ALTER TABLE ONLY agency.people_import_rows FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.people_import_rows OWNER TO workroom_owner;

--
-- Name: placeholder_allocations; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.placeholder_allocations (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    placeholder_id uuid NOT NULL,
    week_start_date date NOT NULL,
    hours numeric(5,2) NOT NULL,
    tentative boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT placeholder_allocations_hours_check CHECK (((hours > (0)::numeric) AND (hours <= (80)::numeric)))
);

ALTER TABLE ONLY agency.placeholder_allocations FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.placeholder_allocations OWNER TO workroom_owner;

--
-- Name: staffing_placeholders; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.staffing_placeholders (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    campaign_id uuid NOT NULL,
    role_name text NOT NULL,
    department text,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    CONSTRAINT staffing_placeholders_department_check CHECK (((department IS NULL) OR (length(department) <= 100))),
    CONSTRAINT staffing_placeholders_notes_check CHECK (((notes IS NULL) OR (length(notes) <= 1000))),
    CONSTRAINT staffing_placeholders_role_name_check CHECK (((length(btrim(role_name)) >= 1) AND (length(btrim(role_name)) <= 100)))
);

ALTER TABLE ONLY agency.staffing_placeholders FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.staffing_placeholders OWNER TO workroom_owner;

--
-- Name: team_allocations; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.team_allocations (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    week_start_date date NOT NULL,
    hours numeric(5,2) NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid,
    tentative boolean DEFAULT false NOT NULL,
    CONSTRAINT team_allocations_hours_check CHECK (((hours >= (0)::numeric) AND (hours <= (80)::numeric)))
);

ALTER TABLE ONLY agency.team_allocations FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.team_allocations OWNER TO workroom_owner;

--
-- Name: timesheet_costs; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.timesheet_costs WITH (security_invoker='true') AS
 SELECT t.tenant_id,
    t.id AS entry_id,
    t.employee_id,
    t.campaign_id,
    t.phase_id,
    t.entry_date,
    t.week_start_date,
    t.hours,
    t.billable,
    t.status,
        CASE
            WHEN t.billable THEN (t.hours * r.bill_rate)
            ELSE (0)::numeric
        END AS revenue,
    (t.hours * r.cost_rate) AS labor_cost
   FROM (agency.timesheet_entries t
     LEFT JOIN LATERAL agency.rate_for(t.tenant_id, t.employee_id, t.campaign_id, t.entry_date) r(bill_rate, cost_rate, bill_source, bill_source_id, cost_source, cost_source_id, role_name) ON (true));


ALTER TABLE agency.timesheet_costs OWNER TO workroom_owner;

--
-- Name: timesheet_import_rows; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.timesheet_import_rows (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    batch_id uuid NOT NULL,
    line_no integer NOT NULL,
    person_email text DEFAULT ''::text NOT NULL,
    person_name text DEFAULT ''::text NOT NULL,
    client_name text DEFAULT ''::text NOT NULL,
    campaign_code text DEFAULT ''::text NOT NULL,
    campaign_name text DEFAULT ''::text NOT NULL,
    entry_date date,
    hours numeric(5,2),
    billable boolean,
    description text,
    problem text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT timesheet_import_rows_line_no_check CHECK ((line_no >= 1))
);

ALTER TABLE ONLY agency.timesheet_import_rows FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.timesheet_import_rows OWNER TO workroom_owner;

--
-- Name: timesheet_timers; Type: TABLE; Schema: agency; Owner: workroom_owner
--

CREATE TABLE agency.timesheet_timers (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    employee_id uuid DEFAULT agency.current_user_id() NOT NULL,
    campaign_id uuid NOT NULL,
    phase_id uuid,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by uuid DEFAULT agency.current_user_id(),
    updated_by uuid
);

ALTER TABLE ONLY agency.timesheet_timers FORCE ROW LEVEL SECURITY;


ALTER TABLE agency.timesheet_timers OWNER TO workroom_owner;

--
-- Name: v_artifact_library; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.v_artifact_library WITH (security_invoker='true') AS
 SELECT a.tenant_id,
    a.id AS artifact_id,
    a.title,
    a.artifact_type,
    a.status,
    a.content_preview,
    a.tags,
    a.current_version,
    a.campaign_id,
    c.code AS campaign_code,
    c.name AS campaign_name,
    c.client_id,
    cl.name AS client_name,
    c.brand_id,
    a.owner_id,
    o.full_name AS owner_name,
    ( SELECT count(*) AS count
           FROM agency.artifact_comments cm
          WHERE ((cm.tenant_id = a.tenant_id) AND (cm.artifact_id = a.id) AND (cm.deleted_at IS NULL))) AS comment_count,
    ( SELECT count(*) AS count
           FROM agency.artifact_comments cm
          WHERE ((cm.tenant_id = a.tenant_id) AND (cm.artifact_id = a.id) AND (cm.deleted_at IS NULL) AND (NOT cm.resolved))) AS open_comment_count,
    a.created_at,
    a.updated_at
   FROM (((agency.artifacts a
     JOIN agency.campaigns c ON (((c.tenant_id = a.tenant_id) AND (c.id = a.campaign_id))))
     JOIN agency.clients cl ON (((cl.tenant_id = c.tenant_id) AND (cl.id = c.client_id))))
     JOIN agency.employees o ON (((o.tenant_id = a.tenant_id) AND (o.id = a.owner_id))))
  WHERE (a.deleted_at IS NULL);


ALTER TABLE agency.v_artifact_library OWNER TO workroom_owner;

--
-- Name: v_campaign_overview; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.v_campaign_overview WITH (security_invoker='true') AS
 SELECT c.tenant_id,
    c.id AS campaign_id,
    c.code,
    c.name,
    c.description,
    c.status,
    c.budget_type,
    c.client_id,
    cl.name AS client_name,
    c.brand_id,
    b.name AS brand_name,
    c.start_date,
    c.end_date,
    c.duration_weeks,
    c.budget_amount,
    c.currency,
    c.tags,
    c.alert_thresholds,
    c.procure_quote_id,
    ( SELECT p.name
           FROM agency.campaign_phases p
          WHERE ((p.tenant_id = c.tenant_id) AND (p.campaign_id = c.id) AND ((CURRENT_DATE >= p.start_date) AND (CURRENT_DATE <= p.end_date)))
          ORDER BY p.sort_order
         LIMIT 1) AS current_phase,
    COALESCE(h.total_hours, (0)::numeric) AS total_hours,
    COALESCE(h.billable_hours, (0)::numeric) AS billable_hours,
    COALESCE(h.hours_this_week, (0)::numeric) AS hours_this_week,
    h.last_entry_date,
    tm.team_size,
    a.artifact_count,
    round(agency.schedule_elapsed(c.start_date, c.end_date), 4) AS schedule_elapsed_pct,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN m.revenue
            ELSE NULL::numeric
        END AS revenue,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN m.labor_cost
            ELSE NULL::numeric
        END AS labor_cost,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN COALESCE(sp.direct_cost, (0)::numeric)
            ELSE NULL::numeric
        END AS direct_cost,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN (COALESCE(m.labor_cost, (0)::numeric) + COALESCE(sp.direct_cost, (0)::numeric))
            ELSE NULL::numeric
        END AS total_cost,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN ((COALESCE(m.revenue, (0)::numeric) - COALESCE(m.labor_cost, (0)::numeric)) - COALESCE(sp.direct_cost, (0)::numeric))
            ELSE NULL::numeric
        END AS margin,
        CASE
            WHEN (( SELECT agency.can_see_financials() AS can_see_financials) AND (m.revenue > (0)::numeric)) THEN round((((m.revenue - COALESCE(m.labor_cost, (0)::numeric)) - COALESCE(sp.direct_cost, (0)::numeric)) / m.revenue), 4)
            ELSE NULL::numeric
        END AS margin_pct,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN COALESCE(sp.spend, (0)::numeric)
            ELSE NULL::numeric
        END AS spend,
    round(bu.budget_spent_pct, 4) AS budget_spent_pct,
    COALESCE(hl.health, 'on_track'::text) AS health,
    hl.health_reason
   FROM (((((((((agency.campaigns c
     JOIN agency.clients cl ON (((cl.tenant_id = c.tenant_id) AND (cl.id = c.client_id))))
     LEFT JOIN agency.brands b ON (((b.tenant_id = c.tenant_id) AND (b.id = c.brand_id))))
     LEFT JOIN agency.campaign_health hl ON (((hl.tenant_id = c.tenant_id) AND (hl.campaign_id = c.id))))
     LEFT JOIN agency.campaign_budget_use bu ON (((bu.tenant_id = c.tenant_id) AND (bu.campaign_id = c.id))))
     LEFT JOIN LATERAL ( SELECT sum(v.total_hours) AS total_hours,
            sum(v.billable_hours) AS billable_hours,
            sum(v.total_hours) FILTER (WHERE (v.week_start_date = ( SELECT agency.current_week_start() AS current_week_start))) AS hours_this_week,
            max(v.last_entry_date) AS last_entry_date
           FROM agency.campaign_week_hours v
          WHERE ((v.tenant_id = c.tenant_id) AND (v.campaign_id = c.id))) h ON (true))
     LEFT JOIN LATERAL ( SELECT sum(w.revenue) AS revenue,
            sum(w.labor_cost) AS labor_cost
           FROM agency.campaign_week_money w
          WHERE ((w.tenant_id = c.tenant_id) AND (w.campaign_id = c.id))) m ON (true))
     LEFT JOIN LATERAL ( SELECT sum(s.spend) AS spend,
            sum(s.direct_cost) AS direct_cost
           FROM agency.campaign_spend_totals s
          WHERE ((s.tenant_id = c.tenant_id) AND (s.campaign_id = c.id))) sp ON (true))
     LEFT JOIN LATERAL ( SELECT count(DISTINCT t.employee_id) AS team_size
           FROM agency.campaign_team t
          WHERE ((t.tenant_id = c.tenant_id) AND (t.campaign_id = c.id))) tm ON (true))
     LEFT JOIN LATERAL ( SELECT count(*) AS artifact_count
           FROM agency.artifacts r
          WHERE ((r.tenant_id = c.tenant_id) AND (r.campaign_id = c.id) AND (r.deleted_at IS NULL))) a ON (true))
  WHERE (c.deleted_at IS NULL);


ALTER TABLE agency.v_campaign_overview OWNER TO workroom_owner;

--
-- Name: v_client_360; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.v_client_360 WITH (security_invoker='true') AS
 SELECT cl.tenant_id,
    cl.id AS client_id,
    cl.code,
    cl.name,
    cl.sector,
    cl.status,
    cl.website,
    cl.primary_contact_name,
    cl.primary_contact_email,
    cl.account_lead_id,
    al.full_name AS account_lead_name,
    bc.brand_count,
    bc.brand_names,
    ct.campaign_count,
    ct.active_campaign_count,
    COALESCE(ct.total_budget, (0)::numeric) AS total_budget,
    COALESCE(ct.total_hours, (0)::numeric) AS total_hours,
    COALESCE(qh.hours_this_quarter, (0)::numeric) AS hours_this_quarter,
    GREATEST(cl.updated_at, ct.last_campaign_activity) AS last_activity_at,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN COALESCE(ct.revenue, (0)::numeric)
            ELSE NULL::numeric
        END AS revenue,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN COALESCE(ct.cost, (0)::numeric)
            ELSE NULL::numeric
        END AS cost,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN (COALESCE(ct.revenue, (0)::numeric) - COALESCE(ct.cost, (0)::numeric))
            ELSE NULL::numeric
        END AS margin,
        CASE
            WHEN (( SELECT agency.can_see_financials() AS can_see_financials) AND (ct.revenue > (0)::numeric)) THEN round(((ct.revenue - ct.cost) / ct.revenue), 4)
            ELSE NULL::numeric
        END AS margin_pct,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN COALESCE(ct.spend, (0)::numeric)
            ELSE NULL::numeric
        END AS spend,
        CASE
            WHEN (ct.total_budget > (0)::numeric) THEN round((ct.budgeted_spend / ct.total_budget), 4)
            ELSE NULL::numeric
        END AS budget_spent_pct
   FROM ((((agency.clients cl
     LEFT JOIN agency.employees al ON (((al.tenant_id = cl.tenant_id) AND (al.id = cl.account_lead_id))))
     LEFT JOIN LATERAL ( SELECT count(*) AS campaign_count,
            count(*) FILTER (WHERE (o.status = 'active'::text)) AS active_campaign_count,
            sum(o.budget_amount) FILTER (WHERE (o.status <> 'cancelled'::text)) AS total_budget,
            sum(o.total_hours) AS total_hours,
            sum(o.revenue) AS revenue,
            sum(o.total_cost) AS cost,
            sum(o.spend) AS spend,
            sum((o.budget_spent_pct * o.budget_amount)) FILTER (WHERE (o.status <> 'cancelled'::text)) AS budgeted_spend,
            max(GREATEST((o.last_entry_date)::timestamp with time zone, (o.start_date)::timestamp with time zone)) AS last_campaign_activity
           FROM agency.v_campaign_overview o
          WHERE ((o.tenant_id = cl.tenant_id) AND (o.client_id = cl.id))) ct ON (true))
     LEFT JOIN LATERAL ( SELECT sum(q.hours) AS hours_this_quarter
           FROM (agency.campaigns c
             CROSS JOIN LATERAL ( SELECT sum(h.total_hours) AS hours
                   FROM agency.campaign_week_hours h
                  WHERE ((h.tenant_id = c.tenant_id) AND (h.campaign_id = c.id) AND (h.month_start_date >= (date_trunc('quarter'::text, (CURRENT_DATE)::timestamp with time zone))::date))) q)
          WHERE ((c.tenant_id = cl.tenant_id) AND (c.client_id = cl.id))) qh ON (true))
     LEFT JOIN LATERAL ( SELECT count(*) AS brand_count,
            COALESCE(array_agg(b.name ORDER BY b.name), '{}'::text[]) AS brand_names
           FROM agency.brands b
          WHERE ((b.tenant_id = cl.tenant_id) AND (b.client_id = cl.id) AND (b.deleted_at IS NULL))) bc ON (true))
  WHERE (cl.deleted_at IS NULL);


ALTER TABLE agency.v_client_360 OWNER TO workroom_owner;

--
-- Name: v_dashboard_kpis; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.v_dashboard_kpis WITH (security_invoker='true') AS
 WITH week_hours AS (
         SELECT h.tenant_id,
            COALESCE(sum(h.total_hours), (0)::numeric) AS hours_this_week,
            COALESCE(sum(h.billable_hours), (0)::numeric) AS billable_hours_this_week
           FROM agency.campaign_week_hours h
          WHERE (h.week_start_date = ( SELECT agency.current_week_start() AS current_week_start))
          GROUP BY h.tenant_id
        ), capacity AS (
         SELECT e.tenant_id,
            sum(e.weekly_capacity_hours) AS capacity_hours
           FROM agency.employees e
          WHERE (e.active AND (e.deleted_at IS NULL))
          GROUP BY e.tenant_id
        ), campaign_counts AS (
         SELECT c.tenant_id,
            count(*) FILTER (WHERE (c.status = 'active'::text)) AS active_campaigns,
            count(*) FILTER (WHERE (hl.health <> 'on_track'::text)) AS campaigns_at_risk
           FROM (agency.campaigns c
             LEFT JOIN agency.campaign_health hl ON (((hl.tenant_id = c.tenant_id) AND (hl.campaign_id = c.id))))
          WHERE ((c.status = ANY (ARRAY['planning'::text, 'active'::text, 'on_hold'::text])) AND (c.deleted_at IS NULL))
          GROUP BY c.tenant_id
        ), month_money AS (
         SELECT m.tenant_id,
            sum(m.revenue) AS revenue,
            sum(m.labor_cost) AS labor_cost
           FROM agency.campaign_week_money m
          WHERE (m.month_start_date >= (date_trunc('month'::text, (CURRENT_DATE)::timestamp with time zone))::date)
          GROUP BY m.tenant_id
        ), month_expenses AS (
         SELECT e.tenant_id,
            sum(e.amount) AS expense_cost
           FROM te.expense_lines e
          WHERE ((e.expense_date >= (date_trunc('month'::text, (CURRENT_DATE)::timestamp with time zone))::date) AND (e.status <> 'rejected'::text))
          GROUP BY e.tenant_id
        )
 SELECT tn.tenant_id,
    tn.name AS tenant_name,
    tn.utilization_target,
    ( SELECT agency.current_week_start() AS current_week_start) AS week_start_date,
    COALESCE(cc.active_campaigns, (0)::bigint) AS active_campaigns,
    COALESCE(cc.campaigns_at_risk, (0)::bigint) AS campaigns_at_risk,
    COALESCE(wh.hours_this_week, (0)::numeric) AS hours_this_week,
    COALESCE(wh.billable_hours_this_week, (0)::numeric) AS billable_hours_this_week,
    COALESCE(cap.capacity_hours, (0)::numeric) AS capacity_hours_this_week,
    round((COALESCE(wh.billable_hours_this_week, (0)::numeric) / NULLIF(cap.capacity_hours, (0)::numeric)), 4) AS billable_utilization_this_week,
    ( SELECT agency.pending_timesheet_approvals() AS pending_timesheet_approvals) AS pending_timesheet_approvals,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN COALESCE(mm.revenue, (0)::numeric)
            ELSE NULL::numeric
        END AS revenue_this_month,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN (COALESCE(mm.labor_cost, (0)::numeric) + COALESCE(me.expense_cost, (0)::numeric))
            ELSE NULL::numeric
        END AS cost_this_month,
        CASE
            WHEN ( SELECT agency.can_see_financials() AS can_see_financials) THEN ((COALESCE(mm.revenue, (0)::numeric) - COALESCE(mm.labor_cost, (0)::numeric)) - COALESCE(me.expense_cost, (0)::numeric))
            ELSE NULL::numeric
        END AS margin_this_month
   FROM (((((agency.tenants tn
     LEFT JOIN week_hours wh ON ((wh.tenant_id = tn.tenant_id)))
     LEFT JOIN capacity cap ON ((cap.tenant_id = tn.tenant_id)))
     LEFT JOIN campaign_counts cc ON ((cc.tenant_id = tn.tenant_id)))
     LEFT JOIN month_money mm ON ((mm.tenant_id = tn.tenant_id)))
     LEFT JOIN month_expenses me ON ((me.tenant_id = tn.tenant_id)));


ALTER TABLE agency.v_dashboard_kpis OWNER TO workroom_owner;

--
-- Name: v_employee_utilization; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.v_employee_utilization WITH (security_invoker='true') AS
 SELECT e.tenant_id,
    e.id AS employee_id,
    e.full_name,
    e.title,
    e.department,
    e.agency_role,
    e.active,
    w.week_start_date,
    (c.hours)::numeric(5,2) AS capacity_hours,
    w.total_hours,
    w.billable_hours,
    w.allocated_hours,
    round((w.total_hours / NULLIF(c.hours, (0)::numeric)), 4) AS utilization_pct,
    round((w.billable_hours / NULLIF(c.hours, (0)::numeric)), 4) AS billable_utilization_pct,
    round((w.allocated_hours / NULLIF(c.hours, (0)::numeric)), 4) AS allocation_pct
   FROM (((((( SELECT s.tenant_id,
            s.employee_id,
            s.week_start_date,
            s.total_hours,
            s.billable_hours,
            s.allocated_hours
           FROM agency.employee_week_hours s
          WHERE ( SELECT agency.sees_all_timesheets() AS sees_all_timesheets)
        UNION ALL
         SELECT x.tenant_id,
            x.employee_id,
            x.week_start_date,
            COALESCE(sum(x.logged), (0)::numeric) AS "coalesce",
            COALESCE(sum(x.logged) FILTER (WHERE x.billable), (0)::numeric) AS "coalesce",
            COALESCE(sum(x.allocated), (0)::numeric) AS "coalesce"
           FROM ( SELECT t.tenant_id,
                    t.employee_id,
                    t.week_start_date,
                    t.hours AS logged,
                    t.billable,
                    NULL::numeric AS allocated
                   FROM agency.timesheet_entries t
                  WHERE (t.employee_id = ( SELECT agency.current_user_id() AS current_user_id))
                UNION ALL
                 SELECT a.tenant_id,
                    a.employee_id,
                    a.week_start_date,
                    NULL::numeric AS "numeric",
                    false,
                    a.hours
                   FROM agency.team_allocations a) x
          WHERE (NOT ( SELECT agency.sees_all_timesheets() AS sees_all_timesheets))
          GROUP BY x.tenant_id, x.employee_id, x.week_start_date) w
     JOIN agency.employees e ON (((e.tenant_id = w.tenant_id) AND (e.id = w.employee_id))))
     LEFT JOIN LATERAL ( SELECT sum(t.hours) AS hours
           FROM agency.time_off_entries t
          WHERE ((t.tenant_id = w.tenant_id) AND (t.employee_id = w.employee_id) AND (t.week_start_date = w.week_start_date) AND (t.status = 'approved'::text))) o ON (true))
     LEFT JOIN agency.employee_capacity_periods b ON (((b.tenant_id = w.tenant_id) AND (b.employee_id = w.employee_id) AND (b.effective_from <= w.week_start_date) AND ((b.effective_to IS NULL) OR (b.effective_to > w.week_start_date)))))
     LEFT JOIN LATERAL ( SELECT sum(agency.capacity_change(p.weekly_hours, p.previous_hours, p.effective_from, w.week_start_date)) AS change
           FROM agency.employee_capacity_periods p
          WHERE ((p.tenant_id = w.tenant_id) AND (p.employee_id = w.employee_id) AND (p.effective_from > w.week_start_date) AND (p.effective_from < (w.week_start_date + 5)))) k ON (true))
     CROSS JOIN LATERAL ( SELECT agency.net_capacity(round((COALESCE(b.weekly_hours, (0)::numeric) + COALESCE(k.change, (0)::numeric)), 2), o.hours) AS hours) c)
  WHERE (e.deleted_at IS NULL);


ALTER TABLE agency.v_employee_utilization OWNER TO workroom_owner;

--
-- Name: v_timesheet_summary_by_campaign; Type: VIEW; Schema: agency; Owner: workroom_owner
--

CREATE VIEW agency.v_timesheet_summary_by_campaign WITH (security_invoker='true') AS
 SELECT c.tenant_id,
    c.id AS campaign_id,
    c.code AS campaign_code,
    c.name AS campaign_name,
    c.client_id,
    t.week_start_date,
    sum(t.hours) AS total_hours,
    COALESCE(sum(t.hours) FILTER (WHERE t.billable), (0)::numeric) AS billable_hours,
    COALESCE(sum(t.hours) FILTER (WHERE (NOT t.billable)), (0)::numeric) AS non_billable_hours,
    COALESCE(sum(t.hours) FILTER (WHERE (t.status = 'draft'::text)), (0)::numeric) AS draft_hours,
    COALESCE(sum(t.hours) FILTER (WHERE (t.status = 'submitted'::text)), (0)::numeric) AS submitted_hours,
    COALESCE(sum(t.hours) FILTER (WHERE (t.status = 'approved'::text)), (0)::numeric) AS approved_hours,
    count(*) AS entry_count,
    count(DISTINCT t.employee_id) AS employee_count,
        CASE
            WHEN agency.can_see_financials() THEN sum(t.revenue)
            ELSE NULL::numeric
        END AS revenue,
        CASE
            WHEN agency.can_see_financials() THEN sum(t.labor_cost)
            ELSE NULL::numeric
        END AS labor_cost
   FROM (agency.campaigns c
     JOIN agency.timesheet_costs t ON (((t.tenant_id = c.tenant_id) AND (t.campaign_id = c.id))))
  WHERE (c.deleted_at IS NULL)
  GROUP BY c.tenant_id, c.id, c.code, c.name, c.client_id, t.week_start_date;


ALTER TABLE agency.v_timesheet_summary_by_campaign OWNER TO workroom_owner;

--
-- Name: projects; Type: TABLE; Schema: finance_ppm; Owner: workroom_owner
--

CREATE TABLE finance_ppm.projects (
    tenant_id uuid DEFAULT agency.current_tenant_id() NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    project_code text NOT NULL,
    name text NOT NULL,
    budget_amount numeric(14,2) DEFAULT 0 NOT NULL,
    currency character(3) DEFAULT 'USD'::bpchar NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    agency_campaign_id uuid,
    CONSTRAINT projects_budget_amount_check CHECK ((budget_amount >= (0)::numeric))
);

ALTER TABLE ONLY finance_ppm.projects FORCE ROW LEVEL SECURITY;


ALTER TABLE finance_ppm.projects OWNER TO workroom_owner;

--
-- Name: data_protection_keys; Type: TABLE; Schema: identity; Owner: workroom_owner
--

CREATE TABLE identity.data_protection_keys (
    id integer NOT NULL,
    friendly_name text,
    xml text
);


ALTER TABLE identity.data_protection_keys OWNER TO workroom_owner;

--
-- Name: data_protection_keys_id_seq; Type: SEQUENCE; Schema: identity; Owner: workroom_owner
--

ALTER TABLE identity.data_protection_keys ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME identity.data_protection_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user_claims; Type: TABLE; Schema: identity; Owner: workroom_owner
--

CREATE TABLE identity.user_claims (
    id integer NOT NULL,
    user_id uuid NOT NULL,
    claim_type text,
    claim_value text
);


ALTER TABLE identity.user_claims OWNER TO workroom_owner;

--
-- Name: user_claims_id_seq; Type: SEQUENCE; Schema: identity; Owner: workroom_owner
--

ALTER TABLE identity.user_claims ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME identity.user_claims_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user_logins; Type: TABLE; Schema: identity; Owner: workroom_owner
--

CREATE TABLE identity.user_logins (
    login_provider text NOT NULL,
    provider_key text NOT NULL,
    provider_display_name text,
    user_id uuid NOT NULL
);


ALTER TABLE identity.user_logins OWNER TO workroom_owner;

--
-- Name: user_tokens; Type: TABLE; Schema: identity; Owner: workroom_owner
--

CREATE TABLE identity.user_tokens (
    user_id uuid NOT NULL,
    login_provider text NOT NULL,
    name text NOT NULL,
    value text
);


ALTER TABLE identity.user_tokens OWNER TO workroom_owner;

--
-- Name: users; Type: TABLE; Schema: identity; Owner: workroom_owner
--

CREATE TABLE identity.users (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    user_name text,
    normalized_user_name text,
    email text,
    normalized_email text,
    email_confirmed boolean DEFAULT false NOT NULL,
    password_hash text,
    security_stamp text,
    concurrency_stamp text,
    phone_number text,
    phone_number_confirmed boolean DEFAULT false NOT NULL,
    two_factor_enabled boolean DEFAULT false NOT NULL,
    lockout_end timestamp with time zone,
    lockout_enabled boolean DEFAULT true NOT NULL,
    access_failed_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE identity.users OWNER TO workroom_owner;

--
-- Name: schema_migrations; Type: TABLE; Schema: meta; Owner: workroom_owner
--

CREATE TABLE meta.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE meta.schema_migrations OWNER TO workroom_owner;

--
-- Name: ai_conversations ai_conversations_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.ai_conversations
    ADD CONSTRAINT ai_conversations_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: ai_messages ai_messages_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.ai_messages
    ADD CONSTRAINT ai_messages_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_attachments artifact_attachments_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_attachments
    ADD CONSTRAINT artifact_attachments_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_comments artifact_comments_in_artifact_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_in_artifact_key UNIQUE (tenant_id, artifact_id, id);


--
-- Name: artifact_comments artifact_comments_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_presence artifact_presence_once; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_presence
    ADD CONSTRAINT artifact_presence_once UNIQUE (tenant_id, artifact_id, employee_id);


--
-- Name: artifact_presence artifact_presence_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_presence
    ADD CONSTRAINT artifact_presence_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_review_events artifact_review_events_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_review_events
    ADD CONSTRAINT artifact_review_events_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_templates artifact_templates_name_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_templates
    ADD CONSTRAINT artifact_templates_name_key UNIQUE (tenant_id, name);


--
-- Name: artifact_templates artifact_templates_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_templates
    ADD CONSTRAINT artifact_templates_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_versions artifact_versions_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_versions
    ADD CONSTRAINT artifact_versions_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: artifact_versions artifact_versions_tenant_id_artifact_id_version_number_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_versions
    ADD CONSTRAINT artifact_versions_tenant_id_artifact_id_version_number_key UNIQUE (tenant_id, artifact_id, version_number);


--
-- Name: artifacts artifacts_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifacts
    ADD CONSTRAINT artifacts_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: brands brands_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.brands
    ADD CONSTRAINT brands_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: brands brands_tenant_id_client_id_id_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.brands
    ADD CONSTRAINT brands_tenant_id_client_id_id_key UNIQUE (tenant_id, client_id, id);


--
-- Name: brands brands_tenant_id_code_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.brands
    ADD CONSTRAINT brands_tenant_id_code_key UNIQUE (tenant_id, code);


--
-- Name: campaign_budget_use campaign_budget_use_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_budget_use
    ADD CONSTRAINT campaign_budget_use_pkey PRIMARY KEY (tenant_id, campaign_id);


--
-- Name: campaign_health campaign_health_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_health
    ADD CONSTRAINT campaign_health_pkey PRIMARY KEY (tenant_id, campaign_id);


--
-- Name: campaign_month_hours campaign_month_hours_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_month_hours
    ADD CONSTRAINT campaign_month_hours_pkey PRIMARY KEY (tenant_id, campaign_id, month_start_date);


--
-- Name: campaign_month_money campaign_month_money_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_month_money
    ADD CONSTRAINT campaign_month_money_pkey PRIMARY KEY (tenant_id, campaign_id, month_start_date);


--
-- Name: campaign_phases campaign_phases_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_phases
    ADD CONSTRAINT campaign_phases_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: campaign_phases campaign_phases_tenant_id_campaign_id_id_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_phases
    ADD CONSTRAINT campaign_phases_tenant_id_campaign_id_id_key UNIQUE (tenant_id, campaign_id, id);


--
-- Name: campaign_phases campaign_phases_tenant_id_campaign_id_phase_type_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_phases
    ADD CONSTRAINT campaign_phases_tenant_id_campaign_id_phase_type_key UNIQUE (tenant_id, campaign_id, phase_type);


--
-- Name: campaign_rate_overrides campaign_rate_overrides_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_rate_overrides
    ADD CONSTRAINT campaign_rate_overrides_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: campaign_rate_overrides campaign_rate_overrides_tenant_id_campaign_id_role_name_eff_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_rate_overrides
    ADD CONSTRAINT campaign_rate_overrides_tenant_id_campaign_id_role_name_eff_key UNIQUE NULLS NOT DISTINCT (tenant_id, campaign_id, role_name, effective_from);


--
-- Name: campaign_team campaign_team_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_team
    ADD CONSTRAINT campaign_team_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: campaign_team campaign_team_tenant_id_campaign_id_employee_id_team_role_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_team
    ADD CONSTRAINT campaign_team_tenant_id_campaign_id_employee_id_team_role_key UNIQUE (tenant_id, campaign_id, employee_id, team_role);


--
-- Name: campaign_week_hours campaign_week_hours_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_week_hours
    ADD CONSTRAINT campaign_week_hours_pkey PRIMARY KEY (tenant_id, campaign_id, week_start_date, month_start_date);


--
-- Name: campaign_week_money campaign_week_money_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_week_money
    ADD CONSTRAINT campaign_week_money_pkey PRIMARY KEY (tenant_id, campaign_id, week_start_date, month_start_date);


--
-- Name: campaigns campaigns_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaigns
    ADD CONSTRAINT campaigns_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: campaigns campaigns_tenant_id_code_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaigns
    ADD CONSTRAINT campaigns_tenant_id_code_key UNIQUE (tenant_id, code);


--
-- Name: client_import_rows client_import_rows_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_import_rows
    ADD CONSTRAINT client_import_rows_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: client_import_rows client_import_rows_tenant_id_batch_id_line_no_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_import_rows
    ADD CONSTRAINT client_import_rows_tenant_id_batch_id_line_no_key UNIQUE (tenant_id, batch_id, line_no);


--
-- Name: client_rate_overrides client_rate_overrides_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_rate_overrides
    ADD CONSTRAINT client_rate_overrides_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: client_rate_overrides client_rate_overrides_tenant_id_client_id_role_name_effecti_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_rate_overrides
    ADD CONSTRAINT client_rate_overrides_tenant_id_client_id_role_name_effecti_key UNIQUE NULLS NOT DISTINCT (tenant_id, client_id, role_name, effective_from);


--
-- Name: clients clients_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.clients
    ADD CONSTRAINT clients_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: clients clients_tenant_id_code_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.clients
    ADD CONSTRAINT clients_tenant_id_code_key UNIQUE (tenant_id, code);


--
-- Name: employee_capacity_periods employee_capacity_periods_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_capacity_periods
    ADD CONSTRAINT employee_capacity_periods_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: employee_capacity_periods employee_capacity_periods_tenant_id_employee_id_effective_f_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_capacity_periods
    ADD CONSTRAINT employee_capacity_periods_tenant_id_employee_id_effective_f_key UNIQUE (tenant_id, employee_id, effective_from);


--
-- Name: employee_rates employee_rates_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_rates
    ADD CONSTRAINT employee_rates_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: employee_rates employee_rates_tenant_id_employee_id_effective_from_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_rates
    ADD CONSTRAINT employee_rates_tenant_id_employee_id_effective_from_key UNIQUE (tenant_id, employee_id, effective_from);


--
-- Name: employee_utilization_targets employee_utilization_targets_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_utilization_targets
    ADD CONSTRAINT employee_utilization_targets_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: employee_utilization_targets employee_utilization_targets_tenant_id_employee_id_effectiv_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_utilization_targets
    ADD CONSTRAINT employee_utilization_targets_tenant_id_employee_id_effectiv_key UNIQUE (tenant_id, employee_id, effective_from);


--
-- Name: employee_week_bookings employee_week_bookings_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_week_bookings
    ADD CONSTRAINT employee_week_bookings_pkey PRIMARY KEY (tenant_id, employee_id, week_start_date);


--
-- Name: employee_week_hours employee_week_hours_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_week_hours
    ADD CONSTRAINT employee_week_hours_pkey PRIMARY KEY (tenant_id, employee_id, week_start_date);


--
-- Name: employees employees_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employees
    ADD CONSTRAINT employees_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: employees employees_tenant_id_email_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employees
    ADD CONSTRAINT employees_tenant_id_email_key UNIQUE (tenant_id, email);


--
-- Name: employees employees_tenant_user_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employees
    ADD CONSTRAINT employees_tenant_user_key UNIQUE (tenant_id, user_id);


--
-- Name: import_batches import_batches_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.import_batches
    ADD CONSTRAINT import_batches_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: knowledge_chunk_counts knowledge_chunk_counts_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunk_counts
    ADD CONSTRAINT knowledge_chunk_counts_pkey PRIMARY KEY (tenant_id);


--
-- Name: knowledge_chunks knowledge_chunks_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunks
    ADD CONSTRAINT knowledge_chunks_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: knowledge_chunks knowledge_chunks_tenant_id_document_id_chunk_index_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunks
    ADD CONSTRAINT knowledge_chunks_tenant_id_document_id_chunk_index_key UNIQUE (tenant_id, document_id, chunk_index);


--
-- Name: knowledge_documents knowledge_documents_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_documents
    ADD CONSTRAINT knowledge_documents_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: notifications notifications_tenant_id_recipient_id_kind_campaign_id_thres_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_tenant_id_recipient_id_kind_campaign_id_thres_key UNIQUE (tenant_id, recipient_id, kind, campaign_id, threshold);


--
-- Name: people_import_rows people_import_rows_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.people_import_rows
    ADD CONSTRAINT people_import_rows_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: people_import_rows people_import_rows_tenant_id_batch_id_line_no_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.people_import_rows
    ADD CONSTRAINT people_import_rows_tenant_id_batch_id_line_no_key UNIQUE (tenant_id, batch_id, line_no);


--
-- Name: placeholder_allocations placeholder_allocations_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.placeholder_allocations
    ADD CONSTRAINT placeholder_allocations_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: placeholder_allocations placeholder_allocations_tenant_id_placeholder_id_week_start_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.placeholder_allocations
    ADD CONSTRAINT placeholder_allocations_tenant_id_placeholder_id_week_start_key UNIQUE (tenant_id, placeholder_id, week_start_date);


--
-- Name: rate_cards rate_cards_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.rate_cards
    ADD CONSTRAINT rate_cards_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: rate_cards rate_cards_tenant_id_role_name_effective_from_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.rate_cards
    ADD CONSTRAINT rate_cards_tenant_id_role_name_effective_from_key UNIQUE (tenant_id, role_name, effective_from);


--
-- Name: staffing_placeholders staffing_placeholders_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.staffing_placeholders
    ADD CONSTRAINT staffing_placeholders_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: team_allocations team_allocations_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.team_allocations
    ADD CONSTRAINT team_allocations_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: team_allocations team_allocations_tenant_id_employee_id_campaign_id_week_sta_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.team_allocations
    ADD CONSTRAINT team_allocations_tenant_id_employee_id_campaign_id_week_sta_key UNIQUE (tenant_id, employee_id, campaign_id, week_start_date);


--
-- Name: tenants tenants_id_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.tenants
    ADD CONSTRAINT tenants_id_key UNIQUE (id);


--
-- Name: tenants tenants_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.tenants
    ADD CONSTRAINT tenants_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: tenants tenants_slug_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.tenants
    ADD CONSTRAINT tenants_slug_key UNIQUE (slug);


--
-- Name: time_off_entries time_off_entries_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.time_off_entries
    ADD CONSTRAINT time_off_entries_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: timesheet_import_rows timesheet_import_rows_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_import_rows
    ADD CONSTRAINT timesheet_import_rows_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: timesheet_import_rows timesheet_import_rows_tenant_id_batch_id_line_no_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_import_rows
    ADD CONSTRAINT timesheet_import_rows_tenant_id_batch_id_line_no_key UNIQUE (tenant_id, batch_id, line_no);


--
-- Name: timesheet_submitted_parts timesheet_submitted_parts_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_submitted_parts
    ADD CONSTRAINT timesheet_submitted_parts_pkey PRIMARY KEY (tenant_id, employee_id, week_start_date, campaign_id);


--
-- Name: timesheet_timers timesheet_timers_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_timers
    ADD CONSTRAINT timesheet_timers_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: timesheet_timers timesheet_timers_tenant_id_employee_id_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_timers
    ADD CONSTRAINT timesheet_timers_tenant_id_employee_id_key UNIQUE (tenant_id, employee_id);


--
-- Name: timesheet_weeks timesheet_weeks_pkey; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: timesheet_weeks timesheet_weeks_tenant_id_employee_id_week_start_date_key; Type: CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_tenant_id_employee_id_week_start_date_key UNIQUE (tenant_id, employee_id, week_start_date);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: finance_ppm; Owner: workroom_owner
--

ALTER TABLE ONLY finance_ppm.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: projects projects_tenant_id_project_code_key; Type: CONSTRAINT; Schema: finance_ppm; Owner: workroom_owner
--

ALTER TABLE ONLY finance_ppm.projects
    ADD CONSTRAINT projects_tenant_id_project_code_key UNIQUE (tenant_id, project_code);


--
-- Name: checkouts checkouts_pkey; Type: CONSTRAINT; Schema: gear; Owner: workroom_owner
--

ALTER TABLE ONLY gear.checkouts
    ADD CONSTRAINT checkouts_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: data_protection_keys data_protection_keys_pkey; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.data_protection_keys
    ADD CONSTRAINT data_protection_keys_pkey PRIMARY KEY (id);


--
-- Name: user_claims user_claims_pkey; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.user_claims
    ADD CONSTRAINT user_claims_pkey PRIMARY KEY (id);


--
-- Name: user_logins user_logins_pkey; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.user_logins
    ADD CONSTRAINT user_logins_pkey PRIMARY KEY (login_provider, provider_key);


--
-- Name: user_tokens user_tokens_pkey; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.user_tokens
    ADD CONSTRAINT user_tokens_pkey PRIMARY KEY (user_id, login_provider, name);


--
-- Name: users users_normalized_user_name_key; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_normalized_user_name_key UNIQUE (normalized_user_name);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_tenant_id_employee_id_key; Type: CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_tenant_id_employee_id_key UNIQUE (tenant_id, employee_id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: meta; Owner: workroom_owner
--

ALTER TABLE ONLY meta.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: project_quotes project_quotes_pkey; Type: CONSTRAINT; Schema: procure; Owner: workroom_owner
--

ALTER TABLE ONLY procure.project_quotes
    ADD CONSTRAINT project_quotes_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: project_quotes project_quotes_tenant_id_quote_number_key; Type: CONSTRAINT; Schema: procure; Owner: workroom_owner
--

ALTER TABLE ONLY procure.project_quotes
    ADD CONSTRAINT project_quotes_tenant_id_quote_number_key UNIQUE (tenant_id, quote_number);


--
-- Name: expense_lines expense_lines_pkey; Type: CONSTRAINT; Schema: te; Owner: workroom_owner
--

ALTER TABLE ONLY te.expense_lines
    ADD CONSTRAINT expense_lines_pkey PRIMARY KEY (tenant_id, id);


--
-- Name: ai_conversations_user_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX ai_conversations_user_idx ON agency.ai_conversations USING btree (tenant_id, user_id, updated_at DESC);


--
-- Name: ai_messages_asker_recent_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX ai_messages_asker_recent_idx ON agency.ai_messages USING btree (tenant_id, created_by, created_at) WHERE (role = 'user'::text);


--
-- Name: ai_messages_conversation_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX ai_messages_conversation_idx ON agency.ai_messages USING btree (tenant_id, conversation_id, created_at);


--
-- Name: artifact_attachments_artifact_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_attachments_artifact_idx ON agency.artifact_attachments USING btree (tenant_id, artifact_id, created_at);


--
-- Name: artifact_attachments_created_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_attachments_created_by_idx ON agency.artifact_attachments USING btree (tenant_id, created_by);


--
-- Name: artifact_comments_artifact_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_comments_artifact_idx ON agency.artifact_comments USING btree (tenant_id, artifact_id, created_at);


--
-- Name: artifact_comments_author_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_comments_author_idx ON agency.artifact_comments USING btree (tenant_id, author_id);


--
-- Name: artifact_comments_created_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_comments_created_idx ON agency.artifact_comments USING btree (tenant_id, created_at DESC);


--
-- Name: artifact_comments_parent_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_comments_parent_idx ON agency.artifact_comments USING btree (tenant_id, parent_comment_id);


--
-- Name: artifact_comments_resolved_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_comments_resolved_by_idx ON agency.artifact_comments USING btree (tenant_id, resolved_by) WHERE (resolved_by IS NOT NULL);


--
-- Name: artifact_comments_thread_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_comments_thread_idx ON agency.artifact_comments USING btree (tenant_id, artifact_id, parent_comment_id);


--
-- Name: artifact_presence_employee_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_presence_employee_idx ON agency.artifact_presence USING btree (tenant_id, employee_id);


--
-- Name: artifact_review_events_actor_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_review_events_actor_idx ON agency.artifact_review_events USING btree (tenant_id, actor_id);


--
-- Name: artifact_review_events_artifact_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_review_events_artifact_idx ON agency.artifact_review_events USING btree (tenant_id, artifact_id, created_at DESC);


--
-- Name: artifact_review_events_created_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_review_events_created_idx ON agency.artifact_review_events USING btree (tenant_id, created_at DESC);


--
-- Name: artifact_versions_artifact_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_versions_artifact_idx ON agency.artifact_versions USING btree (tenant_id, artifact_id, version_number DESC);


--
-- Name: artifact_versions_created_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifact_versions_created_idx ON agency.artifact_versions USING btree (tenant_id, created_at DESC);


--
-- Name: artifacts_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_campaign_idx ON agency.artifacts USING btree (tenant_id, campaign_id);


--
-- Name: artifacts_deleted_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_deleted_idx ON agency.artifacts USING btree (tenant_id, id) WHERE (deleted_at IS NOT NULL);


--
-- Name: artifacts_owner_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_owner_idx ON agency.artifacts USING btree (tenant_id, owner_id);


--
-- Name: artifacts_search_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_search_idx ON agency.artifacts USING gin (search_vector);


--
-- Name: artifacts_status_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_status_idx ON agency.artifacts USING btree (tenant_id, status) WHERE (deleted_at IS NULL);


--
-- Name: artifacts_tags_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_tags_idx ON agency.artifacts USING gin (tags);


--
-- Name: artifacts_updated_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX artifacts_updated_idx ON agency.artifacts USING btree (tenant_id, updated_at DESC);


--
-- Name: audit_log_entity_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX audit_log_entity_idx ON agency.audit_log USING btree (tenant_id, entity, entity_id, occurred_at DESC);


--
-- Name: audit_log_recent_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX audit_log_recent_idx ON agency.audit_log USING btree (tenant_id, occurred_at DESC);


--
-- Name: brands_client_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX brands_client_idx ON agency.brands USING btree (tenant_id, client_id);


--
-- Name: campaign_health_refreshed_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_health_refreshed_idx ON agency.campaign_health USING btree (tenant_id, refreshed_at);


--
-- Name: campaign_month_hours_month_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_month_hours_month_idx ON agency.campaign_month_hours USING btree (tenant_id, month_start_date) INCLUDE (campaign_id, total_hours, billable_hours);


--
-- Name: campaign_month_money_month_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_month_money_month_idx ON agency.campaign_month_money USING btree (tenant_id, month_start_date) INCLUDE (campaign_id, revenue, labor_cost);


--
-- Name: campaign_phases_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_phases_campaign_idx ON agency.campaign_phases USING btree (tenant_id, campaign_id);


--
-- Name: campaign_rate_overrides_lookup_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_rate_overrides_lookup_idx ON agency.campaign_rate_overrides USING btree (tenant_id, campaign_id, effective_from DESC);


--
-- Name: campaign_team_employee_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_team_employee_idx ON agency.campaign_team USING btree (tenant_id, employee_id, campaign_id);


--
-- Name: campaign_week_hours_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_week_hours_week_idx ON agency.campaign_week_hours USING btree (tenant_id, week_start_date);


--
-- Name: campaign_week_money_month_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaign_week_money_month_idx ON agency.campaign_week_money USING btree (tenant_id, month_start_date);


--
-- Name: campaigns_brand_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_brand_idx ON agency.campaigns USING btree (tenant_id, brand_id);


--
-- Name: campaigns_client_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_client_idx ON agency.campaigns USING btree (tenant_id, client_id, brand_id);


--
-- Name: campaigns_dates_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_dates_idx ON agency.campaigns USING btree (tenant_id, start_date, end_date);


--
-- Name: campaigns_name_trgm_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_name_trgm_idx ON agency.campaigns USING gin (name public.gin_trgm_ops);


--
-- Name: campaigns_procure_quote_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_procure_quote_idx ON agency.campaigns USING btree (tenant_id, procure_quote_id);


--
-- Name: campaigns_start_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_start_idx ON agency.campaigns USING btree (tenant_id, start_date DESC, id) WHERE (deleted_at IS NULL);


--
-- Name: campaigns_status_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_status_idx ON agency.campaigns USING btree (tenant_id, status) WHERE (deleted_at IS NULL);


--
-- Name: campaigns_tags_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_tags_idx ON agency.campaigns USING gin (tags);


--
-- Name: campaigns_updated_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX campaigns_updated_idx ON agency.campaigns USING btree (tenant_id, updated_at DESC) WHERE (deleted_at IS NULL);


--
-- Name: client_rate_overrides_lookup_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX client_rate_overrides_lookup_idx ON agency.client_rate_overrides USING btree (tenant_id, client_id, effective_from DESC);


--
-- Name: clients_account_lead_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX clients_account_lead_idx ON agency.clients USING btree (tenant_id, account_lead_id);


--
-- Name: clients_active_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX clients_active_idx ON agency.clients USING btree (tenant_id, name) WHERE (deleted_at IS NULL);


--
-- Name: clients_import_batch_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX clients_import_batch_idx ON agency.clients USING btree (tenant_id, import_batch_id) WHERE (import_batch_id IS NOT NULL);


--
-- Name: clients_name_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX clients_name_idx ON agency.clients USING btree (tenant_id, name, id) WHERE (deleted_at IS NULL);


--
-- Name: clients_name_trgm_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX clients_name_trgm_idx ON agency.clients USING gin (name public.gin_trgm_ops);


--
-- Name: employee_rates_employee_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employee_rates_employee_idx ON agency.employee_rates USING btree (tenant_id, employee_id, effective_from DESC);


--
-- Name: employee_rates_rate_card_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employee_rates_rate_card_idx ON agency.employee_rates USING btree (tenant_id, rate_card_id);


--
-- Name: employee_week_bookings_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employee_week_bookings_week_idx ON agency.employee_week_bookings USING btree (tenant_id, week_start_date) INCLUDE (employee_id, firm_hours, tentative_hours);


--
-- Name: employee_week_hours_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employee_week_hours_week_idx ON agency.employee_week_hours USING btree (tenant_id, week_start_date) INCLUDE (employee_id, total_hours, billable_hours, allocated_hours);


--
-- Name: employees_active_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employees_active_idx ON agency.employees USING btree (tenant_id) WHERE (active AND (deleted_at IS NULL));


--
-- Name: employees_full_name_trgm_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employees_full_name_trgm_idx ON agency.employees USING gin (full_name public.gin_trgm_ops);


--
-- Name: employees_import_batch_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employees_import_batch_idx ON agency.employees USING btree (tenant_id, import_batch_id) WHERE (import_batch_id IS NOT NULL);


--
-- Name: employees_skills_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employees_skills_idx ON agency.employees USING gin (skills);


--
-- Name: employees_user_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX employees_user_idx ON agency.employees USING btree (user_id);


--
-- Name: import_batches_created_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX import_batches_created_idx ON agency.import_batches USING btree (tenant_id, created_at DESC);


--
-- Name: import_batches_imported_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX import_batches_imported_by_idx ON agency.import_batches USING btree (tenant_id, imported_by);


--
-- Name: jobs_created_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX jobs_created_by_idx ON agency.jobs USING btree (tenant_id, created_by);


--
-- Name: jobs_due_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX jobs_due_idx ON agency.jobs USING btree (tenant_id, kind, run_after) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]));


--
-- Name: jobs_subject_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX jobs_subject_idx ON agency.jobs USING btree (tenant_id, kind, subject_id, created_at DESC) WHERE (subject_id IS NOT NULL);


--
-- Name: knowledge_chunks_artifact_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE UNIQUE INDEX knowledge_chunks_artifact_idx ON agency.knowledge_chunks USING btree (tenant_id, artifact_id, chunk_index) WHERE (artifact_id IS NOT NULL);


--
-- Name: knowledge_chunks_document_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_chunks_document_idx ON agency.knowledge_chunks USING btree (tenant_id, document_id, chunk_index);


--
-- Name: knowledge_chunks_embedding_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_chunks_embedding_idx ON agency.knowledge_chunks USING hnsw (embedding public.vector_cosine_ops) WITH (m='16', ef_construction='64');


--
-- Name: knowledge_chunks_search_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_chunks_search_idx ON agency.knowledge_chunks USING gin (search_vector);


--
-- Name: knowledge_documents_brand_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_documents_brand_idx ON agency.knowledge_documents USING btree (tenant_id, brand_id);


--
-- Name: knowledge_documents_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_documents_campaign_idx ON agency.knowledge_documents USING btree (tenant_id, campaign_id);


--
-- Name: knowledge_documents_client_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_documents_client_idx ON agency.knowledge_documents USING btree (tenant_id, client_id);


--
-- Name: knowledge_documents_deleted_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_documents_deleted_idx ON agency.knowledge_documents USING btree (tenant_id, id) WHERE (deleted_at IS NOT NULL);


--
-- Name: knowledge_documents_search_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_documents_search_idx ON agency.knowledge_documents USING gin (search_vector);


--
-- Name: knowledge_documents_tags_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX knowledge_documents_tags_idx ON agency.knowledge_documents USING gin (tags);


--
-- Name: notifications_artifact_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX notifications_artifact_idx ON agency.notifications USING btree (tenant_id, artifact_id) WHERE (artifact_id IS NOT NULL);


--
-- Name: notifications_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX notifications_campaign_idx ON agency.notifications USING btree (tenant_id, campaign_id);


--
-- Name: notifications_checkout_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX notifications_checkout_idx ON agency.notifications USING btree (tenant_id, checkout_id) WHERE (checkout_id IS NOT NULL);


--
-- Name: notifications_overdue_once; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE UNIQUE INDEX notifications_overdue_once ON agency.notifications USING btree (tenant_id, recipient_id, checkout_id) WHERE (kind = 'equipment_overdue'::text);


--
-- Name: notifications_recipient_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX notifications_recipient_idx ON agency.notifications USING btree (tenant_id, recipient_id, created_at DESC);


--
-- Name: notifications_reminder_once; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE UNIQUE INDEX notifications_reminder_once ON agency.notifications USING btree (tenant_id, recipient_id, week_start_date) WHERE (kind = 'timesheet_reminder'::text);


--
-- Name: placeholder_allocations_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX placeholder_allocations_week_idx ON agency.placeholder_allocations USING btree (tenant_id, week_start_date);


--
-- Name: rate_cards_id_role_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX rate_cards_id_role_idx ON agency.rate_cards USING btree (tenant_id, id) INCLUDE (role_name);


--
-- Name: rate_cards_role_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX rate_cards_role_idx ON agency.rate_cards USING btree (tenant_id, role_name, effective_from DESC);


--
-- Name: staffing_placeholders_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX staffing_placeholders_campaign_idx ON agency.staffing_placeholders USING btree (tenant_id, campaign_id);


--
-- Name: team_allocations_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX team_allocations_campaign_idx ON agency.team_allocations USING btree (tenant_id, campaign_id, week_start_date);


--
-- Name: team_allocations_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX team_allocations_week_idx ON agency.team_allocations USING btree (tenant_id, week_start_date, employee_id);


--
-- Name: time_off_approved_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX time_off_approved_by_idx ON agency.time_off_entries USING btree (tenant_id, approved_by) WHERE (approved_by IS NOT NULL);


--
-- Name: time_off_entries_unapproved_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX time_off_entries_unapproved_idx ON agency.time_off_entries USING btree (tenant_id, employee_id, week_start_date) WHERE (status <> 'approved'::text);


--
-- Name: time_off_pending_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX time_off_pending_idx ON agency.time_off_entries USING btree (tenant_id, week_start_date) WHERE (status = 'submitted'::text);


--
-- Name: time_off_person_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX time_off_person_week_idx ON agency.time_off_entries USING btree (tenant_id, employee_id, week_start_date, entry_date);


--
-- Name: time_off_rejected_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX time_off_rejected_by_idx ON agency.time_off_entries USING btree (tenant_id, rejected_by) WHERE (rejected_by IS NOT NULL);


--
-- Name: time_off_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX time_off_week_idx ON agency.time_off_entries USING btree (tenant_id, week_start_date, employee_id);


--
-- Name: timesheet_entries_approved_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_approved_idx ON agency.timesheet_entries USING btree (tenant_id, approved_at DESC) WHERE ((status = 'approved'::text) AND (approved_at IS NOT NULL));


--
-- Name: timesheet_entries_approver_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_approver_idx ON agency.timesheet_entries USING btree (tenant_id, approved_by);


--
-- Name: timesheet_entries_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_campaign_idx ON agency.timesheet_entries USING btree (tenant_id, campaign_id, entry_date);


--
-- Name: timesheet_entries_employee_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_employee_idx ON agency.timesheet_entries USING btree (tenant_id, employee_id, entry_date);


--
-- Name: timesheet_entries_import_batch_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_import_batch_idx ON agency.timesheet_entries USING btree (tenant_id, import_batch_id) WHERE (import_batch_id IS NOT NULL);


--
-- Name: timesheet_entries_import_key_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE UNIQUE INDEX timesheet_entries_import_key_idx ON agency.timesheet_entries USING btree (tenant_id, import_key) WHERE (import_key IS NOT NULL);


--
-- Name: timesheet_entries_pending_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_pending_idx ON agency.timesheet_entries USING btree (tenant_id, week_start_date) WHERE (status = 'submitted'::text);


--
-- Name: timesheet_entries_person_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_person_week_idx ON agency.timesheet_entries USING btree (tenant_id, employee_id, week_start_date, entry_date);


--
-- Name: timesheet_entries_phase_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_phase_idx ON agency.timesheet_entries USING btree (tenant_id, campaign_id, phase_id);


--
-- Name: timesheet_entries_rejected_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_rejected_by_idx ON agency.timesheet_entries USING btree (tenant_id, rejected_by) WHERE (rejected_by IS NOT NULL);


--
-- Name: timesheet_entries_submitted_weeks_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_submitted_weeks_idx ON agency.timesheet_entries USING btree (tenant_id, employee_id, week_start_date) WHERE (status = 'submitted'::text);


--
-- Name: timesheet_entries_unapproved_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_unapproved_idx ON agency.timesheet_entries USING btree (tenant_id, employee_id, week_start_date) WHERE (status <> 'approved'::text);


--
-- Name: timesheet_entries_week_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_entries_week_idx ON agency.timesheet_entries USING btree (tenant_id, week_start_date, employee_id);


--
-- Name: timesheet_timers_campaign_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_timers_campaign_idx ON agency.timesheet_timers USING btree (tenant_id, campaign_id, phase_id);


--
-- Name: timesheet_weeks_rejected_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_weeks_rejected_by_idx ON agency.timesheet_weeks USING btree (tenant_id, rejected_by) WHERE (rejected_by IS NOT NULL);


--
-- Name: timesheet_weeks_rejected_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_weeks_rejected_idx ON agency.timesheet_weeks USING btree (tenant_id, rejected_at DESC) WHERE (rejected_at IS NOT NULL);


--
-- Name: timesheet_weeks_signed_off_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_weeks_signed_off_by_idx ON agency.timesheet_weeks USING btree (tenant_id, signed_off_by) WHERE (signed_off_by IS NOT NULL);


--
-- Name: timesheet_weeks_submitted_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_weeks_submitted_idx ON agency.timesheet_weeks USING btree (tenant_id, submitted_at DESC) WHERE (submitted_at IS NOT NULL);


--
-- Name: timesheet_weeks_unlocked_by_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_weeks_unlocked_by_idx ON agency.timesheet_weeks USING btree (tenant_id, unlocked_by) WHERE (unlocked_by IS NOT NULL);


--
-- Name: timesheet_weeks_unlocked_idx; Type: INDEX; Schema: agency; Owner: workroom_owner
--

CREATE INDEX timesheet_weeks_unlocked_idx ON agency.timesheet_weeks USING btree (tenant_id, unlocked_at DESC) WHERE (unlocked_at IS NOT NULL);


--
-- Name: projects_agency_campaign_idx; Type: INDEX; Schema: finance_ppm; Owner: workroom_owner
--

CREATE INDEX projects_agency_campaign_idx ON finance_ppm.projects USING btree (tenant_id, agency_campaign_id);


--
-- Name: checkouts_agency_campaign_idx; Type: INDEX; Schema: gear; Owner: workroom_owner
--

CREATE INDEX checkouts_agency_campaign_idx ON gear.checkouts USING btree (tenant_id, agency_campaign_id);


--
-- Name: checkouts_checked_out_by_idx; Type: INDEX; Schema: gear; Owner: workroom_owner
--

CREATE INDEX checkouts_checked_out_by_idx ON gear.checkouts USING btree (tenant_id, checked_out_by);


--
-- Name: user_claims_user_idx; Type: INDEX; Schema: identity; Owner: workroom_owner
--

CREATE INDEX user_claims_user_idx ON identity.user_claims USING btree (user_id);


--
-- Name: user_logins_user_idx; Type: INDEX; Schema: identity; Owner: workroom_owner
--

CREATE INDEX user_logins_user_idx ON identity.user_logins USING btree (user_id);


--
-- Name: users_normalized_email_idx; Type: INDEX; Schema: identity; Owner: workroom_owner
--

CREATE INDEX users_normalized_email_idx ON identity.users USING btree (normalized_email);


--
-- Name: expense_lines_agency_campaign_idx; Type: INDEX; Schema: te; Owner: workroom_owner
--

CREATE INDEX expense_lines_agency_campaign_idx ON te.expense_lines USING btree (tenant_id, agency_campaign_id);


--
-- Name: expense_lines_date_idx; Type: INDEX; Schema: te; Owner: workroom_owner
--

CREATE INDEX expense_lines_date_idx ON te.expense_lines USING btree (tenant_id, expense_date);


--
-- Name: expense_lines_employee_idx; Type: INDEX; Schema: te; Owner: workroom_owner
--

CREATE INDEX expense_lines_employee_idx ON te.expense_lines USING btree (tenant_id, employee_id);


--
-- Name: tenants add_default_artifact_templates; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER add_default_artifact_templates AFTER INSERT ON agency.tenants FOR EACH ROW EXECUTE FUNCTION agency.add_default_artifact_templates_to_new_tenant();


--
-- Name: artifact_comments after_comment; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER after_comment AFTER INSERT ON agency.artifact_comments FOR EACH ROW EXECUTE FUNCTION agency.after_artifact_comment();


--
-- Name: artifacts after_review; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER after_review AFTER UPDATE OF status ON agency.artifacts FOR EACH ROW EXECUTE FUNCTION agency.after_artifact_review();


--
-- Name: time_off_entries after_status; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER after_status AFTER UPDATE ON agency.time_off_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.after_time_status();


--
-- Name: timesheet_entries after_status; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER after_status AFTER UPDATE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.after_time_status();


--
-- Name: ai_messages assistant_rate_limit; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER assistant_rate_limit BEFORE INSERT ON agency.ai_messages FOR EACH ROW EXECUTE FUNCTION agency.assistant_rate_limit();


--
-- Name: campaign_rate_overrides audit_campaign_rate_overrides; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_campaign_rate_overrides AFTER INSERT OR DELETE OR UPDATE ON agency.campaign_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.audit_change('campaign_rate_override');


--
-- Name: client_rate_overrides audit_client_rate_overrides; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_client_rate_overrides AFTER INSERT OR DELETE OR UPDATE ON agency.client_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.audit_change('client_rate_override');


--
-- Name: rate_cards audit_rate_cards; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_rate_cards AFTER INSERT OR DELETE OR UPDATE ON agency.rate_cards FOR EACH ROW EXECUTE FUNCTION agency.audit_change('rate_card');


--
-- Name: employee_rates audit_rates; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_rates AFTER INSERT OR DELETE OR UPDATE ON agency.employee_rates FOR EACH ROW EXECUTE FUNCTION agency.audit_change('employee_rate');


--
-- Name: employees audit_role_assigned; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_role_assigned AFTER INSERT ON agency.employees FOR EACH ROW EXECUTE FUNCTION agency.audit_change('employee_role');


--
-- Name: employees audit_role_changed; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_role_changed AFTER UPDATE OF agency_role ON agency.employees FOR EACH ROW WHEN ((old.agency_role IS DISTINCT FROM new.agency_role)) EXECUTE FUNCTION agency.audit_change('employee_role');


--
-- Name: time_off_entries audit_sets_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_sets_delete AFTER DELETE ON agency.time_off_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.audit_time_sets();


--
-- Name: timesheet_entries audit_sets_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_sets_delete AFTER DELETE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.audit_time_sets();


--
-- Name: time_off_entries audit_sets_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_sets_insert AFTER INSERT ON agency.time_off_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.audit_time_sets();


--
-- Name: timesheet_entries audit_sets_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_sets_insert AFTER INSERT ON agency.timesheet_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.audit_time_sets();


--
-- Name: time_off_entries audit_sets_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_sets_update AFTER UPDATE ON agency.time_off_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.audit_time_sets();


--
-- Name: timesheet_entries audit_sets_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_sets_update AFTER UPDATE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.audit_time_sets();


--
-- Name: tenants audit_settings; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_settings AFTER UPDATE ON agency.tenants FOR EACH ROW WHEN ((((((old.default_currency IS DISTINCT FROM new.default_currency) OR (old.utilization_target IS DISTINCT FROM new.utilization_target)) OR (old.timesheet_finance_signoff IS DISTINCT FROM new.timesheet_finance_signoff)) OR (old.time_entry_days_ahead IS DISTINCT FROM new.time_entry_days_ahead)) OR (old.require_two_factor IS DISTINCT FROM new.require_two_factor))) EXECUTE FUNCTION agency.audit_change('tenant_settings');


--
-- Name: timesheet_weeks audit_week_sign_off; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_week_sign_off AFTER INSERT ON agency.timesheet_weeks FOR EACH ROW WHEN ((new.signed_off_at IS NOT NULL)) EXECUTE FUNCTION agency.audit_change('timesheet_week');


--
-- Name: timesheet_weeks audit_weeks; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER audit_weeks AFTER UPDATE ON agency.timesheet_weeks FOR EACH ROW WHEN ((((old.locked_at IS NOT NULL) AND (new.locked_at IS NULL)) OR (old.signed_off_at IS DISTINCT FROM new.signed_off_at))) EXECUTE FUNCTION agency.audit_change('timesheet_week');


--
-- Name: timesheet_entries billable_from_campaign; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER billable_from_campaign BEFORE INSERT ON agency.timesheet_entries FOR EACH ROW WHEN ((new.billable IS NULL)) EXECUTE FUNCTION agency.billable_from_campaign();


--
-- Name: employees capacity_on_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER capacity_on_insert AFTER INSERT ON agency.employees REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.capacity_from_person();


--
-- Name: employees capacity_on_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER capacity_on_update AFTER UPDATE ON agency.employees REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.capacity_from_person();


--
-- Name: artifact_comments check_comment; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_comment BEFORE UPDATE ON agency.artifact_comments FOR EACH ROW EXECUTE FUNCTION agency.check_artifact_comment();


--
-- Name: campaign_rate_overrides check_currency; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_currency BEFORE INSERT OR UPDATE OF currency, tenant_id ON agency.campaign_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.check_rate_currency();


--
-- Name: client_rate_overrides check_currency; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_currency BEFORE INSERT OR UPDATE OF currency, tenant_id ON agency.client_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.check_rate_currency();


--
-- Name: employee_rates check_currency; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_currency BEFORE INSERT OR UPDATE OF currency, tenant_id ON agency.employee_rates FOR EACH ROW EXECUTE FUNCTION agency.check_rate_currency();


--
-- Name: rate_cards check_currency; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_currency BEFORE INSERT OR UPDATE OF currency, tenant_id ON agency.rate_cards FOR EACH ROW EXECUTE FUNCTION agency.check_rate_currency();


--
-- Name: tenants check_currency_change; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_currency_change BEFORE UPDATE OF default_currency ON agency.tenants FOR EACH ROW EXECUTE FUNCTION agency.check_currency_change();


--
-- Name: campaign_rate_overrides check_periods; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_periods BEFORE INSERT OR UPDATE ON agency.campaign_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.check_rate_periods();


--
-- Name: client_rate_overrides check_periods; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_periods BEFORE INSERT OR UPDATE ON agency.client_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.check_rate_periods();


--
-- Name: employee_rates check_periods; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_periods BEFORE INSERT OR UPDATE ON agency.employee_rates FOR EACH ROW EXECUTE FUNCTION agency.check_rate_periods();


--
-- Name: rate_cards check_periods; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_periods BEFORE INSERT OR UPDATE ON agency.rate_cards FOR EACH ROW EXECUTE FUNCTION agency.check_rate_periods();


--
-- Name: artifacts check_review; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_review BEFORE INSERT OR UPDATE OF status ON agency.artifacts FOR EACH ROW EXECUTE FUNCTION agency.check_artifact_review();


--
-- Name: time_off_entries check_rules; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_rules BEFORE INSERT OR DELETE OR UPDATE ON agency.time_off_entries FOR EACH ROW EXECUTE FUNCTION agency.check_time_entry();


--
-- Name: timesheet_entries check_rules; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER check_rules BEFORE INSERT OR DELETE OR UPDATE ON agency.timesheet_entries FOR EACH ROW EXECUTE FUNCTION agency.check_time_entry();


--
-- Name: artifacts create_version_on_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER create_version_on_insert AFTER INSERT ON agency.artifacts FOR EACH ROW EXECUTE FUNCTION agency.create_artifact_version();


--
-- Name: artifacts create_version_on_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER create_version_on_update BEFORE UPDATE ON agency.artifacts FOR EACH ROW EXECUTE FUNCTION agency.create_artifact_version();


--
-- Name: artifacts enqueue_index_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER enqueue_index_insert AFTER INSERT ON agency.artifacts FOR EACH ROW EXECUTE FUNCTION agency.enqueue_knowledge_index_of_row('index_artifact');


--
-- Name: knowledge_documents enqueue_index_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER enqueue_index_insert AFTER INSERT ON agency.knowledge_documents FOR EACH ROW EXECUTE FUNCTION agency.enqueue_knowledge_index_of_row('index_document');


--
-- Name: artifacts enqueue_index_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER enqueue_index_update AFTER UPDATE OF title, content, deleted_at ON agency.artifacts FOR EACH ROW WHEN (((old.title IS DISTINCT FROM new.title) OR (old.content IS DISTINCT FROM new.content) OR (old.deleted_at IS DISTINCT FROM new.deleted_at))) EXECUTE FUNCTION agency.enqueue_knowledge_index_of_row('index_artifact');


--
-- Name: knowledge_documents enqueue_index_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER enqueue_index_update AFTER UPDATE OF title, content, deleted_at ON agency.knowledge_documents FOR EACH ROW WHEN (((old.title IS DISTINCT FROM new.title) OR (old.content IS DISTINCT FROM new.content) OR (old.deleted_at IS DISTINCT FROM new.deleted_at))) EXECUTE FUNCTION agency.enqueue_knowledge_index_of_row('index_document');


--
-- Name: campaign_week_hours fold_months_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER fold_months_delete AFTER DELETE ON agency.campaign_week_hours REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.fold_week_summaries_into_months();


--
-- Name: campaign_week_money fold_months_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER fold_months_delete AFTER DELETE ON agency.campaign_week_money REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.fold_week_summaries_into_months();


--
-- Name: campaign_week_hours fold_months_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER fold_months_insert AFTER INSERT ON agency.campaign_week_hours REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.fold_week_summaries_into_months();


--
-- Name: campaign_week_money fold_months_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER fold_months_insert AFTER INSERT ON agency.campaign_week_money REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.fold_week_summaries_into_months();


--
-- Name: campaign_week_hours fold_months_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER fold_months_update AFTER UPDATE ON agency.campaign_week_hours REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.fold_week_summaries_into_months();


--
-- Name: campaign_week_money fold_months_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER fold_months_update AFTER UPDATE ON agency.campaign_week_money REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.fold_week_summaries_into_months();


--
-- Name: team_allocations keep_bookings_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_bookings_delete AFTER DELETE ON agency.team_allocations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_week_bookings();


--
-- Name: team_allocations keep_bookings_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_bookings_insert AFTER INSERT ON agency.team_allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_week_bookings();


--
-- Name: team_allocations keep_bookings_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_bookings_update AFTER UPDATE ON agency.team_allocations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_week_bookings();


--
-- Name: knowledge_chunks keep_counts_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_counts_delete AFTER DELETE ON agency.knowledge_chunks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_knowledge_chunk_counts();


--
-- Name: knowledge_chunks keep_counts_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_counts_insert AFTER INSERT ON agency.knowledge_chunks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_knowledge_chunk_counts();


--
-- Name: knowledge_chunks keep_counts_truncate; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_counts_truncate AFTER TRUNCATE ON agency.knowledge_chunks FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_knowledge_chunk_counts();


--
-- Name: knowledge_chunks keep_counts_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_counts_update AFTER UPDATE ON agency.knowledge_chunks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_knowledge_chunk_counts();


--
-- Name: campaign_week_money keep_health_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_health_delete AFTER DELETE ON agency.campaign_week_money REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: campaign_week_money keep_health_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_health_insert AFTER INSERT ON agency.campaign_week_money REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: campaigns keep_health_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_health_insert AFTER INSERT ON agency.campaigns REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: campaign_week_money keep_health_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_health_update AFTER UPDATE ON agency.campaign_week_money REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: campaigns keep_health_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_health_update AFTER UPDATE ON agency.campaigns REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: campaign_rate_overrides keep_history; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_history BEFORE INSERT OR DELETE OR UPDATE ON agency.campaign_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.keep_rate_history();


--
-- Name: client_rate_overrides keep_history; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_history BEFORE INSERT OR DELETE OR UPDATE ON agency.client_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.keep_rate_history();


--
-- Name: employee_rates keep_history; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_history BEFORE INSERT OR DELETE OR UPDATE ON agency.employee_rates FOR EACH ROW EXECUTE FUNCTION agency.keep_rate_history();


--
-- Name: rate_cards keep_history; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_history BEFORE INSERT OR DELETE OR UPDATE ON agency.rate_cards FOR EACH ROW EXECUTE FUNCTION agency.keep_rate_history();


--
-- Name: employee_capacity_periods keep_periods_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_periods_delete AFTER DELETE ON agency.employee_capacity_periods REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_capacity_periods();


--
-- Name: employee_capacity_periods keep_periods_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_periods_insert AFTER INSERT ON agency.employee_capacity_periods REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_capacity_periods();


--
-- Name: employee_capacity_periods keep_periods_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_periods_update AFTER UPDATE ON agency.employee_capacity_periods REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_capacity_periods();


--
-- Name: timesheet_entries keep_submitted_parts_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_submitted_parts_delete AFTER DELETE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_submitted_parts();


--
-- Name: timesheet_entries keep_submitted_parts_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_submitted_parts_insert AFTER INSERT ON agency.timesheet_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_submitted_parts();


--
-- Name: timesheet_entries keep_submitted_parts_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_submitted_parts_update AFTER UPDATE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_submitted_parts();


--
-- Name: team_allocations keep_summaries_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_summaries_delete AFTER DELETE ON agency.team_allocations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_time_summaries();


--
-- Name: timesheet_entries keep_summaries_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_summaries_delete AFTER DELETE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_time_summaries();


--
-- Name: team_allocations keep_summaries_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_summaries_insert AFTER INSERT ON agency.team_allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_time_summaries();


--
-- Name: timesheet_entries keep_summaries_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_summaries_insert AFTER INSERT ON agency.timesheet_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_time_summaries();


--
-- Name: team_allocations keep_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_summaries_update AFTER UPDATE ON agency.team_allocations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_time_summaries();


--
-- Name: timesheet_entries keep_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER keep_summaries_update AFTER UPDATE ON agency.timesheet_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_time_summaries();


--
-- Name: campaign_rate_overrides reprice_summaries_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_delete AFTER DELETE ON agency.campaign_rate_overrides REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: client_rate_overrides reprice_summaries_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_delete AFTER DELETE ON agency.client_rate_overrides REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: employee_rates reprice_summaries_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_delete AFTER DELETE ON agency.employee_rates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: rate_cards reprice_summaries_delete; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_delete AFTER DELETE ON agency.rate_cards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: campaign_rate_overrides reprice_summaries_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_insert AFTER INSERT ON agency.campaign_rate_overrides REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: client_rate_overrides reprice_summaries_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_insert AFTER INSERT ON agency.client_rate_overrides REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: employee_rates reprice_summaries_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_insert AFTER INSERT ON agency.employee_rates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: rate_cards reprice_summaries_insert; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_insert AFTER INSERT ON agency.rate_cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: campaign_rate_overrides reprice_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_update AFTER UPDATE ON agency.campaign_rate_overrides REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: campaigns reprice_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_update AFTER UPDATE ON agency.campaigns REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: client_rate_overrides reprice_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_update AFTER UPDATE ON agency.client_rate_overrides REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: employee_rates reprice_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_update AFTER UPDATE ON agency.employee_rates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: rate_cards reprice_summaries_update; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER reprice_summaries_update AFTER UPDATE ON agency.rate_cards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.reprice_campaign_summaries();


--
-- Name: ai_conversations set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.ai_conversations FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: ai_messages set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.ai_messages FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: artifact_comments set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.artifact_comments FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: artifact_templates set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.artifact_templates FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: artifact_versions set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.artifact_versions FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: artifacts set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.artifacts FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: brands set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.brands FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: campaign_phases set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.campaign_phases FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: campaign_rate_overrides set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.campaign_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: campaign_team set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.campaign_team FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: campaigns set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.campaigns FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: client_rate_overrides set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.client_rate_overrides FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: clients set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.clients FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: employee_capacity_periods set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.employee_capacity_periods FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: employee_rates set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.employee_rates FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: employee_utilization_targets set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.employee_utilization_targets FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: employees set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.employees FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: jobs set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.jobs FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: knowledge_chunks set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.knowledge_chunks FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: knowledge_documents set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.knowledge_documents FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: notifications set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.notifications FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: placeholder_allocations set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.placeholder_allocations FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: rate_cards set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.rate_cards FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: staffing_placeholders set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.staffing_placeholders FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: team_allocations set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.team_allocations FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: tenants set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.tenants FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: time_off_entries set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.time_off_entries FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: timesheet_entries set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.timesheet_entries FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: timesheet_timers set_updated_at; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_updated_at BEFORE UPDATE ON agency.timesheet_timers FOR EACH ROW EXECUTE FUNCTION agency.update_updated_at_column();


--
-- Name: placeholder_allocations set_week_start; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_week_start BEFORE INSERT OR UPDATE OF week_start_date ON agency.placeholder_allocations FOR EACH ROW EXECUTE FUNCTION agency.set_week_start_date();


--
-- Name: team_allocations set_week_start; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_week_start BEFORE INSERT OR UPDATE OF week_start_date ON agency.team_allocations FOR EACH ROW EXECUTE FUNCTION agency.set_week_start_date();


--
-- Name: time_off_entries set_week_start; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_week_start BEFORE INSERT OR UPDATE OF entry_date, week_start_date ON agency.time_off_entries FOR EACH ROW EXECUTE FUNCTION agency.set_time_off_week();


--
-- Name: timesheet_entries set_week_start; Type: TRIGGER; Schema: agency; Owner: workroom_owner
--

CREATE TRIGGER set_week_start BEFORE INSERT OR UPDATE OF entry_date, week_start_date ON agency.timesheet_entries FOR EACH ROW EXECUTE FUNCTION agency.set_week_start_date();


--
-- Name: checkouts keep_health_delete; Type: TRIGGER; Schema: gear; Owner: workroom_owner
--

CREATE TRIGGER keep_health_delete AFTER DELETE ON gear.checkouts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: checkouts keep_health_insert; Type: TRIGGER; Schema: gear; Owner: workroom_owner
--

CREATE TRIGGER keep_health_insert AFTER INSERT ON gear.checkouts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: checkouts keep_health_update; Type: TRIGGER; Schema: gear; Owner: workroom_owner
--

CREATE TRIGGER keep_health_update AFTER UPDATE ON gear.checkouts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: project_quotes keep_health_delete; Type: TRIGGER; Schema: procure; Owner: workroom_owner
--

CREATE TRIGGER keep_health_delete AFTER DELETE ON procure.project_quotes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: project_quotes keep_health_update; Type: TRIGGER; Schema: procure; Owner: workroom_owner
--

CREATE TRIGGER keep_health_update AFTER UPDATE ON procure.project_quotes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: expense_lines keep_health_delete; Type: TRIGGER; Schema: te; Owner: workroom_owner
--

CREATE TRIGGER keep_health_delete AFTER DELETE ON te.expense_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: expense_lines keep_health_insert; Type: TRIGGER; Schema: te; Owner: workroom_owner
--

CREATE TRIGGER keep_health_insert AFTER INSERT ON te.expense_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: expense_lines keep_health_update; Type: TRIGGER; Schema: te; Owner: workroom_owner
--

CREATE TRIGGER keep_health_update AFTER UPDATE ON te.expense_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agency.keep_campaign_health();


--
-- Name: ai_conversations ai_conversations_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.ai_conversations
    ADD CONSTRAINT ai_conversations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: ai_conversations ai_conversations_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.ai_conversations
    ADD CONSTRAINT ai_conversations_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: ai_messages ai_messages_tenant_id_conversation_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.ai_messages
    ADD CONSTRAINT ai_messages_tenant_id_conversation_id_fkey FOREIGN KEY (tenant_id, conversation_id) REFERENCES agency.ai_conversations(tenant_id, id) ON DELETE CASCADE;


--
-- Name: ai_messages ai_messages_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.ai_messages
    ADD CONSTRAINT ai_messages_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: artifact_attachments artifact_attachments_tenant_id_artifact_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_attachments
    ADD CONSTRAINT artifact_attachments_tenant_id_artifact_id_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: artifact_attachments artifact_attachments_tenant_id_created_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_attachments
    ADD CONSTRAINT artifact_attachments_tenant_id_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: artifact_attachments artifact_attachments_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_attachments
    ADD CONSTRAINT artifact_attachments_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id) ON DELETE CASCADE;


--
-- Name: artifact_comments artifact_comments_reply_same_artifact_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_reply_same_artifact_fkey FOREIGN KEY (tenant_id, artifact_id, parent_comment_id) REFERENCES agency.artifact_comments(tenant_id, artifact_id, id) ON DELETE CASCADE;


--
-- Name: artifact_comments artifact_comments_resolved_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_resolved_by_fkey FOREIGN KEY (tenant_id, resolved_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: artifact_comments artifact_comments_tenant_id_artifact_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_tenant_id_artifact_id_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: artifact_comments artifact_comments_tenant_id_author_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_tenant_id_author_id_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: artifact_comments artifact_comments_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: artifact_comments artifact_comments_tenant_id_parent_comment_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_comments
    ADD CONSTRAINT artifact_comments_tenant_id_parent_comment_id_fkey FOREIGN KEY (tenant_id, parent_comment_id) REFERENCES agency.artifact_comments(tenant_id, id);


--
-- Name: artifact_presence artifact_presence_tenant_id_artifact_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_presence
    ADD CONSTRAINT artifact_presence_tenant_id_artifact_id_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: artifact_presence artifact_presence_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_presence
    ADD CONSTRAINT artifact_presence_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id) ON DELETE CASCADE;


--
-- Name: artifact_presence artifact_presence_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_presence
    ADD CONSTRAINT artifact_presence_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id) ON DELETE CASCADE;


--
-- Name: artifact_review_events artifact_review_events_tenant_id_actor_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_review_events
    ADD CONSTRAINT artifact_review_events_tenant_id_actor_id_fkey FOREIGN KEY (tenant_id, actor_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: artifact_review_events artifact_review_events_tenant_id_artifact_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_review_events
    ADD CONSTRAINT artifact_review_events_tenant_id_artifact_id_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: artifact_review_events artifact_review_events_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_review_events
    ADD CONSTRAINT artifact_review_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: artifact_templates artifact_templates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_templates
    ADD CONSTRAINT artifact_templates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id) ON DELETE CASCADE;


--
-- Name: artifact_versions artifact_versions_tenant_id_artifact_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_versions
    ADD CONSTRAINT artifact_versions_tenant_id_artifact_id_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: artifact_versions artifact_versions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifact_versions
    ADD CONSTRAINT artifact_versions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: artifacts artifacts_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifacts
    ADD CONSTRAINT artifacts_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: artifacts artifacts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifacts
    ADD CONSTRAINT artifacts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: artifacts artifacts_tenant_id_owner_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.artifacts
    ADD CONSTRAINT artifacts_tenant_id_owner_id_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: audit_log audit_log_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.audit_log
    ADD CONSTRAINT audit_log_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id) ON DELETE CASCADE;


--
-- Name: brands brands_tenant_id_client_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.brands
    ADD CONSTRAINT brands_tenant_id_client_id_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES agency.clients(tenant_id, id);


--
-- Name: brands brands_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.brands
    ADD CONSTRAINT brands_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_budget_use campaign_budget_use_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_budget_use
    ADD CONSTRAINT campaign_budget_use_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: campaign_budget_use campaign_budget_use_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_budget_use
    ADD CONSTRAINT campaign_budget_use_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_health campaign_health_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_health
    ADD CONSTRAINT campaign_health_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: campaign_health campaign_health_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_health
    ADD CONSTRAINT campaign_health_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_month_hours campaign_month_hours_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_month_hours
    ADD CONSTRAINT campaign_month_hours_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_month_money campaign_month_money_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_month_money
    ADD CONSTRAINT campaign_month_money_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_phases campaign_phases_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_phases
    ADD CONSTRAINT campaign_phases_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: campaign_phases campaign_phases_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_phases
    ADD CONSTRAINT campaign_phases_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_rate_overrides campaign_rate_overrides_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_rate_overrides
    ADD CONSTRAINT campaign_rate_overrides_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: campaign_rate_overrides campaign_rate_overrides_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_rate_overrides
    ADD CONSTRAINT campaign_rate_overrides_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_team campaign_team_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_team
    ADD CONSTRAINT campaign_team_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: campaign_team campaign_team_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_team
    ADD CONSTRAINT campaign_team_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: campaign_team campaign_team_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_team
    ADD CONSTRAINT campaign_team_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_week_hours campaign_week_hours_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_week_hours
    ADD CONSTRAINT campaign_week_hours_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaign_week_money campaign_week_money_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaign_week_money
    ADD CONSTRAINT campaign_week_money_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: campaigns campaigns_procure_quote_fk; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaigns
    ADD CONSTRAINT campaigns_procure_quote_fk FOREIGN KEY (tenant_id, procure_quote_id) REFERENCES procure.project_quotes(tenant_id, id);


--
-- Name: campaigns campaigns_tenant_id_client_id_brand_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaigns
    ADD CONSTRAINT campaigns_tenant_id_client_id_brand_id_fkey FOREIGN KEY (tenant_id, client_id, brand_id) REFERENCES agency.brands(tenant_id, client_id, id);


--
-- Name: campaigns campaigns_tenant_id_client_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaigns
    ADD CONSTRAINT campaigns_tenant_id_client_id_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES agency.clients(tenant_id, id);


--
-- Name: campaigns campaigns_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.campaigns
    ADD CONSTRAINT campaigns_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: client_import_rows client_import_rows_tenant_id_batch_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_import_rows
    ADD CONSTRAINT client_import_rows_tenant_id_batch_id_fkey FOREIGN KEY (tenant_id, batch_id) REFERENCES agency.import_batches(tenant_id, id) ON DELETE CASCADE;


--
-- Name: client_rate_overrides client_rate_overrides_tenant_id_client_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_rate_overrides
    ADD CONSTRAINT client_rate_overrides_tenant_id_client_id_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES agency.clients(tenant_id, id);


--
-- Name: client_rate_overrides client_rate_overrides_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.client_rate_overrides
    ADD CONSTRAINT client_rate_overrides_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: clients clients_import_batch_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.clients
    ADD CONSTRAINT clients_import_batch_fkey FOREIGN KEY (tenant_id, import_batch_id) REFERENCES agency.import_batches(tenant_id, id) ON DELETE SET NULL (import_batch_id);


--
-- Name: clients clients_tenant_id_account_lead_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.clients
    ADD CONSTRAINT clients_tenant_id_account_lead_id_fkey FOREIGN KEY (tenant_id, account_lead_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: clients clients_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.clients
    ADD CONSTRAINT clients_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: employee_capacity_periods employee_capacity_periods_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_capacity_periods
    ADD CONSTRAINT employee_capacity_periods_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: employee_capacity_periods employee_capacity_periods_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_capacity_periods
    ADD CONSTRAINT employee_capacity_periods_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: employee_rates employee_rates_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_rates
    ADD CONSTRAINT employee_rates_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: employee_rates employee_rates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_rates
    ADD CONSTRAINT employee_rates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: employee_rates employee_rates_tenant_id_rate_card_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_rates
    ADD CONSTRAINT employee_rates_tenant_id_rate_card_id_fkey FOREIGN KEY (tenant_id, rate_card_id) REFERENCES agency.rate_cards(tenant_id, id);


--
-- Name: employee_utilization_targets employee_utilization_targets_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_utilization_targets
    ADD CONSTRAINT employee_utilization_targets_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: employee_utilization_targets employee_utilization_targets_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_utilization_targets
    ADD CONSTRAINT employee_utilization_targets_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: employee_week_bookings employee_week_bookings_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_week_bookings
    ADD CONSTRAINT employee_week_bookings_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: employee_week_hours employee_week_hours_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employee_week_hours
    ADD CONSTRAINT employee_week_hours_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: employees employees_import_batch_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employees
    ADD CONSTRAINT employees_import_batch_fkey FOREIGN KEY (tenant_id, import_batch_id) REFERENCES agency.import_batches(tenant_id, id) ON DELETE SET NULL (import_batch_id);


--
-- Name: employees employees_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.employees
    ADD CONSTRAINT employees_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: import_batches import_batches_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.import_batches
    ADD CONSTRAINT import_batches_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: import_batches import_batches_tenant_id_imported_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.import_batches
    ADD CONSTRAINT import_batches_tenant_id_imported_by_fkey FOREIGN KEY (tenant_id, imported_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: jobs jobs_tenant_id_created_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.jobs
    ADD CONSTRAINT jobs_tenant_id_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: jobs jobs_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.jobs
    ADD CONSTRAINT jobs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: knowledge_chunk_counts knowledge_chunk_counts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunk_counts
    ADD CONSTRAINT knowledge_chunk_counts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: knowledge_chunks knowledge_chunks_artifact_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunks
    ADD CONSTRAINT knowledge_chunks_artifact_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: knowledge_chunks knowledge_chunks_tenant_id_document_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunks
    ADD CONSTRAINT knowledge_chunks_tenant_id_document_id_fkey FOREIGN KEY (tenant_id, document_id) REFERENCES agency.knowledge_documents(tenant_id, id) ON DELETE CASCADE;


--
-- Name: knowledge_chunks knowledge_chunks_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_chunks
    ADD CONSTRAINT knowledge_chunks_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: knowledge_documents knowledge_documents_tenant_id_brand_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_documents
    ADD CONSTRAINT knowledge_documents_tenant_id_brand_id_fkey FOREIGN KEY (tenant_id, brand_id) REFERENCES agency.brands(tenant_id, id);


--
-- Name: knowledge_documents knowledge_documents_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_documents
    ADD CONSTRAINT knowledge_documents_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: knowledge_documents knowledge_documents_tenant_id_client_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_documents
    ADD CONSTRAINT knowledge_documents_tenant_id_client_id_fkey FOREIGN KEY (tenant_id, client_id) REFERENCES agency.clients(tenant_id, id);


--
-- Name: knowledge_documents knowledge_documents_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.knowledge_documents
    ADD CONSTRAINT knowledge_documents_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: notifications notifications_artifact_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_artifact_id_fkey FOREIGN KEY (tenant_id, artifact_id) REFERENCES agency.artifacts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: notifications notifications_checkout_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_checkout_fkey FOREIGN KEY (tenant_id, checkout_id) REFERENCES gear.checkouts(tenant_id, id) ON DELETE CASCADE;


--
-- Name: notifications notifications_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: notifications notifications_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: notifications notifications_tenant_id_recipient_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.notifications
    ADD CONSTRAINT notifications_tenant_id_recipient_id_fkey FOREIGN KEY (tenant_id, recipient_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: people_import_rows people_import_rows_tenant_id_batch_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.people_import_rows
    ADD CONSTRAINT people_import_rows_tenant_id_batch_id_fkey FOREIGN KEY (tenant_id, batch_id) REFERENCES agency.import_batches(tenant_id, id) ON DELETE CASCADE;


--
-- Name: placeholder_allocations placeholder_allocations_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.placeholder_allocations
    ADD CONSTRAINT placeholder_allocations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: placeholder_allocations placeholder_allocations_tenant_id_placeholder_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.placeholder_allocations
    ADD CONSTRAINT placeholder_allocations_tenant_id_placeholder_id_fkey FOREIGN KEY (tenant_id, placeholder_id) REFERENCES agency.staffing_placeholders(tenant_id, id) ON DELETE CASCADE;


--
-- Name: rate_cards rate_cards_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.rate_cards
    ADD CONSTRAINT rate_cards_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: staffing_placeholders staffing_placeholders_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.staffing_placeholders
    ADD CONSTRAINT staffing_placeholders_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: staffing_placeholders staffing_placeholders_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.staffing_placeholders
    ADD CONSTRAINT staffing_placeholders_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: team_allocations team_allocations_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.team_allocations
    ADD CONSTRAINT team_allocations_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: team_allocations team_allocations_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.team_allocations
    ADD CONSTRAINT team_allocations_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: team_allocations team_allocations_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.team_allocations
    ADD CONSTRAINT team_allocations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: time_off_entries time_off_entries_tenant_id_approved_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.time_off_entries
    ADD CONSTRAINT time_off_entries_tenant_id_approved_by_fkey FOREIGN KEY (tenant_id, approved_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: time_off_entries time_off_entries_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.time_off_entries
    ADD CONSTRAINT time_off_entries_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: time_off_entries time_off_entries_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.time_off_entries
    ADD CONSTRAINT time_off_entries_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: time_off_entries time_off_entries_tenant_id_rejected_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.time_off_entries
    ADD CONSTRAINT time_off_entries_tenant_id_rejected_by_fkey FOREIGN KEY (tenant_id, rejected_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_import_batch_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_import_batch_fkey FOREIGN KEY (tenant_id, import_batch_id) REFERENCES agency.import_batches(tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_rejected_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_rejected_by_fkey FOREIGN KEY (tenant_id, rejected_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_tenant_id_approved_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_tenant_id_approved_by_fkey FOREIGN KEY (tenant_id, approved_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_tenant_id_campaign_id_phase_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_tenant_id_campaign_id_phase_id_fkey FOREIGN KEY (tenant_id, campaign_id, phase_id) REFERENCES agency.campaign_phases(tenant_id, campaign_id, id);


--
-- Name: timesheet_entries timesheet_entries_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_entries timesheet_entries_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_entries
    ADD CONSTRAINT timesheet_entries_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: timesheet_import_rows timesheet_import_rows_tenant_id_batch_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_import_rows
    ADD CONSTRAINT timesheet_import_rows_tenant_id_batch_id_fkey FOREIGN KEY (tenant_id, batch_id) REFERENCES agency.import_batches(tenant_id, id) ON DELETE CASCADE;


--
-- Name: timesheet_submitted_parts timesheet_submitted_parts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_submitted_parts
    ADD CONSTRAINT timesheet_submitted_parts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: timesheet_timers timesheet_timers_tenant_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_timers
    ADD CONSTRAINT timesheet_timers_tenant_id_campaign_id_fkey FOREIGN KEY (tenant_id, campaign_id) REFERENCES agency.campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: timesheet_timers timesheet_timers_tenant_id_campaign_id_phase_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_timers
    ADD CONSTRAINT timesheet_timers_tenant_id_campaign_id_phase_id_fkey FOREIGN KEY (tenant_id, campaign_id, phase_id) REFERENCES agency.campaign_phases(tenant_id, campaign_id, id) ON DELETE CASCADE;


--
-- Name: timesheet_timers timesheet_timers_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_timers
    ADD CONSTRAINT timesheet_timers_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_timers timesheet_timers_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_timers
    ADD CONSTRAINT timesheet_timers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: timesheet_weeks timesheet_weeks_rejected_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_rejected_by_fkey FOREIGN KEY (tenant_id, rejected_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_weeks timesheet_weeks_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_weeks timesheet_weeks_tenant_id_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: timesheet_weeks timesheet_weeks_tenant_id_signed_off_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_tenant_id_signed_off_by_fkey FOREIGN KEY (tenant_id, signed_off_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: timesheet_weeks timesheet_weeks_tenant_id_unlocked_by_fkey; Type: FK CONSTRAINT; Schema: agency; Owner: workroom_owner
--

ALTER TABLE ONLY agency.timesheet_weeks
    ADD CONSTRAINT timesheet_weeks_tenant_id_unlocked_by_fkey FOREIGN KEY (tenant_id, unlocked_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: projects projects_agency_campaign_fk; Type: FK CONSTRAINT; Schema: finance_ppm; Owner: workroom_owner
--

ALTER TABLE ONLY finance_ppm.projects
    ADD CONSTRAINT projects_agency_campaign_fk FOREIGN KEY (tenant_id, agency_campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: projects projects_tenant_id_fkey; Type: FK CONSTRAINT; Schema: finance_ppm; Owner: workroom_owner
--

ALTER TABLE ONLY finance_ppm.projects
    ADD CONSTRAINT projects_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: checkouts checkouts_agency_campaign_fk; Type: FK CONSTRAINT; Schema: gear; Owner: workroom_owner
--

ALTER TABLE ONLY gear.checkouts
    ADD CONSTRAINT checkouts_agency_campaign_fk FOREIGN KEY (tenant_id, agency_campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: checkouts checkouts_tenant_id_checked_out_by_fkey; Type: FK CONSTRAINT; Schema: gear; Owner: workroom_owner
--

ALTER TABLE ONLY gear.checkouts
    ADD CONSTRAINT checkouts_tenant_id_checked_out_by_fkey FOREIGN KEY (tenant_id, checked_out_by) REFERENCES agency.employees(tenant_id, id);


--
-- Name: checkouts checkouts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: gear; Owner: workroom_owner
--

ALTER TABLE ONLY gear.checkouts
    ADD CONSTRAINT checkouts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: user_claims user_claims_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.user_claims
    ADD CONSTRAINT user_claims_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: user_logins user_logins_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.user_logins
    ADD CONSTRAINT user_logins_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: user_tokens user_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.user_tokens
    ADD CONSTRAINT user_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES identity.users(id) ON DELETE CASCADE;


--
-- Name: users users_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: users users_tenant_id_fkey; Type: FK CONSTRAINT; Schema: identity; Owner: workroom_owner
--

ALTER TABLE ONLY identity.users
    ADD CONSTRAINT users_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: project_quotes project_quotes_tenant_id_fkey; Type: FK CONSTRAINT; Schema: procure; Owner: workroom_owner
--

ALTER TABLE ONLY procure.project_quotes
    ADD CONSTRAINT project_quotes_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: expense_lines expense_lines_agency_campaign_fk; Type: FK CONSTRAINT; Schema: te; Owner: workroom_owner
--

ALTER TABLE ONLY te.expense_lines
    ADD CONSTRAINT expense_lines_agency_campaign_fk FOREIGN KEY (tenant_id, agency_campaign_id) REFERENCES agency.campaigns(tenant_id, id);


--
-- Name: expense_lines expense_lines_tenant_id_employee_id_fkey; Type: FK CONSTRAINT; Schema: te; Owner: workroom_owner
--

ALTER TABLE ONLY te.expense_lines
    ADD CONSTRAINT expense_lines_tenant_id_employee_id_fkey FOREIGN KEY (tenant_id, employee_id) REFERENCES agency.employees(tenant_id, id);


--
-- Name: expense_lines expense_lines_tenant_id_fkey; Type: FK CONSTRAINT; Schema: te; Owner: workroom_owner
--

ALTER TABLE ONLY te.expense_lines
    ADD CONSTRAINT expense_lines_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES agency.tenants(id);


--
-- Name: ai_conversations; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.ai_conversations ENABLE ROW LEVEL SECURITY;

--
-- Name: ai_messages; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.ai_messages ENABLE ROW LEVEL SECURITY;

--
-- Name: team_allocations allocation_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY allocation_manage ON agency.team_allocations USING (( SELECT agency.has_any_role(ARRAY['pm'::text, 'leadership'::text, 'admin'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['pm'::text, 'leadership'::text, 'admin'::text]) AS has_any_role));


--
-- Name: team_allocations allocation_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY allocation_read ON agency.team_allocations FOR SELECT USING (true);


--
-- Name: artifact_attachments; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifact_attachments ENABLE ROW LEVEL SECURITY;

--
-- Name: artifact_comments; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifact_comments ENABLE ROW LEVEL SECURITY;

--
-- Name: artifacts artifact_create; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY artifact_create ON agency.artifacts FOR INSERT WITH CHECK ((agency.may_add_artifacts_to(campaign_id) AND ((owner_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role))));


--
-- Name: artifacts artifact_delete; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY artifact_delete ON agency.artifacts FOR DELETE USING (((owner_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role)));


--
-- Name: artifacts artifact_edit; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY artifact_edit ON agency.artifacts FOR UPDATE USING (agency.may_edit_artifact(owner_id, campaign_id)) WITH CHECK (agency.may_edit_artifact(owner_id, campaign_id));


--
-- Name: artifacts artifact_index; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY artifact_index ON agency.artifacts FOR SELECT USING (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: artifact_presence; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifact_presence ENABLE ROW LEVEL SECURITY;

--
-- Name: artifacts artifact_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY artifact_read ON agency.artifacts FOR SELECT USING (((owner_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR (EXISTS ( SELECT 1
   FROM agency.campaign_team tm
  WHERE ((tm.tenant_id = artifacts.tenant_id) AND (tm.campaign_id = artifacts.campaign_id) AND (tm.employee_id = ( SELECT agency.current_user_id() AS current_user_id)))))));


--
-- Name: artifact_review_events; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifact_review_events ENABLE ROW LEVEL SECURITY;

--
-- Name: artifact_templates; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifact_templates ENABLE ROW LEVEL SECURITY;

--
-- Name: artifact_versions; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifact_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: artifacts; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.artifacts ENABLE ROW LEVEL SECURITY;

--
-- Name: artifact_attachments attachment_add; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY attachment_add ON agency.artifact_attachments FOR INSERT WITH CHECK (((created_by = ( SELECT agency.current_user_id() AS current_user_id)) AND (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_attachments.tenant_id) AND (a.id = artifact_attachments.artifact_id) AND (a.deleted_at IS NULL) AND agency.may_edit_artifact(a.owner_id, a.campaign_id))))));


--
-- Name: artifact_attachments attachment_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY attachment_read ON agency.artifact_attachments FOR SELECT USING ((EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_attachments.tenant_id) AND (a.id = artifact_attachments.artifact_id)))));


--
-- Name: audit_log audit_append; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY audit_append ON agency.audit_log FOR INSERT TO agency_audit WITH CHECK (true);


--
-- Name: audit_log; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log audit_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY audit_read ON agency.audit_log FOR SELECT USING ((( SELECT agency.can_see_financials() AS can_see_financials) OR ((entity = ANY (ARRAY['tenant_settings'::text, 'employee_role'::text])) AND ( SELECT agency.has_role('admin'::text) AS has_role))));


--
-- Name: employee_week_bookings bookings_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY bookings_read ON agency.employee_week_bookings FOR SELECT USING (true);


--
-- Name: brands brand_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY brand_manage ON agency.brands USING (( SELECT agency.has_any_role(ARRAY['admin'::text, 'account'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['admin'::text, 'account'::text]) AS has_any_role));


--
-- Name: brands brand_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY brand_read ON agency.brands FOR SELECT USING (true);


--
-- Name: brands; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.brands ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_budget_use budget_use_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY budget_use_read ON agency.campaign_budget_use FOR SELECT USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text, 'pm'::text, 'account'::text, 'system'::text]) AS has_any_role));


--
-- Name: campaign_budget_use; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_budget_use ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_health; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_health ENABLE ROW LEVEL SECURITY;

--
-- Name: campaigns campaign_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY campaign_manage ON agency.campaigns USING (( SELECT agency.has_any_role(ARRAY['pm'::text, 'account'::text, 'admin'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['pm'::text, 'account'::text, 'admin'::text]) AS has_any_role));


--
-- Name: campaign_month_hours; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_month_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_month_money; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_month_money ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_phases; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_phases ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_rate_overrides; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_rate_overrides ENABLE ROW LEVEL SECURITY;

--
-- Name: campaigns campaign_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY campaign_read ON agency.campaigns FOR SELECT USING (true);


--
-- Name: campaign_team; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_team ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_week_hours; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_week_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_week_money; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaign_week_money ENABLE ROW LEVEL SECURITY;

--
-- Name: campaigns; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.campaigns ENABLE ROW LEVEL SECURITY;

--
-- Name: employee_capacity_periods capacity_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY capacity_manage ON agency.employee_capacity_periods USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: employee_capacity_periods capacity_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY capacity_read ON agency.employee_capacity_periods FOR SELECT USING (true);


--
-- Name: knowledge_chunks chunk_index; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY chunk_index ON agency.knowledge_chunks USING (( SELECT agency.has_role('system'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: knowledge_chunks chunk_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY chunk_manage ON agency.knowledge_chunks USING (( SELECT agency.has_any_role(ARRAY['admin'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['admin'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: knowledge_chunks chunk_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY chunk_read ON agency.knowledge_chunks FOR SELECT USING ((( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR ((document_id IS NOT NULL) AND (EXISTS ( SELECT 1
   FROM agency.knowledge_documents d
  WHERE ((d.tenant_id = knowledge_chunks.tenant_id) AND (d.id = knowledge_chunks.document_id))))) OR ((artifact_id IS NOT NULL) AND (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = knowledge_chunks.tenant_id) AND (a.id = knowledge_chunks.artifact_id)))))));


--
-- Name: client_import_rows; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.client_import_rows ENABLE ROW LEVEL SECURITY;

--
-- Name: clients client_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY client_manage ON agency.clients USING (( SELECT agency.has_any_role(ARRAY['admin'::text, 'account'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['admin'::text, 'account'::text]) AS has_any_role));


--
-- Name: client_rate_overrides; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.client_rate_overrides ENABLE ROW LEVEL SECURITY;

--
-- Name: clients client_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY client_read ON agency.clients FOR SELECT USING (true);


--
-- Name: clients; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.clients ENABLE ROW LEVEL SECURITY;

--
-- Name: artifact_comments comment_create; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY comment_create ON agency.artifact_comments FOR INSERT WITH CHECK (((author_id = ( SELECT agency.current_user_id() AS current_user_id)) AND (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_comments.tenant_id) AND (a.id = artifact_comments.artifact_id))))));


--
-- Name: artifact_comments comment_delete; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY comment_delete ON agency.artifact_comments FOR DELETE USING (((author_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_role('admin'::text) AS has_role)));


--
-- Name: artifact_comments comment_edit; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY comment_edit ON agency.artifact_comments FOR UPDATE USING (((author_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_role('admin'::text) AS has_role))) WITH CHECK (((author_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_role('admin'::text) AS has_role)));


--
-- Name: artifact_comments comment_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY comment_read ON agency.artifact_comments FOR SELECT USING ((( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_comments.tenant_id) AND (a.id = artifact_comments.artifact_id))))));


--
-- Name: artifact_comments comment_resolve; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY comment_resolve ON agency.artifact_comments FOR UPDATE USING ((( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_comments.tenant_id) AND (a.id = artifact_comments.artifact_id)))))) WITH CHECK ((( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_comments.tenant_id) AND (a.id = artifact_comments.artifact_id))))));


--
-- Name: ai_conversations conversation_owner; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY conversation_owner ON agency.ai_conversations USING ((user_id = ( SELECT agency.current_user_id() AS current_user_id))) WITH CHECK ((user_id = ( SELECT agency.current_user_id() AS current_user_id)));


--
-- Name: knowledge_chunk_counts counts_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY counts_read ON agency.knowledge_chunk_counts FOR SELECT USING (true);


--
-- Name: employee_capacity_periods; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.employee_capacity_periods ENABLE ROW LEVEL SECURITY;

--
-- Name: employees employee_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY employee_manage ON agency.employees USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: employee_rates employee_rate_finance; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY employee_rate_finance ON agency.employee_rates USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: employee_rates employee_rate_import; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY employee_rate_import ON agency.employee_rates FOR INSERT WITH CHECK ((( SELECT agency.has_role('admin'::text) AS has_role) AND (effective_from >= CURRENT_DATE) AND (EXISTS ( SELECT
   FROM (agency.employees e
     JOIN agency.import_batches b ON (((b.tenant_id = e.tenant_id) AND (b.id = e.import_batch_id))))
  WHERE ((e.tenant_id = employee_rates.tenant_id) AND (e.id = employee_rates.employee_id) AND (b.kind = 'people'::text) AND (b.finished_at IS NULL) AND (b.imported_by = ( SELECT agency.current_user_id() AS current_user_id)))))));


--
-- Name: employee_rates; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.employee_rates ENABLE ROW LEVEL SECURITY;

--
-- Name: employees employee_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY employee_read ON agency.employees FOR SELECT USING (true);


--
-- Name: employee_utilization_targets; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.employee_utilization_targets ENABLE ROW LEVEL SECURITY;

--
-- Name: employee_week_bookings; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.employee_week_bookings ENABLE ROW LEVEL SECURITY;

--
-- Name: employee_week_hours; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.employee_week_hours ENABLE ROW LEVEL SECURITY;

--
-- Name: employees; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.employees ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_health health_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY health_read ON agency.campaign_health FOR SELECT USING (true);


--
-- Name: campaign_month_hours hours_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY hours_read ON agency.campaign_month_hours FOR SELECT USING (true);


--
-- Name: campaign_week_hours hours_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY hours_read ON agency.campaign_week_hours FOR SELECT USING (true);


--
-- Name: employee_week_hours hours_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY hours_read ON agency.employee_week_hours FOR SELECT USING (( SELECT agency.sees_all_timesheets() AS sees_all_timesheets));


--
-- Name: client_import_rows import_admin; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY import_admin ON agency.client_import_rows USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: import_batches import_admin; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY import_admin ON agency.import_batches USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK ((( SELECT agency.has_role('admin'::text) AS has_role) AND (imported_by = ( SELECT agency.current_user_id() AS current_user_id))));


--
-- Name: people_import_rows import_admin; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY import_admin ON agency.people_import_rows USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: timesheet_import_rows import_admin; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY import_admin ON agency.timesheet_import_rows USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: import_batches; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.import_batches ENABLE ROW LEVEL SECURITY;

--
-- Name: jobs job_enqueue; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY job_enqueue ON agency.jobs FOR INSERT WITH CHECK (((created_by = ( SELECT agency.current_user_id() AS current_user_id)) AND (status = 'queued'::text) AND (attempts = 0)));


--
-- Name: jobs job_follow; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY job_follow ON agency.jobs FOR SELECT USING ((created_by = ( SELECT agency.current_user_id() AS current_user_id)));


--
-- Name: jobs job_subject_follow; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY job_subject_follow ON agency.jobs FOR SELECT USING ((((kind = 'index_document'::text) AND (EXISTS ( SELECT 1
   FROM agency.knowledge_documents d
  WHERE ((d.tenant_id = jobs.tenant_id) AND (d.id = jobs.subject_id))))) OR ((kind = 'index_artifact'::text) AND (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = jobs.tenant_id) AND (a.id = jobs.subject_id)))))));


--
-- Name: jobs job_work; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY job_work ON agency.jobs USING (( SELECT agency.has_role('system'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: jobs; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: knowledge_chunk_counts; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.knowledge_chunk_counts ENABLE ROW LEVEL SECURITY;

--
-- Name: knowledge_chunks; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.knowledge_chunks ENABLE ROW LEVEL SECURITY;

--
-- Name: knowledge_documents; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.knowledge_documents ENABLE ROW LEVEL SECURITY;

--
-- Name: knowledge_documents knowledge_index; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY knowledge_index ON agency.knowledge_documents FOR SELECT USING (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: knowledge_documents knowledge_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY knowledge_manage ON agency.knowledge_documents USING (( SELECT agency.has_any_role(ARRAY['admin'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['admin'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: knowledge_documents knowledge_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY knowledge_read ON agency.knowledge_documents FOR SELECT USING (((NOT team_only) OR agency.may_add_artifacts_to(campaign_id)));


--
-- Name: campaign_team links_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY links_read ON agency.campaign_team FOR SELECT TO agency_links USING (true);


--
-- Name: campaigns links_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY links_read ON agency.campaigns FOR SELECT TO agency_links USING (true);


--
-- Name: employees links_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY links_read ON agency.employees FOR SELECT TO agency_links USING (true);


--
-- Name: campaigns links_update; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY links_update ON agency.campaigns FOR UPDATE TO agency_links USING (true) WITH CHECK (true);


--
-- Name: ai_messages message_owner; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY message_owner ON agency.ai_messages USING ((EXISTS ( SELECT 1
   FROM agency.ai_conversations c
  WHERE ((c.tenant_id = ai_messages.tenant_id) AND (c.id = ai_messages.conversation_id))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM agency.ai_conversations c
  WHERE ((c.tenant_id = ai_messages.tenant_id) AND (c.id = ai_messages.conversation_id)))));


--
-- Name: campaign_month_money money_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY money_read ON agency.campaign_month_money FOR SELECT USING (( SELECT agency.can_see_financials() AS can_see_financials));


--
-- Name: campaign_week_money money_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY money_read ON agency.campaign_week_money FOR SELECT USING (( SELECT agency.can_see_financials() AS can_see_financials));


--
-- Name: notifications notification_dismiss; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_dismiss ON agency.notifications FOR DELETE USING ((recipient_id = ( SELECT agency.current_user_id() AS current_user_id)));


--
-- Name: notifications notification_mark; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_mark ON agency.notifications FOR UPDATE USING ((recipient_id = ( SELECT agency.current_user_id() AS current_user_id))) WITH CHECK ((recipient_id = ( SELECT agency.current_user_id() AS current_user_id)));


--
-- Name: notifications notification_raise; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_raise ON agency.notifications FOR INSERT WITH CHECK (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: notifications notification_raise_review; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_raise_review ON agency.notifications FOR INSERT TO agency_reviews WITH CHECK ((kind = ANY (ARRAY['artifact_review'::text, 'artifact_mention'::text])));


--
-- Name: notifications notification_raise_time; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_raise_time ON agency.notifications FOR INSERT TO agency_timesheets WITH CHECK ((kind <> 'budget_alert'::text));


--
-- Name: notifications notification_raised; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_raised ON agency.notifications FOR SELECT USING (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: notifications notification_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY notification_read ON agency.notifications FOR SELECT USING ((recipient_id = ( SELECT agency.current_user_id() AS current_user_id)));


--
-- Name: notifications; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: timesheet_submitted_parts parts_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY parts_read ON agency.timesheet_submitted_parts FOR SELECT USING (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.sees_all_timesheets() AS sees_all_timesheets)));


--
-- Name: people_import_rows; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.people_import_rows ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_phases phase_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY phase_manage ON agency.campaign_phases USING (( SELECT agency.has_any_role(ARRAY['pm'::text, 'account'::text, 'admin'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['pm'::text, 'account'::text, 'admin'::text]) AS has_any_role));


--
-- Name: campaign_phases phase_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY phase_read ON agency.campaign_phases FOR SELECT USING (true);


--
-- Name: placeholder_allocations; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.placeholder_allocations ENABLE ROW LEVEL SECURITY;

--
-- Name: placeholder_allocations placeholder_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY placeholder_manage ON agency.placeholder_allocations USING (( SELECT agency.has_any_role(ARRAY['pm'::text, 'leadership'::text, 'admin'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['pm'::text, 'leadership'::text, 'admin'::text]) AS has_any_role));


--
-- Name: staffing_placeholders placeholder_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY placeholder_manage ON agency.staffing_placeholders USING (( SELECT agency.has_any_role(ARRAY['pm'::text, 'leadership'::text, 'admin'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['pm'::text, 'leadership'::text, 'admin'::text]) AS has_any_role));


--
-- Name: placeholder_allocations placeholder_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY placeholder_read ON agency.placeholder_allocations FOR SELECT USING (true);


--
-- Name: staffing_placeholders placeholder_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY placeholder_read ON agency.staffing_placeholders FOR SELECT USING (true);


--
-- Name: artifact_presence presence_own; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY presence_own ON agency.artifact_presence USING ((employee_id = ( SELECT agency.current_user_id() AS current_user_id))) WITH CHECK (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) AND (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_presence.tenant_id) AND (a.id = artifact_presence.artifact_id))))));


--
-- Name: artifact_presence presence_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY presence_read ON agency.artifact_presence FOR SELECT USING ((EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_presence.tenant_id) AND (a.id = artifact_presence.artifact_id)))));


--
-- Name: rate_cards rate_card_finance; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY rate_card_finance ON agency.rate_cards USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: rate_cards; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.rate_cards ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_rate_overrides rate_override_finance; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY rate_override_finance ON agency.campaign_rate_overrides USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: client_rate_overrides rate_override_finance; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY rate_override_finance ON agency.client_rate_overrides USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: artifact_review_events review_event_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY review_event_read ON agency.artifact_review_events FOR SELECT USING ((( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_review_events.tenant_id) AND (a.id = artifact_review_events.artifact_id))))));


--
-- Name: artifact_review_events review_event_record; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY review_event_record ON agency.artifact_review_events FOR INSERT TO agency_reviews WITH CHECK (true);


--
-- Name: staffing_placeholders; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.staffing_placeholders ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_budget_use summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.campaign_budget_use TO agency_summaries USING (true);


--
-- Name: campaign_health summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.campaign_health TO agency_summaries USING (true);


--
-- Name: campaign_month_hours summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.campaign_month_hours TO agency_summaries USING (true);


--
-- Name: campaign_month_money summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.campaign_month_money TO agency_summaries USING (true);


--
-- Name: campaign_week_hours summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.campaign_week_hours TO agency_summaries USING (true);


--
-- Name: campaign_week_money summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.campaign_week_money TO agency_summaries USING (true);


--
-- Name: employee_week_bookings summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.employee_week_bookings TO agency_summaries USING (true);


--
-- Name: employee_week_hours summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.employee_week_hours TO agency_summaries USING (true);


--
-- Name: knowledge_chunk_counts summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.knowledge_chunk_counts TO agency_summaries USING (true);


--
-- Name: timesheet_submitted_parts summaries_maintain; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_maintain ON agency.timesheet_submitted_parts TO agency_summaries USING (true);


--
-- Name: campaign_rate_overrides summaries_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_read ON agency.campaign_rate_overrides FOR SELECT TO agency_summaries USING (true);


--
-- Name: campaigns summaries_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_read ON agency.campaigns FOR SELECT TO agency_summaries USING (true);


--
-- Name: client_rate_overrides summaries_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_read ON agency.client_rate_overrides FOR SELECT TO agency_summaries USING (true);


--
-- Name: employee_rates summaries_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_read ON agency.employee_rates FOR SELECT TO agency_summaries USING (true);


--
-- Name: rate_cards summaries_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_read ON agency.rate_cards FOR SELECT TO agency_summaries USING (true);


--
-- Name: timesheet_entries summaries_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY summaries_read ON agency.timesheet_entries FOR SELECT TO agency_summaries USING (true);


--
-- Name: employee_utilization_targets targets_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY targets_manage ON agency.employee_utilization_targets USING (( SELECT agency.has_role('leadership'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('leadership'::text) AS has_role));


--
-- Name: employee_utilization_targets targets_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY targets_read ON agency.employee_utilization_targets FOR SELECT USING (true);


--
-- Name: team_allocations; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.team_allocations ENABLE ROW LEVEL SECURITY;

--
-- Name: campaign_team team_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY team_manage ON agency.campaign_team USING (( SELECT agency.has_any_role(ARRAY['pm'::text, 'account'::text, 'admin'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['pm'::text, 'account'::text, 'admin'::text]) AS has_any_role));


--
-- Name: campaign_team team_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY team_read ON agency.campaign_team FOR SELECT USING (true);


--
-- Name: artifact_templates template_defaults; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY template_defaults ON agency.artifact_templates FOR INSERT TO workroom_owner WITH CHECK (true);


--
-- Name: artifact_templates template_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY template_manage ON agency.artifact_templates USING (( SELECT agency.has_role('admin'::text) AS has_role)) WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: artifact_templates template_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY template_read ON agency.artifact_templates FOR SELECT USING (true);


--
-- Name: tenants tenant_create; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_create ON agency.tenants FOR INSERT WITH CHECK (( SELECT agency.has_role('admin'::text) AS has_role));


--
-- Name: ai_conversations tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.ai_conversations AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: ai_messages tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.ai_messages AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifact_attachments tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifact_attachments AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifact_comments tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifact_comments AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifact_presence tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifact_presence AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifact_review_events tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifact_review_events AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifact_templates tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifact_templates AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifact_versions tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifact_versions AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: artifacts tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.artifacts AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: audit_log tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.audit_log AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: brands tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.brands AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_budget_use tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_budget_use AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_health tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_health AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_month_hours tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_month_hours AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_month_money tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_month_money AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_phases tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_phases AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_rate_overrides tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_rate_overrides AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_team tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_team AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_week_hours tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_week_hours AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaign_week_money tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaign_week_money AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: campaigns tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.campaigns AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: client_import_rows tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.client_import_rows AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: client_rate_overrides tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.client_rate_overrides AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: clients tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.clients AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: employee_capacity_periods tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.employee_capacity_periods AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: employee_rates tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.employee_rates AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: employee_utilization_targets tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.employee_utilization_targets AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: employee_week_bookings tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.employee_week_bookings AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: employee_week_hours tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.employee_week_hours AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: employees tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.employees AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: import_batches tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.import_batches AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: jobs tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.jobs AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: knowledge_chunk_counts tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.knowledge_chunk_counts AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: knowledge_chunks tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.knowledge_chunks AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: knowledge_documents tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.knowledge_documents AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: notifications tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.notifications AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: people_import_rows tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.people_import_rows AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: placeholder_allocations tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.placeholder_allocations AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: rate_cards tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.rate_cards AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: staffing_placeholders tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.staffing_placeholders AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: team_allocations tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.team_allocations AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: tenants tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.tenants AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: time_off_entries tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.time_off_entries AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: timesheet_entries tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.timesheet_entries AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: timesheet_import_rows tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.timesheet_import_rows AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: timesheet_submitted_parts tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.timesheet_submitted_parts AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: timesheet_timers tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.timesheet_timers AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: timesheet_weeks tenant_isolation; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON agency.timesheet_weeks AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: tenants tenant_manage; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_manage ON agency.tenants FOR UPDATE USING (( SELECT agency.has_any_role(ARRAY['admin'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['admin'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: tenants tenant_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY tenant_read ON agency.tenants FOR SELECT USING (true);


--
-- Name: tenants; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.tenants ENABLE ROW LEVEL SECURITY;

--
-- Name: time_off_entries; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.time_off_entries ENABLE ROW LEVEL SECURITY;

--
-- Name: time_off_entries time_off_import; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY time_off_import ON agency.time_off_entries FOR INSERT WITH CHECK (( SELECT agency.time_import_active() AS time_import_active));


--
-- Name: time_off_entries time_off_own_or_manager; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY time_off_own_or_manager ON agency.time_off_entries USING (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.sees_all_timesheets() AS sees_all_timesheets))) WITH CHECK (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.sees_all_timesheets() AS sees_all_timesheets)));


--
-- Name: timesheet_timers timer_own; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY timer_own ON agency.timesheet_timers USING ((employee_id = ( SELECT agency.current_user_id() AS current_user_id))) WITH CHECK ((employee_id = ( SELECT agency.current_user_id() AS current_user_id)));


--
-- Name: timesheet_entries; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.timesheet_entries ENABLE ROW LEVEL SECURITY;

--
-- Name: timesheet_entries timesheet_import; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY timesheet_import ON agency.timesheet_entries FOR INSERT WITH CHECK (( SELECT agency.time_import_active() AS time_import_active));


--
-- Name: timesheet_import_rows; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.timesheet_import_rows ENABLE ROW LEVEL SECURITY;

--
-- Name: timesheet_entries timesheet_own_or_manager; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY timesheet_own_or_manager ON agency.timesheet_entries USING (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['pm'::text, 'finance'::text, 'leadership'::text]) AS has_any_role))) WITH CHECK (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['pm'::text, 'finance'::text, 'leadership'::text]) AS has_any_role)));


--
-- Name: timesheet_submitted_parts; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.timesheet_submitted_parts ENABLE ROW LEVEL SECURITY;

--
-- Name: timesheet_timers; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.timesheet_timers ENABLE ROW LEVEL SECURITY;

--
-- Name: timesheet_weeks; Type: ROW SECURITY; Schema: agency; Owner: workroom_owner
--

ALTER TABLE agency.timesheet_weeks ENABLE ROW LEVEL SECURITY;

--
-- Name: time_off_entries timesheets_keep; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY timesheets_keep ON agency.time_off_entries TO agency_timesheets USING (true) WITH CHECK (true);


--
-- Name: timesheet_entries timesheets_keep; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY timesheets_keep ON agency.timesheet_entries TO agency_timesheets USING (true) WITH CHECK (true);


--
-- Name: artifact_versions version_burst; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY version_burst ON agency.artifact_versions FOR UPDATE USING (((created_by = ( SELECT agency.current_user_id() AS current_user_id)) AND (change_summary IS NULL) AND (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_versions.tenant_id) AND (a.id = artifact_versions.artifact_id) AND (a.current_version = artifact_versions.version_number)))))) WITH CHECK (((created_by = ( SELECT agency.current_user_id() AS current_user_id)) AND (change_summary IS NULL)));


--
-- Name: artifact_versions version_create; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY version_create ON agency.artifact_versions FOR INSERT WITH CHECK ((EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_versions.tenant_id) AND (a.id = artifact_versions.artifact_id)))));


--
-- Name: artifact_versions version_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY version_read ON agency.artifact_versions FOR SELECT USING ((( SELECT agency.has_any_role(ARRAY['leadership'::text, 'admin'::text]) AS has_any_role) OR (EXISTS ( SELECT 1
   FROM agency.artifacts a
  WHERE ((a.tenant_id = artifact_versions.tenant_id) AND (a.id = artifact_versions.artifact_id))))));


--
-- Name: timesheet_weeks week_keep; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY week_keep ON agency.timesheet_weeks TO agency_timesheets USING (true) WITH CHECK (true);


--
-- Name: timesheet_weeks week_read; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY week_read ON agency.timesheet_weeks FOR SELECT USING (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.sees_all_timesheets() AS sees_all_timesheets)));


--
-- Name: timesheet_weeks week_remind; Type: POLICY; Schema: agency; Owner: workroom_owner
--

CREATE POLICY week_remind ON agency.timesheet_weeks FOR SELECT USING (( SELECT agency.has_role('system'::text) AS has_role));


--
-- Name: projects links_read; Type: POLICY; Schema: finance_ppm; Owner: workroom_owner
--

CREATE POLICY links_read ON finance_ppm.projects FOR SELECT TO agency_links USING (true);


--
-- Name: projects links_update; Type: POLICY; Schema: finance_ppm; Owner: workroom_owner
--

CREATE POLICY links_update ON finance_ppm.projects FOR UPDATE TO agency_links USING (true) WITH CHECK (true);


--
-- Name: projects ppm_finance; Type: POLICY; Schema: finance_ppm; Owner: workroom_owner
--

CREATE POLICY ppm_finance ON finance_ppm.projects USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: projects; Type: ROW SECURITY; Schema: finance_ppm; Owner: workroom_owner
--

ALTER TABLE finance_ppm.projects ENABLE ROW LEVEL SECURITY;

--
-- Name: projects tenant_isolation; Type: POLICY; Schema: finance_ppm; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON finance_ppm.projects AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: checkouts checkout_manage; Type: POLICY; Schema: gear; Owner: workroom_owner
--

CREATE POLICY checkout_manage ON gear.checkouts USING (( SELECT agency.has_any_role(ARRAY['admin'::text, 'pm'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['admin'::text, 'pm'::text]) AS has_any_role));


--
-- Name: checkouts checkout_read; Type: POLICY; Schema: gear; Owner: workroom_owner
--

CREATE POLICY checkout_read ON gear.checkouts FOR SELECT USING (true);


--
-- Name: checkouts; Type: ROW SECURITY; Schema: gear; Owner: workroom_owner
--

ALTER TABLE gear.checkouts ENABLE ROW LEVEL SECURITY;

--
-- Name: checkouts links_read; Type: POLICY; Schema: gear; Owner: workroom_owner
--

CREATE POLICY links_read ON gear.checkouts FOR SELECT TO agency_links USING (true);


--
-- Name: checkouts links_update; Type: POLICY; Schema: gear; Owner: workroom_owner
--

CREATE POLICY links_update ON gear.checkouts FOR UPDATE TO agency_links USING (true) WITH CHECK (true);


--
-- Name: checkouts summaries_read; Type: POLICY; Schema: gear; Owner: workroom_owner
--

CREATE POLICY summaries_read ON gear.checkouts FOR SELECT TO agency_summaries USING (true);


--
-- Name: checkouts tenant_isolation; Type: POLICY; Schema: gear; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON gear.checkouts AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: project_quotes links_read; Type: POLICY; Schema: procure; Owner: workroom_owner
--

CREATE POLICY links_read ON procure.project_quotes FOR SELECT TO agency_links USING (true);


--
-- Name: project_quotes; Type: ROW SECURITY; Schema: procure; Owner: workroom_owner
--

ALTER TABLE procure.project_quotes ENABLE ROW LEVEL SECURITY;

--
-- Name: project_quotes quote_manage; Type: POLICY; Schema: procure; Owner: workroom_owner
--

CREATE POLICY quote_manage ON procure.project_quotes USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)) WITH CHECK (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role));


--
-- Name: project_quotes quote_read; Type: POLICY; Schema: procure; Owner: workroom_owner
--

CREATE POLICY quote_read ON procure.project_quotes FOR SELECT USING (( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text, 'pm'::text, 'account'::text]) AS has_any_role));


--
-- Name: project_quotes summaries_read; Type: POLICY; Schema: procure; Owner: workroom_owner
--

CREATE POLICY summaries_read ON procure.project_quotes FOR SELECT TO agency_summaries USING (true);


--
-- Name: project_quotes tenant_isolation; Type: POLICY; Schema: procure; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON procure.project_quotes AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: expense_lines; Type: ROW SECURITY; Schema: te; Owner: workroom_owner
--

ALTER TABLE te.expense_lines ENABLE ROW LEVEL SECURITY;

--
-- Name: expense_lines expense_own_or_finance; Type: POLICY; Schema: te; Owner: workroom_owner
--

CREATE POLICY expense_own_or_finance ON te.expense_lines USING (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role))) WITH CHECK (((employee_id = ( SELECT agency.current_user_id() AS current_user_id)) OR ( SELECT agency.has_any_role(ARRAY['finance'::text, 'leadership'::text]) AS has_any_role)));


--
-- Name: expense_lines links_read; Type: POLICY; Schema: te; Owner: workroom_owner
--

CREATE POLICY links_read ON te.expense_lines FOR SELECT TO agency_links USING (true);


--
-- Name: expense_lines links_update; Type: POLICY; Schema: te; Owner: workroom_owner
--

CREATE POLICY links_update ON te.expense_lines FOR UPDATE TO agency_links USING (true) WITH CHECK (true);


--
-- Name: expense_lines summaries_read; Type: POLICY; Schema: te; Owner: workroom_owner
--

CREATE POLICY summaries_read ON te.expense_lines FOR SELECT TO agency_summaries USING (true);


--
-- Name: expense_lines tenant_isolation; Type: POLICY; Schema: te; Owner: workroom_owner
--

CREATE POLICY tenant_isolation ON te.expense_lines AS RESTRICTIVE USING ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT agency.current_tenant_id() AS current_tenant_id)));


--
-- Name: SCHEMA agency; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA agency TO agency_app;
GRANT USAGE ON SCHEMA agency TO agency_summaries;
GRANT USAGE ON SCHEMA agency TO agency_audit;
GRANT USAGE ON SCHEMA agency TO agency_timesheets;
GRANT USAGE ON SCHEMA agency TO agency_reviews;
GRANT USAGE ON SCHEMA agency TO agency_links;


--
-- Name: SCHEMA finance_ppm; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA finance_ppm TO agency_app;
GRANT USAGE ON SCHEMA finance_ppm TO agency_links;


--
-- Name: SCHEMA gear; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA gear TO agency_app;
GRANT USAGE ON SCHEMA gear TO agency_summaries;
GRANT USAGE ON SCHEMA gear TO agency_links;


--
-- Name: SCHEMA identity; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA identity TO identity_store;


--
-- Name: SCHEMA meta; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA meta TO agency_app;


--
-- Name: SCHEMA procure; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA procure TO agency_app;
GRANT USAGE ON SCHEMA procure TO agency_summaries;
GRANT USAGE ON SCHEMA procure TO agency_links;


--
-- Name: SCHEMA te; Type: ACL; Schema: -; Owner: workroom_owner
--

GRANT USAGE ON SCHEMA te TO agency_app;
GRANT USAGE ON SCHEMA te TO agency_summaries;
GRANT USAGE ON SCHEMA te TO agency_links;


--
-- Name: FUNCTION add_default_artifact_templates(p_tenant_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.add_default_artifact_templates(p_tenant_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.add_default_artifact_templates(p_tenant_id uuid) TO agency_app;


--
-- Name: FUNCTION add_default_artifact_templates_to_new_tenant(); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.add_default_artifact_templates_to_new_tenant() FROM PUBLIC;


--
-- Name: FUNCTION add_rate_period(p_table text, p_period jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.add_rate_period(p_table text, p_period jsonb) TO agency_app;


--
-- Name: FUNCTION after_artifact_comment(); Type: ACL; Schema: agency; Owner: agency_reviews
--

REVOKE ALL ON FUNCTION agency.after_artifact_comment() FROM PUBLIC;


--
-- Name: FUNCTION after_artifact_review(); Type: ACL; Schema: agency; Owner: agency_reviews
--

REVOKE ALL ON FUNCTION agency.after_artifact_review() FROM PUBLIC;


--
-- Name: FUNCTION after_time_status(); Type: ACL; Schema: agency; Owner: agency_timesheets
--

REVOKE ALL ON FUNCTION agency.after_time_status() FROM PUBLIC;


--
-- Name: FUNCTION analytics_period(p_monday date, p_grain text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.analytics_period(p_monday date, p_grain text) TO agency_app;


--
-- Name: FUNCTION analytics_profitability(p_from date, p_to date, p_dimension text, p_client uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.analytics_profitability(p_from date, p_to date, p_dimension text, p_client uuid) TO agency_app;


--
-- Name: FUNCTION analytics_utilization(p_from date, p_to date, p_grain text, p_group text, p_department text, p_role text, p_employee uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.analytics_utilization(p_from date, p_to date, p_grain text, p_group text, p_department text, p_role text, p_employee uuid) TO agency_app;


--
-- Name: FUNCTION artifact_mention_candidates(p_artifact uuid, p_prefix text, p_limit integer); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.artifact_mention_candidates(p_artifact uuid, p_prefix text, p_limit integer) TO agency_app;


--
-- Name: FUNCTION artifact_review_allowed(p_step text, p_owner uuid, p_campaign uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.artifact_review_allowed(p_step text, p_owner uuid, p_campaign uuid) TO agency_reviews;
GRANT ALL ON FUNCTION agency.artifact_review_allowed(p_step text, p_owner uuid, p_campaign uuid) TO agency_app;


--
-- Name: FUNCTION artifact_review_options(p_artifact uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.artifact_review_options(p_artifact uuid) TO agency_app;


--
-- Name: FUNCTION artifact_review_step(p_from text, p_to text, p_by_owner boolean); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.artifact_review_step(p_from text, p_to text, p_by_owner boolean) TO agency_reviews;
GRANT ALL ON FUNCTION agency.artifact_review_step(p_from text, p_to text, p_by_owner boolean) TO agency_app;


--
-- Name: FUNCTION assign_placeholder(p_placeholder uuid, p_employee uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.assign_placeholder(p_placeholder uuid, p_employee uuid) TO agency_app;


--
-- Name: FUNCTION assistant_questions_per_minute(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.assistant_questions_per_minute() TO agency_app;


--
-- Name: FUNCTION assistant_resolve_names(question text, min_score real, max_rows integer); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.assistant_resolve_names(question text, min_score real, max_rows integer) TO agency_app;


--
-- Name: FUNCTION audit_change(); Type: ACL; Schema: agency; Owner: agency_audit
--

REVOKE ALL ON FUNCTION agency.audit_change() FROM PUBLIC;


--
-- Name: FUNCTION audit_time_sets(); Type: ACL; Schema: agency; Owner: agency_audit
--

REVOKE ALL ON FUNCTION agency.audit_time_sets() FROM PUBLIC;


--
-- Name: FUNCTION begin_timesheet_import(p_reason text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.begin_timesheet_import(p_reason text) TO agency_app;


--
-- Name: FUNCTION campaign_link_candidates(p_campaign_id uuid, p_kind text, p_search text, p_limit integer); Type: ACL; Schema: agency; Owner: agency_links
--

REVOKE ALL ON FUNCTION agency.campaign_link_candidates(p_campaign_id uuid, p_kind text, p_search text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.campaign_link_candidates(p_campaign_id uuid, p_kind text, p_search text, p_limit integer) TO agency_app;


--
-- Name: FUNCTION campaign_neighbour_lines(p_campaign_id uuid); Type: ACL; Schema: agency; Owner: agency_links
--

REVOKE ALL ON FUNCTION agency.campaign_neighbour_lines(p_campaign_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.campaign_neighbour_lines(p_campaign_id uuid) TO agency_app;


--
-- Name: FUNCTION current_user_role(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.current_user_role() TO agency_app;
GRANT ALL ON FUNCTION agency.current_user_role() TO agency_links;


--
-- Name: FUNCTION has_any_role(p_roles text[]); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.has_any_role(p_roles text[]) TO agency_app;
GRANT ALL ON FUNCTION agency.has_any_role(p_roles text[]) TO agency_links;


--
-- Name: FUNCTION can_see_financials(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.can_see_financials() TO agency_app;
GRANT ALL ON FUNCTION agency.can_see_financials() TO agency_links;


--
-- Name: FUNCTION capacity_forecast(p_from date, p_months integer, p_include_tentative boolean); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.capacity_forecast(p_from date, p_months integer, p_include_tentative boolean) TO agency_app;


--
-- Name: FUNCTION change_rate_period(p_table text, p_id uuid, p_changes jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.change_rate_period(p_table text, p_id uuid, p_changes jsonb) TO agency_app;


--
-- Name: FUNCTION check_artifact_comment(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.check_artifact_comment() TO agency_app;


--
-- Name: FUNCTION check_artifact_review(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.check_artifact_review() TO agency_app;


--
-- Name: FUNCTION check_currency_change(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.check_currency_change() FROM PUBLIC;


--
-- Name: FUNCTION checkout_days(p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.checkout_days(p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) TO agency_app;


--
-- Name: FUNCTION checkout_cost(p_daily_rate numeric, p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.checkout_cost(p_daily_rate numeric, p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) TO agency_app;
GRANT ALL ON FUNCTION agency.checkout_cost(p_daily_rate numeric, p_checked_out_at timestamp with time zone, p_returned_at timestamp with time zone) TO agency_links;


--
-- Name: FUNCTION current_tenant_id(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.current_tenant_id() TO agency_app;
GRANT ALL ON FUNCTION agency.current_tenant_id() TO agency_links;


--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.current_user_id() TO agency_app;
GRANT ALL ON FUNCTION agency.current_user_id() TO agency_links;


--
-- Name: TABLE jobs; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.jobs TO agency_app;


--
-- Name: FUNCTION claim_jobs(p_kind text, p_limit integer, p_lease interval); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.claim_jobs(p_kind text, p_limit integer, p_lease interval) TO agency_app;


--
-- Name: FUNCTION client_import_problems(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.client_import_problems(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.client_import_problems(p_batch uuid) TO agency_app;


--
-- Name: FUNCTION correct_rate_period(p_table text, p_id uuid, p_changes jsonb, p_reason text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.correct_rate_period(p_table text, p_id uuid, p_changes jsonb, p_reason text) TO agency_app;


--
-- Name: FUNCTION create_artifact_version(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.create_artifact_version() TO agency_app;


--
-- Name: FUNCTION current_week_start(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.current_week_start() TO agency_app;


--
-- Name: FUNCTION day_hours(p_employee uuid, p_day date, p_except uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.day_hours(p_employee uuid, p_day date, p_except uuid) TO agency_app;
GRANT ALL ON FUNCTION agency.day_hours(p_employee uuid, p_day date, p_except uuid) TO agency_timesheets;


--
-- Name: FUNCTION enqueue_knowledge_index(p_kind text, p_subject uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.enqueue_knowledge_index(p_kind text, p_subject uuid) TO agency_app;


--
-- Name: FUNCTION fee_recognised_to(p_budget_type text, p_budget numeric, p_start date, p_end date, p_day date); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.fee_recognised_to(p_budget_type text, p_budget numeric, p_start date, p_end date, p_day date) TO agency_app;


--
-- Name: FUNCTION finish_job(p_job uuid, p_leased_until timestamp with time zone, p_error text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.finish_job(p_job uuid, p_leased_until timestamp with time zone, p_error text) TO agency_app;


--
-- Name: FUNCTION fold_week_summaries_into_months(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.fold_week_summaries_into_months() FROM PUBLIC;


--
-- Name: FUNCTION forecast_week_parts(p_from date, p_months integer); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.forecast_week_parts(p_from date, p_months integer) TO agency_app;


--
-- Name: FUNCTION get_campaign_equipment(p_campaign_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.get_campaign_equipment(p_campaign_id uuid) TO agency_app;


--
-- Name: FUNCTION get_campaign_expenses(p_campaign_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.get_campaign_expenses(p_campaign_id uuid) TO agency_app;


--
-- Name: FUNCTION get_recent_activity(p_limit integer, p_user_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.get_recent_activity(p_limit integer, p_user_id uuid) TO agency_app;


--
-- Name: FUNCTION has_role(p_role text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.has_role(p_role text) TO agency_app;
GRANT ALL ON FUNCTION agency.has_role(p_role text) TO agency_links;


--
-- Name: FUNCTION image_type(p_head bytea); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.image_type(p_head bytea) TO agency_app;


--
-- Name: FUNCTION import_clients(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.import_clients(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.import_clients(p_batch uuid) TO agency_app;


--
-- Name: FUNCTION import_free_code(p_table text, p_name text); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.import_free_code(p_table text, p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.import_free_code(p_table text, p_name text) TO agency_app;


--
-- Name: FUNCTION import_people(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.import_people(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.import_people(p_batch uuid) TO agency_app;


--
-- Name: FUNCTION import_timesheets(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.import_timesheets(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.import_timesheets(p_batch uuid) TO agency_app;


--
-- Name: FUNCTION invoice_lines(p_from date, p_to date); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.invoice_lines(p_from date, p_to date) TO agency_app;


--
-- Name: FUNCTION keep_campaign_health(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.keep_campaign_health() FROM PUBLIC;


--
-- Name: FUNCTION keep_knowledge_chunk_counts(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.keep_knowledge_chunk_counts() FROM PUBLIC;


--
-- Name: FUNCTION keep_submitted_parts(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.keep_submitted_parts() FROM PUBLIC;


--
-- Name: FUNCTION keep_time_summaries(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.keep_time_summaries() FROM PUBLIC;


--
-- Name: FUNCTION keep_week_bookings(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.keep_week_bookings() FROM PUBLIC;


--
-- Name: FUNCTION knowledge_content_hash(p_content text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.knowledge_content_hash(p_content text) TO agency_app;


--
-- Name: FUNCTION knowledge_text_query(query_text text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.knowledge_text_query(query_text text) TO agency_app;


--
-- Name: FUNCTION link_campaign_record(p_campaign_id uuid, p_kind text, p_record_id uuid, p_linked boolean); Type: ACL; Schema: agency; Owner: agency_links
--

REVOKE ALL ON FUNCTION agency.link_campaign_record(p_campaign_id uuid, p_kind text, p_record_id uuid, p_linked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.link_campaign_record(p_campaign_id uuid, p_kind text, p_record_id uuid, p_linked boolean) TO agency_app;


--
-- Name: TABLE campaign_team; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_team TO agency_app;
GRANT SELECT ON TABLE agency.campaign_team TO agency_timesheets;
GRANT SELECT ON TABLE agency.campaign_team TO agency_reviews;
GRANT SELECT ON TABLE agency.campaign_team TO agency_links;


--
-- Name: FUNCTION may_add_artifacts_to(p_campaign_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.may_add_artifacts_to(p_campaign_id uuid) TO agency_app;


--
-- Name: FUNCTION may_edit_artifact(p_owner uuid, p_campaign uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.may_edit_artifact(p_owner uuid, p_campaign uuid) TO agency_app;


--
-- Name: FUNCTION may_link_campaign(p_campaign_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.may_link_campaign(p_campaign_id uuid) TO agency_links;
GRANT ALL ON FUNCTION agency.may_link_campaign(p_campaign_id uuid) TO agency_app;


--
-- Name: TABLE employees; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.employees TO agency_app;
GRANT SELECT ON TABLE agency.employees TO agency_timesheets;
GRANT SELECT ON TABLE agency.employees TO agency_reviews;
GRANT SELECT ON TABLE agency.employees TO agency_links;


--
-- Name: FUNCTION may_read_artifact_as(p_person uuid, p_person_role text, p_owner uuid, p_campaign uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.may_read_artifact_as(p_person uuid, p_person_role text, p_owner uuid, p_campaign uuid) TO agency_reviews;
GRANT ALL ON FUNCTION agency.may_read_artifact_as(p_person uuid, p_person_role text, p_owner uuid, p_campaign uuid) TO agency_app;


--
-- Name: FUNCTION may_review_artifact(p_owner uuid, p_campaign uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.may_review_artifact(p_owner uuid, p_campaign uuid) TO agency_reviews;
GRANT ALL ON FUNCTION agency.may_review_artifact(p_owner uuid, p_campaign uuid) TO agency_app;


--
-- Name: FUNCTION may_review_time(p_employee uuid, p_campaign uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.may_review_time(p_employee uuid, p_campaign uuid) TO agency_app;


--
-- Name: TABLE tenants; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.tenants TO agency_app;
GRANT SELECT ON TABLE agency.tenants TO agency_timesheets;
GRANT SELECT ON TABLE agency.tenants TO agency_reviews;


--
-- Name: FUNCTION must_use_two_factor(); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.must_use_two_factor() FROM PUBLIC;
GRANT ALL ON FUNCTION agency.must_use_two_factor() TO agency_app;


--
-- Name: FUNCTION pending_timesheet_approvals(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.pending_timesheet_approvals() TO agency_app;


--
-- Name: FUNCTION people_import_problems(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.people_import_problems(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.people_import_problems(p_batch uuid) TO agency_app;


--
-- Name: FUNCTION ppm_reconciliation(p_campaign_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.ppm_reconciliation(p_campaign_id uuid) TO agency_app;


--
-- Name: FUNCTION preview_rate_correction(p_table text, p_id uuid, p_changes jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.preview_rate_correction(p_table text, p_id uuid, p_changes jsonb) TO agency_app;


--
-- Name: FUNCTION schedule_elapsed(p_start date, p_end date); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.schedule_elapsed(p_start date, p_end date) TO agency_app;


--
-- Name: FUNCTION projected_at_completion(p_spend numeric, p_start date, p_end date, p_status text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.projected_at_completion(p_spend numeric, p_start date, p_end date, p_status text) TO agency_app;


--
-- Name: FUNCTION raise_budget_alerts(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.raise_budget_alerts() TO agency_app;


--
-- Name: FUNCTION raise_overdue_equipment_alerts(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.raise_overdue_equipment_alerts() TO agency_app;


--
-- Name: FUNCTION raise_timesheet_reminders(p_week date); Type: ACL; Schema: agency; Owner: agency_timesheets
--

REVOKE ALL ON FUNCTION agency.raise_timesheet_reminders(p_week date) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.raise_timesheet_reminders(p_week date) TO agency_app;


--
-- Name: TABLE campaign_rate_overrides; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_rate_overrides TO agency_app;
GRANT SELECT ON TABLE agency.campaign_rate_overrides TO agency_summaries;


--
-- Name: TABLE campaigns; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaigns TO agency_app;
GRANT SELECT ON TABLE agency.campaigns TO agency_summaries;
GRANT SELECT ON TABLE agency.campaigns TO agency_links;


--
-- Name: COLUMN campaigns.procure_quote_id; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT UPDATE(procure_quote_id) ON TABLE agency.campaigns TO agency_links;


--
-- Name: TABLE client_rate_overrides; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.client_rate_overrides TO agency_app;
GRANT SELECT ON TABLE agency.client_rate_overrides TO agency_summaries;


--
-- Name: TABLE employee_rates; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.employee_rates TO agency_app;
GRANT SELECT ON TABLE agency.employee_rates TO agency_summaries;


--
-- Name: TABLE rate_cards; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.rate_cards TO agency_app;
GRANT SELECT ON TABLE agency.rate_cards TO agency_summaries;


--
-- Name: FUNCTION rate_for(p_tenant uuid, p_employee uuid, p_campaign uuid, p_day date); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.rate_for(p_tenant uuid, p_employee uuid, p_campaign uuid, p_day date) TO agency_app;
GRANT ALL ON FUNCTION agency.rate_for(p_tenant uuid, p_employee uuid, p_campaign uuid, p_day date) TO agency_summaries;


--
-- Name: FUNCTION rebuild_submitted_parts(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.rebuild_submitted_parts() FROM PUBLIC;


--
-- Name: FUNCTION rebuild_time_summaries(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.rebuild_time_summaries() FROM PUBLIC;


--
-- Name: FUNCTION rebuild_week_bookings(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.rebuild_week_bookings() FROM PUBLIC;


--
-- Name: FUNCTION recent_timesheet_approvals(p_limit integer, p_user_id uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.recent_timesheet_approvals(p_limit integer, p_user_id uuid) TO agency_app;


--
-- Name: FUNCTION refresh_campaign_health(p_campaigns uuid[]); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.refresh_campaign_health(p_campaigns uuid[]) FROM PUBLIC;


--
-- Name: FUNCTION refresh_stale_campaign_health(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.refresh_stale_campaign_health() FROM PUBLIC;
GRANT ALL ON FUNCTION agency.refresh_stale_campaign_health() TO agency_app;


--
-- Name: FUNCTION reprice_campaign_summaries(); Type: ACL; Schema: agency; Owner: agency_summaries
--

REVOKE ALL ON FUNCTION agency.reprice_campaign_summaries() FROM PUBLIC;


--
-- Name: FUNCTION revenue_forecast(p_from date, p_months integer, p_include_tentative boolean); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.revenue_forecast(p_from date, p_months integer, p_include_tentative boolean) TO agency_app;


--
-- Name: FUNCTION review_artifact(p_artifact uuid, p_to text, p_reason text); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.review_artifact(p_artifact uuid, p_to text, p_reason text) TO agency_app;


--
-- Name: FUNCTION search_hybrid(query_text text, query_embedding public.vector, match_count integer, filters jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.search_hybrid(query_text text, query_embedding public.vector, match_count integer, filters jsonb) TO agency_app;


--
-- Name: FUNCTION search_knowledge(query_embedding public.vector, match_threshold double precision, match_count integer, filters jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.search_knowledge(query_embedding public.vector, match_threshold double precision, match_count integer, filters jsonb) TO agency_app;


--
-- Name: FUNCTION search_passages(query_embedding public.vector, match_threshold double precision, match_count integer, filters jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.search_passages(query_embedding public.vector, match_threshold double precision, match_count integer, filters jsonb) TO agency_app;


--
-- Name: FUNCTION search_passages_text(query_text text, match_count integer, filters jsonb); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.search_passages_text(query_text text, match_count integer, filters jsonb) TO agency_app;


--
-- Name: FUNCTION set_week_start_date(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.set_week_start_date() TO agency_app;


--
-- Name: FUNCTION sign_off_timesheet_week(p_employee uuid, p_week date); Type: ACL; Schema: agency; Owner: agency_timesheets
--

REVOKE ALL ON FUNCTION agency.sign_off_timesheet_week(p_employee uuid, p_week date) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.sign_off_timesheet_week(p_employee uuid, p_week date) TO agency_app;


--
-- Name: FUNCTION start_system_unit_of_work(p_tenant uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.start_system_unit_of_work(p_tenant uuid) TO agency_app;


--
-- Name: FUNCTION start_timer(p_campaign uuid, p_phase uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.start_timer(p_campaign uuid, p_phase uuid) TO agency_app;


--
-- Name: FUNCTION start_unit_of_work(p_tenant uuid, p_employee uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.start_unit_of_work(p_tenant uuid, p_employee uuid) TO agency_app;


--
-- Name: FUNCTION stop_timer(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.stop_timer() TO agency_app;


--
-- Name: FUNCTION suite_counts(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.suite_counts() TO agency_app;


--
-- Name: FUNCTION time_import_active(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.time_import_active() TO agency_app;
GRANT ALL ON FUNCTION agency.time_import_active() TO agency_timesheets;


--
-- Name: FUNCTION time_rules_bind(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.time_rules_bind() TO agency_app;
GRANT ALL ON FUNCTION agency.time_rules_bind() TO agency_timesheets;
GRANT ALL ON FUNCTION agency.time_rules_bind() TO agency_reviews;


--
-- Name: FUNCTION timesheet_import_problems(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.timesheet_import_problems(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.timesheet_import_problems(p_batch uuid) TO agency_app;


--
-- Name: FUNCTION timesheet_import_resolved(p_batch uuid); Type: ACL; Schema: agency; Owner: workroom_owner
--

REVOKE ALL ON FUNCTION agency.timesheet_import_resolved(p_batch uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.timesheet_import_resolved(p_batch uuid) TO agency_app;


--
-- Name: TABLE time_off_entries; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.time_off_entries TO agency_app;
GRANT SELECT,UPDATE ON TABLE agency.time_off_entries TO agency_timesheets;


--
-- Name: TABLE timesheet_entries; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.timesheet_entries TO agency_app;
GRANT SELECT ON TABLE agency.timesheet_entries TO agency_summaries;
GRANT SELECT,UPDATE ON TABLE agency.timesheet_entries TO agency_timesheets;


--
-- Name: TABLE timesheet_submitted_parts; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.timesheet_submitted_parts TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.timesheet_submitted_parts TO agency_summaries;


--
-- Name: TABLE timesheet_weeks; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,DELETE ON TABLE agency.timesheet_weeks TO agency_app;
GRANT SELECT,INSERT,UPDATE ON TABLE agency.timesheet_weeks TO agency_timesheets;


--
-- Name: FUNCTION timesheet_weeks_awaiting_me(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.timesheet_weeks_awaiting_me() TO agency_app;


--
-- Name: FUNCTION unlock_timesheet_week(p_employee uuid, p_week date, p_reason text); Type: ACL; Schema: agency; Owner: agency_timesheets
--

REVOKE ALL ON FUNCTION agency.unlock_timesheet_week(p_employee uuid, p_week date, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION agency.unlock_timesheet_week(p_employee uuid, p_week date, p_reason text) TO agency_app;


--
-- Name: FUNCTION update_updated_at_column(); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.update_updated_at_column() TO agency_app;


--
-- Name: TABLE employee_utilization_targets; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.employee_utilization_targets TO agency_app;


--
-- Name: FUNCTION utilization_target_for(employee_id uuid, on_date date); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.utilization_target_for(employee_id uuid, on_date date) TO agency_app;


--
-- Name: FUNCTION week_locked(p_employee uuid, p_week date); Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT ALL ON FUNCTION agency.week_locked(p_employee uuid, p_week date) TO agency_app;
GRANT ALL ON FUNCTION agency.week_locked(p_employee uuid, p_week date) TO agency_timesheets;


--
-- Name: TABLE employee_capacity_periods; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.employee_capacity_periods TO agency_app;


--
-- Name: TABLE ai_conversations; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.ai_conversations TO agency_app;


--
-- Name: TABLE ai_messages; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.ai_messages TO agency_app;


--
-- Name: TABLE artifact_attachments; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.artifact_attachments TO agency_app;


--
-- Name: TABLE artifact_comments; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.artifact_comments TO agency_app;


--
-- Name: TABLE artifact_presence; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.artifact_presence TO agency_app;


--
-- Name: TABLE artifact_review_events; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.artifact_review_events TO agency_app;
GRANT SELECT,INSERT ON TABLE agency.artifact_review_events TO agency_reviews;


--
-- Name: TABLE artifact_templates; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.artifact_templates TO agency_app;


--
-- Name: TABLE artifact_versions; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.artifact_versions TO agency_app;


--
-- Name: TABLE artifacts; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.artifacts TO agency_app;
GRANT SELECT ON TABLE agency.artifacts TO agency_reviews;


--
-- Name: TABLE audit_log; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.audit_log TO agency_app;
GRANT INSERT ON TABLE agency.audit_log TO agency_audit;


--
-- Name: TABLE brands; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.brands TO agency_app;


--
-- Name: TABLE campaign_budget_use; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_budget_use TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_budget_use TO agency_summaries;


--
-- Name: TABLE checkouts; Type: ACL; Schema: gear; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE gear.checkouts TO agency_app;
GRANT SELECT ON TABLE gear.checkouts TO agency_summaries;
GRANT SELECT ON TABLE gear.checkouts TO agency_links;


--
-- Name: COLUMN checkouts.agency_campaign_id; Type: ACL; Schema: gear; Owner: workroom_owner
--

GRANT UPDATE(agency_campaign_id) ON TABLE gear.checkouts TO agency_links;


--
-- Name: TABLE project_quotes; Type: ACL; Schema: procure; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE procure.project_quotes TO agency_app;
GRANT SELECT ON TABLE procure.project_quotes TO agency_summaries;
GRANT SELECT ON TABLE procure.project_quotes TO agency_links;


--
-- Name: TABLE expense_lines; Type: ACL; Schema: te; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE te.expense_lines TO agency_app;
GRANT SELECT ON TABLE te.expense_lines TO agency_summaries;
GRANT SELECT ON TABLE te.expense_lines TO agency_links;


--
-- Name: COLUMN expense_lines.agency_campaign_id; Type: ACL; Schema: te; Owner: workroom_owner
--

GRANT UPDATE(agency_campaign_id) ON TABLE te.expense_lines TO agency_links;


--
-- Name: TABLE campaign_cost_lines; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_cost_lines TO agency_app;
GRANT SELECT ON TABLE agency.campaign_cost_lines TO agency_summaries;


--
-- Name: TABLE campaign_health; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_health TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_health TO agency_summaries;


--
-- Name: TABLE campaign_month_hours; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_month_hours TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_month_hours TO agency_summaries;


--
-- Name: TABLE campaign_month_money; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_month_money TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_month_money TO agency_summaries;


--
-- Name: TABLE campaign_phases; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_phases TO agency_app;


--
-- Name: TABLE campaign_week_money; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_week_money TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_week_money TO agency_summaries;


--
-- Name: TABLE campaign_spend_lines; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_spend_lines TO agency_app;
GRANT SELECT ON TABLE agency.campaign_spend_lines TO agency_summaries;


--
-- Name: TABLE campaign_spend_totals; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_spend_totals TO agency_app;
GRANT SELECT ON TABLE agency.campaign_spend_totals TO agency_summaries;


--
-- Name: TABLE campaign_week_hours; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.campaign_week_hours TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.campaign_week_hours TO agency_summaries;


--
-- Name: TABLE client_import_rows; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.client_import_rows TO agency_app;


--
-- Name: TABLE clients; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.clients TO agency_app;


--
-- Name: TABLE employee_week_bookings; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.employee_week_bookings TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.employee_week_bookings TO agency_summaries;


--
-- Name: TABLE employee_week_hours; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.employee_week_hours TO agency_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.employee_week_hours TO agency_summaries;


--
-- Name: TABLE import_batches; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.import_batches TO agency_app;


--
-- Name: TABLE knowledge_chunk_counts; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.knowledge_chunk_counts TO agency_app;
GRANT SELECT,INSERT,TRUNCATE,UPDATE ON TABLE agency.knowledge_chunk_counts TO agency_summaries;


--
-- Name: TABLE knowledge_chunks; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.knowledge_chunks TO agency_app;


--
-- Name: TABLE knowledge_documents; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.knowledge_documents TO agency_app;


--
-- Name: TABLE notifications; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.notifications TO agency_app;
GRANT SELECT,INSERT ON TABLE agency.notifications TO agency_timesheets;
GRANT INSERT ON TABLE agency.notifications TO agency_reviews;


--
-- Name: TABLE people_import_rows; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.people_import_rows TO agency_app;


--
-- Name: TABLE placeholder_allocations; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.placeholder_allocations TO agency_app;


--
-- Name: TABLE staffing_placeholders; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.staffing_placeholders TO agency_app;


--
-- Name: TABLE team_allocations; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.team_allocations TO agency_app;
GRANT SELECT ON TABLE agency.team_allocations TO agency_summaries;


--
-- Name: TABLE timesheet_costs; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.timesheet_costs TO agency_app;
GRANT SELECT ON TABLE agency.timesheet_costs TO agency_summaries;


--
-- Name: TABLE timesheet_import_rows; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.timesheet_import_rows TO agency_app;


--
-- Name: TABLE timesheet_timers; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE agency.timesheet_timers TO agency_app;


--
-- Name: TABLE v_artifact_library; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.v_artifact_library TO agency_app;


--
-- Name: TABLE v_campaign_overview; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.v_campaign_overview TO agency_app;


--
-- Name: TABLE v_client_360; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.v_client_360 TO agency_app;


--
-- Name: TABLE v_dashboard_kpis; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.v_dashboard_kpis TO agency_app;


--
-- Name: TABLE v_employee_utilization; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.v_employee_utilization TO agency_app;


--
-- Name: TABLE v_timesheet_summary_by_campaign; Type: ACL; Schema: agency; Owner: workroom_owner
--

GRANT SELECT ON TABLE agency.v_timesheet_summary_by_campaign TO agency_app;


--
-- Name: TABLE projects; Type: ACL; Schema: finance_ppm; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE finance_ppm.projects TO agency_app;
GRANT SELECT ON TABLE finance_ppm.projects TO agency_links;


--
-- Name: COLUMN projects.agency_campaign_id; Type: ACL; Schema: finance_ppm; Owner: workroom_owner
--

GRANT UPDATE(agency_campaign_id) ON TABLE finance_ppm.projects TO agency_links;


--
-- Name: TABLE data_protection_keys; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE identity.data_protection_keys TO identity_store;


--
-- Name: SEQUENCE data_protection_keys_id_seq; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,USAGE ON SEQUENCE identity.data_protection_keys_id_seq TO identity_store;


--
-- Name: TABLE user_claims; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE identity.user_claims TO identity_store;


--
-- Name: SEQUENCE user_claims_id_seq; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,USAGE ON SEQUENCE identity.user_claims_id_seq TO identity_store;


--
-- Name: TABLE user_logins; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE identity.user_logins TO identity_store;


--
-- Name: TABLE user_tokens; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE identity.user_tokens TO identity_store;


--
-- Name: TABLE users; Type: ACL; Schema: identity; Owner: workroom_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE identity.users TO identity_store;


--
-- Name: TABLE schema_migrations; Type: ACL; Schema: meta; Owner: workroom_owner
--

GRANT SELECT ON TABLE meta.schema_migrations TO agency_app;


--
-- PostgreSQL database dump complete
--


