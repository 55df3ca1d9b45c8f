-- 028 artifact versions by editing burst (issue 14). The editor saves a second or two after typing
-- stops; 002's trigger made a version of every save, so an hour's writing became hundreds of
-- versions and the history unreadable. Now, in the trigger:
--   * a save by the same person within 10 minutes of the start of their latest version, when that
--     version is an autosave (no summary) and still the artifact's latest, rewrites that version
--     (one version per author per burst);
--   * anyone else's save, a later one, or a save after an explicit version makes a new version;
--   * "Save version" and "Restore" set app.version_summary for their transaction: that save always
--     makes a new version carrying the summary, even when the text did not change.
-- Versions were never updated before; artifact_versions now admits an UPDATE only of the caller's
-- own latest autosave version (the policy below), which is all the trigger needs. History is
-- otherwise never rewritten: a restore is a new version.

create or replace function agency.create_artifact_version() returns trigger
language plpgsql volatile set search_path = '' as $$
declare
  v_author uuid := coalesce(agency.current_user_id(), new.updated_by);
  v_summary text := nullif(btrim(coalesce(current_setting('app.version_summary', true), '')), '');
  v_latest agency.artifact_versions;
begin
  if tg_op = 'INSERT' then
    insert into agency.artifact_versions (tenant_id, artifact_id, version_number, title, content, change_summary, created_by)
    values (new.tenant_id, new.id, new.current_version, new.title, new.content, coalesce(v_summary, 'Created'), new.created_by);
    return new;
  end if;

  new.current_version := old.current_version;
  if v_summary is null and new.title is not distinct from old.title and new.content is not distinct from old.content then
    return new;
  end if;

  if v_summary is null then
    select v.* into v_latest
    from agency.artifact_versions v
    where v.tenant_id = new.tenant_id and v.artifact_id = new.id and v.version_number = old.current_version;
    if v_latest.id is not null and v_latest.change_summary is null and v_latest.created_by = v_author
       and v_latest.created_at > now() - interval '10 minutes' then
      update agency.artifact_versions v set title = new.title, content = new.content
      where v.tenant_id = v_latest.tenant_id and v.id = v_latest.id;
      return new;
    end if;
  end if;

  new.current_version := old.current_version + 1;
  insert into agency.artifact_versions (tenant_id, artifact_id, version_number, title, content, change_summary, created_by)
  values (new.tenant_id, new.id, new.current_version, new.title, new.content, v_summary, v_author);
  return new;
end
$$;

-- Only the trigger's rewrite: one's own autosave version that is still the artifact's latest.
drop policy if exists version_burst on agency.artifact_versions;
create policy version_burst on agency.artifact_versions as permissive for update
  using (created_by = (select agency.current_user_id()) and change_summary is null
         and exists (select 1 from agency.artifacts a
                     where a.tenant_id = artifact_versions.tenant_id and a.id = artifact_versions.artifact_id
                       and a.current_version = artifact_versions.version_number))
  with check (created_by = (select agency.current_user_id()) and change_summary is null);
