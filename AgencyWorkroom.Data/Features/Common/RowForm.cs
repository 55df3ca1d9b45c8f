namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// What every form that writes one row carries besides its fields: the row's id and the version
/// it was read at. A new form makes its row's id once, so sending the same form again (a retry,
/// a second click) inserts that row once; an edit form's version makes a save over someone
/// else's change a conflict instead of a lost update.
/// </summary>
public abstract class RowForm
{
    /// <summary>The row's id; for a new row, made with the form (time-ordered, as the indexes like).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The row's version (<c>xmin</c>) when the form was read; null for a new row.</summary>
    public uint? Version { get; set; }

    public bool IsNew => Version is null;
}
