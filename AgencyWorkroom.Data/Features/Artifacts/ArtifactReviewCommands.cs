using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Artifacts;

public interface IArtifactReviewCommands
{
    /// <summary>
    /// Adds a comment, or a reply when <paramref name="parentId"/> is given; with the passage it was
    /// made on when <paramref name="quote"/> is given. <paramref name="id"/> makes a retry add it once.
    /// </summary>
    Task<ReviewWriteResult> AddCommentAsync(
        Guid artifactId, string body, Guid? parentId = null, string? quote = null, Guid? id = null, CancellationToken cancellationToken = default);

    /// <summary>Resolves (or reopens) a thread: its first comment and every reply.</summary>
    Task<ReviewWriteResult> SetResolvedAsync(Guid commentId, bool resolved, CancellationToken cancellationToken = default);

    /// <summary>Moves the artifact to <paramref name="toStatus"/>; the database decides whether the caller may, and wants a reason for changes requested and a reopening.</summary>
    Task<ReviewWriteResult> MoveAsync(Guid artifactId, string toStatus, string? reason = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Comments and review steps. The database decides: comment_create admits only someone who reads
/// the artifact, comment_resolve anyone who does, and agency.review_artifact's trigger
/// (check_review, 036) refuses a step the caller may not take.
/// </summary>
public sealed class ArtifactReviewCommands(UnitOfWork unitOfWork) : IArtifactReviewCommands
{
    public const int MaxBodyLength = 10_000;

    public const int MaxQuoteLength = 1_000;

    public const int MaxReasonLength = 2_000;

    public async Task<ReviewWriteResult> AddCommentAsync(
        Guid artifactId, string body, Guid? parentId = null, string? quote = null, Guid? id = null, CancellationToken cancellationToken = default)
    {
        body = (body ?? "").Trim();
        if (body.Length is 0 or > MaxBodyLength)
        {
            return ReviewWriteResult.Refused($"Write a comment of 1 to {MaxBodyLength:N0} characters.");
        }

        quote = string.IsNullOrWhiteSpace(quote) ? null : quote.Trim();
        if (quote is { Length: > MaxQuoteLength })
        {
            quote = quote[..MaxQuoteLength];
        }

        var commentId = id ?? Guid.CreateVersion7();
        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                // A reply joins the thread of the comment it answers; the quote's place is where it
                // first reads so in the Markdown now.
                var added = await db.Database.SqlQuery<Guid>($"""
                    insert into agency.artifact_comments (id, artifact_id, parent_comment_id, body, quote_text, quote_start)
                    select {commentId}, a.id, {parentId}, {body}, {quote}, nullif(strpos(a.content, {quote}), 0) - 1
                    from agency.artifacts a
                    where a.id = {artifactId} and a.deleted_at is null
                    on conflict (tenant_id, id) do nothing
                    returning id as "Value"
                    """).ToListAsync(ct);
                if (added.Count == 1)
                {
                    return new ReviewWriteResult(true, commentId);
                }

                // Nothing inserted: a retry of one's own comment, or an artifact one may not see.
                var mine = await db.Database.SqlQuery<int>($"""
                    select 1 as "Value" from agency.artifact_comments where id = {commentId} and author_id = agency.current_user_id()
                    """).AnyAsync(ct);
                return mine ? new ReviewWriteResult(true, commentId) : ReviewWriteResult.Refused("This artifact is gone, or it is not yours to comment on.");
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation)
        {
            return ReviewWriteResult.Refused(ex.SqlState == PostgresErrorCodes.ForeignKeyViolation
                ? "The comment you answered is gone, or belongs to another artifact."
                : "The database refused the comment: " + ex.MessageText);
        }
    }

    public async Task<ReviewWriteResult> SetResolvedAsync(Guid commentId, bool resolved, CancellationToken cancellationToken = default)
    {
        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                // Up to the thread's first comment, then down to every reply under it.
                var changed = await db.Database.ExecuteSqlAsync($"""
                    with recursive up as (
                      select c.tenant_id, c.id, c.parent_comment_id from agency.artifact_comments c where c.id = {commentId}
                      union all
                      select p.tenant_id, p.id, p.parent_comment_id
                      from agency.artifact_comments p join up on p.tenant_id = up.tenant_id and p.id = up.parent_comment_id),
                    thread as (
                      select up.tenant_id, up.id from up where up.parent_comment_id is null
                      union all
                      select c.tenant_id, c.id
                      from agency.artifact_comments c join thread t on c.tenant_id = t.tenant_id and c.parent_comment_id = t.id)
                    update agency.artifact_comments cm set resolved = {resolved}
                    from thread
                    where cm.tenant_id = thread.tenant_id and cm.id = thread.id and cm.deleted_at is null
                    """, ct);
                return changed > 0 ? new ReviewWriteResult(true, commentId) : ReviewWriteResult.Refused("This comment is gone, or not yours to see.");
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege)
        {
            return ReviewWriteResult.Refused("The database refused: " + ex.MessageText);
        }
    }

    public async Task<ReviewWriteResult> MoveAsync(Guid artifactId, string toStatus, string? reason = null, CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            return ReviewWriteResult.Refused($"Say it in at most {MaxReasonLength:N0} characters.");
        }

        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                var status = await db.Database.SqlQuery<string>($"""
                    select agency.review_artifact({artifactId}, {toStatus}, {reason}) as "Value"
                    """).SingleAsync(ct);
                return new ReviewWriteResult(true, artifactId, status);
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.CheckViolation)
        {
            return ReviewWriteResult.Refused(ex.MessageText);
        }
    }
}
