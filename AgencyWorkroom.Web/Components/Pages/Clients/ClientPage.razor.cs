using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.People;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Clients;

/// <summary>One client: its figures from v_client_360, brands, campaigns, artifacts, knowledge, contacts and profitability.</summary>
public sealed partial class ClientPage
{
    private ClientDetailDto? _detail;
    private bool _canWrite;
    private bool _missing;
    private string? _error;

    [Parameter]
    public Guid ClientId { get; set; }

    [Inject]
    private IClientQueries Clients { get; set; } = default!;

    [Inject]
    private IClientCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var me = await People.GetMeAsync();
        _canWrite = ClientCommands.Writers.Contains(me.Role);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _detail = await Clients.GetAsync(ClientId);
        _missing = _detail is null;
    }

    private async Task ArchiveAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Archive {_detail!.Summary.Name}?",
            "The client stays in the list under Archived, with its brands, campaigns and history.",
            yesText: "Archive", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Commands.ArchiveAsync(ClientId);
        _error = result.Error;
        await LoadAsync();
    }
}
