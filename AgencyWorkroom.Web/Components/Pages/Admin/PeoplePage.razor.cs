using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Components.Pages.Capacity;
using AgencyWorkroom.Web.Components.Shared;
using AgencyWorkroom.Web.Extensions;
using Microsoft.AspNetCore.Components;
using AgencyWorkroom.Web.Components.Account.Pages;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Admin;

/// <summary>An admin adds people (finishing any left pending), changes roles and deactivates.</summary>
public sealed partial class PeoplePage
{
    private MeDto? _me;
    private List<PersonDto>? _people;
    private NewPersonForm _form = new();
    private FormState _state = null!;
    private PersonDto? _finishing;
    private string _search = "";
    private (string Name, string Link)? _reset;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IPeopleCommands Commands { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptions<WorkroomOptions> Options { get; set; } = default!;

    private int ResetLinkHours => Options.Value.PasswordResetLinkHours;

    protected override async Task OnInitializedAsync()
    {
        StartOver();
        _me = await People.GetMeAsync();
        if (_me.Role == AgencyRoles.Admin)
        {
            _people = await People.ListAsync();
        }
    }

    private static string StatusText(PersonDto person) => person.Pending ? "Pending" : person.Active ? "Active" : "Deactivated";

    private static Color StatusColor(PersonDto person) => person.Pending ? Color.Warning : person.Active ? Color.Success : Color.Default;

    private bool Matches(PersonDto person) =>
        string.IsNullOrWhiteSpace(_search)
        || person.FullName.Contains(_search, StringComparison.OrdinalIgnoreCase)
        || person.Email.Contains(_search, StringComparison.OrdinalIgnoreCase);

    private void StartOver() => Edit(new NewPersonForm(), finishing: null);

    /// <summary>A pending person's details back in the form: sending it again does the steps left.</summary>
    private void Finish(PersonDto person) => Edit(
        new NewPersonForm { FullName = person.FullName, Email = person.Email, Title = person.Title, Department = person.Department, Role = person.Role },
        person);

    private void Edit(NewPersonForm form, PersonDto? finishing)
    {
        _form = form;
        _state = new FormState(form);
        _finishing = finishing;
    }

    private async Task CreateAsync()
    {
        var result = await _state.SaveAsync(() => Commands.CreateAsync(_form));
        if (result is null)
        {
            // Failed (the friendly error offers a retry, which finishes a person left pending) or already running.
            return;
        }

        if (result.Succeeded)
        {
            Snackbar.Add($"{_form.FullName} can now sign in as {_form.Email.Trim()}.", Severity.Success);
            StartOver();
        }

        // A refusal can leave a person pending: the list shows them with a button to finish.
        _people = await People.ListAsync();
    }

    private async Task SetRoleAsync(PersonDto person, string role)
    {
        await Commands.SetRoleAsync(person.Id, role);
        Snackbar.Add($"{person.FullName} is now {AgencyRoles.Label(role)}; it counts from their next click.", Severity.Success);
        _people = await People.ListAsync();
    }

    /// <summary>The person's capacity history, skills and utilization targets (the capacity grid opens the same dialog).</summary>
    private async Task CapacityAsync(PersonDto person)
    {
        var parameters = new DialogParameters<PersonCapacityDialog>
        {
            { d => d.EmployeeId, person.Id },
            { d => d.ViewerRole, _me?.Role ?? "" },
        };
        var dialog = await Dialogs.ShowAsync<PersonCapacityDialog>(person.FullName, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false, Data: true })
        {
            _people = await People.ListAsync();
        }
    }

    private async Task ToggleActiveAsync(PersonDto person)
    {
        if (person.Active)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                "Deactivate this person?",
                $"{person.FullName} will be signed out of the workroom and cannot sign in again. Their timesheets and work stay.",
                yesText: "Deactivate", cancelText: "Cancel");
            if (confirmed != true)
            {
                return;
            }
        }

        await Commands.SetActiveAsync(person.Id, !person.Active);
        _people = await People.ListAsync();
    }

    /// <summary>A one-time link, shown to the admin only now, with which the person sets a new password.</summary>
    private async Task ResetPasswordAsync(PersonDto person)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Reset this person's password?",
            $"You get a link to give {person.FullName}; with it they set a new password, once. Their current password works until they do.",
            yesText: "Make the link", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        if (await Commands.CreatePasswordResetAsync(person.Id) is not { } reset)
        {
            _reset = null;
            Snackbar.Add($"No link was made for {person.FullName}: only admins can, for active people who sign in.", Severity.Error);
            return;
        }

        _reset = (person.FullName, ResetPasswordPage.LinkFor(Navigation.BaseUri, reset));
    }
}
