using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Session;
using AgencyWorkroom.Data.Views;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Artifacts;

public interface IArtifactQueries
{
    /// <summary>A page of the library; with a search, ranked by relevance unless a sort is asked for, with snippets.</summary>
    Task<Page<ArtifactListItem>> ListAsync(ArtifactFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every row the filter selects, in the list's order, for export (capped).</summary>
    Task<List<ArtifactListItem>> ExportAsync(ArtifactFilter filter, PageRequest order, CancellationToken cancellationToken = default);

    /// <summary>The artifact page; null when there is no such artifact (or row-level security hides it).</summary>
    Task<ArtifactDetailDto?> GetAsync(Guid artifactId, CancellationToken cancellationToken = default);

    /// <summary>The artifact's versions, newest first; empty when it is not the caller's to see.</summary>
    Task<IReadOnlyList<ArtifactVersionRow>> ListVersionsAsync(Guid artifactId, CancellationToken cancellationToken = default);

    /// <summary>Two versions compared line by line, older first; null when either is not the caller's to see.</summary>
    Task<ArtifactComparison?> CompareAsync(Guid artifactId, int older, int newer, CancellationToken cancellationToken = default);

    /// <summary>Clients, brands and people, for the filters.</summary>
    Task<ArtifactOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Campaigns whose code or name contains the text (a large tenant has thousands), or the one of the id:
    /// for the campaign filter, or with <paramref name="toAddArtifacts"/> only the open campaigns the caller may add
    /// an artifact to (agency.may_add_artifacts_to), for "New artifact".</summary>
    Task<IReadOnlyList<CampaignOptionDto>> FindCampaignsAsync(string? text, Guid? id = null, bool toAddArtifacts = false, CancellationToken cancellationToken = default);

    /// <summary>The agency's artifact templates, by type then name.</summary>
    Task<IReadOnlyList<ArtifactTemplateDto>> ListTemplatesAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The artifact library, from agency.v_artifact_library under the caller's policies: an
/// artifact is its owner's, its campaign team's, leadership's and admins' (007). Full-text
/// search matches agency.artifacts.search_vector (title weighted A, content B) with
/// websearch_to_tsquery, ranks by ts_rank_cd and cuts snippets with ts_headline for the page's
/// rows only (decision 013 says what the GIN index can and cannot do under row-level security).
/// </summary>
public sealed class ArtifactQueries(UnitOfWork unitOfWork) : IArtifactQueries
{
    public const int ExportLimit = 50_000;

    public const int CampaignsOffered = 50;

    /// <summary>The text search configuration of agency.artifacts.search_vector (002).</summary>
    public const string TextSearchConfig = "english";

    /// <summary>The sort a search uses when no column is asked for.</summary>
    public const string RankSort = "rank";

    public static readonly SortColumns<ArtifactListItem> Sort = new SortColumns<ArtifactListItem>("updated", defaultDescending: true)
        .Add("title", a => a.Row.Title)
        .Add("type", a => a.Row.ArtifactType)
        .Add("status", a => a.Row.Status)
        .Add("campaign", a => a.Row.CampaignCode)
        .Add("client", a => a.Row.ClientName)
        .Add("owner", a => a.Row.OwnerName)
        .Add("comments", a => a.Row.OpenCommentCount)
        .Add("updated", a => a.Row.UpdatedAt)
        .Add(RankSort, a => a.Rank);

    public Task<Page<ArtifactListItem>> ListAsync(ArtifactFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var result = await Filtered(db, filter).ToPageAsync(q => Ordered(q, filter, page), page, ct);
            var items = await ReviewStepsAsync(db, await SnippetsAsync(db, filter, result.Items, ct), ct);
            var thumbnails = await ArtifactAttachmentQueries.FirstThumbnailsAsync(db, [.. items.Select(i => i.Row.ArtifactId)], ct);
            return result with
            {
                Items = [.. items.Select(i => thumbnails.TryGetValue(i.Row.ArtifactId, out var thumbnail)
                    ? new ArtifactListItem
                    {
                        Row = i.Row, Rank = i.Rank, Snippet = i.Snippet, LastReviewStep = i.LastReviewStep, LastReviewReason = i.LastReviewReason,
                        ThumbnailId = thumbnail,
                    }
                    : i)],
            };
        }, cancellationToken);

    public Task<List<ArtifactListItem>> ExportAsync(ArtifactFilter filter, PageRequest order, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => Ordered(Filtered(db, filter), filter, order).Take(ExportLimit).ToListAsync(ct), cancellationToken);

    // A search without a chosen column is ranked, best first; the id breaks ties, so pages never repeat or skip a row.
    private static IOrderedQueryable<ArtifactListItem> Ordered(IQueryable<ArtifactListItem> query, ArtifactFilter filter, PageRequest request)
    {
        var searching = !string.IsNullOrWhiteSpace(filter.Search);
        var chosen = request.SortBy is { } by && (by != RankSort || searching) ? request : null;
        var ordered = chosen is not null ? Sort.Apply(query, chosen)
            : searching ? query.OrderByDescending(a => a.Rank).ThenByDescending(a => a.Row.UpdatedAt)
            : Sort.Apply(query, request with { SortBy = null });
        return ordered.ThenBy(a => a.Row.ArtifactId);
    }

    private static IQueryable<ArtifactListItem> Filtered(WorkroomDbContext db, ArtifactFilter filter)
    {
        var rows = db.Set<ArtifactLibraryRow>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            rows = rows.Where(a => a.ArtifactType == filter.Type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            rows = rows.Where(a => a.Status == filter.Status);
        }

        if (filter.ClientId is { } client)
        {
            rows = rows.Where(a => a.ClientId == client);
        }

        if (filter.BrandId is { } brand)
        {
            rows = rows.Where(a => a.BrandId == brand);
        }

        if (filter.CampaignId is { } campaign)
        {
            rows = rows.Where(a => a.CampaignId == campaign);
        }

        if (filter.OwnerId is { } owner)
        {
            rows = rows.Where(a => a.OwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim();
            rows = rows.Where(a => a.Tags.Contains(tag));
        }

        // Whole days, in the server's calendar: from the start of the first to the end of the last.
        if (filter.UpdatedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(a => a.UpdatedAt >= start);
        }

        if (filter.UpdatedTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(a => a.UpdatedAt < end);
        }

        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            return rows.Select(a => new ArtifactListItem { Row = a });
        }

        var text = filter.Search.Trim();
        return from a in rows
               join x in db.Set<Artifact>() on a.ArtifactId equals x.Id
               where x.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(TextSearchConfig, text))
               select new ArtifactListItem { Row = a, Rank = x.SearchVector.RankCoverDensity(EF.Functions.WebSearchToTsQuery(TextSearchConfig, text)) };
    }

    // ts_headline re-reads the content, so it runs for the page's rows only (25, not every match).
    private static async Task<IReadOnlyList<ArtifactListItem>> SnippetsAsync(
        WorkroomDbContext db, ArtifactFilter filter, IReadOnlyList<ArtifactListItem> items, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(filter.Search) || items.Count == 0)
        {
            return items;
        }

        var text = filter.Search.Trim();
        var ids = items.Select(i => i.Row.ArtifactId).ToList();
        var snippets = await db.Set<Artifact>().AsNoTracking()
            .Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, Snippet = EF.Functions.WebSearchToTsQuery(TextSearchConfig, text).GetResultHeadline(x.Content, ArtifactSnippet.HeadlineOptions) })
            .ToDictionaryAsync(x => x.Id, x => x.Snippet, ct);
        return items.Select(i => new ArtifactListItem { Row = i.Row, Rank = i.Rank, Snippet = snippets.GetValueOrDefault(i.Row.ArtifactId) }).ToList();
    }

    // The latest review step of each of the page's rows (036), read as the artifacts are.
    private static async Task<IReadOnlyList<ArtifactListItem>> ReviewStepsAsync(
        WorkroomDbContext db, IReadOnlyList<ArtifactListItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return items;
        }

        var ids = items.Select(i => i.Row.ArtifactId).ToArray();
        var steps = await db.Database.SqlQuery<LatestStep>($"""
            select distinct on (r.artifact_id) r.artifact_id, r.step, r.reason
            from agency.artifact_review_events r
            where r.artifact_id = any({ids})
            order by r.artifact_id, r.created_at desc
            """).ToDictionaryAsync(x => x.ArtifactId, ct);
        return items.Select(i => steps.TryGetValue(i.Row.ArtifactId, out var step)
            ? new ArtifactListItem { Row = i.Row, Rank = i.Rank, Snippet = i.Snippet, LastReviewStep = step.Step, LastReviewReason = step.Reason }
            : i).ToList();
    }

    public Task<ArtifactDetailDto?> GetAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var found = await (
                    from a in db.Set<ArtifactLibraryRow>().AsNoTracking()
                    join x in db.Set<Artifact>() on a.ArtifactId equals x.Id
                    where a.ArtifactId == artifactId
                    select new
                    {
                        Row = a,
                        x.Content,
                        x.DueDate,
                        UpdatedBy = db.Set<Employee>().Where(e => e.Id == (x.UpdatedBy ?? x.CreatedBy)).Select(e => e.FullName).FirstOrDefault(),
                    })
                .SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }

            var version = await db.Database.SqlQuery<long>($"""select xmin::text::bigint as "Value" from agency.artifacts where id = {artifactId}""").SingleAsync(ct);
            return new ArtifactDetailDto(found.Row, found.Content, found.UpdatedBy, (uint)version, found.DueDate);
        }, cancellationToken);

    public Task<IReadOnlyList<ArtifactVersionRow>> ListVersionsAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ArtifactVersionRow>>(async (db, ct) => await db.Database.SqlQuery<ArtifactVersionRow>($"""
            select v.version_number, v.title, v.change_summary, e.full_name as author_name, v.created_at, v.updated_at,
                   length(v.content) as length,
                   length(v.content) - coalesce(lag(length(v.content)) over (order by v.version_number), 0) as size_change
            from agency.artifact_versions v
            left join agency.employees e on e.tenant_id = v.tenant_id and e.id = v.created_by
            where v.artifact_id = {artifactId}
            order by v.version_number desc
            """).ToListAsync(ct), cancellationToken);

    public Task<ArtifactComparison?> CompareAsync(Guid artifactId, int older, int newer, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var texts = await db.Database.SqlQuery<VersionText>($"""
                select v.version_number, v.content from agency.artifact_versions v
                where v.artifact_id = {artifactId} and v.version_number in ({older}, {newer})
                """).ToDictionaryAsync(v => v.VersionNumber, v => v.Content ?? "", ct);
            return texts.TryGetValue(older, out var before) && texts.TryGetValue(newer, out var after)
                ? ArtifactComparison.Of(older, newer, before, after)
                : null;
        }, cancellationToken);

    public Task<ArtifactOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var clients = await db.Set<Client>()
                .Where(c => c.DeletedAt == null)
                .OrderBy(c => c.Name)
                .Select(c => new OptionDto(c.Id, c.Name))
                .ToListAsync(ct);
            var brands = await db.Set<Brand>()
                .Where(b => b.DeletedAt == null)
                .OrderBy(b => b.Name)
                .Select(b => new BrandOptionDto(b.Id, b.ClientId, b.Name))
                .ToListAsync(ct);
            var people = await db.Set<Employee>()
                .Where(e => e.DeletedAt == null)
                .OrderBy(e => e.FullName)
                .Select(e => new OptionDto(e.Id, e.FullName))
                .ToListAsync(ct);
            return new ArtifactOptionsDto(clients, brands, people);
        }, cancellationToken);

    public Task<IReadOnlyList<CampaignOptionDto>> FindCampaignsAsync(string? text, Guid? id = null, bool toAddArtifacts = false, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<CampaignOptionDto>>(async (db, ct) =>
        {
            var campaigns = db.Set<Campaign>().Where(c => c.DeletedAt == null);
            if (toAddArtifacts)
            {
                campaigns = campaigns.Where(c => c.Status != "completed" && c.Status != "cancelled" && WorkroomDbContext.MayAddArtifactsTo(c.Id));
            }

            if (id is { } one)
            {
                campaigns = campaigns.Where(c => c.Id == one);
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                var pattern = SearchPattern.Contains(text);
                campaigns = campaigns.Where(c => EF.Functions.ILike(c.Name, pattern, SearchPattern.Escape) || EF.Functions.ILike(c.Code, pattern, SearchPattern.Escape));
            }

            return await campaigns
                .OrderByDescending(c => c.StartDate).ThenBy(c => c.Code)
                .Take(CampaignsOffered)
                .Select(c => new CampaignOptionDto(c.Id, c.Code, c.Name))
                .ToListAsync(ct);
        }, cancellationToken);

    public Task<IReadOnlyList<ArtifactTemplateDto>> ListTemplatesAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ArtifactTemplateDto>>(async (db, ct) => await db.Set<ArtifactTemplate>().AsNoTracking()
            .OrderBy(t => t.ArtifactType).ThenBy(t => t.Name)
            .Select(t => new ArtifactTemplateDto(t.Id, t.ArtifactType, t.Name, t.Description, t.Content, t.UpdatedAt, t.Version))
            .ToListAsync(ct), cancellationToken);

    private sealed class LatestStep
    {
        public Guid ArtifactId { get; init; }

        public string Step { get; init; } = "";

        public string? Reason { get; init; }
    }

    private sealed class VersionText
    {
        public int VersionNumber { get; init; }

        public string? Content { get; init; }
    }
}
