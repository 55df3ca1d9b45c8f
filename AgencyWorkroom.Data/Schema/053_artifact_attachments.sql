-- 053 images in artifacts (issue 14, "Images"; decision 029), and the people an "@" in a comment
-- offers. Boards, moodboards and storyboards are pictures: a person pastes or drops one into the
-- editor, the app stores it here, and the Markdown keeps a link to it, ![alt](/attachments/{id}),
-- served only by the app's authorized endpoint (GET /attachments/{id}, as the signed-in person:
-- what this table's policies hide is a 404).
--
--   what         PNG, JPEG, GIF and WebP only, recognised by their first bytes (agency.image_type:
--                the one definition; the app asks it before it inserts, a check constraint holds
--                it for every row). SVG is refused (it can carry script), and so is everything else,
--                whatever the file calls itself. At most 10 MB (10,485,760 bytes) an image; the
--                thumbnail, made by the uploading browser (decision 029), at most 256 KB and of the
--                same four types.
--   who          whoever may read the artifact reads its images (the subquery runs under the
--                artifact's own policies); whoever may edit it adds them: agency.may_edit_artifact,
--                which artifact_edit now calls too, so "may edit" is written once.
--   kept         images are never changed or removed by the app (no update or delete policy):
--                a version or a restore may still show one after the text stopped linking it.
--                They go with their artifact (on delete cascade).
--   stored       bytea with storage external: images are compressed already, so PostgreSQL does
--                not try again; a 10 MB image is read in slices, not decompressed whole.

-- ------------------------------------------------------------------ who may edit an artifact
-- The rule of 007's artifact_edit, now in one place (inlinable: a SQL-standard body, no SET).
create or replace function agency.may_edit_artifact(p_owner uuid, p_campaign uuid) returns boolean
language sql stable parallel safe
return p_owner = agency.current_user_id()
    or agency.has_any_role(array['leadership', 'admin'])
    or exists (select 1 from agency.campaign_team tm
               where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign
                 and tm.employee_id = agency.current_user_id());

drop policy if exists artifact_edit on agency.artifacts;
create policy artifact_edit on agency.artifacts for update
  using (agency.may_edit_artifact(owner_id, campaign_id))
  with check (agency.may_edit_artifact(owner_id, campaign_id));

-- ------------------------------------------------------------------ image types by their bytes
-- The type the first bytes say, or NULL: PNG's eight-byte signature, JPEG's FF D8 FF, GIF87a or
-- GIF89a, RIFF....WEBP. Nothing else (an SVG is text; a file named .png is what its bytes are).
create or replace function agency.image_type(p_head bytea) returns text
language sql immutable parallel safe
return case
  when substring(p_head from 1 for 8) = '\x89504e470d0a1a0a'::bytea then 'image/png'
  when substring(p_head from 1 for 3) = '\xffd8ff'::bytea then 'image/jpeg'
  when substring(p_head from 1 for 6) in ('\x474946383761'::bytea, '\x474946383961'::bytea) then 'image/gif'
  when substring(p_head from 1 for 4) = '\x52494646'::bytea and substring(p_head from 9 for 4) = '\x57454250'::bytea then 'image/webp'
end;

-- ------------------------------------------------------------------ the table
create table if not exists agency.artifact_attachments (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  artifact_id uuid not null,
  file_name text not null check (length(btrim(file_name)) between 1 and 255),
  content_type text not null,
  content bytea not null,
  byte_size integer generated always as (octet_length(content)) stored,
  thumbnail bytea,
  thumbnail_type text,
  created_by uuid not null default agency.current_user_id(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, created_by) references agency.employees (tenant_id, id),
  -- coalesce: a check passes on NULL, and image_type is NULL for anything but the four.
  constraint artifact_attachments_type check (coalesce(content_type = agency.image_type(content), false)),
  constraint artifact_attachments_size check (octet_length(content) between 1 and 10485760),
  constraint artifact_attachments_thumbnail check (
    (thumbnail is null and thumbnail_type is null)
    or (coalesce(thumbnail_type = agency.image_type(thumbnail), false) and octet_length(thumbnail) <= 262144))
);
alter table agency.artifact_attachments alter column content set storage external;
alter table agency.artifact_attachments alter column thumbnail set storage external;
create index if not exists artifact_attachments_artifact_idx on agency.artifact_attachments (tenant_id, artifact_id, created_at);
create index if not exists artifact_attachments_created_by_idx on agency.artifact_attachments (tenant_id, created_by);

alter table agency.artifact_attachments enable row level security;
alter table agency.artifact_attachments force row level security;
drop policy if exists tenant_isolation on agency.artifact_attachments;
create policy tenant_isolation on agency.artifact_attachments as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
-- The artifact's own read policy decides, through the subquery (it runs under the caller's policies).
drop policy if exists attachment_read on agency.artifact_attachments;
create policy attachment_read on agency.artifact_attachments for select
  using (exists (select 1 from agency.artifacts a
                 where a.tenant_id = artifact_attachments.tenant_id and a.id = artifact_attachments.artifact_id));
drop policy if exists attachment_add on agency.artifact_attachments;
create policy attachment_add on agency.artifact_attachments for insert
  with check (created_by = (select agency.current_user_id())
              and exists (select 1 from agency.artifacts a
                          where a.tenant_id = artifact_attachments.tenant_id and a.id = artifact_attachments.artifact_id
                            and a.deleted_at is null and agency.may_edit_artifact(a.owner_id, a.campaign_id)));
-- No update or delete policy: granted, so a try changes no row rather than failing on a grant.
grant select, insert, update, delete on agency.artifact_attachments to agency_app;
grant execute on function agency.may_edit_artifact(uuid, uuid), agency.image_type(bytea) to agency_app;

-- ------------------------------------------------------------------ @ mentions with suggestions
-- Typing "@" in a comment offers the people who may read the artifact; a mention of anyone else
-- tells them nothing (019). Both ask one rule, agency.may_read_artifact_as: the artifact_read
-- policy's rule asked of another person (its owner, leadership and admins, its campaign's team).
-- Asked only of a person of the caller's own agency: about anyone else's ids it says no, as it
-- does about ids that do not exist (the isolation battery asks it with another tenant's).
create or replace function agency.may_read_artifact_as(p_person uuid, p_person_role text, p_owner uuid, p_campaign uuid) returns boolean
language sql stable parallel safe
return exists (select 1 from agency.employees e where e.tenant_id = agency.current_tenant_id() and e.id = p_person)
   and (p_person = p_owner
        or p_person_role in ('leadership', 'admin')
        or exists (select 1 from agency.campaign_team tm
                   where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign and tm.employee_id = p_person));

-- The people to offer after "@" (a name's start or a word's start in it), the caller left out. As the
-- caller: an artifact they may not read offers nobody.
create or replace function agency.artifact_mention_candidates(p_artifact uuid, p_prefix text default '', p_limit integer default 8)
returns table (employee_id uuid, full_name text)
language sql stable set search_path = '' as $fn$
  select e.id, e.full_name
  from agency.artifacts a
  join agency.employees e on e.tenant_id = a.tenant_id
  where a.id = p_artifact and a.deleted_at is null
    and e.active and e.deleted_at is null and e.id is distinct from agency.current_user_id()
    and agency.may_read_artifact_as(e.id, e.agency_role, a.owner_id, a.campaign_id)
    and (coalesce(p_prefix, '') = ''
         or pg_catalog.starts_with(pg_catalog.lower(e.full_name), pg_catalog.lower(p_prefix))
         or pg_catalog.strpos(pg_catalog.lower(e.full_name), ' ' || pg_catalog.lower(p_prefix)) > 0)
  order by e.full_name, e.id
  limit least(greatest(coalesce(p_limit, 8), 1), 20)
$fn$;

-- The mention trigger of 036, its rule of who may read now agency.may_read_artifact_as.
create or replace function agency.after_artifact_comment() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  body constant text := lower(new.body);
begin
  if tenant is null or tenant <> new.tenant_id or strpos(new.body, '@') = 0 then
    return null;
  end if;
  insert into agency.notifications (tenant_id, recipient_id, kind, artifact_id, campaign_id, title)
  select tenant, e.id, 'artifact_mention', a.id, a.campaign_id,
         left(format('%s mentioned you on "%s"', coalesce(w.full_name, 'Someone'), a.title), 300)
  from agency.artifacts a
  join agency.employees e on e.tenant_id = a.tenant_id
  left join agency.employees w on w.tenant_id = a.tenant_id and w.id = new.author_id
  where a.tenant_id = tenant and a.id = new.artifact_id
    and e.active and e.deleted_at is null and e.id <> new.author_id
    and strpos(body, '@' || lower(e.full_name)) > 0
    -- the whole name: not "@Ann" inside "@Anna"
    and body ~ ('@' || regexp_replace(lower(e.full_name), '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g') || '($|[^[:alnum:]_])')
    and agency.may_read_artifact_as(e.id, e.agency_role, a.owner_id, a.campaign_id);
  return null;
end
$fn$;

grant execute on function agency.may_read_artifact_as(uuid, text, uuid, uuid) to agency_reviews, agency_app;
grant execute on function agency.artifact_mention_candidates(uuid, text, integer) to agency_app;
