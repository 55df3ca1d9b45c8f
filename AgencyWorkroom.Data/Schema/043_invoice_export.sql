-- 043 invoice-ready export (issue 15): what finance bills a client for a period, line by line,
-- for the accounting system. Two kinds of line per client:
--   time     approved, billable entries in the period, grouped by campaign, person, the role of
--            their rate card and the bill rate in force on the entry's day (022 rate_for, the
--            rule timesheet_costs prices by), so hours × rate = amount on every line and a rate
--            change inside the period makes two lines;
--   expense  approved or reimbursed expense lines charged to the client's campaigns, dated in the
--            period, one line each (te.expense_lines).
-- Amounts are in the campaign's currency. Drafts, submitted and rejected time or expenses are not
-- billed. Only finance and leadership may run it: everyone else is refused (42501), which the
-- export turns into 403; the function runs as its caller, so every table's policies apply too.

create or replace function agency.invoice_lines(p_from date, p_to date)
returns table (client_id uuid, client_code text, client_name text, kind text,
               campaign_code text, campaign_name text, person text, role_name text,
               line_date date, description text, hours numeric, rate numeric, amount numeric, currency text)
language plpgsql stable
set search_path = ''
as $$
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

grant execute on function agency.invoice_lines(date, date) to agency_app;
