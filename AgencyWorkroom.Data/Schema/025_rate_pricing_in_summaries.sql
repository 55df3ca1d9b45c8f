-- 025 the summaries price with agency.rate_for (022), over 023's keep_time_summaries.
-- 022 made one resolution of an hour's rates (campaign > client > person > card, on the day
-- worked); 023 restated the summary trigger for bulk writes with 011's pricing (the person's own
-- rate only). This is 023's function word for word but for the one statement that prices the
-- money buckets, which now calls agency.rate_for, inlined as a lateral subquery (decision 011).
-- Measured on the demo data (47,194 entries, no overrides): pricing them all 350-390 ms against
-- 170-180 ms for the person-only lookup; inserting 94,388 entries in one statement 13-14 s
-- either way.

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
$fn$;

revoke execute on function agency.keep_time_summaries() from public;
