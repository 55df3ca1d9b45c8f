-- 051: the text side of hybrid retrieval ranks by the question's rare words only.
--
-- 047 OR-ed every word of the question, so a question with a common word ("campaign",
-- "budget") matched most of the tenant's passages, and each was ranked: #5h took 1.5 s p50 at
-- x20 (100,000 passages), and the assistant's answers, which retrieve through it, 500 ms p95.
-- Full text is there for what embeddings blur: names, codes, rare words. So each stemmed word of
-- the question is counted in the tenant's passages (as the asker, stopping at 200), and only the
-- words in fewer than 200 passages are OR-ed; a question of common words only leaves the
-- ranking to the vector side. Same columns, filters and policies as 047.

create or replace function agency.search_passages_text(
  query_text text,
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, text_rank double precision, artifact_id uuid)
language plpgsql stable
set search_path = pg_catalog, public
as $fn$
declare
  -- A word found in this many of the tenant's passages says little about which one answers (the
  -- vector side ranks those); counting stops there.
  common_from constant integer := 200;
  v_rare text[] := '{}';
  v_word text;
  v_seen integer;
  v_query tsquery;
begin
  foreach v_word in array coalesce(tsvector_to_array(to_tsvector('english', coalesce(query_text, ''))), '{}') loop
    select count(*) into v_seen
    from (select 1 from agency.knowledge_chunks c
          where c.tenant_id = agency.current_tenant_id() and c.search_vector @@ quote_literal(v_word)::tsquery
          limit common_from) x;
    if v_seen between 1 and common_from - 1 then
      v_rare := v_rare || quote_literal(v_word);
    end if;
  end loop;
  if cardinality(v_rare) = 0 then
    return;
  end if;
  v_query := array_to_string(v_rare, ' | ')::tsquery;

  return query

  with q as (select v_query as tsq),
  found as (
    -- Document passages.
    select c.id, c.document_id, c.chunk_index, c.content, d.title, d.doc_type, d.client_id, d.campaign_id,
           ts_rank_cd(c.search_vector, q.tsq, 1)::double precision as text_rank, c.artifact_id
    from q
    join agency.knowledge_chunks c on c.search_vector @@ q.tsq
    join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
    where c.tenant_id = agency.current_tenant_id()
      and d.deleted_at is null
      and (filters ->> 'client_id' is null or d.client_id = (filters ->> 'client_id')::uuid)
      and (filters ->> 'brand_id' is null or d.brand_id = (filters ->> 'brand_id')::uuid)
      and (filters ->> 'campaign_id' is null or d.campaign_id = (filters ->> 'campaign_id')::uuid)
      and (filters ->> 'doc_type' is null or d.doc_type = filters ->> 'doc_type')
      and (filters -> 'tags' is null or d.tags @> array(select jsonb_array_elements_text(filters -> 'tags')))
      and (filters ->> 'model' is null or c.embedding_model = filters ->> 'model')
    union all
    -- Artifact passages: client and brand through the artifact's campaign, doc_type 'artifact'.
    select c.id, c.document_id, c.chunk_index, c.content, a.title, 'artifact', ac.client_id, a.campaign_id,
           ts_rank_cd(c.search_vector, q.tsq, 1)::double precision, c.artifact_id
    from q
    join agency.knowledge_chunks c on c.search_vector @@ q.tsq
    join agency.artifacts a on a.tenant_id = c.tenant_id and a.id = c.artifact_id
    join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
    where c.tenant_id = agency.current_tenant_id()
      and a.deleted_at is null
      and (filters ->> 'client_id' is null or ac.client_id = (filters ->> 'client_id')::uuid)
      and (filters ->> 'brand_id' is null or ac.brand_id = (filters ->> 'brand_id')::uuid)
      and (filters ->> 'campaign_id' is null or a.campaign_id = (filters ->> 'campaign_id')::uuid)
      and (filters ->> 'doc_type' is null or filters ->> 'doc_type' = 'artifact')
      and (filters -> 'tags' is null or a.tags @> array(select jsonb_array_elements_text(filters -> 'tags')))
      and (filters ->> 'model' is null or c.embedding_model = filters ->> 'model'))
  select f.* from found f
  order by f.text_rank desc, f.id
  limit greatest(coalesce(match_count, 0), 0);
end
$fn$;
