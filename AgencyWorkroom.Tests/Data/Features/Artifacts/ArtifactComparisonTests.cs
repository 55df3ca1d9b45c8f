using AgencyWorkroom.Data.Features.Artifacts;

namespace AgencyWorkroom.Tests.Data.Features.Artifacts;

/// <summary>Word-level compare within changed lines (DiffPlex): a one-word change in a long line marks that word only, inline and side by side.</summary>
public sealed class ArtifactComparisonTests
{
    private const string Long =
        "The harbour launch needs a budget for the summer campaign, a film of the harbour at dawn, three posters for the ferry terminal and a radio spot that runs for six weeks.";

    [Fact]
    public void Of_OneWordChangedInALongLine_MarksThatWordOnly()
    {
        var comparison = ArtifactComparison.Of(1, 2, $"# Plan\n{Long}\nDay two: boats", $"# Plan\n{Long.Replace("dawn", "dusk", StringComparison.Ordinal)}\nDay two: boats");

        Assert.Equal((1, 1), (comparison.Added, comparison.Removed));
        Assert.Equal([DiffLineKind.Unchanged, DiffLineKind.Removed, DiffLineKind.Added, DiffLineKind.Unchanged], comparison.Lines.Select(l => l.Kind));
        var removed = comparison.Lines[1];
        var added = comparison.Lines[2];
        Assert.Equal(["dawn"], removed.Words!.Where(w => w.Changed).Select(w => w.Text));
        Assert.Equal(["dusk"], added.Words!.Where(w => w.Changed).Select(w => w.Text));
        // The pieces spell the whole line, so the page shows it all with the one word marked.
        Assert.Equal(removed.Text, string.Concat(removed.Words!.Select(w => w.Text)));
        Assert.Equal(added.Text, string.Concat(added.Words!.Select(w => w.Text)));

        // Side by side: one row per line, the changed one with both versions.
        Assert.Equal(3, comparison.Rows.Count);
        Assert.Equal((DiffLineKind.Removed, DiffLineKind.Added), (comparison.Rows[1].Older!.Kind, comparison.Rows[1].Newer!.Kind));
        Assert.Same(removed, comparison.Rows[1].Older);
    }

    [Fact]
    public void Of_LinesOnlyAddedOrRemoved_CarryNoWords_AndLeaveTheOtherSideEmpty()
    {
        var comparison = ArtifactComparison.Of(1, 2, "# Plan\nGone line\nKept", "# Plan\nKept\nNew line");

        Assert.Equal(
            [(DiffLineKind.Unchanged, "# Plan"), (DiffLineKind.Removed, "Gone line"), (DiffLineKind.Unchanged, "Kept"), (DiffLineKind.Added, "New line")],
            comparison.Lines.Select(l => (l.Kind, l.Text)));
        Assert.All(comparison.Lines, l => Assert.Null(l.Words));
        Assert.Contains(comparison.Rows, r => r.Older is { Text: "Gone line" } && r.Newer is null);
        Assert.Contains(comparison.Rows, r => r.Older is null && r.Newer is { Text: "New line" });
    }
}
