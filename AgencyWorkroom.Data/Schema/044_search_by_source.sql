-- 044: the knowledge search fast again after 039 (benchmarks #5 and #6).
--
-- 039 searched documents and artifacts through left joins and filtered on
-- coalesce(d.client_id, ac.client_id): no index serves that, so a search kept to one client
-- counted and ranked by reading every passage of the tenant with three joins each (p95 1.2 s at
-- x20, was 4 ms), and the unfiltered search joined every candidate the index walk produced.
--
-- Now the filters are applied to the sources, each by its own index and under its own policies:
-- the matching documents (client, brand, campaign, type, tags on the document) and the matching
-- artifacts (client and brand through the campaign, tags on the artifact), as two id lists. The
-- passages are then those of the listed sources: by index (document_id, artifact_id) for the
-- count and the exact ranking, by a hashed list beside the HNSW walk. Unfiltered, the walk reads
-- passages alone and skips those of deleted sources (few, found by the partial indexes below).
-- Who may read a passage is still the passages' policy (039). Result columns are 039's.

create index if not exists knowledge_documents_deleted_idx on agency.knowledge_documents (tenant_id, id)
  where deleted_at is not null;
create index if not exists artifacts_deleted_idx on agency.artifacts (tenant_id, id)
  where deleted_at is not null;

select '[1]'::vector;  -- loads pgvector, so that its settings are known to the SET below
create or replace function agency.search_passages(
  query_embedding vector(384),
  match_threshold double precision default 0.0,
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, similarity double precision, artifact_id uuid)
language plpgsql stable
set search_path = pg_catalog, public
set hnsw.iterative_scan = relaxed_order
set hnsw.ef_search = 400
as $fn$
declare
  -- Up to this many passages are ranked exactly: every match, in order, in a few milliseconds.
  exact_up_to constant integer := 5000;
  v_limit integer := greatest(coalesce(match_count, 0), 0);
  v_by_source boolean := filters ?| array['client_id', 'brand_id', 'campaign_id', 'doc_type', 'tags'];
  v_documents_where text := '';
  v_artifacts_where text := '';
  v_model text := '';
  v_documents uuid[] := '{}';
  v_artifacts uuid[] := '{}';
  v_exact boolean;
  v_nearest text;
  v_ids uuid[];
  v_distances double precision[];
begin
  if v_limit = 0 then
    return;
  end if;

  -- Only the filters asked for, so the planner sees plain conditions ($1 is filters).
  if filters ->> 'client_id' is not null then
    v_documents_where := v_documents_where || ' and d.client_id = ($1 ->> ''client_id'')::uuid';
    v_artifacts_where := v_artifacts_where || ' and ac.client_id = ($1 ->> ''client_id'')::uuid';
  end if;
  if filters ->> 'brand_id' is not null then
    v_documents_where := v_documents_where || ' and d.brand_id = ($1 ->> ''brand_id'')::uuid';
    v_artifacts_where := v_artifacts_where || ' and ac.brand_id = ($1 ->> ''brand_id'')::uuid';
  end if;
  if filters ->> 'campaign_id' is not null then
    v_documents_where := v_documents_where || ' and d.campaign_id = ($1 ->> ''campaign_id'')::uuid';
    v_artifacts_where := v_artifacts_where || ' and a.campaign_id = ($1 ->> ''campaign_id'')::uuid';
  end if;
  if filters ->> 'doc_type' is not null then
    v_documents_where := v_documents_where || ' and d.doc_type = $1 ->> ''doc_type''';
    v_artifacts_where := v_artifacts_where || ' and $1 ->> ''doc_type'' = ''artifact''';
  end if;
  if filters -> 'tags' is not null then
    v_documents_where := v_documents_where || ' and d.tags @> array(select jsonb_array_elements_text($1 -> ''tags''))';
    v_artifacts_where := v_artifacts_where || ' and a.tags @> array(select jsonb_array_elements_text($1 -> ''tags''))';
  end if;
  -- Vectors of two models are never ranked together: the app always names its own.
  if filters ->> 'model' is not null then
    v_model := ' and c.embedding_model = $1 ->> ''model''';
  end if;

  if v_by_source then
    execute 'select coalesce(array_agg(d.id), ''{}'') from agency.knowledge_documents d
             where d.tenant_id = agency.current_tenant_id() and d.deleted_at is null' || v_documents_where
      into v_documents using filters;
    execute 'select coalesce(array_agg(a.id), ''{}'') from agency.artifacts a
             left join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
             where a.tenant_id = agency.current_tenant_id() and a.deleted_at is null' || v_artifacts_where
      into v_artifacts using filters;
    -- Every source has a passage or more, so this many sources are past the exact ranking.
    if cardinality(v_documents) + cardinality(v_artifacts) >= exact_up_to then
      v_exact := false;
    else
      execute 'select count(*) < $4 from (select 1 from agency.knowledge_chunks c
                 where c.tenant_id = agency.current_tenant_id()
                   and (c.document_id = any($2) or c.artifact_id = any($3))' || v_model || ' limit $4) x'
        into v_exact using filters, v_documents, v_artifacts, exact_up_to;
    end if;
  else
    select coalesce(max(k.chunk_count), 0) < exact_up_to into v_exact
    from agency.knowledge_chunk_counts k where k.tenant_id = agency.current_tenant_id();
  end if;

  -- The HNSW walk (pgvector 0.8's iterative scan replaces what the tenant, the policy or a
  -- filter removes; relaxed order put right below) checks each passage against hashed lists;
  -- the exact ranking reads the listed sources' passages by index. "+ 0" keeps the vector index
  -- out of an exact ranking, which also runs if the walk came back short.
  v_nearest := format(
    $q$select array_agg(r.id order by r.distance), array_agg(r.distance order by r.distance)
       from (select c.id, c.embedding <=> $5 as distance
             from agency.knowledge_chunks c
             where c.tenant_id = agency.current_tenant_id()%s%%s
             order by %%s
             limit %s) r$q$, v_model, v_limit);

  if not v_exact and not v_by_source and v_model = '' then
    -- The common search, whole knowledge base: a statement the session plans once and keeps.
    select array_agg(r.id order by r.distance), array_agg(r.distance order by r.distance) into v_ids, v_distances
    from (select c.id, c.embedding <=> query_embedding as distance
          from agency.knowledge_chunks c
          where c.tenant_id = agency.current_tenant_id()
            and (c.document_id is null or c.document_id not in
                   (select d.id from agency.knowledge_documents d
                    where d.tenant_id = agency.current_tenant_id() and d.deleted_at is not null))
            and (c.artifact_id is null or c.artifact_id not in
                   (select a.id from agency.artifacts a
                    where a.tenant_id = agency.current_tenant_id() and a.deleted_at is not null))
          order by c.embedding <=> query_embedding
          limit v_limit) r;
  elsif not v_exact then
    execute format(v_nearest,
      case when v_by_source
        then ' and (c.document_id in (select unnest($2)) or c.artifact_id in (select unnest($3)))'
        else ' and (c.document_id is null or c.document_id not in
                      (select d.id from agency.knowledge_documents d
                       where d.tenant_id = agency.current_tenant_id() and d.deleted_at is not null))
               and (c.artifact_id is null or c.artifact_id not in
                      (select a.id from agency.artifacts a
                       where a.tenant_id = agency.current_tenant_id() and a.deleted_at is not null))'
      end, 'c.embedding <=> $5')
      into v_ids, v_distances using filters, v_documents, v_artifacts, exact_up_to, query_embedding;
  end if;
  if v_exact or coalesce(cardinality(v_ids), 0) < v_limit then
    execute format(v_nearest,
      case when v_by_source
        then ' and (c.document_id = any($2) or c.artifact_id = any($3))'
        else ' and (c.document_id is null or exists (select 1 from agency.knowledge_documents d
                      where d.tenant_id = c.tenant_id and d.id = c.document_id and d.deleted_at is null))
               and (c.artifact_id is null or exists (select 1 from agency.artifacts a
                      where a.tenant_id = c.tenant_id and a.id = c.artifact_id and a.deleted_at is null))'
      end, '(c.embedding <=> $5) + 0')
      into v_ids, v_distances using filters, v_documents, v_artifacts, exact_up_to, query_embedding;
  end if;

  return query
  select c.id, c.document_id, c.chunk_index, c.content, coalesce(d.title, a.title), coalesce(d.doc_type, 'artifact'),
         coalesce(d.client_id, ac.client_id), coalesce(d.campaign_id, a.campaign_id), 1 - n.distance, c.artifact_id
  from unnest(v_ids, v_distances) with ordinality as n (id, distance, rank)
  join agency.knowledge_chunks c on c.tenant_id = agency.current_tenant_id() and c.id = n.id
  left join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
  left join agency.artifacts a on a.tenant_id = c.tenant_id and a.id = c.artifact_id
  left join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
  where 1 - n.distance >= match_threshold
  order by n.rank;
end
$fn$;
grant execute on function agency.search_passages(vector, double precision, integer, jsonb) to agency_app;
