-- 047 hybrid retrieval: full-text rank beside vector similarity, fused by reciprocal rank fusion.
--
-- The vector side alone (search_passages, 039) misses what embeddings blur: a client's name, a
-- campaign code, a rare word. The text side ranks passages by PostgreSQL full text over
-- knowledge_chunks.search_vector (005: to_tsvector('english', content), GIN-indexed), and
-- search_hybrid fuses the two rankings by reciprocal rank fusion (score = sum of 1 / (60 + rank)
-- over the sides a passage is found by), so a passage either side ranks high comes first.
--
-- Both functions are security invoker (the default): they run as the asker, the policies of the
-- passages (039: a passage is visible when its document or its artifact is), of the documents
-- (team-only ones to the team) and of the artifacts decide. The filters are search_passages'
-- (client_id, brand_id, campaign_id, doc_type, tags, model), applied to both sides, so a filtered
-- hybrid search returns k rows whenever the vector side does: k whenever k exist.
--
-- The question is a sentence, not a query: its words are stemmed by plainto_tsquery and OR-ed
-- (a passage need not hold every word of the question; more matching words rank higher by
-- ts_rank_cd). search_passages and search_knowledge are not changed.

create or replace function agency.knowledge_text_query(query_text text) returns tsquery
language sql immutable parallel safe
set search_path = pg_catalog, public
return nullif(replace(plainto_tsquery('english', coalesce(query_text, ''))::text, ' & ', ' | '), '')::tsquery;
grant execute on function agency.knowledge_text_query(text) to agency_app;

create or replace function agency.search_passages_text(
  query_text text,
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, text_rank double precision, artifact_id uuid)
language sql stable
set search_path = pg_catalog, public
as $fn$
  with q as (select agency.knowledge_text_query(query_text) as tsq),
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
  limit greatest(coalesce(match_count, 0), 0)
$fn$;
grant execute on function agency.search_passages_text(text, integer, jsonb) to agency_app;

-- Reciprocal rank fusion of the vector side and the text side, k = 60 (the constant of the RRF
-- paper). Each side offers twice the rows asked for (at least 20), so a passage ranked a little
-- lower on one side and high on the other still makes the cut. similarity is the passage's
-- cosine similarity to the question whichever side found it; vector_rank and text_rank say which
-- side did (NULL: not found by that side).
create or replace function agency.search_hybrid(
  query_text text,
  query_embedding vector(384),
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, artifact_id uuid, similarity double precision,
               vector_rank integer, text_rank integer, score double precision)
language sql stable
set search_path = pg_catalog, public
as $fn$
  with v as (
    select s.*, row_number() over (order by s.similarity desc, s.chunk_id)::integer as r
    from agency.search_passages(query_embedding, 0.0, greatest(coalesce(match_count, 0) * 2, 20), filters) s
    where coalesce(match_count, 0) > 0),
  t as (
    select s.*, row_number() over (order by s.text_rank desc, s.chunk_id)::integer as r
    from agency.search_passages_text(query_text, greatest(coalesce(match_count, 0) * 2, 20), filters) s
    where coalesce(match_count, 0) > 0),
  fused as (
    select coalesce(v.chunk_id, t.chunk_id) as chunk_id,
           coalesce(v.document_id, t.document_id) as document_id,
           coalesce(v.chunk_index, t.chunk_index) as chunk_index,
           coalesce(v.content, t.content) as content,
           coalesce(v.document_title, t.document_title) as document_title,
           coalesce(v.doc_type, t.doc_type) as doc_type,
           coalesce(v.client_id, t.client_id) as client_id,
           coalesce(v.campaign_id, t.campaign_id) as campaign_id,
           coalesce(v.artifact_id, t.artifact_id) as artifact_id,
           v.similarity,
           v.r as vector_rank, t.r as text_rank,
           coalesce(1.0 / (60 + v.r), 0) + coalesce(1.0 / (60 + t.r), 0) as score
    from v full join t on t.chunk_id = v.chunk_id)
  select f.chunk_id, f.document_id, f.chunk_index, f.content, f.document_title, f.doc_type, f.client_id, f.campaign_id,
         f.artifact_id,
         coalesce(f.similarity, 1 - (c.embedding <=> query_embedding))::double precision,
         f.vector_rank, f.text_rank, f.score::double precision
  from fused f
  join agency.knowledge_chunks c on c.tenant_id = agency.current_tenant_id() and c.id = f.chunk_id
  order by f.score desc, f.vector_rank nulls last, f.chunk_id
  limit greatest(coalesce(match_count, 0), 0)
$fn$;
grant execute on function agency.search_hybrid(text, vector, integer, jsonb) to agency_app;
