using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Artifacts;

public interface IArtifactAttachmentQueries
{
    /// <summary>The image (or its thumbnail) if the caller may read its artifact; otherwise null, as if it did not exist.</summary>
    Task<AttachmentFile?> GetAsync(Guid attachmentId, bool thumbnail = false, CancellationToken cancellationToken = default);

    /// <summary>For a page of the library: each artifact's first image that has a thumbnail.</summary>
    Task<IReadOnlyList<ArtifactThumbnailDto>> ThumbnailsAsync(IReadOnlyCollection<Guid> artifactIds, CancellationToken cancellationToken = default);
}

/// <summary>Reads of agency.artifact_attachments (053), under attachment_read: whoever reads the artifact reads its images.</summary>
public sealed class ArtifactAttachmentQueries(UnitOfWork unitOfWork) : IArtifactAttachmentQueries
{
    public Task<AttachmentFile?> GetAsync(Guid attachmentId, bool thumbnail = false, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(async (db, ct) =>
        {
            var rows = await db.Database.SqlQuery<FileRow>($"""
                select case when {thumbnail} then thumbnail_type else content_type end as content_type,
                       case when {thumbnail} then thumbnail else content end as content,
                       file_name
                from agency.artifact_attachments where id = {attachmentId}
                """).ToListAsync(ct);
            return rows is [{ ContentType: { } type, Content: { } bytes } row] ? new AttachmentFile(type, bytes, row.FileName) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<ArtifactThumbnailDto>> ThumbnailsAsync(IReadOnlyCollection<Guid> artifactIds, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<IReadOnlyList<ArtifactThumbnailDto>>(async (db, ct) =>
            [.. (await FirstThumbnailsAsync(db, [.. artifactIds], ct)).Select(t => new ArtifactThumbnailDto(t.Key, t.Value))], cancellationToken);

    /// <summary>Each artifact's first image that has a thumbnail, by artifact; the library's page reads it in its own unit of work.</summary>
    internal static async Task<Dictionary<Guid, Guid>> FirstThumbnailsAsync(WorkroomDbContext db, Guid[] artifactIds, CancellationToken ct)
    {
        if (artifactIds.Length == 0)
        {
            return [];
        }

        return await db.Database.SqlQuery<ThumbRow>($"""
            select distinct on (artifact_id) artifact_id, id as attachment_id
            from agency.artifact_attachments
            where artifact_id = any({artifactIds}) and thumbnail is not null
            order by artifact_id, created_at, id
            """).ToDictionaryAsync(r => r.ArtifactId, r => r.AttachmentId, ct);
    }

    private sealed class FileRow
    {
        public string? ContentType { get; init; }

        public byte[]? Content { get; init; }

        public string FileName { get; init; } = "";
    }

    private sealed class ThumbRow
    {
        public Guid ArtifactId { get; init; }

        public Guid AttachmentId { get; init; }
    }
}
