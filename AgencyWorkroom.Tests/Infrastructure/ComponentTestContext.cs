using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>
/// The base of every component test: MudBlazor's services, JS interop answered loosely
/// (MudBlazor calls JS the tests do not care about), and no check for a popover provider.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>Opens the dialog as a page would; it renders inside the returned provider.</summary>
    protected async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> ShowDialogAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        Render<MudPopoverProvider>();
        var host = Render<MudDialogProvider>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await Services.GetRequiredService<IDialogService>().ShowAsync<TDialog>("Dialog", parameters));
        return (host, dialog!);
    }

    // Some MudBlazor services are only IAsyncDisposable, and xunit 2 disposes test classes
    // synchronously; disposing asynchronously first leaves the later Dispose() nothing to do.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
