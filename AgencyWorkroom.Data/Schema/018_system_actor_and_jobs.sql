-- 018 background work gets an identity of its own (issue 11; decision 007).
--
-- A unit of work needed a signed-in, active person, so nothing could run on a clock. Now a
-- job runs as the tenant's system actor: agency.start_system_unit_of_work(tenant) sets
-- app.current_tenant, app.current_role = 'system' and no person (app.current_user_id empty),
-- transaction-locally like start_unit_of_work. 'system' is not an agency role (no employee
-- holds it), so every role policy already leaves it out; it reads what everyone in a tenant
-- reads (campaigns, people, teams), and no entries, rates or money. What it may do besides is
-- named here and nowhere else:
--   raise budget alerts       insert into agency.notifications, read which were raised already
--   read budget use           agency.campaign_budget_use (017), to know which alerts are due
--   refresh campaign health   agency.refresh_stale_campaign_health(), for the passing of time
--   claim and finish jobs     agency.jobs, through agency.claim_jobs and agency.finish_job
--
-- Budget alerts were raised by the bell on every page view of finance and leadership (a read
-- that wrote). Now the budget watch (BudgetWatch, every minute) raises them, as the system
-- actor, and the bell only reads.

create or replace function agency.start_system_unit_of_work(p_tenant uuid) returns text
language plpgsql volatile set search_path = '' as $$
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

grant execute on function agency.start_system_unit_of_work(uuid) to agency_app;

-- ------------------------------------------------------------------ notifications
-- Raised by the system actor only; it reads the alerts raised so far to offer only new ones.
drop policy if exists notification_raise on agency.notifications;
create policy notification_raise on agency.notifications as permissive for insert
  with check ((select agency.has_role('system')));
drop policy if exists notification_raised on agency.notifications;
create policy notification_raised on agency.notifications as permissive for select
  using ((select agency.has_role('system')));

-- The alerts now due: a crossed threshold of an open campaign, from 017's budget use, to the
-- finance and leadership people and the campaign's account director and project manager, each
-- (campaign, threshold) once. The system actor only; anyone else raises nothing.
create or replace function agency.raise_budget_alerts() returns integer
language plpgsql volatile set search_path = '' as $$
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

-- ------------------------------------------------------------------ health and the calendar
-- Health changes with no write at all: a campaign passes its end date, equipment still out
-- costs another day. The budget watch calls this every minute; it judges again the open
-- campaigns last judged over an hour ago, the stalest 200 a call, so that no one call holds
-- the judging locks of a whole tenant's campaigns while writers wait.
create or replace function agency.refresh_stale_campaign_health() returns integer
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
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
$fn$;

grant create on schema agency to agency_summaries;
alter function agency.refresh_stale_campaign_health() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.refresh_stale_campaign_health() from public;
grant execute on function agency.refresh_stale_campaign_health() to agency_app;

-- ------------------------------------------------------------------ jobs
-- Durable background work: a person's action enqueues a row, the system actor claims it
-- (FOR UPDATE SKIP LOCKED, so two workers never take the same one), and finishes it; a failure
-- is tried again later, each time twice as late, and given up after five tries. A claim that
-- was never finished (the app stopped) is taken again once its lease runs out.
create table if not exists agency.jobs (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z_]{0,62}$'),
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  run_after timestamptz not null default now(),
  leased_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, created_by) references agency.employees (tenant_id, id)
);

create index if not exists jobs_due_idx on agency.jobs (tenant_id, kind, run_after) where status in ('queued', 'running');
create index if not exists jobs_created_by_idx on agency.jobs (tenant_id, created_by);

drop trigger if exists set_updated_at on agency.jobs;
create trigger set_updated_at before update on agency.jobs
  for each row execute function agency.update_updated_at_column();

alter table agency.jobs enable row level security;
alter table agency.jobs force row level security;
drop policy if exists tenant_isolation on agency.jobs;
create policy tenant_isolation on agency.jobs as restrictive for all
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
-- A person enqueues work in their own name and follows it; the system actor works the queue.
drop policy if exists job_enqueue on agency.jobs;
create policy job_enqueue on agency.jobs as permissive for insert
  with check (created_by = (select agency.current_user_id()) and status = 'queued' and attempts = 0);
drop policy if exists job_follow on agency.jobs;
create policy job_follow on agency.jobs as permissive for select
  using (created_by = (select agency.current_user_id()));
drop policy if exists job_work on agency.jobs;
create policy job_work on agency.jobs as permissive for all
  using ((select agency.has_role('system')))
  with check ((select agency.has_role('system')));

grant select, insert, update, delete on agency.jobs to agency_app;

-- Up to p_limit due jobs of a kind, leased to the caller. A lease that ran out is taken again;
-- a job whose fifth lease ran out (its worker died each time) fails instead of looping forever.
create or replace function agency.claim_jobs(p_kind text, p_limit integer default 1, p_lease interval default '5 minutes')
returns setof agency.jobs
language sql volatile set search_path = '' as $$
  update agency.jobs j
  set status = 'failed', leased_until = null, last_error = coalesce(j.last_error, 'its worker stopped five times')
  where j.tenant_id = agency.current_tenant_id() and j.kind = p_kind
    and j.status = 'running' and j.leased_until < pg_catalog.now() and j.attempts >= 5;

  update agency.jobs j
  set status = 'running', attempts = j.attempts + 1, leased_until = pg_catalog.now() + p_lease
  where j.tenant_id = agency.current_tenant_id()
    and j.id in (select q.id from agency.jobs q
                 where q.tenant_id = agency.current_tenant_id() and q.kind = p_kind and q.run_after <= pg_catalog.now()
                   and (q.status = 'queued' or q.status = 'running' and q.leased_until < pg_catalog.now() and q.attempts < 5)
                 order by q.run_after, q.id
                 limit greatest(p_limit, 0)
                 for update skip locked)
  returning j.*
$$;

-- Done, or (with an error) queued again 2^attempts minutes later, and failed after five tries.
-- Only by the worker whose lease it is (p_leased_until, as claim_jobs returned it): a worker
-- whose lease ran out and was taken by another ends nothing (NULL).
create or replace function agency.finish_job(p_job uuid, p_leased_until timestamptz, p_error text default null) returns text
language sql volatile set search_path = '' as $$
  update agency.jobs j
  set status = case when p_error is null then 'done' when j.attempts >= 5 then 'failed' else 'queued' end,
      last_error = left(p_error, 2000),
      leased_until = null,
      run_after = case when p_error is null then j.run_after
                       else pg_catalog.now() + pg_catalog.make_interval(mins => (2 ^ j.attempts)::integer) end
  where j.tenant_id = agency.current_tenant_id() and j.id = p_job and j.status = 'running' and j.leased_until = p_leased_until
  returning j.status
$$;

grant execute on function agency.claim_jobs(text, integer, interval), agency.finish_job(uuid, timestamptz, text) to agency_app;
