using System.Security.Claims;
using AgencyWorkroom.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgencyWorkroom.Web.Components.Account;

/// <summary>Adds the tenant and employee of the account to the sign-in cookie.</summary>
public sealed class WorkroomClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkroomClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(WorkroomClaims.EmployeeId, user.EmployeeId.ToString()));
        return identity;
    }
}
