-- 002 artifacts: briefs, scripts, decks and boards, their version history and comment threads.

create table if not exists agency.artifacts (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  campaign_id uuid not null,
  artifact_type text not null check (artifact_type in ('brief', 'script', 'deck', 'board', 'copy',
    'storyboard', 'moodboard', 'report', 'other')),
  title text not null check (length(btrim(title)) between 1 and 300),
  -- Markdown.
  content text not null default '',
  content_preview text generated always as (left(regexp_replace(content, '\s+', ' ', 'g'), 280)) stored,
  status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'archived')),
  owner_id uuid not null default agency.current_user_id(),
  current_version integer not null default 1,
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
  foreign key (tenant_id, campaign_id) references agency.campaigns (tenant_id, id),
  foreign key (tenant_id, owner_id) references agency.employees (tenant_id, id)
);

create table if not exists agency.artifact_versions (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  artifact_id uuid not null,
  version_number integer not null check (version_number >= 1),
  title text not null,
  content text not null,
  change_summary text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, artifact_id, version_number),
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade
);

create table if not exists agency.artifact_comments (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  artifact_id uuid not null,
  parent_comment_id uuid,
  author_id uuid not null default agency.current_user_id(),
  body text not null check (length(btrim(body)) between 1 and 10000),
  resolved boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  deleted_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, parent_comment_id) references agency.artifact_comments (tenant_id, id),
  foreign key (tenant_id, author_id) references agency.employees (tenant_id, id)
);

create index if not exists artifacts_campaign_idx on agency.artifacts (tenant_id, campaign_id);
create index if not exists artifacts_owner_idx on agency.artifacts (tenant_id, owner_id);
create index if not exists artifacts_status_idx on agency.artifacts (tenant_id, status) where deleted_at is null;
create index if not exists artifacts_updated_idx on agency.artifacts (tenant_id, updated_at desc);
create index if not exists artifacts_tags_idx on agency.artifacts using gin (tags);
create index if not exists artifacts_search_idx on agency.artifacts using gin (search_vector);
create index if not exists artifact_versions_artifact_idx on agency.artifact_versions (tenant_id, artifact_id, version_number desc);
create index if not exists artifact_versions_created_idx on agency.artifact_versions (tenant_id, created_at desc);
create index if not exists artifact_comments_artifact_idx on agency.artifact_comments (tenant_id, artifact_id, created_at);
create index if not exists artifact_comments_parent_idx on agency.artifact_comments (tenant_id, parent_comment_id);
create index if not exists artifact_comments_author_idx on agency.artifact_comments (tenant_id, author_id);
create index if not exists artifact_comments_created_idx on agency.artifact_comments (tenant_id, created_at desc);

-- Snapshot the artifact as version 1 on insert, and as the next version whenever its title or
-- content changes. Runs as the caller, so the version row passes the same policies.
create or replace function agency.create_artifact_version() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    insert into agency.artifact_versions (tenant_id, artifact_id, version_number, title, content, change_summary, created_by)
    values (new.tenant_id, new.id, new.current_version, new.title, new.content, 'Created', new.created_by);
  elsif new.title is distinct from old.title or new.content is distinct from old.content then
    new.current_version := old.current_version + 1;
    insert into agency.artifact_versions (tenant_id, artifact_id, version_number, title, content, created_by)
    values (new.tenant_id, new.id, new.current_version, new.title, new.content,
            coalesce(agency.current_user_id(), new.updated_by));
  else
    new.current_version := old.current_version;
  end if;
  return new;
end
$$;

drop trigger if exists create_version_on_insert on agency.artifacts;
create trigger create_version_on_insert after insert on agency.artifacts
  for each row execute function agency.create_artifact_version();
drop trigger if exists create_version_on_update on agency.artifacts;
create trigger create_version_on_update before update on agency.artifacts
  for each row execute function agency.create_artifact_version();

do $$
declare t text;
begin
  foreach t in array array['artifacts', 'artifact_versions', 'artifact_comments'] loop
    execute format('drop trigger if exists set_updated_at on agency.%I', t);
    execute format('create trigger set_updated_at before update on agency.%I
                    for each row execute function agency.update_updated_at_column()', t);
  end loop;
end
$$;
