using AgencyWorkroom.Data.Features.Suite;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AgencyWorkroom.Web.Components.Pages.Campaigns;

/// <summary>The campaign's linked records in the neighbouring systems, and linking them (decision 023).</summary>
public sealed partial class CampaignLinks
{
    private CampaignLinksDto? _links;
    private IReadOnlyList<LinkCandidateRow>? _candidates;
    private string _kind = LinkKinds.Quote;
    private string? _search;
    private string? _error;
    private bool _busy;
    private bool _failed;

    [Parameter, EditorRequired]
    public Guid CampaignId { get; set; }

    /// <summary>Raised after a link or unlink: the campaign's spend and health changed.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    [Inject]
    private ISuiteQueries Suite { get; set; } = default!;

    [Inject]
    private ISuiteCommands Commands { get; set; } = default!;

    [Inject]
    private ILogger<CampaignLinks> Logger { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private static string Words(string value) => value.Replace('_', ' ');

    private async Task LoadAsync()
    {
        try
        {
            _links = await Suite.GetCampaignLinksAsync(CampaignId);
            _failed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "The linked records of campaign {CampaignId} could not be loaded", CampaignId);
            _failed = true;
        }
    }

    private async Task SearchOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private async Task SearchAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            _candidates = await Suite.SearchCandidatesAsync(CampaignId, _kind, _search);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Searching {Kind} for campaign {CampaignId} failed", _kind, CampaignId);
            _error = "The search failed; try again.";
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SetLinkAsync(string kind, Guid recordId, bool linked)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await Commands.SetLinkAsync(CampaignId, kind, recordId, linked);
            if (!result.Succeeded)
            {
                _error = result.Error;
                return;
            }

            await LoadAsync();
            if (_candidates is not null)
            {
                _candidates = await Suite.SearchCandidatesAsync(CampaignId, _kind, _search);
            }

            await OnChanged.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
