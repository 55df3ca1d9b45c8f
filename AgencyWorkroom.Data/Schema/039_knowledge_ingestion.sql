-- 039 the knowledge base fills itself (issue 16; decision 021). Saving a document or an artifact
-- enqueues its (re-)indexing in 018's job queue; the ingestion service claims it as the tenant's
-- system actor, chunks, embeds only the passages whose text changed, and writes them. Here:
--   passages          a content hash (md5 of the text: the one definition of "changed"; a generated
--                     column must be immutable, and convert_to, which sha256 would need, is not) and
--                     the embedding model per passage; artifact passages beside document ones
--   team restriction  a document about a campaign may be kept to that campaign's team, by the
--                     artifacts' own rule (agency.may_add_artifacts_to), for documents and passages
--   jobs              what a job is about (subject_id) and how far it got (progress n of m);
--                     claim_jobs never hands out a second job about a subject while one runs
--   system rights     read documents and artifacts, write passages: indexing needs both
--   retrieval         search_knowledge finds artifact passages too (artifact_id, the last column),
--                     under the artifact's own visibility, and filters by embedding model

-- ------------------------------------------------------------------ passages
alter table agency.knowledge_chunks alter column document_id drop not null;
alter table agency.knowledge_chunks add column if not exists artifact_id uuid;
alter table agency.knowledge_chunks add column if not exists embedding_model text not null default 'all-MiniLM-L6-v2'
  check (length(embedding_model) between 1 and 200);
-- The ingestion asks this function for the hashes of a document's new passages, to compare them
-- with the stored ones: one definition of "the same text".
create or replace function agency.knowledge_content_hash(p_content text) returns bytea
language sql immutable parallel safe
return pg_catalog.decode(pg_catalog.md5(p_content), 'hex');
grant execute on function agency.knowledge_content_hash(text) to agency_app;
alter table agency.knowledge_chunks add column if not exists content_hash bytea not null
  generated always as (agency.knowledge_content_hash(content)) stored;

alter table agency.knowledge_chunks drop constraint if exists knowledge_chunks_one_source;
alter table agency.knowledge_chunks add constraint knowledge_chunks_one_source
  check (num_nonnulls(document_id, artifact_id) = 1);
alter table agency.knowledge_chunks drop constraint if exists knowledge_chunks_artifact_fkey;
alter table agency.knowledge_chunks add constraint knowledge_chunks_artifact_fkey
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade;
create unique index if not exists knowledge_chunks_artifact_idx on agency.knowledge_chunks (tenant_id, artifact_id, chunk_index)
  where artifact_id is not null;

-- ------------------------------------------------------------------ team restriction
alter table agency.knowledge_documents add column if not exists team_only boolean not null default false;
alter table agency.knowledge_documents drop constraint if exists knowledge_documents_team_needs_campaign;
alter table agency.knowledge_documents add constraint knowledge_documents_team_needs_campaign
  check (not team_only or campaign_id is not null);

-- Everyone in a tenant reads a document (007), unless it is kept to its campaign's team: then
-- that team, leadership and admins, by the rule that says who may add artifacts to a campaign.
drop policy if exists knowledge_read on agency.knowledge_documents;
create policy knowledge_read on agency.knowledge_documents for select
  using (not team_only or agency.may_add_artifacts_to(campaign_id));

-- A passage is read by whoever reads its document or its artifact (the subquery runs under their
-- policies); leadership and admins read every document and artifact, so every passage, said
-- first so that their searches skip the per-row check (as 014 does for versions).
drop policy if exists chunk_read on agency.knowledge_chunks;
create policy chunk_read on agency.knowledge_chunks for select using (
  (select agency.has_any_role(array['leadership', 'admin']))
  or document_id is not null and exists (select 1 from agency.knowledge_documents d
                                         where d.tenant_id = knowledge_chunks.tenant_id and d.id = knowledge_chunks.document_id)
  or artifact_id is not null and exists (select 1 from agency.artifacts a
                                         where a.tenant_id = knowledge_chunks.tenant_id and a.id = knowledge_chunks.artifact_id));

-- ------------------------------------------------------------------ the system actor indexes
-- Decision 007's table gains: read knowledge documents and artifacts (to chunk them), and write
-- passages. Nothing else: no timesheets, rates, money or conversations.
drop policy if exists knowledge_index on agency.knowledge_documents;
create policy knowledge_index on agency.knowledge_documents for select using ((select agency.has_role('system')));
drop policy if exists artifact_index on agency.artifacts;
create policy artifact_index on agency.artifacts for select using ((select agency.has_role('system')));
drop policy if exists chunk_index on agency.knowledge_chunks;
create policy chunk_index on agency.knowledge_chunks for all
  using ((select agency.has_role('system'))) with check ((select agency.has_role('system')));

-- ------------------------------------------------------------------ jobs about a subject
alter table agency.jobs add column if not exists subject_id uuid;
alter table agency.jobs add column if not exists progress_done integer check (progress_done >= 0);
alter table agency.jobs add column if not exists progress_total integer check (progress_total >= 0);
create index if not exists jobs_subject_idx on agency.jobs (tenant_id, kind, subject_id, created_at desc) where subject_id is not null;

-- An indexing job is followed by everyone who reads its subject (the status on the knowledge
-- page), not only by the person whose save enqueued it.
drop policy if exists job_subject_follow on agency.jobs;
create policy job_subject_follow on agency.jobs for select using (
  kind = 'index_document' and exists (select 1 from agency.knowledge_documents d where d.tenant_id = jobs.tenant_id and d.id = jobs.subject_id)
  or kind = 'index_artifact' and exists (select 1 from agency.artifacts a where a.tenant_id = jobs.tenant_id and a.id = jobs.subject_id));

-- 018's claim, with its picks taken once (see below), and one job about a subject at a time: a job whose subject has another job
-- running under a live lease waits (two workers would write the same passages).
create or replace function agency.claim_jobs(p_kind text, p_limit integer default 1, p_lease interval default '5 minutes')
returns setof agency.jobs
language sql volatile set search_path = '' as $$
  update agency.jobs j
  set status = 'failed', leased_until = null, last_error = coalesce(j.last_error, 'its worker stopped five times')
  where j.tenant_id = agency.current_tenant_id() and j.kind = p_kind
    and j.status = 'running' and j.leased_until < pg_catalog.now() and j.attempts >= 5;

  -- The jobs picked once, in a materialized CTE: as a plain IN (subquery ... LIMIT ... SKIP LOCKED)
  -- the planner may run the subquery again and lease more than p_limit (018 did; the knowledge
  -- worker saw two jobs for a limit of one while another worker held some rows).
  with picked as materialized (
    select q.id from agency.jobs q
    where q.tenant_id = agency.current_tenant_id() and q.kind = p_kind and q.run_after <= pg_catalog.now()
      and (q.status = 'queued' or q.status = 'running' and q.leased_until < pg_catalog.now() and q.attempts < 5)
      and (q.subject_id is null
           or not exists (select 1 from agency.jobs r
                          where r.tenant_id = q.tenant_id and r.kind = q.kind and r.subject_id = q.subject_id
                            and r.id <> q.id and r.status = 'running' and r.leased_until >= pg_catalog.now()))
    order by q.run_after, q.id
    limit greatest(p_limit, 0)
    for update skip locked)
  update agency.jobs j
  set status = 'running', attempts = j.attempts + 1, leased_until = pg_catalog.now() + p_lease
  from picked
  where j.tenant_id = agency.current_tenant_id() and j.id = picked.id
  returning j.*
$$;

-- Queue the indexing of a document or an artifact in the caller's name, once: a job about it that
-- is queued and not yet tried covers this change too. A write with no person (the seed's bulk
-- load, which embeds as it loads) queues nothing.
create or replace function agency.enqueue_knowledge_index(p_kind text, p_subject uuid) returns void
language sql volatile set search_path = '' as $$
  insert into agency.jobs (kind, subject_id, payload)
  select p_kind, p_subject, pg_catalog.jsonb_build_object('subject_id', p_subject)
  where p_kind in ('index_document', 'index_artifact')
    and agency.current_user_id() is not null
    and not exists (select 1 from agency.jobs j
                    where j.tenant_id = agency.current_tenant_id() and j.kind = p_kind and j.subject_id = p_subject
                      and j.status = 'queued' and j.attempts = 0)
$$;
grant execute on function agency.enqueue_knowledge_index(text, uuid) to agency_app;

create or replace function agency.enqueue_knowledge_index_of_row() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  perform agency.enqueue_knowledge_index(tg_argv[0], new.id);
  return null;
end
$$;

-- What a passage is made of: the title and the text (and, by deleting, whether it is there).
drop trigger if exists enqueue_index_insert on agency.knowledge_documents;
create trigger enqueue_index_insert after insert on agency.knowledge_documents
  for each row execute function agency.enqueue_knowledge_index_of_row('index_document');
drop trigger if exists enqueue_index_update on agency.knowledge_documents;
create trigger enqueue_index_update after update of title, content, deleted_at on agency.knowledge_documents
  for each row when (old.title is distinct from new.title or old.content is distinct from new.content
                     or old.deleted_at is distinct from new.deleted_at)
  execute function agency.enqueue_knowledge_index_of_row('index_document');
drop trigger if exists enqueue_index_insert on agency.artifacts;
create trigger enqueue_index_insert after insert on agency.artifacts
  for each row execute function agency.enqueue_knowledge_index_of_row('index_artifact');
drop trigger if exists enqueue_index_update on agency.artifacts;
create trigger enqueue_index_update after update of title, content, deleted_at on agency.artifacts
  for each row when (old.title is distinct from new.title or old.content is distinct from new.content
                     or old.deleted_at is distinct from new.deleted_at)
  execute function agency.enqueue_knowledge_index_of_row('index_artifact');

-- ------------------------------------------------------------------ retrieval
-- 016's search, now over artifact passages too (under the artifact's visibility; a client and a
-- brand through its campaign; doc_type 'artifact'), and never mixing models: filters.model keeps
-- to the passages embedded by that model (the app always passes its own). search_passages returns
-- 016's columns and artifact_id last; search_knowledge keeps 016's columns exactly and reads it
-- (a function's result type cannot change in place, and 005 and 016 must still apply again).
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
  exact_up_to constant integer := 5000;
  v_limit integer := greatest(coalesce(match_count, 0), 0);
  v_where text := '';
  v_exact boolean;
  v_nearest text;
  v_ids uuid[];
  v_distances double precision[];
  -- Documents and artifacts alike: a passage's source, visible under its own policies.
  v_from constant text := $q$ from agency.knowledge_chunks c
     left join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
     left join agency.artifacts a on a.tenant_id = c.tenant_id and a.id = c.artifact_id
     left join agency.campaigns ac on ac.tenant_id = a.tenant_id and ac.id = a.campaign_id
     where c.tenant_id = agency.current_tenant_id()
       and (d.id is not null and d.deleted_at is null or a.id is not null and a.deleted_at is null)$q$;
begin
  if v_limit = 0 then
    return;
  end if;

  if filters ->> 'client_id' is not null then
    v_where := v_where || ' and coalesce(d.client_id, ac.client_id) = ($2 ->> ''client_id'')::uuid';
  end if;
  if filters ->> 'brand_id' is not null then
    v_where := v_where || ' and coalesce(d.brand_id, ac.brand_id) = ($2 ->> ''brand_id'')::uuid';
  end if;
  if filters ->> 'campaign_id' is not null then
    v_where := v_where || ' and coalesce(d.campaign_id, a.campaign_id) = ($2 ->> ''campaign_id'')::uuid';
  end if;
  if filters ->> 'doc_type' is not null then
    v_where := v_where || ' and coalesce(d.doc_type, ''artifact'') = $2 ->> ''doc_type''';
  end if;
  if filters -> 'tags' is not null then
    v_where := v_where || ' and coalesce(d.tags, a.tags) @> array(select jsonb_array_elements_text($2 -> ''tags''))';
  end if;
  if filters ->> 'model' is not null then
    v_where := v_where || ' and c.embedding_model = $2 ->> ''model''';
  end if;

  if v_where = '' then
    select coalesce(max(k.chunk_count), 0) < exact_up_to into v_exact
    from agency.knowledge_chunk_counts k where k.tenant_id = agency.current_tenant_id();
  else
    execute 'select count(*) < $3 from (select 1' || v_from || v_where || ' limit $3) x'
      into v_exact using query_embedding, filters, exact_up_to;
  end if;

  v_nearest := format(
    $q$select array_agg(r.id order by r.distance), array_agg(r.distance order by r.distance)
       from (select c.id, c.embedding <=> $1 as distance %s%s
             order by %%s
             limit %s) r$q$, v_from, v_where, v_limit);

  if not v_exact then
    execute format(v_nearest, 'c.embedding <=> $1') into v_ids, v_distances using query_embedding, filters;
  end if;
  if v_exact or coalesce(cardinality(v_ids), 0) < v_limit then
    execute format(v_nearest, '(c.embedding <=> $1) + 0') into v_ids, v_distances using query_embedding, filters;
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

create or replace function agency.search_knowledge(
  query_embedding vector(384),
  match_threshold double precision default 0.0,
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, similarity double precision)
language sql stable
set search_path = pg_catalog, public
as $fn$
  select s.chunk_id, s.document_id, s.chunk_index, s.content, s.document_title, s.doc_type, s.client_id,
         s.campaign_id, s.similarity
  from agency.search_passages(query_embedding, match_threshold, match_count, filters) s
$fn$;
grant execute on function agency.search_knowledge(vector, double precision, integer, jsonb) to agency_app;
