using AgencyWorkroom.Data.Features.Clients;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Clients;

/// <summary>A client's brands, with add, edit and archive for the roles that may.</summary>
public sealed partial class ClientBrands
{
    [Inject]
    private IClientCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private string? _error;

    [Parameter, EditorRequired]
    public ClientDetailDto Detail { get; set; } = default!;

    [Parameter]
    public bool CanWrite { get; set; }

    /// <summary>A brand was added, changed or archived: the page reloads.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private async Task EditAsync(BrandDto? brand)
    {
        var form = brand is null
            ? new BrandForm()
            : new BrandForm { Id = brand.Id, Version = brand.Version, Code = brand.Code, Name = brand.Name, Description = brand.Description };
        var parameters = new DialogParameters<BrandEditDialog> { { d => d.ClientId, Detail.Summary.ClientId }, { d => d.Form, form } };
        var dialog = await Dialogs.ShowAsync<BrandEditDialog>(brand is null ? "Add a brand" : $"Edit {brand.Name}", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            await OnChanged.InvokeAsync();
        }
    }

    private async Task ArchiveAsync(BrandDto brand)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Archive {brand.Name}?",
            "The brand leaves this client's list. Its campaigns keep their history.",
            yesText: "Archive", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Commands.ArchiveBrandAsync(brand.Id);
        _error = result.Error;
        if (result.Succeeded)
        {
            await OnChanged.InvokeAsync();
        }
    }
}
