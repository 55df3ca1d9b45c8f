-- 014 policy shortcuts, from what ./workroom bench measured at x20 (issue 6). A comment or a
-- version is visible when its artifact is: 007 checks that with an EXISTS over artifacts for
-- every row, and that EXISTS runs the artifact's own policy again. Leadership and admin see
-- every artifact (artifact_read), so for them the answer is yes before any row is read: said
-- first, as a one-time test, the per-row check is skipped (the artifact library's comment counts
-- no longer run it: "never executed" in the plan). The same rows for every role.
do $rules$
declare r record;
begin
  for r in select * from (values
    ('agency.artifact_versions', 'version_read',
     $p$(select agency.has_any_role(array['leadership', 'admin']))
        or exists (select 1 from agency.artifacts a where a.tenant_id = artifact_versions.tenant_id and a.id = artifact_versions.artifact_id)$p$),
    ('agency.artifact_comments', 'comment_read',
     $p$(select agency.has_any_role(array['leadership', 'admin']))
        or exists (select 1 from agency.artifacts a where a.tenant_id = artifact_comments.tenant_id and a.id = artifact_comments.artifact_id)$p$)
  ) as rule (tbl, name, using_expr) loop
    execute format('drop policy if exists %I on %s', r.name, r.tbl);
    execute format('create policy %I on %s as permissive for select using (%s)', r.name, r.tbl, r.using_expr);
  end loop;
end
$rules$;
