using AgencyWorkroom.Data.Features.Artifacts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Artifacts;

/// <summary>
/// Review buttons for the steps the database says this person may take now
/// (agency.artifact_review_options); a reason is asked for changes requested and a reopening.
/// The step itself goes through agency.review_artifact, whose trigger decides again.
/// </summary>
public sealed partial class ArtifactReview
{
    private ArtifactReviewDto? _review;
    private string? _error;
    private bool _busy;

    [Parameter, EditorRequired]
    public Guid ArtifactId { get; set; }

    /// <summary>Called with the new status after a step was taken.</summary>
    [Parameter]
    public EventCallback<string> Changed { get; set; }

    [Inject]
    private IArtifactReviewQueries Queries { get; set; } = default!;

    [Inject]
    private IArtifactReviewCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private ReviewEventRow? Latest => _review?.Events.FirstOrDefault();

    private Guid _loaded;

    // Read when the artifact changes, not on every render of the page around it.
    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != ArtifactId)
        {
            _loaded = ArtifactId;
            await LoadAsync();
        }
    }

    private async Task LoadAsync() => _review = await Queries.GetReviewAsync(ArtifactId);

    private async Task TakeAsync(ReviewOptionDto option)
    {
        string? reason = null;
        if (option.NeedsReason)
        {
            var parameters = new DialogParameters<ArtifactReasonDialog>
            {
                { d => d.Prompt, option.Step == "changes_requested" ? "Say what should change. The owner is told." : "Say why it is reopened. The owner is told." },
                { d => d.SubmitText, option.Label },
            };
            var dialog = await Dialogs.ShowAsync<ArtifactReasonDialog>(option.Label, parameters);
            if (await dialog.Result is not { Canceled: false, Data: string given })
            {
                return;
            }

            reason = given;
        }

        _busy = true;
        _error = null;
        try
        {
            var result = await Commands.MoveAsync(ArtifactId, option.ToStatus, reason);
            if (!result.Done)
            {
                _error = result.Error;
                return;
            }

            await LoadAsync();
            await Changed.InvokeAsync(result.Status);
        }
        finally
        {
            _busy = false;
        }
    }
}
