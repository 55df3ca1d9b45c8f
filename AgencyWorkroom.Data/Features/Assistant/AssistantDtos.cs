namespace AgencyWorkroom.Data.Features.Assistant;

/// <summary>Where the panel was opened: on a campaign's page "this campaign" means that one.</summary>
public sealed record AssistantPageContext(Guid? CampaignId = null, Guid? ClientId = null)
{
    public static readonly AssistantPageContext None = new();
}

/// <summary>The kinds of figure a tool returns; the panel formats each kind one way.</summary>
public static class FigureUnits
{
    public const string Hours = "hours";
    public const string Percent = "percent";
    public const string Money = "money";
    public const string Count = "count";
    public const string Text = "text";
}

/// <summary>
/// One figure as a tool returned it from a screen's own service. <see cref="Value"/> is null when
/// the database returned NULL (money for a role that may not see it): the answer then says the
/// figure is not available to the asker's role.
/// </summary>
public sealed record AssistantFigure(
    string Subject, string Label, decimal? Value, string Unit, string? Text = null, string? Currency = null, int Source = 1);

/// <summary>[n] in an answer: a screen a figure comes from, or a passage of a knowledge document.</summary>
public sealed record AssistantCitation(
    int Number, string Kind, string Title, string Href, string? Quote = null, Guid? DocumentId = null, Guid? ChunkId = null,
    double? Similarity = null)
{
    public const string Screen = "screen";
    public const string Passage = "passage";
}

/// <summary>A name the question may have meant, when more than one fits about as well.</summary>
public sealed record NameCandidate(string Kind, Guid Id, string Name, float Score);

/// <summary>One message of a conversation as the panel shows it.</summary>
public sealed record AssistantMessageDto(
    Guid Id, string Role, string Content, string? Intent, IReadOnlyList<AssistantFigure> Figures,
    IReadOnlyList<AssistantCitation> Citations, IReadOnlyList<NameCandidate> DidYouMean, string? Model, DateTimeOffset CreatedAt)
{
    /// <summary>Retrieved (no model wrote it) unless a chat model is named.</summary>
    public bool Generated => Model is not null;
}

public sealed record ConversationDto(Guid Id, string Title, DateTimeOffset UpdatedAt);

/// <summary>What asking gives back: the conversation it went to and the answer, or why there is none.</summary>
public sealed record AskResult(Guid ConversationId, AssistantMessageDto? Answer, string? Error)
{
    public static AskResult Refused(Guid conversationId, string error) => new(conversationId, null, error);
}
