-- 009 notifications: what the bell in the app bar shows.
--
-- Budget alerts are raised once per campaign, threshold and recipient (the unique key makes
-- "once" true however often the check runs). Spend is hours at bill rates plus costs, so only
-- finance and leadership can compute it: agency.raise_budget_alerts() runs as its caller and
-- raises nothing for anyone else (their budget_spent_pct is NULL), so any person's unit of work
-- may call it and the first finance or leadership one after a crossing raises the alert. No
-- SECURITY DEFINER is needed for that. The alert itself names the campaign and the threshold,
-- never an amount; it goes to finance, leadership and the campaign's account director and
-- project manager, and each recipient reads and marks only their own.

create table if not exists agency.notifications (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  recipient_id uuid not null,
  kind text not null check (kind in ('budget_alert')),
  campaign_id uuid not null,
  -- Percent of the budget spent that was crossed, one of the campaign's alert_thresholds.
  threshold integer not null check (threshold between 1 and 1000),
  title text not null check (length(btrim(title)) between 1 and 300),
  read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, recipient_id, kind, campaign_id, threshold),
  foreign key (tenant_id, recipient_id) references agency.employees (tenant_id, id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id) on delete cascade
);

create index if not exists notifications_recipient_idx on agency.notifications (tenant_id, recipient_id, created_at desc);
create index if not exists notifications_campaign_idx on agency.notifications (tenant_id, campaign_id);

drop trigger if exists set_updated_at on agency.notifications;
create trigger set_updated_at before update on agency.notifications
  for each row execute function agency.update_updated_at_column();

-- ------------------------------------------------------------------ row-level security, as 007

alter table agency.notifications enable row level security;
alter table agency.notifications force row level security;
drop policy if exists tenant_isolation on agency.notifications;
create policy tenant_isolation on agency.notifications as restrictive for all
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));

drop policy if exists notification_read on agency.notifications;
create policy notification_read on agency.notifications as permissive for select
  using (recipient_id = (select agency.current_user_id()));
drop policy if exists notification_mark on agency.notifications;
create policy notification_mark on agency.notifications as permissive for update
  using (recipient_id = (select agency.current_user_id()))
  with check (recipient_id = (select agency.current_user_id()));
drop policy if exists notification_dismiss on agency.notifications;
create policy notification_dismiss on agency.notifications as permissive for delete
  using (recipient_id = (select agency.current_user_id()));
-- Only those who can see spend raise alerts, for whichever recipients they concern.
drop policy if exists notification_raise on agency.notifications;
create policy notification_raise on agency.notifications as permissive for insert
  with check ((select agency.has_any_role(array['finance', 'leadership'])));

-- ------------------------------------------------------------------ raising budget alerts

-- Raises the budget alerts the caller can see are due; returns how many it raised now.
-- An INSERT that reads back what it inserts (RETURNING) or names an arbiter index
-- (ON CONFLICT (columns)) needs the new row to pass the SELECT policies too, and an alert for
-- another recipient is not the raiser's to read. So no RETURNING (the count comes from GET
-- DIAGNOSTICS) and a bare ON CONFLICT DO NOTHING, which skips what the unique key
-- (tenant, recipient, kind, campaign, threshold) already holds.
create or replace function agency.raise_budget_alerts() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v_raised integer;
begin
  -- Spend is NULL for everyone else: nothing to compare, nothing to scan.
  if not agency.can_see_financials() then
    return 0;
  end if;

  insert into agency.notifications (tenant_id, recipient_id, kind, campaign_id, threshold, title)
  select c.tenant_id, e.id, 'budget_alert', c.campaign_id, c.threshold,
         left(c.name, 240) || ' has spent ' || c.threshold || '% of its budget'
  from (
    select o.tenant_id, o.campaign_id, o.name, t.threshold
    from agency.v_campaign_overview o
    cross join lateral unnest(o.alert_thresholds) as t (threshold)
    where o.status in ('planning', 'active', 'on_hold')
      and o.budget_spent_pct * 100 >= t.threshold) c
  join agency.employees e on e.tenant_id = c.tenant_id and e.active and e.deleted_at is null
  where e.agency_role in ('finance', 'leadership')
     or exists (select 1 from agency.campaign_team tm
                where tm.tenant_id = c.tenant_id and tm.campaign_id = c.campaign_id and tm.employee_id = e.id
                  and tm.team_role in ('account_director', 'project_manager'))
  on conflict do nothing;

  get diagnostics v_raised = row_count;
  return v_raised;
end
$$;

grant select, insert, update, delete on agency.notifications to agency_app;
grant execute on function agency.raise_budget_alerts() to agency_app;
