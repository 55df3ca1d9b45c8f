using AgencyWorkroom.Data.Features.Artifacts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgencyWorkroom.Web.Components.Pages.Artifacts;

/// <summary>
/// The Tiptap editor (bundled under wwwroot/lib/editor) in one component. The browser saves a
/// moment after typing stops; each save carries the version it started from. Saving… / Saved /
/// Not saved — Retry; when someone else saved first, "changed by X at T" and a choice.
/// </summary>
public sealed partial class ArtifactEditor
{
    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<ArtifactEditor>? _self;
    private SaveState _state = SaveState.Saved;
    private uint _version;
    private string? _pending;
    private string? _recovered;
    private ArtifactSaveOutcome? _conflict;
    private int _saves;
    private readonly SemaphoreSlim _saving = new(1, 1);

    public enum SaveState
    {
        Saved,
        Saving,
        Failed,
        Conflict,
    }

    [Parameter, EditorRequired]
    public Guid ArtifactId { get; set; }

    [Parameter, EditorRequired]
    public string Content { get; set; } = "";

    [Parameter, EditorRequired]
    public uint Version { get; set; }

    /// <summary>Called after each save with the text now stored.</summary>
    [Parameter]
    public EventCallback<string> Saved { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IArtifactCommands Commands { get; set; } = default!;

    [Inject]
    private IArtifactAttachmentCommands Attachments { get; set; } = default!;

    private string? _imageError;
    private int _uploading;

    /// <summary>What the browser inserts after an upload: the image's address and description, or nothing.</summary>
    public sealed record ImageUploadReply(string? Src, string? Alt, string? Error);

    /// <summary>
    /// An image pasted or dropped into the editor, streamed through the circuit: stored as the signed-in
    /// person (the database refuses another type, more than 10 MB, or an artifact they may not edit).
    /// </summary>
    [JSInvokable]
    public async Task<ImageUploadReply> UploadImageAsync(string fileName, long size, IJSStreamReference content, IJSStreamReference? thumbnail)
    {
        AttachmentUploadResult result;
        await InvokeAsync(() =>
        {
            _uploading++;
            _imageError = null;
            StateHasChanged();
        });
        try
        {
            if (size > ArtifactAttachmentRules.MaxBytes)
            {
                result = AttachmentUploadResult.Refused($"\"{fileName}\" is {size / 1048576.0:0.#} MB; an image can be at most 10 MB.");
            }
            else
            {
                var bytes = await ReadAsync(content, ArtifactAttachmentRules.MaxBytes);
                var thumb = thumbnail is null ? null : await ReadOrNullAsync(thumbnail, ArtifactAttachmentRules.MaxThumbnailBytes);
                result = bytes is null
                    ? AttachmentUploadResult.Refused("The image could not be read; try again.")
                    : await Attachments.AddAsync(ArtifactId, fileName, bytes, thumb);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = AttachmentUploadResult.Refused("The image could not be stored; try again.");
        }
        finally
        {
            await content.DisposeAsync();
            if (thumbnail is not null)
            {
                await thumbnail.DisposeAsync();
            }
        }

        await InvokeAsync(() =>
        {
            _uploading--;
            _imageError = result.Done ? null : result.Error;
            StateHasChanged();
        });
        return result is { Done: true, Id: { } id }
            ? new ImageUploadReply(ArtifactAttachmentRules.Path(id), ArtifactAttachmentRules.Alt(System.IO.Path.GetFileNameWithoutExtension(fileName)), null)
            : new ImageUploadReply(null, null, result.Error);
    }

    private static async Task<byte[]?> ReadAsync(IJSStreamReference reference, long max)
    {
        if (reference.Length > max)
        {
            return null;
        }

        await using var stream = await reference.OpenReadStreamAsync(max);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task<byte[]?> ReadOrNullAsync(IJSStreamReference reference, long max)
    {
        try
        {
            return await ReadAsync(reference, max);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private string StateText => _state switch
    {
        SaveState.Saving => "Saving…",
        SaveState.Failed => "Not saved",
        SaveState.Conflict => "Not saved: someone else saved first",
        _ => "Saved",
    };

    protected override void OnInitialized() => _version = Version;

    /// <summary>
    /// The row changed beside the text (its due date) from <paramref name="before"/> to <paramref name="after"/>:
    /// an editor at the one starts its next save from the other, so the change is not taken for someone else's text.
    /// </summary>
    public void RowChanged(uint before, uint after)
    {
        if (_version == before)
        {
            _version = after;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Artifacts/ArtifactEditor.razor.js");
        _self = DotNetObjectReference.Create(this);
        _editor = await _module.InvokeAsync<IJSObjectReference>("mount", _host, _self, ArtifactId.ToString(), Content);
        var unsaved = await _module.InvokeAsync<string?>("unsaved", ArtifactId.ToString());
        if (unsaved is not null && unsaved != Content && unsaved != await _editor.InvokeAsync<string>("getMarkdown"))
        {
            _recovered = unsaved;
            StateHasChanged();
        }
    }

    /// <summary>The browser's autosave: the text after a pause in typing.</summary>
    [JSInvokable]
    public Task ChangedAsync(string markdown) => InvokeAsync(() => SaveAsync(markdown));

    private async Task SaveAsync(string markdown)
    {
        _pending = markdown;
        if (_conflict is not null)
        {
            // Nothing saves over their change until the person has chosen.
            return;
        }

        await _saving.WaitAsync();
        try
        {
            // Only the newest text is worth saving; an older call that waited finds it saved.
            if (_pending is null)
            {
                return;
            }

            var text = _pending;
            _state = SaveState.Saving;
            StateHasChanged();
            ArtifactSaveOutcome outcome;
            try
            {
                outcome = await Commands.SaveContentAsync(ArtifactId, _version, text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = new ArtifactSaveOutcome(false, _version, "The database could not be reached.");
            }

            if (outcome.Saved)
            {
                _version = outcome.Version;
                _saves++;
                if (_pending == text)
                {
                    _pending = null;
                }

                _state = _pending is null ? SaveState.Saved : SaveState.Saving;
                await ForgetUnsavedAsync(text);
                await Saved.InvokeAsync(text);
            }
            else if (outcome.IsConflict)
            {
                _conflict = outcome;
                _state = SaveState.Conflict;
            }
            else
            {
                _state = SaveState.Failed;
            }
        }
        finally
        {
            _saving.Release();
        }

        if (_pending is not null && _state == SaveState.Saving)
        {
            await SaveAsync(_pending);
        }

        StateHasChanged();
    }

    private async Task ForgetUnsavedAsync(string text)
    {
        if (_editor is not null)
        {
            try
            {
                await _editor.InvokeVoidAsync("saved", text);
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private async Task RetryAsync()
    {
        if (_editor is not null)
        {
            await SaveAsync(await _editor.InvokeAsync<string>("getMarkdown"));
        }
    }

    private async Task KeepMineAsync()
    {
        if (_conflict?.TheirVersion is { } theirs && _editor is not null)
        {
            _version = theirs;
            _conflict = null;
            await SaveAsync(await _editor.InvokeAsync<string>("getMarkdown"));
        }
    }

    private async Task TakeTheirsAsync()
    {
        if (_conflict is { TheirVersion: { } theirs, TheirContent: { } text } && _editor is not null)
        {
            _version = theirs;
            _conflict = null;
            _pending = null;
            await _editor.InvokeVoidAsync("setMarkdown", text);
            await _module!.InvokeVoidAsync("forget", ArtifactId.ToString());
            _state = SaveState.Saved;
        }
    }

    private async Task RestoreRecoveredAsync()
    {
        if (_recovered is { } text && _editor is not null)
        {
            _recovered = null;
            await _editor.InvokeVoidAsync("setMarkdown", text);
            await SaveAsync(text);
        }
    }

    private async Task DiscardRecoveredAsync()
    {
        _recovered = null;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("forget", ArtifactId.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("dispose");
                await _editor.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser dropped the editor with the page.
        }

        _self?.Dispose();
        _saving.Dispose();
    }
}
