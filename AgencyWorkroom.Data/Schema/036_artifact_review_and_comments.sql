-- 036 review rounds and threaded comments on artifacts (issue 14; decision 019). Tried on the
-- landed schema as the app role: a creative on a campaign's team set its brief to 'approved' with
-- one UPDATE, and the author approved their own. Row-level security says whose artifacts a person
-- may change, not which step of a review they may take; this says that.
--
--   steps        draft -> in_review (submitted), in_review -> approved, in_review -> draft
--                (changes requested, with a reason; or withdrawn by the owner), approved -> draft
--                (reopened, with a reason), any -> archived, archived -> draft (unarchived).
--                "Changes requested" is not a status: it is the event that sent a draft back.
--   who          agency.artifact_review_allowed: submitting is for whoever may edit the artifact
--                (artifact_edit decides); approving and requesting changes for a reviewer, that is
--                leadership or a member of the campaign's team as account_director,
--                creative_director or project_manager, and never the artifact's owner (nobody
--                approves their own work); withdrawing for the owner; reopening for the owner or a
--                reviewer; archiving and unarchiving for the owner, a reviewer or an admin.
--   enforced     a trigger on artifacts (check_review) refuses any other status change and any
--                insert that is not a draft, for the web app (members of agency_app that cannot
--                bypass row-level security: agency.time_rules_bind, the same "who is bound" as
--                time). agency.review_artifact(artifact, status, reason) is the app's way in; it
--                hands the reason to the trigger as app.review_reason for its transaction.
--   recorded     agency.artifact_review_events (artifact, from, to, step, reason, by, at), written
--                only by the definer trigger after_review (role agency_reviews), read as the
--                artifact is; into the activity feed (get_recent_activity) and the library
--                (the latest step and its reason beside each row of a page).
--   notified     the owner of every step someone else took; on a submission, the campaign's
--                reviewers (else leadership). Kind artifact_review.
--   comments     artifact_comments gains the quoted passage (quote_text, quote_start), who resolved
--                it and when; a reply stays in its parent's artifact (a foreign key); anyone who
--                reads the artifact may resolve or reopen a comment, only its author (or an admin)
--                changes anything else. "@Full Name" of a person who may read the artifact, in a new
--                comment, notifies them (kind artifact_mention); people who may not read it are not
--                told it exists.

-- ------------------------------------------------------------------ the acting role
do $$
begin
  if not exists (select from pg_roles where rolname = 'agency_reviews') then
    create role agency_reviews nologin;
  end if;
end
$$;

grant agency_reviews to current_user;
grant usage on schema agency to agency_reviews;

-- ------------------------------------------------------------------ review events
create table if not exists agency.artifact_review_events (
  tenant_id uuid not null default agency.current_tenant_id() references agency.tenants (id),
  id uuid not null default gen_random_uuid(),
  artifact_id uuid not null,
  from_status text not null check (from_status in ('draft', 'in_review', 'approved', 'archived')),
  to_status text not null check (to_status in ('draft', 'in_review', 'approved', 'archived')),
  step text not null check (step in ('submitted', 'approved', 'changes_requested', 'withdrawn', 'reopened', 'archived', 'unarchived')),
  reason text check (reason is null or length(btrim(reason)) between 1 and 2000),
  actor_id uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, actor_id) references agency.employees (tenant_id, id),
  check (from_status <> to_status),
  check (step not in ('changes_requested', 'reopened') or reason is not null)
);

create index if not exists artifact_review_events_artifact_idx on agency.artifact_review_events (tenant_id, artifact_id, created_at desc);
create index if not exists artifact_review_events_created_idx on agency.artifact_review_events (tenant_id, created_at desc);
create index if not exists artifact_review_events_actor_idx on agency.artifact_review_events (tenant_id, actor_id);

alter table agency.artifact_review_events enable row level security;
alter table agency.artifact_review_events force row level security;
drop policy if exists tenant_isolation on agency.artifact_review_events;
create policy tenant_isolation on agency.artifact_review_events as restrictive
  using (tenant_id = (select agency.current_tenant_id()))
  with check (tenant_id = (select agency.current_tenant_id()));
-- Read as the artifact is (the shortcut of 014 for those who read every artifact).
drop policy if exists review_event_read on agency.artifact_review_events;
create policy review_event_read on agency.artifact_review_events for select
  using ((select agency.has_any_role(array['leadership', 'admin']))
         or exists (select 1 from agency.artifacts a
                    where a.tenant_id = artifact_review_events.tenant_id and a.id = artifact_review_events.artifact_id));
-- Written by the trigger's role only; nobody updates or deletes an event (the artifact's delete cascades).
drop policy if exists review_event_record on agency.artifact_review_events;
create policy review_event_record on agency.artifact_review_events for insert to agency_reviews with check (true);
grant select on agency.artifact_review_events to agency_app;
grant select, insert on agency.artifact_review_events to agency_reviews;

-- ------------------------------------------------------------------ the rule
-- The step a change of status is, by whom; null when it is no step of the workflow.
create or replace function agency.artifact_review_step(p_from text, p_to text, p_by_owner boolean) returns text
language sql immutable set search_path = '' as $$
  select case
    when p_from = p_to then null
    when p_to = 'archived' then 'archived'
    when p_from = 'archived' and p_to = 'draft' then 'unarchived'
    when p_from = 'draft' and p_to = 'in_review' then 'submitted'
    when p_from = 'in_review' and p_to = 'approved' then 'approved'
    when p_from = 'in_review' and p_to = 'draft' then case when p_by_owner then 'withdrawn' else 'changes_requested' end
    when p_from = 'approved' and p_to = 'draft' then 'reopened'
  end
$$;

-- A reviewer of an artifact: leadership, or the campaign's account director, creative director or
-- project manager on its team; never its owner, who does not approve their own work.
create or replace function agency.may_review_artifact(p_owner uuid, p_campaign uuid) returns boolean
language sql stable set search_path = '' as $$
  select agency.current_user_id() is not null
     and p_owner is distinct from agency.current_user_id()
     and (agency.has_role('leadership')
          or exists (select 1 from agency.campaign_team tm
                     where tm.tenant_id = agency.current_tenant_id() and tm.campaign_id = p_campaign
                       and tm.employee_id = agency.current_user_id()
                       and tm.team_role in ('account_director', 'creative_director', 'project_manager')))
$$;

-- Whether the caller may take the step. Submitting needs only the right to edit, which the
-- artifact_edit policy already decides for the UPDATE that carries it.
create or replace function agency.artifact_review_allowed(p_step text, p_owner uuid, p_campaign uuid) returns boolean
language sql stable set search_path = '' as $$
  select agency.current_user_id() is not null and case p_step
    when 'submitted' then true
    when 'approved' then agency.may_review_artifact(p_owner, p_campaign)
    when 'changes_requested' then agency.may_review_artifact(p_owner, p_campaign)
    when 'withdrawn' then p_owner = agency.current_user_id()
    when 'reopened' then p_owner = agency.current_user_id() or agency.may_review_artifact(p_owner, p_campaign)
    when 'archived' then p_owner = agency.current_user_id() or agency.has_role('admin') or agency.may_review_artifact(p_owner, p_campaign)
    when 'unarchived' then p_owner = agency.current_user_id() or agency.has_role('admin') or agency.may_review_artifact(p_owner, p_campaign)
    else false
  end
$$;

-- The steps the caller may take on an artifact now (the page's buttons); empty when they may not
-- see it. The trigger decides again on the change itself.
create or replace function agency.artifact_review_options(p_artifact uuid)
returns table (to_status text, step text, needs_reason boolean)
language sql stable set search_path = '' as $$
  select t.to_status, s.step, s.step in ('changes_requested', 'reopened')
  from agency.artifacts a
  cross join (values ('in_review'), ('approved'), ('draft'), ('archived')) as t (to_status)
  cross join lateral (select agency.artifact_review_step(a.status, t.to_status, a.owner_id = agency.current_user_id()) as step) s
  where a.tenant_id = agency.current_tenant_id() and a.id = p_artifact and a.deleted_at is null
    and s.step is not null and agency.artifact_review_allowed(s.step, a.owner_id, a.campaign_id)
  order by case t.to_status when 'in_review' then 1 when 'approved' then 2 when 'draft' then 3 else 4 end
$$;

create or replace function agency.check_artifact_review() returns trigger
language plpgsql volatile set search_path = '' as $$
declare
  v_step text;
begin
  if not agency.time_rules_bind() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'A new artifact starts as a draft; review moves it on.'
        using errcode = '42501', constraint = 'artifact_review_step';
    end if;
    return new;
  end if;
  if new.status = old.status then
    return new;
  end if;
  v_step := agency.artifact_review_step(old.status, new.status, old.owner_id = agency.current_user_id());
  if v_step is null or not agency.artifact_review_allowed(v_step, old.owner_id, old.campaign_id) then
    raise exception 'You may not move this artifact from % to %.', replace(old.status, '_', ' '), replace(new.status, '_', ' ')
      using errcode = '42501', constraint = 'artifact_review_step';
  end if;
  if v_step in ('changes_requested', 'reopened')
     and nullif(btrim(coalesce(current_setting('app.review_reason', true), '')), '') is null then
    raise exception 'Say what should change.' using errcode = '23514', constraint = 'artifact_review_reason';
  end if;
  return new;
end
$$;

drop trigger if exists check_review on agency.artifacts;
create trigger check_review before insert or update of status on agency.artifacts
  for each row execute function agency.check_artifact_review();

-- The app's way to take a step: the reason reaches the triggers for this transaction only.
create or replace function agency.review_artifact(p_artifact uuid, p_to text, p_reason text default null) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_status text;
begin
  perform pg_catalog.set_config('app.review_reason', coalesce(left(btrim(p_reason), 2000), ''), true);
  update agency.artifacts set status = p_to, updated_by = agency.current_user_id()
  where tenant_id = agency.current_tenant_id() and id = p_artifact and deleted_at is null
  returning status into v_status;
  perform pg_catalog.set_config('app.review_reason', '', true);
  if v_status is null then
    raise exception 'This artifact is gone, or it is not yours to change.' using errcode = '42501';
  end if;
  return v_status;
end
$$;

-- ------------------------------------------------------------------ notifications
alter table agency.notifications add column if not exists artifact_id uuid;
alter table agency.notifications drop constraint if exists notifications_artifact_id_fkey;
alter table agency.notifications add constraint notifications_artifact_id_fkey
  foreign key (tenant_id, artifact_id) references agency.artifacts (tenant_id, id) on delete cascade;
create index if not exists notifications_artifact_idx on agency.notifications (tenant_id, artifact_id) where artifact_id is not null;
alter table agency.notifications drop constraint if exists notifications_kind_check;
alter table agency.notifications add constraint notifications_kind_check check (kind in (
  'budget_alert', 'timesheet_submitted', 'timesheet_approved', 'timesheet_rejected', 'timesheet_unlocked',
  'timesheet_signed_off', 'timesheet_reminder', 'artifact_review', 'artifact_mention'));
alter table agency.notifications drop constraint if exists notifications_timesheet_week_check;
alter table agency.notifications add constraint notifications_timesheet_week_check check (
  kind = 'budget_alert' or kind like 'artifact\_%' or week_start_date is not null);
alter table agency.notifications drop constraint if exists notifications_artifact_check;
alter table agency.notifications add constraint notifications_artifact_check check (
  kind not like 'artifact\_%' or artifact_id is not null);

drop policy if exists notification_raise_review on agency.notifications;
create policy notification_raise_review on agency.notifications as permissive for insert to agency_reviews
  with check (kind in ('artifact_review', 'artifact_mention'));
grant insert on agency.notifications to agency_reviews;
grant select on agency.tenants, agency.employees, agency.campaign_team, agency.artifacts to agency_reviews;

-- After a step: the event, and who is told. Definer: the caller may not write events or raise
-- notifications; this role may do only that, inside the caller's tenant.
create or replace function agency.after_artifact_review() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $fn$
declare
  tenant constant uuid := agency.current_tenant_id();
  me constant uuid := agency.current_user_id();
  v_step text;
  v_reason text := nullif(btrim(coalesce(current_setting('app.review_reason', true), '')), '');
  v_actor text;
begin
  if tenant is null or tenant <> new.tenant_id or new.status = old.status then
    return null;
  end if;
  v_step := agency.artifact_review_step(old.status, new.status, old.owner_id = me);
  if v_step is null then
    return null;
  end if;
  insert into agency.artifact_review_events (tenant_id, artifact_id, from_status, to_status, step, reason, actor_id)
  values (tenant, new.id, old.status, new.status, v_step,
          case when v_step in ('changes_requested', 'reopened') then coalesce(v_reason, 'No reason given') else v_reason end, me);

  select e.full_name into v_actor from agency.employees e where e.tenant_id = tenant and e.id = me;
  v_actor := coalesce(v_actor, 'Someone');
  if me is distinct from new.owner_id then
    insert into agency.notifications (tenant_id, recipient_id, kind, artifact_id, campaign_id, title)
    values (tenant, new.owner_id, 'artifact_review', new.id, new.campaign_id,
            left(case v_step
                   when 'submitted' then format('%s submitted "%s" for review', v_actor, new.title)
                   when 'approved' then format('%s approved "%s"', v_actor, new.title)
                   when 'changes_requested' then format('%s asked for changes to "%s": %s', v_actor, new.title, v_reason)
                   when 'reopened' then format('%s reopened "%s": %s', v_actor, new.title, v_reason)
                   when 'archived' then format('%s archived "%s"', v_actor, new.title)
                   else format('%s moved "%s" back to draft', v_actor, new.title)
                 end, 300));
  end if;
  if v_step = 'submitted' then
    -- Who will review it: the campaign's reviewers on its team, else leadership; never its owner or the submitter.
    insert into agency.notifications (tenant_id, recipient_id, kind, artifact_id, campaign_id, title)
    with team as (
      select distinct tm.employee_id as id
      from agency.campaign_team tm
      join agency.employees e on e.tenant_id = tm.tenant_id and e.id = tm.employee_id and e.active and e.deleted_at is null
      where tm.tenant_id = tenant and tm.campaign_id = new.campaign_id
        and tm.team_role in ('account_director', 'creative_director', 'project_manager')
        and tm.employee_id <> new.owner_id and tm.employee_id is distinct from me)
    select tenant, r.id, 'artifact_review', new.id, new.campaign_id,
           left(format('%s submitted "%s" for your review', v_actor, new.title), 300)
    from (select id from team
          union
          select e.id from agency.employees e
          where e.tenant_id = tenant and e.agency_role = 'leadership' and e.active and e.deleted_at is null
            and e.id <> new.owner_id and e.id is distinct from me and not exists (select 1 from team)) r;
  end if;
  return null;
end
$fn$;

drop trigger if exists after_review on agency.artifacts;
create trigger after_review after update of status on agency.artifacts
  for each row execute function agency.after_artifact_review();

-- ------------------------------------------------------------------ comments
alter table agency.artifact_comments add column if not exists quote_text text
  check (quote_text is null or length(quote_text) between 1 and 1000);
alter table agency.artifact_comments add column if not exists quote_start integer check (quote_start is null or quote_start >= 0);
alter table agency.artifact_comments add column if not exists resolved_by uuid;
alter table agency.artifact_comments add column if not exists resolved_at timestamptz;
alter table agency.artifact_comments drop constraint if exists artifact_comments_resolved_by_fkey;
alter table agency.artifact_comments add constraint artifact_comments_resolved_by_fkey
  foreign key (tenant_id, resolved_by) references agency.employees (tenant_id, id);
create index if not exists artifact_comments_resolved_by_idx on agency.artifact_comments (tenant_id, resolved_by) where resolved_by is not null;
create index if not exists artifact_comments_thread_idx on agency.artifact_comments (tenant_id, artifact_id, parent_comment_id);
-- A reply belongs to its parent's artifact (the key first goes with the constraint it rests on).
alter table agency.artifact_comments drop constraint if exists artifact_comments_reply_same_artifact_fkey;
alter table agency.artifact_comments drop constraint if exists artifact_comments_in_artifact_key;
alter table agency.artifact_comments add constraint artifact_comments_in_artifact_key unique (tenant_id, artifact_id, id);
alter table agency.artifact_comments add constraint artifact_comments_reply_same_artifact_fkey
  foreign key (tenant_id, artifact_id, parent_comment_id) references agency.artifact_comments (tenant_id, artifact_id, id) on delete cascade;

-- Resolving and reopening is for everyone who reads the artifact; the trigger keeps the rest of a
-- comment its author's (or an admin's), as comment_edit did alone before.
drop policy if exists comment_resolve on agency.artifact_comments;
create policy comment_resolve on agency.artifact_comments as permissive for update
  using ((select agency.has_any_role(array['leadership', 'admin']))
         or exists (select 1 from agency.artifacts a where a.tenant_id = artifact_comments.tenant_id and a.id = artifact_comments.artifact_id))
  with check ((select agency.has_any_role(array['leadership', 'admin']))
         or exists (select 1 from agency.artifacts a where a.tenant_id = artifact_comments.tenant_id and a.id = artifact_comments.artifact_id));

create or replace function agency.check_artifact_comment() returns trigger
language plpgsql volatile set search_path = '' as $$
declare
  me constant uuid := agency.current_user_id();
begin
  if not agency.time_rules_bind() then
    return new;
  end if;
  if (new.body, new.artifact_id, new.parent_comment_id, new.author_id, new.quote_text, new.quote_start, new.deleted_at)
       is distinct from (old.body, old.artifact_id, old.parent_comment_id, old.author_id, old.quote_text, old.quote_start, old.deleted_at)
     and old.author_id is distinct from me and not agency.has_role('admin') then
    raise exception 'Only its author changes a comment; anyone on the artifact may resolve or reopen it.'
      using errcode = '42501', constraint = 'artifact_comment_author';
  end if;
  if new.resolved is distinct from old.resolved then
    new.resolved_by := case when new.resolved then me end;
    new.resolved_at := case when new.resolved then now() end;
  elsif (new.resolved_by, new.resolved_at) is distinct from (old.resolved_by, old.resolved_at) then
    raise exception 'Who resolved a comment, and when, is kept by the database.'
      using errcode = '42501', constraint = 'artifact_comment_resolver';
  end if;
  return new;
end
$$;

drop trigger if exists check_comment on agency.artifact_comments;
create trigger check_comment before update on agency.artifact_comments
  for each row execute function agency.check_artifact_comment();

-- "@Full Name" in a new comment notifies that person when they may read the artifact (its owner,
-- leadership and admins, its campaign's team: artifact_read), and never its author.
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
    and (e.id = a.owner_id or e.agency_role in ('leadership', 'admin')
         or exists (select 1 from agency.campaign_team tm
                    where tm.tenant_id = a.tenant_id and tm.campaign_id = a.campaign_id and tm.employee_id = e.id));
  return null;
end
$fn$;

drop trigger if exists after_comment on agency.artifact_comments;
create trigger after_comment after insert on agency.artifact_comments
  for each row execute function agency.after_artifact_comment();

-- ------------------------------------------------------------------ the activity feed
create or replace function agency.get_recent_activity(p_limit integer default 20, p_user_id uuid default null)
returns table (activity_type text, occurred_at timestamptz, actor_id uuid, actor_name text,
               entity_type text, entity_id uuid, title text, detail text, campaign_id uuid)
language plpgsql stable set search_path = '' as $fn$
begin
  return query
  select x.activity_type, x.occurred_at, x.actor_id, e.full_name, x.entity_type, x.entity_id, x.title, x.detail, x.campaign_id
  from (
    (select case when v.version_number = 1 then 'artifact_created' else 'artifact_edited' end as activity_type,
            v.created_at as occurred_at, v.created_by as actor_id, 'artifact' as entity_type, a.id as entity_id,
            a.title, 'Version ' || v.version_number as detail, a.campaign_id
     from agency.artifact_versions v
     join agency.artifacts a on a.tenant_id = v.tenant_id and a.id = v.artifact_id
     where v.tenant_id = agency.current_tenant_id() and a.deleted_at is null
       and (p_user_id is null or v.created_by = p_user_id)
     order by v.created_at desc limit p_limit)
    union all
    (select 'comment_added', cm.created_at, cm.author_id, 'artifact', a.id, a.title, left(cm.body, 140), a.campaign_id
     from agency.artifact_comments cm
     join agency.artifacts a on a.tenant_id = cm.tenant_id and a.id = cm.artifact_id
     where cm.tenant_id = agency.current_tenant_id() and cm.deleted_at is null and a.deleted_at is null
       and (p_user_id is null or cm.author_id = p_user_id)
     order by cm.created_at desc limit p_limit)
    union all
    (select 'artifact_' || r.step, r.created_at, r.actor_id, 'artifact', a.id, a.title,
            left(upper(left(r.step, 1)) || replace(substr(r.step, 2), '_', ' ') || coalesce(': ' || r.reason, ''), 140), a.campaign_id
     from agency.artifact_review_events r
     join agency.artifacts a on a.tenant_id = r.tenant_id and a.id = r.artifact_id
     where r.tenant_id = agency.current_tenant_id() and a.deleted_at is null
       and (p_user_id is null or r.actor_id = p_user_id)
     order by r.created_at desc limit p_limit)
    union all
    (select 'timesheet_approved', r.approved_at, r.approved_by, 'timesheet', r.employee_id,
            'Week of ' || to_char(r.week_start_date, 'YYYY-MM-DD'), r.hours || ' h approved', null::uuid
     from agency.recent_timesheet_approvals(p_limit, p_user_id) r)
    union all
    (select 'timesheet_submitted', w.submitted_at, w.employee_id, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), 'Submitted for approval', null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.submitted_at is not null
       and (p_user_id is null or w.employee_id = p_user_id)
     order by w.submitted_at desc limit p_limit)
    union all
    (select 'timesheet_rejected', w.rejected_at, w.rejected_by, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), left('Rejected: ' || w.rejection_reason, 140), null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.rejected_at is not null
       and (p_user_id is null or w.rejected_by = p_user_id)
     order by w.rejected_at desc limit p_limit)
    union all
    (select 'timesheet_unlocked', w.unlocked_at, w.unlocked_by, 'timesheet', w.employee_id,
            'Week of ' || to_char(w.week_start_date, 'YYYY-MM-DD'), left('Unlocked: ' || w.unlock_reason, 140), null::uuid
     from agency.timesheet_weeks w
     where w.tenant_id = agency.current_tenant_id() and w.unlocked_at is not null
       and (p_user_id is null or w.unlocked_by = p_user_id)
     order by w.unlocked_at desc limit p_limit)
    union all
    (select 'campaign_updated', c.updated_at, c.updated_by, 'campaign', c.id, c.name,
            'Status: ' || replace(c.status, '_', ' '), c.id
     from agency.campaigns c
     where c.tenant_id = agency.current_tenant_id() and c.deleted_at is null
       and (p_user_id is null or c.updated_by = p_user_id)
     order by c.updated_at desc limit p_limit)
  ) x
  left join agency.employees e on e.tenant_id = agency.current_tenant_id() and e.id = x.actor_id
  order by x.occurred_at desc
  limit p_limit;
end
$fn$;

-- ------------------------------------------------------------------ the library
-- The library shows each page's latest step from the events (ArtifactQueries, for the page's rows
-- only). v_artifact_library keeps its columns: 006 redefines it, and the files must apply again in
-- order (a view cannot lose columns on create or replace), so it gains none here.

-- ------------------------------------------------------------------ definer functions' owner
grant create on schema agency to agency_reviews;
alter function agency.after_artifact_review() owner to agency_reviews;
alter function agency.after_artifact_comment() owner to agency_reviews;
revoke create on schema agency from agency_reviews;
revoke execute on function agency.after_artifact_review(), agency.after_artifact_comment() from public;
grant execute on function agency.artifact_review_step(text, text, boolean), agency.may_review_artifact(uuid, uuid),
  agency.artifact_review_allowed(text, uuid, uuid), agency.time_rules_bind() to agency_reviews;
grant execute on function agency.artifact_review_step(text, text, boolean), agency.may_review_artifact(uuid, uuid),
  agency.artifact_review_allowed(text, uuid, uuid), agency.artifact_review_options(uuid),
  agency.review_artifact(uuid, text, text), agency.check_artifact_review(), agency.check_artifact_comment() to agency_app;
