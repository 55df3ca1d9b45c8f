-- 037 "New artifact" from the agency's templates, only on campaigns one works on; a due date.
--
-- Templates: each tenant has its own (agency.artifact_templates), starting from five defaults
-- (a brief, a script, a deck outline, social copy and a post-mortem) that admins edit, add to
-- or remove. Everyone in the tenant reads them; admins write them. A new tenant gets the
-- defaults from a trigger; the tenants already here get them below.
--
-- Creating an artifact: its owner must be on the campaign's team (leadership and admins may
-- create anywhere). Before this, any person could attach an artifact of their own to any
-- campaign of the tenant, including ones whose other artifacts they may not read.

alter table agency.artifacts add column if not exists due_date date;

create table if not exists agency.artifact_templates (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  artifact_type text not null check (artifact_type in ('brief', 'script', 'deck', 'board', 'copy',
    'storyboard', 'moodboard', 'report', 'other')),
  name text not null check (length(btrim(name)) between 1 and 120),
  description text check (description is null or length(description) <= 300),
  -- Markdown, the artifact's starting text.
  content text not null default '' check (length(content) <= 200000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default agency.current_user_id(),
  updated_by uuid,
  primary key (tenant_id, id),
  constraint artifact_templates_name_key unique (tenant_id, name)
);

drop trigger if exists set_updated_at on agency.artifact_templates;
create trigger set_updated_at before update on agency.artifact_templates
  for each row execute function agency.update_updated_at_column();

alter table agency.artifact_templates enable row level security;
alter table agency.artifact_templates force row level security;
drop policy if exists tenant_isolation on agency.artifact_templates;
create policy tenant_isolation on agency.artifact_templates as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
drop policy if exists template_read on agency.artifact_templates;
create policy template_read on agency.artifact_templates for select using (true);
drop policy if exists template_manage on agency.artifact_templates;
create policy template_manage on agency.artifact_templates
  using ((select agency.has_role('admin'))) with check ((select agency.has_role('admin')));
grant select, insert, update, delete on agency.artifact_templates to agency_app;

-- The defaults are written by whoever creates the agency: the maintenance role (which bypasses
-- row-level security) or the owner (migrations, tests), which under FORCE needs a policy of its own
-- to insert, named for whoever runs this migration. The app role creates no agencies.
do $$
begin
  execute 'drop policy if exists template_defaults on agency.artifact_templates';
  execute format('create policy template_defaults on agency.artifact_templates for insert to %I with check (true)', current_user);
end
$$;

-- The five defaults for one tenant; templates of the same name already there are kept. Sets the
-- tenant for its own insert and puts back the caller's afterwards. Only for who creates agencies:
-- the maintenance role (it shares the app's group role, so the grant cannot tell them apart; the
-- check below does) and the owner. The app role is refused: it could otherwise reach another tenant.
create or replace function agency.add_default_artifact_templates(p_tenant_id uuid) returns void
language plpgsql volatile set search_path = '' as $fn$
declare
  previous text := current_setting('app.current_tenant', true);
begin
  if not exists (select from pg_catalog.pg_roles r where r.rolname = current_user and (r.rolbypassrls or r.rolsuper))
     and current_user <> (select t.tableowner from pg_catalog.pg_tables t where t.schemaname = 'agency' and t.tablename = 'artifact_templates') then
    raise exception 'only the maintenance role or the owner add an agency''s default templates' using errcode = '42501';
  end if;
  perform set_config('app.current_tenant', p_tenant_id::text, true);
  insert into agency.artifact_templates (tenant_id, artifact_type, name, description, content)
  values
    (p_tenant_id, 'brief', 'Creative brief', 'The problem, the audience, the one thing to say, and how we will know it worked.', $md$# Creative brief

## The problem
What is the business problem this work has to solve? One or two sentences.

## Audience
Who are we talking to? What do they think and do today?

## The single-minded proposition
The one thing we want them to take away.

## Reasons to believe
- 
- 

## Tone of voice

## Mandatories
- Logo, legal lines, product shots, accessibility needs

## Deliverables
| Item | Format | Channel | Due |
| --- | --- | --- | --- |
|  |  |  |  |

## Measures of success
- 

## Budget and timing
$md$),
    (p_tenant_id, 'script', 'Video script', 'A two-column script: what we see and what we hear, scene by scene.', $md$# Script: working title

**Length:** 30 s  
**Version:** draft

## Scene 1
| Vision | Audio |
| --- | --- |
| Open on … | VO: … |

## Scene 2
| Vision | Audio |
| --- | --- |
|  |  |

## End frame
| Vision | Audio |
| --- | --- |
| Logo and line | VO: … |

## Notes for production
- 
$md$),
    (p_tenant_id, 'deck', 'Deck outline', 'Slide by slide: the story of a presentation before anyone designs it.', $md$# Deck outline

## 1. Title
Client, project, date.

## 2. What you asked us
The brief in one slide.

## 3. What we found
- Insight
- Insight

## 4. The idea
One line, then the picture.

## 5. How it comes to life
- Channel by channel

## 6. Timeline and budget

## 7. Next steps
- [ ] Decision needed from the client
- [ ] 
$md$),
    (p_tenant_id, 'copy', 'Social copy', 'Posts per channel, with character counts, hashtags and the visual each goes with.', $md$# Social copy

**Campaign line:**  
**Launch date:**

## Instagram
- **Post 1:** copy here (max 2,200 characters)
  - Visual:
  - Hashtags:

## LinkedIn
- **Post 1:** copy here

## X
- **Post 1:** copy here (max 280 characters)

## Approvals
- [ ] Legal
- [ ] Client
$md$),
    (p_tenant_id, 'report', 'Post-mortem', 'What happened, what went well, what did not, and what we change next time.', $md$# Post-mortem

**Campaign:**  
**Date of the review:**  
**People present:**

## Summary
What we set out to do and what happened.

## Results against the brief
| Measure | Target | Result |
| --- | --- | --- |
|  |  |  |

## What went well
- 

## What did not
- 

## Budget and hours
Planned against actual, and why they differ.

## What we change next time
- [ ] 
$md$)
  on conflict (tenant_id, name) do nothing;
  perform set_config('app.current_tenant', coalesce(previous, ''), true);
end
$fn$;
revoke all on function agency.add_default_artifact_templates(uuid) from public;
grant execute on function agency.add_default_artifact_templates(uuid) to agency_app;

create or replace function agency.add_default_artifact_templates_to_new_tenant() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  perform agency.add_default_artifact_templates(new.id);
  return null;
end
$$;
revoke all on function agency.add_default_artifact_templates_to_new_tenant() from public;

drop trigger if exists add_default_artifact_templates on agency.tenants;
create trigger add_default_artifact_templates after insert on agency.tenants
  for each row execute function agency.add_default_artifact_templates_to_new_tenant();

-- The tenants already here: the owner reads their list with FORCE lifted for this transaction only.
alter table agency.tenants no force row level security;
select agency.add_default_artifact_templates(id) from agency.tenants;
alter table agency.tenants force row level security;

-- Who may add artifacts to a campaign: its team, and leadership and admins anywhere. The insert
-- policy and the "New artifact" campaign picker both ask this one function.
create or replace function agency.may_add_artifacts_to(p_campaign_id uuid) returns boolean
language sql stable
return agency.has_any_role(array['leadership', 'admin'])
    or exists (select 1 from agency.campaign_team tm
               where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign_id
                 and tm.employee_id = agency.current_user_id());
grant execute on function agency.may_add_artifacts_to(uuid) to agency_app;

-- Creating an artifact: one's own, on a campaign one may add to (leadership and admins: anyone's).
drop policy if exists artifact_create on agency.artifacts;
create policy artifact_create on agency.artifacts for insert with check (
  agency.may_add_artifacts_to(campaign_id)
  and (owner_id = (select agency.current_user_id()) or (select agency.has_any_role(array['leadership', 'admin']))));
