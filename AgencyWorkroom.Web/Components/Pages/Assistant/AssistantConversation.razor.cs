using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Assistant;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AgencyWorkroom.Web.Components.Pages.Assistant;

/// <summary>
/// A conversation: the stored messages, the question box (size checked next to the field), and
/// the answers with their figures, sources and "did you mean" choices. Answers are rendered as
/// text: passage text is data, shown escaped, never markup.
/// </summary>
public sealed partial class AssistantConversation
{
    public const string InputId = "assistant-question-input";

    private static readonly Regex CitationMark = new(@"\[(\d+)\]", RegexOptions.Compiled, TimeSpan.FromMilliseconds(100));

    private readonly List<AssistantMessageDto> _messages = [];
    private Guid? _conversationId;
    private Guid? _loadedFor;
    private string? _question;
    private string? _error;
    private string? _loadError;
    private bool _asking;
    private string _streaming = "";

    [Inject]
    private IAssistantCommands Commands { get; set; } = default!;

    [Inject]
    private IAssistantQueries Queries { get; set; } = default!;

    [Inject]
    private ILogger<AssistantConversation> Logger { get; set; } = default!;

    /// <summary>The conversation to show; null starts a new one with the first question.</summary>
    [Parameter]
    public Guid? ConversationId { get; set; }

    /// <summary>Where the question is asked (the panel's page).</summary>
    [Parameter]
    public AssistantPageContext PageContext { get; set; } = AssistantPageContext.None;

    /// <summary>Told when the first question starts a conversation, or "New conversation" ends one.</summary>
    [Parameter]
    public EventCallback<Guid?> ConversationChanged { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (ConversationId == _loadedFor && (ConversationId is not null || _conversationId is null))
        {
            return;
        }

        _loadedFor = ConversationId;
        if (ConversationId == _conversationId && _conversationId is not null)
        {
            return;
        }

        _conversationId = ConversationId;
        _messages.Clear();
        _loadError = null;
        if (ConversationId is { } id)
        {
            try
            {
                _messages.AddRange(await Queries.MessagesAsync(id));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogWarning(ex, "The assistant's conversation {ConversationId} could not be loaded", id);
                _loadError = "This conversation can't be loaded right now.";
            }
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        // Enter asks; Shift+Enter starts a new line.
        if (e.Key == "Enter" && !e.ShiftKey)
        {
            await AskAsync();
        }
    }

    private Task AskAsync() => SendAsync(_question, null);

    private Task PickAsync(AssistantMessageDto answer, NameCandidate option)
    {
        var index = _messages.IndexOf(answer);
        var question = index > 0 ? _messages[index - 1].Content : option.Name;
        return SendAsync(question, option);
    }

    private async Task SendAsync(string? question, NameCandidate? chosen)
    {
        if (_asking)
        {
            return;
        }

        _error = AssistantCommands.Validate(question);
        if (_error is not null)
        {
            return;
        }

        _asking = true;
        var asked = new AssistantMessageDto(Guid.NewGuid(), "user", question!.Trim(), null, [], [], [], null, DateTimeOffset.Now);
        _messages.Add(asked);
        if (chosen is null)
        {
            _question = null;
        }

        StateHasChanged();
        try
        {
            _streaming = "";
            // With a chat model, its text shows as it streams; the stored answer replaces it.
            var result = await Commands.AskAsync(_conversationId, question!, PageContext, chosen, piece =>
            {
                _streaming += piece;
                return InvokeAsync(StateHasChanged);
            });
            if (result.Answer is null)
            {
                _messages.Remove(asked);
                _question = question;
                _error = result.Error;
                return;
            }

            _messages.Add(result.Answer);
            if (_conversationId != result.ConversationId)
            {
                _conversationId = result.ConversationId;
                _loadedFor = result.ConversationId;
                await ConversationChanged.InvokeAsync(result.ConversationId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The assistant could not answer");
            _messages.Remove(asked);
            _question = question;
            _error = "The assistant can't answer right now. Try again in a moment.";
        }
        finally
        {
            _asking = false;
            _streaming = "";
        }
    }

    private async Task NewConversation()
    {
        _conversationId = null;
        _loadedFor = null;
        _messages.Clear();
        _error = null;
        await ConversationChanged.InvokeAsync(null);
    }

    /// <summary>A line cut at each [n] that names a source: text, then the source to link, and so on.</summary>
    internal static IReadOnlyList<(string Text, AssistantCitation? Source)> Segments(string text, IReadOnlyList<AssistantCitation> citations)
    {
        var segments = new List<(string, AssistantCitation?)>();
        var at = 0;
        foreach (Match match in CitationMark.Matches(text))
        {
            var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (citations.FirstOrDefault(c => c.Number == number) is not { } citation)
            {
                continue;
            }

            segments.Add((text[at..match.Index], null));
            segments.Add(($"[{number}]", citation));
            at = match.Index + match.Length;
        }

        segments.Add((text[at..], null));
        return segments;
    }

    private static string Format(AssistantFigure figure) => figure.Unit switch
    {
        FigureUnits.Text => figure.Text ?? Formats.Missing,
        _ when figure.Value is null => "not available to your role",
        FigureUnits.Money => Formats.Money(figure.Value, figure.Currency),
        FigureUnits.Percent => Formats.Percent(figure.Value),
        FigureUnits.Hours => Formats.Hours(figure.Value),
        _ => (figure.Value ?? 0).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture),
    };
}
