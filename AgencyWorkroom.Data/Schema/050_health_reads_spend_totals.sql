-- 050: the health judge reads a campaign's spend from agency.campaign_spend_totals.
--
-- 017's refresh_campaign_health summed the campaign's spend lines itself; 041 made
-- campaign_spend_totals the one sum of them, which the campaign page, the lists, the PPM
-- reconciliation and (048) the profitability read. The judge now reads it too, so there is one
-- spend to date in the schema. The rule, the locks and the writes are 017's unchanged; the
-- function keeps its owner (agency_summaries, which may now read the view).
grant select on agency.campaign_spend_totals to agency_summaries;

create or replace function agency.refresh_campaign_health(p_campaigns uuid[]) returns integer
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
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
$fn$;
