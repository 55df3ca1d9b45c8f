using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Knowledge;

public interface IKnowledgeQueries
{
    /// <summary>The documents the person may read (007, 039), newest change first, with where each stands in the index.</summary>
    Task<IReadOnlyList<KnowledgeDocumentRow>> ListAsync(KnowledgeFilter filter, CancellationToken cancellationToken = default);

    Task<KnowledgeDocumentDetail?> GetAsync(Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>Every tag in use, for the filter.</summary>
    Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OptionDto>> ClientOptionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OptionDto>> CampaignOptionsAsync(CancellationToken cancellationToken = default);
}

public sealed class KnowledgeQueries(UnitOfWork unitOfWork) : IKnowledgeQueries
{
    public const int Limit = 500;

    public Task<IReadOnlyList<KnowledgeDocumentRow>> ListAsync(KnowledgeFilter filter, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<KnowledgeDocumentRow>>(async (db, ct) =>
        {
            var search = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim();
            var pattern = search is null ? null : SearchPattern.Contains(search);
            // The status is the latest indexing job's: queued, embedding (running), ready (done) or
            // failed; a document with none was indexed by the seed (ready) or never (not_indexed).
            return await db.Database.SqlQuery<KnowledgeDocumentRow>($"""
                select * from (
                  select d.id, d.title, d.doc_type,
                         case when d.campaign_id is not null then 'campaign' when d.client_id is not null then 'client' else 'tenant' end as scope,
                         coalesce(c.code || ' ' || c.name, cl.name) as scope_name, d.team_only, d.tags, d.updated_at,
                         (select count(*)::int from agency.knowledge_chunks k where k.tenant_id = d.tenant_id and k.document_id = d.id) as passages,
                         case j.status when 'queued' then 'queued' when 'running' then 'embedding' when 'done' then 'ready' when 'failed' then 'failed'
                           else case when exists (select 1 from agency.knowledge_chunks k where k.tenant_id = d.tenant_id and k.document_id = d.id)
                                     then 'ready' else 'not_indexed' end end as status,
                         j.progress_done, j.progress_total, coalesce(j.attempts, 0) as attempts, j.last_error
                  from agency.knowledge_documents d
                  left join agency.campaigns c on c.tenant_id = d.tenant_id and c.id = d.campaign_id
                  left join agency.clients cl on cl.tenant_id = d.tenant_id and cl.id = d.client_id
                  left join lateral (select j.status, j.progress_done, j.progress_total, j.attempts, j.last_error
                                     from agency.jobs j
                                     where j.tenant_id = d.tenant_id and j.kind = 'index_document' and j.subject_id = d.id
                                     order by j.created_at desc, j.id desc limit 1) j on true
                  where d.deleted_at is null
                    and ({search}::text is null or d.search_vector @@ websearch_to_tsquery('english', {search})
                         or d.title ilike {pattern} escape '\' or d.tags @> array[lower({search})])
                    and ({filter.Tag}::text is null or {filter.Tag} = any (d.tags))
                ) x
                where ({filter.Scope}::text is null or x.scope = {filter.Scope})
                  and ({filter.Status}::text is null or x.status = {filter.Status})
                order by x.updated_at desc, x.id
                limit {Limit}
                """).ToListAsync(ct);
        }, cancellationToken);

    public Task<KnowledgeDocumentDetail?> GetAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) => await db.Set<KnowledgeDocument>().AsNoTracking()
            .Where(d => d.Id == documentId && d.DeletedAt == null)
            .Select(d => new KnowledgeDocumentDetail
            {
                Id = d.Id, Version = d.Version, Title = d.Title, DocType = d.DocType, ClientId = d.ClientId, CampaignId = d.CampaignId,
                TeamOnly = d.TeamOnly, Tags = d.Tags, Content = d.Content,
            }).SingleOrDefaultAsync(ct), cancellationToken);

    public Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<string>>(async (db, ct) => await db.Database.SqlQuery<string>(
            $"select distinct t as \"Value\" from agency.knowledge_documents d, unnest(d.tags) t where d.deleted_at is null order by 1").ToListAsync(ct),
            cancellationToken);

    public Task<IReadOnlyList<OptionDto>> ClientOptionsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<OptionDto>>(async (db, ct) => await db.Set<Client>().AsNoTracking().Where(c => c.DeletedAt == null)
            .OrderBy(c => c.Name).Select(c => new OptionDto(c.Id, c.Name)).ToListAsync(ct), cancellationToken);

    public Task<IReadOnlyList<OptionDto>> CampaignOptionsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<OptionDto>>(async (db, ct) => await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.DeletedAt == null).OrderBy(c => c.Code).Select(c => new OptionDto(c.Id, c.Code + " " + c.Name)).ToListAsync(ct),
            cancellationToken);
}
