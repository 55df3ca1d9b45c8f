using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AgencyWorkroom.Data.Features.Artifacts;

public interface IArtifactAttachmentCommands
{
    /// <summary>
    /// Stores an image pasted or dropped into the artifact, with the thumbnail its browser made (or none),
    /// and gives back the Markdown that shows it; refuses what is not a PNG, JPEG, GIF or WebP of at most
    /// 10 MB, and an artifact the caller may not edit.
    /// </summary>
    Task<AttachmentUploadResult> AddAsync(Guid artifactId, string fileName, byte[] content, byte[]? thumbnail, CancellationToken cancellationToken = default);
}

/// <summary>
/// Images into agency.artifact_attachments (053). The database decides what an image is
/// (agency.image_type reads the first bytes, asked before the insert and held by a check) and who may
/// add one (attachment_add: whoever may edit the artifact, agency.may_edit_artifact).
/// </summary>
public sealed class ArtifactAttachmentCommands(UnitOfWork unitOfWork) : IArtifactAttachmentCommands
{
    public const string NotAnImage = "Only PNG, JPEG, GIF and WebP images can be added. This file is none of them (SVG and other files are refused).";

    public const string NotYours = "This artifact is gone, or it is not yours to change.";

    public async Task<AttachmentUploadResult> AddAsync(Guid artifactId, string fileName, byte[] content, byte[]? thumbnail, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0)
        {
            return AttachmentUploadResult.Refused("The file is empty.");
        }

        if (content.Length > ArtifactAttachmentRules.MaxBytes)
        {
            return AttachmentUploadResult.Refused($"This image is {content.Length / 1048576.0:0.#} MB; an image can be at most 10 MB.");
        }

        var name = Path.GetFileName((fileName ?? "").Trim());
        name = name.Length == 0 ? "image" : name[..Math.Min(name.Length, 255)];
        var head = content[..Math.Min(content.Length, ArtifactAttachmentRules.HeadBytes)];
        var thumbHead = thumbnail is { Length: > 0 and <= ArtifactAttachmentRules.MaxThumbnailBytes }
            ? thumbnail[..Math.Min(thumbnail.Length, ArtifactAttachmentRules.HeadBytes)]
            : null;
        var id = Guid.CreateVersion7();
        try
        {
            return await unitOfWork.RunAsync(async (db, ct) =>
            {
                var types = await db.Database.SqlQuery<TypeRow>($"""
                    select agency.image_type({head}) as content, agency.image_type({thumbHead}) as thumbnail
                    """).SingleAsync(ct);
                if (types.Content is null)
                {
                    return AttachmentUploadResult.Refused(NotAnImage);
                }

                // A thumbnail that is not an image (or too large) is left out: the image is what counts.
                var thumb = types.Thumbnail is null ? null : thumbnail;
                var added = await db.Database.SqlQuery<Guid>($"""
                    insert into agency.artifact_attachments (id, artifact_id, file_name, content_type, content, thumbnail, thumbnail_type)
                    select {id}, a.id, {name}, {types.Content}, {content}, {thumb}, {types.Thumbnail}
                    from agency.artifacts a
                    where a.id = {artifactId} and a.deleted_at is null
                    returning id as "Value"
                    """).ToListAsync(ct);
                return added.Count == 1
                    ? new AttachmentUploadResult(true, id, ArtifactAttachmentRules.Markdown(id, Path.GetFileNameWithoutExtension(name)), null)
                    : AttachmentUploadResult.Refused(NotYours);
            }, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege)
        {
            // Readable but not editable: attachment_add's check refused the row.
            return AttachmentUploadResult.Refused(NotYours);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.CheckViolation)
        {
            return AttachmentUploadResult.Refused(NotAnImage);
        }
    }

    private sealed class TypeRow
    {
        public string? Content { get; init; }

        public string? Thumbnail { get; init; }
    }
}
