-- 049: the knowledge worker is woken when there is work, instead of asking every tenant's queue
-- every second.
--
-- 039's worker listed the tenants and claimed from each tenant's two queues once a second, idle
-- or not: 1 + 2 x tenants transactions a second for ever (7/s with the demo's three, 2,001/s
-- with a thousand tenants). Queuing a job now also notifies the channel 'workroom_jobs' with the
-- tenant's id (delivered at commit, and not at all if the transaction rolls back); the worker
-- LISTENs on one connection, works that tenant's queue when told, and sweeps every tenant only
-- every 30 s, for the retries that finish_job puts minutes ahead and for leases that ran out.
-- The payload is a tenant id, heard only by sessions of the app's own roles that LISTEN.
create or replace function agency.enqueue_knowledge_index(p_kind text, p_subject uuid) returns void
language plpgsql volatile set search_path = '' as $$
begin
  insert into agency.jobs (kind, subject_id, payload)
  select p_kind, p_subject, pg_catalog.jsonb_build_object('subject_id', p_subject)
  where p_kind in ('index_document', 'index_artifact')
    and agency.current_user_id() is not null
    and not exists (select 1 from agency.jobs j
                    where j.tenant_id = agency.current_tenant_id() and j.kind = p_kind and j.subject_id = p_subject
                      and j.status = 'queued' and j.attempts = 0);
  if found then
    perform pg_catalog.pg_notify('workroom_jobs', agency.current_tenant_id()::text);
  end if;
end
$$;
