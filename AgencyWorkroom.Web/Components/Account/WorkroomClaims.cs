using System.Security.Claims;
using AgencyWorkroom.Data.Session;

namespace AgencyWorkroom.Web.Components.Account;

/// <summary>
/// The two claims that say who a person is in the workroom. They come from the account row at
/// sign-in and travel in the Data Protection-encrypted cookie, never from a form or URL.
/// </summary>
public static class WorkroomClaims
{
    public const string TenantId = "workroom:tenant_id";
    public const string EmployeeId = "workroom:employee_id";

    /// <summary>
    /// Present when the agency requires two-factor of this person and the account has none yet:
    /// every page sends them to enrol (decision 026). Decided at sign-in; enrolling re-signs them.
    /// </summary>
    public const string TwoFactorEnrolmentDue = "workroom:two_factor_due";

    /// <summary>The session context the principal carries, or null when it carries none.</summary>
    public static SessionContext? ToSessionContext(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && Guid.TryParse(principal.FindFirstValue(TenantId), out var tenant)
        && Guid.TryParse(principal.FindFirstValue(EmployeeId), out var employee)
            ? new SessionContext(tenant, employee)
            : null;
}
