using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AgencyWorkroom.Data.Features.Artifacts;

/// <summary>A line of a comparison: kept, added in the newer version, or removed from the older.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>Two versions of an artifact's Markdown compared line by line (DiffPlex), as a reviewer reads
/// them: what the newer one removed and added, in the order of the text.</summary>
public sealed record ArtifactComparison(int Older, int Newer, IReadOnlyList<DiffLine> Lines)
{
    public int Added => Lines.Count(l => l.Kind == DiffLineKind.Added);

    public int Removed => Lines.Count(l => l.Kind == DiffLineKind.Removed);

    public bool Same => Added == 0 && Removed == 0;

    public static ArtifactComparison Of(int older, int newer, string before, string after)
    {
        // Whitespace counts: in Markdown an indent or a trailing space changes the document.
        var diff = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var lines = diff.Lines
            .Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted or ChangeType.Unchanged)
            .Select(l => new DiffLine(
                l.Type switch { ChangeType.Inserted => DiffLineKind.Added, ChangeType.Deleted => DiffLineKind.Removed, _ => DiffLineKind.Unchanged },
                l.Text))
            .ToList();
        return new ArtifactComparison(older, newer, lines);
    }
}
