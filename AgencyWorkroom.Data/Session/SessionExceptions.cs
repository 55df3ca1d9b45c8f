namespace AgencyWorkroom.Data.Session;

/// <summary>A unit of work was asked for without a signed-in person; no SQL was sent.</summary>
public sealed class NoSessionContextException()
    : InvalidOperationException("No signed-in person: a unit of work cannot run without a session context.");

/// <summary>The person is no longer an active member of the tenant (deactivated or removed).</summary>
public sealed class AccessRevokedException(SessionContext context)
    : UnauthorizedAccessException($"Employee {context.EmployeeId} is not an active member of tenant {context.TenantId}.")
{
    public SessionContext Context { get; } = context;
}
