namespace AgencyWorkroom.Data.Features.Artifacts;

/// <summary>A review step the caller may take now (agency.artifact_review_options, 036): the status it moves to, its name, whether it needs a reason.</summary>
public sealed record ReviewOptionDto(string ToStatus, string Step, bool NeedsReason)
{
    /// <summary>The button's words.</summary>
    public string Label => ArtifactReviewSteps.Action(Step);
}

/// <summary>The names of review steps (the check constraint of agency.artifact_review_events is the other copy).</summary>
public static class ArtifactReviewSteps
{
    public static readonly string[] All = ["submitted", "approved", "changes_requested", "withdrawn", "reopened", "archived", "unarchived"];

    /// <summary>What a button that takes the step says.</summary>
    public static string Action(string step) => step switch
    {
        "submitted" => "Submit for review",
        "approved" => "Approve",
        "changes_requested" => "Request changes",
        "withdrawn" => "Withdraw from review",
        "reopened" => "Reopen",
        "archived" => "Archive",
        "unarchived" => "Unarchive",
        _ => step,
    };

    /// <summary>What a step was, in a history or a list: "Changes requested".</summary>
    public static string Past(string? step) => step switch
    {
        null => "",
        "changes_requested" => "Changes requested",
        _ => char.ToUpperInvariant(step[0]) + step[1..].Replace('_', ' '),
    };
}

/// <summary>A step taken: from, to, why, by whom, when.</summary>
public sealed class ReviewEventRow
{
    public string Step { get; init; } = "";

    public string FromStatus { get; init; } = "";

    public string ToStatus { get; init; } = "";

    public string? Reason { get; init; }

    public string? ActorName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The artifact's review: its status, the steps the caller may take, and the steps taken, newest first.</summary>
public sealed record ArtifactReviewDto(string Status, IReadOnlyList<ReviewOptionDto> Options, IReadOnlyList<ReviewEventRow> Events);

/// <summary>
/// A comment as the panel shows it. The body is Markdown (rendered only through SafeMarkdown);
/// the quote is plain text, with <see cref="QuoteFound"/> saying whether the passage still reads
/// so in the artifact.
/// </summary>
public sealed class ArtifactCommentRow
{
    public Guid Id { get; init; }

    public Guid? ParentCommentId { get; init; }

    public Guid AuthorId { get; init; }

    public string? AuthorName { get; init; }

    public string Body { get; init; } = "";

    public bool Resolved { get; init; }

    public string? ResolvedByName { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? QuoteText { get; init; }

    public int? QuoteStart { get; init; }

    public bool QuoteFound { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A comment and its replies, oldest first. A thread is open while its first comment is not resolved.</summary>
public sealed record CommentThreadDto(ArtifactCommentRow Root, IReadOnlyList<ArtifactCommentRow> Replies)
{
    public bool Open => !Root.Resolved;
}

/// <summary>How a comment or a review step ended: done (the comment's id, the new status), or why not.</summary>
public sealed record ReviewWriteResult(bool Done, Guid? Id = null, string? Status = null, string? Error = null)
{
    public static ReviewWriteResult Refused(string error) => new(false, Error: error);
}
