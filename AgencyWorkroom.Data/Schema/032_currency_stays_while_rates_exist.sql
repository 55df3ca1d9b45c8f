-- 032 the agency's currency stays while it has rates (issue 13).
--
-- Rates are kept in the tenant's currency (022) and never converted. An admin changing the
-- currency in the settings relabelled every figure on every screen while the rates stayed in the
-- old one, and no new rate could be added in either: the old would be refused as foreign, the
-- existing ones disagreed with the new. So the currency changes only while the agency has no rates
-- in it, and the settings form says why next to the field. The check counts rates nobody but
-- finance may read, so it runs with the rights of agency_summaries, which reads every rate to price
-- the summaries.

create or replace function agency.check_currency_change() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
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
$fn$;

grant create on schema agency to agency_summaries;
alter function agency.check_currency_change() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.check_currency_change() from public;

drop trigger if exists check_currency_change on agency.tenants;
create trigger check_currency_change before update of default_currency on agency.tenants
  for each row execute function agency.check_currency_change();
