-- 010 performance, from what ./workroom bench measured (issue 6). Idempotent; no policy changes:
-- every view still runs as its caller (security_invoker), so row-level security applies as before.

-- ------------------------------------------------------------------ no JIT for this database
-- The screens' views cost more than jit_above_cost (100,000) once a tenant has some history, and
-- then every execution paid 200-280 ms compiling some 200 expressions before reading a row
-- (EXPLAIN: "JIT: Functions: 262 ... Emission 207 ms") for queries that run in tens of
-- milliseconds without it. The usual setting for OLTP work. ALTER DATABASE needs the database's
-- owner; where the migrations run as another role, the notice says so and nothing else changes.
do $$
begin
  execute format('alter database %I set jit = off', current_database());
exception when insufficient_privilege then
  raise notice 'jit not turned off for database %: %', current_database(), sqlerrm;
end
$$;

-- ------------------------------------------------------------------ utilization by person and week
-- The 006 view aggregated every entry and allocation in CTEs referenced twice, so PostgreSQL
-- materialized them: a filter on the week could not reach the tables, and one week's page read
-- the tenant's whole history (1.05 s at x1, re-scanning the CTE once per person). The same rows
-- from one UNION ALL grouped by (tenant, person, week): a condition on week_start_date now
-- reaches timesheet_entries_week_idx and team_allocations_week_idx (1 ms at x1). Same columns,
-- same types, same rows (checked with EXCEPT both ways on the demo data).
create or replace view agency.v_employee_utilization with (security_invoker = true) as
select e.tenant_id, e.id as employee_id, e.full_name, e.title, e.department, e.agency_role, e.active,
       w.week_start_date,
       e.weekly_capacity_hours as capacity_hours,
       w.total_hours,
       w.billable_hours,
       w.allocated_hours,
       round(w.total_hours / nullif(e.weekly_capacity_hours, 0), 4) as utilization_pct,
       round(w.billable_hours / nullif(e.weekly_capacity_hours, 0), 4) as billable_utilization_pct,
       round(w.allocated_hours / nullif(e.weekly_capacity_hours, 0), 4) as allocation_pct
from (
  select x.tenant_id, x.employee_id, x.week_start_date,
         coalesce(sum(x.logged), 0) as total_hours,
         coalesce(sum(x.logged) filter (where x.billable), 0) as billable_hours,
         coalesce(sum(x.allocated), 0) as allocated_hours
  from (
    select t.tenant_id, t.employee_id, t.week_start_date, t.hours as logged, t.billable, null::numeric as allocated
    from agency.timesheet_entries t
    union all
    select a.tenant_id, a.employee_id, a.week_start_date, null, false, a.hours
    from agency.team_allocations a) x
  group by x.tenant_id, x.employee_id, x.week_start_date) w
join agency.employees e on e.tenant_id = w.tenant_id and e.id = w.employee_id
where e.deleted_at is null;

-- ------------------------------------------------------------------ vectors kept in the row
-- vector's default storage is EXTERNAL: a passage's row (384 floats, 1.5 kB, beside its text and
-- tsvector) passes the 2 kB TOAST threshold and the vector is moved out of line (the TOAST
-- table was larger than the table), so every exact distance fetched it from there. PLAIN keeps
-- the vector in the row and lets the text go instead. Applies to rows written from now on.
alter table agency.knowledge_chunks alter column embedding set storage plain;

-- ------------------------------------------------------------------ knowledge search
-- 005's search_knowledge is a SQL function: PostgreSQL planned its body with the arguments as
-- unknowns, guessed that the optional filters leave one document, and never used the HNSW
-- index: every search ranked all of the tenant's passages (2.2 s over 100,000 chunks, no
-- better than an exact scan). Same signature and results, now planned with the query's own
-- values; small sets are ranked exactly, large ones through the index with pgvector 0.8's
-- iterative scan, so a filter still gets k rows. ef_search 100 rather than 40: recall@10 over
-- 100,000 passages went from 0.93 to 0.98 for about a millisecond.
-- Loads pgvector's library in this session, so that its settings are known to the SET below.
select '[1]'::vector;

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
set hnsw.ef_search = 100
as $fn$
declare
  -- Up to this many passages are ranked exactly: every match, in order, in a few milliseconds.
  exact_up_to constant integer := 5000;
  v_limit integer := greatest(coalesce(match_count, 0), 0);
  v_where text := '';
  v_exact boolean;
  v_nearest text;
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
    execute 'select count(*) < $3 from (select 1 from agency.knowledge_chunks c
               where c.tenant_id = agency.current_tenant_id() limit $3) x'
      into v_exact using query_embedding, filters, exact_up_to;
  else
    execute 'select count(*) < $3 from (select 1 from agency.knowledge_documents d
               join agency.knowledge_chunks c on c.tenant_id = d.tenant_id and c.document_id = d.id
               where d.tenant_id = agency.current_tenant_id() and d.deleted_at is null' || v_where || ' limit $3) x'
      into v_exact using query_embedding, filters, exact_up_to;
  end if;

  v_nearest := format(
    $q$select c.id, c.document_id, c.chunk_index, d.title, d.doc_type, d.client_id, d.campaign_id,
              c.embedding <=> $1 as distance
       from agency.knowledge_chunks c
       join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
       where c.tenant_id = agency.current_tenant_id() and d.deleted_at is null%s
       order by %%s
       limit %s$q$, v_where, v_limit);

  -- Otherwise the HNSW index, with pgvector 0.8's iterative scan (the SET above: rows the tenant
  -- or a filter removes are replaced, relaxed order put right below), and the exact ranking only
  -- if the scan still came back short (it gives up after hnsw.max_scan_tuples). "+ 0" keeps the
  -- index out of an exact ranking. The threshold is applied to the nearest k: the rows that pass
  -- it are a prefix of them either way. The statement is planned with this query's own values.
  return query execute format(
    $q$with exact_ranking as materialized (%s)
       select n.id, n.document_id, n.chunk_index, k.content, n.title, n.doc_type, n.client_id, n.campaign_id,
              1 - n.distance
       from (%s) n
       -- The text of the k passages only, not of every passage ranked.
       join agency.knowledge_chunks k on k.tenant_id = agency.current_tenant_id() and k.id = n.id
       where 1 - n.distance >= $3
       order by n.distance$q$,
    format(v_nearest, '(c.embedding <=> $1) + 0'),
    case when v_exact then 'select * from exact_ranking'
         else format($q$with index_ranking as materialized (%s)
                        select * from index_ranking where (select count(*) from index_ranking) >= %s
                        union all
                        select * from exact_ranking where (select count(*) from index_ranking) < %s$q$,
                     format(v_nearest, 'c.embedding <=> $1'), v_limit, v_limit) end)
  using query_embedding, filters, match_threshold;
end
$fn$;

grant execute on function agency.search_knowledge(vector, double precision, integer, jsonb) to agency_app;
