using AgencyWorkroom.Data.Features.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace AgencyWorkroom.Web.Components.Layout;

/// <summary>
/// The shell: app bar (tenant, search, bell, theme, person, sign-out), the drawer, and an error
/// boundary that turns any screen's failure into a sentence with a retry.
/// </summary>
public sealed partial class MainLayout : IAsyncDisposable
{
    private const string Dark = "dark";

    private MeDto? _me;
    private bool _dark;
    private bool _interactive;
    private bool _drawerOpen = true;
    private ErrorBoundary? _boundary;
    private IJSObjectReference? _module;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        try
        {
            _me = await People.GetMeAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nobody signed in (the not-found page), or the database is down: the page says which.
            _me = null;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference?>("import", "./Components/Layout/MainLayout.razor.js");
        if (_module is null)
        {
            return;
        }

        await _module.InvokeVoidAsync("registerSearchShortcut");
        _dark = await _module.InvokeAsync<string?>("getTheme") == Dark;
        // Only a live circuit gets here (prerendering has no after-render): say so in the markup.
        _interactive = true;
        StateHasChanged();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleThemeAsync()
    {
        _dark = !_dark;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setTheme", _dark ? Dark : "light");
        }
    }

    private void Recover() => _boundary?.Recover();

    // A failed screen must not keep the next one from showing.
    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) =>
        _ = InvokeAsync(Recover);

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with its browser; nothing to release there.
            }
        }
    }
}
