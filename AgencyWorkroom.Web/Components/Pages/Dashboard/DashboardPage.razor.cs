using AgencyWorkroom.Data.Features.Dashboard;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Status;
using AgencyWorkroom.Data.Schema;
using Microsoft.AspNetCore.Components;

namespace AgencyWorkroom.Web.Components.Pages.Dashboard;

/// <summary>
/// The home screen: greeting, KPI tiles, project health, activity and the person's own week.
/// It asks the database's status first and reads nothing from a database that is not ready.
/// </summary>
/// <remarks>
/// The figures read to prerender the page travel with it (persistent component state), so the
/// circuit that starts a moment later shows them rather than reading them all again: the three
/// units of work of a dashboard ran twice on every visit.
/// </remarks>
public sealed partial class DashboardPage : IDisposable
{
    private const string PersistedKey = "dashboard";

    // What MudLink renders, for the links in repeated rows (plain anchors there, see the markup).
    private const string LinkClass = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    private SchemaStatus? _status;
    private MeDto? _me;
    private DashboardDto? _dashboard;

    [Inject]
    private IDatabaseStatus DatabaseStatus { get; set; } = default!;

    [Inject]
    private IPeopleQueries People { get; set; } = default!;

    [Inject]
    private IDashboardQueries Dashboard { get; set; } = default!;

    [Inject]
    private PersistentComponentState PersistentState { get; set; } = default!;

    private PersistingComponentStateSubscription _persisting;

    protected override Task OnInitializedAsync()
    {
        _persisting = PersistentState.RegisterOnPersisting(PersistAsync);
        return LoadAsync(PersistentState.TryTakeFromJson<DashboardDto>(PersistedKey, out var prerendered) ? prerendered : null);
    }

    private Task PersistAsync()
    {
        if (_dashboard is not null)
        {
            PersistentState.PersistAsJson(PersistedKey, _dashboard);
        }

        return Task.CompletedTask;
    }

    private async Task LoadAsync(DashboardDto? prerendered = null)
    {
        _status = null;
        _status = await DatabaseStatus.GetStatusAsync();
        if (_status.UpToDate)
        {
            _me = await People.GetMeAsync();
            _dashboard = prerendered ?? await Dashboard.GetAsync();
        }
    }

    public void Dispose() => _persisting.Dispose();

    public static string ActivityVerb(string activityType) => activityType switch
    {
        "artifact_created" => "created",
        "artifact_edited" => "edited",
        "comment_added" => "commented on",
        "artifact_submitted" => "submitted for review",
        "artifact_approved" => "approved",
        "artifact_changes_requested" => "requested changes to",
        "artifact_withdrawn" => "withdrew from review",
        "artifact_reopened" => "reopened",
        "artifact_archived" => "archived",
        "artifact_unarchived" => "unarchived",
        "timesheet_approved" => "approved timesheets:",
        "timesheet_submitted" => "submitted the timesheet",
        "timesheet_rejected" => "rejected the timesheet",
        "timesheet_unlocked" => "unlocked the timesheet",
        "campaign_updated" => "updated",
        _ => "changed",
    };

    /// <summary>Where an activity leads: the campaign, the timesheet, or the artifact's own page.</summary>
    public static string ActivityHref(ActivityRow activity) => activity.EntityType switch
    {
        "campaign" => $"/campaigns/{activity.EntityId}",
        "timesheet" => "/timesheets",
        "artifact" => $"/artifacts/{activity.EntityId}",
        _ => activity.CampaignId is { } campaign ? $"/campaigns/{campaign}" : "/artifacts",
    };
}
