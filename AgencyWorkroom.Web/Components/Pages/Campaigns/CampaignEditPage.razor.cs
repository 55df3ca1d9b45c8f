using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Campaigns;

/// <summary>
/// Creates a campaign, from scratch or from an earlier one as a template (?template=id), or edits
/// one; read-only for roles the database would refuse.
/// </summary>
public sealed partial class CampaignEditPage
{
    private CampaignForm? _form;
    private FormState? _state;
    private CampaignOptionsDto? _options;
    private bool _canWrite;
    private bool _missing;

    [Parameter]
    public Guid? CampaignId { get; set; }

    [SupplyParameterFromQuery(Name = "template")]
    public Guid? Template { get; set; }

    [Inject]
    private ICampaignQueries Campaigns { get; set; } = default!;

    [Inject]
    private ICampaignCommands Commands { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string Heading => CampaignId is null ? "New campaign" : _form is { Name.Length: > 0 } ? $"Edit {_form.Name}" : "Edit campaign";

    protected override async Task OnParametersSetAsync()
    {
        var me = await People.GetMeAsync();
        _canWrite = CampaignCommands.Writers.Contains(me.Role);
        _options ??= await Campaigns.GetOptionsAsync();
        _form = CampaignId is { } id ? await Campaigns.GetFormAsync(id)
            : Template is { } template ? FromTemplate(await Campaigns.GetFormAsync(template))
            : new CampaignForm();
        _missing = _form is null;
        _state = _form is null ? null : new FormState(_form);
    }

    /// <summary>An earlier campaign's settings for a new one: a new row's id, a fresh code and name, starting today for as long.</summary>
    public static CampaignForm FromTemplate(CampaignForm? template, DateTime? today = null)
    {
        if (template is null)
        {
            return new CampaignForm();
        }

        var start = (today ?? DateTime.Today).Date;
        var days = (template.EndDate!.Value - template.StartDate!.Value).Days;
        template.Id = Guid.CreateVersion7();
        template.Version = null;
        template.Code = "";
        template.Name = $"Copy of {template.Name}";
        template.Status = "planning";
        template.StartDate = start;
        template.EndDate = start.AddDays(days);
        return template;
    }

    private string? TemplateName(Guid? id) => _options?.Templates.FirstOrDefault(t => t.Id == id) is { } t ? $"{t.Code} · {t.Name}" : null;

    private void UseTemplate(Guid? template) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("template", template), replace: true);

    private async Task SaveAsync()
    {
        var result = await _state!.SaveAsync(() => CampaignId is { } id
            ? Commands.UpdateAsync(id, _form!)
            : Commands.CreateAsync(_form!, Template));
        if (result is { Succeeded: true, Id: { } saved })
        {
            Navigation.NavigateTo($"/campaigns/{saved}");
        }
    }
}
