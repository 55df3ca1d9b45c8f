namespace AgencyWorkroom.Data.Session;

/// <summary>
/// Who a unit of work runs as: the signed-in person's tenant and employee id, both taken from
/// the database at sign-in. The role is not part of it: each unit of work reads the current one.
/// </summary>
public sealed record SessionContext(Guid TenantId, Guid EmployeeId);

/// <summary>Where the current person comes from: the circuit's or the request's authentication state.</summary>
public interface ISessionContextSource
{
    /// <summary>The signed-in person, or null when nobody is signed in.</summary>
    Task<SessionContext?> GetAsync(CancellationToken cancellationToken = default);
}
