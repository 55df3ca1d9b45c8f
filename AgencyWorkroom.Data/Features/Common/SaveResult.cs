using System.Globalization;

namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// How a write ended: saved (with the row's id), or refused with messages a form shows next to
/// its fields (<see cref="FieldErrors"/>, by property name) or above them (<see cref="Error"/>).
/// </summary>
public sealed record SaveResult(Guid? Id, IReadOnlyDictionary<string, string> FieldErrors, string? Error)
{
    public bool Succeeded => Error is null && FieldErrors.Count == 0;

    /// <summary>Set when someone else saved the row after the form was read: the row's version now.</summary>
    public uint? CurrentVersion { get; init; }

    public bool IsConflict => CurrentVersion is not null;

    public static SaveResult Saved(Guid id) => new(id, new Dictionary<string, string>(), null);

    public static SaveResult Field(string field, string message) => new(null, new Dictionary<string, string> { [field] = message }, null);

    public static SaveResult Refused(string message) => new(null, new Dictionary<string, string>(), message);

    /// <summary>
    /// Someone else saved the row after the form was read. The form keeps what was typed and takes
    /// <paramref name="currentVersion"/>, so saving again is a choice made knowing of their change.
    /// </summary>
    public static SaveResult Conflict(string? changedBy, DateTimeOffset changedAt, uint currentVersion) => Refused(string.Create(
        CultureInfo.InvariantCulture,
        $"Changed by {changedBy ?? "someone else"} at {changedAt.ToLocalTime():yyyy-MM-dd HH:mm}. Your changes are still in the form: review theirs and save again.")) with
    {
        CurrentVersion = currentVersion,
    };
}
