namespace AgencyWorkroom.Data.Features.Common;

/// <summary>
/// How a write ended: saved (with the row's id), or refused with messages a form shows next to
/// its fields (<see cref="FieldErrors"/>, by property name) or above them (<see cref="Error"/>).
/// </summary>
public sealed record SaveResult(Guid? Id, IReadOnlyDictionary<string, string> FieldErrors, string? Error)
{
    public bool Succeeded => Error is null && FieldErrors.Count == 0;

    public static SaveResult Saved(Guid id) => new(id, new Dictionary<string, string>(), null);

    public static SaveResult Field(string field, string message) => new(null, new Dictionary<string, string> { [field] = message }, null);

    public static SaveResult Refused(string message) => new(null, new Dictionary<string, string>(), message);
}
