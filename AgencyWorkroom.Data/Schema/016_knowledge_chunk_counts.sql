-- 016 knowledge chunk counts, from what ./workroom bench measured at x20 (issue 6). An
-- unfiltered search first asks whether the tenant has fewer than 5,000 passages (then they are
-- ranked exactly; the shared index would walk past everyone else's). Counting up to 5,000 index
-- entries took 1.3 ms of a 5.8 ms search over 100,000; a kept count is one row read.
-- The count is kept as 011 keeps the time summaries: by statement triggers running as
-- agency_summaries, inside each tenant's isolation; the app reads it and writes none of it.
create table if not exists agency.knowledge_chunk_counts (
  tenant_id uuid primary key references agency.tenants (id),
  chunk_count bigint not null default 0
);

alter table agency.knowledge_chunk_counts enable row level security;
alter table agency.knowledge_chunk_counts force row level security;
drop policy if exists tenant_isolation on agency.knowledge_chunk_counts;
create policy tenant_isolation on agency.knowledge_chunk_counts as restrictive for all
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
-- Everyone in a tenant reads every passage (chunk_read), so its count too.
drop policy if exists counts_read on agency.knowledge_chunk_counts;
create policy counts_read on agency.knowledge_chunk_counts for select using (true);
drop policy if exists summaries_maintain on agency.knowledge_chunk_counts;
create policy summaries_maintain on agency.knowledge_chunk_counts for all to agency_summaries using (true);
grant select on agency.knowledge_chunk_counts to agency_app;
grant select, insert, update, truncate on agency.knowledge_chunk_counts to agency_summaries;

-- A statement's passages, added (+1) or taken away (-1), move their tenants' counts, in the order
-- of the tenants (two loads naming several wait for each other rather than deadlock). A TRUNCATE,
-- which only the owner and maintenance may do, leaves no tenant any passage.
create or replace function agency.keep_knowledge_chunk_counts() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
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
$fn$;

-- A new owner needs CREATE on the schema at the moment of the handover, and only then.
grant create on schema agency to agency_summaries;
alter function agency.keep_knowledge_chunk_counts() owner to agency_summaries;
revoke create on schema agency from agency_summaries;
revoke execute on function agency.keep_knowledge_chunk_counts() from public;

drop trigger if exists keep_counts_insert on agency.knowledge_chunks;
create trigger keep_counts_insert after insert on agency.knowledge_chunks
  referencing new table as new_rows for each statement execute function agency.keep_knowledge_chunk_counts();
drop trigger if exists keep_counts_update on agency.knowledge_chunks;
create trigger keep_counts_update after update on agency.knowledge_chunks
  referencing old table as old_rows new table as new_rows for each statement execute function agency.keep_knowledge_chunk_counts();
drop trigger if exists keep_counts_delete on agency.knowledge_chunks;
create trigger keep_counts_delete after delete on agency.knowledge_chunks
  referencing old table as old_rows for each statement execute function agency.keep_knowledge_chunk_counts();
drop trigger if exists keep_counts_truncate on agency.knowledge_chunks;
create trigger keep_counts_truncate after truncate on agency.knowledge_chunks
  for each statement execute function agency.keep_knowledge_chunk_counts();

-- The passages already stored, counted inside each tenant's isolation (as 011 counts hours).
alter table agency.tenants no force row level security;
do $$
declare t uuid;
begin
  for t in select id from agency.tenants loop
    perform set_config('app.current_tenant', t::text, true);
    insert into agency.knowledge_chunk_counts as k (tenant_id, chunk_count)
    select t, count(*) from agency.knowledge_chunks c where c.tenant_id = t
    on conflict (tenant_id) do update set chunk_count = excluded.chunk_count;
  end loop;
  perform set_config('app.current_tenant', '', true);
end
$$;
alter table agency.tenants force row level security;

-- 010's search, with the unfiltered size check reading the count (013's ef_search kept). It also
-- plans less per call: a ranking statement used to carry both rankings and the passages' text
-- (the exact one as a fallback, planned on every call); now the ranking that runs is planned
-- alone, and the text is fetched by a static statement. 4.5 ms became 3.5 ms a search at x20.
select '[1]'::vector;  -- loads pgvector, so that its settings are known to the SET below
create or replace function agency.search_knowledge(
  query_embedding vector(384),
  match_threshold double precision default 0.0,
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, similarity double precision)
language plpgsql stable
set search_path = pg_catalog, public
set hnsw.iterative_scan = relaxed_order
set hnsw.ef_search = 400
as $fn$
declare
  -- Up to this many passages are ranked exactly: every match, in order, in a few milliseconds.
  exact_up_to constant integer := 5000;
  v_limit integer := greatest(coalesce(match_count, 0), 0);
  v_where text := '';
  v_exact boolean;
  v_nearest text;
  v_ids uuid[];
  v_distances double precision[];
begin
  if v_limit = 0 then
    return;
  end if;

  -- Only the filters asked for, so the planner sees plain conditions ($2 is filters).
  if filters ->> 'client_id' is not null then
    v_where := v_where || ' and d.client_id = ($2 ->> ''client_id'')::uuid';
  end if;
  if filters ->> 'brand_id' is not null then
    v_where := v_where || ' and d.brand_id = ($2 ->> ''brand_id'')::uuid';
  end if;
  if filters ->> 'campaign_id' is not null then
    v_where := v_where || ' and d.campaign_id = ($2 ->> ''campaign_id'')::uuid';
  end if;
  if filters ->> 'doc_type' is not null then
    v_where := v_where || ' and d.doc_type = $2 ->> ''doc_type''';
  end if;
  if filters -> 'tags' is not null then
    v_where := v_where || ' and d.tags @> array(select jsonb_array_elements_text($2 -> ''tags''))';
  end if;

  -- A small knowledge base, or a narrow filter (a client's, a campaign's documents), is ranked
  -- exactly: the index is shared by every tenant and would walk past everyone else's passages.
  if v_where = '' then
    select coalesce(max(k.chunk_count), 0) < exact_up_to into v_exact
    from agency.knowledge_chunk_counts k where k.tenant_id = agency.current_tenant_id();
  else
    execute 'select count(*) < $3 from (select 1 from agency.knowledge_documents d
               join agency.knowledge_chunks c on c.tenant_id = d.tenant_id and c.document_id = d.id
               where d.tenant_id = agency.current_tenant_id() and d.deleted_at is null' || v_where || ' limit $3) x'
      into v_exact using query_embedding, filters, exact_up_to;
  end if;

  -- Otherwise the HNSW index, with pgvector 0.8's iterative scan (the SET above: rows the tenant
  -- or a filter removes are replaced, relaxed order put right below), and the exact ranking only
  -- if the scan still came back short (it gives up after hnsw.max_scan_tuples). "+ 0" keeps the
  -- index out of an exact ranking. Each ranking is planned with this query's own values and
  -- gives the k nearest ids, in order; the threshold is applied to those.
  v_nearest := format(
    $q$select array_agg(r.id order by r.distance), array_agg(r.distance order by r.distance)
       from (select c.id, c.embedding <=> $1 as distance
             from agency.knowledge_chunks c
             join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
             where c.tenant_id = agency.current_tenant_id() and d.deleted_at is null%s
             order by %%s
             limit %s) r$q$, v_where, v_limit);

  if not v_exact then
    execute format(v_nearest, 'c.embedding <=> $1') into v_ids, v_distances using query_embedding, filters;
  end if;
  if v_exact or coalesce(cardinality(v_ids), 0) < v_limit then
    execute format(v_nearest, '(c.embedding <=> $1) + 0') into v_ids, v_distances using query_embedding, filters;
  end if;

  -- The passages' text and documents: a statement the session plans once and keeps.
  return query
  select c.id, c.document_id, c.chunk_index, c.content, d.title, d.doc_type, d.client_id, d.campaign_id, 1 - n.distance
  from unnest(v_ids, v_distances) with ordinality as n (id, distance, rank)
  join agency.knowledge_chunks c on c.tenant_id = agency.current_tenant_id() and c.id = n.id
  join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
  where 1 - n.distance >= match_threshold
  order by n.rank;
end
$fn$;
