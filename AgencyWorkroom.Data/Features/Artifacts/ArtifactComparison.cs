using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AgencyWorkroom.Data.Features.Artifacts;

/// <summary>
/// A line of a comparison: kept, added in the newer version, or removed from the older. A line changed
/// in place (removed and added at the same row) carries its words, each marked changed or not, so the
/// page can show the one word that changed in a long line rather than the whole line twice.
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, IReadOnlyList<DiffWord>? Words = null);

/// <summary>A piece of a changed line: a word, a space or a mark, and whether this version changed it.</summary>
public sealed record DiffWord(string Text, bool Changed);

/// <summary>A row of the side-by-side view: the older version's line and the newer's (either empty where the other added or removed one).</summary>
public sealed record DiffRow(DiffLine? Older, DiffLine? Newer);

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>Two versions of an artifact's Markdown compared line by line and, within changed lines, word by
/// word (DiffPlex's side-by-side builder), as a reviewer reads them: side by side, or inline in the order of
/// the text, what the newer one removed and added.</summary>
public sealed record ArtifactComparison(int Older, int Newer, IReadOnlyList<DiffRow> Rows)
{
    /// <summary>The inline view: each row's older line, then its newer one where they differ.</summary>
    public IReadOnlyList<DiffLine> Lines { get; } = [.. Rows.SelectMany(Inline)];

    public int Added => Lines.Count(l => l.Kind == DiffLineKind.Added);

    public int Removed => Lines.Count(l => l.Kind == DiffLineKind.Removed);

    public bool Same => Added == 0 && Removed == 0;

    public static ArtifactComparison Of(int older, int newer, string before, string after)
    {
        // Whitespace counts: in Markdown an indent or a trailing space changes the document.
        var model = SideBySideDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false);
        var rows = model.OldText.Lines.Zip(model.NewText.Lines, Row).Where(r => r.Older is not null || r.Newer is not null).ToList();
        return new ArtifactComparison(older, newer, rows);
    }

    private static DiffRow Row(DiffPiece old, DiffPiece @new) => (old.Type, @new.Type) switch
    {
        (ChangeType.Unchanged, _) => new DiffRow(new DiffLine(DiffLineKind.Unchanged, old.Text), new DiffLine(DiffLineKind.Unchanged, @new.Text)),
        (ChangeType.Modified, _) or (_, ChangeType.Modified) => new DiffRow(
            new DiffLine(DiffLineKind.Removed, old.Text, Words(old)), new DiffLine(DiffLineKind.Added, @new.Text, Words(@new))),
        _ => new DiffRow(
            old.Type == ChangeType.Deleted ? new DiffLine(DiffLineKind.Removed, old.Text) : null,
            @new.Type == ChangeType.Inserted ? new DiffLine(DiffLineKind.Added, @new.Text) : null),
    };

    // The line's pieces with the other version's placeholders (imaginary pieces) left out; what remains spells the line.
    private static IReadOnlyList<DiffWord>? Words(DiffPiece line) =>
        line.SubPieces is { Count: > 0 } pieces
            ? [.. pieces.Where(p => p.Type != ChangeType.Imaginary && p.Text is not null).Select(p => new DiffWord(p.Text, p.Type != ChangeType.Unchanged))]
            : null;

    private static IEnumerable<DiffLine> Inline(DiffRow row)
    {
        if (row.Older is { Kind: DiffLineKind.Unchanged } same)
        {
            yield return same;
            yield break;
        }

        if (row.Older is { } removed)
        {
            yield return removed;
        }

        if (row.Newer is { } added)
        {
            yield return added;
        }
    }
}
