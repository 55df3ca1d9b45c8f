-- 031 a campaign moved to another client is repriced (issue 13).
--
-- A client's bill-rate overrides (022) price the time of that client's campaigns, and agency.rate_for
-- finds the client through the campaign. Moving a campaign to another client changed which
-- overrides apply, but nothing counted its money again: the summaries kept the old client's prices
-- until the next rate change. reprice_campaign_summaries now also follows campaigns whose client
-- changed, and counts their buckets again whole (every day of the campaign, as a campaign
-- override of all time would). The rest of the function is 022's, restated.
--
-- The trigger has no column list (transition tables do not allow one); a statement that changes
-- no client finds no rows to reprice and costs a join of its own rows.

create or replace function agency.reprice_campaign_summaries() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
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
$fn$;

revoke execute on function agency.reprice_campaign_summaries() from public;

drop trigger if exists reprice_summaries_update on agency.campaigns;
create trigger reprice_summaries_update after update on agency.campaigns
  referencing old table as old_rows new table as new_rows for each statement execute function agency.reprice_campaign_summaries();
