using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Assistant;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;

namespace AgencyWorkroom.Web.Components.Pages.Assistant;

/// <summary>
/// The assistant's button and side panel. The panel knows the page it is open on: on
/// <c>/campaigns/{id}</c> "this campaign" is that campaign, on <c>/clients/{id}</c> that client.
/// The conversation stays open across screens of the same circuit.
/// </summary>
public sealed partial class AssistantButton : IAsyncDisposable
{
    private static readonly Regex CampaignPath = new(@"^campaigns/([0-9a-fA-F-]{36})(?:[/?#]|$)", RegexOptions.Compiled, TimeSpan.FromMilliseconds(50));
    private static readonly Regex ClientPath = new(@"^clients/([0-9a-fA-F-]{36})(?:[/?#]|$)", RegexOptions.Compiled, TimeSpan.FromMilliseconds(50));

    private bool _open;
    private Guid? _conversationId;
    private IJSObjectReference? _module;
    private DotNetObjectReference<AssistantButton>? _self;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private AssistantPageContext Context => ContextOf(Navigation.ToBaseRelativePath(Navigation.Uri));

    public static AssistantPageContext ContextOf(string relativePath)
    {
        var campaign = CampaignPath.Match(relativePath);
        if (campaign.Success && Guid.TryParse(campaign.Groups[1].Value, out var campaignId))
        {
            return new AssistantPageContext(CampaignId: campaignId);
        }

        var client = ClientPath.Match(relativePath);
        return client.Success && Guid.TryParse(client.Groups[1].Value, out var clientId)
            ? new AssistantPageContext(ClientId: clientId)
            : AssistantPageContext.None;
    }

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference?>("import", "./Components/Pages/Assistant/AssistantButton.razor.js");
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("registerShortcut", _self);
        }
    }

    /// <summary>Alt+A, from the browser.</summary>
    [JSInvokable]
    public Task ToggleFromShortcut() => InvokeAsync(ToggleAsync);

    private async Task ToggleAsync()
    {
        _open = !_open;
        StateHasChanged();
        if (_open && _module is not null)
        {
            await Task.Yield();
            await _module.InvokeVoidAsync("focusInput", AssistantConversation.InputId);
        }
    }

    private Task CloseAsync()
    {
        _open = false;
        return Task.CompletedTask;
    }

    private void OnConversationChanged(Guid? id) => _conversationId = id;

    // The context line follows the page.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("unregisterShortcut");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with its browser.
            }
        }

        _self?.Dispose();
    }
}
