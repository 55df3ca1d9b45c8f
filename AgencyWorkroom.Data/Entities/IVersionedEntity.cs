namespace AgencyWorkroom.Data.Entities;

/// <summary>
/// A row whose edit forms refuse to save over someone else's change. The version is PostgreSQL's
/// <c>xmin</c>, which every update of the row changes; an update sent with an older one changes no row.
/// </summary>
public interface IVersionedEntity
{
    uint Version { get; set; }
}
