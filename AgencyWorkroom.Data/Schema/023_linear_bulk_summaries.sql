-- 023 the summary triggers of 011 stay linear in the size of a statement (issue 12).
--
-- Before: deleting the ×20 scale tenant's 881,903 entries in one statement spent 25 s in the
-- three upserts and then never finished: the statements that find the buckets a removal emptied
-- matched the summaries against the transition table with IN (select ... from old_rows), and a
-- transition table has no statistics (estimated at 4,410 rows), so the planner chose a nested
-- loop that rescanned all 881,903 rows for each of 44,515 buckets; at ×50 the reload of the scale
-- set timed out after 15 minutes. And approving 100,000 entries rewrote every summary bucket they
-- touch twice (taken away, added back) though no hour moved.
--
-- Now:
-- - An update counts only the rows whose counted columns changed (new EXCEPT ALL old, and the
--   reverse, both hashed): approving, submitting or rewording entries leaves the summaries alone.
-- - The buckets a removal touched are gathered once, by hashing, into arrays; the statements that
--   empty buckets and re-read their latest day join the summaries to those arrays, so each
--   bucket costs one index probe.
-- - A delete that leaves a tenant without entries (or allocations) empties its summaries whole.
-- - The function's own work_mem lets the per-bucket aggregates of a large statement stay in
--   memory (at ×20 they spilled 33 MB in five batches); a small write uses none of it.
-- The rest is 011's, word for word: the same buckets, the same signs, the same pricing.

create or replace function agency.keep_time_summaries() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp set work_mem = '128MB' as $fn$
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

      -- Priced at the rate in force on the entry's day, as agency.timesheet_costs prices it.
      execute format($q$
        insert into agency.campaign_week_money as s
          (tenant_id, campaign_id, week_start_date, month_start_date, revenue, labor_cost)
        select c.tenant_id, c.campaign_id, c.week_start_date, date_trunc('month', c.entry_date)::date,
               coalesce(sum(c.sign * case when c.billable then c.hours * r.bill_rate else 0 end), 0),
               coalesce(sum(c.sign * c.hours * r.cost_rate), 0)
        from (%s) c
        left join lateral (
          select er.bill_rate, er.cost_rate
          from agency.employee_rates er
          where er.tenant_id = c.tenant_id and er.employee_id = c.employee_id
            and er.effective_from <= c.entry_date and (er.effective_to is null or er.effective_to > c.entry_date)
          order by er.effective_from desc
          limit 1) r on true
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
$fn$;

-- ------------------------------------------------------------------ the dashboard, read by many at once
-- At ×20, 20 concurrent dashboards rendered 12 a second. Two of a render's reads cost more than
-- their result: the count of person-weeks awaiting approval walked 11,696 submitted entries
-- through the heap (21 ms), and the activity feed, a SQL function with a pinned search_path
-- (which PostgreSQL neither inlines nor keeps a plan for), was planned again on every call:
-- 49 ms, of which 26 ms ran. As PL/pgSQL its plan is kept per connection, and the pooled
-- connections keep it; the newest campaigns come from an index instead of sorting them all.
create index if not exists timesheet_entries_submitted_weeks_idx
  on agency.timesheet_entries (tenant_id, employee_id, week_start_date) where status = 'submitted';
create index if not exists campaigns_updated_idx
  on agency.campaigns (tenant_id, updated_at desc) where deleted_at is null;

create or replace function agency.get_recent_activity(p_limit integer default 20, p_user_id uuid default null)
returns table (activity_type text, occurred_at timestamptz, actor_id uuid, actor_name text,
               entity_type text, entity_id uuid, title text, detail text, campaign_id uuid)
language plpgsql stable set search_path = '' as $fn$
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
    (select 'timesheet_approved', r.approved_at, r.approved_by, 'timesheet', r.employee_id,
            'Week of ' || to_char(r.week_start_date, 'YYYY-MM-DD'), r.hours || ' h approved', null::uuid
     from agency.recent_timesheet_approvals(p_limit, p_user_id) r)
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
$fn$;

-- ------------------------------------------------------------------ first pages that do not grow
-- The client list counted its rows through v_client_360, which worked out every client's
-- figures to count them (38-56 ms at ×20, growing with the clients), and sorted every client by
-- name before taking 25 (71 ms). Its per-client figures are now LEFT JOIN LATERAL ... ON true:
-- the same rows (each is an aggregate, one row a client), but a count that reads no column of
-- theirs lets the planner drop them; and an index in the list's order lets the first page stop
-- at 25 clients.
create index if not exists clients_name_idx on agency.clients (tenant_id, name, id) where deleted_at is null;

create or replace view agency.v_client_360 with (security_invoker = true) as
select cl.tenant_id, cl.id as client_id, cl.code, cl.name, cl.sector, cl.status, cl.website,
       cl.primary_contact_name, cl.primary_contact_email, cl.account_lead_id, al.full_name as account_lead_name,
       bc.brand_count,
       bc.brand_names,
       ct.campaign_count,
       ct.active_campaign_count,
       coalesce(ct.total_budget, 0) as total_budget,
       coalesce(ct.total_hours, 0) as total_hours,
       coalesce(qh.hours_this_quarter, 0) as hours_this_quarter,
       greatest(cl.updated_at, ct.last_campaign_activity) as last_activity_at,
       case when (select agency.can_see_financials()) then coalesce(ct.revenue, 0) end as revenue,
       case when (select agency.can_see_financials()) then coalesce(ct.cost, 0) end as cost,
       case when (select agency.can_see_financials()) then coalesce(ct.revenue, 0) - coalesce(ct.cost, 0) end as margin,
       case when (select agency.can_see_financials()) and ct.revenue > 0 then round((ct.revenue - ct.cost) / ct.revenue, 4) end
         as margin_pct,
       case when (select agency.can_see_financials()) then coalesce(ct.spend, 0) end as spend,
       case when ct.total_budget > 0 then round(ct.budgeted_spend / ct.total_budget, 4) end as budget_spent_pct
from agency.clients cl
left join agency.employees al on al.tenant_id = cl.tenant_id and al.id = cl.account_lead_id
left join lateral (
  select count(*) as campaign_count,
         count(*) filter (where o.status = 'active') as active_campaign_count,
         sum(o.budget_amount) filter (where o.status <> 'cancelled') as total_budget,
         sum(o.total_hours) as total_hours,
         sum(o.revenue) as revenue,
         sum(o.total_cost) as cost,
         sum(o.spend) as spend,
         -- On the same campaigns as total_budget: a cancelled campaign's spend is not set against the rest.
         sum(o.budget_spent_pct * o.budget_amount) filter (where o.status <> 'cancelled') as budgeted_spend,
         max(greatest(o.last_entry_date::timestamptz, o.start_date::timestamptz)) as last_campaign_activity
  from agency.v_campaign_overview o
  where o.tenant_id = cl.tenant_id and o.client_id = cl.id) ct on true
left join lateral (
  select sum(q.hours) as hours_this_quarter
  from agency.campaigns c
  -- Campaign by campaign, so each reads its own few buckets by key.
  cross join lateral (
    select sum(h.total_hours) as hours
    from agency.campaign_week_hours h
    where h.tenant_id = c.tenant_id and h.campaign_id = c.id
      and h.month_start_date >= date_trunc('quarter', current_date)::date) q
  where c.tenant_id = cl.tenant_id and c.client_id = cl.id) qh on true
left join lateral (
  select count(*) as brand_count, coalesce(array_agg(b.name order by b.name), '{}') as brand_names
  from agency.brands b
  where b.tenant_id = cl.tenant_id and b.client_id = cl.id and b.deleted_at is null) bc on true
where cl.deleted_at is null;

