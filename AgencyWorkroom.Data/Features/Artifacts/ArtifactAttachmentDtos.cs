namespace AgencyWorkroom.Data.Features.Artifacts;

/// <summary>What an upload came to: the new attachment's id and its Markdown, or why it was refused.</summary>
public sealed record AttachmentUploadResult(bool Done, Guid? Id, string? Markdown, string? Error)
{
    public static AttachmentUploadResult Refused(string error) => new(false, null, null, error);
}

/// <summary>An image as stored, to serve: its bytes and the type its bytes say (agency.image_type, 053).</summary>
public sealed record AttachmentFile(string ContentType, byte[] Content, string FileName);

/// <summary>A library row's picture: the first image of the artifact that has a thumbnail.</summary>
public sealed record ArtifactThumbnailDto(Guid ArtifactId, Guid AttachmentId);

/// <summary>The limits of 053, as the screens and messages say them (the table's checks are the rule).</summary>
public static class ArtifactAttachmentRules
{
    /// <summary>10 MB: artifact_attachments_size.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>256 KB: artifact_attachments_thumbnail.</summary>
    public const int MaxThumbnailBytes = 256 * 1024;

    /// <summary>How many first bytes agency.image_type looks at.</summary>
    public const int HeadBytes = 16;

    /// <summary>Where the app serves an attachment; the one relative image path SafeMarkdown allows.</summary>
    public static string Path(Guid id) => $"/attachments/{id}";

    /// <summary>The Markdown that shows the image: ![alt](/attachments/{id}), the alt text without what would end it.</summary>
    public static string Markdown(Guid id, string? alt) => $"![{Alt(alt)}]({Path(id)})";

    /// <summary>An image's description from its file name: without what would end it in Markdown, at most 120 characters.</summary>
    public static string Alt(string? text)
    {
        var kept = new string((text ?? "").Where(c => c is not ('[' or ']' or '\\' or '\r' or '\n' or '*' or '_' or '`')).ToArray()).Trim();
        return kept.Length > 120 ? kept[..120] : kept;
    }
}
