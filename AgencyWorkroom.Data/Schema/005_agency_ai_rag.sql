-- 005 AI and retrieval: the knowledge base, its embedded chunks, and assistant conversations.
-- Embeddings are vector(384), the dimension of the default local model (all-MiniLM-L6-v2).

create extension if not exists vector;

create table if not exists agency.knowledge_documents (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  client_id uuid,
  brand_id uuid,
  campaign_id uuid,
  title text not null check (length(btrim(title)) between 1 and 300),
  doc_type text not null default 'other' check (doc_type in ('playbook', 'brand_guidelines', 'post_mortem',
    'process', 'case_study', 'research', 'policy', 'other')),
  source_uri text,
  -- Markdown.
  content text not null default '',
  tags text[] not null default '{}',
  search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(content, '')), 'B')) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, client_id) references agency.clients (tenant_id, id),
  foreign key (tenant_id, brand_id) references agency.brands (tenant_id, id),
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id)
);

create table if not exists agency.knowledge_chunks (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  chunk_index integer not null check (chunk_index >= 0),
  content text not null,
  token_count integer,
  embedding vector(384) not null,
  search_vector tsvector generated always as (to_tsvector('english', content)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, document_id, chunk_index),
  foreign key (tenant_id, document_id) references agency.knowledge_documents (tenant_id, id) on delete cascade
);

create table if not exists agency.ai_conversations (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  -- The person (agency.employees.id) whose conversation this is; only they see it.
  user_id uuid not null default agency.current_user_id(),
  title text not null default 'New conversation',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references agency.employees (tenant_id, id)
);

create table if not exists agency.ai_messages (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  conversation_id uuid not null,
  role text not null check (role in ('user', 'assistant', 'system', 'tool')),
  content text not null,
  -- [{"chunk_id": ..., "document_id": ..., "title": ..., "similarity": ...}, ...]
  citations jsonb not null default '[]' check (jsonb_typeof(citations) = 'array'),
  model text,
  prompt_tokens integer,
  completion_tokens integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, conversation_id) references agency.ai_conversations (tenant_id, id) on delete cascade
);

create index if not exists knowledge_documents_client_idx on agency.knowledge_documents (tenant_id, client_id);
create index if not exists knowledge_documents_brand_idx on agency.knowledge_documents (tenant_id, brand_id);
create index if not exists knowledge_documents_campaign_idx on agency.knowledge_documents (tenant_id, campaign_id);
create index if not exists knowledge_documents_tags_idx on agency.knowledge_documents using gin (tags);
create index if not exists knowledge_documents_search_idx on agency.knowledge_documents using gin (search_vector);
create index if not exists knowledge_chunks_document_idx on agency.knowledge_chunks (tenant_id, document_id, chunk_index);
create index if not exists knowledge_chunks_search_idx on agency.knowledge_chunks using gin (search_vector);
create index if not exists knowledge_chunks_embedding_idx on agency.knowledge_chunks
  using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64);
create index if not exists ai_conversations_user_idx on agency.ai_conversations (tenant_id, user_id, updated_at desc);
create index if not exists ai_messages_conversation_idx on agency.ai_messages (tenant_id, conversation_id, created_at);

-- Nearest chunks to a query embedding, best first, within the caller's tenant and policies.
-- filters (all optional): {"client_id": uuid, "brand_id": uuid, "campaign_id": uuid,
-- "doc_type": text, "tags": [text, ...]} (tags: the document has all of them).
create or replace function agency.search_knowledge(
  query_embedding vector(384),
  match_threshold double precision default 0.0,
  match_count integer default 10,
  filters jsonb default '{}'::jsonb)
returns table (chunk_id uuid, document_id uuid, chunk_index integer, content text, document_title text,
               doc_type text, client_id uuid, campaign_id uuid, similarity double precision)
language sql stable set search_path = pg_catalog, public as $$
  select c.id, c.document_id, c.chunk_index, c.content, d.title, d.doc_type, d.client_id, d.campaign_id,
         1 - (c.embedding <=> query_embedding) as similarity
  from agency.knowledge_chunks c
  join agency.knowledge_documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
  where c.tenant_id = agency.current_tenant_id()
    and d.deleted_at is null
    and (filters ->> 'client_id' is null or d.client_id = (filters ->> 'client_id')::uuid)
    and (filters ->> 'brand_id' is null or d.brand_id = (filters ->> 'brand_id')::uuid)
    and (filters ->> 'campaign_id' is null or d.campaign_id = (filters ->> 'campaign_id')::uuid)
    and (filters ->> 'doc_type' is null or d.doc_type = filters ->> 'doc_type')
    and (filters -> 'tags' is null or d.tags @> array(select jsonb_array_elements_text(filters -> 'tags')))
    and 1 - (c.embedding <=> query_embedding) >= match_threshold
  order by c.embedding <=> query_embedding
  limit greatest(match_count, 0)
$$;

do $$
declare t text;
begin
  foreach t in array array['knowledge_documents', 'knowledge_chunks', 'ai_conversations', 'ai_messages'] loop
    execute format('drop trigger if exists set_updated_at on agency.%I', t);
    execute format('create trigger set_updated_at before update on agency.%I
                    for each row execute function agency.update_updated_at_column()', t);
  end loop;
end
$$;
