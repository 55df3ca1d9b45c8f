using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Artifacts;

public interface IArtifactReviewQueries
{
    /// <summary>The artifact's status, the review steps the caller may take, and the history of steps; null when it is not theirs to see.</summary>
    Task<ArtifactReviewDto?> GetReviewAsync(Guid artifactId, CancellationToken cancellationToken = default);

    /// <summary>The comment threads, oldest first; only the open ones when asked. Empty when the artifact is not the caller's to see.</summary>
    Task<IReadOnlyList<CommentThreadDto>> ListThreadsAsync(Guid artifactId, bool openOnly = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whom "@" + <paramref name="prefix"/> offers in a comment: the people who may read the artifact
    /// (agency.artifact_mention_candidates, 053: the rule the mention's notification asks), the caller left out.
    /// </summary>
    Task<IReadOnlyList<string>> MentionCandidatesAsync(Guid artifactId, string prefix, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads of an artifact's review and comments, under the caller's policies: events and comments
/// are read as their artifact is (036, 014). Which steps the caller may take comes from the
/// database (agency.artifact_review_options), the same rule its trigger enforces.
/// </summary>
public sealed class ArtifactReviewQueries(UnitOfWork unitOfWork) : IArtifactReviewQueries
{
    /// <summary>How many people an "@" offers at most.</summary>
    public const int MentionLimit = 8;

    public Task<IReadOnlyList<string>> MentionCandidatesAsync(Guid artifactId, string prefix, CancellationToken cancellationToken = default)
    {
        prefix = (prefix ?? "").Trim();
        if (prefix.Length > 60)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        return unitOfWork.RunAsync<IReadOnlyList<string>>(async (db, ct) => await db.Database.SqlQuery<string>($"""
            select full_name as "Value" from agency.artifact_mention_candidates({artifactId}, {prefix}, {MentionLimit})
            """).ToListAsync(ct), cancellationToken);
    }

    public Task<ArtifactReviewDto?> GetReviewAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var status = await db.Database.SqlQuery<string>($"""
                select status as "Value" from agency.artifacts where id = {artifactId} and deleted_at is null
                """).ToListAsync(ct);
            if (status.Count == 0)
            {
                return null;
            }

            var options = await db.Database.SqlQuery<ReviewOptionDto>($"""
                select o.to_status, o.step, o.needs_reason from agency.artifact_review_options({artifactId}) o
                """).ToListAsync(ct);
            var events = await db.Database.SqlQuery<ReviewEventRow>($"""
                select r.step, r.from_status, r.to_status, r.reason, e.full_name as actor_name, r.created_at
                from agency.artifact_review_events r
                left join agency.employees e on e.tenant_id = r.tenant_id and e.id = r.actor_id
                where r.artifact_id = {artifactId}
                order by r.created_at desc
                """).ToListAsync(ct);
            return new ArtifactReviewDto(status[0], options, events);
        }, cancellationToken);

    public Task<IReadOnlyList<CommentThreadDto>> ListThreadsAsync(Guid artifactId, bool openOnly = false, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<CommentThreadDto>>(async (db, ct) =>
        {
            var rows = await db.Database.SqlQuery<ArtifactCommentRow>($"""
                select cm.id, cm.parent_comment_id, cm.author_id, w.full_name as author_name, cm.body, cm.resolved,
                       r.full_name as resolved_by_name, cm.resolved_at, cm.quote_text, cm.quote_start,
                       coalesce(strpos(a.content, cm.quote_text) > 0, false) as quote_found, cm.created_at
                from agency.artifact_comments cm
                join agency.artifacts a on a.tenant_id = cm.tenant_id and a.id = cm.artifact_id
                left join agency.employees w on w.tenant_id = cm.tenant_id and w.id = cm.author_id
                left join agency.employees r on r.tenant_id = cm.tenant_id and r.id = cm.resolved_by
                where cm.artifact_id = {artifactId} and cm.deleted_at is null
                order by cm.created_at, cm.id
                """).ToListAsync(ct);
            return Threads(rows, openOnly);
        }, cancellationToken);

    /// <summary>Comments as threads: each reply under the first comment of its chain, in order.</summary>
    public static IReadOnlyList<CommentThreadDto> Threads(IReadOnlyList<ArtifactCommentRow> rows, bool openOnly)
    {
        var byId = rows.ToDictionary(r => r.Id);
        Guid RootOf(ArtifactCommentRow row)
        {
            var seen = new HashSet<Guid>();
            while (row.ParentCommentId is { } parent && byId.TryGetValue(parent, out var up) && seen.Add(row.Id))
            {
                row = up;
            }

            return row.Id;
        }

        var replies = rows.Where(r => r.ParentCommentId is not null && RootOf(r) != r.Id).ToLookup(RootOf);
        return rows
            .Where(r => RootOf(r) == r.Id)
            .Select(r => new CommentThreadDto(r, [.. replies[r.Id]]))
            .Where(t => !openOnly || t.Open)
            .ToList();
    }
}
