-- 040 the assistant: names resolved by trigram similarity, the figures an answer used kept on its
-- message, and the guardrails that hold whatever the app does (question size, questions a minute).
--
-- Names: a question names a campaign, client or person loosely ("the sprng launch", "Acme").
-- agency.assistant_resolve_names ranks what the caller may see (it runs as the caller, so the
-- policies of 007 decide; another tenant's names are never candidates) by pg_trgm's
-- word_similarity: how well the name matches some run of words in the question. The trigram
-- indexes serve the owner's and maintenance queries; under row-level security the planner reads the
-- tenant's rows by its key (a few thousand names at x20, a scan of well under a millisecond a kind).
--
-- Conversations: 007 already keeps them to their person (conversation_owner: user_id is the
-- caller; message_owner: the conversation is visible, so one's own). Messages now carry the
-- figures the answer used (the tool results, not text) and the intent the question was routed to.
-- Questions are at most 1000 characters, and a person asks at most 12 questions a minute: the
-- limit counts their own recent questions in the table, so it holds across app instances.

create extension if not exists pg_trgm;

alter table agency.ai_messages add column if not exists figures jsonb not null default '[]';
alter table agency.ai_messages add column if not exists intent text;
alter table agency.ai_messages drop constraint if exists ai_messages_figures_array;
alter table agency.ai_messages add constraint ai_messages_figures_array check (jsonb_typeof(figures) = 'array');
alter table agency.ai_messages drop constraint if exists ai_messages_question_size;
alter table agency.ai_messages add constraint ai_messages_question_size check (role <> 'user' or length(content) <= 1000);

create index if not exists ai_messages_asker_recent_idx on agency.ai_messages (tenant_id, created_by, created_at)
  where role = 'user';

create index if not exists campaigns_name_trgm_idx on agency.campaigns using gin (name gin_trgm_ops);
create index if not exists clients_name_trgm_idx on agency.clients using gin (name gin_trgm_ops);
create index if not exists employees_full_name_trgm_idx on agency.employees using gin (full_name gin_trgm_ops);

-- At most this many questions by one person in any minute.
create or replace function agency.assistant_questions_per_minute() returns integer
language sql immutable parallel safe return 12;

create or replace function agency.assistant_rate_limit() returns trigger
language plpgsql set search_path = pg_catalog, public as $$
begin
  if new.role = 'user' and (
      select count(*) from agency.ai_messages m
      where m.tenant_id = new.tenant_id and m.created_by = agency.current_user_id() and m.role = 'user'
        and m.created_at > now() - interval '1 minute') >= agency.assistant_questions_per_minute() then
    raise exception 'too many questions: at most % a minute', agency.assistant_questions_per_minute()
      using errcode = '54000', hint = 'assistant_rate_limit';
  end if;
  return new;
end
$$;

drop trigger if exists assistant_rate_limit on agency.ai_messages;
create trigger assistant_rate_limit before insert on agency.ai_messages
  for each row execute function agency.assistant_rate_limit();

-- Campaigns (by name or code), clients and people the question may name, best first. Runs as the
-- caller: only rows the caller may read are candidates.
create or replace function agency.assistant_resolve_names(question text, min_score real default 0.45, max_rows integer default 8)
returns table (kind text, id uuid, name text, score real)
language sql stable set search_path = pg_catalog, public as $$
  select * from (
    select 'campaign'::text, c.id, c.name,
           greatest(word_similarity(lower(c.name), lower(question)),
                    case when position(lower(c.code) in lower(question)) > 0 then 1 else 0 end)::real
    from agency.campaigns c
    where c.deleted_at is null
    union all
    select 'client', k.id, k.name, word_similarity(lower(k.name), lower(question))
    from agency.clients k
    where k.deleted_at is null
    union all
    select 'person', e.id, e.full_name, word_similarity(lower(e.full_name), lower(question))
    from agency.employees e
    where e.deleted_at is null and e.active
  ) n (kind, id, name, score)
  where n.score >= min_score
  order by n.score desc, length(n.name) desc, n.name
  limit greatest(max_rows, 0)
$$;

grant execute on function agency.assistant_resolve_names(text, real, integer) to agency_app;
grant execute on function agency.assistant_questions_per_minute() to agency_app;
