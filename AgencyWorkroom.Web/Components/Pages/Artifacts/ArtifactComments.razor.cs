using AgencyWorkroom.Data.Features.Artifacts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgencyWorkroom.Web.Components.Pages.Artifacts;

/// <summary>
/// The comments panel. A new comment may quote the passage selected last in the editor or the
/// read view (its JS module remembers it, since focusing the comment box clears a selection);
/// the quotes still found in the text are highlighted there. What may be read, added or resolved
/// is the database's to say (comment_read, comment_create, comment_resolve).
/// </summary>
public sealed partial class ArtifactComments
{
    private IReadOnlyList<CommentThreadDto>? _threads;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ArtifactComments>? _self;
    private bool _openOnly;
    private string? _body;
    private string? _quote;
    private Guid? _replyTo;
    private string? _reply;
    private string? _error;
    private bool _busy;
    private Guid _pendingId = Guid.CreateVersion7();

    [Parameter, EditorRequired]
    public Guid ArtifactId { get; set; }

    /// <summary>Called with the number of comments not resolved (replies included, as the library counts them) after they were read.</summary>
    [Parameter]
    public EventCallback<int> OpenCommentsChanged { get; set; }

    [Inject]
    private IArtifactReviewQueries Queries { get; set; } = default!;

    [Inject]
    private IArtifactReviewCommands Commands { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>"@" typed in a comment box: the names to offer (the database's choice: people who may read the artifact).</summary>
    [JSInvokable]
    public async Task<IReadOnlyList<string>> MentionCandidatesAsync(string prefix)
    {
        try
        {
            return await Queries.MentionCandidatesAsync(ArtifactId, prefix ?? "");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [];
        }
    }

    private Guid _loaded;

    // Read when the artifact changes, not on every render of the page around it.
    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != ArtifactId)
        {
            _loaded = ArtifactId;
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Artifacts/ArtifactComments.razor.js");
                _self = DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync("watch", _self);
            }
            catch (JSException)
            {
                // No script (a test renderer): quoting and highlighting are off, comments still work.
            }
        }

        await HighlightAsync();
    }

    private async Task HighlightAsync()
    {
        if (_module is null || _threads is null)
        {
            return;
        }

        try
        {
            // One argument, the array (a bare string[] would be spread as the call's arguments).
            string[] quotes = [.. _threads.Where(t => t.Open && t.Root.QuoteText is not null).Select(t => t.Root.QuoteText!)];
            await _module.InvokeVoidAsync("highlight", [quotes]);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Highlighting is a help, never a reason for the panel to fail.
        }
    }

    private async Task LoadAsync()
    {
        var all = await Queries.ListThreadsAsync(ArtifactId);
        _threads = _openOnly ? [.. all.Where(t => t.Open)] : all;
        await OpenCommentsChanged.InvokeAsync(all.Sum(t => (t.Root.Resolved ? 0 : 1) + t.Replies.Count(r => !r.Resolved)));
    }

    private async Task OpenOnlyChangedAsync(bool openOnly)
    {
        _openOnly = openOnly;
        await LoadAsync();
    }

    private async Task QuoteSelectionAsync()
    {
        _error = null;
        var selected = _module is null ? null : await _module.InvokeAsync<string?>("selection");
        if (string.IsNullOrWhiteSpace(selected))
        {
            _error = "Select a passage of the text first, then quote it.";
            return;
        }

        _quote = selected;
    }

    private async Task AddAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            // The id is made once per comment, so a retry after a dropped answer adds it once.
            var result = await Commands.AddCommentAsync(ArtifactId, _body ?? "", quote: _quote, id: _pendingId);
            if (!result.Done)
            {
                _error = result.Error;
                return;
            }

            _body = null;
            _quote = null;
            _pendingId = Guid.CreateVersion7();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void ToggleReply(Guid rootId)
    {
        _replyTo = _replyTo == rootId ? null : rootId;
        _reply = null;
    }

    private async Task ReplyAsync(Guid rootId)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await Commands.AddCommentAsync(ArtifactId, _reply ?? "", parentId: rootId, id: _pendingId);
            if (!result.Done)
            {
                _error = result.Error;
                return;
            }

            _replyTo = null;
            _reply = null;
            _pendingId = Guid.CreateVersion7();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ResolveAsync(Guid rootId, bool resolve)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await Commands.SetResolvedAsync(rootId, resolve);
            if (!result.Done)
            {
                _error = result.Error;
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("unwatch");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }

        _self?.Dispose();
    }
}
