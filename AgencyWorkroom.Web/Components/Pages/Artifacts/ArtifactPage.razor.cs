using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Web.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Artifacts;

/// <summary>One artifact, read: its Markdown through <see cref="SafeMarkdown"/>, and the facts beside it.</summary>
public sealed partial class ArtifactPage
{
    private ArtifactDetailDto? _detail;
    private MarkupString _html;
    private bool _missing;
    private ArtifactEditor? _editor;
    private int _reviewSteps;
    private int? _openComments;

    [Parameter]
    public Guid ArtifactId { get; set; }

    /// <summary>"read" shows the text rendered (the print and reading view), "history" the versions; otherwise the editor.</summary>
    [SupplyParameterFromQuery(Name = "view")]
    public string? View { get; set; }

    private bool Read => string.Equals(View, "read", StringComparison.OrdinalIgnoreCase);

    private bool History => string.Equals(View, "history", StringComparison.OrdinalIgnoreCase);

    private bool Editing => !Read && !History;

    [Inject]
    private IArtifactQueries Artifacts { get; set; } = default!;


    private List<BreadcrumbItem> Crumbs =>
    [
        new("Artifacts", "/artifacts"),
        new(_detail?.Row.CampaignCode ?? "", $"/artifacts?campaign={_detail?.Row.CampaignId}"),
    ];

    /// <summary>Words of the text as a reader counts them: runs of letters or digits.</summary>
    private int Words => CountWords(_detail?.Content);

    public static int CountWords(string? text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text ?? "")
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    // The editor saved: the facts beside it (words, last edited) follow.
    private void OnSaved(string content)
    {
        if (_detail is not null)
        {
            _detail = _detail with { Content = content };
            _html = SafeMarkdown.Render(content);
        }
    }

    // A review step changed the row (its status, and so the version a save starts from): read it
    // again and give the editor a fresh start; text typed meanwhile is in the browser's storage.
    private async Task OnReviewedAsync(string status)
    {
        _reviewSteps++;
        await LoadAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_detail is not null && _detail.Row.ArtifactId == ArtifactId)
        {
            // Only the view changed: the editor keeps its own text and version; reading and the history read again.
            if (!Editing)
            {
                await LoadAsync();
            }

            return;
        }

        await LoadAsync();
    }

    // The due date changed the row beside the text: the editor's next save starts from the new version.
    private void OnRowChanged((DateOnly? DueDate, ArtifactRowChange Change) changed)
    {
        _editor?.RowChanged(changed.Change.Before, changed.Change.After);
        if (_detail is not null)
        {
            _detail = _detail with { DueDate = changed.DueDate, Version = changed.Change.After };
        }
    }

    private async Task LoadAsync()
    {
        _detail = await Artifacts.GetAsync(ArtifactId);
        _missing = _detail is null;
        _html = SafeMarkdown.Render(_detail?.Content);
    }
}
