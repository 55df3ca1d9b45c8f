using System.Security.Claims;
using AgencyWorkroom.Data.Identity;
using AgencyWorkroom.Data.Session;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgencyWorkroom.Web.Components.Account;

/// <summary>Adds the tenant and employee of the account to the sign-in cookie, and whether two-factor enrolment is due (046).</summary>
public sealed class WorkroomClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options, UnitOfWorkFactory unitsOfWork)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkroomClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(WorkroomClaims.EmployeeId, user.EmployeeId.ToString()));
        if (!await UserManager.GetTwoFactorEnabledAsync(user) && await MustUseTwoFactorAsync(user))
        {
            identity.AddClaim(new Claim(WorkroomClaims.TwoFactorEnrolmentDue, "true"));
        }

        return identity;
    }

    private async Task<bool> MustUseTwoFactorAsync(ApplicationUser user)
    {
        try
        {
            return await unitsOfWork.MustUseTwoFactorAsync(new SessionContext(user.TenantId, user.EmployeeId));
        }
        catch (AccessRevokedException)
        {
            // Deactivated: the sign-in refuses them anyway (WorkroomSignInManager).
            return false;
        }
    }
}
