using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Campaigns;

/// <summary>One campaign: figures, budget and burn, phases, timesheets, team, staffing, artifacts and costs.</summary>
public sealed partial class CampaignPage
{
    private CampaignDetailDto? _detail;
    private bool _canWrite;
    private bool _readsAllTime;
    private bool _missing;

    [Parameter]
    public Guid CampaignId { get; set; }

    [Inject]
    private ICampaignQueries Campaigns { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var me = await People.GetMeAsync();
        _canWrite = CampaignCommands.Writers.Contains(me.Role);
        _readsAllTime = me.Role is AgencyRoles.Pm or AgencyRoles.Finance or AgencyRoles.Leadership;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _detail = await Campaigns.GetAsync(CampaignId);
        _missing = _detail is null;
    }
}
