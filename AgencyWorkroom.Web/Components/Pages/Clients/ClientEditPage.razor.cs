using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Clients;

/// <summary>Creates a client or edits one; read-only for roles the database would refuse.</summary>
public sealed partial class ClientEditPage
{
    private ClientForm? _form;
    private FormState? _state;
    private bool _canWrite;
    private bool _missing;

    [Parameter]
    public Guid? ClientId { get; set; }

    [Inject]
    private IClientQueries Clients { get; set; } = default!;

    [Inject]
    private IClientCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Heading => ClientId is null ? "New client" : _form is { Name.Length: > 0 } ? $"Edit {_form.Name}" : "Edit client";

    protected override async Task OnParametersSetAsync()
    {
        var me = await People.GetMeAsync();
        _canWrite = ClientCommands.Writers.Contains(me.Role);
        _form = ClientId is { } id ? await Clients.GetFormAsync(id) : new ClientForm();
        _missing = _form is null;
        _state = _form is null ? null : new FormState(_form);
    }

    private async Task SaveAsync()
    {
        var result = await _state!.SaveAsync(() => ClientId is { } id ? Commands.UpdateAsync(id, _form!) : Commands.CreateAsync(_form!));
        if (result is { Succeeded: true, Id: { } saved })
        {
            Navigation.NavigateTo($"/clients/{saved}");
        }
    }
}
