using AgencyWorkroom.Data.Features.Artifacts;

namespace AgencyWorkroom.Tests.Components.Pages.Artifacts;

/// <summary>The review and comments services with fixed answers; the commands record what they were asked.</summary>
public sealed class FakeArtifactReview(IReadOnlyList<CommentThreadDto>? threads = null, ArtifactReviewDto? review = null)
    : IArtifactReviewQueries, IArtifactReviewCommands
{
    public List<string> Calls { get; } = [];

    public Task<ArtifactReviewDto?> GetReviewAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ArtifactReviewDto?>(review ?? new ArtifactReviewDto("draft", [], []));

    public Task<IReadOnlyList<CommentThreadDto>> ListThreadsAsync(Guid artifactId, bool openOnly = false, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CommentThreadDto>>([.. (threads ?? []).Where(t => !openOnly || t.Open)]);

    public Task<IReadOnlyList<string>> MentionCandidatesAsync(Guid artifactId, string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<ReviewWriteResult> AddCommentAsync(
        Guid artifactId, string body, Guid? parentId = null, string? quote = null, Guid? id = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"add {body} | {quote}");
        return Task.FromResult(new ReviewWriteResult(true, id));
    }

    public Task<ReviewWriteResult> SetResolvedAsync(Guid commentId, bool resolved, CancellationToken cancellationToken = default)
    {
        Calls.Add($"resolve {commentId} {resolved}");
        return Task.FromResult(new ReviewWriteResult(true, commentId));
    }

    public Task<ReviewWriteResult> MoveAsync(Guid artifactId, string toStatus, string? reason = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"move {toStatus} {reason}");
        return Task.FromResult(new ReviewWriteResult(true, artifactId, toStatus));
    }
}
