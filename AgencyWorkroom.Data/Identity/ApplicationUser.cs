using Microsoft.AspNetCore.Identity;

namespace AgencyWorkroom.Data.Identity;

/// <summary>
/// A sign-in account. It belongs to exactly one tenant and one employee; everything else about
/// the person (name, role, active) lives in <c>agency.employees</c> under row-level security.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }

    public Guid EmployeeId { get; set; }
}
