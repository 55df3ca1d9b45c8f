using AgencyWorkroom.Data.Features.Artifacts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgencyWorkroom.Web.Components.Pages.Artifacts;

/// <summary>
/// An artifact's versions: who saved each and when, any two compared line by line (the one before
/// the current against it, to start), and a restore that adds the old text as a new version after
/// asking, so nothing is lost by restoring either.
/// </summary>
public sealed partial class ArtifactHistory
{
    private IReadOnlyList<ArtifactVersionRow>? _versions;
    private ArtifactComparison? _comparison;
    private int _older;
    private int _newer;
    private bool _busy;
    private bool _sideBySide;
    private string? _error;

    [Parameter, EditorRequired]
    public Guid ArtifactId { get; set; }

    /// <summary>The artifact's row version (xmin) as the page read it: a restore is refused if it changed since.</summary>
    [Parameter, EditorRequired]
    public uint Version { get; set; }

    /// <summary>Called after a restore, so the page reads the artifact again.</summary>
    [Parameter]
    public EventCallback Restored { get; set; }

    [Inject]
    private IArtifactQueries Queries { get; set; } = default!;

    [Inject]
    private IArtifactCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private int Current => _versions is { Count: > 0 } v ? v[0].VersionNumber : 0;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _versions = await Queries.ListVersionsAsync(ArtifactId);
        if (_versions.Count > 1)
        {
            await CompareAsync(_versions[1].VersionNumber, _versions[0].VersionNumber);
        }
    }

    private async Task CompareAsync(int older, int newer)
    {
        (_older, _newer) = (older, newer);
        _comparison = await Queries.CompareAsync(ArtifactId, Math.Min(older, newer), Math.Max(older, newer));
    }

    private async Task RestoreAsync(int versionNumber)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Restore version {versionNumber}?",
            $"Its text becomes a new version {Current + 1}; version {Current} and the others stay in the history.",
            yesText: "Restore", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var outcome = await Commands.RestoreAsync(ArtifactId, Version, versionNumber);
            _error = outcome.IsConflict
                ? $"{outcome.ChangedBy ?? "Someone"} saved the artifact since you opened it; reload the page to restore from what is there now."
                : outcome.Error;
            if (outcome.Saved)
            {
                await Restored.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static string SizeChange(int change) => change switch
    {
        > 0 => $"+{change:N0}",
        < 0 => $"−{-change:N0}",
        _ => "0",
    };

    private static string Lines(int count) => count == 1 ? "1 line" : $"{count:N0} lines";

    // A line's text; a line changed in place shows its changed words marked (removed words struck, added ones underlined).
    private static RenderFragment LineText(DiffLine line) => builder =>
    {
        if (line.Words is not { } words)
        {
            builder.AddContent(0, line.Text);
            return;
        }

        foreach (var word in words)
        {
            if (!word.Changed)
            {
                builder.AddContent(1, word.Text);
                continue;
            }

            builder.OpenElement(2, line.Kind == DiffLineKind.Added ? "ins" : "del");
            builder.AddContent(3, word.Text);
            builder.CloseElement();
        }
    };

    private static string Sign(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Added => "+",
        DiffLineKind.Removed => "−",
        _ => " ",
    };

    private static string LineClass(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Added => "added",
        DiffLineKind.Removed => "removed",
        _ => "kept",
    };
}
