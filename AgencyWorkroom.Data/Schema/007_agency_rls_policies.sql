-- 007 row-level security. Two layers on every table:
--   tenant_isolation: RESTRICTIVE, for all commands, USING and WITH CHECK on tenant_id. It is
--     AND-ed with everything else, so no role, owner or team rule can reach another tenant,
--     and with the session's tenant unset nothing passes (NULL never equals a uuid).
--   permissive policies: who within the tenant may read or change what (role, owner, team).
-- Helpers are called as (select agency.f()) so they run once per statement, not per row.
-- FORCE binds the tables' owner too: migrations never read tenant data, and anything that
-- writes tenant rows sets that tenant's context first.

-- ------------------------------------------------------------------ enable, force, isolate

do $$
declare t regclass;
begin
  for t in
    select c.oid::regclass
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear')
  loop
    execute format('alter table %s enable row level security', t);
    execute format('alter table %s force row level security', t);
    execute format('drop policy if exists tenant_isolation on %s', t);
    execute format('create policy tenant_isolation on %s as restrictive for all
                    using (tenant_id = (select agency.current_tenant_id()))
                    with check (tenant_id = (select agency.current_tenant_id()))', t);
  end loop;
end
$$;

-- ------------------------------------------------------------------ permissive policies
-- (table, policy, command, using, with check) for each rule; a NULL check means "as using".

do $rules$
declare r record;
begin
  for r in select * from (values
  -- Everyone in the tenant reads its directory and work; the named roles change it.
  ('agency.tenants', 'tenant_read', 'select', 'true', null),
  ('agency.tenants', 'tenant_manage', 'update', $p$(select agency.has_any_role(array['admin', 'leadership']))$p$, null),
  ('agency.tenants', 'tenant_create', 'insert', null, $p$(select agency.has_role('admin'))$p$),
  ('agency.employees', 'employee_read', 'select', 'true', null),
  ('agency.employees', 'employee_manage', 'all', $p$(select agency.has_role('admin'))$p$, null),
  ('agency.clients', 'client_read', 'select', 'true', null),
  ('agency.clients', 'client_manage', 'all', $p$(select agency.has_any_role(array['admin', 'account']))$p$, null),
  ('agency.brands', 'brand_read', 'select', 'true', null),
  ('agency.brands', 'brand_manage', 'all', $p$(select agency.has_any_role(array['admin', 'account']))$p$, null),
  ('agency.campaigns', 'campaign_read', 'select', 'true', null),
  ('agency.campaigns', 'campaign_manage', 'all', $p$(select agency.has_any_role(array['pm', 'account', 'admin']))$p$, null),
  ('agency.campaign_phases', 'phase_read', 'select', 'true', null),
  ('agency.campaign_phases', 'phase_manage', 'all', $p$(select agency.has_any_role(array['pm', 'account', 'admin']))$p$, null),
  ('agency.campaign_team', 'team_read', 'select', 'true', null),
  ('agency.campaign_team', 'team_manage', 'all', $p$(select agency.has_any_role(array['pm', 'account', 'admin']))$p$, null),
  ('agency.team_allocations', 'allocation_read', 'select', 'true', null),
  ('agency.team_allocations', 'allocation_manage', 'all', $p$(select agency.has_any_role(array['pm', 'leadership', 'admin']))$p$, null),

  -- Money: only finance and leadership, for reading as for writing.
  ('agency.rate_cards', 'rate_card_finance', 'all', $p$(select agency.has_any_role(array['finance', 'leadership']))$p$, null),
  ('agency.employee_rates', 'employee_rate_finance', 'all', $p$(select agency.has_any_role(array['finance', 'leadership']))$p$, null),

  -- Artifacts: the owner, the campaign's team, and leadership and admin.
  ('agency.artifacts', 'artifact_read', 'select',
   $p$owner_id = (select agency.current_user_id())
      or (select agency.has_any_role(array['leadership', 'admin']))
      or exists (select 1 from agency.campaign_team tm
                 where tm.tenant_id = artifacts.tenant_id and tm.campaign_id = artifacts.campaign_id
                   and tm.employee_id = (select agency.current_user_id()))$p$, null),
  ('agency.artifacts', 'artifact_create', 'insert', null,
   $p$owner_id = (select agency.current_user_id()) or (select agency.has_any_role(array['leadership', 'admin']))$p$),
  ('agency.artifacts', 'artifact_edit', 'update',
   $p$owner_id = (select agency.current_user_id())
      or (select agency.has_any_role(array['leadership', 'admin']))
      or exists (select 1 from agency.campaign_team tm
                 where tm.tenant_id = artifacts.tenant_id and tm.campaign_id = artifacts.campaign_id
                   and tm.employee_id = (select agency.current_user_id()))$p$, null),
  ('agency.artifacts', 'artifact_delete', 'delete',
   $p$owner_id = (select agency.current_user_id()) or (select agency.has_any_role(array['leadership', 'admin']))$p$, null),
  -- Versions and comments follow their artifact: the subquery runs under the artifact policies.
  ('agency.artifact_versions', 'version_read', 'select',
   $p$exists (select 1 from agency.artifacts a where a.tenant_id = artifact_versions.tenant_id and a.id = artifact_versions.artifact_id)$p$, null),
  ('agency.artifact_versions', 'version_create', 'insert', null,
   $p$exists (select 1 from agency.artifacts a where a.tenant_id = artifact_versions.tenant_id and a.id = artifact_versions.artifact_id)$p$),
  ('agency.artifact_comments', 'comment_read', 'select',
   $p$exists (select 1 from agency.artifacts a where a.tenant_id = artifact_comments.tenant_id and a.id = artifact_comments.artifact_id)$p$, null),
  ('agency.artifact_comments', 'comment_create', 'insert', null,
   $p$author_id = (select agency.current_user_id())
      and exists (select 1 from agency.artifacts a where a.tenant_id = artifact_comments.tenant_id and a.id = artifact_comments.artifact_id)$p$),
  ('agency.artifact_comments', 'comment_edit', 'update',
   $p$author_id = (select agency.current_user_id()) or (select agency.has_role('admin'))$p$, null),
  ('agency.artifact_comments', 'comment_delete', 'delete',
   $p$author_id = (select agency.current_user_id()) or (select agency.has_role('admin'))$p$, null),

  -- Timesheets: one's own, or everyone's for pm, finance and leadership.
  ('agency.timesheet_entries', 'timesheet_own_or_manager', 'all',
   $p$employee_id = (select agency.current_user_id()) or (select agency.has_any_role(array['pm', 'finance', 'leadership']))$p$, null),

  -- Knowledge: everyone reads; admin and leadership curate.
  ('agency.knowledge_documents', 'knowledge_read', 'select', 'true', null),
  ('agency.knowledge_documents', 'knowledge_manage', 'all', $p$(select agency.has_any_role(array['admin', 'leadership']))$p$, null),
  ('agency.knowledge_chunks', 'chunk_read', 'select', 'true', null),
  ('agency.knowledge_chunks', 'chunk_manage', 'all', $p$(select agency.has_any_role(array['admin', 'leadership']))$p$, null),

  -- Assistant conversations are private to their person.
  ('agency.ai_conversations', 'conversation_owner', 'all', $p$user_id = (select agency.current_user_id())$p$, null),
  ('agency.ai_messages', 'message_owner', 'all',
   $p$exists (select 1 from agency.ai_conversations c where c.tenant_id = ai_messages.tenant_id and c.id = ai_messages.conversation_id)$p$, null),

  -- Neighbouring systems: quotes and project money for finance and leadership (pm and
  -- account read quotes), expenses to their claimant, equipment to everyone.
  ('procure.project_quotes', 'quote_read', 'select', $p$(select agency.has_any_role(array['finance', 'leadership', 'pm', 'account']))$p$, null),
  ('procure.project_quotes', 'quote_manage', 'all', $p$(select agency.has_any_role(array['finance', 'leadership']))$p$, null),
  ('finance_ppm.projects', 'ppm_finance', 'all', $p$(select agency.has_any_role(array['finance', 'leadership']))$p$, null),
  ('te.expense_lines', 'expense_own_or_finance', 'all',
   $p$employee_id = (select agency.current_user_id()) or (select agency.has_any_role(array['finance', 'leadership']))$p$, null),
  ('gear.checkouts', 'checkout_read', 'select', 'true', null),
  ('gear.checkouts', 'checkout_manage', 'all', $p$(select agency.has_any_role(array['admin', 'pm']))$p$, null)
  ) as rule (tbl, name, cmd, using_expr, check_expr) loop
    execute format('drop policy if exists %I on %s', r.name, r.tbl);
    execute format('create policy %I on %s as permissive for %s %s %s', r.name, r.tbl, r.cmd,
      case when r.cmd = 'insert' then '' else format('using (%s)', r.using_expr) end,
      case when r.cmd in ('select', 'delete') then ''
           else format('with check (%s)', coalesce(r.check_expr, r.using_expr)) end);
  end loop;
end
$rules$;

-- ------------------------------------------------------------------ the web app's privileges
-- The app logs in as a member of agency_app: data rights only, no TRUNCATE, no DDL, owns nothing.

do $$
begin
  if not exists (select from pg_roles where rolname = 'agency_app') then
    create role agency_app nologin;
  end if;
end
$$;

grant usage on schema agency, procure, finance_ppm, te, gear to agency_app;

do $$
declare rel record;
begin
  for rel in
    select c.oid::regclass as name, c.relkind
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('agency', 'procure', 'finance_ppm', 'te', 'gear') and c.relkind in ('r', 'p', 'v')
  loop
    if rel.relkind = 'v' then
      execute format('grant select on %s to agency_app', rel.name);
    else
      execute format('grant select, insert, update, delete on %s to agency_app', rel.name);
    end if;
  end loop;
end
$$;

grant execute on all functions in schema agency to agency_app;
